from __future__ import annotations

import datetime as dt

import pytest

from alliance_desktop.domain.alliance_check_in import AllianceRatings
from alliance_desktop.domain.alliance_flags import (
    AllianceThresholds,
    CheckInPoint,
    FlagKind,
    alliance_flags,
    check_ins_around,
)
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.rupture import (
    Audience,
    RaisedBy,
    RepairAttempt,
    RepairGroup,
    RepairOutcome,
    RepairStrategy,
    RuptureEntry,
    RuptureKind,
    check_rupture,
    markers_for,
)

TODAY = dt.date(2026, 3, 14)


def _rupture(**changes: object) -> RuptureEntry:
    values: dict[str, object] = {
        "client_id": 1,
        "occurred_on": dt.date(2026, 3, 2),
        "kind": RuptureKind.WITHDRAWAL,
        "significance": 3,
        "raised_by": RaisedBy.CLINICIAN,
    }
    values.update(changes)
    return RuptureEntry(**values)  # type: ignore[arg-type]


def _point(day: int, overall: int, goals: int = 9, tasks: int = 9, bond: int = 9) -> CheckInPoint:
    return CheckInPoint(
        day, dt.date(2026, 3, day), AllianceRatings(goals, tasks, bond, overall), None
    )


def test_the_rupture_log_is_marked_clinician_only() -> None:
    assert RuptureEntry.audience is Audience.CLINICIAN_ONLY
    assert _rupture().audience is Audience.CLINICIAN_ONLY


def test_an_outcome_without_any_repair_is_refused() -> None:
    with pytest.raises(InvalidInput) as raised:
        check_rupture(_rupture(outcome=RepairOutcome.RESOLVED))
    assert "at least one repair strategy" in raised.value.problems["outcome"]


def test_follow_up_before_the_rupture_is_refused() -> None:
    with pytest.raises(InvalidInput) as raised:
        check_rupture(_rupture(follow_up_on=dt.date(2026, 3, 1)))
    assert "cannot be before" in raised.value.problems["follow_up_on"]


@pytest.mark.parametrize("significance", [0, 6, -1])
def test_significance_is_1_to_5(significance: int) -> None:
    with pytest.raises(InvalidInput) as raised:
        check_rupture(_rupture(significance=significance))
    assert "from 1 to 5" in raised.value.problems["significance"]


def test_strategies_belong_to_their_groups() -> None:
    immediate = [s for s in RepairStrategy if s.group is RepairGroup.IMMEDIATE]
    assert [s.value for s in immediate] == [
        "restate_rationale",
        "change_task_or_goal",
        "clarify_misunderstanding",
    ]
    assert len(RepairStrategy) - len(immediate) == 4


def test_markers_are_offered_per_kind() -> None:
    assert "Minimal responses" in markers_for(RuptureKind.WITHDRAWAL)
    assert "Pressure on the therapist" in markers_for(RuptureKind.CONFRONTATION)
    assert "Minimal responses" not in markers_for(RuptureKind.CONFRONTATION)
    assert len(markers_for(RuptureKind.MIXED)) == 14


def test_low_latest_check_in_is_flagged_with_its_reasons() -> None:
    flags = alliance_flags(1, [_point(2, 10), _point(9, 8, bond=7)], [], TODAY)
    low = [f for f in flags if f.kind is FlagKind.LOW_CHECK_IN]
    assert len(low) == 1
    assert low[0].explanation.startswith("Client's latest rating (09 Mar 2026) is low")
    assert "overall 8/10 (below 9)" in low[0].explanation
    assert "bond 7/10 (below 8)" in low[0].explanation


def test_a_drop_of_one_is_flagged_with_whose_rating_and_both_numbers() -> None:
    dropped = alliance_flags(1, [_point(2, 10, tasks=10), _point(9, 9, tasks=8)], [], TODAY)
    assert [f.kind for f in dropped] == [FlagKind.DROP]
    assert dropped[0].explanation == (
        "Client's overall rating dropped 10 → 9 (02 Mar to 09 Mar); tasks 10 → 8."
    )
    steady = alliance_flags(1, [_point(2, 10), _point(9, 10)], [], TODAY)
    assert steady == []


def test_thresholds_are_configurable() -> None:
    strict = AllianceThresholds(overall_below=10)
    assert [f.kind for f in alliance_flags(1, [_point(9, 9)], [], TODAY, strict)] == [
        FlagKind.LOW_CHECK_IN
    ]
    lenient = AllianceThresholds(drop_of=2)
    assert alliance_flags(1, [_point(2, 10), _point(9, 9)], [], TODAY, lenient) == []


def test_unresolved_rupture_older_than_14_days_and_passed_follow_up() -> None:
    old = _rupture(id=7, occurred_on=dt.date(2026, 2, 20), follow_up_on=dt.date(2026, 3, 1))
    recent = _rupture(id=8, occurred_on=dt.date(2026, 3, 10))
    resolved = _rupture(
        id=9,
        occurred_on=dt.date(2026, 1, 1),
        repairs=(RepairAttempt(RepairStrategy.ACKNOWLEDGE_OWN_PART),),
        outcome=RepairOutcome.RESOLVED,
        follow_up_on=dt.date(2026, 1, 8),
    )
    flags = alliance_flags(1, [], [old, recent, resolved], TODAY)
    assert [(f.kind, f.rupture_id) for f in flags] == [
        (FlagKind.UNRESOLVED_RUPTURE, 7),
        (FlagKind.FOLLOW_UP_DUE, 7),
    ]
    assert "after 22 days" in flags[0].explanation
    assert flags[0].since == dt.date(2026, 2, 20)
    assert flags[1].since == dt.date(2026, 3, 1)
    assert flags[0].evidence != flags[1].evidence


def test_check_ins_around_a_rupture() -> None:
    points = [_point(2, 9), _point(9, 6), _point(16, 8)]
    before, after = check_ins_around(dt.date(2026, 3, 9), points)
    assert before is not None and before.on.day == 2
    assert after is not None and after.on.day == 9
