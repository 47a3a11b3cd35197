"""Under the progress note in the session editor: whether the note is signed, its original
and dated amendments (read only), and for a note not signed yet, a box to sign it on saving.

A signed note can still be changed: saving a change adds a dated amendment and keeps the
original, which is what this says before the clinician types."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from alliance_desktop.domain.signed_note import SignedNote, version_heading

SIGNED_EXPLAINED = (
    "Signed notes are never rewritten: a change you save is added as a dated amendment, and "
    "the note as signed stays in the record."
)
UNSIGNED_EXPLAINED = (
    "The note is signed when the session is marked attended and saved, or when you sign it."
)


def versions_text(signed: SignedNote) -> str:
    parts = [
        f"{version_heading(index, version)}\n{version.note or '(left empty)'}"
        for index, version in enumerate(signed.versions)
    ]
    return "\n\n".join(parts)


class NoteHistory(QWidget):
    def __init__(self, signed: SignedNote | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.signed = signed or SignedNote(0)
        self.state = QLabel()
        self.state.setObjectName("quietNote")
        self.state.setWordWrap(True)
        self.sign_box = QCheckBox("Sign this note when I save")
        self.show_versions = QPushButton("Show the note as signed and its amendments")
        self.show_versions.setCheckable(True)
        self.versions = QPlainTextEdit()
        self.versions.setReadOnly(True)
        self.versions.setObjectName("noteVersions")
        self.versions.setMinimumHeight(140)
        self.versions.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state)
        layout.addWidget(self.sign_box)
        layout.addWidget(self.show_versions)
        layout.addWidget(self.versions)
        self._fill()
        self.show_versions.toggled.connect(self.versions.setVisible)

    def _fill(self) -> None:
        signed = self.signed
        if not signed.is_signed:
            self.state.setText(UNSIGNED_EXPLAINED)
            self.show_versions.hide()
            return
        self.sign_box.hide()
        original = signed.original
        assert original is not None
        heading = version_heading(0, original)
        count = len(signed.amendments)
        amended = f" · {count} amendment{'s' if count != 1 else ''}" if count else ""
        self.state.setText(f"{heading}{amended}. {SIGNED_EXPLAINED}")
        self.versions.setPlainText(versions_text(signed))

    @property
    def sign_requested(self) -> bool:
        return not self.signed.is_signed and self.sign_box.isChecked()
