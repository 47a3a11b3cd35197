"""Ten years of weekly check-ins read as a line: one point a month, and the y-axis from just
below the lowest rating drawn (the rupture lane above the axis' bottom, still in view)."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from alliance_desktop.domain.alliance_check_in import AllianceDimension, AllianceRatings
from alliance_desktop.domain.alliance_flags import CheckInPoint
from alliance_desktop.ui.widgets.alliance_chart import AllianceChart

START = dt.date(2016, 1, 4)


def weekly(weeks: int) -> list[CheckInPoint]:
    return [
        CheckInPoint(n, START + dt.timedelta(weeks=n), AllianceRatings(8, 9, 8, 9), None)
        for n in range(weeks)
    ]


def test_a_decade_is_drawn_one_point_a_month(qtbot: QtBot) -> None:
    chart = AllianceChart()
    qtbot.addWidget(chart)
    chart.set_timeline(weekly(52 * 10), [])
    overall = chart.lines[AllianceDimension.OVERALL]
    assert 118 <= overall.count() <= 122  # one point a month for ten years, not 520
    assert chart._y_axis.min() >= 6.0  # ratings of 8 and 9: the axis starts near them


def test_a_year_keeps_every_check_in(qtbot: QtBot) -> None:
    chart = AllianceChart()
    qtbot.addWidget(chart)
    chart.set_timeline(weekly(52), [])
    assert chart.lines[AllianceDimension.OVERALL].count() == 52
