"""Reading a fresh backup back, with the open vault's own key, to prove it is whole.

The copy is attached (without a KEY clause, so with the vault's key: a backup made by
`export_copy` opens with it) and every page is read: each page's HMAC is checked as SQLCipher
decrypts it, and SQLite's quick_check walks the structure. The record counts must match.
"""

from __future__ import annotations

from pathlib import Path

import sqlcipher3

from alliance_desktop.domain.vault_errors import DamagedVault
from alliance_desktop.vault.connection import Vault

_COUNTED = ("clients", "sessions", "goals")


def check_backup(vault: Vault, backup: Path) -> None:
    """Raise DamagedVault naming what is wrong; return quietly when the copy is whole."""
    connection = vault.connection
    try:
        connection.execute("ATTACH DATABASE ? AS backup_check", (str(backup),))
    except sqlcipher3.DatabaseError as error:
        raise DamagedVault(backup, f"it could not be opened ({error})") from error
    try:
        try:
            quick = [row[0] for row in connection.execute("PRAGMA backup_check.quick_check")]
        except sqlcipher3.DatabaseError as error:
            raise DamagedVault(backup, f"it could not be read back ({error})") from error
        if quick != ["ok"]:
            raise DamagedVault(backup, "; ".join(quick[:3]))
        for table in _COUNTED:
            ours = connection.execute(f"SELECT count(*) FROM main.{table}").fetchone()[0]
            theirs = connection.execute(f"SELECT count(*) FROM backup_check.{table}").fetchone()[0]
            if ours != theirs:
                raise DamagedVault(backup, f"it holds {theirs} {table}, the vault {ours}")
    finally:
        connection.execute("DETACH DATABASE backup_check")
