"""Reading sessions for calendar files: each with its UID and revision, and the sessions taken
out of the calendar (kept by a trigger, see migration 0015). Nothing here writes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from alliance_desktop.domain.client import display_name
from alliance_desktop.domain.diary_events import DiaryRemoval, DiarySession
from alliance_desktop.domain.session import CalendarEntry, Modality, SessionKind, SessionStatus
from alliance_desktop.vault.connection import Vault

_SELECT = (
    "SELECT s.id, s.client_id, c.name, c.preferred_name, s.start, s.duration_minutes, "
    "s.status, s.modality, s.kind, s.series_id, s.calendar_uid, s.revision, s.updated_at "
    "FROM sessions s JOIN clients c ON c.id = s.client_id "
    "WHERE s.start >= ? AND s.start < ? ORDER BY s.start, s.id"
)
_REMOVALS = (
    "SELECT calendar_uid, start, duration_minutes, revision, removed_at FROM calendar_removals "
    "WHERE start >= ? AND start < ? ORDER BY start, calendar_uid"
)


class DiaryRepository:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def sessions_between(self, start: dt.datetime, end: dt.datetime) -> list[DiarySession]:
        """Every session starting in [start, end), whatever its status, in time order."""
        with self._vault.reading() as connection:
            rows = connection.execute(_SELECT, (_stamp(start), _stamp(end))).fetchall()
        return [_session_from_row(row) for row in rows]

    def change_mark(self) -> int:
        """The newest audit trail entry: every change to the vault writes one (O(1) to read)."""
        with self._vault.reading() as connection:
            row = connection.execute("SELECT coalesce(max(id), 0) FROM audit_trail").fetchone()
        return int(row[0])

    def removals_between(self, start: dt.datetime, end: dt.datetime) -> list[DiaryRemoval]:
        with self._vault.reading() as connection:
            rows = connection.execute(_REMOVALS, (_stamp(start), _stamp(end))).fetchall()
        return [
            DiaryRemoval(
                uid=row[0],
                start=dt.datetime.fromisoformat(row[1]),
                duration_minutes=row[2],
                revision=row[3],
                removed_at=_utc(row[4]),
            )
            for row in rows
        ]


def _session_from_row(row: tuple[Any, ...]) -> DiarySession:
    entry = CalendarEntry(
        session_id=row[0],
        client_id=row[1],
        client_name=display_name(row[2], row[3]),
        start=dt.datetime.fromisoformat(row[4]),
        duration_minutes=row[5],
        status=SessionStatus(row[6]),
        modality=Modality(row[7]),
        kind=SessionKind(row[8]),
        series_id=row[9],
    )
    return DiarySession(entry=entry, uid=row[10], revision=row[11], last_modified=_utc(row[12]))


def _utc(stamp: str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(stamp)
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


def _stamp(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="seconds")
