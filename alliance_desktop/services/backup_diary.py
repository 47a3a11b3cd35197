"""Backups made from the window: now, or automatically on the first unlock of each day, each
read back before it is called verified, and the last one remembered for Today and Preferences.

The copies themselves are made by `Safekeeping.back_up` (whole, encrypted, rotated); this adds
the check, the record of the last one, and the daily schedule.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from alliance_desktop.domain.backup_status import BackupRecord, due_today
from alliance_desktop.domain.vault_errors import VaultError
from alliance_desktop.services.safekeeping import Safekeeping
from alliance_desktop.vault.backup_check import check_backup
from alliance_desktop.vault.connection import Vault
from alliance_desktop.vault.settings_repository import SettingsRepository

_LAST_KEY = "last_backup"
_AUTOMATIC_KEY = "automatic_backups"


class BackupDiary:
    def __init__(
        self,
        vault: Vault,
        safekeeping: Safekeeping,
        settings: SettingsRepository,
        now: Callable[[], dt.datetime],
    ) -> None:
        self._vault = vault
        self._safekeeping = safekeeping
        self._settings = settings
        self._now = now

    def back_up_now(self, target: Path | None = None) -> BackupRecord:
        """A backup (into the backup folder, rotated; or to `target`), then read back."""
        copy = self._safekeeping.back_up(target)
        try:
            check_backup(self._vault, copy)
            verified = True
        except VaultError:
            verified = False
        record = BackupRecord(self._now().replace(microsecond=0), copy, verified)
        self._settings.put(
            _LAST_KEY, {"at": record.at.isoformat(), "path": str(copy), "verified": verified}
        )
        return record

    def last_backup(self) -> BackupRecord | None:
        stored = self._settings.get(_LAST_KEY)
        if not isinstance(stored, dict):
            return None
        try:
            return BackupRecord(
                dt.datetime.fromisoformat(stored["at"]),
                Path(stored["path"]),
                bool(stored["verified"]),
            )
        except (KeyError, TypeError, ValueError):
            return None

    def automatic(self) -> bool:
        return bool(self._settings.get(_AUTOMATIC_KEY))

    def set_automatic(self, folder: Path | None) -> None:
        """Daily backups into `folder`; None turns them off (the folder stays chosen)."""
        if folder is not None:
            self._safekeeping.choose_backup_folder(folder)
        self._settings.put(_AUTOMATIC_KEY, folder is not None)

    def back_up_if_due(self) -> BackupRecord | None:
        """On unlock: the day's automatic backup when it is on and none was made today."""
        if not self.automatic() or not due_today(self.last_backup(), self._now()):
            return None
        return self.back_up_now()
