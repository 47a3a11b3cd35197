"""Opening and creating a vault: the lock first, then the log's custody, then SQLite.

Order matters. The cross-process lock is taken before anything else, so a second writer (or a
restore) is refused in words while the first holds the vault. The -wal is then proven to belong
to this file (`custody.py`) before SQLite opens it read-write, because opening merges any log
beside the file. Only then is the vault keyed, upgraded and stamped with this session's mark.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import sqlcipher3

from alliance_desktop.domain.passphrase import check_new_passphrase
from alliance_desktop.domain.vault_errors import (
    StaleWriteAheadLog,
    VaultAlreadyExists,
    VaultError,
    VaultMissing,
)
from alliance_desktop.vault.connection import (
    Clock,
    Vault,
    _diagnosed,
    _is_damage,
    _plain_reason,
    _sidecars,
    system_clock,
)
from alliance_desktop.vault.custody import (
    foreign_log_reason,
    hold_checkpoints,
    stamp,
    stamp_if_log_is_large,
)
from alliance_desktop.vault.diagnosis import check_file_shape, sidecar
from alliance_desktop.vault.private_folders import make_private_folder
from alliance_desktop.vault.sqlcipher_settings import (
    apply_connection_settings,
    apply_key,
    connect,
)
from alliance_desktop.vault.vault_lock import VaultLock

# The schema and the audit chain (and the migrations' reading of files) load inside
# `_finish_opening`, after the key is derived: a command starts deriving it sooner, and
# loads them on a second thread meanwhile (cli/passphrase.py).


def open_vault(
    path: Path,
    passphrase: str,
    clock: Clock = system_clock,
    *,
    lock: VaultLock | None = None,
    deriving: Callable[[], None] | None = None,
) -> Vault:
    """Unlock an existing vault, upgrading its schema (after an encrypted copy) when needed.

    `lock` is one the caller already holds (a restore proving its result opens). `deriving`
    is called once the checks are done, just as the key derivation starts: SQLCipher lets go
    of Python's lock for it, so a caller can load what comes next meanwhile."""
    path = Path(path)
    if not path.exists():
        raise VaultMissing(path)
    check_file_shape(path)
    held = lock if lock is not None else VaultLock.acquire(path)
    try:
        leftovers = remove_leftovers(path)
        # Before SQLite opens the file, which would merge any -wal beside it into the vault.
        reason = foreign_log_reason(path, passphrase)
        if reason is not None:
            raise StaleWriteAheadLog(path, sidecar(path, "-wal"), reason)
        vault = _keyed(path, passphrase, clock, deriving)
        vault.removed_leftovers = leftovers
        try:
            _take_custody(vault, held)
        except BaseException:
            vault.close_keeping_lock()
            raise
    except BaseException:
        if lock is None:
            held.release()
        raise
    return vault


def create_vault(path: Path, passphrase: str, clock: Clock = system_clock) -> Vault:
    """Make a new, empty vault readable only by the current user."""
    path = Path(path)
    check_new_passphrase(passphrase)
    if path.exists():
        raise VaultAlreadyExists(path)
    make_private_folder(path.parent)
    # Made 0600 before SQLCipher touches it; SQLite gives -wal and -shm the same mode.
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        lock = VaultLock.acquire(path)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    connection = connect(path)
    try:
        apply_key(connection, passphrase)
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        apply_connection_settings(connection)
        hold_checkpoints(connection)
        vault = Vault(path, connection, clock)
        _finish_opening(vault)
        _take_custody(vault, lock)
        stamp(vault, lock)  # a new vault is marked at once: its first log is already proven
        vault.before_first_write = None
    except BaseException:
        connection.close()
        lock.release()
        for leftover in (path, *_sidecars(path)):
            leftover.unlink(missing_ok=True)
        raise
    return vault


def remove_leftovers(path: Path) -> list[Path]:
    """Half-made copies a killed backup or restore left beside the vault (and in its default
    backup folder): never a complete file of anyone's, always safe to remove; we hold the lock,
    so no other window is making one now."""
    patterns = [
        (path.parent, f".{path.name}.*.restoring"),
        (path.parent, f".{path.name}*.partial"),
        (path.parent / "Backups", f".{path.stem}-*.partial"),
    ]
    removed = []
    for folder, pattern in patterns:
        for leftover in folder.glob(pattern) if folder.is_dir() else []:
            if leftover.is_file() and not leftover.is_symlink():
                leftover.unlink(missing_ok=True)
                removed.append(leftover)
    return removed


def _keyed(
    path: Path, passphrase: str, clock: Clock, deriving: Callable[[], None] | None = None
) -> Vault:
    connection = connect(path)
    try:
        apply_key(connection, passphrase)
        if deriving is not None:
            deriving()
        # The first read derives the key; it is where a wrong key shows itself.
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as error:
        connection.close()
        # A wrong key says "not a database"; a damaged page the schema lives on, "malformed".
        if _is_damage(error):
            raise _diagnosed(path, passphrase, error) from None
        raise VaultError(f"Could not open {path}: {_plain_reason(error)}.") from None
    try:
        apply_connection_settings(connection)
        hold_checkpoints(connection)
        vault = Vault(path, connection, clock)
        _finish_opening(vault)
    except sqlcipher3.DatabaseError as error:
        connection.close()
        if _is_damage(error):
            raise _diagnosed(path, passphrase, error) from None
        raise VaultError(f"Could not open {path}: {_plain_reason(error)}.") from None
    except BaseException:
        connection.close()
        raise
    return vault


def _finish_opening(vault: Vault) -> None:
    """The schema brought up to date, and the audit chain keyed (once)."""
    from alliance_desktop.vault.schema import bring_up_to_date

    bring_up_to_date(vault)
    _key_audit_chain(vault)


def _anchor_if_written(vault: Vault) -> None:
    """The audit anchor at close, only after a session that wrote (its stamp has run): a
    session that only read leaves every file beside the vault as it found it."""
    if vault.before_first_write is None:
        from alliance_desktop.vault.audit_chain import write_anchor

        write_anchor(vault.connection, vault.path, vault.clock().isoformat())


def _key_audit_chain(vault: Vault) -> None:
    """Once, after the upgrade to schema 9: the verified SHA-256 chain becomes an HMAC chain."""
    from alliance_desktop.vault.audit_chain import audit_key, key_the_chain

    if audit_key(vault.connection) is not None:
        return
    with vault.transaction() as tx:
        key_the_chain(tx)


def _take_custody(vault: Vault, lock: VaultLock) -> None:
    """Keep the lock until the vault closes; mark this session in the file and the lock before
    its first write (a session that only reads changes nothing)."""
    vault.on_close = lock.release
    vault.before_close = lambda: _anchor_if_written(vault)
    vault.before_first_write = lambda: stamp(vault, lock)
    vault.after_commit = lambda: stamp_if_log_is_large(vault, lock)
    vault.restamp = lambda: stamp(vault, lock)
    vault.release_log_salts = lambda: lock.set_marks(lock.record.marks, None)
