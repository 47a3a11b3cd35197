"""File › Continuity package…: name the custodian, choose their folder, make the package now
(or weekly, automatically), print the sealed letter; the password shows here once, when new.

File › Open a continuity package…: what a custodian uses: the package folder, its password, and
a new vault to open it into.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.domain.continuity import Custodian
from alliance_desktop.ui.signal_emit import emit
from alliance_desktop.ui.widgets.field_messages import FieldMessages


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("quietNote")
    label.setWordWrap(True)
    return label


def _folder_row(edit: QLineEdit, parent: QWidget, title: str) -> QHBoxLayout:
    browse = QPushButton("Choose…")
    browse.setAutoDefault(False)  # Return in the form must not open a file chooser
    browse.setAccessibleName(f"Choose {title.lower()}")

    def choose() -> None:
        chosen = QFileDialog.getExistingDirectory(parent, title, edit.text().strip())
        if chosen:
            edit.setText(chosen)

    browse.clicked.connect(choose)
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    row.addWidget(browse)
    return row


class ContinuityDialog(QDialog):
    make_requested = Signal(object, object, bool)  # Custodian, folder Path, include archived
    sealed_letter_requested = Signal(object)  # Custodian

    def __init__(
        self,
        custodian: Custodian | None,
        folder: str,
        automatic: bool,
        last_made: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Continuity package")
        self.setMinimumWidth(600)
        self.messages = FieldMessages()
        self.custodian_name = QLineEdit(custodian.name if custodian else "")
        self.custodian_name.setPlaceholderText("A colleague who agreed to act for you")
        self.custodian_contact = QLineEdit(custodian.contact if custodian else "")
        self.custodian_contact.setPlaceholderText("Phone, e-mail or address")
        self.folder = QLineEdit(folder)
        self.folder.setPlaceholderText("A USB stick, a safe's drive or a synced folder")
        self.include_archived = QCheckBox("Include archived clients")
        self.automatic = QCheckBox("Make a new package each week, when the app is unlocked")
        self.automatic.setChecked(automatic)
        self.last_made = _note(last_made)
        self.password_box = QLabel()
        self.password_box.setObjectName("handoverPassword")
        self.password_box.hide()
        self.result_note = _note("")
        self.make_button = QPushButton("Make package now")
        self.make_button.setObjectName("primary")
        self.make_button.setDefault(True)
        self.letter_button = QPushButton("Print the sealed letter…")
        self.letter_button.setAutoDefault(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)

        form = QFormLayout()
        form.addRow("Custodian", self.messages.wrap("custodian_name", self.custodian_name))
        form.addRow(
            "Their contact", self.messages.wrap("custodian_contact", self.custodian_contact)
        )
        form.addRow("Folder", _folder_row(self.folder, self, "The custodian's folder"))
        actions = QHBoxLayout()
        actions.addWidget(self.letter_button)
        actions.addStretch(1)
        actions.addWidget(self.make_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.addWidget(
            _note(
                "If you die, fall ill or retire, a custodian you name looks after your "
                "clients' records. The package holds every client's record (as a handover, "
                "without your private process notes) and a letter telling the custodian how "
                "to open it and whom to contact first. It opens with one password, shown "
                "here once: write it by hand on the sealed letter."
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.include_archived)
        layout.addWidget(self.automatic)
        layout.addWidget(self.last_made)
        layout.addLayout(actions)
        layout.addWidget(self.password_box)
        layout.addWidget(self.result_note)
        layout.addWidget(self.buttons)

        self.make_button.clicked.connect(self._make)
        self.letter_button.clicked.connect(
            lambda: emit(self.sealed_letter_requested, self.custodian())
        )
        self.buttons.rejected.connect(self.reject)

    def custodian(self) -> Custodian:
        return Custodian(self.custodian_name.text(), self.custodian_contact.text())

    def _make(self) -> None:
        self.messages.clear()
        folder = self.folder.text().strip()
        if not folder:
            self.result_note.setText("Choose the custodian's folder first.")
            return
        self.make_button.setEnabled(False)
        self.result_note.setText("Writing and checking the package…")
        emit(self.make_requested, self.custodian(), Path(folder), self.include_archived.isChecked())

    def show_made(self, text: str, password: str | None) -> None:
        self.make_button.setEnabled(True)
        self.result_note.setText(text)
        self.password_box.setVisible(password is not None)
        self.password_box.setText(password or "")

    def show_failed(self, text: str) -> None:
        self.make_button.setEnabled(True)
        self.result_note.setText(text)


class OpenPackageDialog(QDialog):
    """What the custodian fills in: the package, its password, the new vault and its
    passphrase (typed twice)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Open a continuity package")
        self.setMinimumWidth(600)
        self.messages = FieldMessages()
        self.package = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.vault = QLineEdit()
        self.vault.setPlaceholderText("A new file, e.g. custodian.vault")
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_again = QLineEdit()
        self.passphrase_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.result_note = _note("")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        form = QFormLayout()
        form.addRow("Package folder", _folder_row(self.package, self, "The continuity package"))
        form.addRow("Package password", self.messages.wrap("password", self.password))
        form.addRow("New vault", self.messages.wrap("vault", self.vault))
        form.addRow("Its passphrase", self.messages.wrap("passphrase", self.passphrase))
        form.addRow("Passphrase again", self.passphrase_again)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.addWidget(
            _note(
                "Every client in the package goes into a new vault of your own, or none does. "
                "The password is in the sealed letter; capitals and spaces do not matter."
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.result_note)
        layout.addWidget(self.buttons)
        self.buttons.rejected.connect(self.reject)
