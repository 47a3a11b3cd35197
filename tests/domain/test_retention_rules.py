"""Retention: keep-until dates, who is listed, what may be deleted."""

from __future__ import annotations

import datetime as dt

import pytest

from alliance_desktop.domain.client import ClientStatus
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.retention import (
    FinishedClient,
    check_retention_years,
    is_erasable,
    keep_until,
    retention_entries,
)

TODAY = dt.date(2033, 6, 1)


def finished(client_id: int, last: dt.date | None, status: ClientStatus) -> FinishedClient:
    return FinishedClient(client_id, f"Client {client_id}", status, last)


def test_keep_until_is_the_same_day_years_later() -> None:
    assert keep_until(dt.date(2026, 3, 14), 7) == dt.date(2033, 3, 14)
    assert keep_until(dt.date(2024, 2, 29), 7) == dt.date(2031, 2, 28)


@pytest.mark.parametrize("years", [0, -1, 101])
def test_a_period_outside_1_to_100_years_is_refused(years: int) -> None:
    with pytest.raises(InvalidInput, match="between 1 and 100 years"):
        check_retention_years(years)


def test_only_finished_clients_are_listed_and_past_ones_come_first() -> None:
    entries = retention_entries(
        [
            finished(1, dt.date(2030, 1, 1), ClientStatus.ENDED),
            finished(2, dt.date(2020, 5, 1), ClientStatus.HANDED_OVER),
            finished(3, dt.date(2020, 5, 1), ClientStatus.ACTIVE),
        ],
        7,
        TODAY,
    )
    assert [(e.client_id, e.past_retention) for e in entries] == [(2, True), (1, False)]
    assert entries[0].keep_until == dt.date(2027, 5, 1)
    assert "Keep until 2037-01-01" in entries[1].explanation
    assert is_erasable(entries[0]) and not is_erasable(entries[1])


def test_a_record_with_no_date_is_listed_for_review_but_never_erasable() -> None:
    (entry,) = retention_entries([finished(4, None, ClientStatus.ENDED)], 7, TODAY)
    assert entry.past_retention and not is_erasable(entry)
    assert "review this record by hand" in entry.explanation
