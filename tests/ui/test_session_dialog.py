"""The session editor on its own: it returns checked plain data, shows bad input at the field
it is about, and never saves."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTime
from pytestqt.qtbot import QtBot

from alliance_desktop.domain.alliance_check_in import (
    AllianceCheckIn,
    AllianceDimension,
    AllianceRatings,
    Instrument,
    InstrumentScore,
    Rater,
)
from alliance_desktop.domain.client import ClientStatus, ClientSummary
from alliance_desktop.domain.recurrence import Frequency, RecurrenceRule
from alliance_desktop.domain.session import Modality, Session, SessionStatus
from alliance_desktop.ui.dialogs.session_dialog import PRIVATE_NOTICE, SessionDialog

MONDAY_TEN = dt.datetime(2026, 3, 16, 10, 0)
CLIENTS = [
    ClientSummary(1, "Ana Ruiz", "", ClientStatus.ACTIVE, None, False),
    ClientSummary(2, "Bea Lund", "", ClientStatus.ACTIVE, None, False),
    ClientSummary(3, "Cy Archived", "", ClientStatus.ENDED, None, True),
]


def _open(qtbot: QtBot, session: Session, is_new: bool = False) -> SessionDialog:
    dialog = SessionDialog(session, CLIENTS, is_new=is_new)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _save(qtbot: QtBot, dialog: SessionDialog) -> None:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def _rate(qtbot: QtBot, dialog: SessionDialog, rater: Rater, values: tuple[str, ...]) -> None:
    for dimension, value in zip(AllianceDimension, values, strict=True):
        box = dialog.check_in.ratings[(rater, dimension)]
        box.clear()
        qtbot.keyClicks(box, value)


def test_a_new_session_needs_a_client_and_offers_only_current_clients(qtbot: QtBot) -> None:
    dialog = _open(qtbot, Session(0, MONDAY_TEN, 50), is_new=True)
    names = [dialog.client.itemText(i) for i in range(dialog.client.count())]
    assert names == ["Ana Ruiz", "Bea Lund"]  # archived clients are not booked

    _save(qtbot, dialog)
    assert dialog.messages.message("client_id") == "Choose the client this session is with."
    assert dialog.result_booking() is None

    dialog.client.setCurrentIndex(1)
    qtbot.keyClicks(dialog.agenda, "  Her sister's visit  ")
    _save(qtbot, dialog)
    booking = dialog.result_booking()
    assert booking is not None and booking.repeat is None
    assert booking.session.client_id == 2
    assert booking.session.agenda == "Her sister's visit"
    assert (booking.session.start, booking.session.duration_minutes) == (MONDAY_TEN, 50)


def test_the_end_follows_the_start_and_the_length_follows_the_end(qtbot: QtBot) -> None:
    dialog = _open(qtbot, Session(1, MONDAY_TEN, 50))
    timing = dialog.timing
    timing.start.setTime(QTime(11, 0))
    assert timing.end.time() == QTime(11, 50)
    timing.end.setTime(QTime(12, 0))
    assert timing.duration.value() == 60
    timing.duration.setValue(45)
    assert timing.end.time() == QTime(11, 45)


def test_an_end_before_the_start_is_refused_at_the_end_field(qtbot: QtBot) -> None:
    dialog = _open(qtbot, Session(1, MONDAY_TEN, 50))
    dialog.timing.end.setTime(QTime(9, 30))

    _save(qtbot, dialog)

    assert dialog.isVisible()
    assert dialog.result_booking() is None
    assert dialog.messages.message("end") == "The session must end after it starts."
    assert dialog.timing.end.property("invalid") is True


def test_a_length_of_zero_is_refused_at_the_length_field(qtbot: QtBot) -> None:
    dialog = _open(qtbot, Session(1, MONDAY_TEN, 50))
    dialog.timing.duration.setValue(0)

    _save(qtbot, dialog)

    assert "more than 0 minutes" in dialog.messages.message("duration_minutes")
    assert dialog.result_booking() is None


def test_a_check_in_answer_out_of_range_is_shown_at_its_box(qtbot: QtBot) -> None:
    dialog = _open(qtbot, Session(1, MONDAY_TEN, 50))
    _rate(qtbot, dialog, Rater.CLIENT, ("12", "7", "9", "8"))

    _save(qtbot, dialog)

    assert dialog.messages.message("check_in.client.goals") == (
        "Goals (client) must be from 0 to 10 (got 12)."
    )
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "Alliance check-in"
    assert dialog.result_booking() is None


def test_half_answered_ratings_and_unreadable_totals_are_named(qtbot: QtBot) -> None:
    dialog = _open(qtbot, Session(1, MONDAY_TEN, 50))
    qtbot.keyClicks(dialog.check_in.ratings[(Rater.CLINICIAN, AllianceDimension.BOND)], "6")
    qtbot.keyClicks(dialog.check_in.totals[Instrument.PHQ9], "31")
    qtbot.keyClicks(dialog.check_in.totals[Instrument.SRS], ".")

    _save(qtbot, dialog)

    assert "clinician's answers are incomplete" in dialog.messages.message("check_in.clinician")
    assert "must be a number" in dialog.messages.message("check_in.srs")
    assert dialog.result_booking() is None


def test_the_check_in_comes_back_as_numbers_only(qtbot: QtBot) -> None:
    dialog = _open(qtbot, Session(1, MONDAY_TEN, 50))
    _rate(qtbot, dialog, Rater.CLIENT, ("8", "7", "9", "8"))
    qtbot.keyClicks(dialog.check_in.totals[Instrument.SRS], "35,5")
    for name, value in (("goal", "16"), ("task", "15"), ("bond", "17")):
        qtbot.keyClicks(dialog.check_in.subscales[(Instrument.WAI_SR, name)], value)

    _save(qtbot, dialog)

    booking = dialog.result_booking()
    assert booking is not None
    assert booking.session.check_in == AllianceCheckIn(
        client=AllianceRatings(8, 7, 9, 8),
        clinician=None,
        instruments=(
            InstrumentScore(Instrument.SRS, 35.5),
            # With every subscale given, the total is their sum.
            InstrumentScore(Instrument.WAI_SR, 48, (("goal", 16), ("task", 15), ("bond", 17))),
        ),
    )


def test_an_existing_session_comes_back_unchanged_with_its_private_note_apart(
    qtbot: QtBot,
) -> None:
    session = Session(
        1,
        MONDAY_TEN,
        50,
        id=9,
        modality=Modality.VIDEO,
        status=SessionStatus.ATTENDED,
        agenda="Work stress",
        progress_note="Explored the deadline.",
        private_note="I felt hurried.",
        focus="Problem-solving",
        check_in=AllianceCheckIn(
            client=AllianceRatings(8, 7, 9, 8),
            instruments=(InstrumentScore(Instrument.ORS, 24.5),),
        ),
    )
    dialog = _open(qtbot, session)
    assert dialog.private_note.toPlainText() == "I felt hurried."
    assert "never exported or printed unless you tick them in" in PRIVATE_NOTICE
    assert dialog.tabs.tabText(2) == "Process notes (private)"

    _save(qtbot, dialog)

    booking = dialog.result_booking()
    assert booking is not None and booking.session == session


def test_a_weekly_repeat_comes_back_as_a_rule(qtbot: QtBot) -> None:
    dialog = _open(qtbot, Session(1, MONDAY_TEN, 50), is_new=True)
    repeat = dialog.repeat
    repeat.frequency.setCurrentIndex(repeat.frequency.findData(Frequency.WEEKLY))
    repeat.count.setValue(4)
    assert repeat.summary.text() == "Every Monday at 10:00, 4 sessions"

    _save(qtbot, dialog)

    booking = dialog.result_booking()
    assert booking is not None
    assert booking.repeat == RecurrenceRule(Frequency.WEEKLY, MONDAY_TEN, count=4)


def test_a_series_ending_before_it_starts_is_refused_at_the_end_date(qtbot: QtBot) -> None:
    dialog = _open(qtbot, Session(1, MONDAY_TEN, 50), is_new=True)
    repeat = dialog.repeat
    repeat.frequency.setCurrentIndex(repeat.frequency.findData(Frequency.FORTNIGHTLY))
    repeat.by_date.setChecked(True)
    repeat.until.setDate(QDate(2026, 3, 1))

    _save(qtbot, dialog)

    assert dialog.messages.message("until") == "The series cannot end before its first session."
    assert dialog.result_booking() is None
