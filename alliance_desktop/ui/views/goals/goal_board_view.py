"""One client's goal board: five columns of cards, the GAS T-score with its trend, and the
chosen goal's detail underneath. `show_client(client_id)` loads it through the worker."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.goal import Goal, GoalColumn, GoalTask
from alliance_desktop.domain.goal_rules import (
    QUALITY_FIELD,
    T_SCORE_TREND_RULE,
    MoveNeedsConfirmation,
    TScorePoint,
)
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.services import Practice
from alliance_desktop.ui import messages
from alliance_desktop.ui.goal_wording import spoken_date
from alliance_desktop.ui.signal_emit import emit
from alliance_desktop.ui.tasks import TaskRunner
from alliance_desktop.ui.views.goals.board_column import BoardColumn
from alliance_desktop.ui.views.goals.goal_detail import GoalDetail
from alliance_desktop.ui.views.goals.goal_editing import GoalEditing
from alliance_desktop.ui.widgets.trend_line import TrendLine

COLUMNS = tuple(GoalColumn)


@dataclass(frozen=True)
class BoardData:
    """Everything the board shows, read in one trip to the worker."""

    client_id: int
    client_name: str
    client_values: tuple[str, ...]
    goals: list[Goal]
    t_scores: list[TScorePoint]
    today: dt.date


def load_board(practice: Practice, client_id: int) -> BoardData:
    client = practice.client(client_id)
    return BoardData(
        client_id=client_id,
        client_name=client.display_name,
        client_values=client.values,
        goals=practice.goals.board(client_id),
        t_scores=practice.goals.t_score_history(client_id),
        today=practice.today(),
    )


GOAL_SCORE_MEANING = (
    "The goal score (GAS T-score) puts every agreed goal's latest rating, from −2 to +2, into "
    "one number: 50 means the goals are where you both expected, above 50 better than that."
)


def t_score_text(points: list[TScorePoint], style: DateStyle, today: dt.date) -> str:
    if not points:
        return "Goal score: no agreed goal rated yet"
    latest = points[-1]
    goals = "goal" if latest.goals_rated == 1 else "goals"
    text = (
        f"Goal score <b>{latest.t_score:.1f}</b> (50 = goals where expected): "
        f"{latest.goals_rated} {goals} rated, latest {spoken_date(latest.on, style, today)}"
    )
    if len(points) >= 2:
        first = points[0]
        change = latest.t_score - first.t_score
        if abs(change) < 0.05:
            trend = "unchanged"
        else:
            trend = f"{'up' if change > 0 else 'down'} {abs(change):.1f}"
        text += f" · {trend} since {spoken_date(first.on, style, today)}, same goals"
    return text


def t_score_tooltip(points: list[TScorePoint], style: DateStyle, today: dt.date) -> str:
    """Each point with the goals it rests on and the goals that entered, then the rule."""
    lines = [GOAL_SCORE_MEANING, ""]
    shown = points[-12:]
    if len(points) > len(shown):
        lines.append(f"… {len(points) - len(shown)} earlier points")
    for point in shown:
        line = f"{spoken_date(point.on, style, today)}: {point.t_score:.1f}"
        if point.at_baseline:
            line += (
                f" ({point.rated_by_then} of {point.goals_rated} goals rated by then; "
                f"{point.at_baseline} at their starting point)"
            )
        if point.entered:
            line += " · enters: " + ", ".join(point.entered)
        lines.append(line)
    lines += ["", T_SCORE_TREND_RULE]
    return "\n".join(lines)


class GoalBoardView(QWidget):
    """Emits `board_loaded()` each time it has refilled from the vault."""

    board_loaded = Signal()

    def __init__(
        self, practice: Practice, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._practice = practice
        self._tasks = tasks
        self._client_id: int | None = None
        self._data: BoardData | None = None
        self._selected_id: int | None = None
        self._focus_selected = False
        self.date_style = DateStyle.DAY_MONTH_YEAR

        self.editing = GoalEditing(practice, tasks, self)
        self.t_score = QLabel()
        self.t_score.setObjectName("tScore")
        self.t_score.setTextFormat(Qt.TextFormat.RichText)
        self.trend = TrendLine()
        self.trend.setToolTip(GOAL_SCORE_MEANING)
        self.t_score.setToolTip(GOAL_SCORE_MEANING)
        self.t_score.setWordWrap(True)
        self.hint = QLabel("Move cards by dragging them, or with Ctrl+arrow keys")
        self.hint.setObjectName("quietNote")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.new_button = QPushButton("New goal…")
        self.new_button.setObjectName("primary")
        self.new_button.setMinimumWidth(self.new_button.sizeHint().width())
        self.columns = {column: BoardColumn(column) for column in COLUMNS}
        self.detail = GoalDetail()

        header = QHBoxLayout()
        header.addWidget(self.t_score, 3)
        header.addWidget(self.trend)
        header.addSpacing(12)
        header.addWidget(self.hint, 2)
        header.addSpacing(12)
        header.addWidget(self.new_button)
        board = QWidget()
        board_row = QHBoxLayout(board)
        board_row.setContentsMargins(0, 0, 0, 0)
        board_row.setSpacing(8)
        for column in self.columns.values():
            board_row.addWidget(column, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(board)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([330, 420])  # the detail needs room for its chart
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(header)
        layout.addWidget(self.splitter, 1)

        self.new_button.clicked.connect(self.new_goal)
        for column in self.columns.values():
            column.model.goal_dropped.connect(self.move_goal)
            column.list.shift_requested.connect(self._shift)
            column.list.neighbour_requested.connect(self._focus_neighbour)
            column.list.edit_requested.connect(self.edit_goal)
            column.list.selectionModel().currentChanged.connect(
                lambda current, _previous, c=column: self._card_chosen(c, current.row())
            )
        self.editing.goal_changed.connect(self._goal_changed)
        self.detail.edit_requested.connect(self.edit_goal)
        self.detail.rate_requested.connect(self._rate)
        self.detail.correct_rating_requested.connect(self._correct_rating)
        self.detail.add_task_requested.connect(self._add_task)
        self.detail.edit_task_requested.connect(self._edit_task)
        self.detail.task_toggled.connect(self.editing.set_task_done)
        self.new_button.setEnabled(False)

    # Public

    @property
    def client_id(self) -> int | None:
        return self._client_id

    @property
    def data(self) -> BoardData | None:
        return self._data

    def set_date_style(self, style: DateStyle) -> None:
        self.date_style = style
        self.editing.date_style = style
        if self._data is not None:
            self._show(self._data)

    def show_client(self, client_id: int | None, goal_id: int | None = None) -> None:
        if client_id != self._client_id:
            self._selected_id = None
        self._client_id = client_id
        if goal_id is not None:
            self._selected_id = goal_id
        self.new_button.setEnabled(client_id is not None)
        if client_id is None:
            self._data = None
            for column in self.columns.values():
                column.model.set_goals([], self._practice.today(), self.date_style)
            self.detail.show_goal(None, (), self.date_style, self._practice.today())
            self.t_score.clear()
            self.trend.set_values([])
            return
        self.reload()

    def reload(self) -> None:
        client_id = self._client_id
        if client_id is not None:
            self._tasks.submit(lambda: load_board(self._practice, client_id), self._show)

    def goal(self, goal_id: int) -> Goal | None:
        for column in self.columns.values():
            row = column.model.row_of(goal_id)
            if row is not None:
                return column.model.goal_at(row)
        return None

    def select_goal(self, goal_id: int, focus: bool = False) -> bool:
        for column in self.columns.values():
            row = column.model.row_of(goal_id)
            if row is not None:
                column.list.select_row(row)
                if focus:
                    column.list.setFocus()
                return True
        return False

    # Moving cards

    def move_goal(
        self, goal_id: int, column: GoalColumn, position: int, confirmed: bool = False
    ) -> None:
        """Ask the vault to move the card; agreeing a goal a check says no to asks first."""
        client_id = self._client_id
        if client_id is None:
            return
        self._selected_id = goal_id

        def work() -> BoardData:
            self._practice.goals.move_goal(goal_id, column, position, confirmed=confirmed)
            return load_board(self._practice, client_id)

        self._tasks.submit(
            work, self._show, lambda error: self._move_failed(error, goal_id, column, position)
        )

    def _move_failed(
        self, error: Exception, goal_id: int, column: GoalColumn, position: int
    ) -> None:
        if isinstance(error, MoveNeedsConfirmation):
            question = (
                f"The quality check for this goal says: {'; '.join(error.reasons)}.\n\n"
                "Agree on it anyway? The card will keep showing it, and you can come back "
                "to the check at any time."
            )
            if messages.confirm(self, "Agree anyway?", question, "Agree anyway"):
                self.move_goal(goal_id, column, position, confirmed=True)
                return
        elif isinstance(error, InvalidInput) and QUALITY_FIELD in error.problems:
            goal = self.goal(goal_id)
            question = (
                f"{error.problems[QUALITY_FIELD]}\n\nA goal is agreed only once you have "
                "both asked whether it is focused, realistic and fits the client's values. "
                "Answer the check now?"
            )
            if goal is not None and messages.confirm(
                self, "Answer the quality check first", question, "Answer the check…"
            ):
                self.editing.edit_goal(
                    goal,
                    self._values(),
                    after_save=lambda: self.move_goal(goal_id, column, position),
                )
        elif isinstance(error, InvalidInput) and any(
            field.startswith("levels.") for field in error.problems
        ):
            goal = self.goal(goal_id)
            question = (
                "Before a goal becomes active, describe all five progress levels "
                "(-2 to +2), so you can rate it together.\n\nDescribe them now?"
            )
            if goal is not None and messages.confirm(
                self, "Describe the levels first", question, "Describe levels…"
            ):
                self.editing.edit_goal(
                    goal,
                    self._values(),
                    on_scale=True,
                    after_save=lambda: self.move_goal(goal_id, column, position),
                )
        else:
            messages.show_error(self, "The goal was not moved", error)
        self.reload()

    def _shift(self, goal_id: int, column_step: int, row_step: int) -> None:
        goal = self.goal(goal_id)
        if goal is None:
            return
        index = COLUMNS.index(goal.column)
        row = self.columns[goal.column].model.row_of(goal_id) or 0
        self._focus_selected = True
        if column_step:
            target = index + column_step
            if 0 <= target < len(COLUMNS):
                to = COLUMNS[target]
                self.move_goal(goal_id, to, self.columns[to].model.rowCount())
        else:
            new_row = row + row_step
            if 0 <= new_row < self.columns[goal.column].model.rowCount():
                self.move_goal(goal_id, goal.column, new_row)

    def _focus_neighbour(self, step: int) -> None:
        current = next((c for c in COLUMNS if self.columns[c].list.hasFocus()), None)
        if current is None:
            return
        target = COLUMNS.index(current) + step
        if 0 <= target < len(COLUMNS):
            column = self.columns[COLUMNS[target]]
            column.list.setFocus()
            if column.model.rowCount() and not column.list.currentIndex().isValid():
                column.list.select_row(0)

    # Showing

    def _show(self, data: BoardData) -> None:
        if data.client_id != self._client_id:
            return  # another client was chosen while this was loading
        self._data = data
        keep = self._selected_id
        for column in self.columns.values():
            column.model.set_goals(data.goals, data.today, self.date_style)
        self.t_score.setText(t_score_text(data.t_scores, self.date_style, data.today))
        self.trend.set_values(
            [point.t_score for point in data.t_scores],
            entries=[n for n, point in enumerate(data.t_scores) if point.entered and n > 0],
        )
        if data.t_scores:
            tooltip = t_score_tooltip(data.t_scores, self.date_style, data.today)
            self.trend.setToolTip(tooltip)
            self.t_score.setToolTip(tooltip)
        if keep is None or not self.select_goal(keep, focus=self._focus_selected):
            self._selected_id = None
            self.detail.show_goal(None, (), self.date_style, data.today)
        self._focus_selected = False
        emit(self.board_loaded)

    def _card_chosen(self, chosen: BoardColumn, row: int) -> None:
        if row < 0 or self._data is None:
            return
        for column in self.columns.values():
            if column is not chosen:
                column.list.selectionModel().clear()
        goal = chosen.model.goal_at(row)
        self._selected_id = goal.id
        self.detail.show_goal(goal, self._values(), self.date_style, self._data.today)

    def _values(self) -> tuple[str, ...]:
        return self._data.client_values if self._data is not None else ()

    # Editing

    def new_goal(self) -> None:
        if self._client_id is not None:
            self.editing.new_goal(self._client_id, self._values())

    def edit_goal(self, goal_id: int) -> None:
        goal = self.goal(goal_id)
        if goal is not None:
            self.editing.edit_goal(goal, self._values())

    def _rate(self, goal_id: int) -> None:
        goal = self.goal(goal_id)
        if goal is not None:
            self.editing.rate(goal)

    def _correct_rating(self, goal_id: int) -> None:
        goal = self.goal(goal_id)
        if goal is not None:
            self.editing.correct_rating(goal)

    def _add_task(self, goal_id: int) -> None:
        goal = self.goal(goal_id)
        if goal is not None:
            self.editing.add_task(goal)

    def _edit_task(self, goal_id: int, task: GoalTask) -> None:
        goal = self.goal(goal_id)
        if goal is not None:
            self.editing.edit_task(goal, task)

    def _goal_changed(self, goal_id: int) -> None:
        self._selected_id = goal_id
        self.reload()
