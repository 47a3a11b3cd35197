"""Edit › Undo covers a save made in the session editor, not only moves and status marks."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from alliance_desktop.domain.session import SessionStatus
from alliance_desktop.services import Practice
from alliance_desktop.ui.dialogs.session_dialog import SessionDialog
from alliance_desktop.ui.main_window import MainWindow
from alliance_desktop.ui.tasks import TaskRunner
from tests.factories import make_client, make_session
from tests.ui.dialog_driver import when_dialog_opens


def test_undo_and_redo_a_note_saved_in_the_editor(
    qtbot: QtBot, practice: Practice, main_window: MainWindow, tasks: TaskRunner
) -> None:
    client = practice.add_client(make_client(name="Ada Lind"))
    start = dt.datetime.combine(practice.today() + dt.timedelta(days=1), dt.time(10))
    session = practice.calendar.book(
        make_session(client.id or 0, start, status=SessionStatus.SCHEDULED, agenda="Before")
    )
    session_id = session.id or 0
    editing = main_window.session_editing

    def write(dialog: SessionDialog) -> None:
        dialog.agenda.setPlainText("After: what she brought")
        dialog.accept()

    when_dialog_opens(SessionDialog, write)
    editing.open_session(session_id)
    qtbot.waitUntil(lambda: editing.undo_stack.count() == 1 and not tasks.is_busy, timeout=10_000)
    assert practice.calendar.session(session_id).agenda == "After: what she brought"
    undo = main_window.menu_actions.undo
    assert undo.isEnabled() and "changes to the session" in undo.text()

    undo.trigger()
    qtbot.waitUntil(lambda: not tasks.is_busy)
    qtbot.waitUntil(lambda: practice.calendar.session(session_id).agenda == "Before")
    main_window.menu_actions.redo.trigger()
    qtbot.waitUntil(
        lambda: practice.calendar.session(session_id).agenda == "After: what she brought"
    )
