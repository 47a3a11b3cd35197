from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.goal import (
    CheckAnswer,
    GasRating,
    Goal,
    GoalColumn,
    GoalQuality,
    GoalTask,
    QualityCheck,
    TaskOwner,
)
from alliance_desktop.domain.goal_rules import MoveNeedsConfirmation
from alliance_desktop.services import Practice
from tests.factories import PASSPHRASE, fixed_clock, make_client

LEVELS = (
    "Avoids all buses",
    "Bus with a friend",
    "Bus alone twice a week",
    "Bus alone most days",
    "Travels anywhere",
)


@pytest.fixture
def client_id(practice: Practice) -> int:
    return practice.add_client(make_client()).id or 0


ALL_YES = GoalQuality(
    focused=QualityCheck(CheckAnswer.YES),
    realistic=QualityCheck(CheckAnswer.YES),
    coordinated=QualityCheck(CheckAnswer.YES),
)


def _goal(client_id: int, words: str, **changes: object) -> Goal:
    goal = Goal(client_id=client_id, client_words=words, levels=LEVELS, quality=ALL_YES)
    return replace(goal, **changes)


def test_goal_round_trips_with_quality_levels_and_tasks(
    practice: Practice, client_id: int, vault_path: Path
) -> None:
    goal = practice.goals.add_goal(
        _goal(
            client_id,
            "Get the bus to work again",
            clinician_framing="Graded exposure to travel anxiety",
            quality=GoalQuality(
                focused=QualityCheck(CheckAnswer.YES, "one route"),
                realistic=QualityCheck(CheckAnswer.UNSURE, "winter"),
            ),
            target_date=dt.date(2026, 6, 1),
            review_date=dt.date(2026, 4, 1),
            weight=2.0,
            tasks=(GoalTask("Ride one stop on Sunday", TaskOwner.CLIENT, dt.date(2026, 3, 22)),),
        )
    )
    practice.close()
    reopened = Practice.open(vault_path, PASSPHRASE, clock=fixed_clock)
    loaded = reopened.goals.goal(goal.id or 0)
    assert loaded == goal
    assert loaded.quality.realistic.note == "winter"
    assert loaded.tasks[0].due_on == dt.date(2026, 3, 22)
    assert loaded.moved_on(GoalColumn.PROPOSED) == fixed_clock().date()
    reopened.close()


def test_cards_keep_their_order_and_moves_are_dated(practice: Practice, client_id: int) -> None:
    first, second, third = (
        practice.goals.add_goal(_goal(client_id, words)) for words in ("Sleep", "Bus", "Friends")
    )
    practice.goals.move_goal(third.id or 0, GoalColumn.PROPOSED, 0)
    assert [g.title for g in practice.goals.board(client_id)] == ["Friends", "Sleep", "Bus"]

    moved = practice.goals.move_goal(second.id or 0, GoalColumn.AGREED)
    practice.goals.move_goal(first.id or 0, GoalColumn.AGREED, 0)
    board = practice.goals.board(client_id)
    assert [(g.title, g.column, g.position) for g in board] == [
        ("Friends", GoalColumn.PROPOSED, 0),
        ("Sleep", GoalColumn.AGREED, 0),
        ("Bus", GoalColumn.AGREED, 1),
    ]
    assert [m.column for m in moved.history] == [GoalColumn.PROPOSED, GoalColumn.AGREED]


def test_agreeing_over_a_failed_check_needs_confirmation(
    practice: Practice, client_id: int
) -> None:
    goal = practice.goals.add_goal(
        _goal(
            client_id,
            "Never feel anxious again",
            quality=replace(ALL_YES, realistic=QualityCheck(CheckAnswer.NO, "anxiety is human")),
        )
    )
    with pytest.raises(MoveNeedsConfirmation):
        practice.goals.move_goal(goal.id or 0, GoalColumn.AGREED)
    assert practice.goals.goal(goal.id or 0).column is GoalColumn.PROPOSED
    agreed = practice.goals.move_goal(goal.id or 0, GoalColumn.AGREED, confirmed=True)
    assert agreed.column is GoalColumn.AGREED


