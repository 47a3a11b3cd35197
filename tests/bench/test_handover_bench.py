"""Handing over a long course of therapy: 500 sessions over ten years, each with a progress
note and a check-in, five goals rated monthly, 40 ruptures, an ending plan; everything ticked
in (notes, ruptures) so the PDF and the bundle are as large as they get.

Targets (measured, not asserted, like the other benchmarks): export <= 2 s, import <= 2 s. The
data is built here with the services, in its own vault.
Run with: python -m pytest tests/bench/test_handover_bench.py --benchmark-only
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from alliance_desktop.domain.alliance_check_in import (
    AllianceCheckIn,
    AllianceRatings,
    Instrument,
    InstrumentScore,
)
from alliance_desktop.domain.ending import EndingPlan, EndingReason, MaintenancePlan
from alliance_desktop.domain.goal import GasRating, Goal, GoalColumn, GoalTask
from alliance_desktop.domain.handover import HandoverOptions, HandoverResult
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
from tests.exchange.samples import DETAILS, PROFILE
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
OPTIONS = HandoverOptions(include_session_notes=True, include_ruptures=True)


@dataclass(frozen=True)
class LongCourse:
    practice: Practice
    client_id: int
    folders: Iterator[Path]


@pytest.fixture(scope="module")
def long_course(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LongCourse]:
    rng = random.Random(11)
    root = tmp_path_factory.mktemp("handover-bench")
    practice = Practice.create(root / "long.vault", PASSPHRASE, clock=fixed_clock)
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
    folders = (root / f"handover-{n}" for n in itertools.count())
    yield LongCourse(practice, client_id, folders)
    practice.close()


def test_export_500_sessions(benchmark: BenchmarkFixture, long_course: LongCourse) -> None:
    def export() -> HandoverResult:
        folder = next(long_course.folders)
        return long_course.practice.handover.export(long_course.client_id, folder, DETAILS, OPTIONS)

    result = benchmark.pedantic(export, rounds=5, iterations=1, warmup_rounds=1)
    assert {f.name for f in result.files} >= {"record.pdf", "record.fhir.json.enc"}


def test_import_500_sessions(
    benchmark: BenchmarkFixture, long_course: LongCourse, tmp_path: Path
) -> None:
    folder = next(long_course.folders)
    exported = long_course.practice.handover.export(long_course.client_id, folder, DETAILS, OPTIONS)
    receiving = Practice.create(tmp_path / "receiving.vault", PASSPHRASE, clock=fixed_clock)
    try:
        client = benchmark.pedantic(
            receiving.handover.import_,
            args=(folder, exported.password),
            rounds=5,
            iterations=1,
            warmup_rounds=1,
        )
        assert len(receiving.calendar.client_history(client.id or 0).entries) == SESSIONS
    finally:
        receiving.close()
