"""Schema migrations: numbered SQL files, one transaction each, `PRAGMA user_version`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from alliance_desktop.domain.vault_errors import VaultTooNew
from alliance_desktop.vault.audit_trail import record_change
from alliance_desktop.vault.connection import Vault
from alliance_desktop.vault.copies import export_copy

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def bundled_migrations() -> list[Migration]:
    folder = resources.files("alliance_desktop.vault.migrations")
    found = []
    for entry in folder.iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), entry.name, entry.read_text("utf-8")))
    return sorted(found, key=lambda migration: migration.version)


def latest_schema_version(migrations: list[Migration] | None = None) -> int:
    known = bundled_migrations() if migrations is None else migrations
    return max((migration.version for migration in known), default=0)


def bring_up_to_date(vault: Vault, migrations: list[Migration] | None = None) -> Path | None:
    """Apply pending migrations; return the pre-upgrade copy's path when one was taken."""
    known = bundled_migrations() if migrations is None else migrations
    current = vault.schema_version
    latest = latest_schema_version(known)
    if current > latest:
        raise VaultTooNew(vault.path, current, latest)
    pending = [migration for migration in known if migration.version > current]
    if not pending:
        return None
    copy = backup_before_upgrade(vault, current) if current > 0 else None
    for migration in pending:
        _apply(vault, migration)
    return copy


def backup_before_upgrade(vault: Vault, version: int) -> Path:
    """An encrypted copy (same passphrase) beside the vault, taken before any migration."""
    stamp = vault.clock().strftime("%Y%m%dT%H%M%S")
    return export_copy(
        vault, vault.path.with_name(f"{vault.path.name}.before-upgrade-v{version}-{stamp}")
    )


def _apply(vault: Vault, migration: Migration) -> None:
    connection = vault.connection
    # executescript commits any open transaction first, so the script opens its own and the
    # audit row and COMMIT below complete it: schema, version and audit land together or not.
    script = f"BEGIN IMMEDIATE;\n{migration.sql}\n;\nPRAGMA user_version = {migration.version};\n"
    try:
        connection.executescript(script)
        record_change(connection, vault.clock(), "vault.migrated", "schema", migration.version)
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
