"""A small line showing how a score moved over time, with a faint line at the expected 50 and a
small upright tick where a goal entered the score.

It only draws; the words beside it ('up 6 since 3 March') and its tooltip say the same for
everyone."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from alliance_desktop.ui.widgets.chart_colours import chart_colours


class TrendLine(QWidget):
    def __init__(self, baseline: float = 50.0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.baseline = baseline
        self.values: list[float] = []
        self.entries: list[int] = []  # indexes of points where a goal entered
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(120, 30)

    def set_values(self, values: Sequence[float], entries: Sequence[int] = ()) -> None:
        self.values = list(values)
        self.entries = [n for n in entries if 0 <= n < len(self.values)]
        self.setVisible(len(self.values) >= 2)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if len(self.values) < 2:
            return
        colours = chart_colours()  # read at each paint: a theme change repaints
        line, faint = colours.colour("goal_line"), colours.colour("axis_line")
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.rect().adjusted(3, 3, -3, -3)
        low = min(*self.values, self.baseline)
        high = max(*self.values, self.baseline)
        spread = (high - low) or 1.0

        def y(value: float) -> float:
            return rect.bottom() - (value - low) / spread * rect.height()

        step = rect.width() / (len(self.values) - 1)
        painter.setPen(QPen(faint, 1, Qt.PenStyle.DashLine))
        painter.drawLine(
            QPointF(rect.left(), y(self.baseline)), QPointF(rect.right(), y(self.baseline))
        )
        painter.setPen(QPen(faint, 1))
        for number in self.entries:
            x = rect.left() + number * step
            painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
        path = QPainterPath(QPointF(rect.left(), y(self.values[0])))
        for number, value in enumerate(self.values[1:], 1):
            path.lineTo(QPointF(rect.left() + number * step, y(value)))
        painter.setPen(QPen(line, 2))
        painter.drawPath(path)
        painter.setBrush(line)
        last = QPointF(rect.right(), y(self.values[-1]))
        painter.drawEllipse(last, 3, 3)
