"""Where an export is first proposed: the Documents folder when this computer has one, else
the home folder. Never a folder that does not exist (proposing ~/Documents and then refusing it
as missing is what a careless default does)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths


def documents_folder() -> Path:
    location = QStandardPaths.StandardLocation.DocumentsLocation
    documents = QStandardPaths.writableLocation(location)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()
