"""A GAS rating entered by mistake is corrected or withdrawn, dated; the original stays in the
history and no longer counts."""

from __future__ import annotations

import datetime as dt

import pytest

from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.goal import GasRating, Goal, GoalColumn
from alliance_desktop.services import Practice
from tests.factories import make_client


def _rated_goal(practice: Practice) -> tuple[int, int]:
    client = practice.add_client(make_client(name="Ada Lind"))
    goal = practice.goals.add_goal(
        Goal(
            client_id=client.id or 0,
            client_words="Sleep through most nights",
            column=GoalColumn.ACTIVE,
            levels=("worse", "less", "expected", "more", "much more"),
        )
    )
    rated = practice.goals.rate(goal.id or 0, GasRating(practice.today(), 2))  # meant 0
    return goal.id or 0, rated.ratings[-1].id or 0


def test_a_correction_replaces_the_rating_and_keeps_the_original(practice: Practice) -> None:
    goal_id, rating_id = _rated_goal(practice)
    corrected = practice.ratings.correct(rating_id, 0, "Entered +2 by mistake")
    assert [r.level for r in practice.goals.goal(goal_id).ratings] == [0]
    history = practice.ratings.history(goal_id)
    assert [(e.rating.level, e.in_force) for e in history] == [(2, False), (0, True)]
    assert history[0].replaced_by == corrected.id
    with pytest.raises(InvalidInput):
        practice.ratings.correct(rating_id, 1, "")  # only the rating in force is changed
    kinds = [entry.kind for entry in practice.audit_entries(5)]
    assert "gas_rating.corrected" in kinds


def test_a_withdrawn_rating_no_longer_counts_and_is_dated(practice: Practice) -> None:
    goal_id, rating_id = _rated_goal(practice)
    practice.ratings.withdraw(rating_id)
    assert practice.goals.goal(goal_id).ratings == ()
    (entry,) = practice.ratings.history(goal_id)
    assert entry.withdrawn_on == practice.today() and not entry.in_force
    assert isinstance(entry.withdrawn_on, dt.date)
