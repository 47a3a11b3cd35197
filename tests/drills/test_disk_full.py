"""Disk full while writing: the write fails with a clear message, and the vault opens intact
with everything committed before. A real full disk: a small tmpfs, mounted in a mount namespace
of its own (so it disappears with the drill) when this machine allows it (root, or user
namespaces); otherwise the drill is skipped."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.drills.conftest import ROOT, report

pytestmark = pytest.mark.slow
SIZE = "3m"


def _in_mount_namespace(mount: Path, then: str) -> list[str] | None:
    """sh, in a mount namespace of its own, mounting a small tmpfs on `mount`, then `then`
    ("$1" is the mount point, "$2" this Python)."""
    unshare = shutil.which("unshare")
    if unshare is None or sys.platform != "linux":
        return None
    as_root = [] if os.geteuid() == 0 else ["--user", "--map-root-user"]
    script = f'mount -t tmpfs -o size={SIZE},mode=0700 tmpfs "$1" && {then}'
    return [
        unshare,
        *as_root,
        "--mount",
        "--propagation",
        "private",
        "sh",
        "-c",
        script,
        "sh",
        str(mount),
        sys.executable,
    ]


def test_a_full_disk_fails_the_write_clearly_and_loses_nothing_committed(
    tmp_path: Path,
) -> None:
    mount = tmp_path / "small-disk"
    mount.mkdir()
    probe = _in_mount_namespace(mount, 'umount "$1"')
    if probe is None:
        pytest.skip("needs Linux and unshare(1) to mount a small disk")
    tried = subprocess.run(probe, capture_output=True, text=True)
    if tried.returncode != 0:
        pytest.skip(f"cannot mount a small disk here: {tried.stderr.strip()}")
    command = _in_mount_namespace(mount, 'exec "$2" -m tests.drills.disk_full_child "$1"')
    assert command is not None
    started = time.monotonic()
    drill = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert drill.returncode == 0, drill.stderr
    result = json.loads(drill.stdout.strip().splitlines()[-1])

    assert result["write_failed"], result
    assert "the disk is full" in result["failure"], result
    assert result["failure"].startswith("Could not save: the disk is full. Nothing from this")
    assert result["lost"] == [], result
    assert result["extra"] == [], result  # the failed write left nothing half-saved
    assert result["healthy"], result["problems"]
    for step in ("close", "opens_while_full"):  # a clear sentence, never a raw SQLite error
        assert "OperationalError" not in str(result[step]), result
    report(
        f"disk full ({SIZE} tmpfs): {result['committed']} clients committed, then "
        f"{result['failure_type']}: {result['failure']!r}; while full: reads "
        f"{result['readable_while_full']}, close {result['close']}, reopen "
        f"{result['opens_while_full']}; after freeing space: healthy, 0 lost, "
        f"{time.monotonic() - started:.1f} s"
    )
