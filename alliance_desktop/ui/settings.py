"""Where the app remembers small preferences (last vault, window layout, when to lock) between
runs, per computer.

Nothing clinical is ever stored here: it is a plain file outside the encrypted vault. The most
it says about a vault is its path and how many unlocks of it failed since it was last opened.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings

from alliance_desktop import APP_NAME
from alliance_desktop.services.private_folders import make_private_folder

ORGANISATION_NAME = "Alliance Desktop"
ORGANISATION_DOMAIN = "alliance-desktop.app"

LAST_VAULT_PATH = "unlock/last_vault_path"
MAIN_WINDOW_GEOMETRY = "main_window/geometry"
MAIN_WINDOW_STATE = "main_window/state"
IDLE_LOCK_MINUTES = "lock/idle_minutes"
LOCK_WITH_SCREEN = "lock/with_screen"
FAILED_UNLOCKS = "failed_unlocks"
THEME = "appearance/theme"  # system, light or dark
DESKTOP_DARK = "appearance/desktop_dark"
CONTINUITY_FOLDER = "continuity/folder"  # where the weekly continuity package goes
CONTINUITY_WEEKLY = "continuity/weekly"  # what the desktop's scheme was when last asked

IDLE_LOCK_MINUTES_RANGE = (1, 60)


def app_settings() -> QSettings:
    """An INI file in the user's config folder on every platform (tests redirect it to tmp).

    INI rather than the native format keeps the Windows registry out of it and lets tests
    point `QSettings.setPath(IniFormat, UserScope, ...)` somewhere harmless.
    """
    settings = QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION_NAME, APP_NAME
    )
    _keep_private(Path(settings.fileName()))
    return settings


def _keep_private(file: Path) -> None:
    """The file (vault paths, failed unlocks) is readable by this user only, whatever the
    umask: made 0600 before Qt first writes it (Qt keeps an existing file's mode on save), its
    folder 0700 when the app makes it."""
    try:
        if not file.parent.exists():
            make_private_folder(file.parent)
        if not file.exists():
            os.close(os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        if stat.S_IMODE(file.stat().st_mode) != 0o600:
            os.chmod(file, 0o600)
    except OSError:
        pass  # a read-only home: Qt will say what it can and cannot save


def remembered_vault_path() -> Path | None:
    value = app_settings().value(LAST_VAULT_PATH)
    return Path(str(value)) if value else None


def remember_vault_path(path: Path) -> None:
    settings = app_settings()
    settings.setValue(LAST_VAULT_PATH, str(path))
    settings.sync()


@dataclass(frozen=True)
class LockPreferences:
    """When the app locks itself on this computer (File › Lock always works)."""

    idle_minutes: int = 5
    with_screen: bool = True  # lock when the desktop session's screen locks


def lock_preferences() -> LockPreferences:
    settings = app_settings()
    default = LockPreferences()
    try:
        minutes = int(str(settings.value(IDLE_LOCK_MINUTES, default.idle_minutes)))
    except ValueError:
        minutes = default.idle_minutes
    low, high = IDLE_LOCK_MINUTES_RANGE
    with_screen = str(settings.value(LOCK_WITH_SCREEN, default.with_screen)).lower() != "false"
    return LockPreferences(min(max(minutes, low), high), with_screen)


def save_lock_preferences(preferences: LockPreferences) -> None:
    settings = app_settings()
    settings.setValue(IDLE_LOCK_MINUTES, preferences.idle_minutes)
    settings.setValue(LOCK_WITH_SCREEN, preferences.with_screen)
    settings.sync()


def _failed_unlocks_key(vault_path: Path) -> str:
    # A digest of the path, not the path: the count is all this entry says.
    import hashlib  # not needed to show the unlock window

    digest = hashlib.sha256(str(Path(vault_path).resolve()).encode("utf-8")).hexdigest()
    return f"{FAILED_UNLOCKS}/{digest[:16]}"


def failed_unlocks(vault_path: Path) -> int:
    """Wrong passphrases given for this vault since it was last unlocked."""
    try:
        return max(0, int(str(app_settings().value(_failed_unlocks_key(vault_path), 0))))
    except ValueError:
        return 0


def note_failed_unlock(vault_path: Path) -> int:
    """Count a wrong passphrase (the vault itself cannot be written to until it opens)."""
    count = failed_unlocks(vault_path) + 1
    settings = app_settings()
    settings.setValue(_failed_unlocks_key(vault_path), count)
    settings.sync()
    return count


def forget_failed_unlocks(vault_path: Path) -> None:
    """Once the count is in the vault's audit trail."""
    settings = app_settings()
    settings.remove(_failed_unlocks_key(vault_path))
    settings.sync()


def theme_choice() -> str:
    """'system', 'light' or 'dark' (anything else reads as 'system')."""
    value = str(app_settings().value(THEME, "system"))
    return value if value in ("system", "light", "dark") else "system"


def remembered_desktop_dark() -> bool | None:
    """Whether the desktop was dark when the app last asked (None: it never has)."""
    value = app_settings().value(DESKTOP_DARK)
    if value is None:
        return None
    return str(value).lower() in ("true", "1")


def remember_desktop_dark(dark: bool) -> None:
    settings = app_settings()
    settings.setValue(DESKTOP_DARK, dark)
    settings.sync()


def continuity_folder() -> str:
    return str(app_settings().value(CONTINUITY_FOLDER, "") or "")


def continuity_weekly() -> bool:
    return str(app_settings().value(CONTINUITY_WEEKLY, "false")).lower() == "true"


def remember_continuity_choice(folder: str, weekly: bool) -> None:
    settings = app_settings()
    settings.setValue(CONTINUITY_FOLDER, folder)
    settings.setValue(CONTINUITY_WEEKLY, "true" if weekly else "false")
    settings.sync()


def save_theme_choice(choice: str) -> None:
    settings = app_settings()
    settings.setValue(THEME, choice)
    settings.sync()
