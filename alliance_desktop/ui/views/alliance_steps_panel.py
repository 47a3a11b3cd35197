"""On a client's page, when flags persist: why, and the steps to try in order, the last one
leading to the Ending tab."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from alliance_desktop.domain.alliance_not_working import (
    STEPS_WHEN_NOT_WORKING,
    PersistentConcern,
)
from alliance_desktop.domain.ending import EndingReason
from alliance_desktop.ui.signal_emit import emit

TITLE = "The alliance may not be working"


class AllianceStepsPanel(QFrame):
    ending_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("allianceSteps")
        self.title = QLabel(f"<b>{html.escape(TITLE)}</b>")
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.reasons = QLabel()
        self.reasons.setObjectName("quietNote")
        self.reasons.setWordWrap(True)
        self.steps = QLabel(_steps_html())
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.steps.setWordWrap(True)
        self.steps.setToolTip(_steps_tooltip())
        self.ending_button = QPushButton("Plan the ending…")
        self.ending_button.setObjectName("flagAction")
        self.ending_button.setToolTip(
            f"Opens the Ending tab; the reason “{EndingReason.ALLIANCE_NOT_WORKING.label}” is "
            "there, and a handover can follow."
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 4)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.reasons)
        layout.addWidget(self.steps)
        layout.addWidget(self.ending_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.ending_button.clicked.connect(lambda: emit(self.ending_requested))
        self.hide()

    def show_concern(self, concern: PersistentConcern | None) -> None:
        if concern is None:
            self.hide()
            return
        self.reasons.setText(" ".join(concern.reasons))
        self.show()


def _steps_html() -> str:
    """One compact line (the header has little room); each step's detail in the tooltip."""
    return "Steps to try, in order: " + " · ".join(
        f"<b>{number}.</b> {html.escape(step.title)}"
        for number, step in enumerate(STEPS_WHEN_NOT_WORKING, start=1)
    )


def _steps_tooltip() -> str:
    return "\n".join(
        f"{number}. {step.title}: {step.detail}"
        for number, step in enumerate(STEPS_WHEN_NOT_WORKING, start=1)
    )
