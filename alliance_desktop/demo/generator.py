"""Filling a practice with the demo records, and making a demo vault file safely.

Order matters: clients first; then goals (sessions name the goals they worked on); then the
past sessions in bulk and the series still to come; then the rupture log, which points at the
sessions the ruptures happened in.
"""

from __future__ import annotations

import os
import random
from dataclasses import dataclass
from pathlib import Path

from alliance_desktop.demo.client_text import SHOWCASE_CLIENTS
from alliance_desktop.demo.clients import demo_caseload, demo_profile
from alliance_desktop.demo.courses import Course, Scale, plan_courses
from alliance_desktop.demo.ending_plans import plan_ending
from alliance_desktop.demo.goals import goal_windows, plan_goals
from alliance_desktop.demo.risk import add_boundaries, add_risk_records, leave_one_without_consent
from alliance_desktop.demo.ruptures import RupturePlan, plan_ruptures, rupture_entries
from alliance_desktop.demo.sessions import SessionWriter, book_future, history_sessions
from alliance_desktop.demo.sizes import DEFAULT_SEED, DEMO_SIZES
from alliance_desktop.domain.continuity import Custodian
from alliance_desktop.domain.goal import Goal
from alliance_desktop.domain.rupture import RuptureEntry
from alliance_desktop.domain.vault_errors import VaultAlreadyExists
from alliance_desktop.services.practice import Practice

# The large practice's first client is the benchmarks' heavy case (see tests/bench).
BENCHMARK_CLIENT = SHOWCASE_CLIENTS[0].name
BENCHMARK_SESSIONS = 500
BENCHMARK_GOALS = 20
BENCHMARK_RATINGS_PER_GOAL = 10
BENCHMARK_RUPTURES = 40


@dataclass(frozen=True)
class _Size:
    clients: int
    history_days: int | None  # None: each course as long as the client's own start date says
    scale: Scale
    benchmark: bool = False


_SIZES = {
    "small": _Size(
        DEMO_SIZES["small"],
        None,
        Scale(unique_slots=True, hours=(9, 10, 11, 12, 14, 15, 16, 17, 18)),
    ),
    # Ten years of weekly sessions for 300 clients: far more than one therapist could see,
    # on purpose, so the benchmarks meet a calendar as dense as any practice will ever have.
    "large": _Size(
        DEMO_SIZES["large"],
        3652,
        Scale(
            unique_slots=False,
            hours=(8, 9, 10, 11, 12, 14, 15, 16, 17, 18, 19),
            to_close=8,
            twice_weekly_share=0.3,
            benchmark_sessions=BENCHMARK_SESSIONS,
        ),
        benchmark=True,
    ),
}


@dataclass(frozen=True)
class DemoSummary:
    size: str
    seed: int
    clients: int
    archived: int
    sessions: int = 0
    goals: int = 0
    ruptures: int = 0


def generate_demo_practice(
    practice: Practice, size: str = "small", seed: int = DEFAULT_SEED
) -> DemoSummary:
    """Fill an empty practice with fictional records, relative to the practice's clock."""
    if size not in DEMO_SIZES:
        raise ValueError(f"Unknown demo size {size!r}; choose one of {', '.join(DEMO_SIZES)}.")
    spec = _SIZES[size]
    rng = random.Random(seed)
    now = practice.local_now()
    practice.save_profile(demo_profile())
    # The colleague who would look after the records (File › Continuity package…).
    practice.continuity.set_custodian(DEMO_CUSTODIAN)
    caseload = demo_caseload(rng, spec.clients, now.date(), spec.history_days)
    courses = plan_courses(random.Random(f"{seed}:courses"), caseload, now, spec.scale)
    for course in courses:
        course.client_id = practice.add_client(course.entry.client).id or 0
    ruptures = {
        course.position: plan_ruptures(
            random.Random(f"{seed}:ruptures:{course.position}"),
            course,
            now,
            BENCHMARK_RUPTURES if spec.benchmark and course.position == 0 else None,
        )
        for course in courses
    }
    goals = _add_goals(practice, courses, seed, spec.benchmark)
    sessions = _add_sessions(practice, courses, ruptures, goals, seed, spec)
    entries = _rupture_entries(courses, ruptures, sessions.ids, seed)
    practice.ruptures.add_many(entries)
    for course in courses:
        plan = plan_ending(
            random.Random(f"{seed}:ending:{course.position}"), course, goals[course.position]
        )
        if plan is not None:
            practice.ending.save_plan(plan)
    add_risk_records(practice, courses, seed)
    add_boundaries(practice, courses)
    leave_one_without_consent(practice, courses)
    return DemoSummary(
        size=size,
        seed=seed,
        clients=len(courses),
        archived=sum(1 for course in courses if course.entry.client.is_archived),
        sessions=sessions.count,
        goals=sum(len(client_goals) for client_goals in goals.values()),
        ruptures=len(entries),
    )


