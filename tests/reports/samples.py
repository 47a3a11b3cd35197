"""Hand-made report data: a practice, a client with a name in three scripts, goals with
clinician-only text in them, check-ins, ruptures and an ending plan."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace

from pypdf import PdfReader

from alliance_desktop.domain.alliance_check_in import AllianceRatings, Instrument
from alliance_desktop.domain.alliance_flags import CheckInPoint
from alliance_desktop.domain.ending import (
    EndingPlan,
    EndingReason,
    MaintenancePlan,
    readiness_signals,
)
from alliance_desktop.domain.goal import GasRating, Goal, GoalColumn, GoalMove, GoalTask, TaskOwner
from alliance_desktop.domain.goal_rules import t_score_history
from alliance_desktop.domain.practice_profile import PracticeProfile
from alliance_desktop.domain.rupture import (
    RaisedBy,
    RepairAttempt,
    RepairOutcome,
    RepairStrategy,
    RuptureEntry,
    RuptureKind,
)
from alliance_desktop.domain.session import AttendanceCounts
from alliance_desktop.reports.report_data import (
    ClientEndingSummaryData,
    ClientGoal,
    EndingPlanData,
    EndingSummaryData,
    GoalReviewData,
    InstrumentReading,
)

NAME = "Zoë O’Brien-Волкова"
TODAY = dt.date(2026, 3, 14)
# Clinician-only text, each a single word so it can't be split across lines when extracted.
FRAMING = "Framingsecret-graded-exposure"
RATING_NOTE = "Ratingnote-secret"
RUPTURE_NOTE = "Rupturenote-secret"
REASON_NOTE = "Reasonnote-secret"

PROFILE = PracticeProfile(
    clinician_name="Dr Ana Ferreira",
    credentials="DClinPsy",
    practice_name="Harbour Lane Psychotherapy",
    address="4 Harbour Lane\nBristol BS1 4RN",
    phone="+44 117 496 0000",
    email="ana@harbourlane.example",
)
LEVELS = (
    "Still avoiding the bus",
    "Taking the bus with a friend",
    "Taking the bus on my own twice a week",
    "Taking the bus on my own most days",
    "Travelling anywhere by bus",
)

# The same levels in the client's own first-person words: the only level text client pages print.
CLIENT_LEVELS = (
    "I’m not getting on the bus yet",
    "I take the bus with a friend",
    "I take the bus on my own twice a week",
    "I take the bus on my own most days",
    "I go anywhere by bus",
)


def goals() -> list[Goal]:
    bus = Goal(
        1,
        "Get back on the bus to work",
        id=1,
        clinician_framing=FRAMING,
        column=GoalColumn.ACTIVE,
        levels=LEVELS,
        client_levels=CLIENT_LEVELS,
        ratings=tuple(
            GasRating(dt.date(2026, 1, 5) + dt.timedelta(weeks=2 * i), level, note=RATING_NOTE)
            for i, level in enumerate((-2, -1, -1, 0, 1))
        ),
        tasks=(
            GoalTask("Ride two stops on Saturday", TaskOwner.CLIENT, due_on=dt.date(2026, 2, 7)),
            GoalTask("Try the 8:15 to town", TaskOwner.CLIENT, due_on=dt.date(2026, 3, 21)),
            GoalTask("Send the “worry ladder” sheet", TaskOwner.CLINICIAN, done=True),
        ),
    )
    sleep = Goal(
        1,
        "Sleep through most nights",
        id=2,
        column=GoalColumn.ACHIEVED,
        levels=("Awake most nights", "Awake often", "Sleeping through four nights", "Five", "All"),
        ratings=(GasRating(dt.date(2026, 1, 12), -1), GasRating(dt.date(2026, 3, 9), 1)),
        history=(GoalMove(GoalColumn.ACHIEVED, dt.date(2026, 3, 9)),),
    )
    return [bus, sleep]


def check_ins(count: int = 10) -> list[CheckInPoint]:
    return [
        CheckInPoint(
            i + 1,
            dt.date(2026, 1, 5) + dt.timedelta(weeks=i),
            AllianceRatings(7 + i % 3, 8, 9, min(10, 6 + i // 2)),
            None,
        )
        for i in range(count)
    ]


def ruptures() -> list[RuptureEntry]:
    return [
        RuptureEntry(
            1,
            dt.date(2026, 1, 26),
            RuptureKind.WITHDRAWAL,
            3,
            RaisedBy.CLINICIAN,
            id=1,
            note=RUPTURE_NOTE,
            repairs=(RepairAttempt(RepairStrategy.EXPLORE_WHAT_HAPPENED),),
            outcome=RepairOutcome.RESOLVED,
        ),
        RuptureEntry(1, dt.date(2026, 2, 16), RuptureKind.CONFRONTATION, 4, RaisedBy.CLIENT, id=2),
    ]


PLAN = EndingPlan(
    1,
    EndingReason.GOALS_MET,
    reason_note=REASON_NOTE,
    started_on=dt.date(2026, 3, 2),
    planned_last_session=dt.date(2026, 5, 4),
    tapering="Fortnightly through April",
    maintenance=MaintenancePlan(
        what_helped=("Naming the worry out loud",),
        warning_signs=("Making excuses not to travel",),
        coping_steps=("Take a short trip anyway",),
        supports=("My sister Ana", "Samaritans 116 123"),
        if_things_get_worse="Ring the GP surgery this week.",
    ),
    follow_up_dates=(dt.date(2026, 6, 8),),
    referral="Community team for a medication review",
    closing_words="You kept going on the hard weeks. That took courage.",
)
ATTENDANCE = AttendanceCounts(attended=10, cancelled=1, no_show=1, scheduled=3)
PHQ9 = InstrumentReading(dt.date(2026, 1, 5), Instrument.PHQ9, 17)


def goal_review_data(**overrides: object) -> GoalReviewData:
    since, until = dt.date(2026, 1, 1), TODAY
    data = GoalReviewData(
        profile=PROFILE,
        client_name=NAME,
        generated_on=TODAY,
        goals=tuple(ClientGoal.from_goal(goal, since, until) for goal in goals()),
        since=since,
        until=until,
    )
    return replace(data, **overrides)


def ending_plan_data(**overrides: object) -> EndingPlanData:
    data = EndingPlanData(
        profile=PROFILE,
        client_name=NAME,
        generated_on=TODAY,
        plan=PLAN,
        readiness=readiness_signals(goals(), check_ins(), 1, ATTENDANCE),
        goals=tuple(goals()),
        sessions_booked=3,
        next_session=dt.date(2026, 3, 16),
    )
    return replace(data, **overrides)


def clinician_summary_data(**overrides: object) -> EndingSummaryData:
    data = EndingSummaryData(
        profile=PROFILE,
        client_name=NAME,
        generated_on=TODAY,
        plan=PLAN,
        attendance=ATTENDANCE,
        first_session=dt.date(2026, 1, 5),
        last_session=dt.date(2026, 3, 9),
        goals=tuple(goals()),
        t_scores=tuple(t_score_history(goals())),
        check_ins=tuple(check_ins()),
        ruptures=tuple(ruptures()),
    )
    return replace(data, **overrides)


def client_summary_data(**overrides: object) -> ClientEndingSummaryData:
    data = ClientEndingSummaryData(
        profile=PROFILE,
        client_name=NAME,
        generated_on=TODAY,
        goals=tuple(ClientGoal.from_goal(goal) for goal in goals()),
        first_session=dt.date(2026, 1, 5),
        last_session=dt.date(2026, 3, 9),
        sessions_attended=10,
        maintenance=PLAN.maintenance,
        follow_up_dates=PLAN.follow_up_dates,
        reason=PLAN.reason,
        referral=PLAN.referral,
        closing_words=PLAN.closing_words,
    )
    return replace(data, **overrides)


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def flat_text(data: bytes) -> str:
    """The text with every run of spaces and line breaks made one space (lines wrap)."""
    return " ".join(pdf_text(data).split())


def pdf_reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))
