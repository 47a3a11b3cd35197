"""The demo clients' goals: proposed in early sessions, agreed, worked on, rated now and then
(improving unevenly), and in time achieved or set aside, every move dated on a session day."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from alliance_desktop.demo.client_level_text import client_wording
from alliance_desktop.demo.courses import Course
from alliance_desktop.demo.goal_text import (
    GENERIC_IDEAS,
    GOAL_IDEAS,
    QUALITY_NOTES,
    RATING_NOTES,
    GoalIdea,
)
from alliance_desktop.demo.themes import theme_for
from alliance_desktop.domain.client import ClientStatus
from alliance_desktop.domain.goal import (
    CheckAnswer,
    GasRating,
    Goal,
    GoalColumn,
    GoalMove,
    GoalQuality,
    GoalTask,
    ProposedBy,
    QualityAspect,
    QualityCheck,
    RatedBy,
)

_WEIGHTS = {1.0: 70, 2.0: 15, 1.5: 5, 0.5: 10}
_PROPOSERS = {ProposedBy.TOGETHER: 50, ProposedBy.CLIENT: 35, ProposedBy.CLINICIAN: 15}
_RATERS = {RatedBy.TOGETHER: 70, RatedBy.CLIENT: 20, RatedBy.CLINICIAN: 10}
_FINISHED = (ClientStatus.ENDED, ClientStatus.HANDED_OVER)


@dataclass(frozen=True)
class GoalWindow:
    """When a goal was being worked on, for linking it to the sessions of that time."""

    words: str
    agreed_on: dt.date
    until: dt.date


def plan_goals(
    rng: random.Random,
    course: Course,
    today: dt.date,
    count: int | None = None,
    ratings_each: int | None = None,
) -> list[Goal]:
    """2-5 goals (1-2 proposed ones for a client still in assessment); `count` and
    `ratings_each` fix the numbers for the benchmark client."""
    days = [course.past[i].start.date() for i in course.attended]
    if not days:
        return []
    ideas = _ideas_for(rng, course, count)
    if count is None:
        count = rng.randint(1, 2) if course.status is ClientStatus.INTAKE else rng.randint(2, 5)
    goals = []
    for number, idea in enumerate(ideas[:count]):
        # The first goals come from the first sessions; later ones over the course.
        spread = len(days) * number // max(count, 1)
        proposed = min(len(days) - 1, rng.randint(0, 2) + (spread if number >= 2 else 0))
        goals.append(_goal(rng, course, idea, days, proposed, today, ratings_each))
    return goals


def goal_windows(goals: list[Goal], today: dt.date) -> list[GoalWindow]:
    windows = []
    for goal in goals:
        agreed = goal.moved_on(GoalColumn.AGREED)
        if agreed is None:
            continue
        finished = goal.column in (GoalColumn.ACHIEVED, GoalColumn.SET_ASIDE)
        until = goal.history[-1].moved_on if finished else today
        windows.append(GoalWindow(goal.client_words, agreed, until))
    return windows


def _ideas_for(rng: random.Random, course: Course, count: int | None) -> list[GoalIdea]:
    theme = theme_for(course.entry.client.concerns)
    own = list(GOAL_IDEAS[theme])
    generic = list(GENERIC_IDEAS)
    rng.shuffle(own)
    rng.shuffle(generic)
    ideas = own + generic[:2]
    if count is not None and count > len(ideas):  # the benchmark client: every idea there is
        others = [idea for t, pool in GOAL_IDEAS.items() if t != theme for idea in pool]
        ideas = own + generic + others
    return ideas


def _goal(
    rng: random.Random,
    course: Course,
    idea: GoalIdea,
    days: list[dt.date],
    proposed: int,
    today: dt.date,
    ratings_each: int | None,
) -> Goal:
    last = len(days) - 1
    moves = [GoalMove(GoalColumn.PROPOSED, days[proposed])]
    still_new = proposed >= last - 1 and ratings_each is None
    if idea.is_broad and ratings_each is None:
        return _broad_goal(course, idea, moves)
    if course.status is ClientStatus.INTAKE or still_new:
        return _proposed_goal(rng, course, idea, moves)
    agreed = min(last, proposed + rng.randint(0, 2))
    active = min(last, agreed + rng.randint(0, 2))
    moves += [GoalMove(GoalColumn.AGREED, days[agreed]), GoalMove(GoalColumn.ACTIVE, days[active])]
    ending = _final_column(rng, course, last - active, ratings_each)
    finished = last
    if ending is not None:
        # A goal is worked on for a few months, a year at most; at the ending session the
        # ones still open are closed.
        lasted = rng.randint(12, 50) if ratings_each is None else rng.randint(12, 20)
        finished = min(last, active + lasted)
        moves.append(GoalMove(ending, days[finished]))
    # A goal set aside is not rated again: its last rating comes before the day it was set aside.
    until = finished if ending is GoalColumn.SET_ASIDE and finished > agreed else finished + 1
    rated_days = _rating_days(rng, days[agreed:until], ratings_each)
    ratings = _ratings(rng, rated_days, ending)
    column = moves[-1].column
    return Goal(
        client_id=course.client_id,
        client_words=idea.words,
        clinician_framing=idea.framing,
        proposed_by=rng.choices(list(_PROPOSERS), list(_PROPOSERS.values()))[0],
        column=column,
        priority=rng.choice((1, 2, 2, 3)),
        target_date=days[agreed] + dt.timedelta(days=rng.randint(90, 180)),
        review_date=_review_date(rng, column, ratings, today),
        quality=_broad_check() if idea.is_broad else _quality(rng, column),
        levels=idea.levels,
        client_levels=client_wording(idea.words),
        weight=rng.choices(list(_WEIGHTS), list(_WEIGHTS.values()))[0],
        ratings=ratings,
        tasks=_tasks(rng, idea, days[agreed], today, column),
        history=tuple(moves),
    )


def _broad_goal(course: Course, idea: GoalIdea, moves: list[GoalMove]) -> Goal:
    """The textbook unfocused goal: the check says so, and it waits to be narrowed."""
    return Goal(
        client_id=course.client_id,
        client_words=idea.words,
        clinician_framing=idea.framing,
        proposed_by=ProposedBy.CLIENT,
        column=GoalColumn.PROPOSED,
        quality=_broad_check(),
        levels=idea.levels,
        history=tuple(moves),
    )


def _broad_check() -> GoalQuality:
    return GoalQuality(
        focused=QualityCheck(CheckAnswer.NO, QUALITY_NOTES[QualityAspect.FOCUSED][0]),
        realistic=QualityCheck(CheckAnswer.YES),
        coordinated=QualityCheck(CheckAnswer.YES),
    )


def _proposed_goal(
    rng: random.Random, course: Course, idea: GoalIdea, moves: list[GoalMove]
) -> Goal:
    """Not agreed yet: the levels may still be blank and the check half done."""
    described = rng.random() < 0.5
    return Goal(
        client_id=course.client_id,
        client_words=idea.words,
        clinician_framing=idea.framing if described else "",
        proposed_by=rng.choices(list(_PROPOSERS), list(_PROPOSERS.values()))[0],
        column=GoalColumn.PROPOSED,
        quality=_quality(rng, GoalColumn.PROPOSED) if described else GoalQuality(),
        levels=idea.levels if described else ("", "", "", "", ""),
        client_levels=client_wording(idea.words) if described else ("", "", "", "", ""),
        history=tuple(moves),
    )


def _final_column(
    rng: random.Random, course: Course, sessions_since: int, ratings_each: int | None
) -> GoalColumn | None:
    """Achieved, set aside, or None while it is still being worked on."""
    if ratings_each is not None:
        return rng.choice((None, None, GoalColumn.ACHIEVED))
    if course.status in _FINISHED or sessions_since > 60:
        return GoalColumn.ACHIEVED if rng.random() < 0.7 else GoalColumn.SET_ASIDE
    if sessions_since > 25:
        return rng.choices((GoalColumn.ACHIEVED, GoalColumn.SET_ASIDE, None), (55, 15, 30))[0]
    return None


def _rating_days(
    rng: random.Random, days: list[dt.date], ratings_each: int | None
) -> list[dt.date]:
    if ratings_each is not None:  # evenly over the goal's life
        step = max(1, len(days) // ratings_each)
        return days[::step][:ratings_each]
    every = rng.choice((3, 4, 5, 8))  # some goals go unrated for a while
    return days[::every] or days[:1]


def _ratings(
    rng: random.Random, days: list[dt.date], ending: GoalColumn | None
) -> tuple[GasRating, ...]:
    """Starting below the expected level and improving unevenly, with the odd setback."""
    level = -1 if rng.random() < 0.75 else -2
    ratings = []
    for number, day in enumerate(days):
        before = level
        if number:
            step = rng.random()
            level = (
                min(2, level + 1) if step < 0.3 else max(-2, level - 1) if step > 0.92 else level
            )
        if ending is GoalColumn.ACHIEVED and number == len(days) - 1:
            level = max(level, 1)
        direction = "up" if level > before else "down" if level < before else "same"
        note = rng.choice(RATING_NOTES[direction]) if number and rng.random() < 0.3 else ""
        rated_by = rng.choices(list(_RATERS), list(_RATERS.values()))[0]
        ratings.append(GasRating(day, level, rated_by, note))
    return tuple(ratings)


def _review_date(
    rng: random.Random, column: GoalColumn, ratings: tuple[GasRating, ...], today: dt.date
) -> dt.date | None:
    if column not in (GoalColumn.AGREED, GoalColumn.ACTIVE):
        return None
    last = ratings[-1].rated_on if ratings else today
    return last + dt.timedelta(days=rng.randint(28, 84))  # some already passed: due for review


def _quality(rng: random.Random, column: GoalColumn) -> GoalQuality:
    """Mostly yes; now and then unsure, or no where the goal was never agreed or set aside."""
    checks = {}
    for aspect in QualityAspect:
        roll = rng.random()
        if roll < 0.05 and column in (GoalColumn.PROPOSED, GoalColumn.SET_ASIDE):
            checks[aspect.value] = QualityCheck(CheckAnswer.NO, rng.choice(QUALITY_NOTES[aspect]))
        elif roll < 0.15:
            checks[aspect.value] = QualityCheck(
                CheckAnswer.UNSURE, rng.choice(QUALITY_NOTES[aspect])
            )
        else:
            checks[aspect.value] = QualityCheck(CheckAnswer.YES)
    return GoalQuality(**checks)


def _tasks(
    rng: random.Random, idea: GoalIdea, agreed: dt.date, today: dt.date, column: GoalColumn
) -> tuple[GoalTask, ...]:
    tasks = []
    for description, owner in idea.tasks:
        due = agreed + dt.timedelta(days=rng.randint(7, 28))
        done = column is GoalColumn.ACHIEVED or (
            due < today - dt.timedelta(days=14) and rng.random() < 0.7
        )
        tasks.append(GoalTask(description, owner, due, done))
    return tuple(tasks)
