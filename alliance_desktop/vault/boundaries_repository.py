"""The client's boundaries and preferences: every save a new dated version, the latest current."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from typing import Any

from alliance_desktop.domain.boundaries import ClientBoundaries, SessionStructure
from alliance_desktop.domain.errors import RecordNotFound
from alliance_desktop.vault.audit_trail import record_change
from alliance_desktop.vault.connection import Vault

_COLUMNS = (
    "client_id, changed_on, topics_not_yet_json, ready_when_i_say, pace_and_depth, structure, "
    "values_to_include_json, anything_else"
)


class BoundariesRepository:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def add_version(self, boundaries: ClientBoundaries) -> ClientBoundaries:
        now = self._vault.clock()
        with self._vault.transaction() as tx:
            known = tx.execute("SELECT 1 FROM clients WHERE id = ?", (boundaries.client_id,))
            if known.fetchone() is None:
                raise RecordNotFound(f"There is no client with id {boundaries.client_id}.")
            cursor = tx.execute(
                f"INSERT INTO client_boundaries ({_COLUMNS}, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*_row(boundaries), now.isoformat()),
            )
            saved_id = int(cursor.lastrowid or 0)
            record_change(tx, now, "boundaries.changed", "client", boundaries.client_id)
        return replace(boundaries, id=saved_id)

    def versions(self, client_id: int) -> list[ClientBoundaries]:
        """Newest first."""
        with self._vault.reading() as connection:
            rows = connection.execute(
                f"SELECT id, {_COLUMNS} FROM client_boundaries WHERE client_id = ? "
                "ORDER BY id DESC",
                (client_id,),
            ).fetchall()
        return [_from_row(row) for row in rows]

    def current(self, client_id: int) -> ClientBoundaries | None:
        with self._vault.reading() as connection:
            row = connection.execute(
                f"SELECT id, {_COLUMNS} FROM client_boundaries WHERE client_id = ? "
                "ORDER BY id DESC LIMIT 1",
                (client_id,),
            ).fetchone()
        return _from_row(row) if row else None


def _row(boundaries: ClientBoundaries) -> tuple[Any, ...]:
    return (
        boundaries.client_id,
        boundaries.changed_on.isoformat(),
        json.dumps(list(boundaries.topics_not_yet), ensure_ascii=False),
        int(boundaries.ready_when_i_say),
        boundaries.pace_and_depth,
        boundaries.structure.value,
        json.dumps(list(boundaries.values_to_include), ensure_ascii=False),
        boundaries.anything_else,
    )


def _from_row(row: tuple[Any, ...]) -> ClientBoundaries:
    (saved_id, client_id, changed_on, topics, ready, pace, structure, values, anything) = row
    return ClientBoundaries(
        id=saved_id,
        client_id=client_id,
        changed_on=dt.date.fromisoformat(changed_on),
        topics_not_yet=tuple(json.loads(topics)),
        ready_when_i_say=bool(ready),
        pace_and_depth=pace,
        structure=SessionStructure(structure),
        values_to_include=tuple(json.loads(values)),
        anything_else=anything,
    )
