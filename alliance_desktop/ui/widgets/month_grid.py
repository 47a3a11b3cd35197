"""The month view: six weeks of days, each with its sessions as one-line chips.

One painted widget, so a full month appears at once. A click selects a day, a double-click on
a day's free space books a session that day, a click on the date (or "+2 more") opens the day,
a double-click on a session opens it, and dragging a session to another day moves it there
(at the same time of day).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

from alliance_desktop.domain.session import CalendarEntry
from alliance_desktop.ui.signal_emit import emit
from alliance_desktop.ui.widgets.calendar_layout import DAY_NAMES, describe_entry, month_name
from alliance_desktop.ui.widgets.grid_colours import (
    ACCENT,
    BACKGROUND,
    HEADER,
    LINE,
    MUTED,
    ON_ACCENT,
    OTHER_MONTH,
    TEXT,
    TODAY_TINT,
    WEEKEND_TINT,
)
from alliance_desktop.ui.widgets.session_painting import (
    paint_chip,
)

HEADER_HEIGHT = 26
DAY_LABEL_HEIGHT = 24
CHIP_GAP = 2


@dataclass(frozen=True)
class _Chip:
    rect: QRect
    entry: CalendarEntry


@dataclass(frozen=True)
class _Cell:
    day: dt.date
    rect: QRect
    label_rect: QRect  # the date: a click opens the day
    chips: tuple[_Chip, ...]
    more_rect: QRect | None  # "+2 more": a click opens the day
    hidden: int


@dataclass
class _Press:
    pos: QPoint
    session_id: int | None
    dragging: bool = False
    target: dt.date | None = None


class MonthGrid(QWidget):
    day_selected = Signal(object)  # dt.date
    day_chosen = Signal(object)  # dt.date: open it in the day view
    day_double_clicked = Signal(object)  # dt.date: book a session that day
    session_activated = Signal(int)
    session_dropped = Signal(int, object)  # session id, new start

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("monthGrid")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Six weeks of a date and one session each (cells show "+n more" for the rest): 420
        # was taller than a 900×600 window leaves, and the last week was cut off.
        self.setMinimumSize(QSize(560, 300))
        self.days: list[dt.date] = []
        self.month = 0
        self.today: dt.date | None = None
        self.selected_day: dt.date | None = None
        self.selected_session_id: int | None = None
        self._by_day: dict[dt.date, list[CalendarEntry]] = {}
        self._cells: list[_Cell] | None = None
        self._press: _Press | None = None

    def set_days(
        self,
        days: Sequence[dt.date],
        entries: Sequence[CalendarEntry],
        today: dt.date,
        anchor: dt.date,
    ) -> None:
        self.days = list(days)
        self.month = anchor.month
        self.today, self.selected_day = today, anchor
        self._by_day = defaultdict(list)
        for entry in entries:
            self._by_day[entry.start.date()].append(entry)
        if self.selected_session_id not in {e.session_id for e in entries}:
            self.selected_session_id = None
        self._cells = None
        self.update()

    def select_day(self, day: dt.date) -> None:
        self.selected_day = day
        self.update()

    def entries_on(self, day: dt.date) -> list[CalendarEntry]:
        return list(self._by_day.get(day, []))

    # Layout

    def cells(self) -> list[_Cell]:
        if self._cells is None:
            self._cells = [self._cell(index, day) for index, day in enumerate(self.days)]
        return self._cells

    def cell_of(self, day: dt.date) -> _Cell | None:
        return next((cell for cell in self.cells() if cell.day == day), None)

    def chip_rect(self, session_id: int) -> QRect | None:
        for cell in self.cells():
            for chip in cell.chips:
                if chip.entry.session_id == session_id:
                    return chip.rect
        return None

    def _cell(self, index: int, day: dt.date) -> _Cell:
        width = self.width() / 7
        height = (self.height() - HEADER_HEIGHT) / 6
        row, column = divmod(index, 7)
        left, top = int(column * width), int(HEADER_HEIGHT + row * height)
        rect = QRect(
            left,
            top,
            int((column + 1) * width) - left,
            int(HEADER_HEIGHT + (row + 1) * height) - top,
        )
        label_rect = QRect(rect.left() + 4, rect.top() + 3, 30, DAY_LABEL_HEIGHT - 4)
        chip_height = QFontMetrics(self.font()).height() + 4
        room = rect.height() - DAY_LABEL_HEIGHT - 4
        fits = max(0, room // (chip_height + CHIP_GAP))
        entries = self._by_day.get(day, [])
        shown = entries if len(entries) <= fits else entries[: max(fits - 1, 0)]
        chips = tuple(
            _Chip(
                QRect(
                    rect.left() + 4,
                    rect.top() + DAY_LABEL_HEIGHT + n * (chip_height + CHIP_GAP),
                    rect.width() - 8,
                    chip_height,
                ),
                entry,
            )
            for n, entry in enumerate(shown)
        )
        hidden = len(entries) - len(shown)
        more_rect = None
        if hidden:
            top = rect.top() + DAY_LABEL_HEIGHT + len(shown) * (chip_height + CHIP_GAP)
            more_rect = QRect(rect.left() + 6, top, rect.width() - 12, chip_height)
        return _Cell(day, rect, label_rect, chips, more_rect, hidden)

    def resizeEvent(self, event: object) -> None:
        self._cells = None

    # Painting

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), BACKGROUND)
        painter.fillRect(QRect(0, 0, self.width(), HEADER_HEIGHT), HEADER)
        painter.setPen(MUTED)
        width = self.width() / 7
        for column, name in enumerate(DAY_NAMES):
            header = QRect(int(column * width) + 8, 0, int(width) - 8, HEADER_HEIGHT)
            painter.drawText(
                header, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, name[:3]
            )
        for cell in self.cells():
            self._paint_cell(painter, cell)
        self._paint_ghost(painter)

    def _paint_cell(self, painter: QPainter, cell: _Cell) -> None:
        day = cell.day
        if day == self.today:
            painter.fillRect(cell.rect, TODAY_TINT)
        elif day.month != self.month:
            painter.fillRect(cell.rect, OTHER_MONTH)
        elif day.weekday() >= 5:
            painter.fillRect(cell.rect, WEEKEND_TINT)
        painter.setPen(LINE)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(cell.rect)
        if day == self.selected_day:
            painter.setPen(ACCENT)
            painter.drawRect(cell.rect.adjusted(1, 1, -2, -2))
        bold = QFont(self.font())
        bold.setWeight(QFont.Weight.DemiBold)
        painter.setFont(bold)
        if day == self.today:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(ACCENT)
            painter.drawRoundedRect(QRectF(cell.label_rect), 9, 9)
            painter.setPen(ON_ACCENT)
        else:
            painter.setPen(TEXT if day.month == self.month else MUTED)
        label = str(day.day) if day.day != 1 else f"1 {month_name(day)[:3]}"
        if day.day == 1:
            painter.drawText(cell.label_rect.adjusted(4, 0, 40, 0), _LEFT, label)
        else:
            painter.drawText(cell.label_rect, Qt.AlignmentFlag.AlignCenter, label)
        painter.setFont(self.font())
        for chip in cell.chips:
            selected = chip.entry.session_id == self.selected_session_id
            paint_chip(painter, chip.entry, chip.rect, self.font(), selected)
        if cell.more_rect is not None:
            painter.setPen(ACCENT)
            painter.drawText(cell.more_rect, _LEFT, f"+{cell.hidden} more")

    def _paint_ghost(self, painter: QPainter) -> None:
        press = self._press
        if press is None or not press.dragging or press.target is None:
            return
        cell = self.cell_of(press.target)
        entry = self._entry(press.session_id)
        if cell is None or entry is None:
            return
        painter.setPen(ACCENT)
        painter.drawRect(cell.rect.adjusted(1, 1, -2, -2))
        height = QFontMetrics(self.font()).height() + 4
        rect = QRect(
            cell.rect.left() + 4, cell.rect.bottom() - height - 4, cell.rect.width() - 8, height
        )
        moved = replace(entry, start=dt.datetime.combine(press.target, entry.start.time()))
        paint_chip(painter, moved, rect, self.font(), ghost=True)

    # Hit testing

    def _entry(self, session_id: int | None) -> CalendarEntry | None:
        for entries in self._by_day.values():
            for entry in entries:
                if entry.session_id == session_id:
                    return entry
        return None

    def _cell_at(self, pos: QPoint) -> _Cell | None:
        return next((cell for cell in self.cells() if cell.rect.contains(pos)), None)

    def _chip_at(self, pos: QPoint) -> _Chip | None:
        cell = self._cell_at(pos)
        if cell is None:
            return None
        return next((chip for chip in cell.chips if chip.rect.contains(pos)), None)

    def session_at(self, pos: QPoint) -> CalendarEntry | None:
        chip = self._chip_at(pos)
        return chip.entry if chip else None

    # Mouse

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() is not Qt.MouseButton.LeftButton:
            return
        pos = event.position().toPoint()
        chip = self._chip_at(pos)
        self._press = _Press(pos, chip.entry.session_id if chip else None)
        cell = self._cell_at(pos)
        if chip is not None:
            self.selected_session_id = chip.entry.session_id
        if cell is not None:
            self.selected_day = cell.day
            emit(self.day_selected, cell.day)
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        press = self._press
        if press is None or press.session_id is None:
            return
        pos = event.position().toPoint()
        if not press.dragging:
            press.dragging = (pos - press.pos).manhattanLength() >= QApplication.startDragDistance()
        if press.dragging:
            cell = self._cell_at(pos)
            press.target = cell.day if cell else None
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, self._press = self._press, None
        if press is None or event.button() is not Qt.MouseButton.LeftButton:
            return
        self.update()
        if press.dragging:
            entry = self._entry(press.session_id)
            if (
                entry is not None
                and press.target is not None
                and press.target != entry.start.date()
            ):
                new_start = dt.datetime.combine(press.target, entry.start.time())
                emit(self.session_dropped, entry.session_id, new_start)
            return
        cell = self._cell_at(press.pos)
        if cell is None or press.session_id is not None:
            return
        on_more = cell.more_rect is not None and cell.more_rect.contains(press.pos)
        if cell.label_rect.adjusted(0, 0, 20, 0).contains(press.pos) or on_more:
            emit(self.day_chosen, cell.day)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        chip = self._chip_at(pos)
        if chip is not None:
            emit(self.session_activated, chip.entry.session_id)
            return
        cell = self._cell_at(pos)
        if cell is not None and not cell.label_rect.contains(pos):
            emit(self.day_double_clicked, cell.day)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            chip = self._chip_at(event.pos())
            if chip is not None:
                text = describe_entry(chip.entry) + "\nDouble-click to open · drag to another day"
            else:
                cell = self._cell_at(event.pos())
                text = "Double-click to book a session this day" if cell else ""
                if cell is not None and cell.more_rect and cell.more_rect.contains(event.pos()):
                    text = f"{cell.hidden} more — click to see the whole day"
            QToolTip.showText(event.globalPos(), text, self)
            return True
        return super().event(event)


_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
