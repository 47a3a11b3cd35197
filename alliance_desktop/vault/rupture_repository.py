"""The rupture-and-repair log, and the check-ins the alliance timeline draws."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import replace
from typing import Any

import sqlcipher3

from alliance_desktop.domain.alliance_check_in import AllianceRatings
from alliance_desktop.domain.alliance_flags import CheckInPoint
from alliance_desktop.domain.errors import RecordNotFound
from alliance_desktop.domain.rupture import (
    RaisedBy,
    RepairAttempt,
    RepairOutcome,
    RepairStrategy,
    RuptureEntry,
    RuptureKind,
)
from alliance_desktop.vault.audit_trail import record_change
from alliance_desktop.vault.connection import Vault

_COLUMNS = (
    "client_id, session_id, occurred_on, kind, markers_json, significance, raised_by, note, "
    "outcome, follow_up_on"
)


class RuptureRepository:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def add(self, entry: RuptureEntry) -> RuptureEntry:
        now = self._vault.clock()
        with self._vault.transaction() as tx:
            cursor = tx.execute(
                f"INSERT INTO ruptures ({_COLUMNS}, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*_row(entry), now.isoformat(), now.isoformat()),
            )
            rupture_id = int(cursor.lastrowid or 0)
            _write_repairs(tx, rupture_id, entry.repairs)
            record_change(tx, now, "rupture.created", "rupture", rupture_id)
        return replace(entry, id=rupture_id)

    def add_many(self, entries: list[RuptureEntry]) -> int:
        """Bulk insert for imports and the demo: one transaction."""
        now = self._vault.clock()
        with self._vault.transaction() as tx:
            for entry in entries:
                cursor = tx.execute(
                    f"INSERT INTO ruptures ({_COLUMNS}, created_at, updated_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (*_row(entry), now.isoformat(), now.isoformat()),
                )
                _write_repairs(tx, int(cursor.lastrowid or 0), entry.repairs)
            record_change(tx, now, "rupture.imported", "rupture", None)
        return len(entries)

    def update(self, entry: RuptureEntry) -> RuptureEntry:
        now = self._vault.clock()
        assignments = ", ".join(f"{column.strip()} = ?" for column in _COLUMNS.split(","))
        with self._vault.transaction() as tx:
            cursor = tx.execute(
                f"UPDATE ruptures SET {assignments}, updated_at = ? WHERE id = ?",
                (*_row(entry), now.isoformat(), entry.id),
            )
            if cursor.rowcount != 1:
                raise RecordNotFound(f"There is no rupture entry with id {entry.id}.")
            tx.execute("DELETE FROM rupture_repairs WHERE rupture_id = ?", (entry.id,))
            _write_repairs(tx, entry.id or 0, entry.repairs)
            record_change(tx, now, "rupture.updated", "rupture", entry.id)
        return entry

    def get(self, rupture_id: int) -> RuptureEntry:
        found = self._select("WHERE id = ?", (rupture_id,))
        if not found:
            raise RecordNotFound(f"There is no rupture entry with id {rupture_id}.")
        return found[0]

    def for_client(self, client_id: int) -> list[RuptureEntry]:
        """Newest first."""
        return self._select("WHERE client_id = ? ORDER BY occurred_on DESC, id DESC", (client_id,))

    def open_entries(self) -> list[RuptureEntry]:
        """Not yet resolved, of clients still being seen; oldest first."""
        return self._select(
            "WHERE (outcome IS NULL OR outcome != 'resolved') AND client_id IN "
            "(SELECT id FROM clients WHERE archived_on IS NULL "
            "AND status IN ('intake', 'active', 'ending')) ORDER BY occurred_on, id",
            (),
        )

    def check_ins(self, client_id: int) -> list[CheckInPoint]:
        """The client's session check-ins in session order."""
        with self._vault.reading() as connection:
            rows = connection.execute(
                "SELECT s.id, s.start, a.rater, a.goals, a.tasks, a.bond, a.overall "
                "FROM sessions s JOIN alliance_check_ins a ON a.session_id = s.id "
                "WHERE s.client_id = ? ORDER BY s.start, s.id",
                (client_id,),
            ).fetchall()
        return _points(rows)

    def latest_check_ins(self, client_id: int, per_rater: int) -> list[CheckInPoint]:
        """The client's last `per_rater` check-ins of each rater, in session order: all the
        flags read, without loading a long course."""
        with self._vault.reading() as connection:
            rows = [
                row
                for rater in ("client", "clinician")
                for row in connection.execute(
                    "SELECT s.id, s.start, a.rater, a.goals, a.tasks, a.bond, a.overall "
                    "FROM sessions s JOIN alliance_check_ins a ON a.session_id = s.id "
                    "WHERE s.client_id = ? AND a.rater = ? "
                    "ORDER BY s.start DESC, s.id DESC LIMIT ?",
                    (client_id, rater, per_rater),
                ).fetchall()
            ]
        rows.sort(key=lambda row: (row[1], row[0]))
        return _points(rows)

    def _select(self, where: str, arguments: tuple[Any, ...]) -> list[RuptureEntry]:
        with self._vault.reading() as connection:
            rows = connection.execute(
                f"SELECT id, {_COLUMNS} FROM ruptures {where}", arguments
            ).fetchall()
            repairs = _repairs_for(connection, [row[0] for row in rows])
        return [_entry_from_row(row, repairs[row[0]]) for row in rows]


