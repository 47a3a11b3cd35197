"""Calendar files on the large demo practice (about 151,000 sessions over ten years).

Targets (measured, not asserted): a year's export (about 7,700 sessions) <= 1 s; the kept file's
look when nothing changed (one indexed read) <= 5 ms, so it can follow every save.
Run with: python -m pytest tests/bench/test_calendar_file_bench.py --benchmark-only
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pytest_benchmark.fixture import BenchmarkFixture

from alliance_desktop.services import Practice
from alliance_desktop.services.diary_file import DiaryFileChoice, DiaryFileKeeper


def test_export_a_year(benchmark: BenchmarkFixture, large_practice: Practice) -> None:
    today = large_practice.today()
    first, last = today - dt.timedelta(days=182), today + dt.timedelta(days=182)

    export = benchmark(large_practice.calendar.icalendar, first, last)

    assert export.booked > 5_000
    assert export.data.count(b"BEGIN:VEVENT") >= export.booked + export.cancelled


def test_kept_file_look_when_nothing_changed(
    benchmark: BenchmarkFixture, large_practice: Practice, tmp_path: Path
) -> None:
    keeper = DiaryFileKeeper(
        large_practice.calendar, large_practice.today, large_practice.vault_path
    )
    choice = DiaryFileChoice(tmp_path / "practice.ics")
    first = keeper.refresh(choice)
    assert first is not None and first.written

    outcome = benchmark(keeper.refresh, choice)

    assert outcome is None
