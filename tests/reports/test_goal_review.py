"""The goal review the client takes home: their words, plain language, nothing clinical."""

from __future__ import annotations

import dataclasses
import datetime as dt
import typing

import pytest

from alliance_desktop.domain.alliance_check_in import Instrument
from alliance_desktop.domain.crisis_contacts import CrisisContact
from alliance_desktop.domain.goal import GasRating, Goal, GoalColumn
from alliance_desktop.domain.rupture import Audience, RuptureEntry
from alliance_desktop.reports.audience import ClinicianOnlyContent
from alliance_desktop.reports.goal_review import build_goal_review
from alliance_desktop.reports.report_data import (
    ClientEndingSummaryData,
    ClientGoal,
    GoalReviewData,
    InstrumentReading,
    RatingPoint,
)
from alliance_desktop.reports.styles import report_styles
from tests.reports.samples import (
    FRAMING,
    LEVELS,
    PHQ9,
    PROFILE,
    RATING_NOTE,
    flat_text,
    goal_review_data,
    goals,
    ruptures,
)


def test_each_goal_in_the_clients_words_told_from_where_they_started() -> None:
    text = flat_text(build_goal_review(goal_review_data()))
    assert "Goal review for Zoë O’Brien-Волкова" in text
    assert "1 January 2026 to 14 March 2026" in text
    assert "1. Get back on the bus to work" in text
    assert "What we hoped for: I take the bus on my own twice a week" in text
    # First rating −2 (5 January), latest up to 14 March +1 (2 March): three steps on.
    assert "Where you started: I’m not getting on the bus yet (5 January 2026)" in text
    assert "Where you are now: I take the bus on my own most days (2 March 2026)" in text
    assert "That’s three steps on from where you started." in text
    assert "That’s a little beyond what we hoped for." in text
    assert "You reached this goal on 9 March 2026." in text
    assert "How things have moved for “Get back on the bus to work”" in text
    assert "What we agreed to do (1 of 3 done so far)" in text
    # A date passed says "still to do"; one still ahead keeps its date.
    assert "You: Ride two stops on Saturday — still to do" in text
    assert "You: Try the 8:15 to town — by 21 March 2026" in text
    assert "Me: Send the “worry ladder” sheet — done" in text


def test_the_clinicians_level_text_never_prints() -> None:
    text = flat_text(build_goal_review(goal_review_data()))
    for description in (*LEVELS, "Awake most nights", "Sleeping through four nights"):
        assert description not in text


def test_without_the_clients_wording_a_plain_neutral_phrase_stands_in() -> None:
    bus = dataclasses.replace(goals()[0], client_levels=("", "", "", "", ""))
    data = goal_review_data(goals=(ClientGoal.from_goal(bus, None, dt.date(2026, 2, 10)),))
    text = flat_text(build_goal_review(data))
    assert "Where you are now: Part of the way towards what we hoped for (2 February 2026)" in text
    assert "What we hoped for:" not in text
    for description in LEVELS:
        assert description not in text


def test_below_what_we_hoped_for_the_words_are_gentle_and_look_forward() -> None:
    until = dt.date(2026, 2, 10)  # after the −1 of 2 February, before the 0 and +1
    data = goal_review_data(
        goals=tuple(ClientGoal.from_goal(goal, None, until) for goal in goals()), until=until
    )
    text = flat_text(build_goal_review(data))
    assert "Where you are now: I take the bus with a friend (2 February 2026)" in text
    assert "That’s one step on from where you started." in text
    assert "we’ll keep working towards what we hoped for, together." in text
    for harsh in ("short", "Much less", "Expected (0)", "less than we expected"):
        assert harsh not in text


def test_no_movement_is_told_as_where_you_started_without_blame() -> None:
    flat = dataclasses.replace(
        goals()[0],
        ratings=tuple(
            GasRating(dt.date(2026, 1, 5) + dt.timedelta(weeks=4 * i), -2) for i in range(6)
        ),
    )
    text = flat_text(build_goal_review(goal_review_data(goals=(ClientGoal.from_goal(flat),))))
    assert "That’s about where you were when we started." in text
    assert "short" not in text


def test_the_clinician_can_leave_where_you_are_now_off_a_goal() -> None:
    hidden = ClientGoal.from_goal(goals()[0], show_current=False)
    text = flat_text(build_goal_review(goal_review_data(goals=(hidden,))))
    assert "Where you are now" not in text
    assert "How things have moved" not in text
    assert "We’ll talk together about how this goal is going." in text
    assert "Ride two stops on Saturday" in text  # what was done still shows


def test_every_goal_review_says_where_to_get_help() -> None:
    text = flat_text(build_goal_review(goal_review_data()))
    assert "If things get worse" in text
    assert "In an emergency, call your local emergency number." in text  # no contacts: fallback
    assert "+44 117 496 0000" in text
    contacts = (CrisisContact("Samaritans", "116 123", "24 hours, every day"),)
    profile = dataclasses.replace(PROFILE, crisis_contacts=contacts)
    text = flat_text(build_goal_review(goal_review_data(profile=profile)))
    assert "Samaritans: 116 123 (24 hours, every day)" in text


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
    assert "Questionnaires about how you have been" in ticked
    assert "Mood questionnaire (PHQ-9) 0–27, lower is better 17 (5 January 2026)" in ticked
    assert "Your ratings of our sessions" not in ticked


def test_the_clients_rating_of_sessions_is_kept_apart_and_first_and_latest_only() -> None:
    readings = (
        PHQ9,
        InstrumentReading(dt.date(2026, 2, 2), Instrument.PHQ9, 12),
        InstrumentReading(dt.date(2026, 3, 2), Instrument.PHQ9, 9),
        InstrumentReading(dt.date(2026, 3, 2), Instrument.SRS, 36.5),
    )
    text = flat_text(build_goal_review(goal_review_data(instruments=readings)))
    assert "17 (5 January 2026) 9 (2 March 2026)" in text
    assert "12 (2 February 2026)" not in text  # first and latest only
    how_you_have_been = text.index("Questionnaires about how you have been")
    sessions = text.index("Your ratings of our sessions")
    assert how_you_have_been < text.index("Mood questionnaire") < sessions
    assert text.index("How our sessions felt to you (SRS) 0–40, higher is better") > sessions


def test_no_goals_yet_says_so() -> None:
    text = flat_text(build_goal_review(goal_review_data(goals=())))
    assert "We haven’t written down any goals yet." in text
    assert "goals we agreed on" not in text  # an intake review does not contradict itself


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
