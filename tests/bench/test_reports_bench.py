"""Building reports for a long course of therapy: 500 sessions over ten years, five goals
rated monthly, 40 ruptures, an ending plan.

Targets (measured, not asserted): goal review <= 300 ms; clinician ending summary for a client
with 500 sessions <= 1 s. The data is built here with the services (the large demo's content is
still growing), in its own vault. Run with: python -m pytest tests/bench --benchmark-only
"""

from __future__ import annotations

import datetime as dt
import io
import random
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from pypdf import PdfReader
from pytest_benchmark.fixture import BenchmarkFixture

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
from tests.factories import PASSPHRASE, fixed_clock, make_client, make_session

SESSIONS = 500
FIRST = dt.datetime(2016, 6, 6, 10)
LEVELS = ("much less", "less", "expected", "more", "much more")
STATUSES = [SessionStatus.ATTENDED] * 17 + [
    SessionStatus.CANCELLED,
    SessionStatus.NO_SHOW,
    SessionStatus.LATE_CANCELLED,
]


@dataclass(frozen=True)
class LongCourse:
    practice: Practice
    client_id: int


@pytest.fixture(scope="module")
def long_course(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LongCourse]:
    rng = random.Random(11)
    path = tmp_path_factory.mktemp("reports-bench") / "long.vault"
    practice = Practice.create(path, PASSPHRASE, clock=fixed_clock)
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
        sessions.append(
            make_session(
                client_id,
                FIRST + dt.timedelta(weeks=week),
                status=status,
                check_in=AllianceCheckIn(client=ratings, instruments=instruments)
                if status is SessionStatus.ATTENDED
                else AllianceCheckIn(),
                progress_note="Worked on the week's trips." * 4,
            )
        )
    practice.calendar.add_many(sessions)
    months = [FIRST.date() + dt.timedelta(days=30 * m) for m in range(SESSIONS * 7 // 30)]
    goals = [
        Goal(
            client_id,
            f"Goal {number}: in my own words, something that matters to me",
            clinician_framing="Framing",
            column=GoalColumn.ACHIEVED if number == 0 else GoalColumn.ACTIVE,
            levels=LEVELS,
            ratings=tuple(
                GasRating(day, max(-2, min(2, -2 + index * 5 // len(months) + rng.randint(-1, 0))))
                for index, day in enumerate(months)
            ),
            tasks=tuple(GoalTask(f"Task {t} for goal {number}") for t in range(3)),
        )
        for number in range(5)
    ]
    practice.goals.add_many(goals)
    practice.ruptures.add_many(
        [
            RuptureEntry(
                client_id,
                FIRST.date() + dt.timedelta(days=90 * index + 3),
                rng.choice(list(RuptureKind)),
                rng.randint(1, 5),
                rng.choice(list(RaisedBy)),
                note="Went quiet when I suggested the longer trip; named it together.",
                repairs=(RepairAttempt(rng.choice(list(RepairStrategy))),),
                outcome=rng.choice(list(RepairOutcome)),
            )
            for index in range(40)
        ]
    )
    practice.ending.save_plan(
        EndingPlan(
            client_id,
            EndingReason.GOALS_MET,
            planned_last_session=dt.date(2026, 4, 27),
            maintenance=MaintenancePlan(
                what_helped=("Walking",), warning_signs=("Not sleeping",), supports=("GP",)
            ),
            follow_up_dates=(dt.date(2026, 7, 6),),
        )
    )
    assert len(practice.calendar.client_history(client_id).entries) == SESSIONS
    yield LongCourse(practice, client_id)
    practice.close()


def _pages(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def test_goal_review(benchmark: BenchmarkFixture, long_course: LongCourse) -> None:
    """Five goals, each rated monthly for ten years, charted."""
    reports = long_course.practice.reports
    data = benchmark(reports.goal_review_pdf, long_course.client_id)
    assert _pages(data) >= 2


def test_goal_review_of_the_last_quarter(
    benchmark: BenchmarkFixture, long_course: LongCourse
) -> None:
    reports = long_course.practice.reports
    data = benchmark(reports.goal_review_pdf, long_course.client_id, since=dt.date(2025, 12, 1))
    assert _pages(data) >= 1


def test_clinician_ending_summary_500_sessions(
    benchmark: BenchmarkFixture, long_course: LongCourse
) -> None:
    reports = long_course.practice.reports
    data = benchmark(reports.ending_summary_pdf, long_course.client_id)
    assert _pages(data) >= 3


def test_clinician_ending_summary_with_instruments(
    benchmark: BenchmarkFixture, long_course: LongCourse
) -> None:
    """Ticking instruments in reads every attended session's scores (about 425 sessions)."""
    reports = long_course.practice.reports
    data = benchmark(reports.ending_summary_pdf, long_course.client_id, include_instruments=True)
    assert _pages(data) >= 3


def test_client_ending_summary(benchmark: BenchmarkFixture, long_course: LongCourse) -> None:
    reports = long_course.practice.reports
    data = benchmark(reports.ending_summary_pdf, long_course.client_id, client_copy=True)
    assert _pages(data) >= 2


def test_ending_plan(benchmark: BenchmarkFixture, long_course: LongCourse) -> None:
    reports = long_course.practice.reports
    data = benchmark(reports.ending_plan_pdf, long_course.client_id)
    assert _pages(data) >= 1
