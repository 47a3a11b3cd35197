"""Issue 12, cases 2-5: a log is merged only into the file it belongs to; one writer at a
time across processes; `vault check` changes no byte; restore checks first and undoes itself."""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from alliance_desktop.domain.custody_errors import VaultInUse
from alliance_desktop.domain.vault_errors import (
    NotAVault,
    StaleWriteAheadLog,
    VaultError,
    VaultTooNew,
)
from alliance_desktop.services import Practice
from alliance_desktop.services.safekeeping import restore_vault
from alliance_desktop.vault.checking import check_vault
from alliance_desktop.vault.diagnosis import sidecar
from alliance_desktop.vault.vault_lock import lock_path
from tests.factories import PASSPHRASE, fixed_clock, make_client

ROOT = Path(__file__).resolve().parents[2]
COMPANIONS = ("", "-wal", "-shm", ".lock")


def names(path: Path) -> list[str]:
    practice = Practice.open(path, PASSPHRASE, clock=fixed_clock)
    try:
        return sorted(c.name for c in practice.find_clients(include_archived=True))
    finally:
        practice.close()


def files(path: Path) -> dict[str, bytes]:
    """The vault, its log and index (the lock file's holder line may be cleared when stale)."""
    return {
        s: sidecar(path, s).read_bytes() for s in ("", "-wal", "-shm") if sidecar(path, s).exists()
    }


def crashed_copy(practice: Practice, path: Path, into: Path) -> Path:
    """The vault's files as a kill -9 would leave them now (the practice is still open)."""
    into.mkdir(exist_ok=True)
    for suffix in COMPANIONS:
        if sidecar(path, suffix).exists():
            shutil.copyfile(sidecar(path, suffix), sidecar(into / path.name, suffix))
    return into / path.name


@pytest.fixture
def saved(vault_path: Path) -> Path:
    practice = Practice.create(vault_path, PASSPHRASE, clock=fixed_clock)
    practice.add_client(make_client(name="Ada"))
    practice.add_client(make_client(name="Ben"))
    practice.close()
    return vault_path


def test_the_issue_case_a_copy_put_back_beside_a_later_log_is_refused(
    saved: Path, tmp_path: Path
) -> None:
    """Copy aside, edit A and close, edit B and get killed, put the copy back by hand."""
    aside = saved.read_bytes()
    practice = Practice.open(saved, PASSPHRASE, clock=fixed_clock)
    practice.add_client(make_client(name="Edit A"))
    practice.close()
    practice = Practice.open(saved, PASSPHRASE, clock=fixed_clock)
    practice.add_client(make_client(name="Edit B"))
    crash = crashed_copy(practice, saved, tmp_path / "crash")
    practice.close()
    crash.write_bytes(aside)  # the copy put back by hand
    before = files(crash)

    with pytest.raises(StaleWriteAheadLog) as refused:
        Practice.open(crash, PASSPHRASE, clock=fixed_clock)
    message = str(refused.value)
    assert str(crash) in message and str(sidecar(crash, "-wal")) in message
    assert "the vault file was replaced after the log was written" in message
    assert "Move it aside" in message
    assert files(crash) == before
    with pytest.raises(StaleWriteAheadLog):
        check_vault(crash, PASSPHRASE)
    assert files(crash) == before


def test_a_crash_log_that_belongs_is_merged_and_check_changes_nothing(
    saved: Path, tmp_path: Path
) -> None:
    practice = Practice.open(saved, PASSPHRASE, clock=fixed_clock)
    practice.add_client(make_client(name="Only In The Log"))
    crash = crashed_copy(practice, saved, tmp_path / "crash")
    practice.close()
    before = files(crash)
    assert len(before["-wal"]) > 0

    found = check_vault(crash, PASSPHRASE)

    assert files(crash) == before  # not a byte of the vault, its log, index or lock
    assert found.log_replayed and found.problems == () and found.client_count == 3
    assert names(crash) == ["Ada", "Ben", "Only In The Log"]  # the crash log is kept


def test_a_log_from_another_session_of_the_same_file_is_refused(
    saved: Path, tmp_path: Path
) -> None:
    """Same file, same key, but the log of an earlier session (its salts are not recorded)."""
    practice = Practice.open(saved, PASSPHRASE, clock=fixed_clock)
    practice.add_client(make_client(name="Earlier Session"))
    earlier = crashed_copy(practice, saved, tmp_path / "earlier")
    practice.close()
    practice = Practice.open(saved, PASSPHRASE, clock=fixed_clock)
    practice.add_client(make_client(name="Later Session"))
    later = crashed_copy(practice, saved, tmp_path / "later")
    practice.close()
    for suffix in ("-wal", "-shm"):
        sidecar(later, suffix).write_bytes(sidecar(earlier, suffix).read_bytes())
    before = files(later)

    with pytest.raises(StaleWriteAheadLog):
        Practice.open(later, PASSPHRASE, clock=fixed_clock)
    assert files(later) == before


