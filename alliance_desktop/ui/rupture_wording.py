"""How ruptures, repairs and check-ins are put into words (and colours) wherever they appear.

Colours never carry meaning alone: every colour here comes with words, and on the timeline
with a marker shape as well.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from alliance_desktop.domain.alliance_check_in import AllianceDimension, AllianceRatings
from alliance_desktop.domain.alliance_flags import CheckInPoint, FlagKind
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.domain.rupture import (
    RaisedBy,
    RepairGroup,
    RepairOutcome,
    RuptureEntry,
    RuptureKind,
)
from alliance_desktop.resource_paths import resource_path
from alliance_desktop.ui.date_formats import short_date

PRIVATE_TO_YOU = "Private to you — the rupture log is never printed for the client."

SIGNIFICANCE_WORDS = {
    1: "slight",
    2: "noticeable",
    3: "moderate",
    4: "strong",
    5: "threatens the work",
}

KIND_DESCRIPTIONS = {
    RuptureKind.WITHDRAWAL: "Moving away: from you, from their feelings, or from the work.",
    RuptureKind.CONFRONTATION: "Moving against: anger, complaints or pressure about you or "
    "the work.",
    RuptureKind.MIXED: "Both moving away and moving against.",
}

GROUP_TITLES = {
    RepairGroup.IMMEDIATE: "Immediate — address it directly and carry on",
    RepairGroup.EXPLORATORY: "Exploratory — look together at what happened between you",
}

RAISED_BY_WORDS = {RaisedBy.CLIENT: "Client", RaisedBy.CLINICIAN: "Me"}

# Resolved, partly, unresolved, and entries with no repair tried yet (None).
OUTCOME_COLOURS: dict[RepairOutcome | None, QColor] = {
    RepairOutcome.RESOLVED: QColor("#2e7d5b"),
    RepairOutcome.PARTLY: QColor("#b86e00"),
    RepairOutcome.UNRESOLVED: QColor("#b3261e"),
    None: QColor("#6b7778"),
}

FLAG_TITLES: dict[str, str] = {
    FlagKind.LOW_CHECK_IN: "Low rating",
    FlagKind.DROP: "Rating dropped",
    FlagKind.FALLING: "Ratings falling",
    FlagKind.UNRESOLVED_RUPTURE: "Rupture still open",
    FlagKind.FOLLOW_UP_DUE: "Follow-up due",
    FlagKind.HIGH_RISK: "Risk level high",
    FlagKind.RISK_REVIEW_DUE: "Risk review due",
    FlagKind.SELF_HARM_ANSWER: "PHQ-9 item 9 above 0",
    FlagKind.NO_INFORMED_CONSENT: "Informed consent missing",
}

_DIMENSIONS = (
    AllianceDimension.OVERALL,
    AllianceDimension.GOALS,
    AllianceDimension.TASKS,
    AllianceDimension.BOND,
)


def flag_title(kind: str) -> str:
    """A flag's short title; kinds raised by other rules get a readable one from their name."""
    return FLAG_TITLES.get(kind) or kind.replace("_", " ").capitalize()


def icon(name: str) -> QIcon:
    try:
        return QIcon(str(resource_path(f"icons/{name}")))
    except FileNotFoundError:
        return QIcon()


def private_note() -> QWidget:
    """The reminder shown wherever rupture entries are: they are the clinician's alone."""
    note = QWidget()
    note.setObjectName("privateNote")
    picture = QLabel()
    picture.setPixmap(icon("private.svg").pixmap(16, 16))
    text = QLabel(PRIVATE_TO_YOU)
    text.setObjectName("quietNote")
    text.setWordWrap(True)
    layout = QHBoxLayout(note)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(6)
    layout.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
    layout.addWidget(text, 1)
    note.setToolTip(
        "Rupture entries are your own reflection. Reports and client copies never include them."
    )
    return note


def significance_text(significance: int) -> str:
    word = SIGNIFICANCE_WORDS.get(significance)
    return f"{significance} · {word}" if word else str(significance)


def outcome_text(outcome: RepairOutcome | None) -> str:
    return outcome.label if outcome is not None else "No repair yet"


def ratings_text(ratings: AllianceRatings) -> str:
    """'overall 8 · goals 9 · tasks 7 · bond 8' (out of 10)."""
    return " · ".join(f"{d.value} {ratings.score(d)}" for d in _DIMENSIONS)


def whose_ratings(point: CheckInPoint) -> str:
    if point.client is not None:
        return "the client's own ratings"
    return "your own ratings"


def check_in_text(point: CheckInPoint | None, style: DateStyle) -> str:
    """One check-in in a line, saying whose ratings these are."""
    if point is None or point.ratings is None:
        return "No check-in recorded"
    return f"{short_date(point.on, style)}: {ratings_text(point.ratings)} — {whose_ratings(point)}"


def rupture_summary(entry: RuptureEntry, style: DateStyle) -> str:
    """'Withdrawal rupture, 02/03/2026 — significance 3 · moderate — Partly resolved'."""
    return (
        f"{entry.kind.label} rupture, {short_date(entry.occurred_on, style)} — significance "
        f"{significance_text(entry.significance)} — {outcome_text(entry.outcome)}"
    )
