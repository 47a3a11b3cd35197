"""Shown after unlocking when the vault holds drafts: what was typed and not saved, found again
(after a lock, a quit, a crash or a kill). Reopen them, or leave them for later."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.domain.draft import Draft, draft_line, drafts_found_summary


class DraftsFoundDialog(QDialog):
    def __init__(
        self, drafts: Sequence[Draft], today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("draftsFoundDialog")
        self.setWindowTitle("Unsaved work found")
        self.heading = QLabel(drafts_found_summary(drafts, today))
        self.heading.setObjectName("dialogTitle")
        self.heading.setWordWrap(True)
        them = "them" if len(drafts) > 1 else "it"
        explanation = QLabel(
            "What you typed was kept, encrypted in the vault, when the app locked or closed "
            f"before it was saved. Reopen {them} to save or discard {them}. Nothing has been "
            "changed in your records."
        )
        explanation.setWordWrap(True)
        self.lines = [draft_line(draft, today) for draft in drafts]
        self.list = QLabel("\n".join(f"•  {line}" for line in self.lines))
        self.list.setObjectName("draftsFoundList")
        self.list.setWordWrap(True)
        later_note = QLabel(
            "Later: they stay kept, and each one comes back when you open its record."
        )
        later_note.setObjectName("quietNote")
        later_note.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.reopen_button = self.buttons.addButton(
            "Reopen them" if len(drafts) > 1 else "Reopen it",
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.later_button = self.buttons.addButton("Later", QDialogButtonBox.ButtonRole.RejectRole)
        self.reopen_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.heading)
        layout.addWidget(explanation)
        layout.addSpacing(4)
        layout.addWidget(self.list)
        layout.addSpacing(4)
        layout.addWidget(later_note)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(600)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)


def ask_to_reopen(parent: QWidget | None, drafts: Sequence[Draft], today: dt.date) -> bool:
    """True when the clinician wants the drafts reopened now. Tests replace this."""
    dialog = DraftsFoundDialog(drafts, today, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted
