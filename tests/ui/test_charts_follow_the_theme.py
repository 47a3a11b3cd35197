"""The alliance chart and the goal progress chart paint in the theme's colours: a dark
surface, light labels at AA contrast, lines and markers that stand out from it; and they
repaint when the theme changes under them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCharts import QLineSeries, QScatterSeries
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from alliance_desktop.domain.alliance_check_in import AllianceRatings
from alliance_desktop.domain.alliance_flags import CheckInPoint
from alliance_desktop.domain.goal import GasRating
from alliance_desktop.domain.rupture import RaisedBy, RepairOutcome, RuptureEntry, RuptureKind
from alliance_desktop.ui.theme import ThemeChoice, apply_theme
from alliance_desktop.ui.widgets.alliance_chart import AllianceChart
from alliance_desktop.ui.widgets.chart_colours import DARK, LIGHT
from alliance_desktop.ui.widgets.goal_progress_chart import GoalProgressChart
from tests.ui.test_theme import contrast

START = dt.date(2026, 3, 2)
AA_TEXT = 4.5
GRAPHICS = 3.0  # WCAG 1.4.11, lines and markers


@pytest.fixture
def light_again(qapp: QApplication) -> Iterator[None]:
    yield
    apply_theme(qapp, ThemeChoice.LIGHT)


def _alliance_chart(qtbot: QtBot) -> AllianceChart:
    chart = AllianceChart()
    qtbot.addWidget(chart)
    check_ins = [
        CheckInPoint(n, START + dt.timedelta(weeks=n), AllianceRatings(6, 7, 8, 7), None)
        for n in range(6)
    ]
    rupture = RuptureEntry(
        1,
        START + dt.timedelta(weeks=2),
        RuptureKind.WITHDRAWAL,
        3,
        RaisedBy.CLIENT,
        id=9,
        outcome=RepairOutcome.UNRESOLVED,
    )
    chart.set_timeline(check_ins, [rupture])
    chart.show()
    return chart


def _painted(chart: AllianceChart) -> dict[str, str]:
    x_axis, y_axis = chart.chart().axes()
    return {
        "background": chart.backgroundBrush().color().name(),
        "x labels": x_axis.labelsColor().name(),
        "y labels": y_axis.labelsColor().name(),
        "y title": y_axis.titleBrush().color().name(),
        "legend": chart.chart().legend().labelColor().name(),
    }


@pytest.mark.parametrize("scheme", [LIGHT, DARK])
def test_every_chart_colour_reads_on_its_background(scheme: object) -> None:
    assert scheme is LIGHT or scheme is DARK
    background = scheme.background
    assert contrast(scheme.text, background) >= AA_TEXT
    lines = [scheme.overall, scheme.goals, scheme.tasks, scheme.bond, scheme.goal_line]
    for colour in [*lines, *scheme.outcomes.values()]:
        assert contrast(colour, background) >= GRAPHICS, colour


def test_the_alliance_chart_turns_dark_with_the_theme_and_back(
    qtbot: QtBot, qapp: QApplication, light_again: None
) -> None:
    apply_theme(qapp, ThemeChoice.LIGHT)
    chart = _alliance_chart(qtbot)
    assert _painted(chart)["background"] == LIGHT.background

    apply_theme(qapp, ThemeChoice.DARK)
    qtbot.waitUntil(lambda: _painted(chart)["background"] == DARK.background)
    painted = _painted(chart)
    for part in ("x labels", "y labels", "y title", "legend"):
        assert painted[part] == DARK.text, part
        assert contrast(painted[part], painted["background"]) >= AA_TEXT
    lines = [s for s in chart.chart().series() if isinstance(s, QLineSeries) and s.name()]
    assert lines and all(
        contrast(line.pen().color().name(), DARK.background) >= GRAPHICS for line in lines
    )
    markers = [s for s in chart.chart().series() if isinstance(s, QScatterSeries)]
    assert [m.color().name() for m in markers] == [DARK.outcomes[RepairOutcome.UNRESOLVED]]
    assert chart.chart().axes()[0].gridLineColor().name() == DARK.grid

    apply_theme(qapp, ThemeChoice.LIGHT)
    qtbot.waitUntil(lambda: _painted(chart)["background"] == LIGHT.background)
    assert _painted(chart)["y labels"] == LIGHT.text


def test_a_chart_built_in_the_dark_theme_starts_dark(
    qtbot: QtBot, qapp: QApplication, light_again: None
) -> None:
    apply_theme(qapp, ThemeChoice.DARK)
    chart = _alliance_chart(qtbot)
    assert _painted(chart)["background"] == DARK.background
    assert _painted(chart)["x labels"] == DARK.text


def test_the_goal_chart_turns_dark_with_the_theme(
    qtbot: QtBot, qapp: QApplication, light_again: None
) -> None:
    apply_theme(qapp, ThemeChoice.LIGHT)
    chart = GoalProgressChart()
    qtbot.addWidget(chart)
    chart.show_ratings([GasRating(START, -1), GasRating(START + dt.timedelta(days=30), 0)])
    chart.show()
    assert chart.backgroundBrush().color().name() == LIGHT.background

    apply_theme(qapp, ThemeChoice.DARK)
    qtbot.waitUntil(lambda: chart.backgroundBrush().color().name() == DARK.background)
    for axis in (chart.x_axis, chart.y_axis):
        assert axis.labelsColor().name() == DARK.text
        assert axis.gridLineColor().name() == DARK.grid
    assert chart.series.pen().color().name() == DARK.goal_line


def test_goal_cards_paint_in_the_theme_and_their_text_reads(
    qapp: QApplication, light_again: None
) -> None:
    from alliance_desktop.ui.widgets.goal_card_delegate import (
        DARK_CARDS,
        LIGHT_CARDS,
        card_colours,
    )

    apply_theme(qapp, ThemeChoice.DARK)
    assert card_colours() is DARK_CARDS
    apply_theme(qapp, ThemeChoice.LIGHT)
    assert card_colours() is LIGHT_CARDS
    for scheme in (LIGHT_CARDS, DARK_CARDS):
        for surface in (scheme.card, scheme.selected):
            assert contrast(scheme.text.name(), surface.name()) >= AA_TEXT
        assert contrast(scheme.quiet.name(), scheme.card.name()) >= AA_TEXT
        for background, _border, text in scheme.badges.values():
            assert contrast(text.name(), background.name()) >= AA_TEXT
