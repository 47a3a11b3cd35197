"""Custody drills (issue 12): a log put beside another copy of its vault is never merged, a
restore never lands under a window that holds the vault, a restore that fails on a full disk
strands nothing, and kill -9 during a backup or a restore leaves nothing bad behind.
`ALLIANCE_DRILL_TRIALS` sets the count (CI: 10; the foreign-log drill's full count is 40)."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from alliance_desktop.domain.client import Client
from alliance_desktop.domain.custody_errors import VaultInUse
from alliance_desktop.domain.vault_errors import StaleWriteAheadLog
from alliance_desktop.services import Practice
from alliance_desktop.services.safekeeping import restore_vault
from alliance_desktop.vault.diagnosis import unmerged_log
from tests.drills.conftest import ROOT, child, drill_trials, report
from tests.drills.test_disk_full import _in_mount_namespace
from tests.factories import PASSPHRASE

pytestmark = pytest.mark.slow
FILES = ("", "-wal", "-shm")


def _bytes(path: Path) -> dict[str, bytes | None]:
    return {s: Path(f"{path}{s}").read_bytes() if Path(f"{path}{s}").exists() else None
            for s in FILES}  # fmt: skip


def _seed() -> int:
    return int(os.environ.get("ALLIANCE_DRILL_SEED", random.randrange(10**6)))


def _killed_after(process: subprocess.Popen[str], seconds: float) -> list[str]:
    assert process.stdout is not None
    ready = process.stdout.readline().strip()
    assert ready == "ready", process.stderr.read() if process.stderr else ready
    time.sleep(seconds)
    process.send_signal(signal.SIGKILL)
    output, _ = process.communicate(timeout=60)
    return output.split()


def test_a_log_beside_another_copy_is_never_merged(tmp_path: Path) -> None:
    """The issue's case: copy aside, edit A and close, edit B and get killed, put the copy back."""
    trials, seed = drill_trials(), _seed()
    rng = random.Random(seed)
    mixed = modified = refused = no_log = 0
    started = time.monotonic()
    for trial in range(trials):
        folder = tmp_path / f"trial-{trial}"
        folder.mkdir()
        path = folder / "practice.vault"
        practice = Practice.create(path, PASSPHRASE)
        for number in range(rng.randrange(1, 30)):
            practice.add_client(Client(name=f"Client {number}", concerns=("x" * 400,)))
        practice.close()
        aside = path.read_bytes()
        practice = Practice.open(path, PASSPHRASE)
        practice.add_client(Client(name="Edit A"))
        practice.close()
        writer = child("writer_child", str(path), PASSPHRASE, str(rng.randrange(10**9)))
        _killed_after(writer, rng.uniform(0.0, 0.5))  # edit B, killed
        path.write_bytes(aside)  # the copy put back by hand
        had_log = unmerged_log(path) is not None
        before = _bytes(path)
        try:
            opened = Practice.open(path, PASSPHRASE)
        except StaleWriteAheadLog:
            refused += 1
            modified += _bytes(path) != before
            continue
        names = {summary.name for summary in opened.client_summaries()}
        opened.close()
        if had_log or "Edit A" in names or any(n.startswith("Drill") for n in names):
            mixed += 1
        else:
            no_log += 1
    report(
        f"foreign log: {trials} trials (seed {seed}), {refused} refused, {no_log} with no log "
        f"left to merge, {mixed} mixed, {modified} modified, {time.monotonic() - started:.1f} s"
    )
    assert mixed == 0 and modified == 0


