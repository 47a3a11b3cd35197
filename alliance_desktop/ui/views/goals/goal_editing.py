"""Adding and changing goals, ratings and tasks: dialog first, then the database worker.

Emits `goal_changed(goal_id)` once the vault holds the change, so the board can refill.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from alliance_desktop.domain.goal import Goal, GoalTask
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.services import Practice
from alliance_desktop.ui import messages
from alliance_desktop.ui.dialogs.goal_dialog import GoalDialog
from alliance_desktop.ui.dialogs.goal_rating_dialog import GoalRatingDialog
from alliance_desktop.ui.dialogs.goal_task_dialog import GoalTaskDialog
from alliance_desktop.ui.dialogs.rating_correction_dialog import RatingCorrectionDialog
from alliance_desktop.ui.draft_keeper import forget_draft
from alliance_desktop.ui.signal_emit import emit
from alliance_desktop.ui.tasks import TaskRunner


class GoalEditing(QObject):
    goal_changed = Signal(int)
    status_message = Signal(str)

    def __init__(self, practice: Practice, tasks: TaskRunner, owner: QWidget) -> None:
        super().__init__(owner)
        self._practice = practice
        self._tasks = tasks
        self._owner = owner
        self.date_style = DateStyle.DAY_MONTH_YEAR

    def _today(self) -> dt.date:
        return self._practice.today()

    # Goals

    def new_goal(self, client_id: int, client_values: Sequence[str]) -> None:
        self._open_editor(Goal(client_id=client_id, client_words=""), client_values)

    def edit_goal(
        self,
        goal: Goal,
        client_values: Sequence[str],
        on_scale: bool = False,
        after_save: Callable[[], None] | None = None,
    ) -> None:
        self._open_editor(goal, client_values, on_scale, after_save)

    def _open_editor(
        self,
        goal: Goal,
        client_values: Sequence[str],
        on_scale: bool = False,
        after_save: Callable[[], None] | None = None,
    ) -> None:
        edited = GoalDialog.edit(
            self._owner.window(), goal, client_values, self._today(), self.date_style, on_scale
        )
        if edited is None:
            return
        goals = self._practice.goals
        save = goals.add_goal if edited.id is None else goals.update_goal

        def saved(result: Goal) -> None:
            forget_draft("goal", edited.id)
            emit(self.goal_changed, result.id or 0)
            emit(self.status_message, f"Goal saved: {result.title}")
            if after_save is not None:
                after_save()

        def failed(error: Exception) -> None:
            # The editor comes back with what was typed, so nothing typed is lost.
            messages.show_error(self._owner, "The goal was not saved", error)
            self._open_editor(edited, client_values, on_scale, after_save)

        self._tasks.submit(lambda: save(edited), saved, failed)

    # Ratings

    def rate(self, goal: Goal) -> None:
        rating = GoalRatingDialog.rate(self._owner.window(), goal, self._today(), self.date_style)
        if rating is None or goal.id is None:
            return
        goal_id = goal.id
        self._submit(
            lambda: self._practice.goals.rate(goal_id, rating),
            "The rating was not saved",
            "Rating saved.",
        )

    def correct_rating(self, goal: Goal) -> None:
        """A rating entered by mistake: corrected or withdrawn, the original kept."""
        chosen = RatingCorrectionDialog.ask(self._owner.window(), goal, self.date_style)
        if chosen is None or goal.id is None:
            return
        goal_id, ratings, goals = goal.id, self._practice.ratings, self._practice.goals

        def work() -> Goal:
            if chosen.level is None:
                ratings.withdraw(chosen.rating_id)
            else:
                ratings.correct(chosen.rating_id, chosen.level, chosen.note)
            return goals.goal(goal_id)

        done = "Rating withdrawn" if chosen.level is None else "Rating corrected"
        self._submit(work, "The rating was not changed", f"{done}; the original is kept.")

    # Tasks

    def add_task(self, goal: Goal) -> None:
        self.edit_task(goal, None)

    def edit_task(self, goal: Goal, task: GoalTask | None) -> None:
        edited = GoalTaskDialog.edit(self._owner.window(), task, self._today(), self.date_style)
        if edited is None or goal.id is None:
            return
        goal_id = goal.id
        goals = self._practice.goals
        if edited.id is None:
            self._submit(lambda: goals.add_task(goal_id, edited), "The task was not saved")
        else:
            self._submit(lambda: goals.update_task(goal_id, edited), "The task was not saved")

    def set_task_done(self, goal_id: int, task: GoalTask) -> None:
        self._submit(
            lambda: self._practice.goals.update_task(goal_id, task), "The task was not changed"
        )

    def _submit(self, work: Callable[[], Goal], failure_title: str, done_text: str = "") -> None:
        def done(goal: Goal) -> None:
            emit(self.goal_changed, goal.id or 0)
            if done_text:
                emit(self.status_message, done_text)

        self._tasks.submit(
            work, done, lambda error: messages.show_error(self._owner, failure_title, error)
        )
