"""The .ics export, read back with an independent parser (vobject + dateutil): one event per
session under a UID of its own, SEQUENCE and LAST-MODIFIED, cancelled sessions cancelled, zoned
times, and no names or notes."""

from __future__ import annotations

import datetime as dt
import json
import re
import stat
from dataclasses import replace
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from alliance_desktop.domain.calendar_privacy import CalendarNaming, calendar_title, initials
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.recurrence import Frequency, RecurrenceRule
from alliance_desktop.domain.session import Modality, SessionKind, SessionStatus
from alliance_desktop.exchange.handover_crypto import open_sealed
from alliance_desktop.exchange.handover_manifest import read_manifest
from alliance_desktop.services import Practice
from tests.exchange.samples import DETAILS, EVERYTHING, populate
from tests.factories import PASSPHRASE, fixed_clock, make_client, make_session
from tests.services.diary_reading import merged, occurrences

MONDAY = dt.datetime(2026, 3, 16, 10, 0)
LONDON = ZoneInfo("Europe/London")
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")


@pytest.fixture
def client_id(practice: Practice) -> int:
    return practice.add_client(make_client(name="Margaret Okonkwo-Lee")).id or 0


def _export(practice: Practice, first: dt.date, last: dt.date, **options: object) -> bytes:
    return practice.calendar.icalendar(first, last, **options).data  # type: ignore[arg-type]


def test_every_session_is_its_own_event_true_to_that_session(
    practice: Practice, client_id: int, tmp_path: Path
) -> None:
    _, sessions = practice.calendar.plan_series(
        make_session(client_id, MONDAY, agenda="private agenda", progress_note="secret note"),
        RecurrenceRule(Frequency.WEEKLY, MONDAY, count=6),
    )
    practice.calendar.save(replace(sessions[1], status=SessionStatus.CANCELLED))
    practice.calendar.save(replace(sessions[2], modality=Modality.VIDEO))
    practice.calendar.move(sessions[3].id or 0, sessions[3].start + dt.timedelta(days=2))
    practice.calendar.save(replace(sessions[5], kind=SessionKind.ENDING, duration_minutes=90))
    practice.calendar.book(make_session(client_id, dt.datetime(2026, 3, 20, 14, 0)))

    out = tmp_path / "diary.ics"
    count = practice.calendar.export_icalendar(out, dt.date(2026, 3, 1), dt.date(2026, 4, 30))
    data = out.read_bytes()
    found = occurrences(data)

    assert count == 6  # five series sessions still booked plus one single
    assert b"RRULE" not in data and b"EXDATE" not in data
    assert len(found) == 7 and len({o.uid for o in found}) == 7
    assert all(UUID.fullmatch(o.uid) for o in found)
    described = {(o.start.replace(tzinfo=None), o.end - o.start): o for o in found}
    fifty, ninety = dt.timedelta(minutes=50), dt.timedelta(minutes=90)
    cancelled = described[(dt.datetime(2026, 3, 23, 10), fifty)]
    assert (cancelled.status, cancelled.description) == (
        "CANCELLED",
        "In person · Regular session · Cancelled",
    )
    video = described[(dt.datetime(2026, 3, 30, 10), fifty)]
    assert video.description == "Video · Regular session · Scheduled"
    assert video.status == "CONFIRMED"
    assert dt.datetime(2026, 4, 8, 10) in {start for start, _ in described}  # moved
    ending = described[(dt.datetime(2026, 4, 20, 10), ninety)]
    assert ending.description == "In person · Ending session · Scheduled"
    assert b"Margaret" not in data and b"Okonkwo" not in data
    assert b"private agenda" not in data and b"secret note" not in data
    assert {o.summary for o in found} == {"Session · M.O."}
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_times_carry_the_zone_and_its_vtimezone(practice: Practice, client_id: int) -> None:
    practice.calendar.book(make_session(client_id, MONDAY))
    data = _export(practice, MONDAY.date(), MONDAY.date(), zone=LONDON)

    assert b"DTSTART;TZID=Europe/London:20260316T100000" in data
    assert b"BEGIN:VTIMEZONE" in data and b"TZID:Europe/London" in data
    [only] = occurrences(data)
    assert only.start == dt.datetime(2026, 3, 16, 10, tzinfo=dt.UTC)  # GMT in March


def test_a_weekly_series_keeps_its_hour_across_the_clocks_changing(
    practice: Practice, client_id: int
) -> None:
    """London moves to summer time on 29 March 2026 and back on 25 October."""
    practice.calendar.plan_series(
        make_session(client_id, MONDAY), RecurrenceRule(Frequency.WEEKLY, MONDAY, count=34)
    )
    found = occurrences(_export(practice, dt.date(2026, 3, 1), dt.date(2026, 12, 31), zone=LONDON))

    assert len(found) == 34
    assert {o.start.astimezone(LONDON).time() for o in found} == {dt.time(10)}
    in_utc = [o.start.astimezone(dt.UTC) for o in found]
    assert in_utc[0].hour == 10 and in_utc[2].hour == 9  # 16 March GMT, 30 March BST
    assert in_utc[-1] == dt.datetime(2026, 11, 2, 10, tzinfo=dt.UTC)  # GMT again


