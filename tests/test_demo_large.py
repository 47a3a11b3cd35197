"""The large demo practice, built for real: 300 clients, ten years, about 151,000 sessions.

Slow (about two minutes with the vault's current settings), so it runs only when asked for:
python -m pytest -m slow tests/test_demo_large.py
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from collections.abc import Iterator

import pytest

from alliance_desktop.demo import BENCHMARK_CLIENT, DemoSummary, generate_demo_practice
from alliance_desktop.demo.generator import (
    BENCHMARK_GOALS,
    BENCHMARK_RATINGS_PER_GOAL,
    BENCHMARK_RUPTURES,
    BENCHMARK_SESSIONS,
)
from alliance_desktop.domain.client import ClientStatus
from alliance_desktop.domain.session import SessionStatus
from alliance_desktop.services import Practice
from tests.factories import FIXED_NOW, PASSPHRASE, fixed_clock

pytestmark = pytest.mark.slow
NOW = FIXED_NOW.replace(tzinfo=None)


@pytest.fixture(scope="module", autouse=True)
def only_when_asked(request: pytest.FixtureRequest) -> None:
    if "slow" not in (request.config.option.markexpr or ""):
        pytest.skip("builds the large demo (minutes); run with -m slow")


@pytest.fixture(scope="module")
def large(
    tmp_path_factory: pytest.TempPathFactory, only_when_asked: None
) -> Iterator[tuple[Practice, DemoSummary]]:
    path = tmp_path_factory.mktemp("large-demo") / "large.vault"
    practice = Practice.create(path, PASSPHRASE, clock=fixed_clock)
    started = time.perf_counter()
    summary = generate_demo_practice(practice, "large", seed=7)
    print(f"\nlarge demo generated in {time.perf_counter() - started:.1f} s: {summary}")
    yield practice, summary
    practice.close()


def test_large_demo_sizes(large: tuple[Practice, DemoSummary]) -> None:
    practice, summary = large
    everything = practice.calendar.entries_between(
        NOW - dt.timedelta(days=3700), NOW + dt.timedelta(weeks=9)
    )
    statuses = Counter(entry.status for entry in everything if entry.end <= NOW)

    assert summary.clients == practice.client_count() == 300
    assert summary.sessions == len(everything)
    assert 140_000 <= len(everything) <= 160_000
    assert 0.8 <= statuses[SessionStatus.ATTENDED] / statuses.total() <= 0.9
    assert everything[0].start >= NOW - dt.timedelta(days=3653)
    assert summary.goals >= 700 and summary.ruptures >= 1000


def test_the_benchmark_client_is_the_heavy_case(large: tuple[Practice, DemoSummary]) -> None:
    practice, _ = large
    heavy = next(c for c in practice.client_summaries() if c.name == BENCHMARK_CLIENT)
    board = practice.goals.board(heavy.id)

    assert heavy.status is ClientStatus.ACTIVE
    assert len(practice.calendar.client_history(heavy.id).entries) == BENCHMARK_SESSIONS
    assert len(practice.ruptures.log(heavy.id)) == BENCHMARK_RUPTURES
    assert len(board) == BENCHMARK_GOALS
    assert sum(len(g.ratings) for g in board) == BENCHMARK_GOALS * BENCHMARK_RATINGS_PER_GOAL
