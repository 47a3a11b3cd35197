"""Ruptures in the demo clients' alliance: where they happened, how they were repaired, and
the few still open that the practice-wide list and the flags should show."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from alliance_desktop.demo.courses import Course
from alliance_desktop.demo.rupture_text import REPAIR_NOTES, RUPTURE_NOTES
from alliance_desktop.domain.client import ClientStatus
from alliance_desktop.domain.rupture import (
    RaisedBy,
    RepairAttempt,
    RepairOutcome,
    RepairStrategy,
    RuptureEntry,
    RuptureKind,
)

_KINDS = {RuptureKind.WITHDRAWAL: 50, RuptureKind.CONFRONTATION: 30, RuptureKind.MIXED: 20}
_SIGNIFICANCE = {1: 20, 2: 35, 3: 28, 4: 12, 5: 5}
_FAVOURED = {
    RuptureKind.WITHDRAWAL: (
        RepairStrategy.EXPLORE_WHAT_HAPPENED,
        RepairStrategy.ACKNOWLEDGE_OWN_PART,
        RepairStrategy.RESTATE_RATIONALE,
        RepairStrategy.CHANGE_TASK_OR_GOAL,
        RepairStrategy.LINK_TO_PATTERNS,
    ),
    RuptureKind.CONFRONTATION: (
        RepairStrategy.VALIDATE_ASSERTION,
        RepairStrategy.ACKNOWLEDGE_OWN_PART,
        RepairStrategy.CLARIFY_MISUNDERSTANDING,
        RepairStrategy.CHANGE_TASK_OR_GOAL,
        RepairStrategy.EXPLORE_WHAT_HAPPENED,
    ),
}


@dataclass(frozen=True)
class RupturePlan:
    visit: int  # index into the course's past sessions
    kind: RuptureKind
    significance: int
    outcome: RepairOutcome | None  # None: no repair tried yet
    follow_up_days: int | None = None


# Showcase clients (by position) whose open ruptures the practice-wide list and flags show:
# (days ago, kind, outcome, follow-up days after the rupture).
_OPEN_ON_PURPOSE: dict[int, tuple[int, RuptureKind, RepairOutcome | None, int | None]] = {
    1: (33, RuptureKind.CONFRONTATION, RepairOutcome.UNRESOLVED, 14),  # follow-up now due
    10: (22, RuptureKind.WITHDRAWAL, RepairOutcome.UNRESOLVED, 26),  # follow-up in a few days
    7: (19, RuptureKind.MIXED, RepairOutcome.PARTLY, 28),
    3: (0, RuptureKind.WITHDRAWAL, None, None),  # last session: not yet talked about
}


def plan_ruptures(
    rng: random.Random, course: Course, now: dt.datetime, count: int | None = None
) -> list[RupturePlan]:
    """Where the alliance ruptured: a few times over a course, never in the first sessions."""
    attended = course.attended
    if len(attended) < 4:
        return []
    chosen: dict[int, RupturePlan] = {}
    if course.position in _OPEN_ON_PURPOSE and course.status is not ClientStatus.INTAKE:
        days_ago, kind, outcome, follow_up = _OPEN_ON_PURPOSE[course.position]
        visit = _nearest(course, attended, now - dt.timedelta(days=days_ago))
        chosen[visit] = RupturePlan(visit, kind, rng.choice((2, 3, 4)), outcome, follow_up)
    wanted = count if count is not None else _usual_count(rng, len(attended))
    candidates = attended[2:]
    if course.status not in (ClientStatus.ENDED, ClientStatus.HANDED_OVER):
        candidates = candidates[:-4] or candidates  # recent weeks: only the planned ones
    rng.shuffle(candidates)
    for visit in candidates:
        if len(chosen) >= wanted:
            break
        if any(abs(visit - other) < 3 for other in chosen):
            continue
        chosen[visit] = _random_plan(rng, course, visit, now)
    return sorted(chosen.values(), key=lambda plan: plan.visit)


def _usual_count(rng: random.Random, attended: int) -> int:
    return min(attended // 8, rng.choice((0, 1, 1, 2, 2, 3)) + attended // 110)


def _random_plan(rng: random.Random, course: Course, visit: int, now: dt.datetime) -> RupturePlan:
    kind = rng.choices(list(_KINDS), list(_KINDS.values()))[0]
    significance = rng.choices(list(_SIGNIFICANCE), list(_SIGNIFICANCE.values()))[0]
    recent = now - course.past[visit].start < dt.timedelta(days=180)
    if recent:
        outcome = rng.choices(list(RepairOutcome), (85, 12, 3))[0]
    else:  # older ruptures were long since talked through: none is left open for years
        outcome = rng.choices(list(RepairOutcome), (100, 0, 0))[0]
    follow_up = rng.randint(7, 21) if outcome is not RepairOutcome.RESOLVED else None
    return RupturePlan(visit, kind, significance, outcome, follow_up)


def _nearest(course: Course, attended: list[int], moment: dt.datetime) -> int:
    return min(attended, key=lambda index: abs(course.past[index].start - moment))


def rupture_entries(
    rng: random.Random, course: Course, plans: list[RupturePlan], session_ids: list[int]
) -> list[RuptureEntry]:
    """The log entries, linked to the sessions they happened in (ids in `past` order)."""
    entries = []
    for plan in plans:
        day = course.past[plan.visit].start.date()
        note, markers = rng.choice(RUPTURE_NOTES[plan.kind])
        repairs = () if plan.outcome is None else _repairs(rng, plan.kind)
        follow_up = plan.follow_up_days
        entries.append(
            RuptureEntry(
                client_id=course.client_id,
                occurred_on=day,
                kind=plan.kind,
                significance=plan.significance,
                raised_by=RaisedBy.CLINICIAN if rng.random() < 0.7 else RaisedBy.CLIENT,
                session_id=session_ids[plan.visit],
                markers=markers,
                note=note,
                repairs=repairs,
                outcome=plan.outcome,
                follow_up_on=day + dt.timedelta(days=follow_up) if follow_up else None,
            )
        )
    return entries


def _repairs(rng: random.Random, kind: RuptureKind) -> tuple[RepairAttempt, ...]:
    favoured = _FAVOURED.get(kind) or _FAVOURED[rng.choice(list(_FAVOURED))]
    strategies = rng.sample(favoured[:3], 1) + rng.sample(favoured[3:], rng.randint(0, 2))
    return tuple(RepairAttempt(s, rng.choice(REPAIR_NOTES[s])) for s in strategies)
