"""Rules for goals: what a valid goal is, when it may move, and the GAS T-score."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.goal import GAS_LEVELS, GasRating, Goal, GoalColumn, GoalTask
from alliance_desktop.domain.text_rules import LONG_TEXT_LIMIT, check_date, check_text

GAS_RHO = 0.3  # the conventional inter-goal correlation (Kiresuk & Sherman)


class MoveNeedsConfirmation(Exception):
    """Agreeing a goal while a quality question is answered no or unsure: the clinician must
    confirm."""

    def __init__(self, goal: Goal, reasons: list[str]) -> None:
        self.goal = goal
        self.reasons = reasons  # e.g. "not focused", "unsure whether realistic"
        super().__init__(
            "This goal's quality check is not a clear yes: "
            + "; ".join(reasons)
            + ". Agree it anyway?"
        )


QUALITY_FIELD = "quality"
AGREED_COLUMNS = (GoalColumn.AGREED, GoalColumn.ACTIVE)


def check_goal(goal: Goal) -> Goal:
    problems: dict[str, str] = {}
    if not goal.client_words.strip():
        problems["client_words"] = "Write the goal in the client's own words."
    check_text(problems, "client_words", "The goal", goal.client_words, limit=LONG_TEXT_LIMIT)
    check_text(
        problems,
        "clinician_framing",
        "Clinician framing",
        goal.clinician_framing,
        limit=LONG_TEXT_LIMIT,
    )
    check_date(problems, "target_date", "Target date", goal.target_date)
    check_date(problems, "review_date", "Review date", goal.review_date)
    if not (goal.weight > 0 and math.isfinite(goal.weight)):
        problems["weight"] = f"The weight must be more than 0 (got {goal.weight:g})."
    elif goal.weight > 100:
        problems["weight"] = f"The weight must be at most 100 (got {goal.weight:g})."
    if goal.priority not in (1, 2, 3):
        problems["priority"] = "Priority is high, medium or low."
    for level, description in zip(GAS_LEVELS, goal.levels, strict=True):
        check_text(problems, f"levels.{level}", f"Level {level:+d}", description, limit=2000)
    for level, wording in zip(GAS_LEVELS, goal.client_levels, strict=True):
        check_text(
            problems,
            f"client_levels.{level}",
            f"Level {level:+d} in the client's words",
            wording,
            limit=2000,
        )
    if goal.column is GoalColumn.ACTIVE:
        for level, description in zip(GAS_LEVELS, goal.levels, strict=True):
            if not description.strip():
                problems[f"levels.{level}"] = (
                    f"Describe level {level:+d} before the goal becomes active "
                    "(all five levels are needed to rate progress)."
                )
    for index, rating in enumerate(goal.ratings):
        _check_rating(problems, f"ratings.{index}", rating)
    for index, task in enumerate(goal.tasks):
        _check_task(problems, f"tasks.{index}", task)
    for aspect_name in ("focused", "realistic", "coordinated"):
        check = getattr(goal.quality, aspect_name)
        check_text(problems, f"quality.{aspect_name}", "Quality note", check.note, limit=2000)
    if problems:
        raise InvalidInput(problems)
    return replace(
        goal,
        client_words=goal.client_words.strip(),
        clinician_framing=goal.clinician_framing.strip(),
        levels=tuple(level.strip() for level in goal.levels),  # type: ignore[arg-type]
        client_levels=tuple(text.strip() for text in goal.client_levels),  # type: ignore[arg-type]
    )


def check_rating(rating: GasRating) -> GasRating:
    problems: dict[str, str] = {}
    _check_rating(problems, "rating", rating)
    if problems:
        raise InvalidInput(problems)
    return rating


def check_session_ratings(
    ratings: Mapping[int, GasRating],
    worked_on: Collection[int],
    session_day: dt.date,
    today: dt.date,
) -> dict[int, GasRating]:
    """The GAS ratings given in a session, by goal id: each dated on the session's day, each
    for a goal worked on in it, and none before the session's day has come. Problems are
    named `goal_ratings.<goal id>.level` / `.note` (or `goal_ratings` for the whole set)."""
    problems: dict[str, str] = {}
    if ratings and session_day > today:
        problems["goal_ratings"] = (
            "Goals are rated on the day of the session or later; this session has not happened yet."
        )
    dated: dict[int, GasRating] = {}
    for goal_id, rating in ratings.items():
        field = f"goal_ratings.{goal_id}"
        if goal_id not in worked_on:
            problems[field] = "Tick the goal as worked on in this session to rate it."
        dated[goal_id] = replace(rating, rated_on=session_day, note=rating.note.strip())
        _check_rating(problems, field, dated[goal_id])
    if problems:
        raise InvalidInput(problems)
    return dated


def check_task(task: GoalTask) -> GoalTask:
    problems: dict[str, str] = {}
    _check_task(problems, "task", task)
    if problems:
        raise InvalidInput(problems)
    return replace(task, description=task.description.strip())


def check_move(goal: Goal, to: GoalColumn, confirmed: bool = False) -> None:
    """Raise when the move breaks a rule; MoveNeedsConfirmation when only the clinician's
    say-so is missing.

    A goal is agreed (moved to Agreed or Active) only when all three quality questions
    (focused, realistic, coordinated with the client's values) have an answer; an answer of
    no or unsure asks for confirmation when the goal is first agreed (not again between
    Agreed and Active)."""
    if to not in AGREED_COLUMNS:
        return
    quality = goal.quality
    if quality.missing:
        names = ", ".join(aspect.value for aspect in quality.missing)
        raise InvalidInput(
            {
                QUALITY_FIELD: (
                    f"Answer the quality check before agreeing this goal: {names} "
                    "(yes, no or unsure)."
                )
            }
        )
    if to is GoalColumn.ACTIVE:
        check_goal(replace(goal, column=GoalColumn.ACTIVE))
    doubts = [f"not {aspect.value}" for aspect in quality.failing] + [
        f"unsure whether {aspect.value}" for aspect in quality.unsure
    ]
    if doubts and goal.column not in AGREED_COLUMNS and not confirmed:
        raise MoveNeedsConfirmation(goal, doubts)


def _check_rating(problems: dict[str, str], field: str, rating: GasRating) -> None:
    if rating.level not in GAS_LEVELS:
        problems[f"{field}.level"] = f"A rating is from -2 to +2 (got {rating.level})."
    check_date(problems, f"{field}.rated_on", "Rating date", rating.rated_on)
    check_text(problems, f"{field}.note", "Rating note", rating.note, limit=LONG_TEXT_LIMIT)


def _check_task(problems: dict[str, str], field: str, task: GoalTask) -> None:
    if not task.description.strip():
        problems[f"{field}.description"] = "Say what the task is."
    check_text(problems, f"{field}.description", "Task", task.description, limit=2000)
    check_date(problems, f"{field}.due_on", "Due date", task.due_on)


def gas_t_score(weighted_levels: Sequence[tuple[float, int]], rho: float = GAS_RHO) -> float | None:
    """T = 50 + 10·Σ(wᵢxᵢ) / √((1−ρ)·Σwᵢ² + ρ·(Σwᵢ)²); None when no goal is rated."""
    if not weighted_levels:
        return None
    weighted_sum = sum(weight * level for weight, level in weighted_levels)
    sum_of_squares = sum(weight * weight for weight, _ in weighted_levels)
    sum_of_weights = sum(weight for weight, _ in weighted_levels)
    spread = math.sqrt((1 - rho) * sum_of_squares + rho * sum_of_weights**2)
    return 50 + 10 * weighted_sum / spread


@dataclass(frozen=True)
class TScorePoint:
    on: dt.date
    t_score: float
    goals_rated: int  # the goals this point rests on: the whole fixed set (see t_score_history)
    rated_by_then: int = 0  # of those, rated on or before this day; the rest at their baseline
    entered: tuple[str, ...] = ()  # goals whose first rating is on this day (their titles)

    @property
    def at_baseline(self) -> int:
        """Goals in the set not rated yet on this day, counted at their first rating."""
        return self.goals_rated - self.rated_by_then


T_SCORE_TREND_RULE = (
    "Each point rests on the same goals: every agreed, active or achieved goal that has a "
    "rating. A goal enters at its first rating, and that first rating (its starting point) "
    "also stands in for it on the days before, so a new goal never moves the line: only a "
    "changed rating does. Proposed and set-aside goals are left out of every point. The "
    "latest point is the T-score of every goal's latest rating."
)


def t_score_history(goals: Iterable[Goal]) -> list[TScorePoint]:
    """The client's T-score on each day any goal was rated, over a fixed set of goals.

    The set is every goal that counts (agreed, active, achieved) and has been rated. On each
    day a goal stands at its latest rating so far, or, before its first rating, at that first
    rating (its baseline, carried back): a goal entering the set therefore changes no earlier
    or later score, and the line moves only when a rating changes. The latest point is exactly
    the T-score of every goal's latest rating. Set-aside goals are left out of every point,
    also from before they were set aside, so all points compare the same goals."""
    counted = [goal for goal in goals if goal.column.counts_for_gas and goal.ratings]
    days = sorted({rating.rated_on for goal in counted for rating in goal.ratings})
    firsts = [min(goal.ratings, key=lambda rating: rating.rated_on) for goal in counted]
    points = []
    for day in days:
        levels = []
        rated = 0
        for goal, first in zip(counted, firsts, strict=True):
            rating = goal.rating_on(day)
            if rating is None:
                rating = first
            else:
                rated += 1
            levels.append((goal.weight, rating.level))
        score = gas_t_score(levels)
        if score is not None:
            entered = tuple(
                goal.title
                for goal, first in zip(counted, firsts, strict=True)
                if first.rated_on == day
            )
            points.append(TScorePoint(day, score, len(levels), rated, entered))
    return points
