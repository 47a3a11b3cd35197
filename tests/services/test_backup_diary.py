"""Backups from the window: made, read back before being called verified, remembered, and
made automatically once a day when the clinician chose a folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from alliance_desktop.domain.backup_status import (
    BackupRecord,
    backup_line,
    backup_warning,
    due_today,
)
from alliance_desktop.domain.vault_errors import DamagedVault
from alliance_desktop.services import Practice
from alliance_desktop.vault.backup_check import check_backup
from tests.factories import PASSPHRASE, fixed_clock, make_client


def test_a_backup_is_read_back_and_remembered(practice: Practice, tmp_path: Path) -> None:
    practice.add_client(make_client(name="Ada Lind"))
    assert practice.backups.last_backup() is None
    record = practice.backups.back_up_now()
    assert record.verified and record.path.is_file()
    assert record.path.parent == practice.safekeeping.backup_folder()
    assert practice.backups.last_backup() == record
    copy = Practice.open(record.path, PASSPHRASE, clock=fixed_clock)
    try:
        assert [c.display_name for c in copy.client_summaries()] == ["Ada Lind (Maggie)"]
    finally:
        copy.close()


def test_a_damaged_copy_is_not_called_whole(practice: Practice, tmp_path: Path) -> None:
    practice.add_client(make_client(name="Ada Lind"))
    copy = practice.safekeeping.back_up(tmp_path / "copy.vault-backup")
    data = bytearray(copy.read_bytes())
    data[5000] ^= 0xFF  # one flipped byte in page 2
    copy.write_bytes(bytes(data))
    with pytest.raises(DamagedVault):
        check_backup(practice._vault, copy)
    not_a_vault = tmp_path / "notes.txt"
    not_a_vault.write_text("hello " * 1000)
    with pytest.raises(DamagedVault):
        check_backup(practice._vault, not_a_vault)


def test_the_daily_backup_runs_once_a_day_into_the_chosen_folder(
    practice: Practice, tmp_path: Path
) -> None:
    assert practice.backups.back_up_if_due() is None  # off until a folder is chosen
    stick = tmp_path / "usb-stick"
    practice.backups.set_automatic(stick)
    first = practice.backups.back_up_if_due()
    assert first is not None and first.path.parent == stick.resolve()
    assert practice.backups.back_up_if_due() is None  # already made today
    practice.backups.set_automatic(None)
    assert not practice.backups.automatic()


def test_the_last_backup_is_said_in_words_and_warned_about_after_a_week() -> None:
    now = dt.datetime(2026, 3, 18, 15, 0)
    today = BackupRecord(dt.datetime(2026, 3, 18, 9, 12), Path("b"), True)
    assert backup_line(today, now) == "Last backup: today 09:12 (verified)"
    assert backup_warning(today, now) is None
    assert not due_today(today, now)
    old = BackupRecord(dt.datetime(2026, 3, 9, 9, 12), Path("b"), True)
    assert "9 days old" in (backup_warning(old, now) or "")
    assert due_today(old, now)
    assert backup_line(None, now) == "Last backup: none yet"
    assert "no backup" in (backup_warning(None, now) or "")
    unread = BackupRecord(dt.datetime(2026, 3, 18, 9, 12), Path("b"), False)
    assert backup_line(unread, now).endswith("(not verified)")
