"""Change passphrase: the current one, the new one twice. Checked here (length, match, not the
same) so a mistake is said at its field before any backup is made; returns the three texts."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.passphrase import (
    MINIMUM_PASSPHRASE_LENGTH,
    check_new_passphrase,
    normalise_passphrase,
)
from alliance_desktop.ui.widgets.field_messages import FieldMessages

EXPLANATION = (
    "A backup of the vault is made first, into your backup folder; it keeps the old "
    "passphrase. Then the vault is re-encrypted with the new one and read back to prove it "
    f"opens. Use at least {MINIMUM_PASSPHRASE_LENGTH} characters: a few unrelated words are "
    "easy to remember and hard to guess. It cannot be recovered, so keep a copy somewhere safe."
)


@dataclass(frozen=True)
class PassphraseChange:
    current: str
    new: str
    confirmation: str


def _secret() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class PassphraseChangeDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Change passphrase")
        self._result: PassphraseChange | None = None
        self.messages = FieldMessages()
        intro = QLabel(EXPLANATION)
        intro.setObjectName("quietNote")
        intro.setWordWrap(True)
        self.current = _secret()
        self.new = _secret()
        self.confirmation = _secret()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Current passphrase", self.messages.wrap("current", self.current))
        form.addRow("New passphrase", self.messages.wrap("passphrase", self.new))
        form.addRow("Repeat the new one", self.messages.wrap("confirmation", self.confirmation))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.change_button = self.buttons.addButton(
            "Change passphrase", QDialogButtonBox.ButtonRole.AcceptRole
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.current.setFocus()

    def accept(self) -> None:
        problems: dict[str, str] = {}
        if not self.current.text():
            problems["current"] = "Type the passphrase that opens the vault now."
        try:
            check_new_passphrase(self.new.text(), self.confirmation.text())
        except InvalidInput as error:
            problems.update(error.problems)
        if not problems and normalise_passphrase(self.new.text()) == normalise_passphrase(
            self.current.text()
        ):
            problems["passphrase"] = "The new passphrase is the current one; choose another."
        if problems:
            self.messages.show(problems)
            return
        self._result = PassphraseChange(
            self.current.text(), self.new.text(), self.confirmation.text()
        )
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None) -> PassphraseChange | None:
        dialog = cls(parent)
        dialog.exec()
        change = dialog._result
        for edit in (dialog.current, dialog.new, dialog.confirmation):
            edit.clear()  # the typed passphrases leave the widgets at once
        return change
