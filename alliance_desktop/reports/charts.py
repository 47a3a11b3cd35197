"""Small charts drawn with ReportLab graphics: a goal's ratings over time, the GAS T-score, and
the alliance timeline with rupture markers. Lines differ in dash as well as colour, so they
stay apart when printed in grey."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from alliance_desktop.domain.alliance_check_in import AllianceDimension
from alliance_desktop.domain.alliance_flags import CheckInPoint
from alliance_desktop.domain.goal_rules import TScorePoint
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.domain.rupture import RuptureEntry
from alliance_desktop.reports.formatting import short_date, signed_level
from alliance_desktop.reports.report_data import RatingPoint
from alliance_desktop.reports.styles import (
    ACCENT,
    FONT,
    FONT_BOLD,
    INK,
    MUTED,
    OUTCOME_COLOURS,
    RULE,
    SERIES_COLOURS,
    SERIES_DASHES,
    SHADE,
    register_fonts,
)

_LEVEL_LABELS = {
    2: "Much more",
    1: "More",
    0: "Expected",
    -1: "Less",
    -2: "Much less",
}
_TICK_SIZE = 7.5
_DATE_LABEL_WIDTH = 62.0  # room one short date needs at the tick size

# Dimensions in the order the legend lists them.
ALLIANCE_SERIES = (
    AllianceDimension.OVERALL,
    AllianceDimension.GOALS,
    AllianceDimension.TASKS,
    AllianceDimension.BOND,
)
OUTCOME_LABELS = {
    "resolved": "resolved",
    "partly": "partly resolved",
    "unresolved": "unresolved",
    "none": "no repair yet",
}


def goal_rating_chart(
    ratings: Sequence[RatingPoint],
    first_day: dt.date,
    last_day: dt.date,
    style: DateStyle,
    width: float,
    height: float = 118,
) -> Drawing:
    """Ratings from −2 to +2 over time, with the expected level (0) shaded."""
    drawing = _drawing(width, height)
    left, right, bottom, top = 62.0, width - 12, 24.0, height - 8
    step = (top - bottom) / 4

    def y_of(level: int) -> float:
        return bottom + (level + 2) * step

    drawing.add(
        Rect(left, y_of(0) - step / 2, right - left, step, fillColor=SHADE, strokeColor=None)
    )
    for level, label in _LEVEL_LABELS.items():
        y = y_of(level)
        drawing.add(Line(left, y, right, y, strokeColor=RULE, strokeWidth=0.5))
        text = f"{label} ({signed_level(level)})"
        drawing.add(_text(left - 5, y - 3, text, size=8, anchor="end", bold=level == 0))
    x_of = _date_scale(first_day, last_day, left + 24, right - 10)
    _date_ticks(drawing, first_day, last_day, x_of, bottom, style, right - left)
    points = [(x_of(rating.on), y_of(rating.level)) for rating in ratings]
    many = len(points) > 30  # dots would run together: the line alone reads better
    if len(points) > 1:
        drawing.add(
            PolyLine(
                [value for point in points for value in point],
                strokeColor=ACCENT,
                strokeWidth=1.2 if many else 1.6,
            )
        )
    if not many:
        for x, y in points:
            drawing.add(
                Circle(x, y, 3.2, fillColor=ACCENT, strokeColor=colors.white, strokeWidth=0.8)
            )
    return drawing


def t_score_chart(
    points: Sequence[TScorePoint], style: DateStyle, width: float, height: float = 110
) -> Drawing:
    """The GAS T-score on each rating day; 50 is every goal at its expected level."""
    drawing = _drawing(width, height)
    left, right, bottom, top = 34.0, width - 12, 20.0, height - 8
    scores = [point.t_score for point in points]
    low = min([30.0, *scores])
    high = max([70.0, *scores])
    low, high = 10 * (low // 10), 10 * -(-high // 10)

    def y_of(score: float) -> float:
        return bottom + (score - low) / (high - low) * (top - bottom)

    for grid in range(int(low), int(high) + 1, 10):
        y = y_of(grid)
        strong = grid == 50
        drawing.add(
            Line(
                left,
                y,
                right,
                y,
                strokeColor=MUTED if strong else RULE,
                strokeWidth=0.5,
                strokeDashArray=(3, 2) if strong else None,
            )
        )
        drawing.add(_text(left - 5, y - 3, str(grid), size=_TICK_SIZE, anchor="end"))
    if not points:
        return drawing
    x_of = _date_scale(points[0].on, points[-1].on, left + 8, right - 8)
    _date_ticks(drawing, points[0].on, points[-1].on, x_of, bottom, style, right - left)
    coordinates = [(x_of(point.on), y_of(point.t_score)) for point in points]
    if len(coordinates) > 1:
        drawing.add(
            PolyLine([v for c in coordinates for v in c], strokeColor=ACCENT, strokeWidth=1.4)
        )
    if len(coordinates) <= 60:
        for x, y in coordinates:
            drawing.add(Circle(x, y, 2.4, fillColor=ACCENT, strokeColor=None))
    return drawing


MAX_ALLIANCE_POINTS = 60  # beyond this, consecutive check-ins are averaged


@dataclass(frozen=True)
class AlliancePoint:
    on: dt.date
    scores: dict[AllianceDimension, float]


def alliance_points(
    check_ins: Sequence[CheckInPoint], max_points: int = MAX_ALLIANCE_POINTS
) -> tuple[list[AlliancePoint], int]:
    """The points the chart draws, and how many check-ins each one averages (1 for a short
    course; a long one is averaged in consecutive groups so its trend stays readable)."""
    rated = [(point.on, point.ratings) for point in check_ins if point.ratings is not None]
    group = max(1, math.ceil(len(rated) / max_points))
    points = []
    for start in range(0, len(rated), group):
        chunk = rated[start : start + group]
        points.append(
            AlliancePoint(
                on=chunk[len(chunk) // 2][0],
                scores={
                    dimension: sum(r.score(dimension) for _, r in chunk) / len(chunk)
                    for dimension in ALLIANCE_SERIES
                },
            )
        )
    return points, group


def alliance_chart(
    check_ins: Sequence[CheckInPoint],
    ruptures: Sequence[RuptureEntry],
    style: DateStyle,
    width: float,
    height: float = 200,
    rupture_legend: bool = True,
) -> Drawing:
    """Check-in scores (0-10) session by session, with a marker at each rupture (and no
    rupture legend when the rupture log is not part of the document)."""
    drawing = _drawing(width, height)
    left, right, bottom, top = 26.0, width - 10, 58.0, height - 16
    points, _ = alliance_points(check_ins)
    days = [point.on for point in check_ins] + [entry.occurred_on for entry in ruptures]

    def y_of(score: float) -> float:
        return bottom + score / 10 * (top - bottom)

    for grid in range(0, 11, 2):
        y = y_of(grid)
        drawing.add(Line(left, y, right, y, strokeColor=RULE, strokeWidth=0.5))
        drawing.add(_text(left - 5, y - 3, str(grid), size=_TICK_SIZE, anchor="end"))
    _legend(drawing, left, 6, rupture_legend)
    if not days:
        return drawing
    first, last = min(days), max(days)
    x_of = _date_scale(first, last, left + 6, right - 6)
    _date_ticks(drawing, first, last, x_of, bottom, style, right - left)
    for entry in ruptures:
        x = x_of(entry.occurred_on)
        colour = OUTCOME_COLOURS[entry.outcome.value if entry.outcome else "none"]
        drawing.add(
            Line(x, bottom, x, top, strokeColor=colour, strokeWidth=0.6, strokeDashArray=(2, 2))
        )
        drawing.add(
            Polygon(
                [x - 3.5, top + 9, x + 3.5, top + 9, x, top + 2], fillColor=colour, strokeColor=None
            )
        )
    dotted = len(points) <= 40
    for dimension in reversed(ALLIANCE_SERIES):
        colour = SERIES_COLOURS[dimension.value]
        coordinates = [(x_of(point.on), y_of(point.scores[dimension])) for point in points]
        if len(coordinates) > 1:
            drawing.add(
                PolyLine(
                    [v for c in coordinates for v in c],
                    strokeColor=colour,
                    strokeWidth=1.8 if dimension is AllianceDimension.OVERALL else 1.1,
                    strokeDashArray=SERIES_DASHES[dimension.value] or None,
                )
            )
        if dotted or len(coordinates) == 1:
            for x, y in coordinates:
                drawing.add(Circle(x, y, 1.8, fillColor=colour, strokeColor=None))
    return drawing


def _legend(drawing: Drawing, x: float, y: float, ruptures: bool = True) -> None:
    """Two rows under the chart: the four lines, then the rupture outcomes."""
    start = x
    for dimension in ALLIANCE_SERIES:
        colour = SERIES_COLOURS[dimension.value]
        drawing.add(
            Line(
                x,
                y + 15,
                x + 18,
                y + 15,
                strokeColor=colour,
                strokeWidth=1.6,
                strokeDashArray=SERIES_DASHES[dimension.value] or None,
            )
        )
        drawing.add(_text(x + 22, y + 12, dimension.label, size=_TICK_SIZE))
        x += 36 + stringWidth(dimension.label, FONT, _TICK_SIZE)
    if not ruptures:
        return
    x = start
    for outcome, label in OUTCOME_LABELS.items():
        colour = OUTCOME_COLOURS[outcome]
        drawing.add(Polygon([x, y + 7, x + 8, y + 7, x + 4, y], fillColor=colour, strokeColor=None))
        drawing.add(_text(x + 12, y, f"Rupture: {label}", size=_TICK_SIZE))
        x += 26 + stringWidth(f"Rupture: {label}", FONT, _TICK_SIZE)


def _drawing(width: float, height: float) -> Drawing:
    register_fonts()  # text is measured while drawing, before any document is built
    drawing = Drawing(width, height)
    drawing.initialFontName = FONT  # else the renderer starts in (unembedded) Helvetica
    return drawing


def _date_scale(first: dt.date, last: dt.date, x0: float, x1: float) -> Callable[[dt.date], float]:
    span = (last - first).days
    if span <= 0:
        middle = (x0 + x1) / 2
        return lambda day: middle
    return lambda day: x0 + (day - first).days / span * (x1 - x0)


def _date_ticks(
    drawing: Drawing,
    first: dt.date,
    last: dt.date,
    x_of: Callable[[dt.date], float],
    axis_y: float,
    style: DateStyle,
    room: float,
) -> None:
    span = (last - first).days
    count = 1 if span <= 0 else max(2, min(6, int(room // (_DATE_LABEL_WIDTH + 14))))
    ticks = (
        [first]
        if count == 1
        else [first + dt.timedelta(days=round(span * i / (count - 1))) for i in range(count)]
    )
    for day in dict.fromkeys(ticks):
        x = x_of(day)
        drawing.add(Line(x, axis_y, x, axis_y - 3, strokeColor=MUTED, strokeWidth=0.5))
        drawing.add(_text(x, axis_y - 12, short_date(day, style), size=_TICK_SIZE, anchor="middle"))


def _text(
    x: float, y: float, text: str, size: float, anchor: str = "start", bold: bool = False
) -> String:
    return String(
        x,
        y,
        text,
        fontName=FONT_BOLD if bold else FONT,
        fontSize=size,
        fillColor=INK if bold else MUTED,
        textAnchor=anchor,
    )
