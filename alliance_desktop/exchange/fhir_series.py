"""A session's recurring appointment (its series) as an Alliance extension on its Encounter or
Appointment, so the receiver's calendar keeps the series together: R4 has no recurrence on
Appointment. Every session of a series carries the whole rule, so any one of them describes it;
`series` is a token local to the bundle that ties them together.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from alliance_desktop.domain.recurrence import Frequency, RecurrenceRule, SessionSeries
from alliance_desktop.domain.session import Session
from alliance_desktop.exchange.fhir_terms import (
    Resource,
    WriteContext,
    complex_extension,
    extensions,
    fhir_date,
    fhir_datetime,
    local_datetime,
    optional_date,
    part,
)

SERIES_EXTENSION = "session-series"


def series_extension(session: Session, context: WriteContext) -> Resource | None:
    series = next((s for s in context.series if s.id == session.series_id), None)
    if series is None:
        return None
    rule = series.rule
    return complex_extension(
        SERIES_EXTENSION,
        [
            ("series", "String", f"series-{series.id}"),
            ("frequency", "Code", rule.frequency.value),
            ("first-start", "DateTime", fhir_datetime(rule.first_start)),
            ("until", "Date", fhir_date(rule.until) if rule.until else None),
            ("count", "Integer", rule.count),
            (
                "planned-date",
                "Date",
                fhir_date(session.series_date) if session.series_date else None,
            ),
        ],
    )


@dataclass(frozen=True)
class SeriesLink:
    token: str
    rule: RecurrenceRule
    planned_date: dt.date | None


def series_link(resource: Resource) -> SeriesLink | None:
    """The series a session resource says it belongs to (None when none, or malformed)."""
    for item in extensions(resource, SERIES_EXTENSION):
        token = part(item, "series", "String")
        frequency = part(item, "frequency", "Code")
        first = part(item, "first-start", "DateTime")
        if not isinstance(token, str) or frequency not in set(Frequency) or not first:
            return None
        count = part(item, "count", "Integer")
        until = optional_date(part(item, "until", "Date"))
        if (until is None) == (count is None):
            return None
        rule = RecurrenceRule(
            Frequency(frequency),
            local_datetime(first),
            until=until,
            count=count if isinstance(count, int) else None,
        )
        return SeriesLink(token, rule, optional_date(part(item, "planned-date", "Date")))
    return None


def series_of(links: dict[int, SeriesLink]) -> tuple[dict[int, int], tuple[SessionSeries, ...]]:
    """Session id -> series id (1, 2, ... in order of first appearance), and the series."""
    numbers: dict[str, int] = {}
    series: list[SessionSeries] = []
    by_session: dict[int, int] = {}
    for session_id, link in sorted(links.items()):
        if link.token not in numbers:
            numbers[link.token] = len(numbers) + 1
            series.append(SessionSeries(client_id=0, rule=link.rule, id=numbers[link.token]))
        by_session[session_id] = numbers[link.token]
    return by_session, tuple(series)
