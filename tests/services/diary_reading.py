"""Reading .ics files back the way another calendar app would: with vobject and dateutil's
rrule (not icalendar, which writes them), times resolved through the file's own VTIMEZONE."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import vobject


@dataclass(frozen=True)
class Occurrence:
    uid: str
    recurrence_id: dt.datetime | None
    start: dt.datetime  # aware
    end: dt.datetime  # aware
    summary: str
    description: str
    status: str
    sequence: int
    last_modified: dt.datetime | None


def occurrences(data: bytes | str | Path) -> list[Occurrence]:
    """Every occurrence the file describes, series expanded, in time order."""
    if isinstance(data, Path):
        data = data.read_bytes()
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    calendar = vobject.readOne(text)
    found: list[Occurrence] = []
    for event in getattr(calendar, "vevent_list", []):
        start = _aware(event.dtstart.value)
        length = _aware(event.dtend.value) - start
        starts = (
            [_aware(moment) for moment in event.getrruleset(addRDate=True)]
            if event.rruleset is not None
            else [start]
        )
        for moment in starts:
            found.append(
                Occurrence(
                    uid=event.uid.value,
                    recurrence_id=(
                        _aware(event.recurrence_id.value)
                        if hasattr(event, "recurrence_id")
                        else (moment if event.rruleset is not None else None)
                    ),
                    start=moment,
                    end=moment + length,
                    summary=event.summary.value,
                    description=event.description.value if hasattr(event, "description") else "",
                    status=event.status.value if hasattr(event, "status") else "CONFIRMED",
                    sequence=int(event.sequence.value) if hasattr(event, "sequence") else 0,
                    last_modified=(
                        _aware(event.last_modified.value)
                        if hasattr(event, "last_modified")
                        else None
                    ),
                )
            )
    return sorted(found, key=lambda o: (o.start, o.uid))


def _aware(moment: dt.datetime) -> dt.datetime:
    assert isinstance(moment, dt.datetime), f"a date-only time in the file: {moment!r}"
    assert moment.tzinfo is not None, f"a floating time in the file: {moment!r}"
    return moment


def merged(*files: bytes) -> dict[tuple[str, dt.datetime | None], Occurrence]:
    """What a calendar holds after importing the files in turn: one copy per UID (and
    RECURRENCE-ID), the highest SEQUENCE winning, the later file on a tie."""
    held: dict[tuple[str, dt.datetime | None], Occurrence] = {}
    for data in files:
        for occurrence in occurrences(data):
            key = (occurrence.uid, occurrence.recurrence_id)
            if key not in held or occurrence.sequence >= held[key].sequence:
                held[key] = occurrence
    return held
