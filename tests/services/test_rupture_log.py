from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from alliance_desktop.domain.alliance_check_in import AllianceCheckIn, AllianceRatings
from alliance_desktop.domain.alliance_flags import AllianceThresholds, FlagKind
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.rupture import (
    RaisedBy,
    RepairAttempt,
    RepairOutcome,
    RepairStrategy,
    RuptureEntry,
    RuptureKind,
)
from alliance_desktop.services import Practice
from tests.factories import make_client, make_session


@pytest.fixture
def client_id(practice: Practice) -> int:
    return practice.add_client(make_client(name="Rupture Client")).id or 0


def _entry(client_id: int, day: int, **changes: object) -> RuptureEntry:
    entry = RuptureEntry(
        client_id=client_id,
        occurred_on=dt.date(2026, 3, day),
        kind=RuptureKind.CONFRONTATION,
        significance=3,
        raised_by=RaisedBy.CLIENT,
    )
    return replace(entry, **changes)


def test_entry_round_trips_with_markers_and_repairs(practice: Practice, client_id: int) -> None:
    entry = practice.ruptures.add(
        _entry(
            client_id,
            2,
            markers=("Complaints about progress", "My own words for it"),
            note="Said therapy is going nowhere.",
            repairs=(
                RepairAttempt(RepairStrategy.ACKNOWLEDGE_OWN_PART, "I had pushed homework"),
                RepairAttempt(RepairStrategy.CHANGE_TASK_OR_GOAL),
            ),
            outcome=RepairOutcome.PARTLY,
            follow_up_on=dt.date(2026, 3, 9),
        )
    )
    assert practice.ruptures.entry(entry.id or 0) == entry


def test_bad_entries_save_nothing(practice: Practice, client_id: int) -> None:
    with pytest.raises(InvalidInput):
        practice.ruptures.add(_entry(client_id, 2, outcome=RepairOutcome.RESOLVED))
    with pytest.raises(InvalidInput):
        practice.ruptures.add(_entry(client_id, 2, significance=9))
    assert practice.ruptures.log(client_id) == []


def test_log_is_newest_first_and_filters(practice: Practice, client_id: int) -> None:
    practice.ruptures.add(_entry(client_id, 1, kind=RuptureKind.WITHDRAWAL))
    practice.ruptures.add(_entry(client_id, 5))
    practice.ruptures.add(
        _entry(
            client_id,
            9,
            repairs=(RepairAttempt(RepairStrategy.CLARIFY_MISUNDERSTANDING),),
            outcome=RepairOutcome.RESOLVED,
        )
    )
    assert [e.occurred_on.day for e in practice.ruptures.log(client_id)] == [9, 5, 1]
    assert [
        e.occurred_on.day for e in practice.ruptures.log(client_id, kind=RuptureKind.WITHDRAWAL)
    ] == [1]
    assert [
        e.occurred_on.day for e in practice.ruptures.log(client_id, outcome=RepairOutcome.RESOLVED)
    ] == [9]
    open_days = [o.entry.occurred_on.day for o in practice.ruptures.open_ruptures()]
    assert open_days == [1, 5]
    assert practice.ruptures.open_ruptures()[0].client_name == "Rupture Client (Maggie)"


def test_timeline_and_flags_from_real_check_ins(practice: Practice, client_id: int) -> None:
    for day, overall in ((2, 10), (9, 7)):
        practice.calendar.book(
            make_session(
                client_id,
                dt.datetime(2026, 3, day, 10),
                check_in=AllianceCheckIn(client=AllianceRatings(9, 9, 9, overall)),
            )
        )
    practice.ruptures.add(_entry(client_id, 9))
    timeline = practice.ruptures.timeline(client_id)
    assert [p.ratings.overall for p in timeline.check_ins if p.ratings] == [10, 7]
    assert [e.occurred_on.day for e in timeline.ruptures] == [9]
    kinds = {flag.kind for flag in practice.ruptures.flags(client_id)}
    assert kinds == {FlagKind.LOW_CHECK_IN, FlagKind.DROP}
    before, after = practice.ruptures.alliance_around(timeline.ruptures[0])
    assert before is not None and before.on.day == 2
    assert after is not None and after.on.day == 9


def test_thresholds_are_saved_per_practice(practice: Practice) -> None:
    assert practice.ruptures.thresholds() == AllianceThresholds()
    practice.ruptures.save_thresholds(AllianceThresholds(overall_below=7, unresolved_after_days=21))
    assert practice.ruptures.thresholds().unresolved_after_days == 21
    with pytest.raises(InvalidInput):
        practice.ruptures.save_thresholds(AllianceThresholds(drop_of=0))


def test_json_document_has_the_contract_fields(practice: Practice, client_id: int) -> None:
    practice.ruptures.add(_entry(client_id, 4, note="Arrived late, silent"))
    document = practice.ruptures.ruptures_document(client_id)
    assert {"id", "date", "kind", "outcome", "note"} <= set(document[0])
    assert document[0]["date"] == "2026-03-04"
    assert document[0]["outcome"] is None
