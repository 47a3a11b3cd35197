"""Readiness to end, as the record shows it, in plain words (read-only, beside the plan)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from alliance_desktop.domain.alliance_check_in import Rater
from alliance_desktop.domain.ending import ReadinessSignals


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _score(value: float) -> str:
    return f"{value:.0f}" if value == round(value) else f"{value:.1f}"


def readiness_lines(signals: ReadinessSignals, overall_threshold: int) -> list[tuple[str, str]]:
    """(topic, plain sentence) for each signal, in the order a clinician would weigh them."""
    if signals.goals_agreed:
        goals = (
            f"{signals.goals_at_or_above_expected} of {_plural(signals.goals_agreed, 'goal')} "
            "achieved, or rated at or above the expected level."
        )
    else:
        goals = "No goals agreed yet."
    if signals.first_t_score is not None and signals.latest_t_score is not None:
        change = signals.latest_t_score - signals.first_t_score
        direction = "up" if change > 0 else "down" if change < 0 else "no change"
        amount = f" {_score(abs(change))}" if change else ""
        t_score = (
            f"Goal score (GAS T-score) {_score(signals.first_t_score)} at first, "
            f"{_score(signals.latest_t_score)} now ({direction}{amount}); "
            "50 is every goal as expected."
        )
    else:
        t_score = "No goal has been rated yet."
    if not signals.recent_check_ins:
        alliance = "No check-ins recorded yet."
    elif signals.alliance_stable:
        alliance = (
            f"Stable: {_whose(signals)} last {_plural(signals.recent_check_ins, 'check-in')} "
            f"rated {overall_threshold}/10 or more overall."
        )
    elif signals.open_ruptures:
        alliance = "Not yet stable: a rupture is still open."
    else:
        alliance = (
            f"Not yet stable: one of {_whose(signals)} recent check-ins rated below "
            f"{overall_threshold}/10 overall."
        )
    rate = signals.attendance_rate
    counts = signals.attendance
    if rate is None:
        attendance = "No sessions held yet."
    else:
        booked = counts.attended + counts.no_show + counts.late_cancelled + counts.cancelled
        attendance = (
            f"{round(rate * 100)}%: {counts.attended} of {booked} booked sessions attended."
        )
    ruptures = (
        "None open."
        if not signals.open_ruptures
        else f"{signals.open_ruptures} still open — worth repairing before the ending."
    )
    return [
        ("Goals", goals),
        ("Goal attainment", t_score),
        ("Alliance", alliance),
        ("Attendance", attendance),
        ("Ruptures", ruptures),
    ]


class ReadinessCard(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A card drawn without the style sheet's padding, which word-wrapped text in this
        # narrow column would not be measured against (the last lines were cut off).
        self.setObjectName("readinessCard")
        title = QLabel("What the record says")
        title.setObjectName("cardTitle")
        note = QLabel("Signals to talk through together; you and the client decide.")
        note.setObjectName("quietNote")
        note.setWordWrap(True)
        # One label for all the signals: word-wrapped labels in a narrow column keep their
        # height right only on their own.
        self.signals = QLabel()
        self.signals.setTextFormat(Qt.TextFormat.RichText)
        self.signals.setWordWrap(True)
        self.signals.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.signals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._lines: list[tuple[str, str]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(6)
        layout.addWidget(title)
        layout.addWidget(note)
        layout.addWidget(self.signals)

    def show_signals(self, signals: ReadinessSignals | None, overall_threshold: int) -> None:
        self._lines = [] if signals is None else readiness_lines(signals, overall_threshold)
        self.signals.setText(
            "".join(
                f"<p style='margin-top: 8px'><b>{escape(topic)}</b><br>{escape(sentence)}</p>"
                for topic, sentence in self._lines
            )
        )
        self._fit_height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Layouts size a word-wrapped label by its width hint, not by the width it gets:
        # ask for the height the text needs at this width, so no line is cut off.
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        width = self.signals.width()
        # An empty label has no height for any width (-1): Qt would warn of a negative size.
        height = self.signals.heightForWidth(width) if width > 0 else -1
        self.signals.setMinimumHeight(max(height, 0))

    def text(self) -> str:
        """Everything the card says, as plain text."""
        return "\n".join(f"{topic}: {sentence}" for topic, sentence in self._lines)


def _whose(signals: ReadinessSignals) -> str:
    """Whose series the stability rests on (never a mix of the two)."""
    return "your own" if signals.alliance_rater is Rater.CLINICIAN else "the client's own"
