"""kill -9 during a passphrase change: afterwards exactly one of the old and the new
passphrase opens the vault, and what it opens is intact. Half the kills land inside SQLCipher's
rekey itself (the child says when it starts), the rest anywhere in the change (backup first,
probes, reopening)."""

from __future__ import annotations

import os
import random
import shutil
import signal
import time
from collections import Counter
from pathlib import Path

import pytest

from alliance_desktop.domain.client import Client
from alliance_desktop.domain.vault_errors import VaultError
from alliance_desktop.services import Practice
from tests.drills.conftest import child, drill_trials, report
from tests.factories import PASSPHRASE

pytestmark = pytest.mark.slow
NEW = "a new passphrase, five words"


def _template(folder: Path) -> Path:
    """A closed vault of about 2 MB, so the rekey itself takes a measurable while."""
    path = folder / "template.vault"
    practice = Practice.create(path, PASSPHRASE)
    for number in range(400):
        practice.add_client(Client(name=f"Client {number}", concerns=("worry " * 500,)))
    practice.close()
    return path


def _lines_until(process: object, wanted: str) -> list[str]:
    stdout = process.stdout  # type: ignore[attr-defined]
    seen = []
    while True:
        line = stdout.readline()
        if not line:
            raise AssertionError(f"the child ended before {wanted!r}: {seen}")
        seen.append(line.strip())
        if line.strip() == wanted:
            return seen


def _opens_intact(folder: Path, passphrase: str, label: str, refusals: Counter[str]) -> bool:
    """Open a copy of the vault (and its -wal/-shm), so each passphrase sees the same state."""
    trial = folder.with_name(f"{folder.name}-{label}")
    shutil.copytree(folder, trial)
    try:
        practice = Practice.open(trial / "practice.vault", passphrase)
    except VaultError as refused:
        refusals[f"{label}: {type(refused).__name__}"] += 1
        return False
    try:
        return practice.health().is_healthy and practice.client_count() == 400
    finally:
        practice.close()


def _timed_run(path: Path) -> dict[str, float]:
    """One change without a kill: when each step was reached, in seconds after "start"."""
    process = child("rekey_child", str(path), PASSPHRASE, NEW)
    _lines_until(process, "start")
    started = time.monotonic()
    times = {}
    for step in ("rekey", "rekeyed", "changed"):
        _lines_until(process, step)
        times[step] = time.monotonic() - started
    process.communicate(timeout=30)
    return times


def test_a_killed_passphrase_change_leaves_exactly_one_passphrase_working(
    tmp_path: Path,
) -> None:
    trials = max(2, drill_trials() // 5)
    seed = int(os.environ.get("ALLIANCE_DRILL_SEED", random.randrange(10**6)))
    rng = random.Random(seed)
    template = _template(tmp_path)
    calibration = tmp_path / "calibration.vault"
    shutil.copyfile(template, calibration)
    times = _timed_run(calibration)
    rekey_seconds = times["rekeyed"] - times["rekey"]
    outcomes = {"old": 0, "new": 0}
    refusals: Counter[str] = Counter()
    inside_rekey = 0
    started = time.monotonic()
    for trial in range(trials):
        folder = tmp_path / f"trial-{trial}"
        folder.mkdir()
        shutil.copyfile(template, folder / "practice.vault")
        process = child("rekey_child", str(folder / "practice.vault"), PASSPHRASE, NEW)
        if trial % 2 == 0:
            _lines_until(process, "rekey")
            time.sleep(rng.uniform(0, rekey_seconds))
        else:
            _lines_until(process, "start")
            time.sleep(rng.uniform(0, times["changed"]))
        process.send_signal(signal.SIGKILL)
        rest, _ = process.communicate(timeout=30)
        if trial % 2 == 0 and "rekeyed" not in rest:
            inside_rekey += 1

        old = _opens_intact(folder, PASSPHRASE, "old", refusals)
        new = _opens_intact(folder, NEW, "new", refusals)
        assert old != new, (
            f"trial {trial} (seed {seed}): old opens {old}, new opens {new}; child said {rest!r}"
        )
        outcomes["old" if old else "new"] += 1
    report(
        f"kill -9 during passphrase change: {trials} trials (seed {seed}), exactly one "
        f"passphrase opened an intact vault every time (old {outcomes['old']}, "
        f"new {outcomes['new']}; refused: {dict(sorted(refusals.items()))}); "
        f"{inside_rekey} kills landed inside the rekey itself "
        f"(rekey of a {template.stat().st_size // 1024} KB vault takes "
        f"{rekey_seconds * 1000:.0f} ms), {time.monotonic() - started:.1f} s"
    )
