"""iCalendar (RFC 5545) files of the therapist's own sessions, written so calendar apps keep
them right across exports: one event per session under a UID of its own (never one whose meaning
depends on the dates exported), SEQUENCE and LAST-MODIFIED so a newer copy replaces an older
one, cancelled sessions as STATUS:CANCELLED, and times in the computer's time zone with the
VTIMEZONE that describes it (or in UTC when the zone has no name to give). No clinical content.

One event per session rather than a series with RRULE: a series clipped to an export range
changes meaning from one export to the next (calendars then drop sessions), and every session
that differs from its series would need an override anyway.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import icalendar

from alliance_desktop import __version__

# A VTIMEZONE only needs to describe the years the events fall in; a margin either side.
_ZONE_MARGIN = dt.timedelta(days=366)


@dataclass(frozen=True)
class SingleEvent:
    uid: str
    title: str
    start: dt.datetime  # local wall-clock time, as the diary keeps it
    duration_minutes: int
    description: str = ""
    cancelled: bool = False
    sequence: int = 0
    last_modified: dt.datetime | None = None  # UTC


def build_icalendar(
    events: Sequence[SingleEvent], stamp: dt.datetime, zone: ZoneInfo | None = None
) -> bytes:
    """The file's bytes. With a zone, times carry its TZID and the file its VTIMEZONE; without
    one, each local time is turned into UTC by the computer's own rules."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//Alliance Desktop//{__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    stamp_utc = _as_utc(stamp)
    for event in events:
        calendar.add_component(_event(event, stamp_utc, zone))
    if zone is not None and events and zone.key != "UTC":
        first = min(event.start for event in events).date() - _ZONE_MARGIN
        last = max(event.start for event in events).date() + _ZONE_MARGIN
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return bytes(calendar.to_ical())


def _event(event: SingleEvent, stamp: dt.datetime, zone: ZoneInfo | None) -> icalendar.Event:
    start = _placed(event.start, zone)
    end = _placed(event.start + dt.timedelta(minutes=event.duration_minutes), zone)
    component = icalendar.Event()
    component.add("uid", event.uid)
    component.add("dtstamp", stamp)
    component.add("dtstart", start)
    component.add("dtend", end)
    component.add("summary", event.title)
    if event.description:
        component.add("description", event.description)
    component.add("sequence", event.sequence)
    if event.last_modified is not None:
        component.add("last-modified", _as_utc(event.last_modified))
    component.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    component.add("class", "PRIVATE")
    # A cancelled session frees the time, so it does not show the therapist as busy.
    component.add("transp", "TRANSPARENT" if event.cancelled else "OPAQUE")
    return component


def _placed(local: dt.datetime, zone: ZoneInfo | None) -> dt.datetime:
    if zone is not None:
        return local.replace(tzinfo=zone)
    return local.astimezone(dt.UTC)  # a naive time is read as this computer's local time


def _as_utc(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC)  # naive: this computer's local time
