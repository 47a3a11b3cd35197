"""The audit trail. Repositories call `record_change` inside their own transaction."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import sqlcipher3

from alliance_desktop.domain.audit import AuditEntry

if TYPE_CHECKING:
    from alliance_desktop.vault.connection import Vault


def record_change(
    connection: sqlcipher3.Connection,
    at: dt.datetime,
    kind: str,
    record_type: str,
    record_id: int | None,
) -> None:
    connection.execute(
        "INSERT INTO audit_trail (at, kind, record_type, record_id) VALUES (?, ?, ?, ?)",
        (at.isoformat(), kind, record_type, record_id),
    )


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
