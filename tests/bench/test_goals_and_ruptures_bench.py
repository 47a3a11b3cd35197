"""The goal board, the alliance timeline and the practice-wide open ruptures on the large demo.

Targets (measured, not asserted): opening a board of 20 goals with 200 ratings <= 30 ms;
committing a card move <= 10 ms; the timeline of a client with 500 sessions and 40 ruptures
<= 30 ms; the practice-wide list of unresolved ruptures <= 30 ms.
Run with: python -m pytest tests/bench --benchmark-only
"""

from __future__ import annotations

from itertools import cycle

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from alliance_desktop.demo import BENCHMARK_CLIENT
from alliance_desktop.demo.generator import (
    BENCHMARK_GOALS,
    BENCHMARK_RATINGS_PER_GOAL,
    BENCHMARK_RUPTURES,
)
from alliance_desktop.domain.goal import GoalColumn
from alliance_desktop.services import Practice


@pytest.fixture(scope="module")
def heavy_client(large_practice: Practice) -> int:
    found = [c.id for c in large_practice.client_summaries() if c.name == BENCHMARK_CLIENT]
    assert len(found) == 1
    return found[0]


def test_open_goal_board(
    benchmark: BenchmarkFixture, large_practice: Practice, heavy_client: int
) -> None:
    board = benchmark(large_practice.goals.board, heavy_client)

    assert len(board) == BENCHMARK_GOALS
    assert sum(len(goal.ratings) for goal in board) == BENCHMARK_GOALS * BENCHMARK_RATINGS_PER_GOAL
    assert all(goal.history and goal.levels[2] for goal in board)


def test_commit_a_card_move(
    benchmark: BenchmarkFixture, large_practice: Practice, heavy_client: int
) -> None:
    """Drag an active card to 'agreed' and back, one committed move per round."""
    card = next(
        goal
        for goal in large_practice.goals.board(heavy_client)
        if goal.column is GoalColumn.ACTIVE and not goal.quality.failing
    )
    columns = cycle((GoalColumn.AGREED, GoalColumn.ACTIVE))

    def move() -> GoalColumn:
        return large_practice.goals.move_goal(card.id or 0, next(columns), 0).column

    moved_to = benchmark.pedantic(move, rounds=60, warmup_rounds=2)  # type: ignore[no-untyped-call]

    assert moved_to in (GoalColumn.AGREED, GoalColumn.ACTIVE)
    assert large_practice.goals.goal(card.id or 0).history[-1].column is moved_to


def test_alliance_timeline(
    benchmark: BenchmarkFixture, large_practice: Practice, heavy_client: int
) -> None:
    timeline = benchmark(large_practice.ruptures.timeline, heavy_client)

    assert len(timeline.ruptures) == BENCHMARK_RUPTURES
    assert len(timeline.check_ins) > 300
    days = [point.on for point in timeline.check_ins]
    assert days == sorted(days)


def test_practice_wide_open_ruptures(benchmark: BenchmarkFixture, large_practice: Practice) -> None:
    found = benchmark(large_practice.ruptures.open_ruptures)

    assert found
    assert all(item.entry.is_open for item in found)
    assert any(item.follow_up_due for item in found)
