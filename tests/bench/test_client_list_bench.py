"""Unlocking the large vault, loading its client list, and searching it as the clinician types.

Targets (measured, not asserted): client list load <= 20 ms, search <= 10 ms per keystroke.
Run with: python -m pytest tests/bench --benchmark-only
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from alliance_desktop.domain.client_search import search_key
from alliance_desktop.services import Practice
from alliance_desktop.vault import Vault
from alliance_desktop.vault.client_repository import ClientRepository
from tests.bench.conftest import LARGE_CLIENTS
from tests.factories import PASSPHRASE

TYPED = ("m", "ma", "mar", "mari", "maria")


def test_unlock_large_vault(benchmark: BenchmarkFixture, large_vault: Path) -> None:
    """Key derivation (PBKDF2, 256,000 rounds) plus the first read of the client list."""
    opened: list[Practice] = []

    def unlock() -> int:
        practice = Practice.open(large_vault, PASSPHRASE)
        opened.append(practice)
        return len(practice.client_summaries())

    def close_all() -> None:
        while opened:
            opened.pop().close()

    count = benchmark.pedantic(  # type: ignore[no-untyped-call]
        unlock, teardown=close_all, rounds=8, warmup_rounds=1
    )

    assert count == LARGE_CLIENTS


def test_client_list_load(benchmark: BenchmarkFixture, unlocked_large_vault: Vault) -> None:
    """What the client list does after any change: a fresh read plus the search index."""
    summaries = benchmark(lambda: Practice(unlocked_large_vault).client_summaries())

    assert len(summaries) == LARGE_CLIENTS
    assert len({summary.id for summary in summaries}) == LARGE_CLIENTS


def test_client_repository_read(benchmark: BenchmarkFixture, unlocked_large_vault: Vault) -> None:
    """The SQL part of the list load alone: 300 summary rows decrypted and turned into records."""
    summaries = benchmark(ClientRepository(unlocked_large_vault).summaries)

    assert len(summaries) == LARGE_CLIENTS


@pytest.mark.parametrize("query", TYPED)
def test_search_per_keystroke(
    benchmark: BenchmarkFixture, large_practice: Practice, query: str
) -> None:
    found = benchmark(large_practice.find_clients, query)

    assert found, f"the large demo should have clients matching {query!r}"
    assert all(query in search_key(f"{c.name} {c.preferred_name}") for c in found)
    assert not any(c.archived for c in found)
