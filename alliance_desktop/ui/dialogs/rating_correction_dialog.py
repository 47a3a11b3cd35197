"""Correct or withdraw a GAS rating entered by mistake. The original is kept in the goal's
history either way, dated; this only says which rating, what it should have been (or that it
should not count), and why."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from alliance_desktop.domain.goal import GAS_LEVELS, Goal
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.ui.date_formats import short_date
from alliance_desktop.ui.dialogs.dialog_frame import DialogButtons, frame_dialog
from alliance_desktop.ui.goal_wording import level_label, level_number

EXPLANATION = (
    "For a rating entered by mistake. Nothing is deleted: the rating as entered stays in the "
    "goal's history, marked as corrected or withdrawn today, and no longer counts in the "
    "progress chart or the T-score."
)


@dataclass(frozen=True)
class RatingCorrection:
    rating_id: int
    level: int | None  # None: withdraw it
    note: str


class RatingCorrectionDialog(QDialog):
    def __init__(self, goal: Goal, style: DateStyle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Correct a rating — {goal.title}")
        self._result: RatingCorrection | None = None
        intro = QLabel(EXPLANATION)
        intro.setObjectName("quietNote")
        intro.setWordWrap(True)
        self.rating = QComboBox()
        for rating in reversed(goal.ratings):
            self.rating.addItem(
                f"{short_date(rating.rated_on, style)}: {level_number(rating.level)}"
                + (f" — {rating.note}" if rating.note else ""),
                rating.id,
            )
        self.correct = QRadioButton("It should have been")
        self.withdraw = QRadioButton("It should not count: withdraw it")
        choice = QButtonGroup(self)
        choice.addButton(self.correct)
        choice.addButton(self.withdraw)
        self.correct.setChecked(True)
        self.level = QComboBox()
        for level in reversed(GAS_LEVELS):
            self.level.addItem(level_label(level), level)
        self.level.setCurrentIndex(self.level.findData(0))
        self.note = QLineEdit()
        self.note.setPlaceholderText("Why, e.g. entered +2 for the wrong goal")
        form = QFormLayout()
        form.addRow("Rating", self.rating)
        form.addRow(self.correct, self.level)
        form.addRow("", self.withdraw)
        form.addRow("Why", self.note)
        self.buttons = DialogButtons(self)
        self.save_button = self.buttons.save_button
        frame_dialog(self, [intro, form], self.buttons)
        self.setMinimumWidth(520)
        self.withdraw.toggled.connect(lambda on: self.level.setEnabled(not on))

    def accept(self) -> None:
        rating_id = self.rating.currentData()
        if rating_id is None:
            return
        level = None if self.withdraw.isChecked() else int(self.level.currentData())
        self._result = RatingCorrection(int(rating_id), level, self.note.text().strip())
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, goal: Goal, style: DateStyle) -> RatingCorrection | None:
        dialog = cls(goal, style, parent)
        dialog.exec()
        return dialog._result
