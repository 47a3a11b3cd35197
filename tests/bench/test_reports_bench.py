"""Building reports for a long course of therapy: 500 sessions over ten years, five goals
rated monthly, 40 ruptures, an ending plan.

Targets (measured, not asserted): goal review <= 300 ms; clinician ending summary for a client
with 500 sessions <= 1 s. The data is built here with the services (the large demo's content is
still growing), in its own vault. Run with: python -m pytest tests/bench --benchmark-only
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from pypdf import PdfReader
from pytest_benchmark.fixture import BenchmarkFixture

from alliance_desktop.services import Practice
from tests.bench.long_course import build_long_course


@dataclass(frozen=True)
class LongCourse:
    practice: Practice
    client_id: int


@pytest.fixture(scope="module")
def long_course(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LongCourse]:
    path = tmp_path_factory.mktemp("reports-bench") / "long.vault"
    practice, client_id = build_long_course(path)
    yield LongCourse(practice, client_id)
    practice.close()


def _pages(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def test_goal_review(benchmark: BenchmarkFixture, long_course: LongCourse) -> None:
    """Five goals, each rated monthly for ten years, charted."""
    reports = long_course.practice.reports
    data = benchmark(reports.goal_review_pdf, long_course.client_id)
    assert _pages(data) >= 2


def test_goal_review_of_the_last_quarter(
    benchmark: BenchmarkFixture, long_course: LongCourse
) -> None:
    reports = long_course.practice.reports
    data = benchmark(reports.goal_review_pdf, long_course.client_id, since=dt.date(2025, 12, 1))
    assert _pages(data) >= 1


def test_clinician_ending_summary_500_sessions(
    benchmark: BenchmarkFixture, long_course: LongCourse
) -> None:
    reports = long_course.practice.reports
    data = benchmark(reports.ending_summary_pdf, long_course.client_id)
    assert _pages(data) >= 3


def test_clinician_ending_summary_with_instruments(
    benchmark: BenchmarkFixture, long_course: LongCourse
) -> None:
    """Ticking instruments in reads every attended session's scores (about 425 sessions)."""
    reports = long_course.practice.reports
    data = benchmark(reports.ending_summary_pdf, long_course.client_id, include_instruments=True)
    assert _pages(data) >= 3


def test_client_ending_summary(benchmark: BenchmarkFixture, long_course: LongCourse) -> None:
    reports = long_course.practice.reports
    data = benchmark(reports.ending_summary_pdf, long_course.client_id, client_copy=True)
    assert _pages(data) >= 2


def test_ending_plan(benchmark: BenchmarkFixture, long_course: LongCourse) -> None:
    reports = long_course.practice.reports
    data = benchmark(reports.ending_plan_pdf, long_course.client_id)
    assert _pages(data) >= 1
