"""Practice settings stored as small named values (e.g. alliance flag thresholds)."""

from __future__ import annotations

import json
from typing import Any

from alliance_desktop.vault.audit_trail import record_change
from alliance_desktop.vault.connection import Vault


class SettingsRepository:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def get(self, key: str) -> Any:
        with self._vault.reading() as connection:
            row = connection.execute(
                "SELECT value FROM practice_settings WHERE key = ?", (key,)
            ).fetchone()
        return json.loads(row[0]) if row else None

    def put(self, key: str, value: Any) -> None:
        now = self._vault.clock()
        with self._vault.transaction() as tx:
            tx.execute(
                "INSERT INTO practice_settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value)),
            )
            record_change(tx, now, "setting.updated", "practice_settings", None)
