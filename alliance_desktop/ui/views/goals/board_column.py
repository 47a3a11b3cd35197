"""One column of the goal board: a heading with its count, and its cards in order.

Cards move by drag and drop, or from the keyboard: Ctrl+Left/Right to the previous or next
column, Ctrl+Up/Down within the column; Left/Right alone go to the neighbouring column.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractItemView, QFrame, QLabel, QListView, QVBoxLayout, QWidget

from alliance_desktop.domain.goal import GoalColumn
from alliance_desktop.ui.models.goal_column_model import GOAL_ID_ROLE, GoalColumnModel
from alliance_desktop.ui.signal_emit import emit
from alliance_desktop.ui.widgets.goal_card_delegate import GoalCardDelegate

_ARROWS = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}

_EMPTY_HINTS = {
    GoalColumn.PROPOSED: "Goals the client or you have put forward.",
    GoalColumn.AGREED: "Drag a goal here once you both agree on it.",
    GoalColumn.ACTIVE: "Goals you are working on now.",
    GoalColumn.ACHIEVED: "Goals reached.",
    GoalColumn.SET_ASIDE: "Goals put to one side, for now or for good.",
}


class GoalListView(QListView):
    """Emits `shift_requested(goal_id, column_step, row_step)` for Ctrl+arrow keys and
    `neighbour_requested(step)` for plain Left/Right."""

    shift_requested = Signal(int, int, int)
    neighbour_requested = Signal(int)
    edit_requested = Signal(int)

    def __init__(self, model: GoalColumnModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("goalColumnList")
        self.setModel(model)
        self.setItemDelegate(GoalCardDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(False)
        self.setWordWrap(True)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.empty_hint = _EMPTY_HINTS[model.column]
        self.activated.connect(self._activated)

    def column_model(self) -> GoalColumnModel:
        model = self.model()
        assert isinstance(model, GoalColumnModel)
        return model

    def current_goal_id(self) -> int | None:
        index = self.currentIndex()
        if not index.isValid():
            return None
        return int(index.data(GOAL_ID_ROLE))

    def select_row(self, row: int) -> None:
        index = self.column_model().index(row, 0)
        self.setCurrentIndex(index)
        self.scrollTo(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        step = _ARROWS.get(key)
        modifiers = event.modifiers()
        if step is not None and modifiers == Qt.KeyboardModifier.ControlModifier:
            goal_id = self.current_goal_id()
            if goal_id is not None:
                emit(self.shift_requested, goal_id, step[0], step[1])
            event.accept()
            return
        if step is not None and step[1] == 0 and modifiers == Qt.KeyboardModifier.NoModifier:
            emit(self.neighbour_requested, step[0])
            event.accept()
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.column_model().rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(
                self.viewport().rect().adjusted(10, 10, -10, -10),
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignTop
                | Qt.TextFlag.TextWordWrap,
                self.empty_hint,
            )

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            emit(self.edit_requested, int(index.data(GOAL_ID_ROLE)))


class BoardColumn(QFrame):
    def __init__(self, column: GoalColumn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boardColumn")
        self.column = column
        self.model = GoalColumnModel(column, self)
        self.list = GoalListView(self.model)
        self.list.setAccessibleName(f"{column.label} goals")
        self.heading = QLabel()
        self.heading.setObjectName("boardColumnTitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 8, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        self.model.modelReset.connect(self._update_heading)
        self._update_heading()

    def _update_heading(self) -> None:
        count = self.model.rowCount()
        self.heading.setText(f"{self.column.label}  ·  {count}" if count else self.column.label)
