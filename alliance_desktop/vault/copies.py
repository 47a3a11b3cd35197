"""Encrypted copies of a vault (backups) and putting one back (restore).

Never a file copy of a live vault: a copy without its -wal loses what the WAL holds. Copies go
through `sqlcipher_export` into a fresh file, encrypted with the vault's own key.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

import sqlcipher3

from alliance_desktop.domain.audit import VaultEvent
from alliance_desktop.domain.vault_errors import DamagedVault, VaultError
from alliance_desktop.vault.audit_trail import record_change
from alliance_desktop.vault.connection import Vault, open_vault
from alliance_desktop.vault.diagnosis import damaged_pages
from alliance_desktop.vault.sqlcipher_settings import apply_key, connect


def export_copy(vault: Vault, target: Path) -> Path:
    """Write an encrypted, consistent copy of the open vault to a new file (0600)."""
    target = Path(target)
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
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
        finally:
            connection.execute("DETACH DATABASE vault_copy")
        _fsync_file(partial)
        os.replace(partial, target)
        _fsync_folder(target.parent)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        raise
    return target


def record_backup(vault: Vault, kind: str) -> None:
    now = vault.clock()
    with vault.transaction() as tx:
        record_change(tx, now, kind, "vault", None)


def verify_copy(path: Path, passphrase: str) -> None:
    """A backup must open with the passphrase and pass both integrity checks, or we say why."""
    from alliance_desktop.vault.diagnosis import diagnose_unreadable

    connection = connect(path, read_only=True)
    try:
        apply_key(connection, passphrase)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError:
            raise diagnose_unreadable(path, passphrase) from None
        pages = damaged_pages(connection)
        if pages:
            raise DamagedVault(path, f"page(s) {', '.join(map(str, pages))} failed", tuple(pages))
        quick = [row[0] for row in connection.execute("PRAGMA quick_check").fetchall()]
        if quick != ["ok"]:
            raise DamagedVault(path, "; ".join(quick[:3]))
    finally:
        connection.close()


def restore_copy(backup: Path, vault_path: Path, passphrase: str, stamp: str) -> Path | None:
    """Replace the (closed) vault at `vault_path` with `backup`; return where the replaced
    vault was kept. The backup is verified first; the old -wal/-shm are moved aside so a stale
    WAL can never be merged into the restored file; the swap is a rename."""
    backup, vault_path = Path(backup), Path(vault_path)
    if not backup.is_file():
        raise VaultError(f"There is no backup at {backup}.")
    verify_copy(backup, passphrase)
    for suffix in ("-wal", "-shm"):
        sidecar = vault_path.with_name(vault_path.name + suffix)
        if sidecar.exists():
            os.replace(sidecar, vault_path.with_name(f"{vault_path.name}.stale-{stamp}{suffix}"))
    incoming = vault_path.with_name(f".{vault_path.name}.{secrets.token_hex(4)}.restoring")
    descriptor = os.open(incoming, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as out, backup.open("rb") as source:
            while chunk := source.read(1 << 20):
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        replaced = None
        if vault_path.exists():
            replaced = vault_path.with_name(f"{vault_path.name}.replaced-{stamp}")
            os.replace(vault_path, replaced)
        os.replace(incoming, vault_path)
        _fsync_folder(vault_path.parent)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            incoming.unlink()
        raise
    restored = open_vault(vault_path, passphrase)  # proves the restored vault opens
    try:
        record_backup(restored, VaultEvent.RESTORED.value)  # the restore, in its audit trail
    finally:
        restored.close()
    return replaced


def _fsync_file(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        _fsync_file(folder)
