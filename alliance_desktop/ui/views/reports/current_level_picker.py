"""Goal review option: for which goals the client's pages say "where you are now".

Some days a number on a page would not help a client (a hard month, a goal just reworded):
the clinician unticks the goal and the review says "We'll talk together about how this goal is
going" instead, keeping the goal and the tasks done."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from alliance_desktop.domain.goal import Goal, GoalColumn
from alliance_desktop.ui.signal_emit import emit

_IN_THE_REVIEW = (GoalColumn.ACTIVE, GoalColumn.AGREED, GoalColumn.ACHIEVED)


class CurrentLevelPicker(QListWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Show where the client is now, for each goal")
        self.setMaximumHeight(110)
        self.itemChanged.connect(lambda _item: emit(self.changed))

    def set_goals(self, goals: Sequence[Goal]) -> None:
        """List the goals the review prints, each ticked (shown) to begin with."""
        self.blockSignals(True)
        self.clear()
        for goal in goals:
            if goal.column not in _IN_THE_REVIEW or goal.id is None:
                continue
            item = QListWidgetItem(goal.title)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(Qt.ItemDataRole.UserRole, goal.id)
            self.addItem(item)
        self.blockSignals(False)
        self.setVisible(self.count() > 0)

    def hidden_goal_ids(self) -> tuple[int, ...]:
        return tuple(
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in (self.item(row) for row in range(self.count()))
            if item is not None and item.checkState() is not Qt.CheckState.Checked
        )
