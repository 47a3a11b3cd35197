"""Turning the calendar's sessions into an iCalendar file for the therapist's own diary: every
session in the range (booked or cancelled) and every session removed from it, each as its own
event with its own lasting UID, so consecutive or overlapping exports fit together."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from alliance_desktop.domain.calendar_privacy import DEFAULT_LABEL, CalendarNaming, calendar_title
from alliance_desktop.domain.diary_events import (
    REMOVED_DESCRIPTION,
    DiaryRemoval,
    DiarySession,
    diary_description,
)
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.exchange.icalendar_export import SingleEvent, build_icalendar
from alliance_desktop.vault.diary_repository import DiaryRepository

MAX_EXPORT_DAYS = 3 * 366


@dataclass(frozen=True)
class DiaryExport:
    data: bytes
    booked: int  # sessions that take up time (scheduled, attended, no-show)
    cancelled: int  # cancelled sessions, in the file as STATUS:CANCELLED


def check_export_range(first_day: dt.date, last_day: dt.date) -> None:
    if last_day < first_day:
        raise InvalidInput.single("to", "The end date must not be before the start date.")
    if (last_day - first_day).days > MAX_EXPORT_DAYS:
        raise InvalidInput.single("to", "Export at most three years at a time.")


def icalendar_for_range(
    diary: DiaryRepository,
    first_day: dt.date,
    last_day: dt.date,
    naming: CalendarNaming,
    label: str,
    stamp: dt.datetime,
    zone: ZoneInfo | None,
) -> DiaryExport:
    """The .ics for sessions from first_day to last_day inclusive."""
    check_export_range(first_day, last_day)
    start = dt.datetime.combine(first_day, dt.time())
    end = dt.datetime.combine(last_day + dt.timedelta(days=1), dt.time())
    sessions = diary.sessions_between(start, end)
    removals = diary.removals_between(start, end)
    titles: dict[str, str] = {}  # one title per client, not one per session
    events = [_session_event(s, titles, naming, label) for s in sessions]
    events.extend(_removal_event(r, label) for r in removals)
    booked = sum(1 for s in sessions if s.entry.status.takes_up_time)
    return DiaryExport(build_icalendar(events, stamp, zone), booked, len(sessions) - booked)


def _session_event(
    session: DiarySession, titles: dict[str, str], naming: CalendarNaming, label: str
) -> SingleEvent:
    entry = session.entry
    title = titles.get(entry.client_name)
    if title is None:
        title = titles[entry.client_name] = calendar_title(entry.client_name, naming, label)
    return SingleEvent(
        uid=session.uid,
        title=title,
        start=entry.start,
        duration_minutes=entry.duration_minutes,
        description=diary_description(entry),
        cancelled=not entry.status.takes_up_time,
        sequence=session.revision,
        last_modified=session.last_modified,
    )


def _removal_event(removal: DiaryRemoval, label: str) -> SingleEvent:
    # The client is no longer known here; the label alone is enough to cancel the old copy.
    return SingleEvent(
        uid=removal.uid,
        title=label.strip() or DEFAULT_LABEL,
        start=removal.start,
        duration_minutes=removal.duration_minutes,
        description=REMOVED_DESCRIPTION,
        cancelled=True,
        sequence=removal.revision,
        last_modified=removal.removed_at,
    )
