"""Shared fixtures: real encrypted vaults in tmp_path, a fixed clock, offscreen Qt."""

from __future__ import annotations

import os
import time

# Tests never open real windows; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The fixed clock is in UTC and sessions are stored in local time: make local time UTC too.
os.environ["TZ"] = "UTC"

from collections.abc import Iterator
from pathlib import Path

import pytest

from alliance_desktop.services import Practice
from tests.factories import PASSPHRASE, fixed_clock


def pytest_configure(config: pytest.Config) -> None:
    time.tzset()  # apply the TZ set above to this process


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
