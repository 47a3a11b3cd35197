"""The goal review the client takes home: their words, plain language, nothing clinical."""

from __future__ import annotations

import dataclasses
import datetime as dt
import typing

import pytest

from alliance_desktop.domain.goal import Goal, GoalColumn
from alliance_desktop.domain.rupture import Audience, RuptureEntry
from alliance_desktop.reports.audience import ClinicianOnlyContent
from alliance_desktop.reports.goal_review import build_goal_review
from alliance_desktop.reports.report_data import (
    ClientEndingSummaryData,
    ClientGoal,
    GoalReviewData,
    RatingPoint,
)
from alliance_desktop.reports.styles import report_styles
from tests.reports.samples import (
    FRAMING,
    PHQ9,
    RATING_NOTE,
    flat_text,
    goal_review_data,
    goals,
    ruptures,
)


def test_each_goal_in_the_clients_words_with_where_they_are_now() -> None:
    text = flat_text(build_goal_review(goal_review_data()))
    assert "Goal review for Zoë O’Brien-Волкова" in text
    assert "1 January 2026 to 14 March 2026" in text
    assert "1. Get back on the bus to work" in text
    assert "What we hoped for: Taking the bus on my own twice a week" in text
    # The latest rating up to 14 March is +1 (2 March): its own words, then plain words.
    assert "Where you are now: Taking the bus on my own most days" in text
    assert "That’s a little beyond what we hoped for (as of 2 March 2026)" in text
    assert "You reached this goal on 9 March 2026." in text
    assert "How the ratings have moved" in text
    assert "You: Ride two stops on Saturday" in text
    assert "Me: Send the “worry ladder” sheet — done" in text


def test_where_you_are_now_is_as_of_the_end_of_the_review() -> None:
    until = dt.date(2026, 2, 10)  # after the −1 of 2 February, before the 0 and +1
    data = goal_review_data(
        goals=tuple(ClientGoal.from_goal(goal, None, until) for goal in goals()), until=until
    )
    text = flat_text(build_goal_review(data))
    assert "Where you are now: Taking the bus with a friend" in text
    assert "That’s a step short of what we hoped for, so far (as of 2 February 2026)" in text


def test_clinician_framing_and_rating_notes_never_print() -> None:
    text = flat_text(build_goal_review(goal_review_data()))
    assert "Get back on the bus" in text  # the goal is there ...
    assert FRAMING not in text  # ... but not how the clinician frames it
    assert RATING_NOTE not in text


def test_next_focus_prints_as_written_or_as_lines_to_fill_in() -> None:
    written = flat_text(build_goal_review(goal_review_data(next_focus="Longer trips into town")))
    assert "What we’ll focus on next Longer trips into town" in written
    blank = flat_text(build_goal_review(goal_review_data()))
    assert "What we’ll focus on next" in blank
    assert "Longer trips into town" not in blank


def test_instrument_scores_only_when_ticked_in() -> None:
    without = flat_text(build_goal_review(goal_review_data()))
    assert "PHQ-9" not in without
    assert "Questionnaires" not in without
    ticked = flat_text(build_goal_review(goal_review_data(instruments=(PHQ9,))))
    assert "Questionnaires you filled in" in ticked
    assert "05/01/2026 PHQ-9 17 (of 27)" in ticked


def test_no_goals_yet_says_so() -> None:
    text = flat_text(build_goal_review(goal_review_data(goals=())))
    assert "We haven’t agreed on any goals yet." in text


def test_body_type_is_large_enough_to_read() -> None:
    styles = report_styles(client_facing=True)
    for style in (styles.body, styles.bullet, styles.label, styles.aside):
        assert style.fontSize >= 12


def test_a_rupture_entry_slipped_in_is_refused() -> None:
    assert RuptureEntry.audience is Audience.CLINICIAN_ONLY
    smuggled = goal_review_data(goals=(*goal_review_data().goals, ruptures()[0]))
    with pytest.raises(ClinicianOnlyContent, match="clinician only"):
        build_goal_review(smuggled)


def test_a_whole_goal_with_its_framing_slipped_in_is_refused() -> None:
    with pytest.raises(ClinicianOnlyContent, match="Goal"):
        build_goal_review(goal_review_data(goals=(goals()[0],)))
    rupture_as_task = dataclasses.replace(
        goal_review_data().goals[0],
        tasks=(ruptures()[0],),  # type: ignore[arg-type]
    )
    with pytest.raises(ClinicianOnlyContent):
        build_goal_review(goal_review_data(goals=(rupture_as_task,)))


CLINICIAN_ONLY_TYPES = {
    "RuptureEntry",
    "Session",
    "Goal",
    "GasRating",
    "CheckInPoint",
    "EndingPlan",
}


@pytest.mark.parametrize("data_type", [GoalReviewData, ClientEndingSummaryData, ClientGoal])
def test_client_report_data_has_no_field_for_clinician_records(data_type: type) -> None:
    """Structural: there is nowhere in client report data to put a rupture or a note."""
    hints = typing.get_type_hints(data_type)
    for name, hint in hints.items():
        words = set(str(hint).replace("[", " ").replace("]", " ").replace(",", " ").split())
        named = {word.rsplit(".", 1)[-1].strip("'>") for word in words}
        assert not named & CLINICIAN_ONLY_TYPES, f"{data_type.__name__}.{name}: {hint}"
        assert "note" not in name and "framing" not in name and "rupture" not in name


def test_from_goal_keeps_only_ratings_inside_the_dates() -> None:
    goal = goals()[0]
    kept = ClientGoal.from_goal(goal, dt.date(2026, 1, 10), dt.date(2026, 2, 20))
    assert [point.on for point in kept.ratings] == [
        dt.date(2026, 1, 19),
        dt.date(2026, 2, 2),
        dt.date(2026, 2, 16),
    ]
    assert kept.current == RatingPoint(dt.date(2026, 2, 16), 0)
    achieved = ClientGoal.from_goal(goals()[1])
    assert achieved.column is GoalColumn.ACHIEVED
    assert achieved.achieved_on == dt.date(2026, 3, 9)
    assert not hasattr(kept, "clinician_framing")
    assert isinstance(goal, Goal)
