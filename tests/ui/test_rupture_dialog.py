"""The rupture editor on its own: plain data out, problems shown at their field, nothing kept."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from alliance_desktop.domain.alliance_check_in import AllianceRatings
from alliance_desktop.domain.alliance_flags import CheckInPoint
from alliance_desktop.domain.rupture import (
    RaisedBy,
    RepairAttempt,
    RepairOutcome,
    RepairStrategy,
    RuptureEntry,
    RuptureKind,
)
from alliance_desktop.domain.session import (
    CalendarEntry,
    Modality,
    SessionKind,
    SessionStatus,
)
from alliance_desktop.ui.dialogs.rupture_dialog import (
    CHOOSE_SIGNIFICANCE,
    RuptureDialog,
    draft_rupture,
)

TODAY = dt.date(2026, 3, 14)
SESSION = CalendarEntry(
    session_id=31,
    client_id=1,
    client_name="Ada Quinn",
    start=dt.datetime(2026, 3, 10, 14, 0),
    duration_minutes=50,
    status=SessionStatus.ATTENDED,
    modality=Modality.IN_PERSON,
    kind=SessionKind.REGULAR,
    series_id=None,
)
CHECK_INS = [
    CheckInPoint(30, dt.date(2026, 3, 3), AllianceRatings(9, 9, 9, 9), None),
    CheckInPoint(31, dt.date(2026, 3, 10), None, AllianceRatings(7, 6, 7, 6)),
]


def _open(qtbot: QtBot, entry: RuptureEntry | None = None) -> RuptureDialog:
    dialog = RuptureDialog(entry or draft_rupture(1, TODAY), [SESSION], CHECK_INS, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _click(qtbot: QtBot, widget: object) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


def test_a_rupture_and_its_repair_typed_in_come_back_as_plain_data(qtbot: QtBot) -> None:
    dialog = _open(qtbot)

    dialog.session.setCurrentIndex(dialog.session.findData(31))  # the date follows the session
    dialog.kind.setCurrentIndex(dialog.kind.findData(RuptureKind.CONFRONTATION))
    dialog.markers.tick("Complaints about progress")
    qtbot.keyClicks(dialog.markers.own_words, "Looked at the clock")
    _click(qtbot, dialog.markers.add_button)
    _click(qtbot, dialog.significance.button(4))
    _click(qtbot, dialog.raised_by_client)
    qtbot.keyClicks(dialog.note, "Said the homework was pointless.")
    dialog.tabs.setCurrentIndex(1)
    _click(qtbot, dialog.repairs.boxes[RepairStrategy.VALIDATE_ASSERTION])
    qtbot.keyClicks(dialog.repairs.notes[RepairStrategy.VALIDATE_ASSERTION], "agreed, too much")
    _click(qtbot, dialog.repairs.boxes[RepairStrategy.CHANGE_TASK_OR_GOAL])
    dialog.outcome.setCurrentIndex(dialog.outcome.findData(RepairOutcome.PARTLY))
    dialog.follow_up.known.setChecked(True)
    dialog.follow_up.date_edit.setDate(QDate(2026, 3, 17))
    _click(qtbot, dialog.save_button)

    assert dialog.result_entry() == RuptureEntry(
        client_id=1,
        occurred_on=dt.date(2026, 3, 10),
        kind=RuptureKind.CONFRONTATION,
        significance=4,
        raised_by=RaisedBy.CLIENT,
        session_id=31,
        markers=("Complaints about progress", "Looked at the clock"),
        note="Said the homework was pointless.",
        repairs=(
            RepairAttempt(RepairStrategy.CHANGE_TASK_OR_GOAL, ""),
            RepairAttempt(RepairStrategy.VALIDATE_ASSERTION, "agreed, too much"),
        ),
        outcome=RepairOutcome.PARTLY,
        follow_up_on=dt.date(2026, 3, 17),
    )


def test_the_check_ins_either_side_follow_the_date_and_say_whose_they_are(
    qtbot: QtBot,
) -> None:
    dialog = _open(qtbot)
    dialog.occurred_on.setDate(QDate(2026, 3, 8))

    assert dialog.alliance_before.text().startswith("03/03/2026: overall 9")
    assert "the client's own ratings" in dialog.alliance_before.text()
    assert "overall 6 · goals 7 · tasks 6 · bond 7" in dialog.alliance_after.text()
    assert "your own ratings" in dialog.alliance_after.text()


def test_an_outcome_without_any_strategy_is_refused_at_the_outcome(qtbot: QtBot) -> None:
    dialog = _open(qtbot)
    _click(qtbot, dialog.significance.button(2))
    dialog.outcome.setCurrentIndex(dialog.outcome.findData(RepairOutcome.RESOLVED))

    _click(qtbot, dialog.save_button)

    assert dialog.isVisible()
    assert dialog.result_entry() is None
    assert "at least one repair strategy" in dialog.messages.message("outcome")
    assert dialog.outcome.property("invalid") is True
    assert dialog.tabs.currentIndex() == 1  # turned to the Repair tab


def test_a_follow_up_before_the_rupture_is_refused(qtbot: QtBot) -> None:
    dialog = _open(qtbot)
    _click(qtbot, dialog.significance.button(2))
    dialog.follow_up.known.setChecked(True)
    dialog.follow_up.date_edit.setDate(QDate(2026, 3, 1))

    _click(qtbot, dialog.save_button)

    assert dialog.messages.message("follow_up_on") == "The follow-up cannot be before the rupture."
    assert dialog.result_entry() is None


def test_significance_must_be_chosen_and_within_one_to_five(qtbot: QtBot) -> None:
    dialog = _open(qtbot)
    _click(qtbot, dialog.save_button)
    assert dialog.messages.message("significance") == CHOOSE_SIGNIFICANCE

    stored = RuptureEntry(
        id=3,
        client_id=1,
        occurred_on=dt.date(2026, 3, 2),
        kind=RuptureKind.MIXED,
        significance=9,
        raised_by=RaisedBy.CLIENT,
    )
    dialog = _open(qtbot, stored)
    assert dialog.entry_from_fields().significance == 0  # 9 is not offered, nothing chosen
    _click(qtbot, dialog.save_button)
    assert dialog.result_entry() is None
    assert "from 1 (slight) to 5" in dialog.messages.message("significance")

    _click(qtbot, dialog.significance.button(5))
    _click(qtbot, dialog.save_button)
    saved = dialog.result_entry()
    assert saved is not None and saved.id == 3 and saved.significance == 5


def test_changing_the_kind_keeps_the_markers_already_ticked(qtbot: QtBot) -> None:
    dialog = _open(qtbot)
    dialog.markers.tick("Minimal responses")
    dialog.kind.setCurrentIndex(dialog.kind.findData(RuptureKind.CONFRONTATION))

    assert dialog.markers.markers() == ("Minimal responses",)
    assert dialog.kind_note.text().startswith("Moving against")
    assert dialog.markers.list.count() == 8  # seven confrontation markers and the kept one


def test_an_existing_entry_opens_as_saved_and_cancel_returns_nothing(qtbot: QtBot) -> None:
    stored = RuptureEntry(
        id=8,
        client_id=1,
        occurred_on=dt.date(2026, 3, 10),
        kind=RuptureKind.WITHDRAWAL,
        significance=2,
        raised_by=RaisedBy.CLINICIAN,
        session_id=31,
        markers=("Shifting the topic", "went quiet about her sister"),
        repairs=(RepairAttempt(RepairStrategy.EXPLORE_WHAT_HAPPENED, "named it gently"),),
        outcome=RepairOutcome.RESOLVED,
    )
    dialog = _open(qtbot, stored)
    assert "Private to you" in " ".join(
        label.text() for label in dialog.findChildren(type(dialog.kind_note))
    )

    _click(qtbot, dialog.save_button)
    assert dialog.result_entry() == stored

    dialog = _open(qtbot, stored)
    dialog.reject()
    assert dialog.result_entry() is None


def test_a_new_entry_offers_the_latest_recent_session_and_its_date(qtbot: QtBot) -> None:
    dialog = _open(qtbot)

    assert dialog.session.currentData() == 31
    assert dialog.entry_from_fields().occurred_on == dt.date(2026, 3, 10)

    old = RuptureDialog(draft_rupture(1, dt.date(2026, 4, 30)), [SESSION], CHECK_INS)
    qtbot.addWidget(old)
    assert old.session.currentData() is None  # seven weeks on: no guess
