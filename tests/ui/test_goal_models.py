"""The goal board's item models: Qt's model tester, card badges and task counts, drop maths."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot

from alliance_desktop.domain.goal import (
    CheckAnswer,
    GasRating,
    GoalColumn,
    GoalQuality,
    GoalReviewItem,
    GoalTask,
    QualityCheck,
    TaskOwner,
)
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.services.goal_board import GoalsToReview
from alliance_desktop.ui.models.goal_column_model import (
    BADGES_ROLE,
    DETAIL_ROLE,
    GOAL_ID_ROLE,
    GoalColumnModel,
    goal_mime_data,
)
from alliance_desktop.ui.models.goal_review_model import (
    CLIENT_ID_ROLE,
    NEEDS_COLUMN,
    GoalReviewModel,
)
from alliance_desktop.ui.models.goal_task_model import GoalTaskModel
from tests.ui.goal_records import make_goal

TODAY = dt.date(2026, 3, 14)
FAIL = QAbstractItemModelTester.FailureReportingMode.Fatal


def _agreed(goal_id: int, words: str, **changes: object) -> object:
    return make_goal(1, words, id=goal_id, column=GoalColumn.AGREED, **changes)


def _texts(model: GoalColumnModel, row: int) -> list[str]:
    return [badge.text for badge in model.data(model.index(row, 0), BADGES_ROLE)]


def test_the_column_model_passes_qts_model_tester(qtbot: QtBot) -> None:
    model = GoalColumnModel(GoalColumn.AGREED)
    QAbstractItemModelTester(model, FAIL)
    goals = [_agreed(1, "Take the bus"), _agreed(2, "Cook"), make_goal(1, "Elsewhere", id=3)]
    model.set_goals(goals, TODAY)  # type: ignore[arg-type]
    assert model.rowCount() == 2  # only this column's goals
    assert model.index(1, 0).data(GOAL_ID_ROLE) == 2
    model.set_goals([], TODAY)
    assert model.rowCount() == 0


def test_cards_carry_badges_for_failed_and_missing_checks_and_open_tasks() -> None:
    model = GoalColumnModel(GoalColumn.AGREED)
    tasks = (
        GoalTask("Ride one stop", TaskOwner.CLIENT),
        GoalTask("Find the timetable", TaskOwner.CLINICIAN),
        GoalTask("Buy a ticket", done=True),
    )
    failed = GoalQuality(realistic=QualityCheck(CheckAnswer.NO, "winter"))
    model.set_goals(
        [
            _agreed(1, "Take the bus", tasks=tasks),
            _agreed(2, "Cook", quality=failed, tasks=tasks[2:]),
            _agreed(3, "Sleep", quality=GoalQuality(), ratings=(GasRating(TODAY, -1),)),
        ],  # type: ignore[list-item]
        TODAY,
    )
    assert _texts(model, 0) == ["2 open tasks"]
    assert _texts(model, 1) == [
        "⚠ Check: not realistic",
        "? Unchecked: focused",
        "? Unchecked: coordinated",
    ]
    assert _texts(model, 2) == ["? Quality not checked", "Rated −1: less than expected"]
    # Badges are words, so the tooltip and screen readers carry them too.
    assert "Check: not realistic" in model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_the_detail_line_names_priority_and_review_and_the_review_badge_when_due() -> None:
    model = GoalColumnModel(GoalColumn.AGREED)
    model.set_goals(
        [
            _agreed(1, "Bus", priority=1, review_date=dt.date(2026, 3, 1)),
            _agreed(2, "Cook", review_date=dt.date(2026, 4, 1)),
        ],  # type: ignore[list-item]
        TODAY,
        DateStyle.DAY_MONTH_YEAR,
    )
    assert model.index(0, 0).data(DETAIL_ROLE) == "High priority · Review 01/03/2026"
    assert "Review due" in _texts(model, 0)
    assert model.index(1, 0).data(DETAIL_ROLE) == "Review 01/04/2026"
    assert "Review due" not in _texts(model, 1)


def test_a_drop_gives_the_position_among_the_other_cards() -> None:
    model = GoalColumnModel(GoalColumn.AGREED)
    model.set_goals([_agreed(n, f"goal {n}") for n in (1, 2, 3)], TODAY)  # type: ignore[misc]
    dropped: list[tuple[int, GoalColumn, int]] = []
    model.goal_dropped.connect(lambda *args: dropped.append(args))
    move = Qt.DropAction.MoveAction

    assert model.dropMimeData(goal_mime_data(1), move, 3, 0, QModelIndex())  # below the last
    assert model.dropMimeData(goal_mime_data(3), move, 0, 0, QModelIndex())  # to the top
    assert model.dropMimeData(goal_mime_data(9), move, -1, 0, QModelIndex())  # on empty space
    assert model.dropMimeData(goal_mime_data(2), move, 2, 0, QModelIndex())  # where it was

    assert dropped == [
        (1, GoalColumn.AGREED, 2),
        (3, GoalColumn.AGREED, 0),
        (9, GoalColumn.AGREED, 3),
    ]
    assert model.rowCount() == 3  # the model itself never moves cards


def test_the_task_model_passes_the_tester_and_asks_to_tick_a_task(qtbot: QtBot) -> None:
    model = GoalTaskModel()
    QAbstractItemModelTester(model, FAIL)
    open_task = GoalTask("Ride one stop", TaskOwner.CLIENT, dt.date(2026, 3, 10), id=4)
    model.set_tasks([GoalTask("Done already", done=True, id=5), open_task], DateStyle.ISO, TODAY)
    toggled: list[GoalTask] = []
    model.task_toggled.connect(toggled.append)

    first = model.index(0, 0)
    assert first.data() == "Ride one stop · The client · overdue since 2026-03-10"
    assert first.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    model.setData(first, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)

    assert toggled == [replace(open_task, done=True)]
    assert model.index(1, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def _review_item(client_id: int, name: str, goal_id: int, **changes: object) -> GoalReviewItem:
    title = f"goal {goal_id}"
    item = GoalReviewItem(client_id, name, goal_id, title, GoalColumn.ACTIVE, None, None)
    return replace(item, **changes)  # type: ignore[arg-type]


def test_the_review_model_groups_goals_by_client_and_says_why_each_is_listed(
    qtbot: QtBot,
) -> None:
    model = GoalReviewModel()
    QAbstractItemModelTester(model, FAIL)
    due = _review_item(
        2, "Ben", 7, review_date=dt.date(2026, 3, 1), last_rated_on=dt.date(2026, 1, 2)
    )
    review = GoalsToReview(
        due_for_review=[due, _review_item(1, "Ana", 3, review_date=dt.date(2026, 2, 1))],
        not_rated_recently=[
            replace(due, last_rated_on=dt.date(2026, 1, 2)),
            _review_item(2, "Ben", 8),
        ],
    )
    model.set_review(review, DateStyle.DAY_MONTH_YEAR)

    clients = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert clients == ["Ana  ·  1 goal", "Ben  ·  2 goals"]
    ben = model.index(1, 0)
    assert model.index(1, 0).data(CLIENT_ID_ROLE) == 2
    assert [model.index(row, 0, ben).data() for row in range(model.rowCount(ben))] == [
        "goal 7",
        "goal 8",
    ]
    assert model.index(0, NEEDS_COLUMN, ben).data() == (
        "Review (due 01/03/2026); A rating (last 02/01/2026)"
    )
    assert model.index(1, NEEDS_COLUMN, ben).data() == "A rating (never rated)"
    model.set_review(GoalsToReview([], []), DateStyle.ISO)
    assert model.rowCount() == 0
