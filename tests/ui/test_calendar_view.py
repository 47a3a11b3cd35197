"""The Calendar page, used as a clinician would: click a free time, type, drag, undo, page
through weeks and months from the keyboard."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt, QTime
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from alliance_desktop.domain.recurrence import Frequency
from alliance_desktop.domain.session import CalendarEntry, SessionStatus
from alliance_desktop.services import Practice
from alliance_desktop.ui import messages
from alliance_desktop.ui.dialogs.session_dialog import SessionDialog
from alliance_desktop.ui.main_window import MainWindow
from alliance_desktop.ui.tasks import TaskRunner
from alliance_desktop.ui.views.calendar_view import CalendarView
from alliance_desktop.ui.widgets.calendar_layout import CalendarMode
from alliance_desktop.ui.widgets.time_grid import TimeGrid
from tests.factories import make_client, make_session
from tests.ui.dialog_driver import when_dialog_opens

# The fixed clock says Saturday 14 March 2026, 09:30; its week is Mon 9 - Sun 15 March.
MONDAY_TEN = dt.datetime(2026, 3, 16, 10, 0)
THURSDAY = dt.date(2026, 3, 12)


@pytest.fixture
def client_id(practice: Practice) -> int:
    return practice.add_client(make_client(name="Ana Ruiz", preferred_name="")).id or 0


def _calendar(
    qtbot: QtBot, main_window: MainWindow, tasks: TaskRunner, mode: CalendarMode
) -> CalendarView:
    view = main_window.calendar_view
    main_window.show_page(main_window.pages.indexOf(view))
    view.set_mode(mode)
    qtbot.waitUntil(lambda: view.shown is not None and view.shown.mode is mode)
    qtbot.waitUntil(lambda: not tasks.is_busy)
    return view


def _shown_entries(view: CalendarView) -> list[CalendarEntry]:
    return view.shown.entries if view.shown else []


def _reload(qtbot: QtBot, view: CalendarView, tasks: TaskRunner) -> None:
    view.refresh()
    qtbot.waitUntil(lambda: not tasks.is_busy)


def _week_of(qtbot: QtBot, view: CalendarView, tasks: TaskRunner, day: dt.date) -> None:
    view.anchor = day
    _reload(qtbot, view, tasks)


def _drag(qtbot: QtBot, grid: TimeGrid, entry: CalendarEntry, to: dt.datetime) -> None:
    press = grid.block_rect(entry).center().toPoint()
    grab = grid.minutes_at(press.y()) - (entry.start.hour * 60 + entry.start.minute)
    target_minutes = to.hour * 60 + to.minute + grab + 1
    column = grid.days.index(to.date())
    x = int(grid.column_left(column) + grid.column_width() / 2)
    release = QPoint(x, int(grid.y_of(target_minutes)))
    viewport = grid.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=press)
    qtbot.mouseMove(viewport, (press + release) / 2)
    qtbot.mouseMove(viewport, release)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=release)


def test_clicking_a_free_slot_books_a_session_typed_into_the_editor(
    qtbot: QtBot, practice: Practice, main_window: MainWindow, tasks: TaskRunner, client_id: int
) -> None:
    view = _calendar(qtbot, main_window, tasks, CalendarMode.WEEK)
    slot = dt.datetime.combine(THURSDAY, dt.time(14, 0))
    seen: dict[str, object] = {}

    def fill_in(dialog: SessionDialog) -> None:
        seen["start"] = dialog.timing.start_moment()
        dialog.client.setCurrentIndex(dialog.client.findText("Ana Ruiz"))
        dialog.tabs.setCurrentIndex(1)
        qtbot.keyClicks(dialog.agenda, "Her sister's visit")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    driver = when_dialog_opens(SessionDialog, fill_in)
    qtbot.mouseClick(
        view.time_grid.viewport(), Qt.MouseButton.LeftButton, pos=view.time_grid.point_at(slot)
    )
    qtbot.waitUntil(lambda: len(_shown_entries(view)) == 1)

    assert driver.opened and seen["start"] == slot
    entry = _shown_entries(view)[0]
    assert (entry.start, entry.duration_minutes, entry.client_name) == (slot, 50, "Ana Ruiz")
    assert practice.calendar.session(entry.session_id).agenda == "Her sister's visit"
    assert "Session booked for Thu 12 Mar, 14:00" in main_window.statusBar().currentMessage()


def test_double_clicking_a_session_opens_it_in_the_editor(
    qtbot: QtBot, practice: Practice, main_window: MainWindow, tasks: TaskRunner, client_id: int
) -> None:
    booked = practice.calendar.book(
        make_session(client_id, dt.datetime(2026, 3, 11, 11, 0), progress_note="Grief work.")
    )
    view = _calendar(qtbot, main_window, tasks, CalendarMode.WEEK)
    entry = _shown_entries(view)[0]
    seen: dict[str, str] = {}

    def read(dialog: SessionDialog) -> None:
        seen["note"] = dialog.progress_note.toPlainText()
        seen["client"] = dialog.client.currentText()
        dialog.reject()

    driver = when_dialog_opens(SessionDialog, read)
    point = view.time_grid.block_rect(entry).center().toPoint()
    qtbot.mouseClick(view.time_grid.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert view.time_grid.selected_session_id == booked.id  # one click selects
    qtbot.mouseDClick(view.time_grid.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: driver.opened and not tasks.is_busy)

    assert seen == {"note": "Grief work.", "client": "Ana Ruiz"}
    assert practice.calendar.session(booked.id or 0) == booked  # cancelled: nothing changed


def test_dragging_a_session_moves_it_and_undo_puts_it_back(
    qtbot: QtBot, practice: Practice, main_window: MainWindow, tasks: TaskRunner, client_id: int
) -> None:
    booked = practice.calendar.book(make_session(client_id, dt.datetime(2026, 3, 10, 10, 0)))
    view = _calendar(qtbot, main_window, tasks, CalendarMode.WEEK)
    new_start = dt.datetime(2026, 3, 12, 15, 30)

    _drag(qtbot, view.time_grid, _shown_entries(view)[0], new_start)
    qtbot.waitUntil(lambda: _shown_entries(view)[0].start == new_start)
    assert practice.calendar.session(booked.id or 0).start == new_start
    assert main_window.menu_actions.undo.isEnabled()
    assert main_window.menu_actions.undo.text() == "&Undo move to Thu 12 Mar, 15:30"

    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    qtbot.keyClick(main_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _shown_entries(view)[0].start == booked.start)
    assert practice.calendar.session(booked.id or 0) == booked
    assert "Undone" in main_window.statusBar().currentMessage()


def test_a_session_moved_from_the_keyboard_in_the_month(
    qtbot: QtBot, practice: Practice, main_window: MainWindow, tasks: TaskRunner, client_id: int
) -> None:
    booked = practice.calendar.book(make_session(client_id, dt.datetime(2026, 3, 10, 10, 0)))
    view = _calendar(qtbot, main_window, tasks, CalendarMode.MONTH)
    grid = view.month_grid
    chip = grid.chip_rect(booked.id or 0)
    assert chip is not None
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=chip.center())
    assert grid.selected_session_id == booked.id

    qtbot.keyClick(grid, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: not tasks.is_busy and _shown_entries(view)[0].start.day == 17)
    assert practice.calendar.session(booked.id or 0).start == dt.datetime(2026, 3, 17, 10, 0)


def test_page_down_moves_a_week_or_month_and_t_comes_back_to_today(
    qtbot: QtBot, main_window: MainWindow, tasks: TaskRunner
) -> None:
    view = _calendar(qtbot, main_window, tasks, CalendarMode.WEEK)
    grid = view.time_grid
    assert view.period_label.text() == "9 – 15 March 2026"

    qtbot.keyClick(grid, Qt.Key.Key_Right)
    assert grid.selected_day == dt.date(2026, 3, 15)
    qtbot.keyClick(grid, Qt.Key.Key_Right)  # past Sunday: the next week
    qtbot.waitUntil(lambda: view.period_label.text() == "16 – 22 March 2026")
    assert grid.selected_day == dt.date(2026, 3, 16)
    qtbot.keyClick(grid, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: view.period_label.text() == "23 – 29 March 2026")
    qtbot.keyClick(grid, Qt.Key.Key_M)
    qtbot.waitUntil(lambda: view.period_label.text() == "March 2026")
    qtbot.keyClick(view.month_grid, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: view.period_label.text() == "April 2026")
    qtbot.keyClick(view.month_grid, Qt.Key.Key_T)
    qtbot.waitUntil(lambda: view.anchor == dt.date(2026, 3, 14))
    qtbot.keyClick(view.month_grid, Qt.Key.Key_Right)
    assert view.month_grid.selected_day == dt.date(2026, 3, 15)
    qtbot.keyClick(view.month_grid, Qt.Key.Key_Down)  # a week on, into the next week row
    assert view.month_grid.selected_day == dt.date(2026, 3, 22)
    assert view.period_label.text() == "March 2026"
    qtbot.keyClick(view.month_grid, Qt.Key.Key_Return)  # opens the selected day
    qtbot.waitUntil(lambda: view.period_label.text() == "Sunday 22 March 2026")
    assert view.mode is CalendarMode.DAY


def test_a_weekly_series_typed_into_the_editor_shows_on_four_weeks(
    qtbot: QtBot, practice: Practice, main_window: MainWindow, tasks: TaskRunner, client_id: int
) -> None:
    view = _calendar(qtbot, main_window, tasks, CalendarMode.WEEK)
    _week_of(qtbot, view, tasks, MONDAY_TEN.date())

    def weekly(dialog: SessionDialog) -> None:
        dialog.client.setCurrentIndex(0)
        repeat = dialog.repeat
        repeat.frequency.setCurrentIndex(repeat.frequency.findData(Frequency.WEEKLY))
        repeat.count.setValue(4)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(SessionDialog, weekly)
    grid = view.time_grid
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=grid.point_at(MONDAY_TEN))
    qtbot.waitUntil(lambda: len(_shown_entries(view)) == 1)

    qtbot.keyClick(grid, Qt.Key.Key_M)
    qtbot.waitUntil(lambda: view.mode is CalendarMode.MONTH and not tasks.is_busy)
    mondays = [MONDAY_TEN + dt.timedelta(weeks=n) for n in range(4)]
    # March's grid runs to Sunday 5 April; the fourth Monday is in April's.
    assert [e.start for e in _shown_entries(view)] == mondays[:3]
    assert all(view.month_grid.chip_rect(e.session_id) for e in _shown_entries(view))
    qtbot.keyClick(view.month_grid, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: view.period_label.text() == "April 2026" and not tasks.is_busy)
    assert [e.start for e in _shown_entries(view)] == mondays[2:]
    booked = practice.calendar.entries_between(mondays[0], mondays[-1] + dt.timedelta(1))
    assert len(booked) == 4 and len({e.series_id for e in booked}) == 1
    assert "4 sessions booked, from Mon 16 Mar, 10:00" in main_window.statusBar().currentMessage()


def _series(practice: Practice, client_id: int) -> list[int]:
    from alliance_desktop.domain.recurrence import RecurrenceRule

    template = make_session(client_id, MONDAY_TEN)
    _, sessions = practice.calendar.plan_series(
        template, RecurrenceRule(Frequency.WEEKLY, MONDAY_TEN, count=4)
    )
    return [s.id or 0 for s in sessions]


def test_this_and_following_moves_the_rest_of_the_series(
    qtbot: QtBot,
    practice: Practice,
    main_window: MainWindow,
    tasks: TaskRunner,
    client_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ids = _series(practice, client_id)
    asked: list[str] = []
    monkeypatch.setattr(
        messages, "choose", lambda _p, title, _q, choices: asked.append(title) or choices[1]
    )

    def later(dialog: SessionDialog) -> None:
        dialog.timing.start.setTime(QTime(11, 0))
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(SessionDialog, later)
    main_window.session_editing.open_session(ids[1])
    qtbot.waitUntil(lambda: bool(asked) and not tasks.is_busy)

    starts = [practice.calendar.session(i).start.time() for i in ids]
    assert starts == [dt.time(10), dt.time(11), dt.time(11), dt.time(11)]
    assert asked == ["Change a session in a series"]
    assert "3 sessions of the series changed" in main_window.statusBar().currentMessage()


def test_cancelling_this_and_following_ends_the_series(
    qtbot: QtBot,
    practice: Practice,
    main_window: MainWindow,
    tasks: TaskRunner,
    client_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ids = _series(practice, client_id)
    monkeypatch.setattr(messages, "choose", lambda _p, _t, _q, choices: choices[1])

    def cancel(dialog: SessionDialog) -> None:
        dialog.status.setCurrentIndex(dialog.status.findData(SessionStatus.CLINICIAN_CANCELLED))
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(SessionDialog, cancel)
    main_window.session_editing.open_session(ids[2])
    qtbot.waitUntil(lambda: "series ends here" in main_window.statusBar().currentMessage())

    left = practice.calendar.entries_between(MONDAY_TEN, MONDAY_TEN + dt.timedelta(weeks=5))
    assert [(e.session_id, e.status) for e in left] == [
        (ids[0], SessionStatus.SCHEDULED),
        (ids[1], SessionStatus.SCHEDULED),
        (ids[2], SessionStatus.CLINICIAN_CANCELLED),
    ]


def test_an_end_before_the_start_saves_nothing(
    qtbot: QtBot, practice: Practice, main_window: MainWindow, tasks: TaskRunner, client_id: int
) -> None:
    view = _calendar(qtbot, main_window, tasks, CalendarMode.DAY)
    seen: dict[str, object] = {}

    def wrong_way_round(dialog: SessionDialog) -> None:
        dialog.client.setCurrentIndex(0)
        dialog.timing.end.setTime(QTime(8, 0))
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        seen["message"] = dialog.messages.message("end")
        seen["still open"] = dialog.isVisible()
        dialog.reject()

    driver = when_dialog_opens(SessionDialog, wrong_way_round)
    grid = view.time_grid
    slot = dt.datetime(2026, 3, 14, 11, 0)
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=grid.point_at(slot))
    qtbot.waitUntil(lambda: driver.opened and not tasks.is_busy)

    assert seen == {"message": "The session must end after it starts.", "still open": True}
    assert practice.calendar.entries_between(slot - dt.timedelta(1), slot + dt.timedelta(1)) == []


def test_an_overlap_asks_first_and_books_only_once_confirmed(
    qtbot: QtBot,
    practice: Practice,
    main_window: MainWindow,
    tasks: TaskRunner,
    client_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    practice.calendar.book(make_session(client_id, MONDAY_TEN))
    view = _calendar(qtbot, main_window, tasks, CalendarMode.WEEK)
    _week_of(qtbot, view, tasks, MONDAY_TEN.date())
    answers = [False, True]
    questions: list[str] = []

    def confirm(_parent: object, _title: str, question: str, action: str) -> bool:
        questions.append(f"{question} [{action}]")
        return answers.pop(0)

    monkeypatch.setattr(messages, "confirm", confirm)

    def book(dialog: SessionDialog) -> None:
        dialog.client.setCurrentIndex(0)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        # Declined: the editor comes back with what was typed; book again, then accept.
        when_dialog_opens(SessionDialog, save_again)

    def save_again(dialog: SessionDialog) -> None:
        assert dialog.client.currentText() == "Ana Ruiz"
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(SessionDialog, book)
    grid = view.time_grid
    half_past_nine = MONDAY_TEN - dt.timedelta(minutes=30)
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=grid.point_at(half_past_nine))
    qtbot.waitUntil(lambda: len(_shown_entries(view)) == 2)

    assert len(questions) == 2
    assert "overlaps another session: Ana Ruiz Mon 16 Mar 10:00-10:50" in questions[0]
    assert questions[0].endswith("Book it anyway? [Book anyway]")
    starts = [e.start for e in _shown_entries(view)]
    assert starts == [half_past_nine, MONDAY_TEN]


def test_a_hundred_sessions_in_a_month_draw_at_once(
    qtbot: QtBot, practice: Practice, main_window: MainWindow, tasks: TaskRunner, client_id: int
) -> None:
    first = dt.datetime(2026, 3, 2, 8, 0)
    practice.calendar.add_many(
        [
            make_session(client_id, first + dt.timedelta(days=day, hours=hour))
            for day in range(25)
            for hour in range(4)
        ]
    )
    view = _calendar(qtbot, main_window, tasks, CalendarMode.MONTH)
    grid = view.month_grid
    assert len(_shown_entries(view)) == 100
    cell = grid.cell_of(dt.date(2026, 3, 2))
    assert cell is not None and len(cell.chips) + cell.hidden == 4
    assert view.count_label.text() == "100 sessions booked"
    assert grid.accessibleName() == "Month view, March 2026, 100 sessions booked"
    assert grid.grab().width() > 0  # painting copes


def test_right_clicking_a_session_marks_what_happened(
    qtbot: QtBot, practice: Practice, main_window: MainWindow, tasks: TaskRunner, client_id: int
) -> None:
    booked = practice.calendar.book(make_session(client_id, dt.datetime(2026, 3, 12, 9, 0)))
    view = _calendar(qtbot, main_window, tasks, CalendarMode.WEEK)
    viewport = view.time_grid.viewport()
    point = view.time_grid.block_rect(_shown_entries(view)[0]).center().toPoint()

    QApplication.sendEvent(
        viewport,
        QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, viewport.mapToGlobal(point)),
    )
    assert view.menu is not None
    actions = {action.text(): action for action in view.menu.actions()}
    assert "Ana Ruiz" in actions and "Open…" in actions
    assert not actions["Mark as scheduled"].isEnabled()  # what it already is
    actions["Mark as no-show"].trigger()
    view.menu.close()

    qtbot.waitUntil(lambda: _shown_entries(view)[0].status is SessionStatus.NO_SHOW)
    assert practice.calendar.session(booked.id or 0).status is SessionStatus.NO_SHOW
