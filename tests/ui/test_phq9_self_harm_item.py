"""The PHQ-9 self-harm item in the session editor: recorded beside the total, checked at its box,
and an answer above 0 says that it asks for a risk review. No item wording is shown."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from alliance_desktop.domain.alliance_check_in import Instrument, InstrumentScore
from alliance_desktop.domain.client import ClientStatus, ClientSummary
from alliance_desktop.domain.session import Session
from alliance_desktop.ui.dialogs.check_in_fields import SELF_HARM_FIELD
from alliance_desktop.ui.dialogs.session_dialog import SessionDialog

MONDAY_TEN = dt.datetime(2026, 3, 16, 10, 0)
CLIENTS = [ClientSummary(1, "Ana Ruiz", "", ClientStatus.ACTIVE, None, False)]


def _open(qtbot: QtBot) -> SessionDialog:
    dialog = SessionDialog(Session(1, MONDAY_TEN, 50), CLIENTS, is_new=True)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_item_nine_is_saved_with_the_total_and_asks_for_a_review(qtbot: QtBot) -> None:
    dialog = _open(qtbot)
    fields = dialog.check_in
    qtbot.keyClicks(fields.totals[Instrument.PHQ9], "14")
    assert fields.review_note.isHidden()
    qtbot.keyClicks(fields.self_harm_item, "2")
    assert not fields.review_note.isHidden()
    assert "risk review" in fields.review_note.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    booking = dialog.result_booking()
    assert booking is not None
    assert booking.session.check_in.instruments == (
        InstrumentScore(Instrument.PHQ9, 14, self_harm_item=2),
    )


def test_item_nine_out_of_range_or_without_a_total_is_shown_at_its_box(qtbot: QtBot) -> None:
    dialog = _open(qtbot)
    qtbot.keyClicks(dialog.check_in.self_harm_item, "2")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "enter the PHQ-9 total too" in dialog.messages.message(SELF_HARM_FIELD)
    assert dialog.result_booking() is None

    qtbot.keyClicks(dialog.check_in.totals[Instrument.PHQ9], "20")
    dialog.check_in.self_harm_item.clear()
    qtbot.keyClicks(dialog.check_in.self_harm_item, "5")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    message = dialog.messages.message(SELF_HARM_FIELD)
    assert message.startswith("PHQ-9 item 9 (thoughts of self-harm), 0-3")
    assert "from 0 to 3 (got 5)" in message
    assert dialog.result_booking() is None


def test_an_existing_answer_is_shown_again(qtbot: QtBot) -> None:
    from alliance_desktop.domain.alliance_check_in import AllianceCheckIn

    session = Session(
        1,
        MONDAY_TEN,
        50,
        check_in=AllianceCheckIn(
            instruments=(InstrumentScore(Instrument.PHQ9, 9, self_harm_item=1),)
        ),
    )
    dialog = SessionDialog(session, CLIENTS, is_new=False)
    qtbot.addWidget(dialog)
    assert dialog.check_in.self_harm_item.text() == "1"
    assert not dialog.check_in.review_note.isHidden() or not dialog.isVisible()
