"""A client's Sessions tab, and the table model behind it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot

from alliance_desktop.domain.session import CalendarEntry, Modality, SessionKind, SessionStatus
from alliance_desktop.services import Practice
from alliance_desktop.ui.dialogs.session_dialog import SessionDialog
from alliance_desktop.ui.main_window import MainWindow
from alliance_desktop.ui.models.session_history_model import (
    DATE_COLUMN,
    SESSION_ID_ROLE,
    STATUS_COLUMN,
    TIME_COLUMN,
    SessionHistoryModel,
)
from alliance_desktop.ui.tasks import TaskRunner
from alliance_desktop.ui.views.client_tabs.sessions_tab import SessionsTab
from tests.factories import make_client, make_session
from tests.ui.dialog_driver import when_dialog_opens

MONDAY = dt.datetime(2026, 3, 2, 10, 0)


def _entry(session_id: int, start: dt.datetime, status: SessionStatus) -> CalendarEntry:
    return CalendarEntry(
        session_id, 1, "Ana Ruiz", start, 50, status, Modality.PHONE, SessionKind.REVIEW, None
    )


def test_the_history_model_lists_newest_first_and_passes_the_model_tester(
    qtbot: QtBot,
) -> None:
    model = SessionHistoryModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_rows(
        [
            _entry(1, MONDAY, SessionStatus.ATTENDED),
            _entry(2, MONDAY + dt.timedelta(weeks=1), SessionStatus.LATE_CANCELLED),
        ]
    )
    assert model.rowCount() == 2
    assert model.index(0, DATE_COLUMN).data() == "Mon 09/03/2026"
    assert model.index(0, TIME_COLUMN).data() == "10:00–10:50"
    assert model.index(0, STATUS_COLUMN).data() == "Late cancellation"
    assert model.index(1, STATUS_COLUMN).data() == "Attended"
    assert not model.index(1, STATUS_COLUMN).data(Qt.ItemDataRole.DecorationRole).isNull()
    assert model.index(1, 0).data(SESSION_ID_ROLE) == 1
    assert model.row_of(2) == 0
    assert "Late cancellation · Phone · Review" in model.index(0, 0).data(
        Qt.ItemDataRole.ToolTipRole
    )
    model.set_rows([])
    assert model.rowCount() == 0


def _open_tab(qtbot: QtBot, main_window: MainWindow, tasks: TaskRunner, client_id: int) -> None:
    main_window.open_client(client_id)
    main_window.clients_view.overview.show_tab("Sessions")
    tab = main_window.sessions_tab
    qtbot.waitUntil(lambda: tab.history is not None and not tasks.is_busy)


def test_the_sessions_tab_counts_attendance_and_names_the_next_session(
    qtbot: QtBot, practice: Practice, main_window: MainWindow, tasks: TaskRunner
) -> None:
    client = practice.add_client(make_client(name="Ana Ruiz", preferred_name=""))
    statuses = (
        SessionStatus.ATTENDED,
        SessionStatus.ATTENDED,
        SessionStatus.CANCELLED,
        SessionStatus.LATE_CANCELLED,
        SessionStatus.NO_SHOW,
        SessionStatus.CLINICIAN_CANCELLED,
    )
    practice.calendar.add_many(
        [
            make_session(client.id or 0, MONDAY - dt.timedelta(weeks=n), status=status)
            for n, status in enumerate(statuses)
        ]
    )
    coming = practice.calendar.book(make_session(client.id or 0, dt.datetime(2026, 3, 16, 9)))
    main_window.clients_view.refresh()
    qtbot.waitUntil(lambda: not tasks.is_busy)
    _open_tab(qtbot, main_window, tasks, client.id or 0)
    tab: SessionsTab = main_window.sessions_tab

    assert tab.attendance_text() == (
        "2 attended, 1 cancelled, 1 cancelled late, 1 no-shows, 1 cancelled by me"
    )
    assert tab.next_label.text() == "Next session: Monday 16/03/2026, 09:00–09:50 · In person"
    assert tab.model.rowCount() == 7
    assert tab.model.entry_at(0).session_id == coming.id  # newest first

    seen: list[str] = []
    driver = when_dialog_opens(
        SessionDialog, lambda dialog: seen.append(dialog.timing.start.time().toString("HH:mm"))
    )
    index = tab.model.index(0, 0)
    point = tab.table.visualRect(index).center()
    # A double-click as the mouse makes it: a click, then the second press.
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseDClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: driver.opened and not tasks.is_busy)
    assert seen == ["09:00"]


def test_new_session_from_the_tab_is_for_that_client(
    qtbot: QtBot, practice: Practice, main_window: MainWindow, tasks: TaskRunner
) -> None:
    practice.add_client(make_client(name="Ana Ruiz", preferred_name=""))
    bea = practice.add_client(make_client(name="Bea Lund", preferred_name=""))
    main_window.clients_view.refresh()
    qtbot.waitUntil(lambda: not tasks.is_busy)
    _open_tab(qtbot, main_window, tasks, bea.id or 0)
    tab: SessionsTab = main_window.sessions_tab
    assert tab.stack.currentWidget() is tab.empty_state
    assert tab.next_label.text() == "No session booked ahead"

    def book(dialog: SessionDialog) -> None:
        assert dialog.client.currentText() == "Bea Lund"
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(SessionDialog, book)
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1 and not tasks.is_busy)

    assert tab.model.entry_at(0).client_id == bea.id
    assert tab.next_label.text().startswith("Next session: Saturday 14/03/2026, 10:00")
