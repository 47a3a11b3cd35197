"""The week and day views: days side by side, hours down the page, sessions as blocks.

Painted in one widget (not a widget per session) so a busy week draws instantly. A click on a
free half hour books it, a double-click on a session opens it, and dragging a session moves it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QToolTip, QWidget

from alliance_desktop.domain.session import CalendarEntry
from alliance_desktop.ui.signal_emit import emit
from alliance_desktop.ui.widgets.calendar_layout import day_name, describe_entry, side_by_side
from alliance_desktop.ui.widgets.grid_colours import (
    ACCENT,
    BACKGROUND,
    HALF_LINE,
    HEADER,
    HOVER_EDGE,
    LINE,
    MUTED,
    NOW_LINE,
    ON_ACCENT,
    TEXT,
    TODAY_TINT,
    WEEKEND_TINT,
)
from alliance_desktop.ui.widgets.session_painting import (
    paint_block,
)

HOUR_HEIGHT = 48
TIME_GUTTER = 58
HEADER_HEIGHT = 48
SLOT_MINUTES = 30  # a click books the half hour under the pointer
SNAP_MINUTES = 15  # a dragged session lands on a quarter hour
DAY_MINUTES = 24 * 60


@dataclass
class _Press:
    pos: QPoint
    session_id: int | None
    grab_minutes: int = 0  # where in the session the pointer took hold
    dragging: bool = False
    target: dt.datetime | None = None


class TimeGrid(QAbstractScrollArea):
    slot_clicked = Signal(object)  # dt.datetime: book a session starting here
    session_activated = Signal(int)  # open the session
    session_dropped = Signal(int, object)  # session id, new start
    day_chosen = Signal(object)  # dt.date: a day heading was clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeGrid")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setViewportMargins(0, HEADER_HEIGHT, 0, 0)
        self.viewport().setMouseTracking(True)
        self.days: list[dt.date] = []
        self.entries: list[CalendarEntry] = []
        self.today: dt.date | None = None
        self.now: dt.datetime | None = None
        self.selected_day: dt.date | None = None
        self.selected_session_id: int | None = None
        self._by_day: dict[dt.date, list[CalendarEntry]] = {}
        self._lanes: dict[int, tuple[int, int]] = {}
        self._press: _Press | None = None
        self._hover: dt.datetime | None = None
        self._header = _DayHeader(self)
        self.verticalScrollBar().setSingleStep(HOUR_HEIGHT // 2)

    # Content

    def set_days(
        self,
        days: Sequence[dt.date],
        entries: Sequence[CalendarEntry],
        today: dt.date,
        now: dt.datetime,
        selected_day: dt.date,
    ) -> None:
        self.days = list(days)
        self.entries = list(entries)
        self.today, self.now, self.selected_day = today, now, selected_day
        self._by_day = defaultdict(list)
        for entry in self.entries:
            self._by_day[entry.start.date()].append(entry)
        self._lanes = {}
        for day_entries in self._by_day.values():
            self._lanes.update(side_by_side(day_entries))
        if self.selected_session_id not in {e.session_id for e in self.entries}:
            self.selected_session_id = None
        self._update_scroll_range()
        self.viewport().update()
        self._header.update()

    def select_day(self, day: dt.date) -> None:
        self.selected_day = day
        self._header.update()

    def scroll_to_minutes(self, minutes: int) -> None:
        self.verticalScrollBar().setValue(int(minutes / 60 * HOUR_HEIGHT))

    def entry(self, session_id: int) -> CalendarEntry | None:
        return next((e for e in self.entries if e.session_id == session_id), None)

    # Geometry (viewport coordinates)

    def column_width(self) -> float:
        return (self.viewport().width() - TIME_GUTTER) / max(1, len(self.days))

    def column_left(self, index: int) -> float:
        return TIME_GUTTER + index * self.column_width()

    def y_of(self, minutes: float) -> float:
        return minutes / 60 * HOUR_HEIGHT - self.verticalScrollBar().value()

    def minutes_at(self, y: float) -> float:
        return (y + self.verticalScrollBar().value()) / HOUR_HEIGHT * 60

    def day_at(self, x: float) -> dt.date | None:
        if not self.days or x < TIME_GUTTER:
            return None
        index = int((x - TIME_GUTTER) // self.column_width())
        return self.days[min(max(index, 0), len(self.days) - 1)]

    def point_at(self, moment: dt.datetime) -> QPoint:
        """The centre of the slot where `moment` starts (used to click it)."""
        index = self.days.index(moment.date())
        minutes = moment.hour * 60 + moment.minute + SLOT_MINUTES / 3
        x = self.column_left(index) + self.column_width() / 2
        return QPoint(int(x), int(self.y_of(minutes)))

    def block_rect(self, entry: CalendarEntry) -> QRectF:
        index = self.days.index(entry.start.date())
        lane, lanes = self._lanes.get(entry.session_id, (0, 1))
        width = (self.column_width() - 6) / lanes
        left = self.column_left(index) + 2 + lane * width
        start = entry.start.hour * 60 + entry.start.minute
        top = self.y_of(start)
        height = max(entry.duration_minutes / 60 * HOUR_HEIGHT, 20.0)
        return QRectF(left, top + 1, width - 2, height - 2)

    def session_at(self, pos: QPoint) -> CalendarEntry | None:
        for entry in reversed(self.entries):  # the one drawn last is on top
            if entry.start.date() in self.days and self.block_rect(entry).contains(pos):
                return entry
        return None

    def moment_at(self, pos: QPoint, step: int) -> dt.datetime | None:
        day = self.day_at(pos.x())
        if day is None:
            return None
        minutes = int(self.minutes_at(pos.y()) // step * step)
        minutes = min(max(minutes, 0), DAY_MINUTES - step)
        return dt.datetime.combine(day, dt.time(minutes // 60, minutes % 60))

    # Painting

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.viewport().rect(), BACKGROUND)
        self._paint_columns(painter)
        self._paint_hours(painter)
        for entry in self.entries:
            if entry.start.date() in self.days:
                paint_block(
                    painter,
                    entry,
                    self.block_rect(entry),
                    self.font(),
                    selected=entry.session_id == self.selected_session_id,
                )
        self._paint_now(painter)
        self._paint_hover_or_ghost(painter)

    def _paint_columns(self, painter: QPainter) -> None:
        height = self.viewport().height()
        width = self.column_width()
        for index, day in enumerate(self.days):
            rect = QRectF(self.column_left(index), 0, width, height)
            if day == self.today:
                painter.fillRect(rect, TODAY_TINT)
            elif day.weekday() >= 5:
                painter.fillRect(rect, WEEKEND_TINT)
            painter.setPen(LINE)
            painter.drawLine(rect.topLeft(), rect.bottomLeft())

    def _paint_hours(self, painter: QPainter) -> None:
        metrics = QFontMetrics(self.font())
        right = self.viewport().width()
        for hour in range(24):
            y = self.y_of(hour * 60)
            half = self.y_of(hour * 60 + 30)
            painter.setPen(QPen(HALF_LINE, 1, Qt.PenStyle.DotLine))
            painter.drawLine(QPoint(TIME_GUTTER, int(half)), QPoint(right, int(half)))
            painter.setPen(LINE)
            painter.drawLine(QPoint(TIME_GUTTER - 6, int(y)), QPoint(right, int(y)))
            if hour:
                painter.setPen(MUTED)
                label = QRect(0, int(y) - metrics.height() // 2, TIME_GUTTER - 10, metrics.height())
                painter.drawText(
                    label,
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    f"{hour:02d}:00",
                )

    def _paint_now(self, painter: QPainter) -> None:
        if self.now is None or self.now.date() not in self.days:
            return
        index = self.days.index(self.now.date())
        y = self.y_of(self.now.hour * 60 + self.now.minute)
        left, right = self.column_left(index), self.column_left(index) + self.column_width()
        painter.setPen(QPen(NOW_LINE, 2))
        painter.drawLine(QPoint(int(left), int(y)), QPoint(int(right), int(y)))
        painter.setBrush(NOW_LINE)
        painter.drawEllipse(QRectF(left - 4, y - 4, 8, 8))

    def _paint_hover_or_ghost(self, painter: QPainter) -> None:
        press = self._press
        if press is not None and press.dragging and press.target is not None:
            entry = self.entry(press.session_id or 0)
            if entry is not None and press.target.date() in self.days:
                moved = replace(entry, start=press.target)
                rect = self.block_rect(moved)
                index = self.days.index(moved.start.date())
                rect.setLeft(self.column_left(index) + 2)
                rect.setWidth(self.column_width() - 6)
                paint_block(painter, moved, rect, self.font(), ghost=True)
            return
        if self._hover is None or self._hover.date() not in self.days:
            return
        index = self.days.index(self._hover.date())
        minutes = self._hover.hour * 60 + self._hover.minute
        rect = QRectF(
            self.column_left(index) + 2,
            self.y_of(minutes) + 1,
            self.column_width() - 4,
            SLOT_MINUTES / 60 * HOUR_HEIGHT - 2,
        )
        painter.setPen(QPen(HOVER_EDGE, 1, Qt.PenStyle.DashLine))
        painter.setBrush(QColor(46, 111, 107, 18))
        painter.drawRoundedRect(rect, 4, 4)
        painter.setPen(ACCENT)
        painter.drawText(
            rect.adjusted(8, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, f"+ {self._hover:%H:%M}"
        )

    # Mouse

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() is not Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        pos = event.position().toPoint()
        hit = self.session_at(pos)
        if hit is None:
            self._press = _Press(pos, None)
        else:
            grab = self.minutes_at(pos.y()) - (hit.start.hour * 60 + hit.start.minute)
            self._press = _Press(pos, hit.session_id, int(grab))
            self.selected_session_id = hit.session_id
        self._hover = None
        self.viewport().update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        press = self._press
        if press is None:
            hovered = None if self.session_at(pos) else self.moment_at(pos, SLOT_MINUTES)
            if hovered != self._hover:
                self._hover = hovered
                self.viewport().update()
            return
        if press.session_id is None:
            return
        if not press.dragging:
            distance = (pos - press.pos).manhattanLength()
            press.dragging = distance >= QApplication.startDragDistance()
        if press.dragging:
            moved_to = QPoint(pos.x(), int(pos.y() - press.grab_minutes / 60 * HOUR_HEIGHT))
            press.target = self.moment_at(moved_to, SNAP_MINUTES)
            self.viewport().update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, self._press = self._press, None
        if press is None or event.button() is not Qt.MouseButton.LeftButton:
            return
        self.viewport().update()
        if press.session_id is None:
            moment = self.moment_at(press.pos, SLOT_MINUTES)
            if moment is not None:
                emit(self.slot_clicked, moment)
            return
        entry = self.entry(press.session_id)
        moved = press.dragging and press.target is not None and entry is not None
        if moved and entry is not None and press.target != entry.start:
            emit(self.session_dropped, entry.session_id, press.target)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        hit = self.session_at(event.position().toPoint())
        if hit is not None:
            self._press = None
            emit(self.session_activated, hit.session_id)

    def leaveEvent(self, event: QEvent) -> None:
        self._hover = None
        self.viewport().update()
        super().leaveEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            hit = self.session_at(event.pos())
            if hit is not None:
                text = describe_entry(hit) + "\nDouble-click to open · drag to move"
            else:
                moment = self.moment_at(event.pos(), SLOT_MINUTES)
                text = f"Click to book a session at {moment:%H:%M}" if moment else ""
            QToolTip.showText(event.globalPos(), text, self.viewport())
            return True
        return super().viewportEvent(event)

    # Size

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        viewport = self.viewport().geometry()
        self._header.setGeometry(
            viewport.left(), viewport.top() - HEADER_HEIGHT, viewport.width(), HEADER_HEIGHT
        )
        self._update_scroll_range()

    def _update_scroll_range(self) -> None:
        total = 24 * HOUR_HEIGHT + 1
        bar = self.verticalScrollBar()
        bar.setPageStep(self.viewport().height())
        bar.setRange(0, max(0, total - self.viewport().height()))


class _DayHeader(QWidget):
    """Day names above the columns; today's date sits in an accent circle."""

    def __init__(self, grid: TimeGrid) -> None:
        super().__init__(grid)
        self._grid = grid
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def paintEvent(self, event: QPaintEvent) -> None:
        grid = self._grid
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), HEADER)
        painter.setPen(LINE)
        painter.drawLine(self.rect().bottomLeft(), self.rect().bottomRight())
        bold = QFont(self.font())
        bold.setWeight(QFont.Weight.DemiBold)
        for index, day in enumerate(grid.days):
            left = grid.column_left(index)
            cell = QRectF(left, 0, grid.column_width(), self.height())
            painter.setPen(LINE)
            painter.drawLine(cell.topLeft(), cell.bottomLeft())
            painter.setFont(self.font())
            painter.setPen(MUTED)
            name = day_name(day) if len(grid.days) == 1 else day_name(day)[:3]
            painter.drawText(cell.adjusted(0, 4, 0, 0), _TOP_CENTRE, name)
            number = QRectF(cell.center().x() - 13, 22, 26, 22)
            painter.setFont(bold)
            if day == grid.today:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(ACCENT)
                painter.drawRoundedRect(number, 11, 11)
                painter.setPen(ON_ACCENT)
            else:
                painter.setPen(TEXT)
            painter.drawText(number, Qt.AlignmentFlag.AlignCenter, str(day.day))
            if day == grid.selected_day and len(grid.days) > 1:  # where N and Enter act
                painter.fillRect(
                    QRectF(cell.left() + 1, self.height() - 3, cell.width() - 1, 3), ACCENT
                )

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        day = self._grid.day_at(event.position().x())
        if day is not None:
            emit(self._grid.day_chosen, day)


_TOP_CENTRE = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter
