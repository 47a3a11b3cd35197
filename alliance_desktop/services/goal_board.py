"""The goal board: shaping goals with the client, moving them, rating progress (GAS)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from alliance_desktop.domain.goal import (
    GAS_LEVELS,
    GasRating,
    Goal,
    GoalColumn,
    GoalReviewItem,
    GoalTask,
)
from alliance_desktop.domain.goal_rules import (
    TScorePoint,
    check_goal,
    check_move,
    check_rating,
    check_task,
    t_score_history,
)
from alliance_desktop.vault.goal_repository import GoalRepository

RATING_OVERDUE_AFTER = dt.timedelta(weeks=6)


@dataclass(frozen=True)
class GoalsToReview:
    due_for_review: list[GoalReviewItem]  # review date passed
    not_rated_recently: list[GoalReviewItem]  # no rating in the last six weeks


class GoalBoard:
    def __init__(self, goals: GoalRepository, today: Callable[[], dt.date]) -> None:
        self._goals = goals
        self._today = today

    def board(self, client_id: int) -> list[Goal]:
        return self._goals.board(client_id)

    def goal(self, goal_id: int) -> Goal:
        return self._goals.get(goal_id)

    def add_goal(self, goal: Goal) -> Goal:
        return self._goals.add(check_goal(goal), self._today())

    def add_many(self, goals: list[Goal]) -> int:
        """Bulk insert for imports and the demo: every goal checked, one transaction."""
        return self._goals.add_many([check_goal(goal) for goal in goals], self._today())

    def update_goal(self, goal: Goal) -> Goal:
        current = self._goals.get(goal.id or 0)
        # The column decides which rules apply (an active goal needs all five levels).
        return self._goals.update(check_goal(_in_column(goal, current.column)))

    def move_goal(
        self, goal_id: int, column: GoalColumn, position: int = 10_000, *, confirmed: bool = False
    ) -> Goal:
        """Move a card; raises MoveNeedsConfirmation when agreeing a goal a check says no to."""
        goal = self._goals.get(goal_id)
        if column is not goal.column:
            check_move(goal, column, confirmed)
        self._goals.move(goal_id, column, position, self._today())
        return self._goals.get(goal_id)

    def rate(self, goal_id: int, rating: GasRating, session_id: int | None = None) -> Goal:
        self._goals.add_rating(goal_id, check_rating(rating), session_id)
        return self._goals.get(goal_id)

    def add_task(self, goal_id: int, task: GoalTask) -> Goal:
        self._goals.add_task(goal_id, check_task(task))
        return self._goals.get(goal_id)

    def update_task(self, goal_id: int, task: GoalTask) -> Goal:
        self._goals.update_task(check_task(task))
        return self._goals.get(goal_id)

    def t_score_history(self, client_id: int) -> list[TScorePoint]:
        return t_score_history(self._goals.board(client_id))

    def goals_to_review(self) -> GoalsToReview:
        today = self._today()
        items = self._goals.review_items()
        return GoalsToReview(
            due_for_review=[i for i in items if i.review_date and i.review_date <= today],
            not_rated_recently=[
                i
                for i in items
                if i.column is GoalColumn.ACTIVE
                and (i.last_rated_on is None or i.last_rated_on < today - RATING_OVERDUE_AFTER)
            ],
        )

    def goals_document(self, client_id: int) -> dict[str, Any]:
        """The `goals --json` document of the command-line contract."""
        goals = self._goals.board(client_id)
        history = t_score_history(goals)
        return {
            "client_id": client_id,
            "goals": [_goal_document(goal) for goal in goals],
            "gas_t_score": round(history[-1].t_score, 2) if history else None,
        }


def _goal_document(goal: Goal) -> dict[str, Any]:
    return {
        "id": goal.id,
        "title": goal.title,
        "client_words": goal.client_words,
        "column": goal.column.value,
        "position": goal.position,
        "weight": goal.weight,
        "levels": [
            {"level": level, "description": text}
            for level, text in zip(GAS_LEVELS, goal.levels, strict=True)
        ],
        "ratings": [{"date": r.rated_on.isoformat(), "level": r.level} for r in goal.ratings],
        "target_date": goal.target_date.isoformat() if goal.target_date else None,
        "review_date": goal.review_date.isoformat() if goal.review_date else None,
        "history": [
            {"column": m.column.value, "date": m.moved_on.isoformat()} for m in goal.history
        ],
    }


def _in_column(goal: Goal, column: GoalColumn) -> Goal:
    return replace(goal, column=column)
