"""Calendar date arithmetic: the days each view shows, paging, titles, side-by-side sessions."""

from __future__ import annotations

import datetime as dt

from alliance_desktop.domain.session import CalendarEntry, Modality, SessionKind, SessionStatus
from alliance_desktop.ui.widgets.calendar_layout import (
    CalendarMode,
    period_days,
    period_title,
    side_by_side,
    step,
)

SATURDAY = dt.date(2026, 3, 14)


def _entry(session_id: int, hour: float, minutes: int = 50) -> CalendarEntry:
    start = dt.datetime.combine(SATURDAY, dt.time()) + dt.timedelta(hours=hour)
    return CalendarEntry(
        session_id,
        1,
        "Ana",
        start,
        minutes,
        SessionStatus.SCHEDULED,
        Modality.IN_PERSON,
        SessionKind.REGULAR,
        None,
    )


def test_each_view_shows_its_days_with_weeks_from_monday() -> None:
    assert period_days(CalendarMode.DAY, SATURDAY) == [SATURDAY]
    week = period_days(CalendarMode.WEEK, SATURDAY)
    assert (week[0], week[-1]) == (dt.date(2026, 3, 9), dt.date(2026, 3, 15))
    month = period_days(CalendarMode.MONTH, SATURDAY)
    assert len(month) == 42
    assert (month[0], month[-1]) == (dt.date(2026, 2, 23), dt.date(2026, 4, 5))


def test_paging_by_month_keeps_the_day_where_the_month_allows() -> None:
    assert step(CalendarMode.MONTH, dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert step(CalendarMode.MONTH, dt.date(2026, 12, 15), 1) == dt.date(2027, 1, 15)
    assert step(CalendarMode.MONTH, dt.date(2026, 1, 15), -1) == dt.date(2025, 12, 15)
    assert step(CalendarMode.WEEK, SATURDAY, -2) == dt.date(2026, 2, 28)
    assert step(CalendarMode.DAY, SATURDAY, 1) == dt.date(2026, 3, 15)


def test_titles_read_as_a_diary_does() -> None:
    assert period_title(CalendarMode.MONTH, SATURDAY) == "March 2026"
    assert period_title(CalendarMode.DAY, SATURDAY) == "Saturday 14 March 2026"
    assert period_title(CalendarMode.WEEK, SATURDAY) == "9 – 15 March 2026"
    assert period_title(CalendarMode.WEEK, dt.date(2026, 4, 1)) == "30 Mar – 5 Apr 2026"
    assert period_title(CalendarMode.WEEK, dt.date(2026, 12, 31)) == "28 Dec 2026 – 3 Jan 2027"


def test_sessions_sharing_time_sit_side_by_side() -> None:
    lanes = side_by_side(
        [_entry(1, 9), _entry(2, 9.5), _entry(3, 10), _entry(4, 12), _entry(5, 9.25, 10)]
    )
    # 5 (9:15-9:25) sits beside 1; 2 starts after 5 ends and takes its lane; 3 takes 1's.
    assert lanes[1] == (0, 2)
    assert lanes[5] == (1, 2)
    assert lanes[2] == (1, 2)
    assert lanes[3] == (0, 2)
    assert lanes[4] == (0, 1)  # shares time with nothing: the whole column
