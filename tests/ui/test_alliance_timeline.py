"""The alliance timeline: check-ins as lines, a marker per rupture coloured by its outcome."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPointF, Qt
from pytestqt.qtbot import QtBot

from alliance_desktop.domain.alliance_check_in import AllianceDimension, AllianceRatings, Rater
from alliance_desktop.domain.rupture import (
    RepairAttempt,
    RepairOutcome,
    RepairStrategy,
    RuptureEntry,
)
from alliance_desktop.services import Practice
from alliance_desktop.ui.dialogs.rupture_dialog import RuptureDialog
from alliance_desktop.ui.main_window import MainWindow
from alliance_desktop.ui.rupture_wording import OUTCOME_COLOURS
from alliance_desktop.ui.signal_emit import emit
from alliance_desktop.ui.tasks import TaskRunner
from alliance_desktop.ui.views.client_tabs.alliance_tab import AllianceTab
from alliance_desktop.ui.widgets.alliance_chart import OUTCOME_SHAPES, RUPTURE_LANE, chart_x
from tests.factories import make_client
from tests.ui.dialog_driver import when_dialog_opens
from tests.ui.rupture_fixtures import add_rupture, book_check_in

FEB_20, FEB_27, MAR_6 = dt.date(2026, 2, 20), dt.date(2026, 2, 27), dt.date(2026, 3, 6)


def _xy(points: list[QPointF]) -> list[tuple[float, float]]:
    return [(point.x(), point.y()) for point in points]


def _open_alliance_tab(
    qtbot: QtBot, main_window: MainWindow, tasks: TaskRunner, client_id: int
) -> AllianceTab:
    main_window.clients_view.refresh()
    qtbot.waitUntil(lambda: main_window.clients_view.is_loaded and not tasks.is_busy)
    main_window.open_client(client_id)
    main_window.clients_view.overview.show_tab("Alliance")
    tab = main_window.alliance_tab
    qtbot.waitUntil(lambda: tab.loaded_client_id == client_id and not tasks.is_busy)
    return tab


@pytest.fixture
def client_id(practice: Practice) -> int:
    return practice.add_client(make_client(name="Ada Quinn", preferred_name="")).id or 0


@pytest.fixture
def ruptures(practice: Practice, client_id: int) -> list[RuptureEntry]:
    book_check_in(practice, client_id, FEB_20, client=AllianceRatings(9, 9, 9, 9))
    book_check_in(practice, client_id, FEB_27, clinician=AllianceRatings(8, 7, 8, 7))
    book_check_in(
        practice,
        client_id,
        MAR_6,
        client=AllianceRatings(6, 7, 5, 6),
        clinician=AllianceRatings(9, 9, 9, 9),  # the client's own view wins
    )
    tried = (RepairAttempt(RepairStrategy.CLARIFY_MISUNDERSTANDING),)
    return [
        add_rupture(practice, client_id, FEB_27, repairs=tried, outcome=RepairOutcome.RESOLVED),
        add_rupture(practice, client_id, MAR_6, repairs=tried, outcome=RepairOutcome.UNRESOLVED),
        add_rupture(practice, client_id, dt.date(2026, 3, 10)),  # no repair yet
    ]


def test_check_ins_are_lines_and_each_rupture_a_marker_in_its_outcome_colour(
    qtbot: QtBot,
    main_window: MainWindow,
    tasks: TaskRunner,
    client_id: int,
    ruptures: list[RuptureEntry],
) -> None:
    tab = _open_alliance_tab(qtbot, main_window, tasks, client_id)
    chart = tab.chart
    assert tab.stack.currentWidget() is chart

    # The client's own series only: the clinician's 27 Feb rating is not joined into it.
    days = [chart_x(FEB_20), chart_x(MAR_6)]
    expected = {
        AllianceDimension.OVERALL: [9, 6],
        AllianceDimension.GOALS: [9, 6],
        AllianceDimension.TASKS: [9, 7],
        AllianceDimension.BOND: [9, 5],
    }
    assert tab.rater is Rater.CLIENT
    for dimension, scores in expected.items():
        assert _xy(chart.lines[dimension].points()) == list(zip(days, scores, strict=True))
    assert "the client's own ratings at 2 sessions" in tab.note.text()
    assert "your own ratings at 2 sessions" in tab.note.text()

    # Choosing "My own ratings" draws the clinician's series alone.
    tab.whose.setCurrentIndex(tab.whose.findData(Rater.CLINICIAN))
    emit(tab.whose.activated, tab.whose.currentIndex())
    assert _xy(chart.lines[AllianceDimension.OVERALL].points()) == [
        (chart_x(FEB_27), 7),
        (chart_x(MAR_6), 9),
    ]
    assert tab.note.text().startswith("Lines show your own ratings at 2 sessions")
    tab.whose.setCurrentIndex(tab.whose.findData(Rater.CLIENT))
    emit(tab.whose.activated, tab.whose.currentIndex())

    by_outcome = {entry.outcome: entry for entry in ruptures}
    assert set(chart.rupture_series) == set(by_outcome)
    for outcome, entry in by_outcome.items():
        series = chart.rupture_series[outcome]
        # The rupture lane sits just above the axis' bottom, wherever the ratings put it.
        lane = RUPTURE_LANE + (chart._y_axis.min() - (-0.9))
        [(x, y)] = _xy(series.points())
        assert x == chart_x(entry.occurred_on) and abs(y - lane) < 1e-6
        assert (
            chart._y_axis.min()
            < y
            < min(p.y() for p in chart.lines[next(iter(chart.lines))].points())
        )
        assert series.color() == OUTCOME_COLOURS[outcome]
        assert series.markerShape() == OUTCOME_SHAPES[outcome]
    assert len(set(OUTCOME_SHAPES.values())) == 4  # shapes, not colour alone
    assert chart.rupture_series[None].name() == "Rupture: no repair yet"


def test_hovering_says_what_a_point_is_and_whose_ratings_they_are(
    qtbot: QtBot,
    main_window: MainWindow,
    tasks: TaskRunner,
    client_id: int,
    ruptures: list[RuptureEntry],
) -> None:
    chart = _open_alliance_tab(qtbot, main_window, tasks, client_id).chart

    emit(chart.lines[AllianceDimension.OVERALL].hovered, QPointF(chart_x(MAR_6), 6), True)
    assert chart.last_tooltip.startswith("Check-in 06/03/2026 — the client's own ratings")
    assert "overall 6 · goals 6 · tasks 7 · bond 5" in chart.last_tooltip

    unresolved = chart.rupture_series[RepairOutcome.UNRESOLVED]
    emit(unresolved.hovered, QPointF(chart_x(MAR_6), RUPTURE_LANE), True)
    assert chart.last_tooltip.startswith("Withdrawal rupture, 06/03/2026")
    assert "Unresolved" in chart.last_tooltip
    assert "Clarified a misunderstanding" in chart.last_tooltip

    emit(unresolved.hovered, QPointF(chart_x(MAR_6), RUPTURE_LANE), False)
    assert chart.last_tooltip == ""


def test_clicking_a_rupture_marker_opens_its_entry(
    qtbot: QtBot,
    main_window: MainWindow,
    tasks: TaskRunner,
    client_id: int,
    ruptures: list[RuptureEntry],
) -> None:
    chart = _open_alliance_tab(qtbot, main_window, tasks, client_id).chart
    resolved = ruptures[0]
    opened: list[RuptureEntry] = []
    driver = when_dialog_opens(RuptureDialog, lambda d: opened.append(d.entry_from_fields()))

    position = chart.marker_position(resolved).toPoint()
    assert chart.viewport().rect().contains(position)
    qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=position)

    qtbot.waitUntil(lambda: driver.opened and not tasks.is_busy)
    assert opened[0].id == resolved.id
    assert opened[0].outcome is RepairOutcome.RESOLVED


def test_the_range_chooser_leaves_out_older_check_ins(
    qtbot: QtBot,
    practice: Practice,
    main_window: MainWindow,
    tasks: TaskRunner,
    client_id: int,
    ruptures: list[RuptureEntry],
) -> None:
    book_check_in(practice, client_id, dt.date(2025, 6, 2), client=AllianceRatings(5, 5, 5, 5))
    tab = _open_alliance_tab(qtbot, main_window, tasks, client_id)
    assert tab.range.currentText() == "Last year"
    assert len(tab.chart.lines[AllianceDimension.OVERALL].points()) == 3

    tab.range.setCurrentIndex(tab.range.findText("Last 3 months"))
    assert len(tab.chart.lines[AllianceDimension.OVERALL].points()) == 2


def test_a_client_without_check_ins_or_ruptures_sees_an_empty_state(
    qtbot: QtBot, main_window: MainWindow, tasks: TaskRunner, client_id: int
) -> None:
    tab = _open_alliance_tab(qtbot, main_window, tasks, client_id)

    assert tab.stack.currentWidget() is tab.empty_state
    assert tab.empty_state.isVisible()
    assert tab.empty_state.text().startswith("No check-ins yet.")
    assert tab.chart.lines == {} and tab.chart.rupture_series == {}


def test_a_check_in_saved_with_a_session_redraws_the_timeline_and_flags(
    qtbot: QtBot,
    practice: Practice,
    main_window: MainWindow,
    tasks: TaskRunner,
    client_id: int,
    ruptures: list[RuptureEntry],
) -> None:
    chart = _open_alliance_tab(qtbot, main_window, tasks, client_id).chart
    flags = main_window.client_flags
    qtbot.waitUntil(lambda: not tasks.is_busy)
    assert any("overall 6/10" in text for text in flags.explanations())

    book_check_in(practice, client_id, dt.date(2026, 3, 13), client=AllianceRatings(9, 9, 9, 9))
    emit(main_window.session_editing.sessions_changed)  # as the session editor does on save

    overall = AllianceDimension.OVERALL
    qtbot.waitUntil(lambda: len(chart.lines[overall].points()) == 3 and not tasks.is_busy)
    assert chart.lines[overall].points()[-1].y() == 9
    assert not any("overall 6/10" in text for text in flags.explanations())
