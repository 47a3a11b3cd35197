"""Acknowledgements of flags: who saw what (kind, client, evidence) and the note they left."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from alliance_desktop.domain.flags import FlagAcknowledgement, FlagKey
from alliance_desktop.vault.audit_trail import record_change
from alliance_desktop.vault.connection import Vault

_COLUMNS = "id, kind, client_id, evidence, note, acknowledged_at"


class FlagAcknowledgementRepository:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def save(self, acknowledgement: FlagAcknowledgement) -> FlagAcknowledgement:
        """Add, or replace the note of, the acknowledgement of one flag's evidence."""
        with self._vault.transaction() as tx:
            tx.execute(
                "INSERT INTO flag_acknowledgements "
                "(kind, client_id, evidence, note, acknowledged_at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (kind, client_id, evidence) DO UPDATE SET "
                "note = excluded.note, acknowledged_at = excluded.acknowledged_at",
                (
                    acknowledgement.kind,
                    acknowledgement.client_id,
                    acknowledgement.evidence,
                    acknowledgement.note,
                    acknowledgement.acknowledged_at.isoformat(),
                ),
            )
            row = tx.execute(
                "SELECT id FROM flag_acknowledgements "
                "WHERE kind = ? AND client_id = ? AND evidence = ?",
                (acknowledgement.kind, acknowledgement.client_id, acknowledgement.evidence),
            ).fetchone()
            ack_id = int(row[0])
            record_change(
                tx, self._vault.clock(), "flag.acknowledged", "flag_acknowledgement", ack_id
            )
        return replace(acknowledgement, id=ack_id)

    def remove(self, key: FlagKey) -> bool:
        """Take an acknowledgement back: the flag needs attention again."""
        with self._vault.transaction() as tx:
            row = tx.execute(
                "SELECT id FROM flag_acknowledgements "
                "WHERE kind = ? AND client_id = ? AND evidence = ?",
                (key.kind, key.client_id, key.evidence),
            ).fetchone()
            if row is None:
                return False
            tx.execute("DELETE FROM flag_acknowledgements WHERE id = ?", (row[0],))
            record_change(
                tx, self._vault.clock(), "flag.reopened", "flag_acknowledgement", int(row[0])
            )
        return True

    def for_clients(self, client_ids: Sequence[int]) -> list[FlagAcknowledgement]:
        found: list[FlagAcknowledgement] = []
        ids = list(dict.fromkeys(client_ids))
        with self._vault.reading() as connection:
            # Chunked: SQLite limits the number of bound parameters in one statement.
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                marks = ", ".join("?" * len(chunk))
                rows = connection.execute(
                    f"SELECT {_COLUMNS} FROM flag_acknowledgements "
                    f"WHERE client_id IN ({marks}) ORDER BY id",
                    chunk,
                ).fetchall()
                found += [
                    FlagAcknowledgement(
                        kind=kind,
                        client_id=client_id,
                        evidence=evidence,
                        note=note,
                        acknowledged_at=dt.datetime.fromisoformat(at),
                        id=ack_id,
                    )
                    for ack_id, kind, client_id, evidence, note, at in rows
                ]
        return found
