"""Turning the calendar's sessions into an iCalendar file for the therapist's own diary."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import replace

from alliance_desktop.domain.calendar_privacy import CalendarNaming, calendar_title
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.recurrence import SessionSeries, occurrences
from alliance_desktop.domain.session import CalendarEntry
from alliance_desktop.exchange.icalendar_export import SeriesEvent, SingleEvent, build_icalendar
from alliance_desktop.vault.session_repository import SessionRepository

MAX_EXPORT_DAYS = 3 * 366


def icalendar_for_range(
    sessions: SessionRepository,
    first_day: dt.date,
    last_day: dt.date,
    naming: CalendarNaming,
    label: str,
    stamp: dt.datetime,
) -> tuple[bytes, int]:
    """The .ics bytes for booked sessions from first_day to last_day inclusive, and how many."""
    if last_day < first_day:
        raise InvalidInput.single("to", "The end date must not be before the start date.")
    if (last_day - first_day).days > MAX_EXPORT_DAYS:
        raise InvalidInput.single("to", "Export at most three years at a time.")
    start = dt.datetime.combine(first_day, dt.time())
    end = dt.datetime.combine(last_day + dt.timedelta(days=1), dt.time())
    booked = [e for e in sessions.entries_between(start, end) if e.status.takes_up_time]
    by_series: dict[int, list[CalendarEntry]] = defaultdict(list)
    singles: list[CalendarEntry] = []
    for entry in booked:
        if entry.series_id is None:
            singles.append(entry)
        else:
            by_series[entry.series_id].append(entry)
    series_events = []
    for series_id, entries in by_series.items():
        event, loose = _series_event(sessions.series(series_id), entries, start, end, naming, label)
        if event is not None:
            series_events.append(event)
        singles.extend(loose)
    single_events = [
        SingleEvent(
            uid=f"session-{entry.session_id}@alliance-desktop",
            title=calendar_title(entry.client_name, naming, label),
            start=entry.start,
            duration_minutes=entry.duration_minutes,
            description=_description(entry),
        )
        for entry in sorted(singles, key=lambda e: (e.start, e.session_id))
    ]
    return build_icalendar(single_events, series_events, stamp), len(booked)


def _series_event(
    series: SessionSeries,
    entries: list[CalendarEntry],
    start: dt.datetime,
    end: dt.datetime,
    naming: CalendarNaming,
    label: str,
) -> tuple[SeriesEvent | None, list[CalendarEntry]]:
    """The series as one RRULE event, plus the sessions that no longer follow the rule."""
    planned = [
        moment
        for moment in occurrences(series.rule)
        if start <= moment < end and (series.ended_on is None or moment.date() <= series.ended_on)
    ]
    at_planned_time = {entry.start: entry for entry in entries if entry.start in planned}
    loose = [entry for entry in entries if entry.start not in at_planned_time]
    if not at_planned_time:
        return None, loose
    first = entries[0]
    kept = sorted(at_planned_time)
    event = SeriesEvent(
        uid=f"series-{series.id}@alliance-desktop",
        title=calendar_title(first.client_name, naming, label),
        first_start=kept[0],
        duration_minutes=at_planned_time[kept[0]].duration_minutes,
        frequency=series.rule.frequency.value,
        weekday_position=series.rule.weekday_position,
        last_start=kept[-1],
        removed=tuple(m for m in planned if kept[0] < m < kept[-1] and m not in at_planned_time),
        description=_description(at_planned_time[kept[0]]),
    )
    # Occurrences whose length or modality changed still follow the rule's dates; the diary
    # shows the series' own length, so export them on their own instead.
    odd = [
        e
        for e in at_planned_time.values()
        if e.duration_minutes != event.duration_minutes and e.start != kept[0]
    ]
    if odd:
        event = _without(event, odd)
        loose.extend(odd)
    return event, loose


def _without(event: SeriesEvent, entries: list[CalendarEntry]) -> SeriesEvent:
    return replace(event, removed=tuple(sorted({*event.removed, *(e.start for e in entries)})))


def _description(entry: CalendarEntry) -> str:
    return f"{entry.modality.label} · {entry.kind.label} session"
