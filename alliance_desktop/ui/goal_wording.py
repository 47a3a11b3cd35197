"""How goals are put into words on screen: level names, badges, 'agreed on 3 March'."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from alliance_desktop.domain.goal import (
    CheckAnswer,
    Goal,
    GoalColumn,
    ProposedBy,
    QualityAspect,
    RatedBy,
    TaskOwner,
)
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.ui.date_formats import short_date

# The usual Goal Attainment Scaling names for the five levels (0 is the expected outcome).
LEVEL_NAMES = {
    -2: "Much less than expected",
    -1: "Somewhat less than expected",
    0: "Expected outcome",
    1: "Somewhat more than expected",
    2: "Much more than expected",
}
# Short enough for a chart axis.
SHORT_LEVEL_NAMES = {-2: "much less", -1: "less", 0: "expected", 1: "more", 2: "much more"}

PRIORITY_NAMES = {1: "High", 2: "Medium", 3: "Low"}

PROPOSED_BY_NAMES = {
    ProposedBy.CLIENT: "The client",
    ProposedBy.CLINICIAN: "You (the clinician)",
    ProposedBy.TOGETHER: "Together",
}
RATED_BY_NAMES = {
    RatedBy.TOGETHER: "Together",
    RatedBy.CLIENT: "The client",
    RatedBy.CLINICIAN: "You (the clinician)",
}
TASK_OWNER_NAMES = {
    TaskOwner.CLIENT: "The client",
    TaskOwner.CLINICIAN: "You",
    TaskOwner.BOTH: "Both of you",
}
ANSWER_NAMES = {
    CheckAnswer.YES: "Yes",
    CheckAnswer.NO: "No",
    CheckAnswer.UNSURE: "Unsure",
    None: "Not checked yet",
}
# A symbol beside each answer, so the answer never depends on colour alone.
ANSWER_SYMBOLS = {CheckAnswer.YES: "✓", CheckAnswer.NO: "✗", CheckAnswer.UNSURE: "?", None: "–"}

_MOVE_VERBS = {
    GoalColumn.PROPOSED: "proposed",
    GoalColumn.AGREED: "agreed",
    GoalColumn.ACTIVE: "became active",
    GoalColumn.ACHIEVED: "achieved",
    GoalColumn.SET_ASIDE: "set aside",
}

_MONTHS = (
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
)


def level_number(level: int) -> str:
    """'+2', '+1', '0', '-1', '-2'."""
    return f"{level:+d}" if level else "0"


def rated_text(level: int) -> str:
    """'Rated −2: much less than expected' — the number with its meaning in words."""
    number = f"−{-level}" if level < 0 else level_number(level)
    if level == 0:
        return f"Rated {number}: as expected"
    return f"Rated {number}: {SHORT_LEVEL_NAMES[level]} than expected"


def level_label(level: int) -> str:
    return f"{level_number(level)} {LEVEL_NAMES[level]}"


def spoken_date(day: dt.date, style: DateStyle, today: dt.date | None = None) -> str:
    """'3 March' (or 'March 3') this year, '3 March 2025' otherwise; ISO stays ISO."""
    if style is DateStyle.ISO:
        return short_date(day, style)
    month = _MONTHS[day.month - 1]
    text = f"{month} {day.day}" if style is DateStyle.MONTH_DAY_YEAR else f"{day.day} {month}"
    if today is None or day.year != today.year:
        text += f", {day.year}" if style is DateStyle.MONTH_DAY_YEAR else f" {day.year}"
    return text


def history_text(goal: Goal, style: DateStyle, today: dt.date | None = None) -> str:
    """'Proposed on 3 March, agreed on 10 March, achieved on 12 June'."""
    parts = [
        f"{_MOVE_VERBS[move.column]} on {spoken_date(move.moved_on, style, today)}"
        for move in goal.history
    ]
    if not parts:
        return ""
    text = ", ".join(parts)
    return text[0].upper() + text[1:] + "."


def open_tasks_text(count: int) -> str:
    return f"{count} open task" if count == 1 else f"{count} open tasks"


def review_is_due(goal: Goal, today: dt.date) -> bool:
    return (
        goal.review_date is not None
        and goal.review_date <= today
        and goal.column in (GoalColumn.AGREED, GoalColumn.ACTIVE)
    )


@dataclass(frozen=True)
class Badge:
    """A small label on a goal card. `kind` picks its look: problem, missing, due or info;
    the text always says what it means on its own."""

    kind: str
    text: str


def card_badges(goal: Goal, today: dt.date) -> list[Badge]:
    badges: list[Badge] = []
    quality = goal.quality
    # One short badge per aspect, so none is cut off on a narrow card.
    badges.extend(Badge("problem", f"⚠ Check: not {a.value}") for a in quality.failing)
    badges.extend(Badge("missing", f"? Unsure: {a.value}") for a in quality.unsure)
    if len(quality.missing) == len(QualityAspect):
        badges.append(Badge("missing", "? Quality not checked"))
    else:
        badges.extend(Badge("missing", f"? Unchecked: {a.value}") for a in quality.missing)
    if review_is_due(goal, today):
        badges.append(Badge("due", "Review due"))
    if goal.open_tasks:
        badges.append(Badge("info", open_tasks_text(goal.open_tasks)))
    latest = goal.latest_rating
    if latest is not None:
        badges.append(Badge("info", rated_text(latest.level)))
    return badges


def card_detail(goal: Goal, style: DateStyle) -> str:
    """The quiet line under the card's title: priority when not medium, and the review date."""
    parts = []
    if goal.priority != 2:
        parts.append(f"{PRIORITY_NAMES[goal.priority]} priority")
    if goal.review_date is not None and goal.column not in (
        GoalColumn.ACHIEVED,
        GoalColumn.SET_ASIDE,
    ):
        parts.append(f"Review {short_date(goal.review_date, style)}")
    if goal.column is GoalColumn.ACHIEVED and (achieved := goal.moved_on(GoalColumn.ACHIEVED)):
        parts.append(f"Achieved {short_date(achieved, style)}")
    return " · ".join(parts)
