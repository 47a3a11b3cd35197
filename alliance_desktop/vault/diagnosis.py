"""Telling apart why a vault would not open: wrong passphrase, damage, or not a vault at all."""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

import sqlcipher3

from alliance_desktop.domain.vault_errors import (
    DamagedVault,
    NotAVault,
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
        connection = connect(path, read_only=True)
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
