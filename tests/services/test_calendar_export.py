from __future__ import annotations

import datetime as dt
import stat
from dataclasses import replace
from pathlib import Path

import icalendar
import pytest
from dateutil.rrule import rrulestr

from alliance_desktop.domain.calendar_privacy import CalendarNaming, calendar_title, initials
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.recurrence import Frequency, RecurrenceRule
from alliance_desktop.domain.session import Modality, SessionStatus
from alliance_desktop.services import Practice
from tests.factories import make_client, make_session

MONDAY = dt.datetime(2026, 3, 16, 10, 0)


def _booked_starts(calendar: icalendar.Calendar) -> list[dt.datetime]:
    """Every session start the file describes, as a calendar app would expand it."""
    starts: list[dt.datetime] = []
    for event in calendar.walk("VEVENT"):
        first = event.decoded("dtstart")
        if "rrule" not in event:
            starts.append(first)
            continue
        rule = rrulestr(event["rrule"].to_ical().decode(), dtstart=first)
        removed = {moment.dt for exdate in _as_list(event.get("exdate")) for moment in exdate.dts}
        starts.extend(moment for moment in rule if moment not in removed)
    return sorted(starts)


def _as_list(value: object) -> list[icalendar.prop.vDDDLists]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]  # type: ignore[list-item]


@pytest.fixture
def client_id(practice: Practice) -> int:
    return practice.add_client(make_client(name="Margaret Okonkwo-Lee")).id or 0


def test_series_becomes_one_rrule_with_exdates_and_no_names(
    practice: Practice, client_id: int, tmp_path: Path
) -> None:
    _, sessions = practice.calendar.plan_series(
        make_session(client_id, MONDAY, modality=Modality.VIDEO, agenda="private agenda"),
        RecurrenceRule(Frequency.WEEKLY, MONDAY, count=6),
    )
    practice.calendar.save(replace(sessions[1], status=SessionStatus.CANCELLED))
    practice.calendar.move(sessions[3].id or 0, sessions[3].start + dt.timedelta(days=2))
    practice.calendar.book(make_session(client_id, dt.datetime(2026, 3, 20, 14, 0)))

    out = tmp_path / "diary.ics"
    count = practice.calendar.export_icalendar(out, dt.date(2026, 3, 1), dt.date(2026, 4, 30))
    data = out.read_bytes()
    calendar = icalendar.Calendar.from_ical(data)

    assert count == 6  # five series sessions still booked plus one single
    recurring = [e for e in calendar.walk("VEVENT") if "rrule" in e]
    assert len(recurring) == 1
    assert recurring[0]["rrule"]["FREQ"] == ["WEEKLY"]
    assert _booked_starts(calendar) == sorted(
        [
            dt.datetime(2026, 3, 16, 10),
            dt.datetime(2026, 3, 30, 10),
            dt.datetime(2026, 4, 8, 10),  # moved from Monday the 6th to Wednesday
            dt.datetime(2026, 4, 13, 10),
            dt.datetime(2026, 4, 20, 10),
            dt.datetime(2026, 3, 20, 14),
        ]
    )
    assert b"Margaret" not in data and b"Okonkwo" not in data and b"private agenda" not in data
    assert {str(e["summary"]) for e in calendar.walk("VEVENT")} == {"Session · M.O."}
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_fortnightly_and_monthly_rules(practice: Practice, client_id: int, tmp_path: Path) -> None:
    practice.calendar.plan_series(
        make_session(client_id, MONDAY), RecurrenceRule(Frequency.FORTNIGHTLY, MONDAY, count=3)
    )
    second_tuesday = dt.datetime(2026, 3, 10, 17, 0)
    practice.calendar.plan_series(
        make_session(client_id, second_tuesday),
        RecurrenceRule(Frequency.MONTHLY, second_tuesday, count=3),
    )
    out = tmp_path / "diary.ics"
    practice.calendar.export_icalendar(out, dt.date(2026, 3, 1), dt.date(2026, 6, 30))
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    assert _booked_starts(calendar) == sorted(
        [
            MONDAY,
            dt.datetime(2026, 3, 30, 10),
            dt.datetime(2026, 4, 13, 10),
            second_tuesday,
            dt.datetime(2026, 4, 14, 17),
            dt.datetime(2026, 5, 12, 17),
        ]
    )


def test_a_chosen_label_replaces_initials(
    practice: Practice, client_id: int, tmp_path: Path
) -> None:
    practice.calendar.book(make_session(client_id, MONDAY))
    out = tmp_path / "diary.ics"
    practice.calendar.export_icalendar(
        out, MONDAY.date(), MONDAY.date(), CalendarNaming.LABEL, "Clinic"
    )
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == ["Clinic"]


def test_an_inverted_range_is_refused(practice: Practice, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="end date"):
        practice.calendar.export_icalendar(
            tmp_path / "x.ics", dt.date(2026, 5, 1), dt.date(2026, 4, 1)
        )
    assert not (tmp_path / "x.ics").exists()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Margaret Okonkwo-Lee", "M.O."),
        ("Zoë van der Berg", "Z.V.D.B."),
        ("Дмитрий Волков", "Д.В."),
    ],
)
def test_initials(name: str, expected: str) -> None:
    assert initials(name) == expected
    assert calendar_title(name, CalendarNaming.INITIALS) == f"Session · {expected}"
