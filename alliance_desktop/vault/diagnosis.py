"""Telling apart why a vault would not open: wrong passphrase, damage, not a vault at all, or
a stale write-ahead log beside it."""

from __future__ import annotations

import math
import os
import struct
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3

from alliance_desktop.domain.passphrase import normalise_passphrase
from alliance_desktop.domain.vault_errors import (
    DamagedVault,
    NotAVault,
    StaleWriteAheadLog,
    VaultError,
    WrongPassphrase,
)
from alliance_desktop.vault.sqlcipher_settings import apply_key, connect

PAGE_SIZE = 4096
_KNOWN_FORMATS = {
    b"SQLite format 3\x00": "an unencrypted SQLite database",
    b"\x89PNG": "a PNG image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive",
    b"\xff\xd8\xff": "a JPEG image",
}


def check_file_shape(path: Path) -> None:
    """Raise NotAVault or DamagedVault for files that cannot be a vault, before any key is tried."""
    size = path.stat().st_size
    if size == 0:
        raise NotAVault(path, "the file is empty")
    with path.open("rb") as file:
        head = file.read(PAGE_SIZE)
    for magic, what in _KNOWN_FORMATS.items():
        if head.startswith(magic):
            raise NotAVault(path, f"it is {what}")
    if _bits_per_byte(head) < 7.0:
        # Encrypted pages look random; text and most documents do not.
        raise NotAVault(path, "its contents are not encrypted data")
    if size % PAGE_SIZE:
        raise DamagedVault(
            path, f"the file is truncated ({size} bytes is not a whole number of pages)"
        )


def diagnose_unreadable(path: Path, passphrase: str) -> VaultError:
    """Explain a 'file is not a database' from a keyed open, without writing anything."""
    try:
        check_file_shape(path)
    except VaultError as error:
        return error
    failed_pages = _pages_failing_authentication(path, passphrase)
    total_pages = path.stat().st_size // PAGE_SIZE
    if failed_pages is None or len(failed_pages) >= total_pages:
        # Every page fails its HMAC: the key is wrong (a damaged salt looks the same).
        return WrongPassphrase(path)
    named = ", ".join(str(page) for page in failed_pages[:10])
    return DamagedVault(path, f"page(s) {named} failed their integrity check", tuple(failed_pages))


def damaged_pages(connection: sqlcipher3.Connection) -> list[int]:
    """Pages of an open vault whose HMAC does not verify (an empty list when all is well)."""
    rows = connection.execute("PRAGMA cipher_integrity_check").fetchall()
    return [_page_number(row[0]) for row in rows if _page_number(row[0]) > 0]


def _pages_failing_authentication(path: Path, passphrase: str) -> list[int] | None:
    try:
        connection = connect(path, immutable=True)  # the file alone; nothing written
    except sqlcipher3.Error:
        return None
    try:
        apply_key(connection, passphrase)
        return damaged_pages(connection)
    except sqlcipher3.Error:
        return None
    finally:
        connection.close()


def _page_number(message: str) -> int:
    # SQLCipher reports "HMAC verification failed for page 4".
    last_word = message.rsplit(" ", 1)[-1]
    return int(last_word) if last_word.isdigit() else 0


def _bits_per_byte(data: bytes) -> float:
    if not data:
        return 0.0
    counts = Counter(data)
    return -sum(n / len(data) * math.log2(n / len(data)) for n in counts.values())


# A stale write-ahead log. SQLite merges whatever valid -wal lies beside a database when it opens
# it, and keeps no record of which file a log was written for. So before SQLite is let near the
# log, the files are read (never written) to catch a log that cannot be this vault's own: one
# encrypted with another key, one without the -shm index SQLite always keeps beside a log it is
# writing, or one whose index says part of it is already in the vault when none of it is there.
# A log left by a crash, or in use by another program, passes all three; a log whose every page
# is already in the vault is harmless (merging it changes nothing) and is let through.

_WAL_MAGIC_LITTLE_ENDIAN = 0x377F0682  # checksums over little-endian words
_WAL_MAGIC_BIG_ENDIAN = 0x377F0683
_WAL_VERSION = 3007000
_WAL_HEADER_SIZE = 32
_FRAME_HEADER_SIZE = 24
# The -shm file starts with two copies of the 48-byte wal-index header, in native byte order,
# then the checkpoint information whose first word counts the frames already in the database.
_INDEX_HEADER = struct.Struct("=IIIBBHIIII8sII")
_INDEX_HEADER_SIZE = 48
_INDEX_BACKFILLED_AT = 2 * _INDEX_HEADER_SIZE
_INDEX_READ_SIZE = _INDEX_BACKFILLED_AT + 4
# SQLCipher 4 defaults, the ones `apply_key` leaves in force; if they ever differ, the vault's
# own first page stops verifying below and the key check says "cannot tell", never "stale".
_KDF_ITERATIONS = 256_000
_HMAC_KDF_ITERATIONS = 2
_HMAC_SALT_MASK = 0x3A
_KEY_SIZE = 32
_SALT_SIZE = 16
_HMAC_SIZE = 64


