"""Goals for the goal board tests: a client with a few goals in known columns and order."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from alliance_desktop.domain.goal import (
    CheckAnswer,
    Goal,
    GoalColumn,
    GoalQuality,
    QualityCheck,
)
from alliance_desktop.services import Practice
from tests.factories import make_client

LEVELS = (
    "Avoids all buses",
    "Bus with a friend",
    "Bus alone twice a week",
    "Bus alone most days",
    "Travels anywhere",
)
ALL_YES = GoalQuality(
    focused=QualityCheck(CheckAnswer.YES),
    realistic=QualityCheck(CheckAnswer.YES),
    coordinated=QualityCheck(CheckAnswer.YES),
)


def make_goal(client_id: int, words: str, **changes: Any) -> Goal:
    goal = Goal(client_id=client_id, client_words=words, levels=LEVELS, quality=ALL_YES)
    return replace(goal, **changes)


@dataclass
class Board:
    client_id: int
    ids: dict[str, int]  # goal id by its words


def add_board(practice: Practice, name: str = "Maggie Okonkwo-Lee") -> Board:
    """Proposed: walk, sleep, call · Agreed: bus, cook · Active: work (rated +1)."""
    client = practice.add_client(make_client(name=name))
    client_id = client.id or 0
    ids = {}
    for words, column in (
        ("Walk to the park", GoalColumn.PROPOSED),
        ("Sleep before midnight", GoalColumn.PROPOSED),
        ("Call my sister", GoalColumn.PROPOSED),
        ("Take the bus again", GoalColumn.AGREED),
        ("Cook for friends", GoalColumn.AGREED),
        ("Go back to work part time", GoalColumn.ACTIVE),
    ):
        goal = practice.goals.add_goal(make_goal(client_id, words, column=column))
        ids[words] = goal.id or 0
    return Board(client_id, ids)


def column_words(practice: Practice, client_id: int, column: GoalColumn) -> list[str]:
    """The vault's order of one column, read fresh."""
    return [g.client_words for g in practice.goals.board(client_id) if g.column is column]
