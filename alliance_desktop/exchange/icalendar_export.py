"""iCalendar (RFC 5545) export of the therapist's own sessions: RRULE for series, EXDATE for
removed dates, floating local times (the diary's own clock), and no clinical content."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import icalendar

from alliance_desktop import __version__

_FREQUENCY = {"weekly": ("WEEKLY", 1), "fortnightly": ("WEEKLY", 2), "monthly": ("MONTHLY", 1)}
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class SingleEvent:
    uid: str
    title: str
    start: dt.datetime
    duration_minutes: int
    description: str = ""


@dataclass(frozen=True)
class SeriesEvent:
    uid: str
    title: str
    first_start: dt.datetime
    duration_minutes: int
    frequency: str  # "weekly" | "fortnightly" | "monthly"
    weekday_position: int  # for monthly: 1-4, or -1 for the last
    last_start: dt.datetime
    removed: tuple[dt.datetime, ...] = field(default_factory=tuple)
    description: str = ""


def build_icalendar(
    singles: list[SingleEvent], series: list[SeriesEvent], stamp: dt.datetime
) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//Alliance Desktop//{__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    for single in singles:
        calendar.add_component(
            _event(
                single.uid,
                single.title,
                single.start,
                single.duration_minutes,
                single.description,
                stamp,
            )
        )
    for recurring in series:
        event = _event(
            recurring.uid,
            recurring.title,
            recurring.first_start,
            recurring.duration_minutes,
            recurring.description,
            stamp,
        )
        event.add("rrule", _rrule(recurring))
        if recurring.removed:
            event.add("exdate", list(recurring.removed))
        calendar.add_component(event)
    return bytes(calendar.to_ical())


def _event(
    uid: str, title: str, start: dt.datetime, minutes: int, description: str, stamp: dt.datetime
) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("dtend", start + dt.timedelta(minutes=minutes))
    event.add("summary", title)
    if description:
        event.add("description", description)
    event.add("class", "PRIVATE")
    event.add("transp", "OPAQUE")
    return event


def _rrule(series: SeriesEvent) -> dict[str, object]:
    frequency, interval = _FREQUENCY[series.frequency]
    rule: dict[str, object] = {"FREQ": frequency, "UNTIL": series.last_start}
    if interval != 1:
        rule["INTERVAL"] = interval
    if series.frequency == "monthly":
        rule["BYDAY"] = f"{series.weekday_position}{_WEEKDAYS[series.first_start.weekday()]}"
    return rule
