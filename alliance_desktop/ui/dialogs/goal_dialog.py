"""The goal editor: the client's words, your framing, the quality check beside the client's
values, and the five Goal Attainment Scaling levels. It returns a checked Goal (or None); it
never saves."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.goal import (
    CheckAnswer,
    Goal,
    GoalColumn,
    GoalQuality,
    ProposedBy,
    QualityAspect,
    QualityCheck,
)
from alliance_desktop.domain.goal_rules import check_goal
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.ui.dialogs.dialog_frame import DialogButtons, form_message, frame_dialog
from alliance_desktop.ui.draft_keeper import keep_drafts
from alliance_desktop.ui.goal_wording import (
    LEVEL_NAMES,
    PRIORITY_NAMES,
    PROPOSED_BY_NAMES,
    level_number,
)
from alliance_desktop.ui.widgets.field_messages import FieldMessages
from alliance_desktop.ui.widgets.optional_date_edit import OptionalDateEdit

SCALE_TAB = 2
_LADDER = (2, 1, 0, -1, -2)  # shown top to bottom: better outcomes higher up
_ANSWERS: tuple[tuple[CheckAnswer | None, str], ...] = (
    (CheckAnswer.YES, "Yes"),
    (CheckAnswer.NO, "No"),
    (CheckAnswer.UNSURE, "Unsure"),
    (None, "Not checked yet"),
)
_LEVEL_HINTS = {
    2: "e.g. goes anywhere by bus without thinking about it",
    1: "a bit better than you both expect",
    0: "the outcome you both expect by the target date",
    -1: "a little progress, less than expected",
    -2: "where things are now, or worse",
}

_CLIENT_LEVEL_HINTS = {
    2: "e.g. “I go anywhere by bus without thinking about it”",
    1: "e.g. “I take the bus on my own most days”",
    0: "e.g. “I take the bus on my own twice a week”",
    -1: "e.g. “I take the bus with a friend”",
    -2: "e.g. “I’m not taking the bus yet”",
}


def _multiline(placeholder: str, height: int) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return edit


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("quietNote")
    label.setWordWrap(True)
    return label


class QualityRow:
    """One quality question: Yes / No / Unsure / Not checked yet, and a note."""

    def __init__(self, aspect: QualityAspect) -> None:
        self.aspect = aspect
        self.question = QLabel(aspect.question)
        self.question.setWordWrap(True)
        self.answers = QWidget()
        self.group = QButtonGroup(self.answers)
        self.buttons: dict[CheckAnswer | None, QRadioButton] = {}
        answers = QHBoxLayout(self.answers)
        answers.setContentsMargins(0, 0, 0, 0)
        for number, (answer, label) in enumerate(_ANSWERS):
            button = QRadioButton(label)
            button.setAccessibleName(f"{aspect.label}: {label}")
            self.group.addButton(button, number)
            self.buttons[answer] = button
            answers.addWidget(button)
        answers.addStretch(1)
        self.note = QLineEdit()
        self.note.setAccessibleName(f"Why: {aspect.label}")
        self.note.setPlaceholderText("Why? A few words for your future self")

    def set_check(self, check: QualityCheck) -> None:
        self.buttons[check.answer].setChecked(True)
        self.note.setText(check.note)

    def check(self) -> QualityCheck:
        answer = next((a for a, b in self.buttons.items() if b.isChecked()), None)
        return QualityCheck(answer, self.note.text().strip())


class GoalDialog(QDialog):
    """Tabs: The goal, Quality check, Progress scale."""

    def __init__(
        self,
        goal: Goal,
        client_values: Sequence[str],
        today: dt.date,
        date_style: DateStyle = DateStyle.DAY_MONTH_YEAR,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._original = goal
        self._result: Goal | None = None
        self.setWindowTitle("New goal" if goal.id is None else f"Goal — {goal.title}")
        self.setMinimumSize(720, 600)

        self.tabs = QTabWidget()
        self.messages = FieldMessages(self.tabs)
        self.general_message = form_message()

        self.client_words = _multiline("The goal as the client puts it (required)", 84)
        self.clinician_framing = _multiline("How you understand it clinically (optional)", 84)
        self.proposed_by = QComboBox()
        for who in (ProposedBy.CLIENT, ProposedBy.TOGETHER, ProposedBy.CLINICIAN):
            self.proposed_by.addItem(PROPOSED_BY_NAMES[who], who)
        self.priority = QComboBox()
        for level, name in PRIORITY_NAMES.items():
            self.priority.addItem(name, level)
        self.target_date = OptionalDateEdit("Set", date_style, today + dt.timedelta(weeks=12))
        self.review_date = OptionalDateEdit("Set", date_style, today + dt.timedelta(weeks=6))

        self.quality_rows = {aspect: QualityRow(aspect) for aspect in QualityAspect}
        self.values_box = self._values_box(client_values)

        self.levels = {level: QLineEdit() for level in _LADDER}
        for level, edit in self.levels.items():
            edit.setPlaceholderText(_LEVEL_HINTS[level])
            edit.setAccessibleName(f"Level {level_number(level)}: {LEVEL_NAMES[level]}")
        # The client's own wording of each level: the only level text their pages print.
        self.client_levels = {level: QLineEdit() for level in _LADDER}
        for level, edit in self.client_levels.items():
            edit.setPlaceholderText(_CLIENT_LEVEL_HINTS[level])
            edit.setAccessibleName(
                f"Level {level_number(level)} in the client's words: {LEVEL_NAMES[level]}"
            )
        self.weight = QDoubleSpinBox()
        self.weight.setRange(0.0, 100.0)
        self.weight.setDecimals(1)
        self.weight.setSingleStep(0.5)
        self.weight.setAccessibleName("Weight")
        self.weight.setMaximumWidth(120)

        self.buttons = DialogButtons(self)
        self.save_button = self.buttons.save_button

        self.tabs.addTab(self._goal_page(), "The goal")
        self.tabs.addTab(self._quality_page(), "Quality check")
        self.tabs.addTab(self._scale_page(goal.column), "Progress scale")
        frame_dialog(self, [self.tabs, self.general_message], self.buttons)

        self._fill(goal)
        self.client_words.setFocus()
        self.drafts = keep_drafts(
            self, "goal", goal.id, client_id=goal.client_id, title=self.windowTitle()
        )

    # Building

    def _goal_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        wrap = self.messages.wrap
        form.addRow("In the client's words", wrap("client_words", self.client_words))
        form.addRow("", _note("The first line is the goal's title on the board."))
        form.addRow("Your framing", wrap("clinician_framing", self.clinician_framing))
        form.addRow("Proposed by", self.proposed_by)
        form.addRow("Priority", wrap("priority", self.priority))
        form.addRow("Target date", wrap("target_date", self.target_date))
        form.addRow("Review date", wrap("review_date", self.review_date))
        return page

    def _values_box(self, values: Sequence[str]) -> QFrame:
        box = QFrame()
        box.setObjectName("valuesBox")
        layout = QVBoxLayout(box)
        title = QLabel("What matters to the client")
        title.setObjectName("cardTitle")
        layout.addWidget(title)
        if values:
            text = "\n".join(f"•  {value}" for value in values)
        else:
            text = "No values recorded yet. Add them in the client record (Values & concerns)."
        self.values_label = QLabel(text)
        self.values_label.setWordWrap(True)
        layout.addWidget(self.values_label)
        layout.addStretch(1)
        box.setMinimumWidth(200)
        box.setMaximumWidth(260)
        return box

    def _quality_page(self) -> QWidget:
        page = QWidget()
        outer = QHBoxLayout(page)
        checks = QVBoxLayout()
        checks.addWidget(
            _note(
                "Answer the three questions together before you agree on the goal. If an "
                "answer is no, you will be asked to confirm before it is agreed."
            )
        )
        for aspect, row in self.quality_rows.items():
            checks.addSpacing(6)
            checks.addWidget(row.question)
            checks.addWidget(row.answers)
            checks.addWidget(self.messages.wrap(f"quality.{aspect.value}", row.note))
        checks.addStretch(1)
        outer.addLayout(checks, 1)
        outer.addWidget(self.values_box)
        return page

    def _scale_page(self, column: GoalColumn) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        needed = (
            "All five levels are needed before the goal becomes active."
            if column is not GoalColumn.ACTIVE
            else "This goal is active, so all five levels need a description."
        )
        layout.addWidget(
            _note(
                "Describe what each outcome would look like for this client, in concrete "
                f"terms. Level 0 is the outcome you both expect. {needed} Write each level "
                "with the client in their own words too, as they would say it: the client's "
                "goal review prints only those."
            )
        )
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.addWidget(QLabel("<b>Your description</b>"), 0, 1)
        client_heading = QLabel("<b>In the client's words</b> (printed on their pages)")
        client_heading.setWordWrap(True)
        grid.addWidget(client_heading, 0, 2)
        for row, level in enumerate(_LADDER, start=1):
            name = QLabel(f"<b>{level_number(level)}</b>&nbsp;&nbsp;{LEVEL_NAMES[level]}")
            grid.addWidget(name, row, 0)
            grid.addWidget(self.messages.wrap(f"levels.{level}", self.levels[level]), row, 1)
            client_edit = self.messages.wrap(f"client_levels.{level}", self.client_levels[level])
            grid.addWidget(client_edit, row, 2)
        layout.addLayout(grid)
        layout.addSpacing(8)
        weight_row = QFormLayout()
        weight_row.addRow("Counts in the goal score", self.messages.wrap("weight", self.weight))
        self.weight.setToolTip("The goal's weight in Goal Attainment Scaling (GAS)")
        layout.addLayout(weight_row)
        layout.addWidget(
            _note(
                "How much this goal counts in the client's goal score beside their other goals "
                "(1 is usual; 2 counts twice as much)."
            )
        )
        layout.addStretch(1)
        return page

    def _fill(self, goal: Goal) -> None:
        self.client_words.setPlainText(goal.client_words)
        self.clinician_framing.setPlainText(goal.clinician_framing)
        self.proposed_by.setCurrentIndex(self.proposed_by.findData(goal.proposed_by))
        self.priority.setCurrentIndex(self.priority.findData(goal.priority))
        self.target_date.set_date(goal.target_date)
        self.review_date.set_date(goal.review_date)
        for aspect, row in self.quality_rows.items():
            row.set_check(goal.quality.check(aspect))
        for level, edit in self.levels.items():
            edit.setText(goal.level_description(level))
        for level, edit in self.client_levels.items():
            edit.setText(goal.client_level_wording(level))
        # A description longer than its box shows its beginning, not its last words.
        for edit in (*self.levels.values(), *self.client_levels.values()):
            edit.setCursorPosition(0)
        self.weight.setValue(goal.weight)

    def show_scale(self) -> None:
        self.tabs.setCurrentIndex(SCALE_TAB)
        first_empty = next((e for e in self.levels.values() if not e.text().strip()), None)
        (first_empty or self.levels[0]).setFocus()

    # Reading back

    def goal_from_fields(self) -> Goal:
        """The goal as typed, before checking; keeps the original's id, column and history."""
        quality = {aspect.value: row.check() for aspect, row in self.quality_rows.items()}
        levels = tuple(self.levels[level].text() for level in (-2, -1, 0, 1, 2))
        client_levels = tuple(self.client_levels[level].text() for level in (-2, -1, 0, 1, 2))
        return replace(
            self._original,
            client_words=self.client_words.toPlainText(),
            clinician_framing=self.clinician_framing.toPlainText(),
            proposed_by=ProposedBy(self.proposed_by.currentData()),
            priority=int(self.priority.currentData()),
            target_date=self.target_date.date(),
            review_date=self.review_date.date(),
            quality=GoalQuality(**quality),
            levels=levels,  # type: ignore[arg-type]
            client_levels=client_levels,  # type: ignore[arg-type]
            weight=self.weight.value(),
        )

    def result_goal(self) -> Goal | None:
        return self._result

    def accept(self) -> None:
        try:
            checked = check_goal(self.goal_from_fields())
        except InvalidInput as error:
            unplaced = self.messages.show(error.problems)
            self.general_message.setText("\n".join(unplaced.values()))
            self.general_message.setVisible(bool(unplaced))
            return
        self._result = checked
        super().accept()

    @classmethod
    def edit(
        cls,
        parent: QWidget | None,
        goal: Goal,
        client_values: Sequence[str] = (),
        today: dt.date | None = None,
        date_style: DateStyle = DateStyle.DAY_MONTH_YEAR,
        on_scale: bool = False,
    ) -> Goal | None:
        """Open the editor; return the checked goal to save, or None if cancelled.

        For a new goal pass `Goal(client_id=..., client_words="")` (its id is None);
        `on_scale` opens it at the progress levels."""
        dialog = cls(goal, client_values, today or dt.date.today(), date_style, parent)
        if on_scale:
            dialog.show_scale()
        dialog.exec()
        return dialog.result_goal()
