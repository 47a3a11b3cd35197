"""iCalendar (RFC 5545) files of the therapist's own sessions, written so calendar apps keep
them right across exports: one event per session under a UID of its own (never one whose meaning
depends on the dates exported), SEQUENCE and LAST-MODIFIED so a newer copy replaces an older
one, cancelled sessions as STATUS:CANCELLED, and times in the computer's time zone with the
VTIMEZONE that describes it (or in UTC when the zone has no name to give). No clinical content.

One event per session rather than a series with RRULE: a series clipped to an export range
changes meaning from one export to the next (calendars then drop sessions), and every session
that differs from its series would need an override anyway.

The events are written here line by line (icalendar took about a millisecond per event, too slow
for a file rewritten after every change); icalendar still describes the time zone.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import icalendar

from alliance_desktop import __version__

# A VTIMEZONE only needs to describe the years the events fall in; a margin either side.
_ZONE_MARGIN = dt.timedelta(days=366)
_LINE_OCTETS = 75  # RFC 5545 3.1: longer lines are folded
# Control characters are not allowed in TEXT values (a tab is); line breaks are escaped.
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
_TEXT_ESCAPES = str.maketrans({"\\": "\\\\", ";": "\\;", ",": "\\,"})


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
    one (or in UTC), times are written in UTC, a naive local time turned into UTC by the
    computer's own rules. DTSTAMP is when the session last changed, where known, so the same
    sessions give the same file."""
    in_utc = zone is not None and zone.key in ("UTC", "Etc/UTC")
    named_zone = None if in_utc else zone
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        _content_line("PRODID", f"-//Alliance Desktop//{__version__}//EN"),
        "CALSCALE:GREGORIAN",
    ]
    if named_zone is not None and events:
        lines.extend(_timezone_lines(named_zone, events))
    stamp_utc = _utc_text(stamp)
    for event in events:
        lines.extend(_event_lines(event, stamp_utc, named_zone, in_utc))
    lines.append("END:VCALENDAR")
    return "".join(f"{_folded(line)}\r\n" for line in lines).encode("utf-8")


def _event_lines(event: SingleEvent, stamp: str, zone: ZoneInfo | None, in_utc: bool) -> list[str]:
    end = event.start + dt.timedelta(minutes=event.duration_minutes)
    changed = _utc_text(event.last_modified) if event.last_modified is not None else None
    lines = [
        "BEGIN:VEVENT",
        _content_line("UID", _text(event.uid)),
        f"DTSTAMP:{changed or stamp}",
        _time_line("DTSTART", event.start, zone, in_utc),
        _time_line("DTEND", end, zone, in_utc),
        _content_line("SUMMARY", _text(event.title)),
    ]
    if event.description:
        lines.append(_content_line("DESCRIPTION", _text(event.description)))
    lines.append(f"SEQUENCE:{max(0, event.sequence)}")
    if changed is not None:
        lines.append(f"LAST-MODIFIED:{changed}")
    lines.append("STATUS:CANCELLED" if event.cancelled else "STATUS:CONFIRMED")
    lines.append("CLASS:PRIVATE")
    # A cancelled session frees the time, so it does not show the therapist as busy.
    lines.append("TRANSP:TRANSPARENT" if event.cancelled else "TRANSP:OPAQUE")
    lines.append("END:VEVENT")
    return lines


def _time_line(name: str, local: dt.datetime, zone: ZoneInfo | None, in_utc: bool) -> str:
    if zone is not None:
        return f"{name};TZID={_parameter(zone.key)}:{local:%Y%m%dT%H%M%S}"
    if in_utc:  # local time is UTC: nothing to convert
        return f"{name}:{local:%Y%m%dT%H%M%S}Z"
    return f"{name}:{_utc_text(local)}"


def _timezone_lines(zone: ZoneInfo, events: Sequence[SingleEvent]) -> list[str]:
    first = min(event.start for event in events).date() - _ZONE_MARGIN
    last = max(event.start for event in events).date() + _ZONE_MARGIN
    described = icalendar.Timezone.from_tzinfo(
        zone, tzid=zone.key, first_date=first, last_date=last
    )
    text = described.to_ical().decode("utf-8").replace("\r\n ", "")  # unfolded; folded again
    return [line for line in text.split("\r\n") if line]


def _utc_text(moment: dt.datetime) -> str:
    if moment.tzinfo is not dt.UTC:
        moment = moment.astimezone(dt.UTC)  # naive: this computer's local time
    return f"{moment:%Y%m%dT%H%M%S}Z"


@functools.lru_cache(maxsize=4096)  # titles and descriptions repeat across sessions
def _text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): line breaks and separators escaped, other control
    characters dropped."""
    lines = value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\\n".join(_CONTROL.sub("", line).translate(_TEXT_ESCAPES) for line in lines)


def _parameter(value: str) -> str:
    return f'"{value}"' if any(ch in value for ch in ":;,") else value


def _content_line(name: str, value: str) -> str:
    return f"{name}:{value}"


def _folded(line: str) -> str:
    """Lines longer than 75 octets go on as continuation lines (a space, then the rest), never
    splitting a UTF-8 character."""
    if len(line) <= _LINE_OCTETS and line.isascii():  # most lines: no need to count octets
        return line
    data = line.encode("utf-8")
    if len(data) <= _LINE_OCTETS:
        return line
    parts: list[str] = []
    start, limit = 0, _LINE_OCTETS
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:  # inside a character
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start, limit = end, _LINE_OCTETS - 1  # the leading space takes one octet
    return "\r\n ".join(parts)
