"""What the clinician is told about backups: when the last one was made, whether it was
checked, and a warning once it is more than a week old."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from alliance_desktop.domain.draft import spoken_time

OVERDUE_AFTER = dt.timedelta(days=7)


@dataclass(frozen=True)
class BackupRecord:
    """A backup made: when, where, and whether reading it back succeeded."""

    at: dt.datetime
    path: Path
    verified: bool


def backup_line(record: BackupRecord | None, now: dt.datetime) -> str:
    """ "Last backup: today 09:12 (verified)"."""
    if record is None:
        return "Last backup: none yet"
    checked = "verified" if record.verified else "not verified"
    return f"Last backup: {spoken_time(record.at, now.date()).replace(',', '')} ({checked})"


def is_overdue(record: BackupRecord | None, now: dt.datetime) -> bool:
    return record is None or now - record.at > OVERDUE_AFTER


def backup_warning(record: BackupRecord | None, now: dt.datetime) -> str | None:
    """A sentence when the records are not safely backed up; None when they are."""
    if record is None:
        return (
            "There is no backup of this vault yet. Choose a backup folder in Preferences "
            "(a USB stick or a synced folder is fine), or use File › Back up now."
        )
    if is_overdue(record, now):
        days = (now - record.at).days
        return (
            f"The last backup is {days} days old. Use File › Back up now, or turn on daily "
            "backups in Preferences."
        )
    if not record.verified:
        return "The last backup could not be read back. Make a new one with File › Back up now."
    return None


def due_today(record: BackupRecord | None, now: dt.datetime) -> bool:
    """An automatic backup is due on the first unlock of each day."""
    return record is None or record.at.date() < now.date()
