"""The calendar on the large demo practice (about 151,000 sessions over ten years).

Targets (measured, not asserted): a month view's sessions <= 20 ms, a week view's <= 10 ms, one
client's full history (500 sessions) <= 30 ms.
Run with: python -m pytest tests/bench --benchmark-only
"""

from __future__ import annotations

import datetime as dt

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from alliance_desktop.demo import BENCHMARK_CLIENT
from alliance_desktop.demo.generator import BENCHMARK_SESSIONS
from alliance_desktop.services import Practice


@pytest.fixture(scope="module")
def heavy_client(large_practice: Practice) -> int:
    found = [c.id for c in large_practice.client_summaries() if c.name == BENCHMARK_CLIENT]
    assert len(found) == 1
    return found[0]


def test_month_view_sessions(benchmark: BenchmarkFixture, large_practice: Practice) -> None:
    today = large_practice.today()
    first = dt.datetime(today.year, today.month, 1)
    following = (first + dt.timedelta(days=32)).replace(day=1)

    entries = benchmark(large_practice.calendar.entries_between, first, following)

    assert len(entries) > 800  # a dense month: the benchmark practice books ~290 a week
    assert all(first <= entry.start < following for entry in entries)


def test_week_view_sessions(benchmark: BenchmarkFixture, large_practice: Practice) -> None:
    today = large_practice.today()
    monday = dt.datetime.combine(today - dt.timedelta(days=today.weekday()), dt.time())

    entries = benchmark(
        large_practice.calendar.entries_between, monday, monday + dt.timedelta(days=7)
    )

    assert len(entries) > 200
    assert [e.start for e in entries] == sorted(e.start for e in entries)


def test_client_history(
    benchmark: BenchmarkFixture, large_practice: Practice, heavy_client: int
) -> None:
    history = benchmark(large_practice.calendar.client_history, heavy_client)

    assert len(history.entries) == BENCHMARK_SESSIONS
    assert history.next_session is not None
    assert history.attendance.attended > 0.75 * BENCHMARK_SESSIONS
