"""The hand-written iCalendar writer: whatever a title holds, two independent parsers read back
the same text, every line is at most 75 octets, and times are zoned or UTC."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import icalendar
from hypothesis import given, settings
from hypothesis import strategies as st

from alliance_desktop.exchange.icalendar_export import SingleEvent, build_icalendar
from tests.services.diary_reading import occurrences

STAMP = dt.datetime(2026, 3, 14, 9, 30, tzinfo=dt.UTC)
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _expected(text: str) -> str:
    """What survives: line breaks (as \\n), tabs and every printable character."""
    return CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


@settings(max_examples=60, deadline=None)
@given(
    title=st.text(min_size=1, max_size=200).filter(lambda t: _expected(t).strip()),
    description=st.text(max_size=300),
    cancelled=st.booleans(),
    sequence=st.integers(min_value=0, max_value=10_000),
)
def test_any_text_reads_back_the_same_in_two_parsers(
    title: str, description: str, cancelled: bool, sequence: int
) -> None:
    event = SingleEvent(
        uid="0b0e5f4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b",
        title=title,
        start=dt.datetime(2026, 6, 1, 9, 0),
        duration_minutes=50,
        description=description,
        cancelled=cancelled,
        sequence=sequence,
        last_modified=STAMP,
    )
    data = build_icalendar([event], STAMP, ZoneInfo("Europe/London"))

    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    [read] = occurrences(data)
    assert read.summary == _expected(title)
    assert read.description == _expected(description)
    assert (read.status == "CANCELLED") is cancelled
    assert read.sequence == sequence
    assert read.start == dt.datetime(2026, 6, 1, 8, 0, tzinfo=dt.UTC)  # 09:00 BST
    [other] = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert str(other["summary"]) == _expected(title)


def test_without_a_named_zone_times_are_utc() -> None:
    event = SingleEvent("u@x", "Session", dt.datetime(2026, 6, 1, 9, 0), 50)
    data = build_icalendar([event], STAMP, None)  # the tests' local time is UTC
    assert b"DTSTART:20260601T090000Z" in data and b"VTIMEZONE" not in data
    data = build_icalendar([event], STAMP, ZoneInfo("UTC"))
    assert b"DTSTART:20260601T090000Z" in data and b"VTIMEZONE" not in data
