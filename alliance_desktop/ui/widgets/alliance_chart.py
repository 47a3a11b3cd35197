"""The alliance over time: check-in scores as lines, ruptures as markers on the same dates.

Each rupture outcome has its own colour *and* marker shape, and the legend names it, so the
chart reads without colour. Hovering a point or marker shows what it is; clicking a rupture
marker asks for its entry to be opened.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from PySide6.QtCharts import (
    QChart,
    QChartView,
    QDateTimeAxis,
    QLegend,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
    QXYSeries,
)
from PySide6.QtCore import QDateTime, QMargins, QPointF, Qt, QTime, Signal
from PySide6.QtGui import QColor, QCursor, QFont, QPainter, QPen
from PySide6.QtWidgets import QFrame, QToolTip, QWidget

from alliance_desktop.domain.alliance_check_in import AllianceDimension, Rater
from alliance_desktop.domain.alliance_flags import CheckInPoint
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.domain.rupture import RepairOutcome, RuptureEntry
from alliance_desktop.ui.date_formats import short_date, to_qdate
from alliance_desktop.ui.rupture_wording import (
    outcome_text,
    ratings_text,
    rupture_summary,
    whose_ratings,
)
from alliance_desktop.ui.signal_emit import emit
from alliance_desktop.ui.widgets.chart_colours import ThemeFollower, chart_colours

# Ruptures sit in their own lane below the 0 line, so they never hide a check-in score.
RUPTURE_LANE = -0.5
_STACK_STEP = 0.6  # more than one rupture on a day: stacked upwards
_Y_RANGE = (-0.9, 10.4)
MONTHLY_AFTER_DAYS = 730  # beyond two years of check-ins, one point a month
MANY_CHECK_INS = 16
# Room for the axes, the legend and a plot that still shows a trend.
MINIMUM_HEIGHT = 230

# (colour in ChartColours, width, style): each line has its own dash as well as its colour.
_LINE_STYLES: dict[AllianceDimension, tuple[str, float, Qt.PenStyle]] = {
    AllianceDimension.OVERALL: ("overall", 3.0, Qt.PenStyle.SolidLine),
    AllianceDimension.GOALS: ("goals", 1.6, Qt.PenStyle.DashLine),
    AllianceDimension.TASKS: ("tasks", 1.6, Qt.PenStyle.DotLine),
    AllianceDimension.BOND: ("bond", 1.6, Qt.PenStyle.DashDotLine),
}
LINE_ORDER = tuple(_LINE_STYLES)

OUTCOME_SHAPES: dict[RepairOutcome | None, QScatterSeries.MarkerShape] = {
    RepairOutcome.RESOLVED: QScatterSeries.MarkerShape.MarkerShapeCircle,
    RepairOutcome.PARTLY: QScatterSeries.MarkerShape.MarkerShapeRotatedRectangle,
    RepairOutcome.UNRESOLVED: QScatterSeries.MarkerShape.MarkerShapeTriangle,
    None: QScatterSeries.MarkerShape.MarkerShapeRectangle,
}
OUTCOME_ORDER: tuple[RepairOutcome | None, ...] = (
    RepairOutcome.UNRESOLVED,
    RepairOutcome.PARTLY,
    None,
    RepairOutcome.RESOLVED,
)


def chart_x(day: dt.date) -> float:
    """Milliseconds since the epoch at midday, as QDateTimeAxis counts."""
    return float(QDateTime(to_qdate(day), QTime(12, 0)).toMSecsSinceEpoch())


def rupture_series_name(outcome: RepairOutcome | None) -> str:
    return f"Rupture: {outcome_text(outcome).lower()}"


class AllianceChart(QChartView):
    rupture_clicked = Signal(int)  # rupture id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.colours = chart_colours()
        self.setMinimumHeight(MINIMUM_HEIGHT)
        self.date_style = DateStyle.DAY_MONTH_YEAR
        self.lines: dict[AllianceDimension, QLineSeries] = {}
        self.rupture_series: dict[RepairOutcome | None, QScatterSeries] = {}
        self.rater = Rater.CLIENT
        self.last_tooltip = ""
        self._check_ins: list[CheckInPoint] = []
        self._ruptures_by_series: dict[RepairOutcome | None, list[RuptureEntry]] = {}
        self._x_axis = QDateTimeAxis()
        self._y_axis = QValueAxis()
        self._y_axis.setRange(*_Y_RANGE)
        self._y_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        self._y_axis.setTickAnchor(0)
        self._y_axis.setTickInterval(2)
        self._y_axis.setLabelFormat("%d")
        self._y_axis.setTitleText("Check-in (0–10)")
        self._drawn: tuple[list[CheckInPoint], list[RuptureEntry], Rater] = ([], [], Rater.CLIENT)
        self._build_chart()
        self._paint_frame()
        self._theme = ThemeFollower(self, self.recolour)

    def _build_chart(self) -> None:
        chart = QChart()
        chart.setBackgroundVisible(False)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.legend().setMarkerShape(QLegend.MarkerShape.MarkerShapeFromSeries)
        font = QFont(chart.legend().font())
        font.setPointSizeF(9)
        chart.legend().setFont(font)
        chart.addAxis(self._x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self._y_axis, Qt.AlignmentFlag.AlignLeft)
        self.setChart(chart)

    # Colours

    def recolour(self) -> None:
        """Take the theme's colours (after it changes) and draw what is shown again in them."""
        colours = chart_colours()
        if colours == self.colours:
            return
        self.colours = colours
        self._paint_frame()
        self.set_timeline(*self._drawn)

    def _paint_frame(self) -> None:
        colours = self.colours
        self.setBackgroundBrush(colours.colour("background"))
        for axis in (self._x_axis, self._y_axis):
            axis.setLabelsColor(colours.colour("text"))
            axis.setTitleBrush(colours.colour("text"))
            axis.setGridLineColor(colours.colour("grid"))
            axis.setLinePenColor(colours.colour("axis_line"))
        self.chart().legend().setLabelColor(colours.colour("text"))

    # Filling

    def set_timeline(
        self,
        check_ins: list[CheckInPoint],
        ruptures: list[RuptureEntry],
        rater: Rater = Rater.CLIENT,
    ) -> None:
        """Draw `rater`'s ratings alone: the client's and the clinician's are two series and
        are never joined into one line."""
        self._drawn = (check_ins, ruptures, rater)
        chart = self.chart()
        chart.removeAllSeries()
        self.lines = {}
        self.rupture_series = {}
        self.rater = rater
        self._check_ins = [point.only(rater) for point in check_ins if point.by(rater)]
        self._ruptures_by_series = {}
        self._bottom = _Y_RANGE[0]
        if self._check_ins:
            for dimension in LINE_ORDER:
                self._add_line(dimension)
        self._bottom = self._axis_bottom()
        for entry in ruptures:
            self._add_guide(entry)
        stacked: Counter[dt.date] = Counter()
        for outcome in OUTCOME_ORDER:
            chosen = [entry for entry in ruptures if entry.outcome == outcome]
            if chosen:
                self._add_ruptures(outcome, chosen, stacked)
        self._fit_dates([p.on for p in self._check_ins] + [e.occurred_on for e in ruptures])
        self._y_axis.setRange(self._bottom, _Y_RANGE[1])

    def _add_line(self, dimension: AllianceDimension) -> None:
        colour, width, pen_style = _LINE_STYLES[dimension]
        series = QLineSeries()
        series.setName(dimension.label)
        pen = QPen(self.colours.colour(colour), width, pen_style)
        # Round ends on the solid line only: on a dashed one every dash gets two, which made
        # painting the chart take four times as long (25 ms against 7 at 540×480).
        solid = pen_style is Qt.PenStyle.SolidLine
        pen.setCapStyle(Qt.PenCapStyle.RoundCap if solid else Qt.PenCapStyle.FlatCap)
        series.setPen(pen)
        overall = dimension is AllianceDimension.OVERALL
        # Many sessions: dots on every line would hide the lines; keep them on overall only.
        series.setPointsVisible(overall or len(self._check_ins) <= MANY_CHECK_INS)
        series.setMarkerSize(7 if overall and len(self._check_ins) <= MANY_CHECK_INS else 5)
        for day, score in self._plotted(dimension):
            series.append(chart_x(day), score)
        self.chart().addSeries(series)
        self._attach(series)
        series.hovered.connect(
            lambda position, state, d=dimension: self._hover_check_in(d, position, state)
        )
        self.lines[dimension] = series

    def _plotted(self, dimension: AllianceDimension) -> list[tuple[dt.date, float]]:
        """Each rating; over a course longer than two years, one point a month (the month's
        average), so ten years of weekly sessions read as a line rather than a band."""
        points = [
            (point.on, float(point.ratings.score(dimension)))
            for point in self._check_ins
            if point.ratings is not None
        ]
        if not points or (points[-1][0] - points[0][0]).days <= MONTHLY_AFTER_DAYS:
            return points
        months: dict[tuple[int, int], list[float]] = {}
        for day, score in points:
            months.setdefault((day.year, day.month), []).append(score)
        return [
            (dt.date(year, month, 15), sum(scores) / len(scores))
            for (year, month), scores in sorted(months.items())
        ]

    def _axis_bottom(self) -> float:
        """From a little below the lowest rating drawn, so a course rated between 7 and 10 is
        not squeezed into the top third of the chart (the rupture lane sits just above it)."""
        drawn = [point.y() for line in self.lines.values() for point in line.points()]
        low = min(drawn, default=0.0)
        return max(_Y_RANGE[0], float(int(low)) - 1.0)

    def _add_ruptures(
        self,
        outcome: RepairOutcome | None,
        entries: list[RuptureEntry],
        stacked: Counter[dt.date],
    ) -> None:
        series = QScatterSeries()
        series.setName(rupture_series_name(outcome))
        series.setMarkerShape(OUTCOME_SHAPES[outcome])
        series.setMarkerSize(15)
        series.setColor(QColor(self.colours.outcomes[outcome]))
        series.setBorderColor(self.colours.colour("marker_edge"))
        for entry in entries:
            lane = RUPTURE_LANE + (self._bottom - _Y_RANGE[0])  # just above the axis' bottom
            y = lane + _STACK_STEP * stacked[entry.occurred_on]
            stacked[entry.occurred_on] += 1
            series.append(chart_x(entry.occurred_on), y)
        self.chart().addSeries(series)
        self._attach(series)
        series.hovered.connect(
            lambda position, state, o=outcome: self._hover_rupture(o, position, state)
        )
        series.clicked.connect(lambda position, o=outcome: self._click_rupture(o, position))
        self.rupture_series[outcome] = series
        self._ruptures_by_series[outcome] = entries

    def _add_guide(self, entry: RuptureEntry) -> None:
        """A faint upright line at a rupture, to read the check-ins either side of it."""
        guide = QLineSeries()
        colour = QColor(self.colours.outcomes[entry.outcome])
        colour.setAlpha(90)
        guide.setPen(QPen(colour, 1.2, Qt.PenStyle.DashLine))
        x = chart_x(entry.occurred_on)
        guide.append(x, max(0.0, self._bottom))
        guide.append(x, 10)
        self.chart().addSeries(guide)
        self._attach(guide)
        for marker in self.chart().legend().markers(guide):
            marker.setVisible(False)

    def _attach(self, series: QXYSeries) -> None:
        series.attachAxis(self._x_axis)
        series.attachAxis(self._y_axis)

    def _fit_dates(self, days: list[dt.date]) -> None:
        if not days:
            days = [dt.date.today()]
        first, last = min(days), max(days)
        span = (last - first).days
        pad = dt.timedelta(days=max(3, span // 25))
        self._x_axis.setRange(
            QDateTime(to_qdate(first - pad), QTime(0, 0)),
            QDateTime(to_qdate(last + pad), QTime(23, 59)),
        )
        self._x_axis.setFormat("d MMM" if span <= 150 else "MMM yyyy")
        self._x_axis.setTickCount(max(2, min(7, span // 7 + 2)))

    # Finding what is under the mouse

    def rupture_at(self, outcome: RepairOutcome | None, position: QPointF) -> RuptureEntry | None:
        series = self.rupture_series.get(outcome)
        entries = self._ruptures_by_series.get(outcome, [])
        if series is None or not entries:
            return None
        points = series.points()
        nearest = min(
            range(len(points)),
            key=lambda i: (
                abs(points[i].x() - position.x()) / 86_400_000 + abs(points[i].y() - position.y())
            ),
        )
        return entries[nearest]

    def check_in_at(self, position: QPointF) -> CheckInPoint | None:
        if not self._check_ins:
            return None
        return min(self._check_ins, key=lambda point: abs(chart_x(point.on) - position.x()))

    def marker_position(self, entry: RuptureEntry) -> QPointF:
        """Where `entry`'s marker is drawn, in view coordinates (for clicks and tests)."""
        series = self.rupture_series[entry.outcome]
        index = self._ruptures_by_series[entry.outcome].index(entry)
        scene = self.chart().mapToPosition(series.points()[index], series)
        return QPointF(self.mapFromScene(self.chart().mapToScene(scene)))

    # Hover and click

    def check_in_tooltip(self, point: CheckInPoint) -> str:
        assert point.ratings is not None
        return (
            f"Check-in {short_date(point.on, self.date_style)} — {whose_ratings(point)}\n"
            f"{ratings_text(point.ratings)}"
        )

    def rupture_tooltip(self, entry: RuptureEntry) -> str:
        lines = [rupture_summary(entry, self.date_style)]
        if entry.markers:
            lines.append("Markers: " + "; ".join(entry.markers[:4]))
        if entry.repairs:
            lines.append("Tried: " + "; ".join(r.strategy.label for r in entry.repairs))
        lines.append("Click to open the entry.")
        return "\n".join(lines)

    def _hover_check_in(
        self, _dimension: AllianceDimension, position: QPointF, state: bool
    ) -> None:
        point = self.check_in_at(position)
        self._tooltip(self.check_in_tooltip(point) if state and point else "")

    def _hover_rupture(self, outcome: RepairOutcome | None, position: QPointF, state: bool) -> None:
        entry = self.rupture_at(outcome, position)
        self._tooltip(self.rupture_tooltip(entry) if state and entry else "")
        cursor = Qt.CursorShape.PointingHandCursor if state else Qt.CursorShape.ArrowCursor
        self.viewport().setCursor(cursor)

    def _tooltip(self, text: str) -> None:
        self.last_tooltip = text
        if text:
            QToolTip.showText(QCursor.pos(), text, self)
        else:
            QToolTip.hideText()

    def _click_rupture(self, outcome: RepairOutcome | None, position: QPointF) -> None:
        entry = self.rupture_at(outcome, position)
        if entry is not None and entry.id is not None:
            emit(self.rupture_clicked, entry.id)