def test_a_goal_is_agreed_only_once_all_three_questions_are_answered(
    practice: Practice, client_id: int
) -> None:
    goal = practice.goals.add_goal(
        _goal(client_id, "Feel more like myself again", quality=GoalQuality())
    )
    for column in (GoalColumn.AGREED, GoalColumn.ACTIVE):
        with pytest.raises(InvalidInput) as raised:
            practice.goals.move_goal(goal.id or 0, column, confirmed=True)
        assert "focused, realistic, coordinated" in raised.value.problems["quality"]
    unsure = replace(ALL_YES, focused=QualityCheck(CheckAnswer.UNSURE, "still broad"))
    practice.goals.update_goal(replace(goal, quality=unsure))
    with pytest.raises(MoveNeedsConfirmation) as asked:
        practice.goals.move_goal(goal.id or 0, GoalColumn.AGREED)
    assert asked.value.reasons == ["unsure whether focused"]
    practice.goals.move_goal(goal.id or 0, GoalColumn.AGREED, confirmed=True)
    # Once agreed, going on to Active does not ask again.
    active = practice.goals.move_goal(goal.id or 0, GoalColumn.ACTIVE)
    assert active.column is GoalColumn.ACTIVE


def test_a_goal_without_levels_cannot_become_active(practice: Practice, client_id: int) -> None:
    goal = practice.goals.add_goal(replace(_goal(client_id, "Sleep better"), levels=("",) * 5))
    with pytest.raises(InvalidInput) as raised:
        practice.goals.move_goal(goal.id or 0, GoalColumn.ACTIVE)
    assert "levels.0" in raised.value.problems
    assert practice.goals.goal(goal.id or 0).column is GoalColumn.PROPOSED


def test_ratings_build_the_t_score_and_bad_ratings_save_nothing(
    practice: Practice, client_id: int
) -> None:
    goal = practice.goals.add_goal(_goal(client_id, "Bus", column=GoalColumn.ACTIVE))
    practice.goals.rate(goal.id or 0, GasRating(dt.date(2026, 2, 1), -1))
    practice.goals.rate(goal.id or 0, GasRating(dt.date(2026, 3, 1), 1, note="took the 36"))
    with pytest.raises(InvalidInput):
        practice.goals.rate(goal.id or 0, GasRating(dt.date(2026, 3, 2), 3))
    history = practice.goals.t_score_history(client_id)
    assert [round(p.t_score, 1) for p in history] == [40.0, 60.0]
    document = practice.goals.goals_document(client_id)
    assert document["gas_t_score"] == 60.0
    assert document["goals"][0]["ratings"] == [
        {"date": "2026-02-01", "level": -1},
        {"date": "2026-03-01", "level": 1},
    ]
    assert [lvl["level"] for lvl in document["goals"][0]["levels"]] == [-2, -1, 0, 1, 2]
    assert document["goals"][0]["column"] == "active"


def test_tasks_are_added_and_ticked(practice: Practice, client_id: int) -> None:
    goal = practice.goals.add_goal(_goal(client_id, "Bus"))
    with_task = practice.goals.add_task(goal.id or 0, GoalTask("Plan the route", TaskOwner.BOTH))
    assert with_task.open_tasks == 1
    done = practice.goals.update_task(goal.id or 0, replace(with_task.tasks[0], done=True))
    assert done.open_tasks == 0


def test_goals_to_review(practice: Practice, client_id: int) -> None:
    # The fixed clock says 14 March 2026.
    overdue = practice.goals.add_goal(
        _goal(
            client_id, "Overdue review", column=GoalColumn.ACTIVE, review_date=dt.date(2026, 3, 1)
        )
    )
    practice.goals.rate(overdue.id or 0, GasRating(dt.date(2026, 3, 10), 0))
    practice.goals.add_goal(_goal(client_id, "Never rated", column=GoalColumn.ACTIVE))
    stale = practice.goals.add_goal(
        _goal(
            client_id, "Rated long ago", column=GoalColumn.ACTIVE, review_date=dt.date(2026, 9, 1)
        )
    )
    practice.goals.rate(stale.id or 0, GasRating(dt.date(2026, 1, 1), 0))
    practice.goals.add_goal(_goal(client_id, "Just proposed", review_date=dt.date(2026, 1, 1)))
    review = practice.goals.goals_to_review()
    assert [i.title for i in review.due_for_review] == ["Overdue review"]
    assert [i.title for i in review.not_rated_recently] == ["Never rated", "Rated long ago"]
