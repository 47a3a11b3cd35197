"""Alliance flags compare like with like: each rater's ratings with that rater's earlier ones."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alliance_desktop.domain.alliance_check_in import AllianceRatings, Rater
from alliance_desktop.domain.alliance_flags import (
    AllianceThresholds,
    CheckInPoint,
    FlagKind,
    alliance_flags,
    check_ins_around,
    check_thresholds,
    main_rater,
    rater_series,
)
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.flags import (
    Flag,
    FlagAcknowledgement,
    check_acknowledgement,
    with_acknowledgements,
)

TODAY = dt.date(2026, 3, 30)
WHOSE_WORDS = {Rater.CLIENT: "Client's", Rater.CLINICIAN: "Your own"}


def _ratings(overall: int, parts: int = 9) -> AllianceRatings:
    return AllianceRatings(parts, parts, parts, overall)


def _series(rater: Rater, *overall: int, parts: int = 9) -> list[CheckInPoint]:
    """One check-in a week from 2 March, rated by `rater` only."""
    points = []
    for number, score in enumerate(overall):
        ratings = _ratings(score, parts)
        points.append(
            CheckInPoint(
                number + 1,
                dt.date(2026, 3, 2) + dt.timedelta(weeks=number),
                ratings if rater is Rater.CLIENT else None,
                ratings if rater is Rater.CLINICIAN else None,
            )
        )
    return points


def _kinds(flags: list[Flag]) -> list[str]:
    return [flag.kind for flag in flags]


@pytest.mark.parametrize("rater", list(Rater))
def test_low_overall_names_whose_rating(rater: Rater) -> None:
    flags = alliance_flags(1, _series(rater, 10, 8), [], TODAY, AllianceThresholds(drop_of=5))
    assert _kinds(flags) == [FlagKind.LOW_CHECK_IN]
    assert flags[0].explanation.startswith(f"{WHOSE_WORDS[rater]} latest rating (09 Mar 2026)")
    assert "overall 8/10 (below 9)" in flags[0].explanation
    assert flags[0].since == dt.date(2026, 3, 9)
    assert flags[0].evidence == f"{rater.value}:session:2"


@pytest.mark.parametrize("rater", list(Rater))
def test_a_drop_of_one_from_the_same_raters_previous_rating(rater: Rater) -> None:
    flags = alliance_flags(1, _series(rater, 10, 9), [], TODAY)
    assert _kinds(flags) == [FlagKind.DROP]
    assert flags[0].explanation == (
        f"{WHOSE_WORDS[rater]} overall rating dropped 10 → 9 (02 Mar to 09 Mar)."
    )


@pytest.mark.parametrize("rater", list(Rater))
def test_a_part_falling_alone_is_no_drop_but_is_named_with_one(rater: Rater) -> None:
    steady = _series(rater, 10, 10, parts=10)[:1] + _series(rater, 10, 10, parts=9)[1:]
    assert alliance_flags(1, steady, [], TODAY) == []
    falling = _series(rater, 10, parts=10) + _series(rater, 10, 9, parts=9)[1:]
    (flag,) = alliance_flags(1, falling, [], TODAY)
    assert flag.explanation.endswith("(02 Mar to 09 Mar); goals 10 → 9, tasks 10 → 9, bond 10 → 9.")


@pytest.mark.parametrize("rater", list(Rater))
def test_a_fall_over_three_check_ins_is_one_falling_flag(rater: Rater) -> None:
    flags = alliance_flags(1, _series(rater, 10, 10, 9, 9, 10, 9, 9), [], TODAY)
    assert _kinds(flags) == [FlagKind.DROP] or _kinds(flags) == []
    flags = alliance_flags(1, _series(rater, 10, 10, 10, 9, 9), [], TODAY)
    assert _kinds(flags) == []  # steady at 9: not low, not dropping
    flags = alliance_flags(1, _series(rater, 10, 10, 10, 9), [], TODAY)
    assert _kinds(flags) == [FlagKind.DROP]
    flags = alliance_flags(1, _series(rater, 10, 9, 8), [], TODAY)
    # Falling includes the last drop, so the drop is not raised twice.
    assert _kinds(flags) == [FlagKind.LOW_CHECK_IN, FlagKind.FALLING]
    falling = flags[1]
    assert falling.explanation == (
        f"{WHOSE_WORDS[rater]} overall rating has gone down 3 check-ins running "
        "(02 Mar to 16 Mar): 10 → 9 → 8."
    )


def test_falling_over_more_check_ins_is_configurable() -> None:
    four = AllianceThresholds(falling_over=4, overall_below=1, dimension_below=1)
    assert _kinds(alliance_flags(1, _series(Rater.CLIENT, 10, 9, 8), [], TODAY, four)) == [
        FlagKind.DROP
    ]
    assert _kinds(alliance_flags(1, _series(Rater.CLIENT, 10, 9, 8, 7), [], TODAY, four)) == [
        FlagKind.FALLING
    ]


def test_a_client_only_and_a_clinician_only_series_never_make_a_drop_between_them() -> None:
    """The artefact the flags used to have: the client's 10 then the clinician's 8."""
    client = CheckInPoint(1, dt.date(2026, 3, 2), _ratings(10, parts=10), None)
    clinician = CheckInPoint(2, dt.date(2026, 3, 9), None, _ratings(9, parts=9))
    flags = alliance_flags(1, [client, clinician], [], TODAY)
    assert flags == []
    quiet = AllianceThresholds(overall_below=1, dimension_below=1)
    reverse = alliance_flags(
        1,
        [
            CheckInPoint(1, dt.date(2026, 3, 2), None, _ratings(10, parts=10)),
            CheckInPoint(2, dt.date(2026, 3, 9), _ratings(6, parts=6), None),
            CheckInPoint(3, dt.date(2026, 3, 16), None, _ratings(10, parts=10)),
            CheckInPoint(4, dt.date(2026, 3, 23), _ratings(6, parts=6), None),
        ],
        [],
        TODAY,
        quiet,
    )
    assert reverse == []


def test_both_raters_at_each_session_are_read_as_two_series() -> None:
    points = [
        CheckInPoint(1, dt.date(2026, 3, 2), _ratings(9), _ratings(10)),
        CheckInPoint(2, dt.date(2026, 3, 9), _ratings(10), _ratings(9)),
    ]
    flags = alliance_flags(1, points, [], TODAY)
    assert [(f.kind, f.explanation.split(" ")[0]) for f in flags] == [(FlagKind.DROP, "Your")]


_rating = st.integers(0, 10)
_one_session = st.tuples(st.booleans(), _rating, _rating)  # client rated?, overall, parts


@given(st.lists(_one_session, min_size=1, max_size=12))
def test_every_rating_flag_is_borne_out_by_that_raters_own_series(
    sessions: list[tuple[bool, int, int]],
) -> None:
    """Alternate raters at random: a drop or fall is always visible in one rater's series."""
    points = [
        CheckInPoint(
            number + 1,
            dt.date(2026, 1, 5) + dt.timedelta(weeks=number),
            _ratings(overall, parts) if by_client else None,
            None if by_client else _ratings(overall, parts),
        )
        for number, (by_client, overall, parts) in enumerate(sessions)
    ]
    for flag in alliance_flags(1, points, [], TODAY):
        rater = Rater.CLIENT if flag.explanation.startswith("Client's") else Rater.CLINICIAN
        series = rater_series(points, rater)
        assert flag.evidence == f"{rater.value}:session:{series[-1].session_id}"
        if flag.kind is FlagKind.DROP:
            assert series[-2].ratings.overall > series[-1].ratings.overall


