"""Deleting one client's record for good, and the dates retention is counted from.

Every row that belongs to the client goes, found from the schema itself (each table whose
foreign key leads back to `clients`, and any table with a `client_id` column), so a table added
by a later migration is never left holding a deleted client's text. `secure_delete` (set at
open) zeroes the freed pages, and a TRUNCATE checkpoint empties the write-ahead log, so the text
does not linger in the vault's files. The audit trail keeps a dated entry that names no client.
"""

from __future__ import annotations

import datetime as dt

import sqlcipher3

from alliance_desktop.domain.client import ClientStatus
from alliance_desktop.domain.errors import RecordNotFound
from alliance_desktop.domain.retention import FinishedClient
from alliance_desktop.vault.audit_trail import record_change
from alliance_desktop.vault.connection import Vault

ERASED_EVENT = "client.erased"
_MAX_DEPTH = 8  # the schema's chains are 3 deep (clients > goals > ratings); a guard, not a limit


def finished_clients(vault: Vault, client_id: int | None = None) -> list[FinishedClient]:
    """Ended and handed-over clients (or just the one asked for) with the date of their last
    attended session (or their start date, or the day the record was made)."""
    only_one = "" if client_id is None else " AND c.id = ?"
    params: tuple[int, ...] = () if client_id is None else (client_id,)
    with vault.reading() as connection:
        rows = connection.execute(
            "SELECT c.id, c.name, c.status, "
            "  coalesce((SELECT max(substr(s.start, 1, 10)) FROM sessions s "
            "            WHERE s.client_id = c.id AND s.status = 'attended'), "
            "           c.start_date, substr(c.created_at, 1, 10)) "
            "FROM clients c WHERE c.status IN ('ended', 'handed_over')" + only_one,
            params,
        ).fetchall()
    return [
        FinishedClient(
            row[0], row[1], ClientStatus(row[2]), None if row[3] is None else _date(row[3])
        )
        for row in rows
    ]


def erase_client(vault: Vault, client_id: int) -> int:
    """Delete the client and everything that belongs to them in one transaction; return how
    many rows went. The write-ahead log is emptied afterwards."""
    now = vault.clock()
    with vault.transaction() as tx:
        if tx.execute("SELECT 1 FROM clients WHERE id = ?", (client_id,)).fetchone() is None:
            raise RecordNotFound(f"There is no client with id {client_id}.")
        removed = _delete_rows(tx, "clients", "id = ?", (client_id,), depth=0)
        removed += _delete_loose_client_rows(tx, client_id)
        record_change(tx, now, ERASED_EVENT, "client", None)
    vault.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    return removed


def _delete_rows(
    tx: sqlcipher3.Connection, table: str, where: str, params: tuple[object, ...], depth: int
) -> int:
    """Delete the rows of `table` matching `where`, children first (foreign keys stay valid)."""
    if depth > _MAX_DEPTH:
        raise RuntimeError(f"Foreign keys nest deeper than {_MAX_DEPTH} below {table}.")
    removed = 0
    for child, column, parent_column in _children_of(tx, table):
        if child == table:
            continue  # a table pointing at itself: its rows go with the parent's match below
        key = parent_column or "rowid"
        child_where = f'"{column}" IN (SELECT "{key}" FROM "{table}" WHERE {where})'
        removed += _delete_rows(tx, child, child_where, params, depth + 1)
    cursor = tx.execute(f'DELETE FROM "{table}" WHERE {where}', params)
    return removed + max(int(cursor.rowcount), 0)


def _children_of(tx: sqlcipher3.Connection, parent: str) -> list[tuple[str, str, str | None]]:
    found = []
    for (table,) in tx.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall():
        for key in tx.execute(f'PRAGMA foreign_key_list("{table}")').fetchall():
            # (id, seq, table, from, to, on_update, on_delete, match)
            if key[2] == parent:
                found.append((table, key[3], key[4]))
    return found


def _delete_loose_client_rows(tx: sqlcipher3.Connection, client_id: int) -> int:
    """Rows in tables that name a client by a plain `client_id` column with no foreign key
    (drafts, acknowledgements, caches): they go too."""
    removed = 0
    for (table,) in tx.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT IN ('clients', 'audit_trail')"
    ).fetchall():
        columns = {row[1] for row in tx.execute(f'PRAGMA table_info("{table}")').fetchall()}
        if "client_id" in columns:
            removed += _delete_rows(tx, table, "client_id = ?", (client_id,), depth=1)
    return removed


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text[:10])
