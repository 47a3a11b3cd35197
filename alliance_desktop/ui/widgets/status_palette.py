"""How each session status looks: a calm fill, an edge, a symbol and a word, and their legend.

Colour is never the only cue: every status also has a symbol drawn beside the time and a word
in labels and tooltips, so the calendar reads the same in greyscale or for colour-blind eyes.
Text colours keep at least 4.5:1 contrast (WCAG AA) on their fills.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPaintEvent, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QWidget

from alliance_desktop.domain.session import SessionStatus


@dataclass(frozen=True)
class StatusLook:
    fill: QColor
    edge: QColor
    text: QColor
    symbol: str  # drawn beside the time; "" for a plain booking
    struck: bool = False  # a session that did not take place is drawn struck through
    dashed: bool = False


def _colours(fill: str, edge: str, text: str) -> tuple[QColor, QColor, QColor]:
    return QColor(fill), QColor(edge), QColor(text)


_LOOKS = {
    SessionStatus.SCHEDULED: StatusLook(*_colours("#e2edf7", "#4b7aa3", "#1b3a56"), ""),
    SessionStatus.ATTENDED: StatusLook(*_colours("#e0f0e5", "#468659", "#1c4529"), "✓"),
    SessionStatus.CANCELLED: StatusLook(
        *_colours("#eef0f0", "#8a9597", "#465254"), "✕", struck=True, dashed=True
    ),
    SessionStatus.LATE_CANCELLED: StatusLook(
        *_colours("#fbeed5", "#b5842c", "#573c08"), "◷", struck=True, dashed=True
    ),
    SessionStatus.NO_SHOW: StatusLook(*_colours("#f8e1df", "#b0524b", "#5b1e19"), "∅"),
    SessionStatus.CLINICIAN_CANCELLED: StatusLook(
        *_colours("#ebe6f4", "#7a68a6", "#382b5a"), "⊘", struck=True, dashed=True
    ),
}


def look(status: SessionStatus) -> StatusLook:
    return _LOOKS[status]


def status_icon(status: SessionStatus, size: int = 16) -> QIcon:
    """The swatch as an icon, for list and table rows."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    _paint_swatch(painter, QRectF(0, 0, size, size), _LOOKS[status])
    painter.end()
    return QIcon(pixmap)


def status_mark_icon(status: SessionStatus, size: int = 16) -> QIcon:
    """The status's symbol alone, in its edge colour, for rows people click to open: a boxed
    swatch there looks like a check box that would mark the session."""
    status_look = _LOOKS[status]
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(status_look.edge)
    font = painter.font()
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(
        QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, status_look.symbol or "•"
    )
    painter.end()
    return QIcon(pixmap)


def _paint_swatch(painter: QPainter, rect: QRectF, status_look: StatusLook) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(status_look.edge, 1.2)
    if status_look.dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.setBrush(status_look.fill)
    painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
    painter.setPen(status_look.text)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, status_look.symbol)


class StatusSwatch(QWidget):
    """A small rounded square in a status's colours, with its symbol."""

    def __init__(self, status: SessionStatus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._look = _LOOKS[status]
        self.setFixedSize(QSize(18, 18))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        _paint_swatch(painter, QRectF(self.rect()), self._look)


class StatusLegend(QWidget):
    """One swatch and word per status: in a row where there is room, else in two rows of
    three, so no word is ever cut (the 900-pixel minimum window)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(6)
        self._grid.setVerticalSpacing(4)
        self.labels: dict[SessionStatus, QLabel] = {}
        self._entries: list[QWidget] = []
        for status in SessionStatus:
            entry = QWidget()
            row = QHBoxLayout(entry)
            row.setContentsMargins(0, 0, 10, 0)
            row.setSpacing(6)
            row.addWidget(StatusSwatch(status))
            label = QLabel(status.label)
            label.setObjectName("legendLabel")
            self.labels[status] = label
            row.addWidget(label)
            self._entries.append(entry)
        self._per_row = 0
        self._arrange(len(self._entries))

    def _arrange(self, per_row: int) -> None:
        if per_row == self._per_row:
            return
        self._per_row = per_row
        for entry in self._entries:
            self._grid.removeWidget(entry)
        for index, entry in enumerate(self._entries):
            self._grid.addWidget(entry, index // per_row, index % per_row)
        for column in range(len(self._entries) + 1):
            self._grid.setColumnStretch(column, 0)
        self._grid.setColumnStretch(per_row, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        one_row = sum(entry.sizeHint().width() + 6 for entry in self._entries)
        self._arrange(len(self._entries) if event.size().width() >= one_row else 3)
        super().resizeEvent(event)
