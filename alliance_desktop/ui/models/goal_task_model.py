"""A goal's tasks as a list with tick boxes: who does what between sessions, by when.

Ticking a box does not change the list; it asks for the change with `task_toggled(task)` and
the list is refilled with the goal as the vault then holds it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from alliance_desktop.domain.goal import GoalTask
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.ui.date_formats import short_date
from alliance_desktop.ui.goal_wording import TASK_OWNER_NAMES
from alliance_desktop.ui.signal_emit import emit

TASK_ROLE = Qt.ItemDataRole.UserRole

AnyIndex = QModelIndex | QPersistentModelIndex


def task_text(task: GoalTask, style: DateStyle, today: dt.date) -> str:
    parts = [task.description, TASK_OWNER_NAMES[task.owner]]
    if task.due_on is not None:
        overdue = not task.done and task.due_on < today
        parts.append(("overdue since " if overdue else "by ") + short_date(task.due_on, style))
    if task.done:
        parts.append("done")
    return " · ".join(parts)


class GoalTaskModel(QAbstractListModel):
    task_toggled = Signal(object)  # the GoalTask with `done` changed

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._tasks: list[GoalTask] = []
        self._style = DateStyle.DAY_MONTH_YEAR
        self._today = dt.date.today()

    def set_tasks(self, tasks: Sequence[GoalTask], style: DateStyle, today: dt.date) -> None:
        self.beginResetModel()
        # Open tasks first, each group in the order they were added.
        self._tasks = sorted(tasks, key=lambda task: task.done)
        self._style = style
        self._today = today
        self.endResetModel()

    def task_at(self, row: int) -> GoalTask:
        return self._tasks[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._tasks)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._tasks):
            return None
        task = self._tasks[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return task_text(task, self._style, self._today)
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if task.done else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.FontRole and task.done:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == TASK_ROLE:
            return task
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        task = self._tasks[index.row()]
        done = Qt.CheckState(value) == Qt.CheckState.Checked
        if done != task.done:
            emit(self.task_toggled, replace(task, done=done))
        return False  # shown as changed once the vault has it
