"""The ending summary: everything for the clinician; the client copy keeps to the client's."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from alliance_desktop.domain.alliance_check_in import Instrument
from alliance_desktop.domain.ending import MaintenancePlan
from alliance_desktop.reports.audience import ClinicianOnlyContent
from alliance_desktop.reports.client_ending_summary import build_client_ending_summary
from alliance_desktop.reports.ending_summary import build_ending_summary
from alliance_desktop.reports.report_data import ClientGoal, InstrumentReading
from tests.reports.samples import (
    FRAMING,
    LEVELS,
    NAME,
    PHQ9,
    RATING_NOTE,
    REASON_NOTE,
    RUPTURE_NOTE,
    client_summary_data,
    clinician_summary_data,
    flat_text,
    goals,
    ruptures,
)


def test_clinician_version_covers_the_whole_course() -> None:
    text = flat_text(build_ending_summary(clinician_summary_data()))
    assert f"Ending summary (clinician version) Client: {NAME}" in text
    assert "First session 5 January 2026" in text
    assert "Last session 9 March 2026" in text
    assert "10 attended of 12; 1 cancellation, 1 no-show" in text
    assert "Still scheduled 3 sessions" in text
    assert f"The goals we set have been met. {REASON_NOTE}" in text
    assert f"Framing: {FRAMING}" in text
    assert "−2 (05/01/2026) → +1 (02/03/2026)" in text
    assert "GAS T-score: 31.4 (05/01/2026) →" in text
    assert "10 session check-ins" in text
    assert "Rupture: resolved" in text  # the chart's legend
    assert "2 ruptures logged (1 withdrawal, 1 confrontation): 1 resolved, 1 with no repair" in text
    assert RUPTURE_NOTE in text
    assert "Talked about what happened between us" in text
    assert "Naming the worry out loud" in text
    assert "Community team for a medication review" in text
    assert "Instrument scores" not in text


def test_clinician_version_with_instruments_ticked_in() -> None:
    readings = (PHQ9, InstrumentReading(dt.date(2026, 3, 2), Instrument.PHQ9, 9))
    text = flat_text(build_ending_summary(clinician_summary_data(instruments=readings)))
    assert "PHQ-9 17 of 27 (05/01/2026) 9 of 27 (02/03/2026) 2" in text


def test_clinician_version_without_a_plan_or_any_records() -> None:
    data = clinician_summary_data(
        plan=None,
        goals=(),
        t_scores=(),
        check_ins=(),
        ruptures=(),
        first_session=None,
        last_session=None,
    )
    text = flat_text(build_ending_summary(data))
    assert "Not recorded: no ending plan was written." in text
    assert "First session None attended" in text
    assert "No goals were agreed." in text
    assert "No check-ins were recorded." in text
    assert "No ruptures were logged." in text
    assert "No ending plan was written." in text


def test_clinician_version_draws_a_long_course() -> None:
    """500 sessions and 40 ruptures lay out over a few pages (the chart thins its dots)."""
    from tests.reports.samples import check_ins

    many = tuple(check_ins(500))
    entries = tuple(
        replace(
            ruptures()[i % 2], id=i, occurred_on=dt.date(2026, 1, 5) + dt.timedelta(weeks=12 * i)
        )
        for i in range(40)
    )
    text = flat_text(build_ending_summary(clinician_summary_data(check_ins=many, ruptures=entries)))
    assert "500 session check-ins" in text
    assert "40 ruptures logged" in text


def test_client_copy_keeps_to_the_client_facing_parts() -> None:
    text = flat_text(build_ending_summary(client_summary_data()))
    assert f"Ending summary for {NAME}" in text
    assert "Our work together: 5 January 2026 to 9 March 2026" in text
    assert "We met for 10 sessions." in text
    assert "Why we are ending You have reached the goals we set together." in text
    # Achievements before what is still open.
    assert text.index("What you achieved 1. Sleep through most nights") < text.index(
        "What you are still working on 2. Get back on the bus to work"
    )
    assert "Where you are now: I take the bus on my own most days" in text
    assert "Your plan for keeping well" in text
    assert "Who to see next Community team for a medication review" in text
    assert "How to get in touch again" in text
    assert "Follow-up session around 8 June 2026 (to be booked)" in text
    assert "A last word You kept going on the hard weeks. That took courage." in text
    for entry in (
        "Naming the worry out loud",
        "Warning signs for you to watch for",
        "Samaritans 116 123",
        "If things get worse Ring the GP surgery this week.",
        "In an emergency, call your local emergency number.",
    ):
        assert entry in text


def test_client_copy_says_which_follow_ups_are_booked() -> None:
    data = client_summary_data(booked_follow_ups=(dt.date(2026, 6, 8),))
    text = flat_text(build_ending_summary(data))
    assert "Follow-up session on 8 June 2026 (booked)" in text
    assert "to be booked" not in text


def test_client_copy_never_holds_clinician_only_content() -> None:
    clinician = flat_text(build_ending_summary(clinician_summary_data()))
    client = flat_text(build_ending_summary(client_summary_data()))
    # Each of these does print in the clinician's version, so the extraction can find them.
    for secret in (
        RUPTURE_NOTE,
        FRAMING,
        REASON_NOTE,
        "Rupture",
        "Talked about what happened",
        "T-score",
    ):
        assert secret in clinician
        assert secret not in client
    assert RATING_NOTE not in client and RATING_NOTE not in clinician
    for description in LEVELS:  # the clinician's level text, never the client's copy
        assert description not in client
    assert "PHQ-9" not in client


def test_client_copy_shows_instruments_only_when_ticked_in() -> None:
    text = flat_text(build_ending_summary(client_summary_data(instruments=(PHQ9,))))
    assert "Questionnaires about how you have been" in text
    assert "Mood questionnaire (PHQ-9) 0–27, lower is better 17 (5 January 2026)" in text


def test_client_copy_with_an_unwritten_plan_leaves_room_to_write() -> None:
    data = client_summary_data(
        maintenance=MaintenancePlan(),
        follow_up_dates=(),
        goals=(),
        referral="",
        closing_words="",
    )
    text = flat_text(build_ending_summary(data))
    assert "What helped Warning signs for you to watch for" in text  # lines, not text, between
    assert "Not written yet" not in text
    assert "No follow-up session is planned yet." in text
    assert "We didn’t set any goals down in writing." in text
    assert "Who to see next" not in text and "A last word" not in text
    # Never empty: with nothing written and no crisis contacts, the practice and 999-style line.
    assert "If things get worse If you feel unsafe" in text
    assert "Call Harbour Lane Psychotherapy on +44 117 496 0000." in text


def test_dispatch_picks_the_client_builder_for_client_data() -> None:
    data = client_summary_data()
    assert build_ending_summary(data) == build_client_ending_summary(data)
    assert build_ending_summary(data) != build_ending_summary(clinician_summary_data())


def test_client_copy_refuses_smuggled_clinician_records() -> None:
    with pytest.raises(ClinicianOnlyContent):
        build_ending_summary(client_summary_data(goals=tuple(goals())))
    with pytest.raises(ClinicianOnlyContent):
        build_ending_summary(client_summary_data(follow_up_dates=(ruptures()[0],)))


def test_client_copy_hands_what_is_still_open_to_the_client_gently() -> None:
    bus = ClientGoal.from_goal(goals()[0], None, dt.date(2026, 2, 10))  # at −1 then
    text = flat_text(build_ending_summary(client_summary_data(goals=(bus,))))
    assert "What you are still working on 1. Get back on the bus to work" in text
    assert "your plan for keeping well can help you keep going with this." in text
    assert "We’ll keep working" not in text  # the sessions are ending: no promise of more
    assert "short of" not in text


def test_client_copy_tells_a_follow_up_already_held_as_held() -> None:
    data = client_summary_data(follow_up_dates=(dt.date(2026, 3, 1),))
    text = flat_text(build_ending_summary(data))
    assert "We met again for a follow-up session on 1 March 2026" in text
    assert "to be booked" not in text
