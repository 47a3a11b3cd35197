"""A task that serves a goal: what, who (client, you, both), by when. Returns a GoalTask."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.goal import GoalTask, TaskOwner
from alliance_desktop.domain.goal_rules import check_task
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.ui.dialogs.dialog_frame import DialogButtons, frame_dialog
from alliance_desktop.ui.goal_wording import TASK_OWNER_NAMES
from alliance_desktop.ui.widgets.field_messages import FieldMessages
from alliance_desktop.ui.widgets.optional_date_edit import OptionalDateEdit


class GoalTaskDialog(QDialog):
    def __init__(
        self,
        task: GoalTask | None,
        today: dt.date,
        date_style: DateStyle = DateStyle.DAY_MONTH_YEAR,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._original = task or GoalTask(description="")
        self._result: GoalTask | None = None
        self.setWindowTitle("New task" if task is None else "Task")
        self.setMinimumWidth(520)
        self.messages = FieldMessages()

        self.description = QLineEdit()
        self.description.setPlaceholderText("e.g. Ride one stop on Sunday morning")
        self.owner = QComboBox()
        for owner, name in TASK_OWNER_NAMES.items():
            self.owner.addItem(name, owner)
        self.due_on = OptionalDateEdit("Set", date_style, today + dt.timedelta(weeks=1))
        self.done_box = QCheckBox("Done")
        self.buttons = DialogButtons(self)
        self.save_button = self.buttons.save_button

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        wrap = self.messages.wrap
        form.addRow("Task", wrap("task.description", self.description))
        form.addRow("Who does it", self.owner)
        form.addRow("Due", wrap("task.due_on", self.due_on))
        form.addRow("", self.done_box)
        frame_dialog(self, [form], self.buttons)

        original = self._original
        self.description.setText(original.description)
        self.owner.setCurrentIndex(self.owner.findData(original.owner))
        self.due_on.set_date(original.due_on)
        self.done_box.setChecked(original.done)
        self.done_box.setVisible(task is not None)

    def result_task(self) -> GoalTask | None:
        return self._result

    def accept(self) -> None:
        typed = replace(
            self._original,
            description=self.description.text(),
            owner=TaskOwner(self.owner.currentData()),
            due_on=self.due_on.date(),
            done=self.done_box.isChecked(),
        )
        try:
            self._result = check_task(typed)
        except InvalidInput as error:
            self.messages.show(error.problems)
            return
        super().accept()

    @classmethod
    def edit(
        cls,
        parent: QWidget | None,
        task: GoalTask | None,
        today: dt.date,
        date_style: DateStyle = DateStyle.DAY_MONTH_YEAR,
    ) -> GoalTask | None:
        dialog = cls(task, today, date_style, parent)
        dialog.exec()
        return dialog.result_task()
