"""The rupture-and-repair log, the alliance timeline and the flags drawn from them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from alliance_desktop.domain.alliance_flags import (
    AllianceFlag,
    AllianceThresholds,
    CheckInPoint,
    alliance_flags,
    check_ins_around,
    check_thresholds,
)
from alliance_desktop.domain.rupture import (
    RepairOutcome,
    RuptureEntry,
    RuptureKind,
    check_rupture,
)
from alliance_desktop.vault.rupture_repository import RuptureRepository
from alliance_desktop.vault.settings_repository import SettingsRepository

_THRESHOLDS_KEY = "alliance_thresholds"


@dataclass(frozen=True)
class AllianceTimeline:
    check_ins: list[CheckInPoint]  # in session order
    ruptures: list[RuptureEntry]  # oldest first


@dataclass(frozen=True)
class OpenRupture:
    entry: RuptureEntry
    client_name: str
    follow_up_due: bool


class RuptureLog:
    def __init__(
        self,
        ruptures: RuptureRepository,
        settings: SettingsRepository,
        client_names: Callable[[], dict[int, str]],
        today: Callable[[], dt.date],
    ) -> None:
        self._ruptures = ruptures
        self._settings = settings
        self._client_names = client_names
        self._today = today

    def log(
        self,
        client_id: int,
        kind: RuptureKind | None = None,
        outcome: RepairOutcome | None = None,
    ) -> list[RuptureEntry]:
        """The client's entries, newest first, optionally only one kind or outcome."""
        return [
            entry
            for entry in self._ruptures.for_client(client_id)
            if (kind is None or entry.kind is kind)
            and (outcome is None or entry.outcome is outcome)
        ]

    def entry(self, rupture_id: int) -> RuptureEntry:
        return self._ruptures.get(rupture_id)

    def add(self, entry: RuptureEntry) -> RuptureEntry:
        return self._ruptures.add(check_rupture(entry))

    def add_many(self, entries: list[RuptureEntry]) -> int:
        """Bulk insert for imports and the demo: every entry checked, one transaction."""
        return self._ruptures.add_many([check_rupture(entry) for entry in entries])

    def update(self, entry: RuptureEntry) -> RuptureEntry:
        return self._ruptures.update(check_rupture(entry))

    def open_ruptures(self) -> list[OpenRupture]:
        """Practice-wide: unresolved ruptures, with follow-ups that are due marked."""
        names = self._client_names()
        today = self._today()
        return [
            OpenRupture(
                entry=entry,
                client_name=names.get(entry.client_id, f"Client {entry.client_id}"),
                follow_up_due=entry.follow_up_on is not None and entry.follow_up_on <= today,
            )
            for entry in self._ruptures.open_entries()
        ]

    def timeline(self, client_id: int) -> AllianceTimeline:
        ruptures = sorted(
            self._ruptures.for_client(client_id),
            key=lambda entry: (entry.occurred_on, entry.id or 0),
        )
        return AllianceTimeline(self._ruptures.check_ins(client_id), ruptures)

    def alliance_around(
        self, entry: RuptureEntry
    ) -> tuple[CheckInPoint | None, CheckInPoint | None]:
        """The check-ins before and after a rupture, when there are any."""
        return check_ins_around(entry.occurred_on, self._ruptures.check_ins(entry.client_id))

    def flags(self, client_id: int) -> list[AllianceFlag]:
        thresholds = self.thresholds()
        # The rules read at most the last few ratings of each person: load only those.
        check_ins = self._ruptures.latest_check_ins(client_id, thresholds.falling_over)
        ruptures = sorted(
            self._ruptures.for_client(client_id),
            key=lambda entry: (entry.occurred_on, entry.id or 0),
        )
        return alliance_flags(client_id, check_ins, ruptures, self._today(), thresholds)

    def flags_for(self, client_ids: list[int]) -> list[AllianceFlag]:
        """Flags for the clients on today's list, plus every open rupture in the practice."""
        flags = [flag for client_id in dict.fromkeys(client_ids) for flag in self.flags(client_id)]
        others = {o.entry.client_id for o in self.open_ruptures()} - set(client_ids)
        thresholds = self.thresholds()
        for client_id in sorted(others):
            entries = self._ruptures.for_client(client_id)
            flags += alliance_flags(client_id, [], entries, self._today(), thresholds)
        return flags

    def thresholds(self) -> AllianceThresholds:
        stored = self._settings.get(_THRESHOLDS_KEY)
        return AllianceThresholds(**stored) if stored else AllianceThresholds()

    def save_thresholds(self, thresholds: AllianceThresholds) -> AllianceThresholds:
        self._settings.put(_THRESHOLDS_KEY, asdict(check_thresholds(thresholds)))
        return thresholds

    def ruptures_document(self, client_id: int) -> list[dict[str, Any]]:
        """The `ruptures --json` array of the command-line contract, newest first."""
        return [
            {
                "id": entry.id,
                "date": entry.occurred_on.isoformat(),
                "kind": entry.kind.value,
                "outcome": entry.outcome.value if entry.outcome else None,
                "note": entry.note,
                "significance": entry.significance,
                "raised_by": entry.raised_by.value,
                "markers": list(entry.markers),
                "repairs": [
                    {"strategy": r.strategy.value, "group": r.strategy.group.value, "note": r.note}
                    for r in entry.repairs
                ],
                "follow_up": entry.follow_up_on.isoformat() if entry.follow_up_on else None,
                "session_id": entry.session_id,
            }
            for entry in self._ruptures.for_client(client_id)
        ]
