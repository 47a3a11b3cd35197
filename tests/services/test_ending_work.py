from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from alliance_desktop.domain.alliance_check_in import AllianceCheckIn, AllianceRatings
from alliance_desktop.domain.ending import EndingPlan, EndingReason, MaintenancePlan
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.goal import GasRating, Goal, GoalColumn
from alliance_desktop.domain.session import SessionStatus
from alliance_desktop.services import Practice
from tests.factories import PASSPHRASE, fixed_clock, make_client, make_session

LEVELS = ("much worse", "worse", "expected", "better", "much better")


@pytest.fixture
def client_id(practice: Practice) -> int:
    return practice.add_client(make_client()).id or 0


def test_plan_round_trips_and_is_tidied(
    practice: Practice, client_id: int, vault_path: Path
) -> None:
    assert not practice.ending.has_plan(client_id)
    plan = EndingPlan(
        client_id=client_id,
        reason=EndingReason.GOALS_MET,
        started_on=dt.date(2026, 3, 1),
        planned_last_session=dt.date(2026, 5, 4),
        tapering="Fortnightly in April, then one month gap",
        maintenance=MaintenancePlan(
            what_helped=("Naming the feeling out loud", " "),
            warning_signs=("Cancelling plans with friends",),
            coping_steps=("Walk before work",),
            supports=("Sister Ana", "GP surgery"),
            if_things_get_worse="Call the GP; self-refer again.",
        ),
        follow_up_dates=(dt.date(2026, 8, 3), dt.date(2026, 6, 1)),
    )
    saved = practice.ending.save_plan(plan)
    assert saved.maintenance.what_helped == ("Naming the feeling out loud",)
    assert saved.follow_up_dates == (dt.date(2026, 6, 1), dt.date(2026, 8, 3))
    practice.close()
    reopened = Practice.open(vault_path, PASSPHRASE, clock=fixed_clock)
    assert reopened.ending.plan(client_id) == saved
    reopened.close()


def test_last_session_before_the_start_is_refused(practice: Practice, client_id: int) -> None:
    with pytest.raises(InvalidInput) as raised:
        practice.ending.save_plan(
            EndingPlan(
                client_id, started_on=dt.date(2026, 5, 1), planned_last_session=dt.date(2026, 4, 1)
            )
        )
    assert "planned_last_session" in raised.value.problems
    assert not practice.ending.has_plan(client_id)


def test_readiness_signals_come_from_the_record(practice: Practice, client_id: int) -> None:
    goal = practice.goals.add_goal(Goal(client_id, "Bus", column=GoalColumn.ACTIVE, levels=LEVELS))
    practice.goals.rate(goal.id or 0, GasRating(dt.date(2026, 1, 5), -1))
    practice.goals.rate(goal.id or 0, GasRating(dt.date(2026, 3, 2), 1))
    practice.goals.add_goal(Goal(client_id, "Sleep", column=GoalColumn.ACHIEVED, levels=LEVELS))
    for week in range(4):
        practice.calendar.book(
            make_session(
                client_id,
                dt.datetime(2026, 2, 9, 10) + dt.timedelta(weeks=week),
                status=SessionStatus.ATTENDED if week != 1 else SessionStatus.NO_SHOW,
                check_in=AllianceCheckIn(client=AllianceRatings(9, 9, 10, 9 + week % 2)),
            )
        )
    signals = practice.ending.readiness(client_id)
    assert signals.goals_agreed == 2
    assert signals.goals_at_or_above_expected == 2
    assert signals.first_t_score == pytest.approx(40.0)
    assert signals.latest_t_score == pytest.approx(60.0)
    assert signals.alliance_stable
    assert signals.attendance_rate == pytest.approx(0.75)
