"""Handing over a long course of therapy: 500 sessions over ten years, each with a progress
note and a check-in, five goals rated monthly, 40 ruptures, an ending plan; everything ticked
in (notes, ruptures) so the PDF and the bundle are as large as they get.

Targets (measured, not asserted, like the other benchmarks): export <= 2 s, import <= 2 s. The
data is built here with the services, in its own vault.
Run with: python -m pytest tests/bench/test_handover_bench.py --benchmark-only
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from alliance_desktop.domain.handover import CORE_CATEGORIES, HandoverOptions, HandoverResult
from alliance_desktop.domain.share_consent import ShareCategory
from alliance_desktop.services import Practice
from tests.bench.long_course import SESSIONS, build_long_course
from tests.exchange.samples import DETAILS
from tests.factories import PASSPHRASE, fixed_clock

OPTIONS = HandoverOptions(CORE_CATEGORIES | {ShareCategory.NOTES, ShareCategory.RUPTURES})


@dataclass(frozen=True)
class LongCourse:
    practice: Practice
    client_id: int
    folders: Iterator[Path]


@pytest.fixture(scope="module")
def long_course(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LongCourse]:
    root = tmp_path_factory.mktemp("handover-bench")
    practice, client_id = build_long_course(root / "long.vault")
    folders = (root / f"handover-{n}" for n in itertools.count())
    yield LongCourse(practice, client_id, folders)
    practice.close()


def test_export_500_sessions(benchmark: BenchmarkFixture, long_course: LongCourse) -> None:
    def export() -> HandoverResult:
        folder = next(long_course.folders)
        return long_course.practice.handover.export(long_course.client_id, folder, DETAILS, OPTIONS)

    result = benchmark.pedantic(export, rounds=5, iterations=1, warmup_rounds=1)
    assert {f.name for f in result.files} >= {"record.pdf", "record.fhir.json.enc"}


def test_import_500_sessions(
    benchmark: BenchmarkFixture, long_course: LongCourse, tmp_path: Path
) -> None:
    folder = next(long_course.folders)
    exported = long_course.practice.handover.export(long_course.client_id, folder, DETAILS, OPTIONS)
    receiving = Practice.create(tmp_path / "receiving.vault", PASSPHRASE, clock=fixed_clock)
    try:
        client = benchmark.pedantic(
            receiving.handover.import_,
            args=(folder, exported.password),
            rounds=5,
            iterations=1,
            warmup_rounds=1,
        )
        assert len(receiving.calendar.client_history(client.id or 0).entries) == SESSIONS
    finally:
        receiving.close()
