"""Writing files the user exports: private to them, and never left half-written."""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable
from pathlib import Path

from alliance_desktop.services.export_targets import check_export_file


def write_private_file(
    path: Path, data: bytes, before_replace: Callable[[], None] | None = None
) -> Path:
    """Write beside the target, fsync, then rename: a crash leaves the old file or the new one.

    `before_replace` runs once the data is safely on disk but before it takes the target's name
    (the export is recorded in the audit trail there): if it fails, the new file is removed and
    whatever was at `path` before is still there, so no export exists outside the audit trail.
    """
    path = check_export_file(Path(path))  # never the vault, its log or copies, a pipe or device
    if not path.parent.is_dir():
        raise FileNotFoundError(f"The folder {path.parent} does not exist.")
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.partial")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        if before_replace is not None:
            before_replace()
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        raise
    _sync_folder(path.parent)
    return path


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); not possible on Windows, where it is skipped."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
