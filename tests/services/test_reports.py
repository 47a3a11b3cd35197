"""Reports from a real vault: the right records reach each report, and the client-facing ones
never carry notes, framing, ruptures or (unless ticked) instrument scores."""

from __future__ import annotations

import datetime as dt
import io
import stat
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from alliance_desktop.domain.alliance_check_in import (
    AllianceCheckIn,
    AllianceRatings,
    Instrument,
    InstrumentScore,
)
from alliance_desktop.domain.client import ClientStatus
from alliance_desktop.domain.ending import EndingPlan, EndingReason, MaintenancePlan
from alliance_desktop.domain.errors import InvalidInput, RecordNotFound
from alliance_desktop.domain.goal import GasRating, Goal, GoalColumn, GoalTask
from alliance_desktop.domain.practice_profile import DateStyle, PaperSize, PracticeProfile
from alliance_desktop.domain.rupture import (
    RaisedBy,
    RepairAttempt,
    RepairOutcome,
    RepairStrategy,
    RuptureEntry,
    RuptureKind,
)
from alliance_desktop.domain.session import SessionStatus
from alliance_desktop.services import Practice
from alliance_desktop.services.reports import NoClientCopyYet, NoEndingPlan
from tests.factories import PASSPHRASE, fixed_clock, make_client, make_session

NAME = "Zoë O’Brien-Волкова"
LEVELS = ("never", "rarely", "twice a week", "most days", "every day")
CLIENT_LEVELS = (
    "I never take the bus",
    "I take it now and then",
    "I take it twice a week",
    "I take it most days",
    "I take it every day",
)
# Written by the clinician for the clinician; single words so line wrapping can't hide them.
FRAMING = "Framingsecret-exposure-hierarchy"
PROCESS_NOTE = "Processnote-countertransference"
PROGRESS_NOTE = "Progressnote-clinical"
RUPTURE_NOTE = "Rupturenote-withdrew"
RATING_NOTE = "Ratingnote-private"
REASON_NOTE = "Reasonnote-private"


