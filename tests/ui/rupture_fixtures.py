"""Records for the rupture and alliance UI tests: sessions with check-ins, and ruptures."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from alliance_desktop.domain.alliance_check_in import AllianceCheckIn, AllianceRatings
from alliance_desktop.domain.rupture import RaisedBy, RuptureEntry, RuptureKind
from alliance_desktop.domain.session import SessionStatus
from alliance_desktop.services import Practice
from tests.factories import make_session


def book_check_in(
    practice: Practice,
    client_id: int,
    day: dt.date,
    client: AllianceRatings | None = None,
    clinician: AllianceRatings | None = None,
) -> int:
    """An attended session on `day` at 10:00 with its alliance check-in; returns its id."""
    session = practice.calendar.book(
        make_session(
            client_id,
            dt.datetime.combine(day, dt.time(10, 0)),
            status=SessionStatus.ATTENDED,
            check_in=AllianceCheckIn(client=client, clinician=clinician),
        ),
        allow_overlap=True,  # several test clients may share a morning
    )
    return session.id or 0


def add_rupture(practice: Practice, client_id: int, day: dt.date, **changes: Any) -> RuptureEntry:
    entry = RuptureEntry(
        client_id=client_id,
        occurred_on=day,
        kind=RuptureKind.WITHDRAWAL,
        significance=3,
        raised_by=RaisedBy.CLINICIAN,
    )
    return practice.ruptures.add(replace(entry, **changes))
