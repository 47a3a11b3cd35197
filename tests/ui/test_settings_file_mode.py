"""Issue 12, case 11: the preferences file is 0600 (it names vault paths), even under umask 0."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from alliance_desktop.ui.settings import app_settings, remember_vault_path


def test_the_settings_file_is_private_under_umask_0(tmp_path: Path) -> None:
    previous = os.umask(0)
    try:
        remember_vault_path(tmp_path / "practice.vault")
        file = Path(app_settings().fileName())
    finally:
        os.umask(previous)
    assert file.exists()
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert "practice.vault" in file.read_text()