def text_of(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


@pytest.fixture
def client_id(practice: Practice) -> int:
    practice.save_profile(
        PracticeProfile(
            clinician_name="Dr Ana Ferreira",
            credentials="DClinPsy",
            practice_name="Harbour Lane Psychotherapy",
            address="4 Harbour Lane, Bristol",
        )
    )
    client = practice.add_client(
        make_client(
            name=NAME,
            preferred_name="",
            start_date=dt.date(2026, 1, 5),
            status=ClientStatus.ENDING,
        )
    )
    client_id = client.id or 0
    bus = practice.goals.add_goal(
        Goal(
            client_id,
            "Take the bus to work",
            clinician_framing=FRAMING,
            column=GoalColumn.ACTIVE,
            levels=LEVELS,
            client_levels=CLIENT_LEVELS,
        )
    )
    for day, level in ((dt.date(2026, 1, 12), -2), (dt.date(2026, 3, 2), 0)):
        practice.goals.rate(bus.id or 0, GasRating(day, level, note=RATING_NOTE))
    practice.goals.add_task(bus.id or 0, GoalTask("Ride two stops on Saturday"))
    practice.goals.add_goal(
        Goal(client_id, "Old goal met long ago", column=GoalColumn.ACHIEVED, levels=LEVELS)
    )
    practice.goals.add_goal(Goal(client_id, "Only an idea so far", levels=LEVELS))
    for week in range(8):
        status = SessionStatus.NO_SHOW if week == 3 else SessionStatus.ATTENDED
        check_in = AllianceCheckIn(
            client=AllianceRatings(8, 8, 9, 7 + week % 4),
            instruments=(InstrumentScore(Instrument.PHQ9, 17 - week),) if week in (0, 7) else (),
        )
        practice.calendar.book(
            make_session(
                client_id,
                dt.datetime(2026, 1, 12, 10) + dt.timedelta(weeks=week),
                status=status,
                check_in=check_in if status is SessionStatus.ATTENDED else AllianceCheckIn(),
                private_note=PROCESS_NOTE,
                progress_note=PROGRESS_NOTE,
            )
        )
    practice.calendar.book(make_session(client_id, dt.datetime(2026, 3, 16, 10)))
    practice.ruptures.add(
        RuptureEntry(
            client_id,
            dt.date(2026, 2, 2),
            RuptureKind.WITHDRAWAL,
            3,
            RaisedBy.CLINICIAN,
            note=RUPTURE_NOTE,
            repairs=(RepairAttempt(RepairStrategy.ACKNOWLEDGE_OWN_PART),),
            outcome=RepairOutcome.RESOLVED,
        )
    )
    practice.ending.save_plan(
        EndingPlan(
            client_id,
            EndingReason.GOALS_MET,
            reason_note=REASON_NOTE,
            planned_last_session=dt.date(2026, 4, 27),
            tapering="Fortnightly in April",
            maintenance=MaintenancePlan(
                what_helped=("Walking to the stop with a friend",),
                supports=("Samaritans 116 123",),
                if_things_get_worse="Ring the GP surgery.",
            ),
            follow_up_dates=(dt.date(2026, 7, 6),),
            referral="Walking group at the leisure centre",
        )
    )
    return client_id


def test_goal_review_is_written_privately(
    practice: Practice, client_id: int, tmp_path: Path
) -> None:
    path = practice.reports.goal_review(
        client_id, tmp_path / "review.pdf", next_focus="Longer trips"
    )
    assert path == tmp_path / "review.pdf"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    text = text_of(path.read_bytes())
    assert f"Goal review for {NAME}" in text
    assert "5 January 2026 to 14 March 2026" in text  # client start date to today
    assert "Where you are now: I take it twice a week (2 March 2026)" in text
    assert "That’s two steps on from where you started." in text
    assert "We have met for 7 sessions in this time." in text
    assert "You: Ride two stops on Saturday — still to do" in text
    assert "If things get worse" in text
    assert "What we’ll focus on next Longer trips" in text
    assert "Only an idea so far" not in text  # proposed goals aren't the client's yet
    assert "Old goal met long ago" in text
    metadata = PdfReader(path).metadata
    assert metadata is not None and metadata.title == "Goal review"
    assert all("Zoë" not in str(value) for value in metadata.values())


def test_client_facing_reports_never_carry_clinician_content(
    practice: Practice, client_id: int
) -> None:
    clinician = text_of(practice.reports.ending_summary_pdf(client_id))
    client_facing = {
        "goal review": text_of(practice.reports.goal_review_pdf(client_id)),
        "client summary": text_of(practice.reports.ending_summary_pdf(client_id, client_copy=True)),
    }
    # These print in the clinician's summary, which proves the extraction would find them.
    for secret in (FRAMING, RUPTURE_NOTE, REASON_NOTE, "Acknowledged my part"):
        assert secret in clinician
    for name, text in client_facing.items():
        for secret in (
            FRAMING,
            RUPTURE_NOTE,
            REASON_NOTE,
            RATING_NOTE,
            PROCESS_NOTE,
            PROGRESS_NOTE,
            "Rupture",
            "Acknowledged my part",
            "PHQ-9",
        ):
            assert secret not in text, f"{secret!r} in the {name}"
        assert "Take the bus to work" in text
    # Session notes are in no report at all.
    assert PROCESS_NOTE not in clinician and PROGRESS_NOTE not in clinician


def test_instrument_scores_only_when_ticked_in(practice: Practice, client_id: int) -> None:
    assert "PHQ-9" not in text_of(practice.reports.ending_summary_pdf(client_id))
    review = text_of(practice.reports.goal_review_pdf(client_id, include_instruments=True))
    scores = (
        "Mood questionnaire (PHQ-9) 0–27, lower is better 17 (12 January 2026) 10 (2 March 2026)"
    )
    assert scores in review
    summary = text_of(
        practice.reports.ending_summary_pdf(client_id, client_copy=True, include_instruments=True)
    )
    assert scores in summary
    early = text_of(
        practice.reports.goal_review_pdf(
            client_id, until=dt.date(2026, 2, 1), include_instruments=True
        )
    )
    assert "17 (12 January 2026) Filled in once" in early and "10 (2 March" not in early


def test_goal_review_dates(practice: Practice, client_id: int) -> None:
    text = text_of(
        practice.reports.goal_review_pdf(
            client_id, since=dt.date(2026, 2, 1), until=dt.date(2026, 2, 28)
        )
    )
    assert "1 February 2026 to 28 February 2026" in text
    # The latest rating up to the end of February is still the −2 of 12 January.
    assert "Where you are now: I never take the bus (12 January 2026)" in text
    with pytest.raises(InvalidInput):
        practice.reports.goal_review_pdf(
            client_id, since=dt.date(2026, 3, 1), until=dt.date(2026, 2, 1)
        )


def test_goals_achieved_before_the_review_are_left_out(
    practice: Practice, client_id: int, vault_path: Path
) -> None:
    # The vault opened again with a clock that says January: the goal is achieved then.
    practice.close()  # one writer at a time
    january = Practice.open(vault_path, PASSPHRASE, clock=lambda: dt.datetime(2026, 1, 20, 9))
    try:
        january.goals.add_goal(
            Goal(client_id, "Reached in January", column=GoalColumn.ACHIEVED, levels=LEVELS)
        )
    finally:
        january.close()
    practice = Practice.open(vault_path, PASSPHRASE, clock=fixed_clock)
    whole = text_of(practice.reports.goal_review_pdf(client_id))
    assert "Reached in January" in whole
    assert "You reached this goal on 20 January 2026." in whole
    text = text_of(practice.reports.goal_review_pdf(client_id, since=dt.date(2026, 2, 1)))
    assert "Reached in January" not in text
    assert "Old goal met long ago" in text  # achieved on 14 March, inside the dates
    assert "Take the bus to work" in text


def test_the_client_copy_is_refused_before_the_ending(practice: Practice) -> None:
    active = practice.add_client(make_client(name="Sam Jones", status=ClientStatus.ACTIVE))
    with pytest.raises(NoClientCopyYet, match=r"is marked active.*Ending tab"):
        practice.reports.ending_summary_pdf(active.id or 0, client_copy=True)
    ending = practice.add_client(make_client(name="Kit Moss", status=ClientStatus.ENDING))
    with pytest.raises(NoClientCopyYet, match=r"No ending plan.*Ending tab"):
        practice.reports.ending_summary_pdf(ending.id or 0, client_copy=True)
    assert issubclass(NoClientCopyYet, RecordNotFound)  # one clear line on the CLI
    # The clinician's version is still there for them.
    assert practice.reports.ending_summary_pdf(active.id or 0).startswith(b"%PDF")


def test_an_ended_clients_review_ends_at_the_last_session(
    practice: Practice, client_id: int
) -> None:
    client = practice.client(client_id)
    practice.update_client(replace(client, status=ClientStatus.ENDED))
    text = text_of(practice.reports.goal_review_pdf(client_id))
    # The 16 March session is still booked, never held: the work ended on 2 March.
    assert "5 January 2026 to 2 March 2026" in text


def test_where_you_are_now_can_be_left_off_a_goal(practice: Practice, client_id: int) -> None:
    bus = next(g for g in practice.goals.board(client_id) if g.title == "Take the bus to work")
    text = text_of(practice.reports.goal_review_pdf(client_id, hide_current=(bus.id or 0,)))
    assert "Where you are now: I take it" not in text
    assert "We’ll talk together about how this goal is going." in text


def test_ending_plan_from_the_record(practice: Practice, client_id: int, tmp_path: Path) -> None:
    path = practice.reports.ending_plan(client_id, tmp_path / "plan.pdf")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    text = text_of(path.read_bytes())
    assert f"Client: {NAME}" in text
    assert REASON_NOTE in text
    assert "1 of 2 agreed goals achieved or rated at or above the expected level" not in text
    assert "2 of 2 agreed goals" in text  # active at 0, and the achieved one
    assert "7 attended of 8 (88%); 1 no-show" in text
    assert "Sessions still booked 1 session (next on 16 March 2026)" in text
    assert "Walking to the stop with a friend" in text
    assert "6 July 2026" in text


def test_ending_plan_needs_a_plan(practice: Practice) -> None:
    other = practice.add_client(make_client(name="Sam Jones")).id or 0
    with pytest.raises(NoEndingPlan, match="No ending plan has been written for Sam Jones"):
        practice.reports.ending_plan_pdf(other)
    assert issubclass(NoEndingPlan, RecordNotFound)  # the CLI turns it into one clear line


def test_clinician_summary_from_the_record(practice: Practice, client_id: int) -> None:
    text = text_of(practice.reports.ending_summary_pdf(client_id))
    assert "First session 12 January 2026" in text
    assert "Last session 2 March 2026" in text
    assert "7 attended of 8; 1 no-show" in text
    assert "Still scheduled 1 session" in text
    assert "−2 (12/01/2026) → 0 (02/03/2026)" in text
    assert "Not counted in the T-score, at any point: Only an idea so far (proposed)." in text
    assert "7 session check-ins" in text
    assert "1 rupture logged (1 withdrawal): 1 resolved." in text
    assert "Walking group at the leisure centre" in text


def test_clinician_summary_without_a_plan(practice: Practice) -> None:
    other = practice.add_client(make_client(name="Sam Jones")).id or 0
    text = text_of(practice.reports.ending_summary_pdf(other))
    assert "Not recorded: no ending plan was written." in text


def test_same_record_gives_the_same_bytes(practice: Practice, client_id: int) -> None:
    for make in (
        practice.reports.goal_review_pdf,
        practice.reports.ending_plan_pdf,
        practice.reports.ending_summary_pdf,
        lambda cid: practice.reports.ending_summary_pdf(cid, client_copy=True),
    ):
        assert make(client_id) == make(client_id)


def test_profile_sets_paper_and_date_style(practice: Practice, client_id: int) -> None:
    a4 = PdfReader(io.BytesIO(practice.reports.ending_plan_pdf(client_id)))
    assert float(a4.pages[0].mediabox.height) == pytest.approx(841.89, abs=0.01)
    practice.save_profile(
        replace(practice.profile(), paper_size=PaperSize.LETTER, date_style=DateStyle.ISO)
    )
    letter = practice.reports.ending_plan_pdf(client_id)
    reader = PdfReader(io.BytesIO(letter))
    assert (float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)) == (
        pytest.approx(612.0),
        pytest.approx(792.0),
    )
    assert "Generated 2026-03-14" in text_of(letter)


def test_writing_into_a_missing_folder_fails_cleanly(
    practice: Practice, client_id: int, tmp_path: Path
) -> None:
    with pytest.raises(FileNotFoundError):
        practice.reports.goal_review(client_id, tmp_path / "nowhere" / "review.pdf")
    assert not (tmp_path / "nowhere").exists()
