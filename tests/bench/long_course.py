"""A long course of therapy for the report and handover benchmarks: 500 sessions over ten
years, each attended one with notes and both raters' check-ins, five goals rated monthly,
40 ruptures with repairs, and an ending plan. Built with the services in its own vault."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from alliance_desktop.domain.alliance_check_in import (
    AllianceCheckIn,
    AllianceRatings,
    Instrument,
    InstrumentScore,
)
from alliance_desktop.domain.ending import EndingPlan, EndingReason, MaintenancePlan
from alliance_desktop.domain.goal import GasRating, Goal, GoalColumn, GoalTask
from alliance_desktop.domain.rupture import (
    RaisedBy,
    RepairAttempt,
    RepairOutcome,
    RepairStrategy,
    RuptureEntry,
    RuptureKind,
)
from alliance_desktop.domain.session import SessionStatus
from alliance_desktop.services import Practice
from tests.exchange.samples import PROFILE
from tests.factories import PASSPHRASE, fixed_clock, make_client, make_session

SESSIONS = 500
FIRST = dt.datetime(2016, 6, 6, 10)
LEVELS = ("much less", "less", "expected", "more", "much more")
STATUSES = [SessionStatus.ATTENDED] * 17 + [
    SessionStatus.CANCELLED,
    SessionStatus.NO_SHOW,
    SessionStatus.LATE_CANCELLED,
]
NOTE = (
    "Talked through the week's bus trips and what made the Tuesday one harder. "
    "Noticed the pull to cancel when tired; agreed to try one stop further next time.\n\n"
    "Alliance felt steady; she laughed at the timetable story."
)


def build_long_course(path: Path) -> tuple[Practice, int]:
    """An open practice at `path` holding one client with the long course; and that client."""
    rng = random.Random(11)
    practice = Practice.create(path, PASSPHRASE, clock=fixed_clock)
    practice.save_profile(PROFILE)
    client_id = practice.add_client(make_client(name="Zoë O’Brien-Волкова")).id or 0
    sessions = []
    for week in range(SESSIONS):
        status = rng.choice(STATUSES)
        overall = min(10, 5 + week * 5 // SESSIONS + rng.randint(0, 1))
        ratings = AllianceRatings(
            rng.randint(overall - 1, 10),
            rng.randint(overall - 1, 10),
            min(10, overall + 1),
            overall,
        )
        instruments = (
            (InstrumentScore(Instrument.PHQ9, rng.randint(3, 20)),) if week % 6 == 0 else ()
        )
        attended = status is SessionStatus.ATTENDED
        sessions.append(
            make_session(
                client_id,
                FIRST + dt.timedelta(weeks=week),
                status=status,
                check_in=AllianceCheckIn(client=ratings, clinician=ratings, instruments=instruments)
                if attended
                else AllianceCheckIn(),
                agenda="The week's trips" if attended else "",
                progress_note=NOTE if attended else "",
                focus="Problem-solving" if attended else "",
            )
        )
    practice.calendar.add_many(sessions)
    months = [FIRST.date() + dt.timedelta(days=30 * m) for m in range(SESSIONS * 7 // 30)]
    practice.goals.add_many(
        [
            Goal(
                client_id,
                f"Goal {number}: in my own words, something that matters to me",
                clinician_framing="Framing",
                column=GoalColumn.ACHIEVED if number == 0 else GoalColumn.ACTIVE,
                levels=LEVELS,
                ratings=tuple(
                    GasRating(day, max(-2, min(2, -2 + i * 5 // len(months) + rng.randint(-1, 0))))
                    for i, day in enumerate(months)
                ),
                tasks=tuple(GoalTask(f"Task {t} for goal {number}") for t in range(3)),
            )
            for number in range(5)
        ]
    )
    practice.ruptures.add_many(
        [
            RuptureEntry(
                client_id,
                FIRST.date() + dt.timedelta(days=90 * index + 3),
                rng.choice(list(RuptureKind)),
                rng.randint(1, 5),
                rng.choice(list(RaisedBy)),
                markers=("Minimal responses",),
                note="Went quiet when I suggested the longer trip; named it together.",
                repairs=(RepairAttempt(rng.choice(list(RepairStrategy)), "talked it through"),),
                outcome=rng.choice(list(RepairOutcome)),
            )
            for index in range(40)
        ]
    )
    practice.ending.save_plan(
        EndingPlan(
            client_id,
            EndingReason.REFERRAL,
            planned_last_session=dt.date(2026, 4, 27),
            maintenance=MaintenancePlan(what_helped=("Walking",), supports=("GP",)),
            follow_up_dates=(dt.date(2026, 7, 6),),
        )
    )
    assert len(practice.calendar.client_history(client_id).entries) == SESSIONS
    return practice, client_id
