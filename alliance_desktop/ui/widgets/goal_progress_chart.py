"""A small chart of one goal's ratings over time, on the -2..+2 scale with the level names."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCharts import (
    QCategoryAxis,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
)
from PySide6.QtCore import QDate, QDateTime, QMargins, QPointF, Qt, QTime
from PySide6.QtGui import QBrush, QFont, QPainter, QPen
from PySide6.QtWidgets import QWidget

from alliance_desktop.domain.goal import GAS_LEVELS, GasRating
from alliance_desktop.ui.goal_wording import SHORT_LEVEL_NAMES, level_number
from alliance_desktop.ui.widgets.chart_colours import ThemeFollower, chart_colours

_PADDING_DAYS = 10


def day_to_msecs(day: dt.date) -> float:
    moment = QDateTime(QDate(day.year, day.month, day.day), QTime(12, 0))
    return float(moment.toMSecsSinceEpoch())


class GoalProgressChart(QChartView):
    """`series` holds one point per rating: x is the day (ms since the epoch), y the level."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("goalProgressChart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(260, 170)  # five levels still read apart
        self.setFrameShape(QChartView.Shape.NoFrame)
        chart = QChart()
        chart.legend().hide()
        chart.setBackgroundVisible(False)
        chart.setMargins(QMargins(0, 4, 8, 0))
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.series = QLineSeries()
        self.series.setName("Rating")
        self.series.setPointsVisible(True)
        self.series.setMarkerSize(7)
        chart.addSeries(self.series)

        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        self.x_axis = QDateTimeAxis()
        self.x_axis.setFormat("d MMM yyyy")
        self.x_axis.setTickCount(4)
        self.x_axis.setLabelsFont(small)
        self.y_axis = QCategoryAxis()
        self.y_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        for level in GAS_LEVELS:
            self.y_axis.append(f"{level_number(level)} {SHORT_LEVEL_NAMES[level]}", level)
        self.y_axis.setRange(-2.4, 2.4)
        self.y_axis.setLabelsFont(small)
        chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        self.series.attachAxis(self.x_axis)
        self.series.attachAxis(self.y_axis)
        self.setChart(chart)
        self.colours = chart_colours()
        self._paint()
        self._theme = ThemeFollower(self, self.recolour)
        self.show_ratings([])

    def recolour(self) -> None:
        """Take the theme's colours, after it changes."""
        self.colours = chart_colours()
        self._paint()

    def _paint(self) -> None:
        colours = self.colours
        self.setBackgroundBrush(QBrush(colours.colour("background")))
        line = colours.colour("goal_line")
        self.series.setPen(QPen(line, 2))
        self.series.setBrush(QBrush(line))
        for axis in (self.x_axis, self.y_axis):
            axis.setLabelsColor(colours.colour("text"))
            axis.setGridLineColor(colours.colour("grid"))
            axis.setLinePenColor(colours.colour("axis_line"))

    def show_ratings(self, ratings: Sequence[GasRating]) -> None:
        points = [QPointF(day_to_msecs(r.rated_on), float(r.level)) for r in ratings]
        self.series.replace(points)
        days = [rating.rated_on for rating in ratings] or [dt.date.today()]
        # A margin either side, so the first and last points do not sit on the frame.
        padding = dt.timedelta(days=max(_PADDING_DAYS, (max(days) - min(days)).days // 20))
        first, last = min(days) - padding, max(days) + padding
        self.x_axis.setRange(
            QDateTime(QDate(first.year, first.month, first.day), QTime(0, 0)),
            QDateTime(QDate(last.year, last.month, last.day), QTime(0, 0)),
        )
        # "Feb 17" reads as a day; a range across years shows the whole year.
        self.x_axis.setFormat("d MMM" if first.year == last.year else "MMM yyyy")
        described = ", ".join(f"{r.rated_on.isoformat()}: {level_number(r.level)}" for r in ratings)
        self.setAccessibleDescription(described or "No ratings yet")
