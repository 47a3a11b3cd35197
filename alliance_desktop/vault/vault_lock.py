"""One writer at a time across processes: an OS lock on `<vault>.lock`, held while the vault is
open for writing (and while it is restored).

The lock is `flock` on the file, which the kernel drops when the holding process ends however it
ends (kill -9 included), so a lock left by a killed process is never mistaken for a live one:
taking it succeeds, and the old details in the file are simply written over. It is per open file,
so a second window in the same process is refused too. The file is 0600 and holds only the
holder's process id, host name, start time and the custody marks of the session (`custody.py`),
nothing clinical. It is removed at a clean close (no log left to vouch for) while still locked;
whoever opened it just then notices that the name now points elsewhere and tries again, so two
holders can never each hold "the" lock. After a crash it stays, with the marks the log left
beside the vault is checked against.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import os
import weakref
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from alliance_desktop.domain.custody_errors import VaultInUse


def lock_path(vault_path: Path) -> Path:
    return vault_path.with_name(vault_path.name + ".lock")


@dataclass
class LockRecord:
    """What the lock file says: who holds (or last held) the vault, and its custody marks."""

    pid: int = 0
    host: str = ""
    since: str = ""
    marks: list[str] = field(default_factory=list)  # the session's mark(s) the file may carry
    salts: str | None = None  # the header salts of the log that session writes

    def to_bytes(self) -> bytes:
        data = {
            "pid": self.pid,
            "host": self.host,
            "since": self.since,
            "marks": self.marks,
            "salts": self.salts,
        }
        return (json.dumps(data, sort_keys=True) + "\n").encode("ascii")

    @classmethod
    def from_bytes(cls, data: bytes) -> LockRecord | None:
        try:
            raw = json.loads(data.decode("ascii"))
            marks = [str(mark)[:64] for mark in raw.get("marks", [])][:4]
            salts = raw.get("salts")
            return cls(
                int(raw["pid"]),
                str(raw["host"])[:255],
                str(raw["since"])[:40],
                marks,
                str(salts)[:32] if salts is not None else None,
            )
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
            return None

    def holder(self) -> str:
        """'open in another window since 10:42' (with the process and host when known)."""
        when = ""
        with contextlib.suppress(ValueError):
            moment = dt.datetime.fromisoformat(self.since).astimezone()
            today = dt.datetime.now().astimezone().date()
            shown = "%H:%M" if moment.date() == today else "%Y-%m-%d %H:%M"
            when = f" since {moment.strftime(shown)}"
        where = f"process {self.pid}" if self.pid else "another program"
        if self.host and self.host != _host_name():
            where += f" on {self.host}"
        return f"open in another window{when} ({where})"


def read_lock_record(vault_path: Path) -> LockRecord | None:
    """The lock file's record, read without taking or changing anything."""
    try:
        with lock_path(vault_path).open("rb") as file:
            return LockRecord.from_bytes(file.read(4096))
    except OSError:
        return None


class VaultLock:
    """The held lock. `release()` (or process death) gives it up."""

    def __init__(self, vault_path: Path, descriptor: int, record: LockRecord, stale: bool) -> None:
        self.vault_path = vault_path
        self._descriptor: int | None = descriptor
        self.record = record
        # A vault dropped without close() must not keep its lock for the life of the process.
        self._finalizer = weakref.finalize(self, os.close, descriptor)
        self.found_stale = stale  # a killed process's details were there and are now cleared

    @classmethod
    def acquire(cls, vault_path: Path, action: str = "open it here") -> VaultLock:
        """Take the lock or raise VaultInUse naming who holds it."""
        path = lock_path(Path(vault_path))
        for _ in range(10):
            descriptor = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o600)
            try:
                os.fchmod(descriptor, 0o600)
                try:
                    fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    found = LockRecord.from_bytes(os.pread(descriptor, 4096, 0))
                    holder = found.holder() if found else "open in another window or program"
                    raise VaultInUse(Path(vault_path), holder, action) from None
                if not _still_at(path, descriptor):
                    os.close(descriptor)  # its holder removed it as we opened it: again
                    continue
                previous = LockRecord.from_bytes(os.pread(descriptor, 4096, 0))
            except BaseException:
                with contextlib.suppress(OSError):
                    os.close(descriptor)
                raise
            return cls._taken(Path(vault_path), descriptor, previous)
        raise VaultInUse(Path(vault_path), "being opened and closed by another program", action)

    @classmethod
    def _taken(cls, vault_path: Path, descriptor: int, previous: LockRecord | None) -> VaultLock:
        stale = previous is not None and previous.pid != 0
        record = LockRecord(
            pid=os.getpid(),
            host=_host_name(),
            since=dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
            marks=previous.marks if previous else [],
            salts=previous.salts if previous else None,
        )
        lock = cls(vault_path, descriptor, record, stale)
        lock.write()
        return lock

    @property
    def is_held(self) -> bool:
        return self._descriptor is not None

    def set_marks(self, marks: list[str], salts: str | None) -> None:
        """Record the custody mark(s) the vault file may carry and its log's salts (durably,
        before the file changes)."""
        self.record.marks, self.record.salts = list(marks), salts
        self.write()

    def write(self) -> None:
        if self._descriptor is None:
            raise RuntimeError("the vault lock is not held")
        data = self.record.to_bytes()
        os.ftruncate(self._descriptor, 0)
        os.pwrite(self._descriptor, data, 0)
        os.fsync(self._descriptor)

    def release(self) -> None:
        """Say nobody holds it (keeping the marks a crash log is checked against), then unlock."""
        if self._descriptor is None:
            return
        try:
            self.record.pid, self.record.since = 0, ""
            with contextlib.suppress(OSError):
                if not self.record.marks or not _has_log(self.vault_path):
                    # Nothing to keep: no log a mark must vouch for (a clean close, a wrong
                    # passphrase). Removed while still locked; a late opener sees the inode
                    # change and tries again (acquire).
                    lock_path(self.vault_path).unlink()
                else:
                    self.write()
        finally:
            self._finalizer.detach()
            os.close(self._descriptor)  # closing drops the flock
            self._descriptor = None


def _has_log(vault_path: Path) -> bool:
    try:
        return vault_path.with_name(vault_path.name + "-wal").stat().st_size > 0
    except FileNotFoundError:
        return False


def _still_at(path: Path, descriptor: int) -> bool:
    try:
        return os.stat(path).st_ino == os.fstat(descriptor).st_ino
    except FileNotFoundError:
        return False


@contextlib.contextmanager
def held_for_reading(vault_path: Path, action: str) -> Iterator[LockRecord | None]:
    """Keep writers out while the files are read, without writing anything: a shared lock on
    an existing lock file (none is made). Raises VaultInUse while a writer holds it."""
    try:
        descriptor = os.open(lock_path(Path(vault_path)), os.O_RDONLY | os.O_NOFOLLOW)
    except FileNotFoundError:
        yield None
        return
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            found = LockRecord.from_bytes(os.pread(descriptor, 4096, 0))
            holder = found.holder() if found else "open in another window or program"
            raise VaultInUse(Path(vault_path), holder, action) from None
        yield LockRecord.from_bytes(os.pread(descriptor, 4096, 0))
    finally:
        os.close(descriptor)


def _host_name() -> str:
    """This computer's name, as socket.gethostname() gives it on POSIX (this module needs
    fcntl anyway), without loading the socket module for it."""
    return os.uname().nodename
