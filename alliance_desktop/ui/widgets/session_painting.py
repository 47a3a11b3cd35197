"""Drawing one session: a block in the week and day views, a one-line chip in the month view.

Both carry the status three ways: fill colour, a symbol beside the time, and (struck-through
text, a dashed edge) for sessions that did not take place.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPen

from alliance_desktop.domain.session import CalendarEntry, Modality, SessionStatus
from alliance_desktop.ui.widgets.calendar_layout import time_range
from alliance_desktop.ui.widgets.grid_colours import (
    ACCENT,
)
from alliance_desktop.ui.widgets.status_palette import StatusLook, look

TOP_LEFT = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
LEFT_MIDDLE = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def elide(metrics: QFontMetrics, text: str, width: int) -> str:
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(width, 0))


def _frame(painter: QPainter, rect: QRectF, status: StatusLook, selected: bool) -> None:
    pen = QPen(ACCENT if selected else status.edge, 2 if selected else 1)
    if status.dashed and not selected:
        pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.setBrush(status.fill)
    painter.drawRoundedRect(rect, 4, 4)
    # A solid bar on the left in the status colour: the strongest colour cue, kept narrow.
    painter.fillRect(QRectF(rect.left() + 1, rect.top() + 1, 4, rect.height() - 2), status.edge)


def _fonts(base: QFont, struck: bool) -> tuple[QFont, QFont]:
    name_font = QFont(base)
    name_font.setWeight(QFont.Weight.DemiBold)
    name_font.setStrikeOut(struck)
    detail_font = QFont(base)
    detail_font.setPointSizeF(max(base.pointSizeF() - 1, 7))
    return name_font, detail_font


def paint_block(
    painter: QPainter,
    entry: CalendarEntry,
    rect: QRectF,
    base_font: QFont,
    selected: bool = False,
    ghost: bool = False,
) -> None:
    """A session in the time grid: name, then time, status and (if not in person) modality."""
    status = look(entry.status)
    painter.save()
    if ghost:
        painter.setOpacity(0.75)
    _frame(painter, rect, status, selected and not ghost)
    text_rect = rect.adjusted(9, 3, -4, -2).toRect()
    if text_rect.width() < 3 * QFontMetrics(base_font).averageCharWidth():
        painter.restore()  # too narrow for words: the colour bar, and the tooltip, say it
        return
    name_font, detail_font = _fonts(base_font, status.struck)
    name_metrics, detail_metrics = QFontMetrics(name_font), QFontMetrics(detail_font)
    symbol = f"{status.symbol} " if status.symbol else ""
    painter.setPen(status.text)
    painter.setFont(name_font)
    if text_rect.height() < name_metrics.height() * 2:
        # Too short for two lines: time and name on one.
        line = f"{symbol}{entry.start:%H:%M} {entry.client_name}"
        painter.drawText(text_rect, TOP_LEFT, elide(name_metrics, line, text_rect.width()))
    else:
        name = elide(name_metrics, entry.client_name, text_rect.width())
        painter.drawText(text_rect, TOP_LEFT, name)
        detail = f"{symbol}{time_range(entry.start, entry.duration_minutes)}"
        if entry.status is not SessionStatus.SCHEDULED:  # booked is the plain case; others say so
            detail += f" · {entry.status.label}"
        if entry.modality is not Modality.IN_PERSON:
            detail += f" · {entry.modality.label}"
        painter.setFont(detail_font)
        below = text_rect.adjusted(0, name_metrics.height() + 1, 0, 0)
        painter.drawText(below, TOP_LEFT, elide(detail_metrics, detail, below.width()))
    painter.restore()


def paint_chip(
    painter: QPainter,
    entry: CalendarEntry,
    rect: QRect,
    base_font: QFont,
    selected: bool = False,
    ghost: bool = False,
) -> None:
    """A session in the month grid on one line: symbol, start time, name."""
    status = look(entry.status)
    painter.save()
    if ghost:
        painter.setOpacity(0.75)
    _frame(painter, QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), status, selected and not ghost)
    text_rect = rect.adjusted(8, 0, -3, 0)
    font = QFont(base_font)
    font.setPointSizeF(max(base_font.pointSizeF() - 0.5, 7))
    font.setStrikeOut(status.struck)
    metrics = QFontMetrics(font)
    symbol = f"{status.symbol} " if status.symbol else ""
    painter.setFont(font)
    painter.setPen(status.text)
    line = f"{symbol}{entry.start:%H:%M} {entry.client_name}"
    painter.drawText(text_rect, LEFT_MIDDLE, elide(metrics, line, text_rect.width()))
    painter.restore()
