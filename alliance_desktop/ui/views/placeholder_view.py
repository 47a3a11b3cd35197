"""A calm page for a part of the app that is not built yet, saying what will be there."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget


class PlaceholderView(QWidget):
    def __init__(
        self,
        title: str,
        summary: str,
        coming: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.title = QLabel(title)
        self.title.setObjectName("pageTitle")
        self.summary = QLabel(summary)
        self.summary.setObjectName("pageSubtitle")
        self.summary.setWordWrap(True)

        card = QFrame()
        card.setObjectName("card")
        card_layout = QVBoxLayout(card)
        heading = QLabel("Coming here")
        heading.setObjectName("cardTitle")
        card_layout.addWidget(heading)
        for point in coming:
            item = QLabel(f"•  {point}")
            item.setWordWrap(True)
            card_layout.addWidget(item)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addSpacing(8)
        layout.addWidget(card)
        layout.addStretch(1)
        layout.setAlignment(card, Qt.AlignmentFlag.AlignTop)


def calendar_page() -> PlaceholderView:
    return PlaceholderView(
        "Calendar",
        "Your sessions, week by week.",
        (
            "Book single and recurring sessions: in person, video or phone.",
            "Mark attendance, cancellations, late cancellations and no-shows.",
            "Export your diary to a calendar app (iCalendar) without client details.",
        ),
    )


def goals_page() -> PlaceholderView:
    return PlaceholderView(
        "Goals",
        "Each client's goals, in their own words, agreed together.",
        (
            "A board per client: proposed, agreed, active, achieved, set aside.",
            "A quality check for each goal: focused, realistic, in line with what the "
            "client values.",
            "Goal Attainment Scaling with ratings over time and the T-score.",
        ),
    )


def reports_page() -> PlaceholderView:
    return PlaceholderView(
        "Reports",
        "Letters and summaries on your letterhead, as PDF.",
        (
            "Goal reviews to go through with the client.",
            "Ending plans and ending summaries, with a client copy that leaves out your notes.",
            "A handover bundle for a colleague, with the client's consent.",
        ),
    )
