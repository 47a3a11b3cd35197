"""The client's wording of each goal level and the clinician's closing words are kept in the
vault as typed (schema 12), and a plan without a reason is refused before it is saved."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alliance_desktop.domain.ending import EndingPlan, EndingReason
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.goal import Goal, GoalColumn
from alliance_desktop.services import Practice
from tests.factories import make_client

_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60).filter(
    lambda text: text.strip() == text and text
)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(wording=_TEXT)
def test_the_clients_level_wording_comes_back_as_typed(practice: Practice, wording: str) -> None:
    client_id = practice.add_client(make_client()).id or 0
    goal = practice.goals.add_goal(
        Goal(
            client_id,
            "Ask for help",
            column=GoalColumn.AGREED,
            client_levels=("", "", wording, "", ""),
        )
    )
    stored = next(g for g in practice.goals.board(client_id) if g.id == goal.id)
    assert stored.client_level_wording(0) == wording
    assert stored.levels == ("", "", "", "", "")  # the clinician's own text stays separate
    updated = practice.goals.update_goal(replace(stored, client_levels=(wording, "", "", "", "")))
    assert updated.client_levels == (wording, "", "", "", "")


def test_closing_words_are_kept_and_a_plan_needs_a_reason(practice: Practice) -> None:
    client_id = practice.add_client(make_client()).id or 0
    with pytest.raises(InvalidInput) as refused:
        practice.ending.save_plan(EndingPlan(client_id, closing_words="Well done"))
    assert refused.value.problems == {
        "reason": "Choose why therapy is ending before saving the plan."
    }
    assert not practice.ending.has_plan(client_id)
    practice.ending.save_plan(
        EndingPlan(
            client_id,
            EndingReason.CLIENT_FEELS_ABLE,
            closing_words="  You kept going.  ",
            planned_last_session=dt.date(2026, 4, 27),
        )
    )
    plan = practice.ending.plan(client_id)
    assert plan.closing_words == "You kept going."
    assert plan.reason is EndingReason.CLIENT_FEELS_ABLE
    assert EndingPlan(client_id).reason is None  # no default
