"""A calendar file kept up to date for the therapist's calendar app to subscribe to: the
sessions of a window around today (two months back, twelve ahead), rewritten atomically after
changes, named only by the chosen label or initials. Calendar sync done offline."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from alliance_desktop.domain.calendar_privacy import DEFAULT_LABEL, CalendarNaming
from alliance_desktop.domain.diary_events import kept_window
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.services.calendar import SessionCalendar
from alliance_desktop.services.private_files import write_private_file


@dataclass(frozen=True)
class DiaryFileChoice:
    path: Path
    naming: CalendarNaming = CalendarNaming.INITIALS
    label: str = DEFAULT_LABEL


@dataclass(frozen=True)
class DiaryFileUpdate:
    path: Path
    first_day: dt.date
    last_day: dt.date
    booked: int
    written: bool  # False when the file already held exactly this


class DiaryFileKeeper:
    """Rewrites the file when the vault or the date changed since the last look. Call it on
    the database worker only (it reads the vault and keeps what it last wrote)."""

    def __init__(
        self, calendar: SessionCalendar, today: Callable[[], dt.date], vault_path: Path
    ) -> None:
        self._calendar = calendar
        self._today = today
        self._vault_path = Path(vault_path)
        self._seen: tuple[int, dt.date, DiaryFileChoice] | None = None
        self._digest = b""

    def refresh(self, choice: DiaryFileChoice, *, force: bool = False) -> DiaryFileUpdate | None:
        """Bring the file up to date; None when nothing changed since the last look."""
        seen = (self._calendar.change_mark(), self._today(), choice)
        if not force and seen == self._seen and choice.path.is_file():
            return None
        refuse_unsafe_target(choice.path, self._vault_path)
        first, last = kept_window(seen[1])
        export = self._calendar.icalendar(first, last, choice.naming, choice.label)
        digest = hashlib.sha256(export.data).digest()
        same = digest == self._digest and self._seen is not None and self._seen[2] == choice
        written = not (same and choice.path.is_file())
        if written:
            write_private_file(choice.path, export.data)
        self._seen, self._digest = seen, digest
        return DiaryFileUpdate(choice.path, first, last, export.booked, written)


def refuse_unsafe_target(path: Path, vault_path: Path) -> None:
    """Never write over the vault, its journal or a copy of it, or anything but a file."""
    target = Path(path).expanduser()
    if target.suffix.lower() != ".ics":
        raise InvalidInput.single("path", "The calendar file's name must end in .ics.")
    vault = Path(vault_path).resolve()
    resolved = target.resolve()
    if resolved.parent == vault.parent and resolved.name.startswith(vault.name):
        raise InvalidInput.single("path", "That is the vault or a copy of it; choose another file.")
    if target.exists() and not target.is_file():
        raise InvalidInput.single("path", f"{target} is not a regular file.")
    if not target.parent.is_dir():
        raise InvalidInput.single("path", f"The folder {target.parent} does not exist.")
