"""Sessions as the therapist's own calendar app sees them: one event per session, each with an
identity of its own that stays the same in every export, a revision that tells a calendar which
copy is newer, and words true to that one session. No names beyond the chosen title, no notes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from alliance_desktop.domain.session import CalendarEntry

# The window a kept-up-to-date calendar file covers: recent weeks to look back on, a year ahead.
KEPT_MONTHS_BACK = 2
KEPT_MONTHS_AHEAD = 12


@dataclass(frozen=True)
class DiarySession:
    """A session with what a calendar needs to recognise it again in a later export."""

    entry: CalendarEntry
    uid: str  # a random UUID, the session's own for life
    revision: int  # grows with every change to the session (iCalendar SEQUENCE)
    last_modified: dt.datetime  # UTC


@dataclass(frozen=True)
class DiaryRemoval:
    """A session taken out of the calendar (the rest of a series that was ended): later exports
    still carry it, cancelled, so a calendar that imported it lets it go."""

    uid: str
    start: dt.datetime
    duration_minutes: int
    revision: int
    removed_at: dt.datetime  # UTC

    @property
    def end(self) -> dt.datetime:
        return self.start + dt.timedelta(minutes=self.duration_minutes)


def diary_description(entry: CalendarEntry) -> str:
    """'Video · Ending session · Cancelled by me': how, what kind, and what became of it."""
    return f"{entry.modality.label} · {entry.kind.label} session · {entry.status.label}"


REMOVED_DESCRIPTION = "Removed from the calendar"


def kept_window(today: dt.date) -> tuple[dt.date, dt.date]:
    """First and last day of the kept-up-to-date file: two months back, twelve ahead."""
    return _months_later(today, -KEPT_MONTHS_BACK), _months_later(today, KEPT_MONTHS_AHEAD)


def _months_later(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    first_of_next = dt.date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1)
    last_day = (first_of_next - dt.timedelta(days=1)).day
    return dt.date(year, month + 1, min(day.day, last_day))
