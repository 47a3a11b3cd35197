from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from alliance_desktop.domain.alliance_check_in import (
    AllianceCheckIn,
    AllianceRatings,
    Instrument,
    InstrumentScore,
)
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.recurrence import Frequency, RecurrenceRule
from alliance_desktop.domain.session import Modality, SessionOverlap, SessionStatus
from alliance_desktop.services import Practice
from tests.factories import PASSPHRASE, fixed_clock, make_client, make_session

# The fixed clock says Saturday 14 March 2026, 09:30.
PAST_MONDAY = dt.datetime(2026, 3, 2, 10, 0)
NEXT_MONDAY = dt.datetime(2026, 3, 16, 10, 0)


@pytest.fixture
def client_id(practice: Practice) -> int:
    return practice.add_client(make_client()).id or 0


def test_a_booked_session_round_trips_with_notes_and_check_in(
    practice: Practice, client_id: int, vault_path: Path
) -> None:
    check_in = AllianceCheckIn(
        client=AllianceRatings(8, 7, 9, 8),
        clinician=AllianceRatings(7, 7, 8, 7),
        instruments=(
            InstrumentScore(Instrument.SRS, 35.5),
            InstrumentScore(Instrument.WAI_SR, 48, (("goal", 16), ("task", 15), ("bond", 17))),
        ),
    )
    booked = practice.calendar.book(
        make_session(
            client_id,
            NEXT_MONDAY,
            agenda="Sister's visit",
            progress_note="Explored guilt.",
            private_note="I felt pulled to rescue.",
            focus="Exploring patterns",
            goal_ids=(3, 1),
            modality=Modality.VIDEO,
            check_in=check_in,
        )
    )
    practice.close()
    reopened = Practice.open(vault_path, PASSPHRASE, clock=fixed_clock)
    loaded = reopened.calendar.session(booked.id or 0)
    assert loaded == replace(booked, goal_ids=(1, 3))
    reopened.close()


def test_an_overlap_is_flagged_and_allowed_after_confirmation(
    practice: Practice, client_id: int
) -> None:
    practice.calendar.book(make_session(client_id, NEXT_MONDAY))
    clash = make_session(client_id, NEXT_MONDAY + dt.timedelta(minutes=20))
    with pytest.raises(SessionOverlap) as raised:
        practice.calendar.book(clash)
    assert "overlaps" in str(raised.value)
    assert len(practice.calendar.entries_between(NEXT_MONDAY, NEXT_MONDAY + dt.timedelta(1))) == 1
    practice.calendar.book(clash, allow_overlap=True)
    assert len(practice.calendar.entries_between(NEXT_MONDAY, NEXT_MONDAY + dt.timedelta(1))) == 2


def test_bad_input_saves_nothing(practice: Practice, client_id: int) -> None:
    with pytest.raises(InvalidInput):
        practice.calendar.book(make_session(client_id, NEXT_MONDAY, duration_minutes=0))
    with pytest.raises(InvalidInput):
        practice.calendar.book(
            make_session(
                client_id,
                NEXT_MONDAY,
                check_in=AllianceCheckIn(client=AllianceRatings(11, 5, 5, 5)),
            )
        )
    assert practice.calendar.client_history(client_id).entries == []


def test_a_weekly_series_books_every_occurrence(practice: Practice, client_id: int) -> None:
    series, sessions = practice.calendar.plan_series(
        make_session(client_id, NEXT_MONDAY), RecurrenceRule(Frequency.WEEKLY, NEXT_MONDAY, count=4)
    )
    assert series.id is not None
    assert [s.start.date().isoformat() for s in sessions] == [
        "2026-03-16",
        "2026-03-23",
        "2026-03-30",
        "2026-04-06",
    ]
    assert {s.series_id for s in sessions} == {series.id}


def test_change_this_and_following_never_rewrites_the_past(
    practice: Practice, client_id: int
) -> None:
    _, sessions = practice.calendar.plan_series(
        make_session(client_id, PAST_MONDAY),
        RecurrenceRule(Frequency.WEEKLY, PAST_MONDAY, count=5),
    )
    past, _, first_future, *_ = sessions  # 2 and 9 March are past; the 16th is next
    moved = replace(
        first_future, start=first_future.start + dt.timedelta(hours=2), modality=Modality.PHONE
    )
    practice.calendar.change_following(moved)

    after = practice.calendar.client_history(client_id).entries
    times = [(e.start.date().isoformat(), e.start.hour, e.modality) for e in after]
    assert times == [
        ("2026-03-02", 10, Modality.IN_PERSON),
        ("2026-03-09", 10, Modality.IN_PERSON),
        ("2026-03-16", 12, Modality.PHONE),
        ("2026-03-23", 12, Modality.PHONE),
        ("2026-03-30", 12, Modality.PHONE),
    ]
    assert past.start == after[0].start


