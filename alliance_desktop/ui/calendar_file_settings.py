"""Which calendar file this computer keeps up to date for a vault (Edit › Preferences…).

Kept per computer and per vault, like the other preferences: the file belongs to a calendar app
on this computer, and a demo vault opened here must never overwrite the practice's own file.
Only the path, on/off and the title style are stored; the key is a digest of the vault's path.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from alliance_desktop.domain.calendar_privacy import DEFAULT_LABEL, CalendarNaming
from alliance_desktop.services.diary_file import DiaryFileChoice
from alliance_desktop.ui.settings import app_settings

_GROUP = "calendar_file"


@dataclass(frozen=True)
class CalendarFilePreference:
    enabled: bool = False  # off until the therapist chooses a file
    path: Path | None = None
    naming: CalendarNaming = CalendarNaming.INITIALS
    label: str = DEFAULT_LABEL

    def choice(self) -> DiaryFileChoice | None:
        """What to keep up to date, or None when switched off."""
        if not self.enabled or self.path is None:
            return None
        return DiaryFileChoice(self.path, self.naming, self.label or DEFAULT_LABEL)


def _key(vault_path: Path) -> str:
    digest = hashlib.sha256(str(Path(vault_path).resolve()).encode("utf-8")).hexdigest()
    return f"{_GROUP}/{digest[:16]}"


def calendar_file_preference(vault_path: Path) -> CalendarFilePreference:
    settings = app_settings()
    key = _key(vault_path)
    path = str(settings.value(f"{key}/path", "") or "")
    naming_text = str(settings.value(f"{key}/naming", CalendarNaming.INITIALS.value))
    naming = (
        CalendarNaming(naming_text)
        if naming_text in {n.value for n in CalendarNaming}
        else CalendarNaming.INITIALS
    )
    return CalendarFilePreference(
        enabled=str(settings.value(f"{key}/enabled", "false")).lower() == "true",
        path=Path(path) if path else None,
        naming=naming,
        label=str(settings.value(f"{key}/label", DEFAULT_LABEL) or DEFAULT_LABEL),
    )


def save_calendar_file_preference(vault_path: Path, preference: CalendarFilePreference) -> None:
    settings = app_settings()
    key = _key(vault_path)
    settings.setValue(f"{key}/enabled", "true" if preference.enabled else "false")
    settings.setValue(f"{key}/path", str(preference.path) if preference.path else "")
    settings.setValue(f"{key}/naming", preference.naming.value)
    settings.setValue(f"{key}/label", preference.label)
    settings.sync()
