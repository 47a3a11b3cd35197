"""Records kept exactly as long as they must be: `practice.retention`.

The period is a practice setting; ended and handed-over clients are listed with the date their
record may go, those past it first. Deleting is the clinician's decision, one record at a time,
and only once the period has run out; it removes every row of the client for good.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.retention import (
    DEFAULT_RETENTION_YEARS,
    RetentionEntry,
    check_retention_years,
    is_erasable,
    retention_entries,
)
from alliance_desktop.vault.client_erasure import erase_client, finished_clients
from alliance_desktop.vault.connection import Vault
from alliance_desktop.vault.settings_repository import SettingsRepository

RETENTION_YEARS_KEY = "retention_years"


@dataclass(frozen=True)
class ErasedRecord:
    rows_removed: int


class RecordRetention:
    def __init__(
        self,
        vault: Vault,
        settings: SettingsRepository,
        today: Callable[[], dt.date],
        clients_changed: Callable[[], None],
    ) -> None:
        self._vault = vault
        self._settings = settings
        self._today = today
        self._clients_changed = clients_changed

    def years(self) -> int:
        stored = self._settings.get(RETENTION_YEARS_KEY)
        return DEFAULT_RETENTION_YEARS if stored is None else int(stored)

    def set_years(self, years: int) -> int:
        self._settings.put(RETENTION_YEARS_KEY, check_retention_years(years))
        return years

    def overview(self) -> list[RetentionEntry]:
        """Every finished client with the date their record may go; past-retention first."""
        return retention_entries(finished_clients(self._vault), self.years(), self._today())

    def entry(self, client_id: int) -> RetentionEntry | None:
        """The client's keep-until date, or None while the client has not finished."""
        found = finished_clients(self._vault, client_id)
        entries = retention_entries(found, self.years(), self._today())
        return entries[0] if entries else None

    def erase(self, client_id: int) -> ErasedRecord:
        """Delete a finished client's record for good, once its retention period has run out."""
        entry = self.entry(client_id)
        if entry is None:
            raise InvalidInput.single(
                "client",
                "Only the record of a client who has ended or been handed over can be deleted.",
            )
        if not is_erasable(entry):
            until = entry.keep_until.isoformat() if entry.keep_until else "an unknown date"
            raise InvalidInput.single(
                "client",
                f"This record must be kept until {until}; it cannot be deleted before then.",
            )
        removed = erase_client(self._vault, client_id)
        self._clients_changed()
        return ErasedRecord(removed)