@dataclass(frozen=True)
class _Log:
    """The committed frames of a -wal file: what SQLite would merge into the database."""

    page_size: int
    salts: bytes
    frames: tuple[tuple[int, bytes], ...]  # (page number, page as stored), oldest first
    final_page_count: int  # the database's size in pages after the last commit


@dataclass(frozen=True)
class _Index:
    """What the -shm file says about the log."""

    salts: bytes
    backfilled: int  # frames already copied into the database by a checkpoint


def sidecar(path: Path, suffix: str) -> Path:
    """`practice.vault-wal` for ("practice.vault", "-wal")."""
    return path.with_name(path.name + suffix)


def check_write_ahead_log(path: Path, passphrase: str) -> None:
    """Raise StaleWriteAheadLog if a -wal beside the vault cannot be the vault's own."""
    reason = stale_log_reason(path, passphrase)
    if reason is not None:
        raise StaleWriteAheadLog(path, sidecar(path, "-wal"), reason)


def unmerged_log(path: Path) -> _Log | None:
    """The committed frames of the -wal beside `path` that would change the file when merged;
    None when there is no such log (none, empty, invalid, or wholly in the file already)."""
    log = _read_log(sidecar(path, "-wal"))
    if log is None:
        return None
    size, pages = _vault_pages(path, {page for page, _ in log.frames})
    if size == log.final_page_count * PAGE_SIZE and all(
        pages.get(page) == data
        for page, data in dict(log.frames).items()
        if page <= log.final_page_count
    ):
        return None
    return log


def stale_log_reason(path: Path, passphrase: str) -> str | None:
    """Why the -wal beside `path` cannot belong to it, or None (no log, or nothing wrong seen).

    Reads the vault, its -wal and its -shm; writes nothing and never opens them with SQLite.
    """
    wal, shm = sidecar(path, "-wal"), sidecar(path, "-shm")
    before = _log_state(wal, shm)
    log = _read_log(wal)
    if log is None:
        return None  # no log, or one SQLite would ignore: nothing would be merged
    reason: str | None
    if log.page_size != PAGE_SIZE:
        reason = f"it was written for another database (with {log.page_size}-byte pages)"
    else:
        reason = _reason(path, shm, log, passphrase)
    if reason is not None and _log_state(wal, shm) != before:
        return None  # the log changed while it was read: a program has the vault open now
    return reason


def _reason(path: Path, shm: Path, log: _Log, passphrase: str) -> str | None:
    size, pages = _vault_pages(path, {page for page, _ in log.frames})
    latest = dict(log.frames)
    if size == log.final_page_count * PAGE_SIZE and all(
        pages.get(page) == data for page, data in latest.items() if page <= log.final_page_count
    ):
        return None  # every page is already in the vault: merging it changes nothing
    if _authenticates(pages.get(1), log, passphrase) is False:
        return (
            "its pages are encrypted with another key (it was written for another vault, or "
            "under another passphrase)"
        )
    if not shm.exists():
        return (
            "the -shm index SQLite keeps beside a log it is writing is missing, so the log was "
            "put here rather than left by this vault's last session"
        )
    index = _read_index(shm)
    in_vault = any(pages.get(page) == data for page, data in log.frames)
    if index is not None and index.salts == log.salts and index.backfilled and not in_vault:
        return (
            "its -shm index says part of it was already copied into the vault, yet none of it "
            "is there, so the vault file was replaced after the log was written"
        )
    return None


def _read_log(wal: Path) -> _Log | None:
    """The frames SQLite's recovery would accept: right salts, unbroken checksums, committed."""
    try:
        data = wal.read_bytes()
    except (FileNotFoundError, IsADirectoryError):
        return None
    if len(data) < _WAL_HEADER_SIZE:
        return None
    magic, version, page_size = struct.unpack(">III", data[:12])
    big_endian = magic == _WAL_MAGIC_BIG_ENDIAN
    if magic not in (_WAL_MAGIC_LITTLE_ENDIAN, _WAL_MAGIC_BIG_ENDIAN) or version != _WAL_VERSION:
        return None
    if not 512 <= page_size <= 65536 or page_size & (page_size - 1):
        return None
    checksum = _wal_checksum(data[:24], big_endian, (0, 0))
    if checksum != struct.unpack(">II", data[24:32]):
        return None
    salts = data[16:24]
    frames: list[tuple[int, bytes]] = []
    committed: tuple[tuple[int, bytes], ...] = ()
    final_page_count = 0
    offset = _WAL_HEADER_SIZE
    while offset + _FRAME_HEADER_SIZE + page_size <= len(data):
        header = data[offset : offset + _FRAME_HEADER_SIZE]
        page = data[offset + _FRAME_HEADER_SIZE : offset + _FRAME_HEADER_SIZE + page_size]
        number, size_after_commit = struct.unpack(">II", header[:8])
        if number == 0 or header[8:16] != salts:
            break
        checksum = _wal_checksum(page, big_endian, _wal_checksum(header[:8], big_endian, checksum))
        if checksum != struct.unpack(">II", header[16:24]):
            break
        frames.append((number, page))
        if size_after_commit:
            committed, final_page_count = tuple(frames), size_after_commit
        offset += _FRAME_HEADER_SIZE + page_size
    if not committed:
        return None
    return _Log(page_size, salts, committed, final_page_count)


