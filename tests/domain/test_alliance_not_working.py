"""When flags persist, the client's page suggests the steps in order."""

from __future__ import annotations

import datetime as dt

from alliance_desktop.domain.alliance_check_in import AllianceRatings
from alliance_desktop.domain.alliance_flags import CheckInPoint
from alliance_desktop.domain.alliance_not_working import (
    STEPS_WHEN_NOT_WORKING,
    persistent_concern,
)
from alliance_desktop.domain.ending import EndingReason
from alliance_desktop.domain.rupture import RaisedBy, RuptureEntry, RuptureKind

TODAY = dt.date(2026, 3, 30)


def _client(*overall: int) -> list[CheckInPoint]:
    return [
        CheckInPoint(
            n, dt.date(2026, 3, 2) + dt.timedelta(weeks=n), AllianceRatings(9, 9, 9, s), None
        )
        for n, s in enumerate(overall)
    ]


def _clinician(*overall: int) -> list[CheckInPoint]:
    return [
        CheckInPoint(
            n, dt.date(2026, 3, 2) + dt.timedelta(weeks=n), None, AllianceRatings(9, 9, 9, s)
        )
        for n, s in enumerate(overall)
    ]


def test_three_low_or_falling_client_ratings_persist() -> None:
    concern = persistent_concern(_client(10, 8, 9, 8), [], TODAY)
    assert concern is None  # 9 is neither low (below 9) nor lower than 8
    concern = persistent_concern(_client(10, 10, 9, 8), [], TODAY)
    assert concern is not None
    assert concern.reasons[0] == (
        "The client's own overall rating went down at each of their last 3 check-ins "
        "(09 Mar to 23 Mar): 10, 9, 8."
    )
    steady_low = persistent_concern(_client(7, 7, 7), [], TODAY)  # low, not falling
    assert steady_low is not None
    assert "were each low or lower than the one before" in steady_low.reasons[0]
    assert persistent_concern(_client(9, 9, 9), [], TODAY) is None
    assert persistent_concern(_client(10, 9), [], TODAY) is None  # only two so far


def test_the_clinicians_own_low_ratings_alone_are_not_the_clients_concern() -> None:
    assert persistent_concern(_clinician(7, 6, 5), [], TODAY) is None


def test_an_open_rupture_past_its_follow_up_persists() -> None:
    entry = RuptureEntry(
        client_id=1,
        occurred_on=dt.date(2026, 3, 2),
        kind=RuptureKind.WITHDRAWAL,
        significance=3,
        raised_by=RaisedBy.CLINICIAN,
        follow_up_on=dt.date(2026, 3, 16),
    )
    concern = persistent_concern([], [entry], TODAY)
    assert concern is not None
    assert "after the follow-up planned for 16 Mar 2026" in concern.reasons[0]
    assert persistent_concern([], [entry], dt.date(2026, 3, 16)) is None


def test_the_steps_go_from_talking_to_ending() -> None:
    assert [step.title.split(",")[0] for step in STEPS_WHEN_NOT_WORKING] == [
        "Talk about it together",
        "Revisit the goals",
        "Give it time",
        "If none of this helps",
    ]
    assert EndingReason.ALLIANCE_NOT_WORKING.label == "Our way of working was not the right fit"
