"""The session editor shows a signed note with its dated amendments, and signs a note on
request."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from alliance_desktop.domain.session import SessionStatus
from alliance_desktop.services import Practice
from alliance_desktop.ui.dialogs.session_dialog import SessionDialog
from alliance_desktop.ui.main_window import MainWindow
from alliance_desktop.ui.tasks import TaskRunner
from tests.factories import make_client, make_session
from tests.ui.dialog_driver import when_dialog_opens

VERSIONS = ("As signed: low mood.", "Amended: low mood, better sleep.", "Amended again: sleep.")


def _session(practice: Practice, status: SessionStatus) -> int:
    client = practice.add_client(make_client(name="Ada Lind"))
    start = dt.datetime.combine(practice.today() - dt.timedelta(days=1), dt.time(10))
    booked = practice.calendar.book(make_session(client.id or 0, start, status=status))
    return booked.id or 0


def test_a_note_amended_twice_shows_all_three_versions(
    qtbot: QtBot, practice: Practice, main_window: MainWindow, tasks: TaskRunner
) -> None:
    session_id = _session(practice, SessionStatus.ATTENDED)
    calendar = practice.calendar
    for text in VERSIONS:
        calendar.save(replace(calendar.session(session_id), progress_note=text))
    seen: list[tuple[str, str, str]] = []

    def look(dialog: SessionDialog) -> None:
        history = dialog.note_history
        assert history is not None
        qtbot.mouseClick(history.show_versions, Qt.MouseButton.LeftButton)
        seen.append(
            (
                dialog.progress_note.toPlainText(),
                history.state.text(),
                history.versions.toPlainText(),
            )
        )

    driver = when_dialog_opens(SessionDialog, look)
    main_window.session_editing.open_session(session_id)
    qtbot.waitUntil(lambda: driver.opened and not tasks.is_busy)
    note, state, versions = seen[0]
    assert note == VERSIONS[-1]
    assert state.startswith("Signed ") and "2 amendments" in state
    assert [versions.index(text) for text in VERSIONS] == sorted(
        versions.index(text) for text in VERSIONS
    )
    assert "Amendment 1," in versions and "Amendment 2," in versions


def test_sign_on_saving_signs_a_note_of_a_session_not_yet_closed(
    qtbot: QtBot, practice: Practice, main_window: MainWindow, tasks: TaskRunner
) -> None:
    session_id = _session(practice, SessionStatus.SCHEDULED)

    def write_and_sign(dialog: SessionDialog) -> None:
        history = dialog.note_history
        assert history is not None and not history.sign_box.isHidden()
        qtbot.keyClicks(dialog.progress_note, "Phone call about the referral.")
        history.sign_box.setChecked(True)
        dialog.accept()

    when_dialog_opens(SessionDialog, write_and_sign)
    main_window.session_editing.open_session(session_id)
    qtbot.waitUntil(lambda: practice.notes.signed_note(session_id).is_signed, timeout=10_000)
    assert practice.notes.signed_note(session_id).current == "Phone call about the referral."
