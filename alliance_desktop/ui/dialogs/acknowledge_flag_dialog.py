"""Acknowledge a flag with a short note: it leaves Today's count until things change."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QWidget,
)

from alliance_desktop.domain.flags import ACKNOWLEDGEMENT_NOTE_MAX, Flag
from alliance_desktop.ui.dialogs.dialog_frame import DialogButtons, Part, frame_dialog

HOW_IT_COMES_BACK = (
    "It leaves Today's count and stays on the client's page with your note. It comes "
    "back by itself when something changes: a new rating, or a change to the entry."
)


class AcknowledgeFlagDialog(QDialog):
    def __init__(self, flags: Sequence[Flag], heading: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Acknowledge flag")
        self._note: str | None = None
        self.flag_text = what = QLabel(
            f"<b>{html.escape(heading)}</b><br>"
            + "<br>".join(html.escape(flag.explanation) for flag in flags)
        )
        what.setTextFormat(Qt.TextFormat.RichText)
        what.setWordWrap(True)
        self.note = QLineEdit()
        self.note.setMaxLength(ACKNOWLEDGEMENT_NOTE_MAX)
        self.note.setPlaceholderText("What you did or will do, e.g. “Talked about it together”")
        self.note.setAccessibleName("Note")
        how = QLabel(HOW_IT_COMES_BACK)
        how.setObjectName("quietNote")
        how.setWordWrap(True)
        self.buttons = DialogButtons(self, "Acknowledge")
        self.save_button = self.buttons.save_button
        body: list[Part] = [what, 6, QLabel("Note (optional, kept in the vault)"), self.note, how]
        frame_dialog(self, body, self.buttons)
        self.setMinimumWidth(460)

    def accept(self) -> None:
        self._note = self.note.text().strip()
        super().accept()

    def result_note(self) -> str | None:
        return self._note

    @classmethod
    def ask(cls, parent: QWidget | None, flags: Sequence[Flag], heading: str) -> str | None:
        """The note typed (possibly empty), or None when the clinician cancelled. One note
        acknowledges every flag shown (on Today, all of one client's)."""
        dialog = cls(flags, heading, parent)
        dialog.exec()
        return dialog.result_note()
