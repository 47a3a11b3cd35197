"""The goal board on a real vault: cards move by drag and drop and by keyboard, agreeing a goal
a check says no to asks first, and ratings reach the chart."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from alliance_desktop.domain.goal import (
    CheckAnswer,
    GasRating,
    GoalColumn,
    GoalQuality,
    QualityCheck,
)
from alliance_desktop.services import Practice
from alliance_desktop.ui import messages
from alliance_desktop.ui.dialogs.goal_rating_dialog import GoalRatingDialog
from alliance_desktop.ui.dialogs.goal_task_dialog import GoalTaskDialog
from alliance_desktop.ui.models.goal_column_model import BADGES_ROLE, goal_mime_data
from alliance_desktop.ui.tasks import TaskRunner
from alliance_desktop.ui.views.goals.goal_board_view import GoalBoardView
from alliance_desktop.ui.widgets.goal_progress_chart import day_to_msecs
from tests.ui.dialog_driver import when_dialog_opens
from tests.ui.goal_records import Board, add_board, column_words

TODAY = dt.date(2026, 3, 14)


@pytest.fixture
def board(practice: Practice) -> Board:
    return add_board(practice)


@pytest.fixture
def view(
    qtbot: QtBot, practice: Practice, tasks: TaskRunner, board: Board
) -> Iterator[GoalBoardView]:
    widget = GoalBoardView(practice, tasks)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    with qtbot.waitSignal(widget.board_loaded):
        widget.show_client(board.client_id)
    yield widget
    tasks.wait_until_idle()


def _titles(view: GoalBoardView, column: GoalColumn) -> list[str]:
    return [goal.client_words for goal in view.columns[column].model.goals()]


def _drop(view: GoalBoardView, goal_id: int, column: GoalColumn, point: QPoint) -> None:
    """Deliver what Qt delivers to the column under the pointer during a drag: enter, move
    (the column accepts or refuses), then the drop itself."""
    viewport = view.columns[column].list.viewport()
    data = goal_mime_data(goal_id)  # held here: the events do not own it
    move, left = Qt.DropAction.MoveAction, Qt.MouseButton.LeftButton
    no_keys = Qt.KeyboardModifier.NoModifier
    for event in (
        QDragEnterEvent(point, move, data, left, no_keys),
        QDragMoveEvent(point, move, data, left, no_keys),
    ):
        QApplication.sendEvent(viewport, event)
        assert event.isAccepted(), "the column refused the card"
    drop = QDropEvent(QPointF(point), move, data, left, no_keys, QEvent.Type.Drop)
    QApplication.sendEvent(viewport, drop)
    assert drop.isAccepted()


def test_the_board_shows_each_column_in_the_vaults_order(view: GoalBoardView) -> None:
    assert _titles(view, GoalColumn.PROPOSED) == [
        "Walk to the park",
        "Sleep before midnight",
        "Call my sister",
    ]
    assert _titles(view, GoalColumn.AGREED) == ["Take the bus again", "Cook for friends"]
    assert view.columns[GoalColumn.AGREED].heading.text() == "Agreed  ·  2"
    assert view.columns[GoalColumn.ACHIEVED].heading.text() == "Achieved"


def test_dropping_a_card_between_two_others_moves_it_there_in_the_vault(
    qtbot: QtBot, view: GoalBoardView, practice: Practice, board: Board
) -> None:
    agreed = view.columns[GoalColumn.AGREED].list
    second_card = agreed.visualRect(agreed.model().index(1, 0))
    above_second = QPoint(second_card.center().x(), second_card.top() + 3)

    with qtbot.waitSignal(view.board_loaded):
        _drop(view, board.ids["Sleep before midnight"], GoalColumn.AGREED, above_second)

    expected = ["Take the bus again", "Sleep before midnight", "Cook for friends"]
    assert column_words(practice, board.client_id, GoalColumn.AGREED) == expected
    assert _titles(view, GoalColumn.AGREED) == expected
    assert "Sleep before midnight" not in _titles(view, GoalColumn.PROPOSED)
    moved = practice.goals.goal(board.ids["Sleep before midnight"])
    assert moved.moved_on(GoalColumn.AGREED) == TODAY


def test_dropping_a_card_lower_in_its_own_column_reorders_it(
    qtbot: QtBot, view: GoalBoardView, practice: Practice, board: Board
) -> None:
    proposed = view.columns[GoalColumn.PROPOSED].list
    last_card = proposed.visualRect(proposed.model().index(2, 0))
    below_last = QPoint(last_card.center().x(), last_card.bottom() - 3)

    with qtbot.waitSignal(view.board_loaded):
        _drop(view, board.ids["Walk to the park"], GoalColumn.PROPOSED, below_last)

    assert column_words(practice, board.client_id, GoalColumn.PROPOSED) == [
        "Sleep before midnight",
        "Call my sister",
        "Walk to the park",
    ]


def test_ctrl_arrows_move_the_focused_card_across_and_within_columns(
    qtbot: QtBot, view: GoalBoardView, practice: Practice, board: Board
) -> None:
    agreed = view.columns[GoalColumn.AGREED].list
    agreed.setFocus()
    view.select_goal(board.ids["Cook for friends"])

    with qtbot.waitSignal(view.board_loaded):
        qtbot.keyClick(agreed, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert column_words(practice, board.client_id, GoalColumn.ACTIVE) == [
        "Go back to work part time",
        "Cook for friends",
    ]
    active = view.columns[GoalColumn.ACTIVE].list
    assert active.hasFocus()  # the card keeps the focus, so moves can be chained
    assert active.current_goal_id() == board.ids["Cook for friends"]

    with qtbot.waitSignal(view.board_loaded):
        qtbot.keyClick(active, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert column_words(practice, board.client_id, GoalColumn.ACTIVE) == [
        "Cook for friends",
        "Go back to work part time",
    ]
    assert column_words(practice, board.client_id, GoalColumn.AGREED) == ["Take the bus again"]


def test_agreeing_a_goal_a_check_says_no_to_asks_and_moves_only_once_confirmed(
    qtbot: QtBot,
    view: GoalBoardView,
    practice: Practice,
    board: Board,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    goal_id = board.ids["Call my sister"]
    goal = practice.goals.goal(goal_id)
    unrealistic = replace(
        goal.quality, realistic=QualityCheck(CheckAnswer.NO, "they have not spoken in years")
    )
    practice.goals.update_goal(replace(goal, quality=unrealistic))
    with qtbot.waitSignal(view.board_loaded):
        view.reload()
    questions: list[str] = []
    answers = iter([False, True])

    def confirm(_parent: object, title: str, question: str, _action: str) -> bool:
        questions.append(f"{title}: {question}")
        return next(answers)

    monkeypatch.setattr(messages, "confirm", confirm)
    view.select_goal(goal_id)
    proposed = view.columns[GoalColumn.PROPOSED].list

    with qtbot.waitSignal(view.board_loaded):
        qtbot.keyClick(proposed, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert len(questions) == 1
    assert "Agree anyway?" in questions[0]
    assert "not realistic" in questions[0]
    assert practice.goals.goal(goal_id).column is GoalColumn.PROPOSED

    with qtbot.waitSignal(view.board_loaded):
        qtbot.keyClick(proposed, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert len(questions) == 2
    assert practice.goals.goal(goal_id).column is GoalColumn.AGREED
    assert _titles(view, GoalColumn.AGREED)[-1] == "Call my sister"


def test_a_card_shows_a_badge_for_a_failed_and_a_missing_check(
    qtbot: QtBot, view: GoalBoardView, practice: Practice, board: Board
) -> None:
    goal = practice.goals.goal(board.ids["Take the bus again"])
    quality = GoalQuality(focused=QualityCheck(CheckAnswer.NO), realistic=QualityCheck())
    practice.goals.update_goal(replace(goal, quality=quality))
    with qtbot.waitSignal(view.board_loaded):
        view.reload()

    model = view.columns[GoalColumn.AGREED].model
    badges = [badge.text for badge in model.data(model.index(0, 0), BADGES_ROLE)]
    assert "⚠ Check: not focused" in badges
    assert "? Unchecked: realistic" in badges
    assert "? Unchecked: coordinated" in badges
    other = [badge.text for badge in model.data(model.index(1, 0), BADGES_ROLE)]
    assert not [text for text in other if "heck" in text]


def test_rating_a_goal_adds_a_point_to_its_progress_chart(
    qtbot: QtBot, view: GoalBoardView, board: Board
) -> None:
    goal_id = board.ids["Go back to work part time"]
    view.select_goal(goal_id)
    assert view.detail.goal is not None and view.detail.goal.id == goal_id
    assert view.detail.chart.series.count() == 0

    def rate_plus_one(dialog: GoalRatingDialog) -> None:
        dialog.level_buttons[1].setChecked(True)
        dialog.note.setPlainText("Two mornings at the office")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    driver = when_dialog_opens(GoalRatingDialog, rate_plus_one)
    with qtbot.waitSignal(view.board_loaded, timeout=5000):
        qtbot.mouseClick(view.detail.rate_button, Qt.MouseButton.LeftButton)

    assert driver.opened
    points = view.detail.chart.series.points()
    assert [(p.x(), p.y()) for p in points] == [(day_to_msecs(TODAY), 1.0)]
    assert "Two mornings at the office" in view.detail.ratings.text()
    assert "Goal score" in view.t_score.text() and "1 goal rated" in view.t_score.text()


def test_a_rating_needs_a_level_chosen(qtbot: QtBot, practice: Practice, board: Board) -> None:
    goal = practice.goals.goal(board.ids["Go back to work part time"])
    dialog = GoalRatingDialog(goal, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.result_rating() is None
    assert "-2 to +2" in dialog.messages.message("rating.level")
    dialog.level_buttons[-2].setChecked(True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result_rating() == GasRating(TODAY, -2)


def test_the_detail_tells_the_goals_history_and_the_clients_values(
    qtbot: QtBot, view: GoalBoardView, practice: Practice, board: Board
) -> None:
    goal_id = board.ids["Take the bus again"]
    with qtbot.waitSignal(view.board_loaded):
        view.move_goal(goal_id, GoalColumn.ACTIVE, 0)

    assert view.detail.goal is not None and view.detail.goal.id == goal_id
    assert view.detail.history.text() == "Agreed on 14 March, became active on 14 March."
    assert "being a steady parent" in view.detail.values.text()
    assert "Coordinated: ✓ Yes" in view.detail.quality.text()


def test_adding_and_ticking_off_a_task_changes_the_count_on_the_card(
    qtbot: QtBot, view: GoalBoardView, practice: Practice, board: Board
) -> None:
    goal_id = board.ids["Take the bus again"]
    view.select_goal(goal_id)

    def add_task(dialog: GoalTaskDialog) -> None:
        dialog.description.setText("Ride one stop on Sunday")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(GoalTaskDialog, add_task)
    with qtbot.waitSignal(view.board_loaded, timeout=5000):
        qtbot.mouseClick(view.detail.add_task_button, Qt.MouseButton.LeftButton)

    model = view.columns[GoalColumn.AGREED].model
    card = model.index(model.row_of(goal_id) or 0, 0)
    assert "1 open task" in [badge.text for badge in card.data(BADGES_ROLE)]
    tasks = view.detail.task_model
    assert tasks.index(0, 0).data().startswith("Ride one stop on Sunday · The client")

    with qtbot.waitSignal(view.board_loaded):
        tasks.setData(
            tasks.index(0, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
        )

    assert practice.goals.goal(goal_id).tasks[0].done
    card = model.index(model.row_of(goal_id) or 0, 0)
    assert not [badge for badge in card.data(BADGES_ROLE) if "open task" in badge.text]


def test_a_goal_without_its_five_levels_is_not_made_active_and_the_clinician_is_told_why(
    qtbot: QtBot,
    view: GoalBoardView,
    practice: Practice,
    board: Board,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    goal_id = board.ids["Cook for friends"]
    goal = practice.goals.goal(goal_id)
    practice.goals.update_goal(replace(goal, levels=("", "", "Once a month", "", "")))
    with qtbot.waitSignal(view.board_loaded):
        view.reload()
    asked: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda _p, title, _q, _a: asked.append(title) or False)

    with qtbot.waitSignal(view.board_loaded):
        view.move_goal(goal_id, GoalColumn.ACTIVE, 0)

    assert asked == ["Describe the levels first"]
    assert practice.goals.goal(goal_id).column is GoalColumn.AGREED


def test_left_and_right_alone_walk_between_columns(qtbot: QtBot, view: GoalBoardView) -> None:
    proposed = view.columns[GoalColumn.PROPOSED].list
    proposed.setFocus()
    qtbot.keyClick(proposed, Qt.Key.Key_Right)
    agreed = view.columns[GoalColumn.AGREED].list
    assert agreed.hasFocus()
    assert agreed.currentIndex().row() == 0  # a card is chosen, ready for Ctrl+arrows
    assert view.detail.goal is not None and view.detail.goal.client_words == "Take the bus again"


def test_a_goal_with_an_unanswered_check_is_not_agreed_and_the_clinician_is_told_why(
    qtbot: QtBot,
    view: GoalBoardView,
    practice: Practice,
    board: Board,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    goal_id = board.ids["Walk to the park"]
    goal = practice.goals.goal(goal_id)
    practice.goals.update_goal(replace(goal, quality=replace(goal.quality, focused=QualityCheck())))
    with qtbot.waitSignal(view.board_loaded):
        view.reload()
    asked: list[str] = []
    monkeypatch.setattr(
        messages, "confirm", lambda _p, title, q, _a: asked.append(f"{title}: {q}") or False
    )

    with qtbot.waitSignal(view.board_loaded):
        view.move_goal(goal_id, GoalColumn.AGREED, 0)

    assert len(asked) == 1 and asked[0].startswith("Answer the quality check first:")
    assert "focused" in asked[0]
    assert practice.goals.goal(goal_id).column is GoalColumn.PROPOSED


def test_a_card_agreed_over_an_unsure_answer_keeps_showing_it(
    qtbot: QtBot, view: GoalBoardView, practice: Practice, board: Board
) -> None:
    goal = practice.goals.goal(board.ids["Take the bus again"])
    unsure = replace(goal.quality, realistic=QualityCheck(CheckAnswer.UNSURE, "winter"))
    practice.goals.update_goal(replace(goal, quality=unsure))
    with qtbot.waitSignal(view.board_loaded):
        view.reload()
    model = view.columns[GoalColumn.AGREED].model
    badges = [badge.text for badge in model.data(model.index(0, 0), BADGES_ROLE)]
    assert "? Unsure: realistic" in badges
