"""Today's sessions on the Today page, and closing the ones that ended without a mark."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from alliance_desktop.domain.session import Modality, SessionStatus
from alliance_desktop.services import Practice
from alliance_desktop.ui.dialogs.session_dialog import SessionDialog
from alliance_desktop.ui.main_window import MainWindow
from alliance_desktop.ui.session_editing import suggested_start
from alliance_desktop.ui.tasks import TaskRunner
from alliance_desktop.ui.views.today_sessions import TodaySessionsCard
from tests.factories import make_client, make_session
from tests.ui.dialog_driver import when_dialog_opens

# The fixed clock says Saturday 14 March 2026, 09:30.
TODAY = dt.date(2026, 3, 14)


def _at(hour: int, minute: int = 0, day: dt.date = TODAY) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


def _loaded(qtbot: QtBot, main_window: MainWindow, tasks: TaskRunner) -> TodaySessionsCard:
    card = main_window.today_view.sessions_card
    main_window.today_view.refresh()
    qtbot.waitUntil(lambda: card.plan is not None and not tasks.is_busy)
    return card


def test_todays_sessions_in_time_order_each_one_click_from_its_editor(
    qtbot: QtBot, practice: Practice, main_window: MainWindow, tasks: TaskRunner
) -> None:
    ana = practice.add_client(make_client(name="Ana Ruiz", preferred_name="")).id or 0
    bea = practice.add_client(make_client(name="Bea Lund", preferred_name="")).id or 0
    late = practice.calendar.book(make_session(bea, _at(16), modality=Modality.VIDEO))
    practice.calendar.book(make_session(ana, _at(11)))
    practice.calendar.book(make_session(ana, _at(11, day=TODAY + dt.timedelta(days=1))))
    card = _loaded(qtbot, main_window, tasks)

    lines = [card.session_list.item(row).text() for row in range(card.session_list.count())]
    assert lines == ["Ana Ruiz\n11:00–11:50", "Bea Lund\n16:00–16:50 · Video"]
    assert card.title.text() == "Today's sessions (2)"
    assert card.all_closed.isVisibleTo(card)

    seen: list[str] = []
    driver = when_dialog_opens(
        SessionDialog, lambda dialog: seen.append(dialog.client.currentText())
    )
    item = card.session_list.item(1)
    rect = card.session_list.visualItemRect(item)
    qtbot.mouseClick(card.session_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: driver.opened and not tasks.is_busy)
    assert seen == ["Bea Lund"]
    assert practice.calendar.session(late.id or 0) == late


def test_a_session_left_open_is_closed_with_one_click_and_can_be_undone(
    qtbot: QtBot, practice: Practice, main_window: MainWindow, tasks: TaskRunner
) -> None:
    ana = practice.add_client(make_client(name="Ana Ruiz", preferred_name="")).id or 0
    earlier = practice.calendar.book(make_session(ana, _at(10, day=dt.date(2026, 3, 12))))
    this_morning = practice.calendar.book(make_session(ana, _at(8)))
    practice.calendar.book(make_session(ana, _at(15)))  # still to come: nothing to close
    card = _loaded(qtbot, main_window, tasks)
    assert card.close_title.text() == "To close (2)"
    # The most recent first: the one still fresh in mind.
    assert [row.entry.session_id for row in card.rows] == [this_morning.id, earlier.id]

    qtbot.mouseClick(card.rows[0].attended_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: card.close_title.text() == "To close (1)" and not tasks.is_busy)
    assert practice.calendar.session(this_morning.id or 0).status is SessionStatus.ATTENDED
    assert "marked as attended" in main_window.statusBar().currentMessage()

    card.rows[0].cancel_actions[SessionStatus.LATE_CANCELLED].trigger()
    qtbot.waitUntil(lambda: card.close_title.text() == "To close" and not tasks.is_busy)
    assert practice.calendar.session(earlier.id or 0).status is SessionStatus.LATE_CANCELLED

    main_window.menu_actions.undo.trigger()  # Edit › Undo
    qtbot.waitUntil(lambda: card.close_title.text() == "To close (1)" and not tasks.is_busy)
    assert practice.calendar.session(earlier.id or 0).status is SessionStatus.SCHEDULED
    assert practice.calendar.session(this_morning.id or 0).status is SessionStatus.ATTENDED


def test_a_new_session_is_suggested_within_the_working_day() -> None:
    assert suggested_start(_at(9, 30)) == _at(10)
    assert suggested_start(_at(0, 28)) == _at(9)
    assert suggested_start(_at(19, 10)) == _at(9, day=TODAY + dt.timedelta(days=1))
    assert suggested_start(_at(23, 30)) == _at(9, day=TODAY + dt.timedelta(days=1))


def test_a_no_show_offers_a_visible_undo_that_takes_it_back(
    qtbot: QtBot, practice: Practice, main_window: MainWindow, tasks: TaskRunner
) -> None:
    ana = practice.add_client(make_client(name="Ana Ruiz", preferred_name="")).id or 0
    morning = practice.calendar.book(make_session(ana, _at(8)))
    card = _loaded(qtbot, main_window, tasks)
    assert not main_window.undo_button.isVisible()

    qtbot.mouseClick(card.rows[0].no_show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: main_window.undo_button.isVisible() and not tasks.is_busy)
    assert "no-show" in main_window.undo_button.text()
    qtbot.mouseClick(main_window.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: card.close_title.text() == "To close (1)" and not tasks.is_busy)
    assert practice.calendar.session(morning.id or 0).status is SessionStatus.SCHEDULED
    assert not main_window.undo_button.isVisible()


def test_a_long_day_shows_every_session_without_a_scroll_box(
    qtbot: QtBot, practice: Practice, main_window: MainWindow, tasks: TaskRunner
) -> None:
    ana = practice.add_client(make_client(name="Ana Ruiz", preferred_name="")).id or 0
    for hour in range(10, 18):
        practice.calendar.book(make_session(ana, _at(hour)))
    card = _loaded(qtbot, main_window, tasks)
    view = card.session_list
    assert view.count() == 8
    last = view.visualItemRect(view.item(7))
    assert last.bottom() <= view.viewport().height()  # the eighth row is in view, whole
