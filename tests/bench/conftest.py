"""The large demo practice (300 clients), built once per benchmark session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from alliance_desktop.demo import DEMO_SIZES, create_demo_vault
from alliance_desktop.services import Practice
from alliance_desktop.vault import Vault, open_vault
from tests.factories import PASSPHRASE

LARGE_CLIENTS = DEMO_SIZES["large"]


@pytest.fixture(scope="session")
def large_vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bench") / "large.vault"
    summary = create_demo_vault(path, PASSPHRASE, "large", seed=7)
    assert summary.clients == LARGE_CLIENTS
    return path


@pytest.fixture(scope="module")
def unlocked_large_vault(large_vault: Path) -> Iterator[Vault]:
    vault = open_vault(large_vault, PASSPHRASE)
    yield vault
    vault.close()


@pytest.fixture(scope="module")
def large_practice(unlocked_large_vault: Vault) -> Practice:
    """The large practice, unlocked, with its search index already built (as in the app)."""
    practice = Practice(unlocked_large_vault)
    practice.client_summaries()
    return practice