def test_change_one_occurrence_leaves_the_rest(practice: Practice, client_id: int) -> None:
    _, sessions = practice.calendar.plan_series(
        make_session(client_id, NEXT_MONDAY), RecurrenceRule(Frequency.WEEKLY, NEXT_MONDAY, count=3)
    )
    practice.calendar.save(replace(sessions[1], start=sessions[1].start + dt.timedelta(days=1)))
    days = [e.start.day for e in practice.calendar.client_history(client_id).entries]
    assert days == [16, 24, 30]


def test_cancel_this_and_following_keeps_what_was_written(
    practice: Practice, client_id: int
) -> None:
    _, sessions = practice.calendar.plan_series(
        make_session(client_id, NEXT_MONDAY), RecurrenceRule(Frequency.WEEKLY, NEXT_MONDAY, count=4)
    )
    practice.calendar.save(replace(sessions[3], agenda="Wants to talk about ending"))
    practice.calendar.cancel_following(sessions[1].id or 0, SessionStatus.CLINICIAN_CANCELLED)
    entries = practice.calendar.client_history(client_id).entries
    assert [(e.start.day, e.status) for e in entries] == [
        (16, SessionStatus.SCHEDULED),
        (23, SessionStatus.CLINICIAN_CANCELLED),
        (6, SessionStatus.CLINICIAN_CANCELLED),  # kept: it holds the client's agenda
    ]


def test_drag_to_reschedule_can_be_undone(practice: Practice, client_id: int) -> None:
    booked = practice.calendar.book(make_session(client_id, NEXT_MONDAY))
    move = practice.calendar.move(booked.id or 0, NEXT_MONDAY + dt.timedelta(days=1, hours=3))
    assert practice.calendar.session(booked.id or 0).start == dt.datetime(2026, 3, 17, 13, 0)
    practice.calendar.undo_move(move)
    assert practice.calendar.session(booked.id or 0).start == NEXT_MONDAY


def test_history_counts_attendance_and_finds_the_next_session(
    practice: Practice, client_id: int
) -> None:
    statuses = [
        SessionStatus.ATTENDED,
        SessionStatus.ATTENDED,
        SessionStatus.NO_SHOW,
        SessionStatus.LATE_CANCELLED,
        SessionStatus.CANCELLED,
    ]
    for week, status in enumerate(statuses):
        practice.calendar.book(
            make_session(
                client_id, dt.datetime(2026, 1, 5, 10) + dt.timedelta(weeks=week), status=status
            )
        )
    upcoming = practice.calendar.book(make_session(client_id, NEXT_MONDAY))
    history = practice.calendar.client_history(client_id)
    assert history.attendance.attended == 2
    assert history.attendance.no_show == 1
    assert history.attendance.late_cancelled == 1
    assert history.attendance.cancelled == 1
    assert history.next_session is not None
    assert history.next_session.session_id == upcoming.id


def test_day_plan_lists_today_and_sessions_to_close(practice: Practice, client_id: int) -> None:
    today_morning = dt.datetime(2026, 3, 14, 8, 0)  # ended at 08:50, before the 09:30 clock
    today_later = dt.datetime(2026, 3, 14, 15, 0)
    last_week = dt.datetime(2026, 3, 9, 10, 0)
    for start in (today_later, today_morning, last_week):
        practice.calendar.book(make_session(client_id, start))
    practice.calendar.book(
        make_session(client_id, dt.datetime(2026, 3, 10, 10), status=SessionStatus.ATTENDED)
    )
    plan = practice.calendar.day_plan()
    assert [e.start for e in plan.sessions] == [today_morning, today_later]
    assert [e.start for e in plan.to_close] == [last_week, today_morning]


def test_cancelling_a_series_never_deletes_a_planned_session_holding_a_check_in(
    practice: Practice, client_id: int
) -> None:
    _, sessions = practice.calendar.plan_series(
        make_session(client_id, NEXT_MONDAY), RecurrenceRule(Frequency.WEEKLY, NEXT_MONDAY, count=4)
    )
    practice.calendar.save(
        replace(sessions[2], check_in=AllianceCheckIn(clinician=AllianceRatings(8, 8, 8, 8)))
    )
    practice.calendar.cancel_following(sessions[1].id or 0, SessionStatus.CANCELLED)
    entries = practice.calendar.client_history(client_id).entries
    assert [(e.start.day, e.status) for e in entries] == [
        (16, SessionStatus.SCHEDULED),
        (23, SessionStatus.CANCELLED),
        (30, SessionStatus.CLINICIAN_CANCELLED),  # kept: its check-in was written
    ]
    kept = practice.calendar.session(sessions[2].id or 0)
    assert kept.check_in.clinician == AllianceRatings(8, 8, 8, 8)
