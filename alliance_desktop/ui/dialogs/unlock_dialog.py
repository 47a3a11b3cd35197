"""The first window: choose the vault file and unlock it, or create a new vault there."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QIcon, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.passphrase import MINIMUM_PASSPHRASE_LENGTH, check_new_passphrase
from alliance_desktop.domain.vault_errors import WrongPassphrase
from alliance_desktop.ui.settings import note_failed_unlock, remember_vault_path
from alliance_desktop.ui.signal_emit import emit
from alliance_desktop.ui.tasks import TaskRunner
from alliance_desktop.ui.widgets.field_messages import FieldMessages

if TYPE_CHECKING:
    from alliance_desktop.services import Practice

_OPEN_INTRO = (
    "Your client records are kept in one encrypted file, the vault. "
    "Enter its passphrase to open it."
)
_CREATE_INTRO = (
    "There is no vault at this location yet. Choose a passphrase to create a new, empty "
    "vault here — or use Browse… to pick the vault you already have."
)
# After the window has appeared, and long before anyone has typed a passphrase: load the use
# cases the unlock needs (about 0.1 s), which the window itself does not.
PRELOAD_AFTER_MS = 200

_PASSPHRASE_ADVICE = (
    f"Use at least {MINIMUM_PASSPHRASE_LENGTH} characters. The passphrase is the only thing "
    "protecting your clients' records if this computer is lost or stolen, and it cannot be "
    "recovered: without it the records cannot be opened. A few unrelated words are easy to "
    "remember and hard to guess; keep a copy somewhere safe."
)


class UnlockDialog(QDialog):
    """Emits `unlocking()` when the vault starts opening, `unlocked(practice)` once it is
    open, then closes."""

    unlocked = Signal(object)
    unlocking = Signal()  # the key is being derived: time to get the window ready
    _deriving = Signal()  # from the worker, as it starts deriving the key

    def __init__(
        self,
        tasks: TaskRunner,
        vault_path: Path,
        prefilled_passphrase: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._creating = False
        self._busy = False
        self._abandoned = False
        self.practice: Practice | None = None
        self.setWindowTitle("Alliance Desktop")
        self.setMinimumWidth(560)

        self.icon = QLabel()
        self.icon.setPixmap(QIcon(self.windowIcon()).pixmap(56, 56))
        self.title = QLabel()
        self.title.setObjectName("dialogTitle")
        self.intro = QLabel()
        self.intro.setObjectName("quietNote")
        self.intro.setWordWrap(True)

        self.path = QLineEdit(str(vault_path))
        self.browse_button = QPushButton("Browse…")
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirmation = QLineEdit()
        self.confirmation.setEchoMode(QLineEdit.EchoMode.Password)
        self.advice = QLabel(_PASSPHRASE_ADVICE)
        self.advice.setObjectName("quietNote")
        self.advice.setWordWrap(True)
        self.messages = FieldMessages()
        self.error = QLabel()
        self.error.setObjectName("errorBanner")
        self.error.setWordWrap(True)
        self.error.hide()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # indeterminate: key derivation has no steps to count
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(6)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("quietNote")

        self.buttons = QDialogButtonBox()
        self.submit_button = self.buttons.addButton("Open", QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit_button = self.buttons.addButton("Quit", QDialogButtonBox.ButtonRole.RejectRole)
        self.submit_button.setDefault(True)

        self._build_layout()

        self._deriving.connect(lambda: emit(self.unlocking))  # queued: it comes from the worker
        self.path.textChanged.connect(self._update_mode)
        self.browse_button.clicked.connect(self._browse)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)

        self._update_mode()
        self._set_busy(False)
        if prefilled_passphrase is not None:
            # The demo practice: its passphrase is public, so one Enter gets in.
            self.passphrase.setText(prefilled_passphrase)
            self.confirmation.setText(prefilled_passphrase)
        self.passphrase.setFocus()

    def _build_layout(self) -> None:
        heading = QVBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.intro)
        # Beside the title and its sentence, centred on them: set with no alignment flag,
        # since the Qt namespace would be loaded on the way to the first paint (15 ms).
        self.icon.setFixedSize(56, 56)
        header = QHBoxLayout()
        header.addWidget(self.icon)
        header.addSpacing(8)
        header.addLayout(heading, 1)

        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.browse_button)
        path_widget = QWidget()
        path_widget.setLayout(path_row)
        path_row.setContentsMargins(0, 0, 0, 0)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Named here, not by the app's form-field namer: it is installed after this window.
        self.path.setAccessibleName("Vault file")
        self.passphrase.setAccessibleName("Passphrase")
        self.confirmation.setAccessibleName("Repeat it")
        self.form.addRow("Vault file", path_widget)
        self.form.addRow("Passphrase", self.messages.wrap("passphrase", self.passphrase))
        self.form.addRow("Repeat it", self.messages.wrap("confirmation", self.confirmation))
        self.form.addRow("", self.advice)

        busy_row = QVBoxLayout()
        busy_row.addWidget(self.progress_label)
        busy_row.addWidget(self.progress)

        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 22, 24, 18)
        layout.setSpacing(14)
        layout.addLayout(header)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addLayout(busy_row)
        layout.addWidget(self.buttons)

    @property
    def creating(self) -> bool:
        return self._creating

    def chosen_path(self) -> Path:
        return Path(self.path.text().strip()).expanduser()

    def _update_mode(self) -> None:
        text = self.path.text().strip()
        self._creating = bool(text) and not self.chosen_path().exists()
        self.title.setText("Create a new vault" if self._creating else "Open your practice")
        self.intro.setText(_CREATE_INTRO if self._creating else _OPEN_INTRO)
        self.submit_button.setText("Create vault" if self._creating else "Open")
        self.form.setRowVisible(2, self._creating)
        self.form.setRowVisible(3, self._creating)
        self.messages.clear()
        self.error.hide()
        self._fit_to_contents()

    def _browse(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # its many enums would delay the first paint

        current = self.chosen_path()
        chooser = QFileDialog(
            self, "Choose a vault file", str(current.parent), "Vaults (*.vault);;All files (*)"
        )
        # A save-style chooser lets the clinician pick an existing vault or name a new one.
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        chooser.setOption(QFileDialog.Option.DontConfirmOverwrite, True)
        chooser.setLabelText(QFileDialog.DialogLabel.Accept, "Choose")
        chooser.setDefaultSuffix("vault")
        chooser.selectFile(current.name)
        if chooser.exec() == QDialog.DialogCode.Accepted and chooser.selectedFiles():
            self.path.setText(chooser.selectedFiles()[0])
            self.passphrase.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(PRELOAD_AFTER_MS, _load_use_cases)

    def _submit(self) -> None:
        if self._busy:
            return
        # The worker loads the use cases itself, after deriving the key (see
        # services/unlocking.py); usually they have loaded already while the passphrase was
        # typed (see showEvent).
        from alliance_desktop.services.unlocking import create_practice, open_practice

        self.messages.clear()
        self.error.hide()
        path = self.chosen_path()
        passphrase = self.passphrase.text()
        if not self.path.text().strip():
            self._show_error("Choose where the vault file is, or where to create one.")
            return
        if self._creating:
            try:
                check_new_passphrase(passphrase, self.confirmation.text())
            except InvalidInput as problem:
                self.messages.show(problem.problems)
                self._fit_to_contents()
                return
            self._set_busy(True, "Creating the vault…")
            self._tasks.submit(
                lambda: create_practice(path, passphrase), self._on_opened, self._on_failed
            )
            emit(self.unlocking)
        else:
            if not passphrase:
                self.messages.show({"passphrase": "Enter the vault's passphrase."})
                self._fit_to_contents()
                return
            self._set_busy(True, "Unlocking…")
            self._tasks.submit(
                lambda: open_practice(path, passphrase, lambda: emit(self._deriving)),
                self._on_opened,
                self._on_failed,
            )

    def _on_opened(self, practice: Practice) -> None:
        self._set_busy(False)
        if self._abandoned:
            # The window was closed while unlocking: nobody will use this vault.
            self._tasks.submit(practice.close)
            return
        self.passphrase.clear()
        self.confirmation.clear()
        remember_vault_path(practice.vault_path)
        self.practice = practice
        emit(self.unlocked, practice)
        self.accept()

    def _on_failed(self, error: Exception) -> None:
        self._set_busy(False)
        if isinstance(error, WrongPassphrase):
            # Goes into the vault's audit trail at the next unlock; only a count is kept.
            note_failed_unlock(error.path)
        if self._abandoned:
            return
        from alliance_desktop.ui.messages import describe_error

        self._show_error(describe_error(error))
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def _show_error(self, text: str) -> None:
        from PySide6.QtCore import Qt

        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.setText(text)
        self.error.show()
        self._fit_to_contents()

    def _fit_to_contents(self) -> None:
        """Grow (or shrink) to the height the text now needs, keeping the width.

        Errors and the create-mode fields come and go; without this they would be squeezed
        into the old height and clipped.
        """
        layout = self._layout
        layout.activate()
        width = max(self.width(), self.minimumWidth())
        if layout.hasHeightForWidth():
            height = layout.totalHeightForWidth(width)
        else:
            height = layout.totalSizeHint().height()
        self.resize(width, max(height, layout.totalMinimumSize().height()))

    def show_notice(self, text: str, *, problem: bool = False) -> None:
        """A result to read before unlocking (a restore just made, or refused)."""
        from PySide6.QtCore import Qt

        notice = self.findChild(QLabel, "unlockNotice")
        if notice is None:
            notice = QLabel(self)
            notice.setObjectName("unlockNotice")
            notice.setWordWrap(True)
            notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._layout.insertWidget(1, notice)
        notice.setProperty("problem", problem)
        notice.setStyleSheet(
            "color: #8c1d18; background: #fbeae8; border: 1px solid #f0c4bf;"
            if problem
            else "color: #1f4e4b; background: #e8f3f1; border: 1px solid #bcdad5;"
        )
        notice.setText(text)
        notice.show()
        self._fit_to_contents()

    def set_waiting(self, what: str | None) -> None:
        """Show `what` is happening (e.g. "Locking…") with the fields disabled; None ends it."""
        self._set_busy(what is not None, what or "")
        if what is None:
            self.passphrase.setFocus()

    def _set_busy(self, busy: bool, what: str = "") -> None:
        self._busy = busy
        self.progress.setVisible(busy)
        self.progress_label.setVisible(busy)
        self.progress_label.setText(what)
        for widget in (self.path, self.browse_button, self.passphrase, self.confirmation):
            widget.setEnabled(not busy)
        self.submit_button.setEnabled(not busy)
        if not busy:
            # Disabling the fields sent the focus to a button, which then took over as the
            # default: Enter must open the vault again, not browse for another file.
            self.submit_button.setDefault(True)

    def reject(self) -> None:
        if self._busy:
            self._abandoned = True
        super().reject()


def _load_use_cases() -> None:
    import alliance_desktop.services.practice  # noqa: F401
