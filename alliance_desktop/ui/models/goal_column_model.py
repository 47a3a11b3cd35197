"""One column of a client's goal board (e.g. 'Agreed'): its goals in order, as cards.

The model never changes the board itself. A card dropped here is announced with
`goal_dropped(goal_id, column, position)`; the board asks the vault to move it and then
refills every column from what the vault holds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from alliance_desktop.domain.goal import Goal, GoalColumn
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.ui.goal_wording import card_badges, card_detail
from alliance_desktop.ui.signal_emit import emit

GOAL_MIME_TYPE = "application/x-alliance-desktop-goal"

GOAL_ID_ROLE = Qt.ItemDataRole.UserRole
GOAL_ROLE = Qt.ItemDataRole.UserRole + 1  # the Goal itself
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 2  # quiet line under the title
BADGES_ROLE = Qt.ItemDataRole.UserRole + 3  # list[Badge]

AnyIndex = QModelIndex | QPersistentModelIndex


def goal_mime_data(goal_id: int) -> QMimeData:
    data = QMimeData()
    data.setData(GOAL_MIME_TYPE, QByteArray(str(goal_id).encode("ascii")))
    data.setText(f"goal {goal_id}")
    return data


def goal_id_from_mime(data: QMimeData) -> int | None:
    if not data.hasFormat(GOAL_MIME_TYPE):
        return None
    raw = bytes(data.data(GOAL_MIME_TYPE).data()).decode("ascii", "replace")
    return int(raw) if raw.isdigit() else None


class GoalColumnModel(QAbstractListModel):
    goal_dropped = Signal(int, object, int)  # goal id, GoalColumn, position among the others

    def __init__(self, column: GoalColumn, parent: Any = None) -> None:
        super().__init__(parent)
        self.column = column
        self._goals: list[Goal] = []
        self._today = dt.date.today()
        self._date_style = DateStyle.DAY_MONTH_YEAR

    # Filling

    def set_goals(
        self, goals: Sequence[Goal], today: dt.date, style: DateStyle = DateStyle.DAY_MONTH_YEAR
    ) -> None:
        self.beginResetModel()
        self._goals = [goal for goal in goals if goal.column is self.column]
        self._today = today
        self._date_style = style
        self.endResetModel()

    def goals(self) -> list[Goal]:
        return list(self._goals)

    def goal_at(self, row: int) -> Goal:
        return self._goals[row]

    def row_of(self, goal_id: int) -> int | None:
        for row, goal in enumerate(self._goals):
            if goal.id == goal_id:
                return row
        return None

    # Reading

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._goals)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._goals):
            return None
        goal = self._goals[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return goal.title
        if role == GOAL_ID_ROLE:
            return goal.id
        if role == GOAL_ROLE:
            return goal
        if role == DETAIL_ROLE:
            return card_detail(goal, self._date_style)
        if role == BADGES_ROLE:
            return card_badges(goal, self._today)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._spoken(goal)
        return None

    def _spoken(self, goal: Goal) -> str:
        """The whole card as one sentence, for tooltips and screen readers."""
        parts = [goal.client_words]
        detail = card_detail(goal, self._date_style)
        if detail:
            parts.append(detail)
        parts.extend(badge.text.lstrip("⚠? ") for badge in card_badges(goal, self._today))
        return ". ".join(parts)

    # Dragging and dropping cards

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            # Cards land between cards (or in an empty column), never onto another card.
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [GOAL_MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = [index.row() for index in indexes if index.isValid()]
        goal = self._goals[rows[0]] if rows else None
        return goal_mime_data(goal.id or 0) if goal is not None else QMimeData()

    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: AnyIndex,
    ) -> bool:
        return not parent.isValid() and goal_id_from_mime(data) is not None

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: AnyIndex,
    ) -> bool:
        goal_id = goal_id_from_mime(data)
        if goal_id is None or action == Qt.DropAction.IgnoreAction:
            return False
        row = len(self._goals) if row < 0 or parent.isValid() else min(row, len(self._goals))
        current = self.row_of(goal_id)
        if current is not None:
            if row in (current, current + 1):
                return True  # dropped back where it was
            if row > current:
                row -= 1  # the position among the other cards, once this one is lifted out
        emit(self.goal_dropped, goal_id, self.column, row)
        # Accepting the drop is safe: the source column cannot remove rows (no removeRows),
        # so cards only move when the board refills from the vault.
        return True