def test_restore_while_a_window_holds_the_vault_loses_no_save(tmp_path: Path) -> None:
    trials, seed = drill_trials(), _seed()
    rng = random.Random(seed)
    path = tmp_path / "practice.vault"
    practice = Practice.create(path, PASSPHRASE)
    backup = practice.safekeeping.back_up(tmp_path / "old.vault-backup")
    practice.close()
    confirmed: set[int] = set()
    refusals = 0
    started = time.monotonic()
    for _ in range(trials):
        holder = child("custody_child", "hold", str(path))
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.05, 0.4))
        try:
            restore_vault(path, backup, PASSPHRASE)
        except VaultInUse as error:
            refusals += "open in another window since" in str(error)
        time.sleep(rng.uniform(0.0, 0.2))  # the window saves on after the refusal
        holder.send_signal(signal.SIGKILL)
        output, _ = holder.communicate(timeout=60)
        words = output.split()
        confirmed |= {int(words[i + 1]) for i, w in enumerate(words) if w == "client"}
    reopened = Practice.open(path, PASSPHRASE)
    present = {summary.id for summary in reopened.client_summaries()}
    reopened.close()
    lost = confirmed - present
    report(
        f"restore while open: {trials} trials (seed {seed}), {refusals} refused in words, "
        f"{len(confirmed)} confirmed saves, {len(lost)} lost, {time.monotonic() - started:.1f} s"
    )
    assert refusals == trials and not lost
    assert not list(tmp_path.glob("*.replaced-*"))


def test_a_restore_failing_on_a_full_disk_strands_nothing(tmp_path: Path) -> None:
    mount = tmp_path / "small-disk"
    mount.mkdir()
    probe = _in_mount_namespace(mount, 'umount "$1"')
    if probe is None or subprocess.run(probe, capture_output=True).returncode != 0:
        pytest.skip("needs Linux and unshare(1) to mount a small disk")
    trials = drill_trials()
    command = _in_mount_namespace(
        mount, f'exec "$2" -m tests.drills.custody_child fullrestore "$1" {trials}'
    )
    assert command is not None
    started = time.monotonic()
    drill = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert drill.returncode == 0, drill.stderr
    result = json.loads(drill.stdout.strip().splitlines()[-1])
    report(
        f"restore on a full disk: {result['trials']} trials, {result['refused']} refused "
        f"before anything moved, {result['completed']} completed, {result['stranded']} "
        f"stranded, {time.monotonic() - started:.1f} s; said: {result['said'][:1]}"
    )
    assert result["stranded"] == 0


@pytest.mark.parametrize("operation", ["backup", "restore"])
def test_kill_during_backup_or_restore_leaves_nothing_bad(tmp_path: Path, operation: str) -> None:
    trials, seed = drill_trials(), _seed()
    rng = random.Random(seed)
    path = tmp_path / "practice.vault"
    practice = Practice.create(path, PASSPHRASE)
    for number in range(120):
        practice.add_client(Client(name=f"Client {number}", concerns=("y" * 900,)))
    backup = practice.safekeeping.back_up(tmp_path / "good.vault-backup")
    practice.close()
    copies = tmp_path / "copies"
    copies.mkdir()
    bad: list[str] = []
    finished = 0
    started = time.monotonic()
    for trial in range(trials):
        second = str(copies) if operation == "backup" else str(backup)
        process = child("custody_child", operation, str(path), second)
        said = _killed_after(process, rng.uniform(0.05, 1.5))
        finished += sum(1 for word in said if word in ("backup", "restored"))
        reopened = Practice.open(path, PASSPHRASE)  # also removes half-made copies
        try:
            if not reopened.health().is_healthy or reopened.client_count() != 120:
                bad.append(f"{operation} trial {trial}: vault {reopened.health().problems}")
        finally:
            reopened.close()
        for copy in copies.glob("*.vault-backup"):
            opened = Practice.open(copy, PASSPHRASE)
            try:
                if opened.client_count() != 120 or not opened.health().is_healthy:
                    bad.append(f"backup trial {trial}: {copy.name} incomplete")
            finally:
                opened.close()
        leftovers = [p.name for p in tmp_path.glob(".*") if p.name.endswith((".restoring",))]
        if leftovers:
            bad.append(f"trial {trial}: left {leftovers}")
        if operation == "restore":
            for kept in tmp_path.glob("practice.vault.replaced-*"):
                kept.unlink()
        else:
            shutil.rmtree(copies)
            copies.mkdir()
    report(
        f"kill -9 during {operation}: {trials} trials (seed {seed}), {finished} {operation}s "
        f"finished before the kills, {len(bad)} bad, {time.monotonic() - started:.1f} s"
    )
    assert bad == []
