"""Putting a backup in place of a vault, all or nothing.

Everything that can fail is done before anything moves: the backup is checked (a regular file
of whole pages that opens with the passphrase, an Alliance Desktop vault of a schema this
version knows, every page authentic, SQLite's check passing), then copied beside the vault and
flushed to disk (a full disk fails here, with the vault untouched). Only then the vault and its
-wal/-shm are renamed aside together, as `<vault>.replaced-<stamp>` with its own log beside it
(renames need no space), and the copy renamed into place. If proving that the result opens
fails, the renames are undone. The lock is held throughout, so a window holding the vault makes
the restore refuse instead of writing on into a file that has been moved.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path

import sqlcipher3

from alliance_desktop.domain.audit import VaultEvent
from alliance_desktop.domain.vault_errors import DamagedVault, NotAVault, VaultError, VaultTooNew
from alliance_desktop.vault.audit_chain import write_anchor
from alliance_desktop.vault.copies import record_backup
from alliance_desktop.vault.diagnosis import (
    check_file_shape,
    damaged_pages,
    diagnose_unreadable,
    sidecar,
)
from alliance_desktop.vault.opening import open_vault
from alliance_desktop.vault.schema import latest_schema_version
from alliance_desktop.vault.sqlcipher_settings import apply_key, connect
from alliance_desktop.vault.vault_lock import VaultLock, lock_path, read_lock_record

_COMPANIONS = ("-wal", "-shm", ".anchor")  # go aside with the vault they belong to


def restore_copy(backup: Path, vault_path: Path, passphrase: str, stamp: str) -> Path | None:
    """Replace the (closed) vault at `vault_path` with `backup`; return where the replaced vault
    was kept (its log and index beside it under the same name), or None if there was none."""
    backup, vault_path = Path(backup), Path(vault_path)
    _check_backup_path(backup, vault_path)
    lock = VaultLock.acquire(vault_path, action="restore it")
    try:
        verify_copy(backup, passphrase)
        incoming = _copied_beside(backup, vault_path)
        try:
            replaced = _swap(incoming, vault_path, stamp)
        except BaseException:
            incoming.unlink(missing_ok=True)
            raise
        try:
            restored = open_vault(vault_path, passphrase, lock=lock)  # proves it opens
            try:
                record_backup(restored, VaultEvent.RESTORED.value)
                write_anchor(restored.connection, vault_path, restored.clock().isoformat())
            finally:
                restored.close_keeping_lock()
        except BaseException:
            _undo_swap(vault_path, replaced)
            raise
    finally:
        lock.release()
    return replaced


def verify_copy(path: Path, passphrase: str) -> None:
    """A backup must be a vault file, open with the passphrase, be an Alliance Desktop vault of
    a schema this version knows, and pass both integrity checks; or we say why. Only reads:
    the file alone is opened (`immutable`), never a -wal beside it."""
    check_file_shape(path)
    connection = connect(path, immutable=True)
    try:
        apply_key(connection, passphrase)
        try:
            names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        except sqlcipher3.DatabaseError:
            raise diagnose_unreadable(path, passphrase) from None
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        if not {"clients", "audit_trail"} <= names or version < 1:
            raise NotAVault(path, "it is an encrypted database, but not an Alliance Desktop vault")
        if version > latest_schema_version():
            raise VaultTooNew(path, version, latest_schema_version())
        pages = damaged_pages(connection)
        if pages:
            raise DamagedVault(path, f"page(s) {', '.join(map(str, pages))} failed", tuple(pages))
        quick = [row[0] for row in connection.execute("PRAGMA quick_check").fetchall()]
        if quick != ["ok"]:
            raise DamagedVault(path, "; ".join(quick[:3]))
    finally:
        connection.close()


def _check_backup_path(backup: Path, vault_path: Path) -> None:
    try:
        status = os.stat(backup)
    except FileNotFoundError:
        raise VaultError(f"There is no backup at {backup}.") from None
    if not stat.S_ISREG(status.st_mode):
        raise VaultError(f"{backup} is not a file; choose a backup file. Nothing was changed.")
    for own in (vault_path, *(sidecar(vault_path, s) for s in _COMPANIONS)):
        with contextlib.suppress(FileNotFoundError):
            if os.path.samefile(backup, own):
                raise VaultError("Choose a backup file, not the vault itself. Nothing was changed.")


def _copied_beside(backup: Path, vault_path: Path) -> Path:
    """The backup's bytes in a new private file beside the vault, on disk."""
    incoming = vault_path.with_name(f".{vault_path.name}.{secrets.token_hex(4)}.restoring")
    descriptor = os.open(incoming, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as out, backup.open("rb") as source:
            while chunk := source.read(1 << 20):
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        if incoming.stat().st_size != backup.stat().st_size:
            raise VaultError(f"The backup {backup} changed while it was being copied.")
    except BaseException as error:
        incoming.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise VaultError(
                f"Could not copy the backup beside the vault ({error.strerror or error}); "
                "nothing was changed: the vault and its journal are as they were."
            ) from None
        raise
    return incoming


def _swap(incoming: Path, vault_path: Path, stamp: str) -> Path | None:
    """Vault and companions aside (together), the copy into place; undone if a step fails."""
    replaced = vault_path.with_name(f"{vault_path.name}.replaced-{stamp}")
    moves = [
        (source, replaced.with_name(replaced.name + suffix))
        for suffix, source in (
            ("", vault_path),
            *((suffix, sidecar(vault_path, suffix)) for suffix in _COMPANIONS),
        )
        if source.exists()
    ]
    done: list[tuple[Path, Path]] = []
    try:
        for source, target in moves:
            if target.exists():
                raise VaultError(f"{target} already exists; nothing was changed.")
            os.replace(source, target)
            done.append((source, target))
        if done:
            _keep_custody_record(vault_path, replaced)
        os.replace(incoming, vault_path)
        _fsync_folder(vault_path.parent)
    except BaseException:
        for source, target in reversed(done):
            os.replace(target, source)
        raise
    return replaced if done and done[0][0] == vault_path else None


def _undo_swap(vault_path: Path, replaced: Path | None) -> None:
    """Put the replaced vault and its log back exactly as they were."""
    for suffix in ("", *_COMPANIONS):
        sidecar(vault_path, suffix).unlink(missing_ok=True)
    if replaced is None:
        return
    for suffix in ("", *_COMPANIONS):
        kept = replaced.with_name(replaced.name + suffix)
        if kept.exists():
            os.replace(kept, sidecar(vault_path, suffix))
    lock_path(replaced).unlink(missing_ok=True)
    _fsync_folder(vault_path.parent)


def _keep_custody_record(vault_path: Path, replaced: Path) -> None:
    """The replaced vault keeps the record its log is checked against, so it still opens."""
    record = read_lock_record(vault_path)
    if record is None:
        return
    record.pid, record.since = 0, ""
    descriptor = os.open(lock_path(replaced), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as out:
        out.write(record.to_bytes())


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
