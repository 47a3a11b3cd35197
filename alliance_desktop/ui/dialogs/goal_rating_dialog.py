"""Rate a goal's progress on its five levels. Returns a checked GasRating (or None)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.goal import GAS_LEVELS, GasRating, Goal, RatedBy
from alliance_desktop.domain.goal_rules import check_rating
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.ui.date_formats import from_qdate, to_qdate
from alliance_desktop.ui.dialogs.dialog_frame import DialogButtons, frame_dialog
from alliance_desktop.ui.goal_wording import RATED_BY_NAMES, level_label
from alliance_desktop.ui.widgets.field_messages import FieldMessages
from alliance_desktop.ui.widgets.optional_date_edit import make_date_edit


class GoalRatingDialog(QDialog):
    def __init__(
        self,
        goal: Goal,
        today: dt.date,
        date_style: DateStyle = DateStyle.DAY_MONTH_YEAR,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._result: GasRating | None = None
        self.setWindowTitle(f"Rate progress — {goal.title}")
        self.setMinimumWidth(560)
        self.messages = FieldMessages()

        heading = QLabel(goal.title)
        heading.setObjectName("dialogTitle")
        heading.setWordWrap(True)
        self.rated_on = make_date_edit(date_style)
        self.rated_on.setDate(to_qdate(today))
        self.rated_on.setMaximumWidth(180)
        self.level_box = QWidget()
        levels = QVBoxLayout(self.level_box)
        levels.setContentsMargins(0, 0, 0, 0)
        self.level_group = QButtonGroup(self.level_box)
        self.level_buttons: dict[int, QRadioButton] = {}
        for level in reversed(GAS_LEVELS):  # better outcomes higher up
            description = goal.level_description(level)
            text = level_label(level) + (f" — {description}" if description else "")
            button = QRadioButton(text)
            self.level_group.addButton(button, level + 2)
            self.level_buttons[level] = button
            levels.addWidget(button)
        latest = goal.latest_rating
        if latest is not None:
            last = QLabel(f"Last rating: {level_label(latest.level)}")
            last.setObjectName("quietNote")
            levels.addWidget(last)
        self.rated_by = QComboBox()
        for who, name in RATED_BY_NAMES.items():
            self.rated_by.addItem(name, who)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText("What the client said about it (optional)")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(70)
        self.note.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

        self.buttons = DialogButtons(self)
        self.save_button = self.buttons.save_button

        form = QFormLayout()
        wrap = self.messages.wrap
        form.addRow("Date", wrap("rating.rated_on", self.rated_on))
        form.addRow("Level", wrap("rating.level", self.level_box))
        form.addRow("Rated by", self.rated_by)
        form.addRow("Note", wrap("rating.note", self.note))
        frame_dialog(self, [heading, form], self.buttons)

    def chosen_level(self) -> int | None:
        for level, button in self.level_buttons.items():
            if button.isChecked():
                return level
        return None

    def result_rating(self) -> GasRating | None:
        return self._result

    def accept(self) -> None:
        level = self.chosen_level()
        if level is None:
            self.messages.show({"rating.level": "Choose the level that fits best, -2 to +2."})
            return
        rating = GasRating(
            rated_on=from_qdate(self.rated_on.date()),
            level=level,
            rated_by=RatedBy(self.rated_by.currentData()),
            note=self.note.toPlainText().strip(),
        )
        try:
            self._result = check_rating(rating)
        except InvalidInput as error:
            self.messages.show(error.problems)
            return
        super().accept()

    @classmethod
    def rate(
        cls,
        parent: QWidget | None,
        goal: Goal,
        today: dt.date,
        date_style: DateStyle = DateStyle.DAY_MONTH_YEAR,
    ) -> GasRating | None:
        dialog = cls(goal, today, date_style, parent)
        dialog.exec()
        return dialog.result_rating()
