"""Encrypted copies of a vault (backups), and checking one before it is put back.

Never a file copy of a live vault: a copy without its -wal loses what the WAL holds. Copies go
through `sqlcipher_export` into a fresh file, encrypted with the vault's own key.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import secrets
from pathlib import Path

import sqlcipher3

from alliance_desktop.domain.vault_errors import VaultError
from alliance_desktop.vault.audit_chain import current_anchor
from alliance_desktop.vault.audit_trail import record_change
from alliance_desktop.vault.connection import Vault
from alliance_desktop.vault.private_folders import make_private_folder


def export_copy(vault: Vault, target: Path) -> Path:
    """Write an encrypted, consistent copy of the open vault to a new file (0600)."""
    target = Path(target)
    make_private_folder(target.parent)
    partial = target.with_name(f".{target.name}.{secrets.token_hex(4)}.partial")
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    connection = vault.connection
    version = vault.schema_version
    try:
        # Without a KEY clause the attached copy uses the open vault's own key.
        connection.execute("ATTACH DATABASE ? AS vault_copy", (str(partial),))
        try:
            connection.execute("SELECT sqlcipher_export('vault_copy')")
            connection.execute(f"PRAGMA vault_copy.user_version = {int(version)}")
            _give_copy_its_own_mark(connection)
        finally:
            connection.execute("DETACH DATABASE vault_copy")
        _fsync_file(partial)
        os.replace(partial, target)
        _fsync_folder(target.parent)
    except BaseException as error:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        if isinstance(error, sqlcipher3.Error | OSError) and "full" in str(error).lower():
            raise VaultError(
                f"The disk is full: no copy was written to {target}; the vault is unchanged."
            ) from None
        raise
    return target


def _give_copy_its_own_mark(connection: sqlcipher3.Connection) -> None:
    """A copy never carries the live session's custody mark (custody.py): put back by hand
    beside that session's log, it must be told apart from the file the log belongs to."""
    tables = connection.execute(
        "SELECT count(*) FROM vault_copy.sqlite_master WHERE name = 'vault_custody'"
    ).fetchone()[0]
    if tables:
        connection.execute(
            "UPDATE vault_copy.vault_custody SET mark = 'copy-' || lower(hex(randomblob(16)))"
        )
        # The audit trail's count and head as copied: the copy's own anchor (audit_chain.py).
        anchor = current_anchor(connection, dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
        if anchor is not None:
            connection.execute(
                "UPDATE vault_copy.vault_custody "
                "SET anchor_count = ?, anchor_head = ?, anchor_at = ?",
                (anchor.count, anchor.head, anchor.at),
            )


def record_backup(vault: Vault, kind: str) -> None:
    now = vault.clock()
    with vault.transaction() as tx:
        record_change(tx, now, kind, "vault", None)


def _fsync_file(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        _fsync_file(folder)
