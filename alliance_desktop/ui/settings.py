"""Where the app remembers small preferences (last vault, window layout) between runs.

Nothing clinical is ever stored here: it is a plain file outside the encrypted vault.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from alliance_desktop import APP_NAME

ORGANISATION_NAME = "Alliance Desktop"
ORGANISATION_DOMAIN = "alliance-desktop.app"

LAST_VAULT_PATH = "unlock/last_vault_path"
MAIN_WINDOW_GEOMETRY = "main_window/geometry"
MAIN_WINDOW_STATE = "main_window/state"


def app_settings() -> QSettings:
    """An INI file in the user's config folder on every platform (tests redirect it to tmp).

    INI rather than the native format keeps the Windows registry out of it and lets tests
    point `QSettings.setPath(IniFormat, UserScope, ...)` somewhere harmless.
    """
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION_NAME, APP_NAME
    )


def remembered_vault_path() -> Path | None:
    value = app_settings().value(LAST_VAULT_PATH)
    return Path(str(value)) if value else None


def remember_vault_path(path: Path) -> None:
    settings = app_settings()
    settings.setValue(LAST_VAULT_PATH, str(path))
    settings.sync()
