"""Shared fixtures: real encrypted vaults in tmp_path, a fixed clock, offscreen Qt."""

from __future__ import annotations

import os

# Tests never open real windows; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from alliance_desktop.services import Practice
from tests.factories import PASSPHRASE, fixed_clock


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    return tmp_path / "practice.vault"


@pytest.fixture
def practice(vault_path: Path) -> Iterator[Practice]:
    """A freshly created, empty practice vault, closed after the test."""
    opened = Practice.create(vault_path, PASSPHRASE, clock=fixed_clock)
    yield opened
    if opened.is_open:
        opened.close()
