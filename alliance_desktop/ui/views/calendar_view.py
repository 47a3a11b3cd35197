"""The Calendar page: month, week and day views of the sessions, with keyboard navigation.

Keys (with the calendar focused): arrows move the selected day, Page Up / Page Down go to the
previous / next month, week or day, T goes to today, M / W / D switch views, Enter opens the
selected session (or, in the month, the selected day), N books a session on the selected day,
and Shift+arrows move the selected session (Ctrl+Z puts it back).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.domain.session import CalendarEntry
from alliance_desktop.services import Practice
from alliance_desktop.ui import messages
from alliance_desktop.ui.dialogs.calendar_export_dialog import CalendarExportDialog, ExportRequest
from alliance_desktop.ui.session_editing import SessionEditing
from alliance_desktop.ui.settings import app_settings
from alliance_desktop.ui.signal_emit import emit
from alliance_desktop.ui.tasks import TaskRunner
from alliance_desktop.ui.views.session_menu import session_menu
from alliance_desktop.ui.widgets.calendar_layout import (
    CalendarMode,
    period_bounds,
    period_days,
    period_title,
    step,
)
from alliance_desktop.ui.widgets.month_grid import MonthGrid
from alliance_desktop.ui.widgets.status_palette import StatusLegend
from alliance_desktop.ui.widgets.time_grid import SNAP_MINUTES, TimeGrid

CALENDAR_MODE_SETTING = "calendar/mode"
DAY_STARTS_AT = dt.time(9, 0)  # a session booked on a whole day (month view) starts here
SCROLL_TO_MINUTES = 7 * 60 + 30  # week and day views open on the working morning
_HINTS = {
    CalendarMode.MONTH: (
        "Double-click a day to book · click a date to see the day · double-click a session to "
        "open it · drag it to another day (Ctrl+Z undoes) · PgUp/PgDn, arrows, T for today"
    ),
    CalendarMode.WEEK: (
        "Click a free time to book · double-click a session to open it · drag it to move it "
        "(Ctrl+Z undoes) · PgUp/PgDn and arrows move through the calendar, T for today"
    ),
}


@dataclass(frozen=True)
class _Loaded:
    now: dt.datetime
    mode: CalendarMode
    anchor: dt.date
    days: list[dt.date]
    entries: list[CalendarEntry]


class CalendarView(QWidget):
    status_message = Signal(str)

    def __init__(
        self,
        practice: Practice,
        tasks: TaskRunner,
        editing: SessionEditing,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._practice = practice
        self._tasks = tasks
        self.editing = editing
        self.date_style = DateStyle.DAY_MONTH_YEAR
        saved_mode = str(app_settings().value(CALENDAR_MODE_SETTING, CalendarMode.WEEK.value))
        self.mode = (
            CalendarMode(saved_mode) if saved_mode in set(CalendarMode) else CalendarMode.WEEK
        )
        self.anchor: dt.date | None = None  # the selected day; None until today is known
        self.today: dt.date | None = None
        self.shown: _Loaded | None = None
        self._generation = 0
        self._scrolled = False
        self.menu: QMenu | None = None  # the last right-click menu (kept for tests)

        self.title = QLabel("Calendar")
        self.title.setObjectName("pageTitle")
        self.period_label = QLabel()
        self.period_label.setObjectName("periodTitle")
        self.count_label = QLabel()
        self.count_label.setObjectName("quietNote")
        self.today_button = QPushButton("Today")
        self.today_button.setToolTip("Go to today (T)")
        self.previous_button = QPushButton("‹")
        self.previous_button.setAccessibleName("Previous")
        self.next_button = QPushButton("›")
        self.next_button.setAccessibleName("Next")
        for button in (self.previous_button, self.next_button):
            button.setObjectName("stepButton")
            button.setMinimumWidth(36)  # the arrow must never be squeezed out
        self.mode_group = QButtonGroup(self)
        self.mode_buttons: dict[CalendarMode, QPushButton] = {}
        for mode in CalendarMode:
            button = QPushButton(mode.label)
            button.setCheckable(True)
            button.setObjectName("segment")
            button.setToolTip(f"{mode.label} view ({mode.label[0]})")
            self.mode_group.addButton(button)
            self.mode_buttons[mode] = button
        self.new_button = QPushButton("New session")
        self.new_button.setObjectName("primary")
        self.new_button.setToolTip("Book a session on the selected day (N)")
        self.month_grid = MonthGrid()
        self.time_grid = TimeGrid()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.month_grid)
        self.stack.addWidget(self.time_grid)
        self.legend = StatusLegend()
        self.hint = QLabel()
        self.hint.setObjectName("quietNote")
        self.hint.setWordWrap(True)

        self._build_layout()
        self._wire()
        self._show_mode_buttons()

    def _build_layout(self) -> None:
        # Two rows, so a 1280-pixel laptop (and the 900-pixel minimum window) shows every
        # control whole: the page and its actions, then where in time you are.
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        segments = QHBoxLayout()
        segments.setSpacing(0)
        for button in self.mode_buttons.values():
            segments.addWidget(button)
        top.addLayout(segments)
        top.addSpacing(12)
        top.addWidget(self.new_button)
        period = QHBoxLayout()
        period.addWidget(self.today_button)
        period.addWidget(self.previous_button)
        period.addWidget(self.next_button)
        period.addSpacing(8)
        period.addWidget(self.period_label)
        period.addSpacing(8)
        period.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignBottom)
        period.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 20)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addLayout(period)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.hint)

    def _wire(self) -> None:
        self.today_button.clicked.connect(self.go_to_today)
        self.previous_button.clicked.connect(lambda: self.go_by(-1))
        self.next_button.clicked.connect(lambda: self.go_by(1))
        for mode, button in self.mode_buttons.items():
            button.clicked.connect(lambda _checked=False, mode=mode: self.set_mode(mode))
        self.new_button.clicked.connect(self.new_session_on_selected_day)
        editing = self.editing
        for grid in (self.month_grid, self.time_grid):
            grid.session_activated.connect(editing.open_session)
            grid.session_dropped.connect(editing.move_session)
            grid.day_chosen.connect(self.open_day)
            grid.installEventFilter(self)
        self.time_grid.viewport().installEventFilter(self)  # right-clicks land on its viewport
        self.month_grid.day_selected.connect(self.select_day)
        self.month_grid.day_double_clicked.connect(
            lambda day: editing.new_session(dt.datetime.combine(day, DAY_STARTS_AT))
        )
        self.time_grid.slot_clicked.connect(editing.new_session)
        editing.sessions_changed.connect(self.refresh)

    # Loading

    def refresh(self) -> None:
        """Load the sessions of the period around the selected day (today at first)."""
        self._generation += 1
        generation, mode, anchor = self._generation, self.mode, self.anchor
        practice = self._practice

        def load() -> _Loaded:
            now = practice.local_now()
            day = anchor or now.date()
            days = period_days(mode, day)
            entries = practice.calendar.entries_between(*period_bounds(days))
            return _Loaded(now, mode, day, days, entries)

        self._tasks.submit(load, lambda loaded: self._show(generation, loaded))

    def _show(self, generation: int, loaded: _Loaded) -> None:
        if generation != self._generation:
            return  # the clinician has moved on; a newer load is on its way
        self.shown = loaded
        self.today, self.anchor = loaded.now.date(), loaded.anchor
        if loaded.mode is CalendarMode.MONTH:
            self.month_grid.set_days(loaded.days, loaded.entries, self.today, loaded.anchor)
            self.stack.setCurrentWidget(self.month_grid)
        else:
            self.time_grid.set_days(
                loaded.days, loaded.entries, self.today, loaded.now, loaded.anchor
            )
            self.stack.setCurrentWidget(self.time_grid)
            if not self._scrolled:
                self._scrolled = True
                self.time_grid.scroll_to_minutes(SCROLL_TO_MINUTES)
        self.period_label.setText(period_title(loaded.mode, loaded.anchor))
        self.hint.setText(_HINTS.get(loaded.mode, _HINTS[CalendarMode.WEEK]))
        in_period = [e for e in loaded.entries if e.status.takes_up_time]
        if loaded.mode is CalendarMode.MONTH:
            in_period = [e for e in in_period if e.start.month == loaded.anchor.month]
        count = len(in_period)
        self.count_label.setText(f"{count} session{'s' if count != 1 else ''} booked")
        # The grids are painted, so say in words what they show (screen readers).
        summary = f"{loaded.mode.label} view, {self.period_label.text()}, {self.count_label.text()}"
        self.current_grid().setAccessibleName(summary)
        self.previous_button.setToolTip(f"Previous {loaded.mode.value} (Page Up)")
        self.next_button.setToolTip(f"Next {loaded.mode.value} (Page Down)")

    def showEvent(self, event: QShowEvent) -> None:
        # Reload whenever the page is shown: a day may have passed, or a client been renamed.
        super().showEvent(event)
        self.refresh()
        self.current_grid().setFocus()

    def current_grid(self) -> MonthGrid | TimeGrid:
        return self.month_grid if self.mode is CalendarMode.MONTH else self.time_grid

    # Navigation

    def set_mode(self, mode: CalendarMode) -> None:
        self.mode = mode
        app_settings().setValue(CALENDAR_MODE_SETTING, mode.value)
        self._show_mode_buttons()
        self.refresh()
        self.current_grid().setFocus()

    def _show_mode_buttons(self) -> None:
        self.mode_buttons[self.mode].setChecked(True)

    def go_by(self, count: int) -> None:
        if self.anchor is not None:
            self.anchor = step(self.mode, self.anchor, count)
        self.refresh()

    def go_to_today(self) -> None:
        self.anchor = None  # the worker reads today from the practice's clock
        self.refresh()

    def select_day(self, day: dt.date) -> None:
        shown = self.shown
        self.anchor = day
        if shown is not None and shown.mode is self.mode and self._same_period(shown, day):
            self.shown = _Loaded(shown.now, shown.mode, day, shown.days, shown.entries)
            self.month_grid.select_day(day)
            self.time_grid.select_day(day)
            self.period_label.setText(period_title(self.mode, day))
            return
        self.refresh()

    def _same_period(self, shown: _Loaded, day: dt.date) -> bool:
        if shown.mode is CalendarMode.MONTH:
            return (day.year, day.month) == (shown.anchor.year, shown.anchor.month)
        return day in shown.days

    def open_day(self, day: dt.date) -> None:
        self.anchor = day
        self.set_mode(CalendarMode.DAY)

    def new_session_on_selected_day(self) -> None:
        day = self.anchor
        if day is None or day == self.today:
            self.editing.new_session()  # the next sensible hour
        else:
            self.editing.new_session(dt.datetime.combine(day, DAY_STARTS_AT))

    # Keyboard

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._key(event)
        if event.type() == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            return self._context_menu(event)
        return super().eventFilter(watched, event)

    def _context_menu(self, event: QContextMenuEvent) -> bool:
        grid = self.current_grid()
        entry = grid.session_at(event.pos())
        if entry is None:
            return False
        grid.selected_session_id = entry.session_id
        grid.update()
        self.menu = session_menu(self, entry, self.editing)
        self.menu.popup(event.globalPos())
        return True

    def _key(self, event: QKeyEvent) -> bool:
        key, modifiers = Qt.Key(event.key()), event.modifiers()
        if modifiers & ~Qt.KeyboardModifier.ShiftModifier & ~Qt.KeyboardModifier.KeypadModifier:
            return False  # Ctrl+Z and friends belong to the window
        shifted = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
        keys = Qt.Key
        arrows = {keys.Key_Left: -1, keys.Key_Right: 1, keys.Key_Up: -7, keys.Key_Down: 7}
        if key in arrows:
            if shifted:
                return self._move_selected(key)
            days = arrows[key]
            if abs(days) == 7 and self.mode is not CalendarMode.MONTH:
                return False  # up and down scroll the hours
            if self.anchor is not None:
                self.select_day(self.anchor + dt.timedelta(days=days))
            return True
        simple = {
            keys.Key_PageUp: lambda: self.go_by(-1),
            keys.Key_PageDown: lambda: self.go_by(1),
            keys.Key_T: self.go_to_today,
            keys.Key_Home: self.go_to_today,
            keys.Key_M: lambda: self.set_mode(CalendarMode.MONTH),
            keys.Key_W: lambda: self.set_mode(CalendarMode.WEEK),
            keys.Key_D: lambda: self.set_mode(CalendarMode.DAY),
            keys.Key_N: self.new_session_on_selected_day,
            keys.Key_Return: self._open_selected,
            keys.Key_Enter: self._open_selected,
        }
        action = simple.get(key)
        if action is None or shifted:
            return False
        action()
        return True

    def _open_selected(self) -> None:
        session_id = self.current_grid().selected_session_id
        if session_id is not None:
            self.editing.open_session(session_id)
        elif self.mode is CalendarMode.MONTH and self.anchor is not None:
            self.open_day(self.anchor)

    def _move_selected(self, key: Qt.Key) -> bool:
        grid = self.current_grid()
        entries = self.shown.entries if self.shown else []
        entry = next((e for e in entries if e.session_id == grid.selected_session_id), None)
        if entry is None:
            return True
        keys = Qt.Key
        if key in (keys.Key_Left, keys.Key_Right):
            shift = dt.timedelta(days=-1 if key == keys.Key_Left else 1)
        elif self.mode is CalendarMode.MONTH:
            shift = dt.timedelta(days=-7 if key == keys.Key_Up else 7)
        else:
            shift = dt.timedelta(minutes=-SNAP_MINUTES if key == keys.Key_Up else SNAP_MINUTES)
        self.editing.move_session(entry.session_id, entry.start + shift)
        return True

    # Export

    def export_calendar(self) -> None:
        """File › Export calendar: the dialog (from today, by the practice's clock), then the
        file written on the worker."""
        self._tasks.submit(self._practice.today, self._ask_export)

    def _ask_export(
        self,
        today: dt.date,
        request: ExportRequest | None = None,
        problems: dict[str, str] | None = None,
    ) -> None:
        chosen = CalendarExportDialog.ask(self.window(), today, self.date_style, request, problems)
        if chosen is None:
            return
        calendar = self._practice.calendar

        def exported(count: int) -> None:
            noun = "session" if count == 1 else "sessions"
            emit(self.status_message, f"Exported {count} {noun} to {chosen.path}.")

        def failed(error: Exception) -> None:
            if isinstance(error, InvalidInput):  # e.g. more than three years at once
                self._ask_export(today, chosen, {"last_day": str(error)})
                return
            messages.show_error(self.window(), "The calendar was not exported", error)

        self._tasks.submit(
            lambda: calendar.export_icalendar(
                chosen.path, chosen.first_day, chosen.last_day, chosen.naming, chosen.label
            ),
            exported,
            failed,
        )
