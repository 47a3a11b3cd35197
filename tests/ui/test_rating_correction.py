"""Correcting a rating entered by mistake from the goal board: the goal counts the corrected
rating; the original is in its history."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from alliance_desktop.domain.goal import GasRating, Goal, GoalColumn
from alliance_desktop.services import Practice
from alliance_desktop.ui.dialogs.rating_correction_dialog import RatingCorrectionDialog
from alliance_desktop.ui.tasks import TaskRunner
from alliance_desktop.ui.views.goals.goal_editing import GoalEditing
from tests.factories import make_client
from tests.ui.dialog_driver import when_dialog_opens


def test_a_rating_is_corrected_and_withdrawn_from_the_window(
    qtbot: QtBot, practice: Practice, tasks: TaskRunner
) -> None:
    client = practice.add_client(make_client(name="Ada Lind"))
    goal = practice.goals.add_goal(
        Goal(
            client_id=client.id or 0,
            client_words="Sleep better",
            column=GoalColumn.ACTIVE,
            levels=("worse", "less", "expected", "more", "much more"),
        )
    )
    goal = practice.goals.rate(goal.id or 0, GasRating(practice.today(), 2))
    owner = QWidget()
    qtbot.addWidget(owner)
    editing = GoalEditing(practice, tasks, owner)

    def correct_to_zero(dialog: RatingCorrectionDialog) -> None:
        dialog.level.setCurrentIndex(dialog.level.findData(0))
        dialog.note.setText("Meant 0")
        dialog.accept()

    when_dialog_opens(RatingCorrectionDialog, correct_to_zero)
    with qtbot.waitSignal(editing.goal_changed, timeout=10_000):
        editing.correct_rating(goal)
    goal = practice.goals.goal(goal.id or 0)
    assert [r.level for r in goal.ratings] == [0]

    def withdraw(dialog: RatingCorrectionDialog) -> None:
        dialog.withdraw.setChecked(True)
        assert not dialog.level.isEnabled()
        dialog.accept()

    when_dialog_opens(RatingCorrectionDialog, withdraw)
    with qtbot.waitSignal(editing.goal_changed, timeout=10_000):
        editing.correct_rating(goal)
    assert practice.goals.goal(goal.id or 0).ratings == ()
    history = practice.ratings.history(goal.id or 0)
    assert [(e.rating.level, e.in_force) for e in history] == [(2, False), (0, False)]
