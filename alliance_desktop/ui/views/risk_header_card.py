"""Above a client's tabs: the latest risk review in one line, and the client's boundaries and
preferences in a few, so both are seen before anything else whichever tab is open."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from alliance_desktop.domain.boundaries import ClientBoundaries, boundary_lines
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.domain.risk import RiskLevel, RiskReview, review_due_on
from alliance_desktop.services import Practice
from alliance_desktop.ui.date_formats import short_date
from alliance_desktop.ui.signal_emit import emit
from alliance_desktop.ui.tasks import TaskRunner

NO_REVIEW = "Risk: no review recorded"
NO_BOUNDARIES = "Boundaries and preferences: none recorded yet"


@dataclass(frozen=True)
class HeaderFacts:
    client_id: int
    latest: RiskReview | None
    boundaries: ClientBoundaries | None
    today: dt.date


def risk_line(latest: RiskReview | None, today: dt.date, style: DateStyle) -> str:
    """'Risk: Moderate (12/03/2026) · review due 26/03/2026 — overdue' as rich text."""
    if latest is None:
        return NO_REVIEW
    level = html.escape(latest.level.label)
    if latest.level is RiskLevel.HIGH:
        level = f"<span style='color:#b3261e'>{level}</span>"
    text = f"Risk: <b>{level}</b> ({short_date(latest.assessed_on, style)})"
    due = review_due_on(latest)
    if due is not None:
        text += f" · review due {short_date(due, style)}"
        if due < today:
            text += " — <b>overdue</b>"
    return text


SHORT_LIMIT = 150  # characters on the header: about two lines; the rest in the tooltip


def boundaries_text(
    boundaries: ClientBoundaries | None, style: DateStyle, limit: int = SHORT_LIMIT
) -> str:
    """The agreed boundaries in a line or two, most important first (topics not yet); cut at
    a word with '…' when longer, the full text being in the tooltip."""
    if boundaries is None or boundaries.is_empty:
        return NO_BOUNDARIES
    parts = []
    used = 0
    for label, text in boundary_lines(boundaries):
        room = limit - used - len(label)
        if room < 12:
            parts.append("…")
            break
        shown = text if len(text) <= room else text[:room].rsplit(" ", 1)[0] + "…"
        parts.append(f"<b>{html.escape(label)}:</b> {html.escape(shown)}")
        used += len(label) + len(shown) + 3
        if shown.endswith("…"):
            break
    changed = short_date(boundaries.changed_on, style)
    return " · ".join(parts) + f" <span style='color:#52606d'>(agreed {changed})</span>"


def boundaries_tooltip(boundaries: ClientBoundaries | None) -> str:
    if boundaries is None or boundaries.is_empty:
        return ""
    return "\n".join(f"{label}: {text}" for label, text in boundary_lines(boundaries))


class RiskHeaderCard(QFrame):
    risk_tab_requested = Signal(int)
    boundaries_requested = Signal(int)

    def __init__(
        self, practice: Practice, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self._practice = practice
        self._tasks = tasks
        self._client_id: int | None = None
        self._facts: HeaderFacts | None = None
        self._style = DateStyle.DAY_MONTH_YEAR

        self.risk_label = QLabel(NO_REVIEW)
        self.risk_label.setTextFormat(Qt.TextFormat.RichText)
        self.risk_button = QPushButton("Risk tab")
        self.risk_button.setObjectName("flagAction")
        self.boundaries_label = QLabel(NO_BOUNDARIES)
        self.boundaries_label.setTextFormat(Qt.TextFormat.RichText)
        self.boundaries_label.setWordWrap(True)
        self.boundaries_button = QPushButton("Boundaries…")
        self.boundaries_button.setObjectName("flagAction")
        self.boundaries_button.setToolTip("What the client is not ready for, pace, structure")

        risk_row = QHBoxLayout()
        risk_row.addWidget(self.risk_label, 1)
        risk_row.addWidget(self.risk_button)
        boundaries_row = QHBoxLayout()
        boundaries_row.addWidget(self.boundaries_label, 1)
        boundaries_row.addWidget(self.boundaries_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(4)
        layout.addLayout(risk_row)
        layout.addLayout(boundaries_row)

        self.risk_button.clicked.connect(self._open_risk)
        self.boundaries_button.clicked.connect(self._open_boundaries)

    def set_date_style(self, style: DateStyle) -> None:
        self._style = style
        if self._facts is not None:
            self._show(self._facts)

    def show_client(self, client_id: int | None) -> None:
        self._client_id = client_id
        if client_id is None:
            return
        practice = self._practice

        def load() -> HeaderFacts:
            return HeaderFacts(
                client_id,
                practice.risk.latest_review(client_id),
                practice.boundaries.current(client_id),
                practice.today(),
            )

        self._tasks.submit(load, self._show)

    def refresh(self) -> None:
        self.show_client(self._client_id)

    def _show(self, facts: HeaderFacts) -> None:
        if facts.client_id != self._client_id:
            return
        self._facts = facts
        self.risk_label.setText(risk_line(facts.latest, facts.today, self._style))
        self.boundaries_label.setText(boundaries_text(facts.boundaries, self._style))
        self.boundaries_label.setToolTip(boundaries_tooltip(facts.boundaries))

    def _open_risk(self) -> None:
        if self._client_id is not None:
            emit(self.risk_tab_requested, self._client_id)

    def _open_boundaries(self) -> None:
        if self._client_id is not None:
            emit(self.boundaries_requested, self._client_id)
