"""Drafts in the vault: one row per editor and record, replaced as typing goes on."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from alliance_desktop.domain.draft import Draft
from alliance_desktop.vault.connection import Vault


class DraftRepository:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def keep(self, draft: Draft) -> Draft:
        with self._vault.transaction() as tx:
            tx.execute(
                "INSERT INTO drafts (editor, record, client_id, title, fields_json, saved_at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (editor, record) DO UPDATE SET "
                "client_id = excluded.client_id, title = excluded.title, "
                "fields_json = excluded.fields_json, saved_at = excluded.saved_at",
                (
                    draft.editor,
                    draft.record,
                    draft.client_id,
                    draft.title,
                    json.dumps({"fields": dict(draft.fields), "extra": dict(draft.extra)}),
                    draft.saved_at.isoformat(),
                ),
            )
        return draft

    def discard(self, editor: str, record: str) -> bool:
        with self._vault.transaction() as tx:
            cursor = tx.execute(
                "DELETE FROM drafts WHERE editor = ? AND record = ?", (editor, record)
            )
            return bool(cursor.rowcount)

    def all(self) -> list[Draft]:
        with self._vault.reading() as connection:
            rows = connection.execute(
                "SELECT editor, record, client_id, title, fields_json, saved_at FROM drafts "
                "ORDER BY saved_at, id"
            ).fetchall()
        return [_draft(row) for row in rows]


def _draft(row: Any) -> Draft:
    editor, record, client_id, title, fields_json, saved_at = row
    stored = json.loads(fields_json)
    return Draft(
        editor=editor,
        record=record,
        fields=stored.get("fields", {}),
        saved_at=dt.datetime.fromisoformat(saved_at),
        client_id=client_id,
        title=title,
        extra=stored.get("extra", {}),
    )
