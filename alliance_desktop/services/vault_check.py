"""Checking a vault file without opening it for writing (the CLI's `vault check`)."""

from __future__ import annotations

from pathlib import Path

from alliance_desktop.services.practice import VaultHealth
from alliance_desktop.vault.checking import check_vault


def check_vault_file(path: Path, passphrase: str) -> VaultHealth:
    """Damage, a log that does not belong, audit-trail tampering; changes no file."""
    found = check_vault(Path(path), passphrase)
    return VaultHealth(found.path, found.schema_version, found.client_count, found.problems)
