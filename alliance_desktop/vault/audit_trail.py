"""The audit trail. Repositories call `record_change` inside their own transaction.

Rows are chained: each holds an HMAC (SHA-256 before schema 9) over the previous row's hash
and its own content; the keying and the anchor outside the table are in `audit_chain.py`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import sqlcipher3

from alliance_desktop.domain.audit import AuditEntry
from alliance_desktop.vault.audit_chain import (
    CHAIN_START,
    audit_key,
    chained_hash,
    first_broken,
    read_rows,
)

if TYPE_CHECKING:
    from alliance_desktop.vault.connection import Vault

__all__ = ["CHAIN_START", "first_broken_link", "recent_entries", "record_change", "row_hash"]


def row_hash(
    previous_hash: str, at: str, kind: str, record_type: str, record_id: int | None
) -> str:
    """The unkeyed (schemas 6-8) hash of a row."""
    return chained_hash(None, previous_hash, at, kind, record_type, record_id)


def record_change(
    connection: sqlcipher3.Connection,
    at: dt.datetime,
    kind: str,
    record_type: str,
    record_id: int | None,
) -> None:
    stamp = at.isoformat()
    if not _is_chained(connection):  # schemas before 6, while migrating
        connection.execute(
            "INSERT INTO audit_trail (at, kind, record_type, record_id) VALUES (?, ?, ?, ?)",
            (stamp, kind, record_type, record_id),
        )
        return
    last = connection.execute(
        "SELECT row_hash FROM audit_trail WHERE row_hash IS NOT NULL ORDER BY id DESC LIMIT 1"
    ).fetchone()
    previous = last[0] if last else CHAIN_START
    connection.execute(
        "INSERT INTO audit_trail (at, kind, record_type, record_id, previous_hash, row_hash) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (
            stamp,
            kind,
            record_type,
            record_id,
            previous,
            chained_hash(audit_key(connection), previous, stamp, kind, record_type, record_id),
        ),
    )


def record_events(vault: Vault, *events: tuple[str, str, int | None]) -> None:
    """Events that change no record (an unlock, an export), as (kind, record type, record id),
    in one transaction of their own."""
    now = vault.clock()
    with vault.transaction() as tx:
        for kind, record_type, record_id in events:
            record_change(tx, now, kind, record_type, record_id)


def first_broken_link(vault: Vault) -> int | None:
    """The id of the first row whose hash or link does not verify, or None when all is intact."""
    with vault.reading() as connection:
        return first_broken(read_rows(connection), audit_key(connection))


def recent_entries(vault: Vault, limit: int = 200) -> list[AuditEntry]:
    """The newest entries first."""
    with vault.reading() as connection:
        rows = connection.execute(
            "SELECT at, kind, record_type, record_id FROM audit_trail ORDER BY id DESC LIMIT ?",
            (limit,),
        ).fetchall()
    return [
        AuditEntry(dt.datetime.fromisoformat(at), kind, record_type, record_id)
        for at, kind, record_type, record_id in rows
    ]


def _is_chained(connection: sqlcipher3.Connection) -> bool:
    columns = connection.execute("PRAGMA table_info(audit_trail)").fetchall()
    return any(column[1] == "row_hash" for column in columns)
