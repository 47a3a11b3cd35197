"""Where an export may be written. Every writer of an exported file (report, calendar, backup,
handover folder) asks here first, so no `--out` or Save dialog can replace the vault, its log,
its lock, a backup of it, or something that is not a plain file (a pipe, a device, a folder).

A vault and its backups are recognised by what they hold, not by their names, so a backup
renamed to `notes.pdf` is still refused: SQLCipher files are whole 4 KiB pages of random-looking
bytes; SQLite logs and indexes start with their own magic numbers.
"""

from __future__ import annotations

import math
import os
import stat
import struct
from collections import Counter
from pathlib import Path

from alliance_desktop.domain.custody_errors import UnsafeExportTarget

_PAGE = 4096
_WAL_MAGICS = (0x377F0682, 0x377F0683)
_WAL_INDEX_VERSION = 3007000
# Files that live beside a vault and belong to it (`practice.vault-wal`, `practice.vault.lock`),
# refused by name even while empty. Kept copies and backups are refused by what they hold.
_COMPANION_SUFFIXES = ("-wal", "-shm", "-journal", ".lock", ".anchor")


def check_export_file(path: Path) -> Path:
    """Return `path` if an export may be written there, else raise UnsafeExportTarget."""
    path = Path(path)
    name = path.name
    for suffix in _COMPANION_SUFFIXES:
        if name.endswith(suffix) and path.with_name(name.removesuffix(suffix)).exists():
            raise UnsafeExportTarget(
                path, f"it belongs to the vault {path.with_name(name.removesuffix(suffix))}"
            )
    try:
        status = os.stat(path)  # follows a link: what matters is what would be replaced
    except FileNotFoundError:
        if path.is_symlink():
            raise UnsafeExportTarget(path, "it is a link to a file that does not exist") from None
        return path
    if stat.S_ISDIR(status.st_mode):
        raise UnsafeExportTarget(path, "it is a folder; give a file name to save to")
    if not stat.S_ISREG(status.st_mode):
        raise UnsafeExportTarget(path, f"it is {_kind_of(status.st_mode)}, not a regular file")
    what = _vault_like(path, status.st_size)
    if what is not None:
        raise UnsafeExportTarget(path, what)
    return path


def check_export_folder(folder: Path) -> Path:
    """Return `folder` if an export folder may be made or filled there."""
    folder = Path(folder)
    try:
        status = os.stat(folder)
    except FileNotFoundError:
        return folder
    if not stat.S_ISDIR(status.st_mode):
        if stat.S_ISREG(status.st_mode):
            what = _vault_like(folder, status.st_size)
            raise UnsafeExportTarget(folder, what or "it is a file, not a folder")
        raise UnsafeExportTarget(folder, f"it is {_kind_of(status.st_mode)}, not a folder")
    return folder


def _kind_of(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _vault_like(path: Path, size: int) -> str | None:
    """Why the existing file looks like a vault, a copy of one, or its log; else None."""
    if size == 0:
        return None
    try:
        with path.open("rb") as file:
            head = file.read(_PAGE)
    except OSError as error:
        raise UnsafeExportTarget(path, f"it cannot be read ({error.strerror})") from None
    if len(head) >= 4 and struct.unpack(">I", head[:4])[0] in _WAL_MAGICS:
        return "it is a vault's write-ahead log"
    if len(head) >= 4 and _WAL_INDEX_VERSION in struct.unpack("<I", head[:4]) + struct.unpack(
        ">I", head[:4]
    ):
        return "it is a vault's log index"
    if head.startswith(b"SQLite format 3\x00"):
        return "it is a database"
    if size % _PAGE == 0 and _bits_per_byte(head) > 7.5:
        return "it looks like an encrypted vault or a backup of one"
    return None


def _bits_per_byte(data: bytes) -> float:
    counts = Counter(data)
    return -sum(n / len(data) * math.log2(n / len(data)) for n in counts.values())
