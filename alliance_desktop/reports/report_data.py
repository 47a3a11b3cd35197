"""What each report prints, as plain data built from domain types.

The client-facing types (`GoalReviewData`, `ClientEndingSummaryData`) hold only what a client
may read: `ClientGoal` copies a goal without its clinician framing or rating notes, and neither
type has anywhere to put a rupture entry, a session note or (unless ticked in) a score.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from alliance_desktop.domain.alliance_check_in import Instrument
from alliance_desktop.domain.alliance_flags import CheckInPoint
from alliance_desktop.domain.ending import (
    EndingPlan,
    EndingReason,
    MaintenancePlan,
    ReadinessSignals,
)
from alliance_desktop.domain.goal import Goal, GoalColumn, GoalTask
from alliance_desktop.domain.goal_rules import TScorePoint
from alliance_desktop.domain.practice_profile import PracticeProfile
from alliance_desktop.domain.risk import RiskReview, SafetyPlan
from alliance_desktop.domain.rupture import RuptureEntry
from alliance_desktop.domain.session import AttendanceCounts
from alliance_desktop.domain.signed_note import SignedNote


@dataclass(frozen=True)
class RatingPoint:
    on: dt.date
    level: int  # -2..+2


@dataclass(frozen=True)
class ClientGoal:
    """A goal as the client sees it: their words, where they started, where they are now, and
    what was done. The levels are the client's own wording only (`Goal.client_levels`); the
    clinician's level descriptions, framing and rating notes have no place here."""

    words: str
    column: GoalColumn
    wordings: tuple[str, str, str, str, str]  # -2..+2 in the client's words ("" if unwritten)
    ratings: tuple[RatingPoint, ...] = ()  # oldest first, within the report's dates
    current: RatingPoint | None = None  # the latest rating up to the report's end
    tasks: tuple[GoalTask, ...] = ()
    achieved_on: dt.date | None = None
    started: RatingPoint | None = None  # the goal's first rating ever: where the client started
    show_current: bool = True  # the clinician may leave "where you are now" off for a goal

    @classmethod
    def from_goal(
        cls,
        goal: Goal,
        since: dt.date | None = None,
        until: dt.date | None = None,
        show_current: bool = True,
    ) -> ClientGoal:
        kept = [
            RatingPoint(rating.rated_on, rating.level)
            for rating in goal.ratings
            if (since is None or rating.rated_on >= since)
            and (until is None or rating.rated_on <= until)
        ]
        latest = goal.rating_on(until) if until is not None else goal.latest_rating
        first = goal.ratings[0] if goal.ratings else None
        if first is not None and until is not None and first.rated_on > until:
            first = None
        return cls(
            words=goal.client_words,
            column=goal.column,
            wordings=goal.client_levels,
            ratings=tuple(kept),
            current=RatingPoint(latest.rated_on, latest.level) if latest else None,
            tasks=goal.tasks,
            achieved_on=goal.moved_on(GoalColumn.ACHIEVED)
            if goal.column is GoalColumn.ACHIEVED
            else None,
            started=RatingPoint(first.rated_on, first.level) if first else None,
            show_current=show_current,
        )

    @property
    def title(self) -> str:
        return self.words.strip().splitlines()[0] if self.words.strip() else ""

    @property
    def hoped_for(self) -> str:
        """Level 0 in the client's words, or "" when not written with them."""
        return self.wordings[2]

    def wording(self, level: int) -> str:
        return self.wordings[level + 2]

    @property
    def tasks_done(self) -> int:
        return sum(1 for task in self.tasks if task.done)


@dataclass(frozen=True)
class InstrumentReading:
    """A licensed instrument's total for one session (numbers only; never item text)."""

    on: dt.date
    instrument: Instrument
    total: float


@dataclass(frozen=True)
class GoalReviewData:
    """Client-facing: printed and handed to the client in a session."""

    profile: PracticeProfile
    client_name: str  # the name the client likes to be called
    generated_on: dt.date
    goals: tuple[ClientGoal, ...]
    since: dt.date | None = None
    until: dt.date | None = None
    next_focus: str = ""  # blank prints lines to write on by hand
    instruments: tuple[InstrumentReading, ...] = ()  # only when the clinician ticks them in
    sessions_attended: int = 0  # within the review's dates


@dataclass(frozen=True)
class EndingPlanData:
    """The clinician's working plan for ending: reason, readiness, tapering, maintenance."""

    profile: PracticeProfile
    client_name: str
    generated_on: dt.date
    plan: EndingPlan
    readiness: ReadinessSignals
    goals: tuple[Goal, ...] = ()
    overall_threshold: int = 9
    sessions_booked: int = 0  # still scheduled from today
    next_session: dt.date | None = None
    # Risk comes first (reports/risk_sections.py); None prints "No risk review recorded."
    risk_review: RiskReview | None = None
    safety_plan: SafetyPlan | None = None


@dataclass(frozen=True)
class EndingSummaryData:
    """Clinician version: the full course of therapy, ruptures and repairs included."""

    profile: PracticeProfile
    client_name: str
    generated_on: dt.date
    plan: EndingPlan | None  # None when no ending plan was written
    attendance: AttendanceCounts
    first_session: dt.date | None = None
    last_session: dt.date | None = None
    goals: tuple[Goal, ...] = ()
    t_scores: tuple[TScorePoint, ...] = ()
    check_ins: tuple[CheckInPoint, ...] = ()
    ruptures: tuple[RuptureEntry, ...] = ()  # oldest first
    instruments: tuple[InstrumentReading, ...] = ()
    # Session day and signed note, for each note amended after it was signed (oldest first).
    amended_notes: tuple[tuple[dt.date, SignedNote], ...] = ()
    risk_review: RiskReview | None = None  # printed first; None says so plainly
    safety_plan: SafetyPlan | None = None


@dataclass(frozen=True)
class ClientEndingSummaryData:
    """Client copy: what the work was about and the plan for keeping well. Nothing else."""

    profile: PracticeProfile
    client_name: str
    generated_on: dt.date
    goals: tuple[ClientGoal, ...] = ()
    first_session: dt.date | None = None
    last_session: dt.date | None = None
    sessions_attended: int = 0
    maintenance: MaintenancePlan = field(default_factory=MaintenancePlan)
    follow_up_dates: tuple[dt.date, ...] = ()
    instruments: tuple[InstrumentReading, ...] = ()  # only when the clinician ticks them in
    reason: EndingReason | None = None  # printed in plain words for the client, never the note
    referral: str = ""  # who to see next
    closing_words: str = ""  # a short closing in the clinician's words, written for the client
    booked_follow_ups: tuple[dt.date, ...] = ()  # follow-up dates with a session on the calendar
