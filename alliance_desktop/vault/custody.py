"""Custody: proving that a -wal beside a vault belongs to this exact file before SQLite may
merge it.

SQLite merges any valid log beside a database, and records nowhere which file it was written
for: a vault copied back by hand beside the log of a later session is silently mixed. So:

* While a vault is open for writing, SQLite never folds the log into the file on its own
  (`wal_autocheckpoint = 0`); the app does it at known moments only (`stamp`: at opening, when
  the log grows large, and at closing). Between two stamps the vault file does not change.
* Each stamp folds the log in, writes a fresh random *mark* into the vault (table
  `vault_custody`), folds that in too, then starts the session's log with one small write and
  records in the lock file (`vault_lock.py`): the mark now in the file, and the log's salts
  (two numbers SQLite writes at the head of every new log, one of them random, and repeats in
  each of its frames).
* At the next opening, a log with anything SQLite would merge is accepted only when the file's
  mark is one the lock file records (the file was not replaced) and the log's salts are the ones
  recorded (the log is the one that session wrote). The file's mark is read with SQLite's
  `immutable` open, which ignores the log and writes nothing. Anything else is refused before
  any read-write open, naming both files; nothing is changed.

A crash between two steps of a stamp leaves a state the check still accepts: the lock file is
written before the file changes (both marks recorded while one replaces the other), and the
salts are recorded only once the new log exists (until then any log with the recorded mark is
taken, a window of a few milliseconds). Vaults from before schema 9 have no mark; for them the
older checks in `diagnosis.py` (another key, a missing -shm) still apply.
"""

from __future__ import annotations

import struct
from pathlib import Path

import sqlcipher3

from alliance_desktop.domain.vault_errors import VaultError
from alliance_desktop.vault.connection import Vault
from alliance_desktop.vault.diagnosis import sidecar, stale_log_reason, unmerged_log
from alliance_desktop.vault.sqlcipher_settings import apply_key, connect
from alliance_desktop.vault.vault_lock import VaultLock, read_lock_record

# Fold the log in and re-mark once it is this large (a long day of saves stays far below it).
RESTAMP_LOG_BYTES = 64 * 1024 * 1024
_WAL_MAGICS = (0x377F0682, 0x377F0683)


def hold_checkpoints(connection: sqlcipher3.Connection) -> None:
    """No automatic checkpoints: the file changes only at a stamp or a close."""
    connection.execute("PRAGMA wal_autocheckpoint = 0")


def stamp(vault: Vault, lock: VaultLock) -> None:
    """Fold the log into the file, give the file a fresh mark, and start a new log whose
    salts the lock file records (module note)."""
    connection = vault.connection
    _checkpoint(connection)
    current = _mark_in(connection)
    import secrets  # at the first write, not on the way to the key

    new = secrets.token_hex(16)
    lock.set_marks([m for m in (current, new) if m], None)
    with vault.transaction() as tx:
        tx.execute("UPDATE vault_custody SET mark = ? WHERE id = 1", (new,))
    _checkpoint(connection)
    with vault.transaction() as tx:  # the new log's first frame, so its salts exist
        tx.execute("UPDATE vault_custody SET touched = touched + 1 WHERE id = 1")
    lock.set_marks([new], log_salts(sidecar(vault.path, "-wal")))


def stamp_if_log_is_large(vault: Vault, lock: VaultLock) -> None:
    try:
        size = sidecar(vault.path, "-wal").stat().st_size
    except FileNotFoundError:
        return
    if size > RESTAMP_LOG_BYTES:
        stamp(vault, lock)


def foreign_log_reason(path: Path, passphrase: str) -> str | None:
    """Why the -wal beside `path` must not be merged into it, or None. Only reads."""
    wal = sidecar(path, "-wal")
    if unmerged_log(path) is None:
        return None  # no log, or nothing in it SQLite would change the file with
    older = stale_log_reason(path, passphrase)  # another key, a missing index: said as such
    mark = file_mark(path, passphrase)
    if older is not None or mark is None:  # None: before schema 9, or unreadable (said later)
        return older
    record = read_lock_record(path)
    if record is None or not record.marks:
        return (
            f"there is no record of which session wrote it (the lock file {path.name}.lock "
            "that records it is missing or unreadable)"
        )
    if mark not in record.marks:
        return (
            "the vault file carries another session's custody mark than the one that wrote the "
            "log, so the vault file was replaced after the log was written (a copy put back or "
            "restored by hand)"
        )
    salts = log_salts(wal)
    if record.salts is not None and salts != record.salts:
        return (
            "its header is not the one this vault's last session wrote, so it was written "
            "for another vault or another copy of this one"
        )
    return None


def file_mark(path: Path, passphrase: str) -> str | None:
    """The mark in the vault file itself, the log ignored, nothing written; None when there is
    none (before schema 9) or the file cannot be read with this passphrase."""
    try:
        connection = connect(path, read_only=True, immutable=True)
    except sqlcipher3.Error:
        return None
    try:
        apply_key(connection, passphrase)
        return _mark_in(connection) or None
    except sqlcipher3.Error:
        return None
    finally:
        connection.close()


def log_salts(wal: Path) -> str | None:
    """The salts in a -wal's header, as hex; None when there is no valid header."""
    try:
        with wal.open("rb") as file:
            header = file.read(32)
    except OSError:
        return None
    if len(header) < 32 or struct.unpack(">I", header[:4])[0] not in _WAL_MAGICS:
        return None
    return header[16:24].hex()


def _mark_in(connection: sqlcipher3.Connection) -> str:
    try:
        row = connection.execute("SELECT mark FROM vault_custody WHERE id = 1").fetchone()
    except sqlcipher3.OperationalError as error:
        if "no such table" in str(error):
            return ""
        raise
    return str(row[0]) if row else ""


def _checkpoint(connection: sqlcipher3.Connection) -> None:
    busy, _, _ = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    if busy:
        raise VaultError(
            "The vault's journal could not be folded into the file because another program "
            "is reading it; close other copies of Alliance Desktop and try again."
        )
