"""A narrow window gives its width to the records: the navigation narrows, page margins
shrink, the client list keeps names first, and two-column tabs stack. A wide window keeps the
roomy layout."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from alliance_desktop.services import Practice
from alliance_desktop.ui.main_window import MainWindow
from alliance_desktop.ui.models.client_table_model import START_COLUMN, STATUS_COLUMN
from alliance_desktop.ui.tasks import TaskRunner
from alliance_desktop.ui.views.clients_view import list_width
from alliance_desktop.ui.widgets.side_by_side import SideBySide
from alliance_desktop.ui.window_room import COMPACT_NAV_WIDTH, NAV_WIDTH
from tests.exchange.samples import populate


def _resized(qtbot: QtBot, window: MainWindow, width: int, height: int) -> None:
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width)
    QApplication.processEvents()


def test_a_narrow_window_narrows_the_navigation_and_margins_and_gives_them_back(
    qtbot: QtBot, practice: Practice, main_window: MainWindow, tasks: TaskRunner
) -> None:
    client_id = populate(practice)
    main_window.open_client(client_id)
    qtbot.waitUntil(lambda: not tasks.is_busy)
    page = main_window.clients_view
    _resized(qtbot, main_window, 1280, 720)
    roomy = page.layout().contentsMargins().left()

    _resized(qtbot, main_window, 900, 600)
    assert main_window.navigation.width() == COMPACT_NAV_WIDTH
    assert page.layout().contentsMargins().left() < roomy
    main_window.show_page(2)  # a page shown after the change is fitted too
    calendar = main_window.calendar_view
    assert calendar.layout().contentsMargins().left() < roomy
    # Today scrolls as a whole: its margins are inside the scroll area.
    today = main_window.today_view.findChild(QWidget, "todayContent")
    assert today.layout().contentsMargins().left() < roomy

    _resized(qtbot, main_window, 1280, 720)
    assert main_window.navigation.width() == NAV_WIDTH
    assert calendar.layout().contentsMargins().left() == roomy
    assert today.layout().contentsMargins().left() == roomy
    assert main_window.today_view.layout().contentsMargins().isNull()


def test_the_client_list_shows_names_first_and_leaves_the_rest_to_the_record(
    qtbot: QtBot, practice: Practice, main_window: MainWindow, tasks: TaskRunner
) -> None:
    client_id = populate(practice)
    main_window.open_client(client_id)
    qtbot.waitUntil(lambda: not tasks.is_busy)
    view = main_window.clients_view

    _resized(qtbot, main_window, 1440, 900)
    wide = view.list_stack.width()
    assert not view.table.isColumnHidden(STATUS_COLUMN)
    assert not view.table.isColumnHidden(START_COLUMN)
    assert view.overview.width() > wide  # the record gets more room than the list

    _resized(qtbot, main_window, 900, 600)
    assert view.table.isColumnHidden(STATUS_COLUMN)
    assert view.table.isColumnHidden(START_COLUMN)
    assert view.list_stack.width() < wide
    assert view.overview.width() >= 2 * view.list_stack.width() - 100


def test_a_divider_moved_by_hand_stays_where_it_was_put(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    view = main_window.clients_view
    main_window.show_page(1)
    _resized(qtbot, main_window, 1280, 720)
    view.splitter.moveSplitter(500, 1)  # as a drag does: splitterMoved is emitted
    QApplication.processEvents()
    _resized(qtbot, main_window, 1300, 720)
    assert abs(view.list_stack.width() - 500) < 20


def test_the_list_share_has_a_floor_and_a_ceiling() -> None:
    assert list_width(500) == 200
    assert list_width(3000) == 520
    assert list_width(1186) == 498  # a 1440-pixel window: long names whole
    assert list_width(1000) == 380


def _column(minimum_width: int) -> QWidget:
    column = QWidget()
    layout = QVBoxLayout(column)
    layout.addWidget(QLabel("A heading"))
    field = QLineEdit()
    field.setMinimumWidth(minimum_width)
    layout.addWidget(field)
    return column


def test_two_columns_stack_when_the_pane_is_too_narrow_for_both(qtbot: QtBot) -> None:
    pane = SideBySide(_column(300), _column(300))
    qtbot.addWidget(pane)
    pane.resize(900, 400)
    pane.show()
    QApplication.processEvents()
    assert not pane.stacked

    pane.resize(500, 400)
    QApplication.processEvents()
    assert pane.stacked
    body = pane.widget()
    assert body is not None and body.width() <= pane.viewport().width()

    pane.resize(900, 400)
    QApplication.processEvents()
    assert not pane.stacked


def test_a_narrow_goal_detail_shows_about_as_a_tab_and_a_wide_one_beside(
    qtbot: QtBot,
) -> None:
    from alliance_desktop.ui.views.goals.goal_detail import ABOUT_AS_A_TAB_BELOW, GoalDetail

    detail = GoalDetail()
    qtbot.addWidget(detail)
    detail.resize(ABOUT_AS_A_TAB_BELOW + 200, 400)
    detail.show()
    QApplication.processEvents()
    assert not detail.about_is_a_tab
    titles = [detail.tabs.tabText(i) for i in range(detail.tabs.count())]
    assert titles[0] == "Progress"

    detail.resize(ABOUT_AS_A_TAB_BELOW - 100, 400)
    QApplication.processEvents()
    assert detail.about_is_a_tab
    assert [detail.tabs.tabText(i) for i in range(detail.tabs.count())] == ["About", *titles]

    detail.tabs.setCurrentIndex(0)
    detail.resize(ABOUT_AS_A_TAB_BELOW + 200, 400)
    QApplication.processEvents()
    assert not detail.about_is_a_tab
    assert [detail.tabs.tabText(i) for i in range(detail.tabs.count())] == titles


def test_with_no_goal_chosen_the_detail_asks_for_little_height(qtbot: QtBot) -> None:
    from alliance_desktop.ui.views.goals.goal_detail import GoalDetail

    detail = GoalDetail()
    qtbot.addWidget(detail)
    assert detail.minimumSizeHint().height() < detail.chart.minimumHeight()


def test_to_close_goes_under_todays_sessions_in_a_narrow_window(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    card = main_window.today_view.sessions_card
    _resized(qtbot, main_window, 1280, 720)
    assert not card.stacked
    _resized(qtbot, main_window, 900, 600)
    assert card.stacked