def test_a_second_writer_restore_and_passphrase_change_are_refused_in_words(
    saved: Path, tmp_path: Path
) -> None:
    backup = tmp_path / "copy.vault-backup"
    practice = Practice.open(saved, PASSPHRASE, clock=fixed_clock)
    practice.safekeeping.back_up(backup)
    try:
        with pytest.raises(VaultInUse, match=r"open in another window since \d\d:\d\d"):
            Practice.open(saved, PASSPHRASE, clock=fixed_clock)
        before = files(saved)
        with pytest.raises(VaultInUse, match="close it there first, then restore it"):
            restore_vault(saved, backup, PASSPHRASE, fixed_clock)
        assert files(saved) == before
        assert not list(tmp_path.glob("*.replaced-*"))
        with pytest.raises(VaultInUse, match="then check it"):
            check_vault(saved, PASSPHRASE)
        practice.add_client(make_client(name="Saved While Refused"))  # still the real file
    finally:
        practice.close()
    assert "Saved While Refused" in names(saved)


def test_the_lock_file_is_private_and_holds_nothing_clinical(saved: Path) -> None:
    practice = Practice.open(saved, PASSPHRASE, clock=fixed_clock)
    try:
        practice.add_client(make_client(name="Zebedee Confidential"))
        lock = lock_path(saved)
        assert stat.S_IMODE(lock.stat().st_mode) == 0o600
        record = json.loads(lock.read_text("ascii"))
        assert set(record) == {"pid", "host", "since", "marks", "salts"}
        assert record["pid"] == os.getpid()
        assert "Zebedee" not in lock.read_text("ascii")
    finally:
        practice.close()
    assert not lock.exists()  # a clean close leaves no lock and no log to vouch for


def test_a_lock_left_by_a_killed_process_is_recognised_and_cleared(
    saved: Path, tmp_path: Path
) -> None:
    script = textwrap.dedent(f"""
        import sys, time
        from alliance_desktop.services import Practice
        from tests.factories import make_client
        practice = Practice.open(sys.argv[1], {PASSPHRASE!r})
        practice.add_client(make_client(name="Saved Before The Kill"))
        print("ready", flush=True)
        time.sleep(60)
    """)
    child = subprocess.Popen(
        [sys.executable, "-c", script, str(saved)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        with pytest.raises(VaultInUse, match=f"process {child.pid}"):
            Practice.open(saved, PASSPHRASE, clock=fixed_clock)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert json.loads(lock_path(saved).read_text("ascii"))["pid"] == child.pid  # left behind
    assert names(saved) == ["Ada", "Ben", "Saved Before The Kill"]  # log kept, lock cleared


def test_restore_refuses_bad_backups_before_anything_moves(saved: Path, tmp_path: Path) -> None:
    practice = Practice.open(saved, PASSPHRASE, clock=fixed_clock)
    practice.add_client(make_client(name="In The Log Only"))
    crash = crashed_copy(practice, saved, tmp_path / "crash")
    practice.close()
    empty = tmp_path / "empty.vault-backup"
    empty.write_bytes(b"")
    random_pages = tmp_path / "random.vault-backup"
    random_pages.write_bytes(os.urandom(4096 * 3))
    too_new = tmp_path / "newer.vault-backup"
    other = Practice.create(too_new, PASSPHRASE, clock=fixed_clock)
    other._vault.connection.execute("PRAGMA user_version = 999")
    other.close()
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    before = files(crash)
    for bad, error in (
        (empty, NotAVault),
        (random_pages, VaultError),
        (too_new, VaultTooNew),
        (pipe, VaultError),
        (crash, VaultError),  # the vault itself
    ):
        with pytest.raises(error):
            restore_vault(crash, bad, PASSPHRASE, fixed_clock)
        assert files(crash) == before, bad.name
        assert sorted(p.name for p in crash.parent.iterdir()) == sorted(
            crash.name + s for s in (*before, ".lock")
        )
    assert names(crash) == ["Ada", "Ben", "In The Log Only"]
