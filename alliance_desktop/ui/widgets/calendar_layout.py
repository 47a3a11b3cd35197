"""Date arithmetic for the calendar page: which days a month, week or day shows, its title,
and how sessions that share time sit side by side. No Qt here, so it is easy to test."""

from __future__ import annotations

import calendar
import datetime as dt
import enum
from collections.abc import Sequence

from alliance_desktop.domain.session import CalendarEntry

MONTH_GRID_DAYS = 42  # six weeks: every month fits, and the grid never changes height

# The interface is in English whatever the system locale (which `calendar` and strftime follow).
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class CalendarMode(enum.StrEnum):
    MONTH = "month"
    WEEK = "week"
    DAY = "day"

    @property
    def label(self) -> str:
        return self.value.capitalize()


def week_start(day: dt.date) -> dt.date:
    """The Monday of the day's week (weeks start on Monday, as in most diaries)."""
    return day - dt.timedelta(days=day.weekday())


def period_days(mode: CalendarMode, anchor: dt.date) -> list[dt.date]:
    if mode is CalendarMode.DAY:
        return [anchor]
    if mode is CalendarMode.WEEK:
        first = week_start(anchor)
        return [first + dt.timedelta(days=n) for n in range(7)]
    first = week_start(anchor.replace(day=1))
    return [first + dt.timedelta(days=n) for n in range(MONTH_GRID_DAYS)]


def step(mode: CalendarMode, anchor: dt.date, count: int) -> dt.date:
    """The anchor moved by `count` months, weeks or days (31 Jan + 1 month -> 28/29 Feb)."""
    if mode is CalendarMode.DAY:
        return anchor + dt.timedelta(days=count)
    if mode is CalendarMode.WEEK:
        return anchor + dt.timedelta(weeks=count)
    month_index = anchor.month - 1 + count
    year, month = anchor.year + month_index // 12, month_index % 12 + 1
    return anchor.replace(year=year, month=month, day=min(anchor.day, _month_length(year, month)))


def period_title(mode: CalendarMode, anchor: dt.date) -> str:
    if mode is CalendarMode.MONTH:
        return f"{month_name(anchor)} {anchor.year}"
    if mode is CalendarMode.DAY:
        return f"{day_name(anchor)} {anchor.day} {month_name(anchor)} {anchor.year}"
    first = week_start(anchor)
    last = first + dt.timedelta(days=6)
    if first.month == last.month:
        return f"{first.day} – {last.day} {month_name(last)} {last.year}"
    if first.year == last.year:
        return (
            f"{first.day} {month_name(first)[:3]} – {last.day} {month_name(last)[:3]} {last.year}"
        )
    return (
        f"{first.day} {month_name(first)[:3]} {first.year} – "
        f"{last.day} {month_name(last)[:3]} {last.year}"
    )


def month_name(day: dt.date) -> str:
    return MONTH_NAMES[day.month - 1]


def day_name(day: dt.date) -> str:
    return DAY_NAMES[day.weekday()]


def short_day(day: dt.date) -> str:
    """'Mon 16 Mar'."""
    return f"{day_name(day)[:3]} {day.day} {month_name(day)[:3]}"


def period_bounds(days: Sequence[dt.date]) -> tuple[dt.datetime, dt.datetime]:
    """From the first day's midnight to the midnight after the last day."""
    start = dt.datetime.combine(days[0], dt.time())
    return start, dt.datetime.combine(days[-1] + dt.timedelta(days=1), dt.time())


def time_range(start: dt.datetime, minutes: int) -> str:
    end = start + dt.timedelta(minutes=minutes)
    return f"{start:%H:%M}–{end:%H:%M}"


def side_by_side(entries: Sequence[CalendarEntry]) -> dict[int, tuple[int, int]]:
    """For one day's sessions: session id -> (lane, lanes in its group).

    Sessions that share time are drawn next to each other, each as wide as its group allows;
    a session that shares time with nothing gets the whole column.
    """
    placed: dict[int, tuple[int, int]] = {}
    group: list[tuple[CalendarEntry, int]] = []
    group_end: dt.datetime | None = None
    lane_ends: list[dt.datetime] = []

    def close_group() -> None:
        for entry, lane in group:
            placed[entry.session_id] = (lane, len(lane_ends))

    for entry in sorted(entries, key=lambda e: (e.start, -e.duration_minutes, e.session_id)):
        end = entry.end if entry.duration_minutes > 0 else entry.start + dt.timedelta(minutes=1)
        if group_end is not None and entry.start >= group_end:
            close_group()
            group, lane_ends, group_end = [], [], None
        lane = next((n for n, lane_end in enumerate(lane_ends) if lane_end <= entry.start), None)
        if lane is None:
            lane = len(lane_ends)
            lane_ends.append(end)
        else:
            lane_ends[lane] = end
        group.append((entry, lane))
        group_end = end if group_end is None else max(group_end, end)
    close_group()
    return placed


def _month_length(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def describe_entry(entry: CalendarEntry) -> str:
    """Tooltip text: who, when, and how it went, in words (never colour alone)."""
    lines = [
        entry.client_name,
        f"{short_day(entry.start.date())}, {time_range(entry.start, entry.duration_minutes)}",
        f"{entry.status.label} · {entry.modality.label} · {entry.kind.label}",
    ]
    if entry.series_id is not None:
        lines.append("Part of a repeating series")
    return "\n".join(lines)
