"""Writing and reading the audit trail. Repositories call `record_change` inside their transaction."""

from __future__ import annotations

import datetime as dt

import sqlcipher3

from alliance_desktop.domain.audit import AuditEntry


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


def recent_entries(connection: sqlcipher3.Connection, limit: int = 200) -> list[AuditEntry]:
    rows = connection.execute(
        "SELECT at, kind, record_type, record_id FROM audit_trail ORDER BY id DESC LIMIT ?",
        (limit,),
    ).fetchall()
    return [AuditEntry(dt.datetime.fromisoformat(at), kind, rtype, rid) for at, kind, rtype, rid in rows]
