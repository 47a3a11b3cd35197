"""Ending therapy well: the plan for the last sessions and what the client takes with them."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from alliance_desktop.domain.alliance_check_in import Rater
from alliance_desktop.domain.alliance_flags import CheckInPoint, main_rater, rater_series
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.goal import Goal, GoalColumn
from alliance_desktop.domain.goal_rules import t_score_history
from alliance_desktop.domain.session import AttendanceCounts
from alliance_desktop.domain.text_rules import LONG_TEXT_LIMIT, check_date, check_text


class EndingReason(enum.StrEnum):
    GOALS_MET = "goals_met"
    CLIENT_FEELS_ABLE = "client_feels_able"
    LIFE_CHANGE = "life_change"
    REFERRAL = "referral"
    ALLIANCE_NOT_WORKING = "alliance_not_working"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _REASON_LABELS[self]


_REASON_LABELS = {
    EndingReason.GOALS_MET: "The goals we set have been met",
    EndingReason.CLIENT_FEELS_ABLE: "The client feels able to carry on alone",
    EndingReason.LIFE_CHANGE: "A change in the client's life",
    EndingReason.REFERRAL: "Referral to another service",
    EndingReason.ALLIANCE_NOT_WORKING: "Our way of working was not the right fit",
    EndingReason.OTHER: "Another reason",
}


@dataclass(frozen=True)
class MaintenancePlan:
    """Written with the client, in their words, to keep what they have gained."""

    what_helped: tuple[str, ...] = ()
    warning_signs: tuple[str, ...] = ()
    coping_steps: tuple[str, ...] = ()
    supports: tuple[str, ...] = ()  # people and services to contact
    if_things_get_worse: str = ""


@dataclass(frozen=True)
class EndingPlan:
    client_id: int
    reason: EndingReason | None = None  # no default: the clinician chooses it
    reason_note: str = ""
    started_on: dt.date | None = None
    planned_last_session: dt.date | None = None
    tapering: str = ""  # e.g. "fortnightly from May, then monthly"
    maintenance: MaintenancePlan = field(default_factory=MaintenancePlan)
    follow_up_dates: tuple[dt.date, ...] = ()  # booster or follow-up sessions
    referral: str = ""
    closing_words: str = ""  # a short closing in the clinician's words, for the client's copy


def check_ending_plan(plan: EndingPlan) -> EndingPlan:
    problems: dict[str, str] = {}
    if plan.reason is None:
        problems["reason"] = "Choose why therapy is ending before saving the plan."
    check_text(problems, "reason_note", "Reason", plan.reason_note, limit=LONG_TEXT_LIMIT)
    check_text(problems, "tapering", "Tapering", plan.tapering, limit=LONG_TEXT_LIMIT)
    check_text(problems, "referral", "Referral", plan.referral, limit=LONG_TEXT_LIMIT)
    check_text(problems, "closing_words", "Closing words", plan.closing_words, limit=2000)
    check_date(problems, "started_on", "Start of the ending", plan.started_on)
    check_date(problems, "planned_last_session", "Last session", plan.planned_last_session)
    if (
        plan.started_on is not None
        and plan.planned_last_session is not None
        and plan.planned_last_session < plan.started_on
    ):
        problems["planned_last_session"] = (
            "The last session cannot be before the ending work starts."
        )
    for index, day in enumerate(plan.follow_up_dates):
        check_date(problems, f"follow_up_dates.{index}", "Follow-up date", day)
        if plan.planned_last_session is not None and day < plan.planned_last_session:
            problems[f"follow_up_dates.{index}"] = (
                "Follow-up sessions come after the last regular session."
            )
    maintenance = plan.maintenance
    for name in ("what_helped", "warning_signs", "coping_steps", "supports"):
        for index, text in enumerate(getattr(maintenance, name)):
            check_text(problems, f"maintenance.{name}.{index}", "An entry", text, limit=2000)
    check_text(
        problems,
        "maintenance.if_things_get_worse",
        "What to do if things get worse",
        maintenance.if_things_get_worse,
        limit=LONG_TEXT_LIMIT,
    )
    if problems:
        raise InvalidInput(problems)
    return replace(
        plan,
        follow_up_dates=tuple(sorted(set(plan.follow_up_dates))),
        closing_words=plan.closing_words.strip(),
        maintenance=MaintenancePlan(
            what_helped=_kept(maintenance.what_helped),
            warning_signs=_kept(maintenance.warning_signs),
            coping_steps=_kept(maintenance.coping_steps),
            supports=_kept(maintenance.supports),
            if_things_get_worse=maintenance.if_things_get_worse.strip(),
        ),
    )


@dataclass(frozen=True)
class ReadinessSignals:
    """What the record says about readiness to end; the clinician and client decide."""

    goals_agreed: int
    goals_at_or_above_expected: int  # achieved, or latest rating >= 0
    first_t_score: float | None
    latest_t_score: float | None
    recent_check_ins: int
    alliance_stable: bool  # recent overall ratings never below the threshold and no open rupture
    open_ruptures: int
    attendance: AttendanceCounts
    # Whose series "stable" read: the client's own when they have rated, else the clinician's.
    alliance_rater: Rater | None = None

    @property
    def attendance_rate(self) -> float | None:
        counted = (
            self.attendance.attended
            + self.attendance.no_show
            + self.attendance.late_cancelled
            + self.attendance.cancelled
        )
        return self.attendance.attended / counted if counted else None


def readiness_signals(
    goals: Sequence[Goal],
    check_ins: Sequence[CheckInPoint],
    open_ruptures: int,
    attendance: AttendanceCounts,
    overall_threshold: int = 9,
    recent: int = 3,
) -> ReadinessSignals:
    agreed = [goal for goal in goals if goal.column.counts_for_gas]
    at_or_above = [
        goal
        for goal in agreed
        if goal.column is GoalColumn.ACHIEVED
        or (goal.latest_rating is not None and goal.latest_rating.level >= 0)
    ]
    history = t_score_history(goals)
    rater = main_rater(check_ins)
    rated = [point.ratings for point in rater_series(check_ins, rater)] if rater else []
    last = rated[-recent:]
    stable = (
        bool(last)
        and open_ruptures == 0
        and all(ratings.overall >= overall_threshold for ratings in last)
    )
    return ReadinessSignals(
        goals_agreed=len(agreed),
        goals_at_or_above_expected=len(at_or_above),
        first_t_score=history[0].t_score if history else None,
        latest_t_score=history[-1].t_score if history else None,
        recent_check_ins=len(last),
        alliance_stable=stable,
        open_ruptures=open_ruptures,
        attendance=attendance,
        alliance_rater=rater,
    )


def _kept(entries: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(entry.strip() for entry in entries if entry.strip())