def _points(rows: list[tuple[Any, ...]]) -> list[CheckInPoint]:
    """Check-in rows (session id, start, rater, four scores), in session order, as points."""
    by_session: dict[int, dict[str, Any]] = {}
    for session_id, start, rater, goals, tasks, bond, overall in rows:
        point = by_session.setdefault(session_id, {"on": start[:10]})
        point[rater] = AllianceRatings(goals, tasks, bond, overall)
    return [
        CheckInPoint(
            session_id=session_id,
            on=dt.date.fromisoformat(point["on"]),
            client=point.get("client"),
            clinician=point.get("clinician"),
        )
        for session_id, point in by_session.items()
    ]


def _repairs_for(
    connection: sqlcipher3.Connection, rupture_ids: list[int]
) -> dict[int, list[RepairAttempt]]:
    found: dict[int, list[RepairAttempt]] = defaultdict(list)
    # Chunked: SQLite limits the number of bound parameters in one statement.
    for start in range(0, len(rupture_ids), 500):
        chunk = rupture_ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        for rupture_id, strategy, note in connection.execute(
            f"SELECT rupture_id, strategy, note FROM rupture_repairs "
            f"WHERE rupture_id IN ({marks}) ORDER BY rupture_id, position",
            chunk,
        ):
            found[rupture_id].append(RepairAttempt(RepairStrategy(strategy), note))
    return found


def _write_repairs(
    tx: sqlcipher3.Connection, rupture_id: int, repairs: tuple[RepairAttempt, ...]
) -> None:
    tx.executemany(
        "INSERT INTO rupture_repairs (rupture_id, position, strategy, note) VALUES (?, ?, ?, ?)",
        [(rupture_id, n, r.strategy.value, r.note) for n, r in enumerate(repairs)],
    )


def _row(entry: RuptureEntry) -> tuple[Any, ...]:
    return (
        entry.client_id,
        entry.session_id,
        entry.occurred_on.isoformat(),
        entry.kind.value,
        json.dumps(list(entry.markers), ensure_ascii=False),
        entry.significance,
        entry.raised_by.value,
        entry.note,
        entry.outcome.value if entry.outcome else None,
        entry.follow_up_on.isoformat() if entry.follow_up_on else None,
    )


def _entry_from_row(row: tuple[Any, ...], repairs: list[RepairAttempt]) -> RuptureEntry:
    (
        rupture_id,
        client_id,
        session_id,
        occurred_on,
        kind,
        markers,
        significance,
        raised_by,
        note,
        outcome,
        follow_up_on,
    ) = row
    return RuptureEntry(
        id=rupture_id,
        client_id=client_id,
        session_id=session_id,
        occurred_on=dt.date.fromisoformat(occurred_on),
        kind=RuptureKind(kind),
        markers=tuple(json.loads(markers)),
        significance=significance,
        raised_by=RaisedBy(raised_by),
        note=note,
        outcome=RepairOutcome(outcome) if outcome else None,
        follow_up_on=dt.date.fromisoformat(follow_up_on) if follow_up_on else None,
        repairs=tuple(repairs),
    )
