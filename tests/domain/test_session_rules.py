from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alliance_desktop.domain.alliance_check_in import (
    AllianceCheckIn,
    AllianceDimension,
    AllianceRatings,
    Instrument,
    InstrumentScore,
    check_alliance_check_in,
)
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.session import (
    CalendarEntry,
    Modality,
    Session,
    SessionKind,
    SessionStatus,
    check_session,
    overlapping,
    session_between,
)

NINE = dt.datetime(2026, 3, 16, 9, 0)


def _session(**changes: object) -> Session:
    values: dict[str, object] = {"client_id": 1, "start": NINE, "duration_minutes": 50}
    values.update(changes)
    return Session(**values)  # type: ignore[arg-type]


def test_end_before_start_is_refused_at_the_end_field() -> None:
    with pytest.raises(InvalidInput) as raised:
        session_between(_session(), NINE, NINE - dt.timedelta(minutes=5))
    assert raised.value.problems == {"end": "The session must end after it starts."}


def test_moving_a_session_keeps_everything_else() -> None:
    moved = session_between(_session(agenda="sleep"), NINE, NINE + dt.timedelta(minutes=90))
    assert moved.duration_minutes == 90 and moved.agenda == "sleep"


@pytest.mark.parametrize("minutes", [0, -50])
def test_zero_or_negative_duration_is_refused(minutes: int) -> None:
    with pytest.raises(InvalidInput) as raised:
        check_session(_session(duration_minutes=minutes))
    assert "more than 0 minutes" in raised.value.problems["duration_minutes"]


@pytest.mark.parametrize("year", [1899, 2201])
def test_dates_outside_1900_2200_are_refused(year: int) -> None:
    with pytest.raises(InvalidInput) as raised:
        check_session(_session(start=NINE.replace(year=year)))
    assert "between 1900 and 2200" in raised.value.problems["start"]


def _entry(session_id: int, start: dt.datetime, status: SessionStatus) -> CalendarEntry:
    return CalendarEntry(
        session_id,
        2,
        "Other Client",
        start,
        50,
        status,
        Modality.IN_PERSON,
        SessionKind.REGULAR,
        None,
    )


def test_overlaps_ignore_cancelled_sessions_and_itself() -> None:
    mine = _session(id=1)
    itself = _entry(1, NINE, SessionStatus.SCHEDULED)
    clash = _entry(2, NINE + dt.timedelta(minutes=30), SessionStatus.SCHEDULED)
    cancelled = _entry(3, NINE, SessionStatus.CANCELLED)
    back_to_back = _entry(4, NINE + dt.timedelta(minutes=50), SessionStatus.ATTENDED)
    assert overlapping(mine, [itself, clash, cancelled, back_to_back]) == [clash]
    assert overlapping(replace(mine, status=SessionStatus.CANCELLED), [clash]) == []


def test_check_in_scores_out_of_range_name_rater_and_dimension() -> None:
    check_in = AllianceCheckIn(client=AllianceRatings(goals=11, tasks=5, bond=-1, overall=7))
    with pytest.raises(InvalidInput) as raised:
        check_session(_session(check_in=check_in))
    assert set(raised.value.problems) == {"check_in.client.goals", "check_in.client.bond"}
    assert "from 0 to 10 (got 11)" in raised.value.problems["check_in.client.goals"]


@pytest.mark.parametrize(
    ("score", "message"),
    [
        (InstrumentScore(Instrument.SRS, 40.5), "from 0 to 40"),
        (InstrumentScore(Instrument.WAI_SR, 11), "from 12 to 60"),
        (InstrumentScore(Instrument.PHQ9, 28), "from 0 to 27"),
        (InstrumentScore(Instrument.GAD7, 3.5), "whole number"),
        (
            InstrumentScore(Instrument.WAI_SR, 40, (("goal", 12), ("task", 12), ("bond", 12))),
            "not the sum",
        ),
        (
            InstrumentScore(Instrument.WAI_SR, 40, (("goal", 21), ("task", 10), ("bond", 9))),
            "from 4 to 20",
        ),
    ],
)
def test_instrument_totals_are_range_checked(score: InstrumentScore, message: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        check_alliance_check_in(AllianceCheckIn(instruments=(score,)))
    assert message in " ".join(raised.value.problems.values())


def test_valid_instruments_pass() -> None:
    check_in = AllianceCheckIn(
        instruments=(
            InstrumentScore(Instrument.SRS, 36.4),
            InstrumentScore(Instrument.WAI_SR, 48, (("goal", 16), ("task", 15), ("bond", 17))),
            InstrumentScore(Instrument.ORS, 22.1),
        )
    )
    assert check_alliance_check_in(check_in) == check_in


def test_questions_are_the_apps_own_words() -> None:
    questions = [dimension.question for dimension in AllianceDimension]
    assert len(set(questions)) == 4 and all(q.endswith("?") for q in questions)


@given(st.integers(-1000, 1000), st.integers(-1000, 1000))
def test_check_in_accepts_exactly_0_to_10(goals: int, bond: int) -> None:
    check_in = AllianceCheckIn(clinician=AllianceRatings(goals, 5, bond, 5))
    valid = 0 <= goals <= 10 and 0 <= bond <= 10
    try:
        check_alliance_check_in(check_in)
        assert valid
    except InvalidInput:
        assert not valid
