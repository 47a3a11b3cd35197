"""Exports of consecutive (or overlapping) ranges, imported one after another into a calendar
that keeps one copy per UID and lets the newest SEQUENCE win, hold exactly the sessions of the
whole span: none dropped, none doubled, each as it is now."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alliance_desktop.demo import create_demo_vault
from alliance_desktop.domain.session import Modality, SessionStatus
from alliance_desktop.services import Practice
from alliance_desktop.services.vault_locations import DEMO_PASSPHRASE
from tests.services.diary_reading import merged, occurrences

SPAN = (dt.date(2026, 9, 1), dt.date(2027, 2, 28))
SPAN_DAYS = (SPAN[1] - SPAN[0]).days


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Practice]:
    """The small demo, with one series ended early (its untouched sessions removed) and one
    session changed, so removals and raised SEQUENCEs are in the files too."""
    path = tmp_path_factory.mktemp("merging") / "demo.vault"
    create_demo_vault(path, DEMO_PASSPHRASE, "small", seed=7)
    practice = Practice.open(path, DEMO_PASSPHRASE)
    start, end = (dt.datetime.combine(day, dt.time()) for day in SPAN)
    upcoming = [
        e
        for e in practice.calendar.entries_between(start, end)
        if e.series_id is not None and e.status is SessionStatus.SCHEDULED
    ]
    practice.calendar.cancel_following(
        upcoming[len(upcoming) // 2].session_id, SessionStatus.CANCELLED
    )
    changed = practice.calendar.session(upcoming[0].session_id)
    practice.calendar.save(replace(changed, modality=Modality.PHONE), allow_overlap=True)
    yield practice
    practice.close()


def _now_in_span(practice: Practice) -> set[tuple[str, dt.datetime, dt.datetime, str, str]]:
    whole = practice.calendar.icalendar(*SPAN).data
    return {(o.uid, o.start, o.end, o.status, o.description) for o in occurrences(whole)}


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cuts=st.lists(st.integers(min_value=1, max_value=SPAN_DAYS), max_size=6, unique=True),
    overlap=st.integers(min_value=0, max_value=10),
    reverse=st.booleans(),
)
def test_consecutive_exports_merge_into_exactly_the_whole(
    demo: Practice, cuts: list[int], overlap: int, reverse: bool
) -> None:
    bounds = [0, *sorted(cuts), SPAN_DAYS + 1]
    ranges = [
        (
            SPAN[0] + dt.timedelta(days=max(0, low - overlap)),
            SPAN[0] + dt.timedelta(days=high - 1),
        )
        for low, high in itertools.pairwise(bounds)
    ]
    files = [demo.calendar.icalendar(first, last).data for first, last in ranges]
    held = merged(*(reversed(files) if reverse else files))

    whole = _now_in_span(demo)
    assert {(o.uid, o.start, o.end, o.status, o.description) for o in held.values()} == whole
    listed = demo.calendar.diary_between(*SPAN)
    booked_in_file = {o.uid for o in held.values() if o.status == "CONFIRMED"}
    assert booked_in_file == {s.uid for s in listed if s.entry.status.takes_up_time}
    assert {s.uid for s in listed} <= {o.uid for o in held.values()}


def test_an_older_import_never_wins_over_a_newer_one(demo: Practice) -> None:
    """Importing an older file after a newer one (by mistake) keeps the newer copies."""
    scheduled = [
        s for s in demo.calendar.diary_between(*SPAN) if s.entry.status is SessionStatus.SCHEDULED
    ]
    uid = scheduled[-1].uid
    older = demo.calendar.icalendar(*SPAN).data
    session = demo.calendar.session(scheduled[-1].entry.session_id)
    demo.calendar.save(replace(session, status=SessionStatus.CLINICIAN_CANCELLED))
    newer = demo.calendar.icalendar(*SPAN).data

    held = merged(newer, older)

    [copy] = [o for o in held.values() if o.uid == uid]
    assert copy.status == "CANCELLED"
    assert copy.description.endswith("· Cancelled by me")
    assert copy.sequence > next(o.sequence for o in occurrences(older) if o.uid == uid)
