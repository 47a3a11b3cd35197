"""Recurring session series: weekly, fortnightly, or monthly on the same weekday.

Occurrences follow RFC 5545: COUNT counts every generated date, and removed dates (EXDATE)
are taken out afterwards, so a cancelled week does not push the series a week longer.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass

from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.text_rules import LATEST_DATE

MAX_OCCURRENCES = 520  # ten years of weekly sessions


class Frequency(enum.StrEnum):
    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    MONTHLY = "monthly"  # on the same weekday: "the second Tuesday of each month"

    @property
    def label(self) -> str:
        return {
            "weekly": "Weekly",
            "fortnightly": "Every two weeks",
            "monthly": "Monthly (same weekday)",
        }[self.value]


@dataclass(frozen=True)
class RecurrenceRule:
    frequency: Frequency
    first_start: dt.datetime
    until: dt.date | None = None
    count: int | None = None

    @property
    def weekday_position(self) -> int:
        """1-4 for "the n-th weekday of the month"; -1 for "the last" (a 5th falls back to it)."""
        position = (self.first_start.day - 1) // 7 + 1
        return -1 if position >= 5 else position


def check_recurrence(rule: RecurrenceRule) -> RecurrenceRule:
    problems: dict[str, str] = {}
    if (rule.until is None) == (rule.count is None):
        problems["until"] = "Choose either an end date or a number of sessions for the series."
    if rule.count is not None and not 1 <= rule.count <= MAX_OCCURRENCES:
        problems["count"] = (
            f"A series can have from 1 to {MAX_OCCURRENCES} sessions (got {rule.count})."
        )
    if rule.until is not None:
        if rule.until < rule.first_start.date():
            problems["until"] = "The series cannot end before its first session."
        elif rule.until > LATEST_DATE:
            problems["until"] = "The end date must be before 2200."
        elif len(_generate(rule, MAX_OCCURRENCES + 1)) > MAX_OCCURRENCES:
            problems["until"] = (
                f"That end date gives more than {MAX_OCCURRENCES} sessions; choose an earlier one."
            )
    if problems:
        raise InvalidInput(problems)
    return rule


def occurrences(rule: RecurrenceRule, removed: Iterable[dt.date] = ()) -> list[dt.datetime]:
    """Every planned start of the series, in order, without the removed dates."""
    removed_dates = set(removed)
    limit = rule.count if rule.count is not None else MAX_OCCURRENCES
    return [start for start in _generate(rule, limit) if start.date() not in removed_dates]


def _generate(rule: RecurrenceRule, limit: int) -> list[dt.datetime]:
    found: list[dt.datetime] = []
    index = 0
    while len(found) < limit:
        start = _nth_start(rule, index)
        index += 1
        if rule.until is not None and start.date() > rule.until:
            break
        if start.date() > LATEST_DATE:
            break
        found.append(start)
    return found


def _nth_start(rule: RecurrenceRule, index: int) -> dt.datetime:
    first = rule.first_start
    if rule.frequency is Frequency.WEEKLY:
        return first + dt.timedelta(weeks=index)
    if rule.frequency is Frequency.FORTNIGHTLY:
        return first + dt.timedelta(weeks=2 * index)
    month_index = first.month - 1 + index
    year, month = first.year + month_index // 12, month_index % 12 + 1
    day = _weekday_in_month(year, month, first.weekday(), rule.weekday_position)
    return first.replace(year=year, month=month, day=day)


def _weekday_in_month(year: int, month: int, weekday: int, position: int) -> int:
    days_in_month = calendar.monthrange(year, month)[1]
    matching = [
        day for day in range(1, days_in_month + 1) if dt.date(year, month, day).weekday() == weekday
    ]
    return matching[-1] if position == -1 else matching[position - 1]


@dataclass(frozen=True)
class SessionSeries:
    """A client's recurring appointment; its sessions are stored one by one once planned."""

    client_id: int
    rule: RecurrenceRule
    id: int | None = None
    ended_on: dt.date | None = None  # set when the series was cancelled from a date onwards