def _wal_checksum(data: bytes, big_endian: bool, start: tuple[int, int]) -> tuple[int, int]:
    """SQLite's WAL checksum (a Fletcher-like sum over pairs of 32-bit words)."""
    words = struct.unpack(f"{'>' if big_endian else '<'}{len(data) // 4}I", data)
    first, second = start
    for index in range(0, len(words), 2):
        first = (first + words[index] + second) & 0xFFFFFFFF
        second = (second + words[index + 1] + first) & 0xFFFFFFFF
    return first, second


def _read_index(shm: Path) -> _Index | None:
    """The -shm file's wal-index header, or None if it is not a complete, consistent one."""
    try:
        with shm.open("rb") as file:
            data = file.read(_INDEX_READ_SIZE)
    except OSError:
        return None
    if len(data) < _INDEX_READ_SIZE:
        return None
    header = data[:_INDEX_HEADER_SIZE]
    if header != data[_INDEX_HEADER_SIZE:_INDEX_BACKFILLED_AT]:
        return None  # caught halfway through an update
    version, _, _, initialised, _, _, _, _, _, _, salts, *stored = _INDEX_HEADER.unpack(header)
    native = ">" if sys.byteorder == "big" else "<"
    expected = _wal_checksum(header[:40], native == ">", (0, 0))
    if version != _WAL_VERSION or initialised != 1 or tuple(stored) != expected:
        return None
    (backfilled,) = struct.unpack("=I", data[_INDEX_BACKFILLED_AT:_INDEX_READ_SIZE])
    return _Index(salts, backfilled)


def _vault_pages(path: Path, numbers: set[int]) -> tuple[int, dict[int, bytes]]:
    """The vault file's size and its pages with these numbers (those it has)."""
    pages: dict[int, bytes] = {}
    with path.open("rb") as file:
        size = os.fstat(file.fileno()).st_size
        for number in sorted(numbers | {1}):
            if number * PAGE_SIZE <= size:
                file.seek((number - 1) * PAGE_SIZE)
                pages[number] = file.read(PAGE_SIZE)
    return size, pages


def _authenticates(first_page: bytes | None, log: _Log, passphrase: str) -> bool | None:
    """Whether every frame of the log carries a valid SQLCipher HMAC under the vault's key;
    None when that cannot be told (wrong passphrase, or the vault's own first page fails)."""
    if first_page is None:
        return None
    import hashlib  # only a log beside the vault needs it: opening one without loads less

    salt = first_page[:_SALT_SIZE]
    key = hashlib.pbkdf2_hmac(
        "sha512", normalise_passphrase(passphrase).encode("utf-8"), salt, _KDF_ITERATIONS, _KEY_SIZE
    )
    hmac_salt = bytes(byte ^ _HMAC_SALT_MASK for byte in salt)
    hmac_key = hashlib.pbkdf2_hmac("sha512", key, hmac_salt, _HMAC_KDF_ITERATIONS, _KEY_SIZE)
    if not _page_authenticates(first_page, 1, hmac_key):
        return None
    return all(_page_authenticates(page, number, hmac_key) for number, page in log.frames)


def _page_authenticates(page: bytes, number: int, hmac_key: bytes) -> bool:
    # SQLCipher signs the encrypted page and its IV (all but the trailing HMAC; page 1 without
    # its 16-byte salt) followed by the page number as a little-endian 32-bit word.
    start = _SALT_SIZE if number == 1 else 0
    signed = page[start : len(page) - _HMAC_SIZE] + struct.pack("<I", number)
    import hashlib
    import hmac

    expected = hmac.new(hmac_key, signed, hashlib.sha512).digest()
    return hmac.compare_digest(expected, page[len(page) - _HMAC_SIZE :])


def _log_state(wal: Path, shm: Path) -> tuple[object, ...]:
    """Enough of the log and its index to notice a program writing them while they are read."""
    state: list[object] = []
    for file, length in ((wal, _WAL_HEADER_SIZE), (shm, _INDEX_READ_SIZE)):
        try:
            with file.open("rb") as opened:
                state += [os.fstat(opened.fileno()).st_size, opened.read(length)]
        except OSError:
            state += [None, None]
    return tuple(state)
