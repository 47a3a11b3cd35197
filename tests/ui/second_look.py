"""A second, fresh unlock of what is really on disk, while the window still holds the vault.

One writer at a time (issue 12): the window's lock refuses a second open of the same file, so
the test copies the vault, its log, index and lock record (as a crash would leave them) into a
folder of its own and opens the copy."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alliance_desktop.services import Practice


@contextmanager
def second_look(vault_path: Path, passphrase: str) -> Iterator[Practice]:
    with tempfile.TemporaryDirectory(prefix="second-look-") as folder:
        copy = Path(folder) / vault_path.name
        for suffix in ("", "-wal", "-shm", ".lock"):
            source = vault_path.with_name(vault_path.name + suffix)
            if source.exists():
                shutil.copyfile(source, copy.with_name(copy.name + suffix))
        practice = Practice.open(copy, passphrase)
        try:
            yield practice
        finally:
            practice.close()
