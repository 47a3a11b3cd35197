"""The Goals page: what needs reviewing across the practice, grouped by client, and any
client's goal board at full width (choose a client, or click a goal in the list)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.domain.client import ClientStatus, ClientSummary
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.services import Practice
from alliance_desktop.services.goal_board import GoalsToReview
from alliance_desktop.ui.models.goal_review_model import (
    BOARD_COLUMN,
    CLIENT_ID_ROLE,
    GOAL_COLUMN,
    GOAL_ID_ROLE,
    NEEDS_COLUMN,
    GoalReviewModel,
)
from alliance_desktop.ui.tasks import TaskRunner
from alliance_desktop.ui.views.goals.goal_board_view import GoalBoardView
from alliance_desktop.ui.widgets.name_picker import fit_to_typical_names

REVIEW_PAGE, BOARD_PAGE = 0, 1
_CURRENT = (ClientStatus.INTAKE, ClientStatus.ACTIVE, ClientStatus.ENDING)
_NOTHING_TO_REVIEW = (
    "Nothing to review: no review date has passed and every active goal was rated in the "
    "last six weeks.\nChoose a client above to open their goal board."
)


class GoalsPage(QWidget):
    def __init__(
        self, practice: Practice, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._practice = practice
        self._tasks = tasks
        self._date_style = DateStyle.DAY_MONTH_YEAR
        self._review_loaded = False

        self.title = QLabel("Goals")
        self.title.setObjectName("pageTitle")
        self.subtitle = QLabel("Each client's goals, in their own words, agreed together.")
        self.subtitle.setObjectName("pageSubtitle")
        self.subtitle.setWordWrap(True)
        self.client_picker = QComboBox()
        self.client_picker.setMinimumWidth(240)
        self.client_picker.setAccessibleName("Client whose goal board to show")
        fit_to_typical_names(self.client_picker)
        self.back_button = QPushButton("Goals to review")
        self.back_button.setToolTip("Back to the goals that need a review or a rating")

        self.review_title = QLabel("Goals to review")
        self.review_title.setObjectName("sectionTitle")
        self.review_note = QLabel(
            "Goals whose review date has passed, and active goals not rated for six weeks. "
            "Click one to open that client's board."
        )
        self.review_note.setObjectName("quietNote")
        self.review_note.setWordWrap(True)
        self.review_model = GoalReviewModel(self)
        self.review_tree = QTreeView()
        self.review_tree.setObjectName("goalReview")
        self.review_tree.setModel(self.review_model)
        self.review_tree.setRootIsDecorated(False)
        self.review_tree.setItemsExpandable(False)
        self.review_tree.setUniformRowHeights(True)
        self.review_tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.review_tree.setCursor(Qt.CursorShape.PointingHandCursor)
        header = self.review_tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(GOAL_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(BOARD_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NEEDS_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        self.review_empty = QLabel(_NOTHING_TO_REVIEW)
        self.review_empty.setObjectName("emptyState")
        self.review_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.review_empty.setWordWrap(True)
        self.review_stack = QStackedWidget()
        self.review_stack.addWidget(self.review_tree)
        self.review_stack.addWidget(self.review_empty)

        self.board = GoalBoardView(practice, tasks)

        self.stack = QStackedWidget()
        self.stack.addWidget(self._review_page())
        self.stack.addWidget(self.board)
        self._build_layout()

        self.client_picker.activated.connect(self._client_picked)
        self.back_button.clicked.connect(self.show_review)
        self.review_tree.clicked.connect(self._review_clicked)
        self.review_tree.activated.connect(self._review_clicked)
        self._fill_picker([])
        self.back_button.hide()

    def _review_page(self) -> QWidget:
        card = QFrame()
        card.setObjectName("card")
        layout = QVBoxLayout(card)
        layout.addWidget(self.review_title)
        layout.addWidget(self.review_note)
        layout.addWidget(self.review_stack, 1)
        return card

    def _build_layout(self) -> None:
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        top = QHBoxLayout()
        top.addLayout(titles, 1)
        top.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignBottom)
        top.addSpacing(8)
        top.addWidget(QLabel("Goal board of"), 0, Qt.AlignmentFlag.AlignBottom)
        top.addWidget(self.client_picker, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 20)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)

    # Public

    def set_date_style(self, style: DateStyle) -> None:
        self._date_style = style
        self.board.set_date_style(style)
        if self._review_loaded:
            self.refresh()

    def refresh(self) -> None:
        """Reload the review list and the client picker (and the board, if one is shown)."""

        def load() -> tuple[GoalsToReview, list[ClientSummary]]:
            return self._practice.goals.goals_to_review(), self._practice.client_summaries()

        self._tasks.submit(load, self._loaded)
        if self.stack.currentIndex() == BOARD_PAGE:
            self.board.reload()

    def show_review(self) -> None:
        self.stack.setCurrentIndex(REVIEW_PAGE)
        self.back_button.hide()
        self.subtitle.show()
        self.client_picker.setCurrentIndex(0)
        self.board.show_client(None)
        self.refresh()

    def show_board(self, client_id: int, goal_id: int | None = None) -> None:
        self.stack.setCurrentIndex(BOARD_PAGE)
        self.back_button.show()
        self.subtitle.hide()  # the board needs the height
        index = self.client_picker.findData(client_id)
        if index >= 0:
            self.client_picker.setCurrentIndex(index)
        self.board.show_client(client_id, goal_id)

    @property
    def is_showing_board(self) -> bool:
        return self.stack.currentIndex() == BOARD_PAGE

    # Internals

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def _loaded(self, result: tuple[GoalsToReview, list[ClientSummary]]) -> None:
        review, clients = result
        self.review_model.set_review(review, self._date_style)
        self.review_tree.expandAll()
        for row in range(self.review_model.rowCount()):
            self.review_tree.setFirstColumnSpanned(row, QModelIndex(), True)
        has_items = self.review_model.rowCount() > 0
        self.review_stack.setCurrentIndex(0 if has_items else 1)
        count = self.review_model.goal_count()
        self.review_title.setText(f"Goals to review  ·  {count}" if count else "Goals to review")
        self._fill_picker(clients)
        self._review_loaded = True

    def _fill_picker(self, clients: list[ClientSummary]) -> None:
        chosen = self.client_picker.currentData()
        self.client_picker.clear()
        self.client_picker.addItem("Choose a client…", None)
        shown = sorted(
            (c for c in clients if not c.archived),
            key=lambda c: (c.status not in _CURRENT, c.display_name.casefold()),
        )
        for summary in shown:
            suffix = "" if summary.status in _CURRENT else f" ({summary.status.label.lower()})"
            self.client_picker.addItem(summary.display_name + suffix, summary.id)
        if self.board.client_id is not None:
            chosen = self.board.client_id
        index = self.client_picker.findData(chosen) if chosen is not None else 0
        self.client_picker.setCurrentIndex(max(index, 0))

    def _client_picked(self, index: int) -> None:
        client_id = self.client_picker.itemData(index)
        if client_id is None:
            self.show_review()
        else:
            self.show_board(int(client_id))

    def _review_clicked(self, index: QModelIndex) -> None:
        client_id = index.data(CLIENT_ID_ROLE)
        goal_id = index.data(GOAL_ID_ROLE)
        if client_id is not None:
            self.show_board(int(client_id), int(goal_id) if goal_id is not None else None)