def test_the_summary_series_is_the_clients_when_they_rated_at_all() -> None:
    assert main_rater([]) is None
    assert main_rater(_series(Rater.CLINICIAN, 9)) is Rater.CLINICIAN
    mixed = _series(Rater.CLINICIAN, 9) + _series(Rater.CLIENT, 8)
    assert main_rater(mixed) is Rater.CLIENT


def test_check_ins_around_a_rupture_come_from_one_rater() -> None:
    points = [
        CheckInPoint(1, dt.date(2026, 3, 2), _ratings(10), None),
        CheckInPoint(2, dt.date(2026, 3, 9), None, _ratings(6)),
        CheckInPoint(3, dt.date(2026, 3, 16), _ratings(8), _ratings(7)),
    ]
    before, after = check_ins_around(dt.date(2026, 3, 9), points)
    assert before is not None and after is not None
    assert (before.on.day, after.on.day) == (2, 16)
    assert before.clinician is None and after.clinician is None  # the client's, both


def test_new_thresholds_are_checked() -> None:
    with pytest.raises(InvalidInput) as raised:
        check_thresholds(AllianceThresholds(falling_over=2, recent_weeks=0))
    assert set(raised.value.problems) == {"falling_over", "recent_weeks"}


def test_an_acknowledgement_holds_only_for_the_evidence_it_saw() -> None:
    seen = alliance_flags(1, _series(Rater.CLIENT, 10, 8), [], TODAY)
    now = dt.datetime(2026, 3, 30, 9)
    acks = [FlagAcknowledgement(f.kind, 1, f.evidence, "Talked about it", now) for f in seen]
    assert not any(state.needs_attention for state in with_acknowledgements(seen, acks))
    later = alliance_flags(1, _series(Rater.CLIENT, 10, 8, 7), [], TODAY)
    assert all(state.needs_attention for state in with_acknowledgements(later, acks))


def test_an_acknowledgement_note_is_trimmed_and_bounded() -> None:
    now = dt.datetime(2026, 3, 30, 9)
    kept = check_acknowledgement(FlagAcknowledgement("drop", 1, "e", "  seen  ", now))
    assert kept.note == "seen"
    with pytest.raises(InvalidInput):
        check_acknowledgement(FlagAcknowledgement("drop", 1, "e", "x" * 501, now))
