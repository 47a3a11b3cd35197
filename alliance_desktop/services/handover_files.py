"""The handover folder on disk: made private (0700), refused when it already holds something,
filled file by file through `write_private_file` (0600, temp file, fsync, rename) with the
manifest last, and emptied again if anything fails before the handover is recorded."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from alliance_desktop.domain.handover_errors import HandoverFolderNotEmpty
from alliance_desktop.exchange.handover_manifest import MANIFEST_NAME, PackedFile
from alliance_desktop.services.export_targets import check_export_folder
from alliance_desktop.services.private_files import write_private_file


@dataclass
class WrittenFolder:
    folder: Path
    created: bool
    paths: list[Path] = field(default_factory=list)

    def remove(self) -> None:
        """Take back what this export wrote (used when the handover could not be recorded)."""
        for path in self.paths:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        if self.created:
            with contextlib.suppress(OSError):
                self.folder.rmdir()


def prepare_folder(folder: Path) -> WrittenFolder:
    """An empty folder only this user can open; a folder that holds anything is refused."""
    check_export_folder(folder)
    if folder.exists():
        if not folder.is_dir() or any(folder.iterdir()):
            raise HandoverFolderNotEmpty(folder)
        created = False
    else:
        if not folder.parent.is_dir():
            raise FileNotFoundError(f"The folder {folder.parent} does not exist.")
        folder.mkdir(mode=0o700)
        created = True
    os.chmod(folder, 0o700)  # mkdir's mode is cut by the umask; an existing folder keeps its own
    return WrittenFolder(folder, created)


def write_files(target: WrittenFolder, files: Sequence[PackedFile], manifest: bytes) -> None:
    """Each file in turn, the manifest last: a folder without a manifest is an unfinished
    export, never mistaken for a complete one."""
    try:
        for packed in files:
            target.paths.append(target.folder / packed.name)
            write_private_file(target.folder / packed.name, packed.data)
        target.paths.append(target.folder / MANIFEST_NAME)
        write_private_file(target.folder / MANIFEST_NAME, manifest)
    except BaseException:
        target.remove()
        raise