def test_the_same_session_keeps_its_uid_and_a_change_raises_its_sequence(
    practice: Practice, client_id: int
) -> None:
    _, sessions = practice.calendar.plan_series(
        make_session(client_id, MONDAY), RecurrenceRule(Frequency.WEEKLY, MONDAY, count=10)
    )
    whole = occurrences(_export(practice, dt.date(2026, 3, 1), dt.date(2026, 6, 30)))
    march = occurrences(_export(practice, dt.date(2026, 3, 1), dt.date(2026, 3, 31)))
    later = occurrences(_export(practice, dt.date(2026, 4, 1), dt.date(2026, 6, 30)))
    assert [o.uid for o in march + later] == [o.uid for o in whole]

    practice.calendar.save(replace(sessions[4], modality=Modality.PHONE))
    changed = occurrences(_export(practice, dt.date(2026, 3, 1), dt.date(2026, 6, 30)))
    assert [o.uid for o in changed] == [o.uid for o in whole]
    assert changed[4].sequence > whole[4].sequence
    assert changed[4].last_modified is not None
    assert [o.sequence for o in changed[:4]] == [o.sequence for o in whole[:4]]


def test_ending_a_series_cancels_every_copy_a_calendar_already_holds(
    practice: Practice, client_id: int
) -> None:
    _, sessions = practice.calendar.plan_series(
        make_session(client_id, MONDAY), RecurrenceRule(Frequency.WEEKLY, MONDAY, count=8)
    )
    span = (dt.date(2026, 3, 1), dt.date(2026, 5, 31))
    before = _export(practice, *span)
    practice.calendar.cancel_following(sessions[3].id or 0, SessionStatus.CANCELLED)
    after = _export(practice, *span)

    held = merged(before, after)
    assert len(held) == 8  # nothing duplicated: every UID once
    statuses = [o.status for o in sorted(held.values(), key=lambda o: o.start)]
    assert statuses == ["CONFIRMED"] * 3 + ["CANCELLED"] * 5
    removed = [o for o in occurrences(after) if o.description == "Removed from the calendar"]
    assert len(removed) == 4 and {o.summary for o in removed} == {"Session"}


def test_two_vaults_share_no_uid(tmp_path: Path) -> None:
    uids = []
    for name in ("one", "two"):
        practice = Practice.create(tmp_path / f"{name}.vault", PASSPHRASE, clock=fixed_clock)
        client = practice.add_client(make_client()).id or 0
        practice.calendar.plan_series(
            make_session(client, MONDAY), RecurrenceRule(Frequency.WEEKLY, MONDAY, count=20)
        )
        uids.append(
            {o.uid for o in occurrences(_export(practice, MONDAY.date(), dt.date(2026, 12, 31)))}
        )
        practice.close()
    assert len(uids[0]) == len(uids[1]) == 20
    assert not uids[0] & uids[1]


def test_a_chosen_label_replaces_initials(practice: Practice, client_id: int) -> None:
    practice.calendar.book(make_session(client_id, MONDAY))
    data = _export(
        practice, MONDAY.date(), MONDAY.date(), naming=CalendarNaming.LABEL, label="Clinic"
    )
    assert [o.summary for o in occurrences(data)] == ["Clinic"]


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


def test_the_handovers_sessions_ics_has_the_same_times_as_its_fhir_record(
    practice: Practice, tmp_path: Path
) -> None:
    """Both files of one handover place the sessions at the same moments, with a zone."""
    client = populate(practice)
    result = practice.handover.export(client, tmp_path / "handover", DETAILS, EVERYTHING)
    manifest = read_manifest(result.folder)
    bundle = json.loads(
        open_sealed(
            (result.folder / "record.fhir.json.enc").read_bytes(),
            manifest.kdf.derive(result.password),
        )
    )
    # Sessions that took place are Encounters; booked ones (these) are Appointments.
    encounters = {
        entry["resource"]["id"]: dt.datetime.fromisoformat(
            entry["resource"]["period"]["start"]
            if entry["resource"]["resourceType"] == "Encounter"
            else entry["resource"]["start"]
        )
        for entry in bundle["entry"]
        if entry["resource"]["resourceType"] in ("Encounter", "Appointment")
    }

    found = occurrences(result.folder / "sessions.ics")

    assert len(found) == result.future_sessions == 2
    for occurrence in found:
        encounter_id = occurrence.uid.split("@", 1)[0]
        assert encounters[encounter_id] == occurrence.start
