"""An open vault: reading, the one way to write to it (a transaction), and closing it.

Opening and creating live in `opening.py`, which builds on this module, the schema and custody;
this module imports none of them, so the package reads top-down."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import sqlcipher3

from alliance_desktop.domain.vault_errors import (
    DamagedVault,
    VaultError,
    VaultWriteFailed,
)
from alliance_desktop.vault.diagnosis import damaged_pages, diagnose_unreadable

Clock = Callable[[], dt.datetime]


def system_clock() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


class Vault:
    """An open, unlocked vault file. Repositories read through it and write in `transaction()`."""

    def __init__(self, path: Path, connection: sqlcipher3.Connection, clock: Clock) -> None:
        self.path = path
        self.clock = clock
        self._connection: sqlcipher3.Connection | None = connection
        # Set by `opening`: gives up the cross-process lock at close, and runs after each commit.
        self.on_close: Callable[[], None] | None = None
        self.after_commit: Callable[[], None] | None = None
        self.restamp: Callable[[], None] | None = None
        # Before SQLite starts a new log outside a stamp (a rekey): the lock stops naming the
        # old log's salts, so the new log (with the file's own mark) is still taken after a crash.
        self.release_log_salts: Callable[[], None] | None = None
        # Runs once, before the first write of the session (custody's stamp), so a session that
        # only reads leaves the file as it found it.
        self.before_first_write: Callable[[], None] | None = None
        # Runs at close() while the connection is still open (the audit anchor is written).
        self.before_close: Callable[[], None] | None = None
        # Half-made copies a killed backup or restore had left, removed at this opening.
        self.removed_leftovers: list[Path] = []

    @property
    def connection(self) -> sqlcipher3.Connection:
        if self._connection is None:
            raise VaultError("The vault is closed.")
        return self._connection

    @property
    def is_open(self) -> bool:
        return self._connection is not None

    @property
    def schema_version(self) -> int:
        return int(self.connection.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def reading(self) -> Iterator[sqlcipher3.Connection]:
        """Reads that hit a damaged page raise DamagedVault naming it, not a bare SQLite error."""
        connection = self.connection
        try:
            yield connection
        except sqlcipher3.DatabaseError as error:
            if not _is_damage(error):
                raise VaultError(f"Could not read the vault: {_plain_reason(error)}.") from error
            pages = tuple(damaged_pages(connection))
            detail = f"page(s) {', '.join(map(str, pages))} failed their integrity check"
            raise DamagedVault(self.path, detail if pages else str(error), pages) from error

    @contextmanager
    def transaction(self) -> Iterator[sqlcipher3.Connection]:
        """All-or-nothing write: any error rolls back; storage errors become VaultWriteFailed."""
        connection = self.connection
        if self.before_first_write is not None:
            first, self.before_first_write = self.before_first_write, None
            first()
        try:
            connection.execute("BEGIN IMMEDIATE")
        except sqlcipher3.Error as error:
            raise VaultWriteFailed(_plain_reason(error)) from error
        try:
            yield connection
            connection.execute("COMMIT")
        except BaseException as error:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            if isinstance(error, sqlcipher3.DatabaseError) and _is_damage(error):
                pages = tuple(damaged_pages(connection))
                raise DamagedVault(self.path, str(error), pages) from error
            if isinstance(error, sqlcipher3.Error):
                raise VaultWriteFailed(_plain_reason(error)) from error
            raise
        if self.after_commit is not None and not connection.in_transaction:
            self.after_commit()

    def integrity_problems(self) -> list[str]:
        """Empty when every page authenticates and SQLite's own check passes."""
        pages = damaged_pages(self.connection)
        problems = [f"page {page} failed authentication" for page in pages]
        try:
            quick = [row[0] for row in self.connection.execute("PRAGMA quick_check").fetchall()]
        except sqlcipher3.DatabaseError as error:
            if not _is_damage(error):
                raise
            # SQLite cannot walk past a page that fails authentication; that page is the news.
            quick = [] if pages else [f"SQLite could not read it ({error})"]
        problems.extend(message for message in quick if message != "ok")
        return problems

    def replace_connection(self, connection: sqlcipher3.Connection) -> None:
        """Swap in a freshly keyed connection (after a passphrase change)."""
        if self._connection is not None and self._connection is not connection:
            self._connection.close()
        self._connection = connection

    def close(self) -> None:
        """Checkpoint the WAL into the main file and close, so no -wal is left beside it; then
        give up the lock that kept other writers out.

        The connection closes (and the key goes) even when the checkpoint fails, e.g. on a full
        disk; every commit is then still in the -wal, and goes into the file at the next open.
        """
        if self.before_close is not None and self._connection is not None:
            with suppress(sqlcipher3.Error, OSError):  # the anchor is a help, not a duty
                self.before_close()
        try:
            self.close_keeping_lock()
        finally:
            if self.on_close is not None:
                self.on_close()
                self.on_close = None

    def close_keeping_lock(self) -> None:
        """Close the connection but keep other writers out (a passphrase change reopens)."""
        if self._connection is None:
            return
        try:
            self._connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlcipher3.Error as error:
            raise VaultError(
                f"The vault is closed and every saved change is kept, but its journal could not "
                f"be folded into the file ({_plain_reason(error)}); that happens the next time "
                "it opens."
            ) from error
        finally:
            self._connection.close()
            self._connection = None


def _sidecars(path: Path) -> tuple[Path, Path]:
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def _diagnosed(path: Path, passphrase: str, error: sqlcipher3.Error) -> VaultError:
    """Why the file would not open: the damaged pages named, or a wrong passphrase; damage
    SQLite sees without any page failing its HMAC is named in SQLite's words."""
    found = diagnose_unreadable(path, passphrase)
    if isinstance(found, DamagedVault) and not found.damaged_pages:
        return DamagedVault(path, _plain_reason(error))
    return found


def _is_damage(error: sqlcipher3.Error) -> bool:
    text = str(error)
    return "malformed" in text or "not a database" in text


def _plain_reason(error: sqlcipher3.Error) -> str:
    text = str(error)
    if "full" in text:
        return "the disk is full"
    if "readonly" in text or "read-only" in text:
        return "the vault file is read-only"
    if "locked" in text or "busy" in text:
        return "the vault is busy in another window or program"
    return text
