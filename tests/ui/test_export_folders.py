"""Exports propose a folder that exists: Documents when there is one, else home."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths

from alliance_desktop.ui.export_folders import documents_folder


def test_a_missing_documents_folder_is_never_proposed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        QStandardPaths, "writableLocation", lambda _location: str(tmp_path / "Documents")
    )
    monkeypatch.setenv("HOME", str(tmp_path))
    assert documents_folder() == Path.home()
    (tmp_path / "Documents").mkdir()
    assert documents_folder() == tmp_path / "Documents"
