from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.recurrence import (
    MAX_OCCURRENCES,
    Frequency,
    RecurrenceRule,
    check_recurrence,
    occurrences,
)

MONDAY_TEN = dt.datetime(2026, 1, 5, 10, 0)


def _dates(rule: RecurrenceRule, removed: tuple[dt.date, ...] = ()) -> list[str]:
    return [start.date().isoformat() for start in occurrences(rule, removed)]


def test_weekly_with_a_count() -> None:
    rule = RecurrenceRule(Frequency.WEEKLY, MONDAY_TEN, count=3)
    assert _dates(rule) == ["2026-01-05", "2026-01-12", "2026-01-19"]
    assert all(start.time() == dt.time(10, 0) for start in occurrences(rule))


def test_fortnightly_until_a_date_includes_that_date() -> None:
    rule = RecurrenceRule(Frequency.FORTNIGHTLY, MONDAY_TEN, until=dt.date(2026, 2, 2))
    assert _dates(rule) == ["2026-01-05", "2026-01-19", "2026-02-02"]


def test_monthly_keeps_the_same_weekday_position() -> None:
    second_tuesday = dt.datetime(2026, 1, 13, 17, 30)
    rule = RecurrenceRule(Frequency.MONTHLY, second_tuesday, count=4)
    assert _dates(rule) == ["2026-01-13", "2026-02-10", "2026-03-10", "2026-04-14"]
    assert {start.weekday() for start in occurrences(rule)} == {1}


def test_a_fifth_weekday_becomes_the_last_one() -> None:
    fifth_thursday = dt.datetime(2026, 1, 29, 9, 0)
    rule = RecurrenceRule(Frequency.MONTHLY, fifth_thursday, count=3)
    assert _dates(rule) == ["2026-01-29", "2026-02-26", "2026-03-26"]


def test_removed_dates_do_not_lengthen_a_counted_series() -> None:
    rule = RecurrenceRule(Frequency.WEEKLY, MONDAY_TEN, count=3)
    assert _dates(rule, (dt.date(2026, 1, 12),)) == ["2026-01-05", "2026-01-19"]


@pytest.mark.parametrize(
    ("until", "count", "field"),
    [
        (None, None, "until"),
        (dt.date(2026, 3, 1), 4, "until"),
        (dt.date(2025, 12, 1), None, "until"),
        (None, 0, "count"),
        (None, MAX_OCCURRENCES + 1, "count"),
        (dt.date(2040, 1, 1), None, "until"),
    ],
)
def test_bad_series_bounds_are_refused(
    until: dt.date | None, count: int | None, field: str
) -> None:
    with pytest.raises(InvalidInput) as raised:
        check_recurrence(RecurrenceRule(Frequency.WEEKLY, MONDAY_TEN, until=until, count=count))
    assert field in raised.value.problems


rules = st.builds(
    RecurrenceRule,
    frequency=st.sampled_from(Frequency),
    first_start=st.datetimes(dt.datetime(1990, 1, 1), dt.datetime(2150, 12, 31)).map(
        lambda moment: moment.replace(second=0, microsecond=0)
    ),
    count=st.integers(1, 60),
)


@given(rule=rules, data=st.data())
def test_expansion_has_no_duplicates_stays_in_bounds_and_respects_removals(
    rule: RecurrenceRule, data: st.DataObject
) -> None:
    planned = occurrences(rule)
    removed = data.draw(st.sets(st.sampled_from([start.date() for start in planned])))
    kept = occurrences(rule, removed)
    assert len(planned) == rule.count
    assert len(set(kept)) == len(kept)
    assert kept == sorted(kept)
    assert all(start >= rule.first_start for start in kept)
    assert all(start.date() not in removed for start in kept)
    assert all(start.time() == rule.first_start.time() for start in kept)
    assert all(start.weekday() == rule.first_start.weekday() for start in kept)
    assert len(kept) == len(planned) - len(removed)


@given(
    rule=rules,
    until=st.dates(dt.date(1990, 1, 1), dt.date(2160, 12, 31)),
)
def test_a_dated_series_never_passes_its_end(rule: RecurrenceRule, until: dt.date) -> None:
    dated = RecurrenceRule(rule.frequency, rule.first_start, until=until)
    for start in occurrences(dated):
        assert rule.first_start <= start and start.date() <= until
