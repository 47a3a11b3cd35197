"""The Goals page and the client's Goals tab, in the main window on a real vault."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from alliance_desktop.domain.goal import GoalColumn
from alliance_desktop.services import Practice
from alliance_desktop.ui.main_window import MainWindow
from alliance_desktop.ui.models.goal_review_model import NEEDS_COLUMN
from alliance_desktop.ui.signal_emit import emit
from alliance_desktop.ui.tasks import TaskRunner
from tests.factories import make_client
from tests.ui.goal_records import add_board, make_goal


def _practice_with_goals_to_review(practice: Practice) -> dict[str, int]:
    ana = practice.add_client(make_client(name="Ana Ruiz", preferred_name="")).id or 0
    ben = practice.add_client(make_client(name="Ben Cole", preferred_name="")).id or 0
    goals = practice.goals
    overdue = goals.add_goal(
        make_goal(
            ana, "Sleep before midnight", column=GoalColumn.AGREED, review_date=dt.date(2026, 3, 1)
        )
    )
    goals.add_goal(
        make_goal(
            ana, "Cook for friends", column=GoalColumn.AGREED, review_date=dt.date(2026, 5, 1)
        )
    )
    unrated = goals.add_goal(make_goal(ben, "Take the bus again", column=GoalColumn.ACTIVE))
    return {"ana": ana, "ben": ben, "overdue": overdue.id or 0, "unrated": unrated.id or 0}


def test_the_goals_page_lists_goals_to_review_grouped_by_client_and_opens_a_board(
    qtbot: QtBot, practice: Practice, main_window: MainWindow, tasks: TaskRunner
) -> None:
    ids = _practice_with_goals_to_review(practice)
    page = main_window.goals_view
    main_window.show_page(main_window.pages.indexOf(page))
    model = page.review_model
    qtbot.waitUntil(lambda: model.rowCount() == 2)

    ana, ben = model.index(0, 0), model.index(1, 0)
    assert ana.data() == "Ana Ruiz  ·  1 goal"
    assert model.index(0, 0, ana).data() == "Sleep before midnight"  # not "Cook": due in May
    assert model.index(0, NEEDS_COLUMN, ana).data() == "Review (due 01/03/2026)"
    assert ben.data() == "Ben Cole  ·  1 goal"
    assert model.index(0, NEEDS_COLUMN, ben).data() == "A rating (never rated)"

    tree = page.review_tree
    goal_row = tree.visualRect(model.index(0, 0, ana)).center()
    with qtbot.waitSignal(page.board.board_loaded):
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=goal_row)

    assert page.is_showing_board
    assert page.board.client_id == ids["ana"]
    assert page.client_picker.currentText() == "Ana Ruiz"
    assert page.board.detail.goal is not None
    assert page.board.detail.goal.id == ids["overdue"]

    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert not page.is_showing_board
    assert tasks.wait_until_idle()


def test_the_client_picker_opens_any_clients_board(
    qtbot: QtBot, practice: Practice, main_window: MainWindow
) -> None:
    ids = _practice_with_goals_to_review(practice)
    page = main_window.goals_view
    main_window.show_page(main_window.pages.indexOf(page))
    qtbot.waitUntil(lambda: page.client_picker.count() == 3)

    with qtbot.waitSignal(page.board.board_loaded):
        index = page.client_picker.findData(ids["ben"])
        page.client_picker.setCurrentIndex(index)
        emit(page.client_picker.activated, index)  # as when the clinician picks Ben

    active = page.board.columns[GoalColumn.ACTIVE].model.goals()
    assert [goal.client_words for goal in active] == ["Take the bus again"]


def test_the_clients_goals_tab_summarises_and_opens_the_full_board(
    qtbot: QtBot, practice: Practice, main_window: MainWindow
) -> None:
    board = add_board(practice)
    main_window.clients_view.refresh()
    qtbot.waitUntil(lambda: main_window.clients_view.select_client(board.client_id))
    overview = main_window.clients_view.overview
    overview.show_tab("Goals")
    tab = main_window.goals_tab
    qtbot.waitUntil(lambda: "Take the bus again" in tab.summary.text())
    assert "Proposed" in tab.summary.text() and "Active" in tab.summary.text()

    with qtbot.waitSignal(main_window.goals_view.board.board_loaded):
        qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)

    assert main_window.current_page() is main_window.goals_view
    assert main_window.goals_view.board.client_id == board.client_id
