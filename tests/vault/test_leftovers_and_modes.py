"""Issue 12, case 11: leftovers of a killed backup or restore are removed at the next opening;
folders the app makes are 0700 even under umask 0."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from alliance_desktop.services import Practice
from tests.factories import PASSPHRASE, fixed_clock


@pytest.fixture
def open_umask() -> Iterator[None]:
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


def test_leftovers_are_removed_at_the_next_opening(tmp_path: Path) -> None:
    path = tmp_path / "practice.vault"
    Practice.create(path, PASSPHRASE, clock=fixed_clock).close()
    backups = tmp_path / "Backups"
    backups.mkdir()
    leftovers = [
        tmp_path / f".{path.name}.1a2b3c4d.restoring",
        tmp_path / f".{path.name}.before-upgrade-v8-x.9f9f9f9f.partial",
        backups / f".{path.stem}-20260314-093000.vault-backup.0a0b0c0d.partial",
    ]
    for leftover in leftovers:
        leftover.write_bytes(os.urandom(4096))
    someone_elses = tmp_path / ".other.vault.1a2b3c4d.restoring"
    someone_elses.write_bytes(b"not ours")

    practice = Practice.open(path, PASSPHRASE, clock=fixed_clock)
    removed = practice._vault.removed_leftovers
    practice.close()

    assert sorted(removed) == sorted(leftovers)
    assert not any(leftover.exists() for leftover in leftovers)
    assert someone_elses.exists()


@pytest.mark.usefixtures("open_umask")
def test_folders_made_under_umask_0_are_private(tmp_path: Path) -> None:
    path = tmp_path / "new" / "deeper" / "practice.vault"
    practice = Practice.create(path, PASSPHRASE, clock=fixed_clock)
    try:
        backup = practice.safekeeping.back_up()
        elsewhere = practice.safekeeping.back_up(tmp_path / "copies" / "a" / "b.vault-backup")
    finally:
        practice.close()
    for folder in (
        tmp_path / "new",
        tmp_path / "new" / "deeper",
        backup.parent,
        tmp_path / "copies",
        elsewhere.parent,
    ):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
