"""The chosen goal in full, under the board: the words, the quality check beside the client's
values, how it moved ('agreed on 3 March'), its progress chart and levels, and its tasks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.domain.goal import GAS_LEVELS, CheckAnswer, Goal, QualityAspect
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.ui.date_formats import short_date
from alliance_desktop.ui.goal_wording import (
    ANSWER_NAMES,
    ANSWER_SYMBOLS,
    PRIORITY_NAMES,
    PROPOSED_BY_NAMES,
    RATED_BY_NAMES,
    SHORT_LEVEL_NAMES,
    history_text,
    level_number,
)
from alliance_desktop.ui.models.goal_task_model import TASK_ROLE, GoalTaskModel
from alliance_desktop.ui.signal_emit import emit
from alliance_desktop.ui.widgets.goal_progress_chart import GoalProgressChart
from alliance_desktop.ui.widgets.quiet_scroll import quiet_scroll

_CHOOSE = "Choose a goal on the board to see its quality check, progress and tasks."
ABOUT_AS_A_TAB_BELOW = 760
_RATINGS_SHOWN = 4


def _label(object_name: str = "", selectable: bool = False) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    if object_name:
        label.setObjectName(object_name)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _card(title: str) -> tuple[QFrame, QVBoxLayout]:
    card = QFrame()
    card.setObjectName("card")
    layout = QVBoxLayout(card)
    layout.setSpacing(6)
    heading = QLabel(title)
    heading.setObjectName("cardTitle")
    layout.addWidget(heading)
    return card, layout


def _tasks_title(goal: Goal) -> str:
    if not goal.tasks:
        return "Tasks"
    return f"Tasks · {goal.open_tasks} open" if goal.open_tasks else "Tasks · all done"


class GoalDetail(QWidget):
    edit_requested = Signal(int)
    rate_requested = Signal(int)
    correct_rating_requested = Signal(int)
    add_task_requested = Signal(int)
    edit_task_requested = Signal(int, object)  # goal id, GoalTask
    task_toggled = Signal(int, object)  # goal id, GoalTask with `done` changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.goal: Goal | None = None

        self.words = _label("sectionTitle", selectable=True)
        self.framing = _label(selectable=True)
        self.meta = _label("quietNote")
        self.history = _label()
        self.history.setAccessibleName("How this goal moved")
        self.quality = _label()
        self.quality.setTextFormat(Qt.TextFormat.RichText)
        self.values = _label("valuesNote")
        self.edit_button = QPushButton("Edit goal…")

        self.chart = GoalProgressChart()
        self.ratings = _label()
        self.ratings.setTextFormat(Qt.TextFormat.RichText)
        self.levels = _label()
        self.levels.setTextFormat(Qt.TextFormat.RichText)
        self.rate_button = QPushButton("Rate progress…")
        self.rate_button.setObjectName("primary")
        self.correct_button = QPushButton("Correct a rating…")
        self.correct_button.setToolTip("A rating entered by mistake: correct or withdraw it")

        self.task_model = GoalTaskModel(self)
        self.task_list = QListView()
        self.task_list.setObjectName("goalTasks")
        self.task_list.setModel(self.task_model)
        self.task_list.setWordWrap(True)
        self.task_list.setMinimumHeight(120)
        self.task_list.setAccessibleName("Tasks for this goal")
        self.no_tasks = _label("quietNote")
        self.no_tasks.setText("No tasks yet: what will each of you do between sessions?")
        self.add_task_button = QPushButton("Add task…")

        self.empty_state = QLabel(_CHOOSE)
        self.empty_state.setObjectName("emptyState")
        self.empty_state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_state.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_state)
        self.stack.addWidget(self._build_detail())
        self._show_page(0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.edit_button.clicked.connect(lambda: self._ask(self.edit_requested))
        self.rate_button.clicked.connect(lambda: self._ask(self.rate_requested))
        self.correct_button.clicked.connect(lambda: self._ask(self.correct_rating_requested))
        self.add_task_button.clicked.connect(lambda: self._ask(self.add_task_requested))
        self.task_list.activated.connect(self._task_activated)
        self.task_model.task_toggled.connect(self._task_toggled)

    def _build_detail(self) -> QWidget:
        about, about_layout = _card("About this goal")
        for widget in (self.words, self.framing, self.meta, self.history):
            about_layout.addWidget(widget)
        about_layout.addSpacing(4)
        check_title = QLabel("Quality check")
        check_title.setObjectName("cardTitle")
        about_layout.addWidget(check_title)
        about_layout.addWidget(self.quality)
        about_layout.addWidget(self.values)
        about_layout.addStretch(1)
        about_layout.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignLeft)
        about_scroll = quiet_scroll(about, sideways=True)

        beside_chart = QWidget()
        beside_layout = QVBoxLayout(beside_chart)
        beside_layout.setContentsMargins(0, 0, 4, 0)
        for title, label in (("Levels", self.levels), ("Latest ratings", self.ratings)):
            heading = QLabel(title)
            heading.setObjectName("cardTitle")
            beside_layout.addWidget(heading)
            beside_layout.addWidget(label)
        beside_layout.addStretch(1)
        beside_scroll = quiet_scroll(beside_chart, sideways=True)
        progress = QWidget()
        progress_layout = QGridLayout(progress)
        progress_layout.setContentsMargins(0, 0, 0, 0)
        progress_layout.addWidget(self.chart, 0, 0)
        progress_layout.addWidget(beside_scroll, 0, 1)
        # The buttons share one row under both columns: under the levels alone, "Correct a
        # rating" was cut off in a narrow window.
        buttons = QHBoxLayout()
        buttons.addWidget(self.rate_button)
        buttons.addWidget(self.correct_button)
        buttons.addStretch(1)
        progress_layout.addLayout(buttons, 1, 0, 1, 2)
        progress_layout.setColumnStretch(0, 3)
        progress_layout.setColumnStretch(1, 2)

        tasks = QWidget()
        tasks_layout = QVBoxLayout(tasks)
        tasks_layout.setContentsMargins(0, 0, 0, 0)
        tasks_layout.addWidget(self.task_list, 1)
        tasks_layout.addWidget(self.no_tasks)
        tasks_layout.addStretch(0)
        tasks_layout.addWidget(self.add_task_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.tabs = QTabWidget()
        self.tabs.addTab(progress, "Progress")
        self.tabs.addTab(tasks, "Tasks")
        self._tasks_page = tasks

        body = QWidget()
        self._row = QHBoxLayout(body)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(12)
        self._row.addWidget(about_scroll, 2)
        self._row.addWidget(self.tabs, 3)
        self._about = about_scroll
        return body

    def _show_page(self, index: int) -> None:
        """Show the placeholder or the goal; the page not shown asks for no room, so with no
        goal chosen the board above keeps the height the goal's chart would need."""
        for page_index in range(self.stack.count()):
            page = self.stack.widget(page_index)
            if page is not None:
                shown = page_index == index
                policy = QSizePolicy.Policy.Preferred if shown else QSizePolicy.Policy.Ignored
                page.setSizePolicy(policy, policy)
        self.stack.setCurrentIndex(index)

    @property
    def about_is_a_tab(self) -> bool:
        return self.tabs.indexOf(self._about) >= 0

    def resizeEvent(self, event: QResizeEvent) -> None:
        # A narrow pane (a small window) shows "About this goal" as the first tab rather than
        # beside the tabs, so neither is squeezed until its text and buttons are cut off.
        narrow = event.size().width() < ABOUT_AS_A_TAB_BELOW
        if narrow and not self.about_is_a_tab:
            self.tabs.insertTab(0, self._about, "About")
        elif not narrow and self.about_is_a_tab:
            shown = self.tabs.currentWidget()
            self.tabs.removeTab(self.tabs.indexOf(self._about))
            self._row.insertWidget(0, self._about, 2)
            self._about.show()
            if shown is self._about:
                self.tabs.setCurrentIndex(0)
        super().resizeEvent(event)

    # Showing

    def show_goal(
        self,
        goal: Goal | None,
        client_values: Sequence[str],
        style: DateStyle,
        today: dt.date,
    ) -> None:
        self.goal = goal
        if goal is None:
            self._show_page(0)
            return
        self.words.setText(goal.client_words)
        self.framing.setText(f"Your framing: {goal.clinician_framing}")
        self.framing.setVisible(bool(goal.clinician_framing))
        meta = [
            f"Proposed by: {PROPOSED_BY_NAMES[goal.proposed_by].lower()}",
            f"{PRIORITY_NAMES[goal.priority]} priority",
        ]
        if goal.target_date:
            meta.append(f"target {short_date(goal.target_date, style)}")
        if goal.review_date:
            meta.append(f"review {short_date(goal.review_date, style)}")
        if goal.weight != 1:  # the usual weight goes without saying
            meta.append(f"counts {goal.weight:g}× in the goal score")
        self.meta.setText(" · ".join(meta))
        self.history.setText(history_text(goal, style, today))
        self.quality.setText(self._quality_html(goal))
        values = "; ".join(client_values)
        self.values.setText(
            f"What matters to the client: {values}."
            if values
            else "No values recorded for this client yet (Values & concerns in their record)."
        )
        self.chart.show_ratings(goal.ratings)
        self.ratings.setText(self._ratings_html(goal, style))
        self.correct_button.setVisible(bool(goal.ratings))
        self.levels.setText(self._levels_html(goal))
        self.task_model.set_tasks(goal.tasks, style, today)
        # By page, not index: "About" comes first as a tab in a narrow pane.
        self.tabs.setTabText(self.tabs.indexOf(self._tasks_page), _tasks_title(goal))
        self.task_list.setVisible(bool(goal.tasks))
        self.no_tasks.setVisible(not goal.tasks)
        self._show_page(1)

    @staticmethod
    def _quality_html(goal: Goal) -> str:
        rows = []
        for aspect in QualityAspect:
            check = goal.quality.check(aspect)
            answer = f"{ANSWER_SYMBOLS[check.answer]} {ANSWER_NAMES[check.answer]}"
            if check.answer is CheckAnswer.NO:
                answer = f"<b>{answer}</b>"
            note = f" — {escape(check.note)}" if check.note else ""
            rows.append(f"{aspect.label}: {answer}{note}")
        return "<br>".join(rows)

    @staticmethod
    def _ratings_html(goal: Goal, style: DateStyle) -> str:
        if not goal.ratings:
            return "Not rated yet."
        lines = []
        for rating in reversed(goal.ratings[-_RATINGS_SHOWN:]):
            who = RATED_BY_NAMES[rating.rated_by].lower()
            note = f" — {escape(rating.note)}" if rating.note else ""
            lines.append(
                f"{short_date(rating.rated_on, style)}: <b>{level_number(rating.level)}</b> "
                f"({who}){note}"
            )
        more = len(goal.ratings) - _RATINGS_SHOWN
        if more > 0:
            lines.append(f"and {more} earlier")
        return "<br>".join(lines)

    @staticmethod
    def _levels_html(goal: Goal) -> str:
        latest = goal.latest_rating
        lines = []
        for level in reversed(GAS_LEVELS):
            description = escape(goal.level_description(level)) or "<i>not described yet</i>"
            text = f"<b>{level_number(level)}</b> {SHORT_LEVEL_NAMES[level]}: {description}"
            if latest is not None and latest.level == level:
                text = f"<b>{text} ◀ latest</b>"
            lines.append(f"<p style='margin: 0 0 5px 0'>{text}</p>")
        return "".join(lines)

    # Requests

    def _ask(self, signal: object) -> None:
        if self.goal is not None and self.goal.id is not None:
            emit(signal, self.goal.id)  # type: ignore[arg-type]

    def _task_activated(self, index: QModelIndex) -> None:
        if self.goal is not None and index.isValid():
            emit(self.edit_task_requested, self.goal.id, index.data(TASK_ROLE))

    def _task_toggled(self, task: object) -> None:
        if self.goal is not None:
            emit(self.task_toggled, self.goal.id, task)
