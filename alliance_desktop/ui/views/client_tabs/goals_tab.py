"""The Goals tab of a client's overview: their goals at a glance, by column, with what needs
attention; the full board (it needs the room) opens on the Goals page."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from alliance_desktop.domain.goal import GoalColumn
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.services import Practice
from alliance_desktop.ui.goal_wording import card_badges
from alliance_desktop.ui.signal_emit import emit
from alliance_desktop.ui.tasks import TaskRunner
from alliance_desktop.ui.views.goals.goal_board_view import BoardData, load_board, t_score_text
from alliance_desktop.ui.widgets.quiet_scroll import quiet_scroll

_LINK_STYLE = "color: #1f5e5a; text-decoration: none; font-weight: 600"
_NO_GOALS = "No goals yet. Open the goal board to add the first one together."


class GoalsTab(QWidget):
    board_requested = Signal(int, object)  # client id, goal id or None
    review_requested = Signal(int)  # client id: the goal review report

    def __init__(
        self, practice: Practice, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._practice = practice
        self._tasks = tasks
        self._client_id: int | None = None
        self.date_style = DateStyle.DAY_MONTH_YEAR

        self.t_score = QLabel()
        self.t_score.setTextFormat(Qt.TextFormat.RichText)
        self.t_score.setWordWrap(True)
        self.open_button = QPushButton("Open goal board")
        self.open_button.setObjectName("primary")
        self.open_button.setMinimumWidth(self.open_button.sizeHint().width())
        self.open_button.setToolTip("The full board, on the Goals page")
        self.review_button = QPushButton("Goal review…")
        self.review_button.setToolTip("A goal review to go through with the client (PDF)")
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary.setOpenExternalLinks(False)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)

        top = QHBoxLayout()
        top.addWidget(self.t_score, 1)
        top.addWidget(self.review_button)
        top.addWidget(self.open_button)
        scroll = quiet_scroll(self.summary, sideways=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)

        self.open_button.clicked.connect(lambda: self._open(None))
        self.review_button.clicked.connect(self._review)
        self.summary.linkActivated.connect(self._link)

    def showEvent(self, event: QShowEvent) -> None:
        # Goals change on the Goals page; look again whenever the tab comes back into view.
        super().showEvent(event)
        if self._client_id is not None:
            self.show_client(self._client_id)

    def show_client(self, client_id: int | None) -> None:
        self._client_id = client_id
        self.open_button.setEnabled(client_id is not None)
        self.review_button.setEnabled(client_id is not None)
        if client_id is None:
            self.summary.clear()
            self.t_score.clear()
            return
        self._tasks.submit(lambda: load_board(self._practice, client_id), self._show)

    def _show(self, data: BoardData) -> None:
        if data.client_id != self._client_id:
            return
        self.t_score.setText(t_score_text(data.t_scores, self.date_style, data.today))
        if not data.goals:
            self.summary.setText(f"<p>{_NO_GOALS}</p>")
            return
        parts = []
        for column in GoalColumn:
            goals = [goal for goal in data.goals if goal.column is column]
            if not goals:
                continue
            parts.append(f"<p><b>{column.label}</b> · {len(goals)}</p><ul>")
            for goal in goals:
                badges = " · ".join(escape(badge.text) for badge in card_badges(goal, data.today))
                link = f'<a href="goal:{goal.id}" style="{_LINK_STYLE}">{escape(goal.title)}</a>'
                parts.append(f"<li>{link}" + (f"<br><small>{badges}</small>" if badges else ""))
            parts.append("</ul>")
        self.summary.setText("".join(parts))

    def _link(self, href: str) -> None:
        kind, _, number = href.partition(":")
        if kind == "goal" and number.isdigit():
            self._open(int(number))

    def _open(self, goal_id: int | None) -> None:
        if self._client_id is not None:
            emit(self.board_requested, self._client_id, goal_id)

    def _review(self) -> None:
        if self._client_id is not None:
            emit(self.review_requested, self._client_id)
