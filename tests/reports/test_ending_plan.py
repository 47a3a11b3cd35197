"""The ending plan: reason, readiness from the record, last sessions, maintenance plan."""

from __future__ import annotations

from dataclasses import replace

from alliance_desktop.domain.ending import EndingPlan, readiness_signals
from alliance_desktop.domain.session import AttendanceCounts
from alliance_desktop.reports.ending_plan import build_ending_plan, readiness_rows
from tests.reports.samples import (
    ATTENDANCE,
    NAME,
    PLAN,
    REASON_NOTE,
    check_ins,
    ending_plan_data,
    flat_text,
    goals,
)


def test_plan_prints_reason_readiness_tapering_and_maintenance() -> None:
    text = flat_text(build_ending_plan(ending_plan_data()))
    assert f"Client: {NAME}" in text
    assert "The goals we set have been met" in text
    assert REASON_NOTE in text
    assert "2 of 2 agreed goals achieved or rated at or above the expected level" in text
    assert "GAS T-score, first → latest" in text
    assert "Not yet stable: 1 rupture still open" in text
    assert "10 attended of 12 (83%); 1 cancellation, 1 no-show" in text
    assert "Planned last session 4 May 2026" in text
    assert "Tapering Fortnightly through April" in text
    assert "Sessions still booked 3 sessions (next on 16 March 2026)" in text
    for entry in (
        "Naming the worry out loud",
        "Making excuses not to travel",
        "Take a short trip anyway",
        "Samaritans 116 123",
        "Ring the GP surgery this week.",
        "8 June 2026",
        "Community team for a medication review",
    ):
        assert entry in text


def test_t_score_change_is_signed() -> None:
    rows = dict(readiness_rows(readiness_signals(goals(), check_ins(), 0, ATTENDANCE), 9))
    # First rating day: bus −2, with sleep at its first rating (−1) standing in (T 31.4);
    # latest: bus +1 and sleep +1 together.
    # 50 + 10·2 / √(0.7·2 + 0.3·4) = 62.4
    assert rows["GAS T-score, first → latest"] == (
        "31.4 → 62.4 (+31.0; 50 is every goal at its expected level)"
    )


def test_alliance_stable_when_recent_check_ins_are_high_and_nothing_is_open() -> None:
    signals = readiness_signals(goals(), check_ins(), 0, ATTENDANCE)
    assert signals.alliance_stable
    rows = dict(readiness_rows(signals, 9))
    assert rows["Alliance"] == (
        "Stable: the client's own last 3 check-ins rated overall 9/10 or more, and no rupture "
        "is open"
    )
    low = readiness_signals(goals(), check_ins(3), 0, ATTENDANCE)
    assert dict(readiness_rows(low, 9))["Alliance"].startswith(
        "Not yet stable: not all of the client's own"
    )


def test_an_empty_record_says_what_is_missing() -> None:
    signals = readiness_signals([], [], 0, AttendanceCounts())
    rows = dict(readiness_rows(signals, 9))
    assert rows == {
        "Goals": "No goals agreed",
        "GAS T-score, first → latest": "No goal rated yet",
        "Alliance": "No check-ins recorded yet",
        "Attendance": "No sessions held yet",
    }
    text = flat_text(
        build_ending_plan(
            ending_plan_data(
                plan=EndingPlan(1),
                readiness=signals,
                goals=(),
                sessions_booked=0,
                next_session=None,
            )
        )
    )
    assert "Not written yet." in text
    assert "None booked." in text
    assert "Referral" not in text


def test_blank_reason_note_prints_only_the_reason() -> None:
    text = flat_text(build_ending_plan(ending_plan_data(plan=replace(PLAN, reason_note=""))))
    assert "Reason for ending The goals we set have been met Readiness signals" in text
