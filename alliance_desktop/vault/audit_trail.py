"""The audit trail. Repositories call `record_change` inside their own transaction.

Rows are hash-chained: each holds the SHA-256 of the previous row's hash and its own content.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import TYPE_CHECKING

import sqlcipher3

from alliance_desktop.domain.audit import AuditEntry

if TYPE_CHECKING:
    from alliance_desktop.vault.connection import Vault

CHAIN_START = "0" * 64


def row_hash(
    previous_hash: str, at: str, kind: str, record_type: str, record_id: int | None
) -> str:
    content = "\x1f".join((previous_hash, at, kind, record_type, str(record_id)))
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


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
            row_hash(previous, stamp, kind, record_type, record_id),
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
        rows = connection.execute(
            "SELECT id, at, kind, record_type, record_id, previous_hash, row_hash "
            "FROM audit_trail ORDER BY id"
        ).fetchall()
    previous: str | None = None
    for row_id, at, kind, record_type, record_id, previous_hash, stored_hash in rows:
        if stored_hash is None:
            if previous is not None:  # an unchained row after the chain began
                return int(row_id)
            continue
        expected_previous = previous if previous is not None else CHAIN_START
        if previous_hash != expected_previous:
            return int(row_id)
        if stored_hash != row_hash(previous_hash, at, kind, record_type, record_id):
            return int(row_id)
        previous = stored_hash
    return None


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