def _add_goals(
    practice: Practice, courses: list[Course], seed: int, benchmark: bool
) -> dict[int, list[Goal]]:
    today = practice.today()
    planned: dict[int, list[Goal]] = {}
    for course in courses:
        rng = random.Random(f"{seed}:goals:{course.position}")
        heavy = benchmark and course.position == 0
        count = BENCHMARK_GOALS if heavy else None
        ratings = BENCHMARK_RATINGS_PER_GOAL if heavy else None
        planned[course.position] = plan_goals(rng, course, today, count, ratings)
    practice.goals.add_many([goal for goals in planned.values() for goal in goals])
    return planned


@dataclass(frozen=True)
class _SavedSessions:
    ids: dict[int, list[int]]  # by course position, in `course.past` order
    count: int


def _add_sessions(
    practice: Practice,
    courses: list[Course],
    ruptures: dict[int, list[RupturePlan]],
    goals: dict[int, list[Goal]],
    seed: int,
    spec: _Size,
) -> _SavedSessions:
    today = practice.today()
    writer = SessionWriter(practice.calendar)
    ids: dict[int, list[int]] = {}
    for course in courses:
        rng = random.Random(f"{seed}:sessions:{course.position}")
        goal_ids = {}
        if goals[course.position]:
            goal_ids = {g.client_words: g.id or 0 for g in practice.goals.board(course.client_id)}
        windows = goal_windows(goals[course.position], today)
        past = history_sessions(rng, course, ruptures[course.position], windows, goal_ids)
        ids[course.position] = writer.add(past)
    writer.flush()
    future = sum(
        book_future(practice.calendar, course, allow_overlap=not spec.scale.unique_slots)
        for course in courses
    )
    return _SavedSessions(ids, writer.written + future)


def _rupture_entries(
    courses: list[Course],
    ruptures: dict[int, list[RupturePlan]],
    session_ids: dict[int, list[int]],
    seed: int,
) -> list[RuptureEntry]:
    entries = []
    for course in courses:
        rng = random.Random(f"{seed}:rupture-log:{course.position}")
        plans = ruptures[course.position]
        entries += rupture_entries(rng, course, plans, session_ids[course.position])
    return entries


DEMO_CUSTODIAN = Custodian(
    "Dr Imogen Castellano-Reyes", "+44 20 7946 0999 · imogen@castellano.example.org"
)


def create_demo_vault(
    path: Path,
    passphrase: str,
    size: str = "small",
    seed: int = DEFAULT_SEED,
) -> DemoSummary:
    """Make a new vault holding a demo practice; never touches an existing file.

    The vault is built under a temporary name and moved into place when complete, so an
    interrupted run never leaves a half-filled demo behind.
    """
    path = Path(path)
    if path.exists():
        raise VaultAlreadyExists(path)
    partial = path.with_name(path.name + ".demo-partial")
    for leftover in (partial, *_sidecars(partial)):
        leftover.unlink(missing_ok=True)
    practice = Practice.create(partial, passphrase)
    try:
        summary = generate_demo_practice(practice, size, seed)
    except BaseException:
        practice.close()
        for leftover in (partial, *_sidecars(partial)):
            leftover.unlink(missing_ok=True)
        raise
    practice.close()
    if path.exists():
        partial.unlink()
        raise VaultAlreadyExists(path)
    os.replace(partial, path)
    # The lock file made beside the partial vault (one writer at a time) goes with it.
    for suffix in (".lock", ".anchor"):
        companion = partial.with_name(partial.name + suffix)
        if companion.exists():
            os.replace(companion, path.with_name(path.name + suffix))
    return summary


def ensure_demo_vault(
    path: Path, passphrase: str, size: str = "small", seed: int = DEFAULT_SEED
) -> bool:
    """Create the demo vault unless it is already there; True when it was created now."""
    if Path(path).exists():
        return False
    create_demo_vault(path, passphrase, size, seed)
    return True


def _sidecars(path: Path) -> tuple[Path, ...]:
    return tuple(
        path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", ".lock", ".anchor")
    )
