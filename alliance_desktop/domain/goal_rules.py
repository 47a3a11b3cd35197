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
    """Agreeing a goal while a quality check says no: the clinician must confirm."""

    def __init__(self, goal: Goal, reasons: list[str]) -> None:
        self.goal = goal
        self.reasons = reasons
        super().__init__(
            "This goal's quality check says no: " + "; ".join(reasons) + ". Agree it anyway?"
        )


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
    say-so is missing."""
    if to is GoalColumn.ACTIVE:
        check_goal(replace(goal, column=GoalColumn.ACTIVE))
    if to is GoalColumn.AGREED and goal.quality.failing and not confirmed:
        raise MoveNeedsConfirmation(
            goal, [f"not {aspect.value}" for aspect in goal.quality.failing]
        )


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
    goals_rated: int


def t_score_history(goals: Iterable[Goal]) -> list[TScorePoint]:
    """The client's T-score on each day any goal was rated, from each goal's latest rating."""
    counted = [goal for goal in goals if goal.column.counts_for_gas and goal.ratings]
    days = sorted({rating.rated_on for goal in counted for rating in goal.ratings})
    points = []
    for day in days:
        latest = [(g.weight, r.level) for g in counted if (r := g.rating_on(day)) is not None]
        score = gas_t_score(latest)
        if score is not None:
            points.append(TScorePoint(day, score, len(latest)))
    return points
