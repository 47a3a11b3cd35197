"""Every file the app writes is private to the user (0600, folders 0700) whatever the umask,
and nothing is ever written under the system temp folder."""

from __future__ import annotations

import ctypes
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_IN_CREATE, _IN_MOVED_TO, _IN_CLOSE_WRITE, _IN_OPEN = 0x100, 0x80, 0x8, 0x20


@contextmanager
def watched(folder: Path) -> Iterator[list[str]]:
    """Collect the inotify events in `folder` (Linux); elsewhere, nothing is collected and
    the folder's emptiness afterwards is the check."""
    events: list[str] = []
    libc = ctypes.CDLL(None, use_errno=True)
    if not hasattr(libc, "inotify_init1"):
        yield events
        return
    descriptor = libc.inotify_init1(os.O_NONBLOCK)
    if descriptor < 0:
        yield events
        return
    mask = _IN_CREATE | _IN_MOVED_TO | _IN_CLOSE_WRITE | _IN_OPEN
    libc.inotify_add_watch(descriptor, str(folder).encode(), mask)
    try:
        yield events
        try:
            data = os.read(descriptor, 1 << 16)
        except BlockingIOError:
            data = b""
        offset = 0
        while offset + 16 <= len(data):
            _wd, event_mask, _cookie, length = (
                int.from_bytes(data[offset + i : offset + i + 4], sys.byteorder)
                for i in (0, 4, 8, 12)
            )
            name = data[offset + 16 : offset + 16 + length].rstrip(b"\0").decode()
            events.append(f"{event_mask:#x} {name or '(the folder)'}")
            offset += 16 + length
    finally:
        os.close(descriptor)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, list[str]]:
    out = tmp_path_factory.mktemp("exports")
    temp = tmp_path_factory.mktemp("system-temp")
    environment = dict(os.environ)
    for variable in ("TMPDIR", "TEMP", "TMP", "SQLITE_TMPDIR"):
        environment[variable] = str(temp)
    with watched(temp) as events:
        child = subprocess.run(
            [sys.executable, "-m", "tests.services.private_exports_child", str(out)],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert child.returncode == 0, child.stderr
    leftovers = sorted(path.name for path in temp.rglob("*"))
    return out, child.stdout, events + leftovers


def test_nothing_is_written_under_the_system_temp_folder(
    exported: tuple[Path, str, list[str]],
) -> None:
    _, _, touched = exported
    assert touched == []


def test_every_file_and_folder_written_is_private_whatever_the_umask(
    exported: tuple[Path, str, list[str]],
) -> None:
    out, sidecars, _ = exported
    assert sidecars.split("\n")[:2] == ["practice.vault-wal 600", "practice.vault-shm 600"]
    files = [path for path in out.rglob("*") if path.is_file()]
    folders = [path for path in out.rglob("*") if path.is_dir()]
    names = {path.relative_to(out).as_posix() for path in files}
    assert {"review.pdf", "summary.pdf", "diary.ics", "vault/practice.vault"} <= names
    assert any(name.startswith("vault/Backups/") for name in names)
    assert "chosen/copy.vault-backup" in names
    assert len([name for name in names if name.startswith("handover/")]) == 4
    assert not [name for name in names if ".partial" in name]  # no half-written leftovers
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    for folder in folders:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
