"""Making folders private (0700) whatever the umask (see services/private_folders.py)."""

from __future__ import annotations

import os
from pathlib import Path


def make_private_folder(folder: Path) -> Path:
    """Create `folder` and any missing folder above it, each 0700; existing ones are left as
    they are (they are the user's), except `folder` itself when this call made it."""
    folder = Path(folder)
    missing = []
    current = folder
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for made in reversed(missing):
        try:
            os.mkdir(made, 0o700)
        except FileExistsError:
            continue
        os.chmod(made, 0o700)  # the umask may have taken bits away; never added any
    return folder
