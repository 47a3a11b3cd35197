"""Goals that need attention across the practice, grouped by client: a review date that has
passed, or no rating for six weeks. Clients are the top rows, their goals beneath."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from alliance_desktop.domain.goal import GoalReviewItem
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.services.goal_board import GoalsToReview
from alliance_desktop.ui.date_formats import short_date

GOAL_COLUMN, BOARD_COLUMN, NEEDS_COLUMN = range(3)
_HEADERS = ("Goal", "On the board", "Needs")

CLIENT_ID_ROLE = Qt.ItemDataRole.UserRole
GOAL_ID_ROLE = Qt.ItemDataRole.UserRole + 1  # None on a client's row

AnyIndex = QModelIndex | QPersistentModelIndex
_CLIENT_ROW = 0  # internal id of a client's row; a goal's row holds its client's row + 1


@dataclass(frozen=True)
class ReviewRow:
    item: GoalReviewItem
    review_due: bool
    rating_overdue: bool


@dataclass(frozen=True)
class ClientGroup:
    client_id: int
    client_name: str
    rows: list[ReviewRow]


def group_by_client(review: GoalsToReview) -> list[ClientGroup]:
    """One group per client in the order the service gave; each goal once, with its reasons."""
    due = {item.goal_id for item in review.due_for_review}
    overdue = {item.goal_id for item in review.not_rated_recently}
    groups: dict[int, ClientGroup] = {}
    seen: set[int] = set()
    items = sorted(
        [*review.due_for_review, *review.not_rated_recently],
        key=lambda item: item.client_name.casefold(),
    )
    for item in items:
        if item.goal_id in seen:
            continue
        seen.add(item.goal_id)
        group = groups.setdefault(item.client_id, ClientGroup(item.client_id, item.client_name, []))
        group.rows.append(ReviewRow(item, item.goal_id in due, item.goal_id in overdue))
    return list(groups.values())


class GoalReviewModel(QAbstractItemModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._groups: list[ClientGroup] = []
        self._style = DateStyle.DAY_MONTH_YEAR

    def set_review(self, review: GoalsToReview, style: DateStyle) -> None:
        self.beginResetModel()
        self._groups = group_by_client(review)
        self._style = style
        self.endResetModel()

    def groups(self) -> list[ClientGroup]:
        return list(self._groups)

    def goal_count(self) -> int:
        return sum(len(group.rows) for group in self._groups)

    # Shape

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _CLIENT_ROW)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _CLIENT_ROW:
            return QModelIndex()
        return self.createIndex(int(index.internalId()) - 1, 0, _CLIENT_ROW)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _CLIENT_ROW and parent.column() == 0:
            return len(self._groups[parent.row()].rows)
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return len(_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation is Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(_HEADERS)
        ):
            return _HEADERS[section]
        return None

    # Content

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _CLIENT_ROW:
            return self._client_data(self._groups[index.row()], index.column(), role)
        group = self._groups[int(index.internalId()) - 1]
        return self._goal_data(group, group.rows[index.row()], index.column(), role)

    def _client_data(self, group: ClientGroup, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and column == GOAL_COLUMN:
            count = len(group.rows)
            return f"{group.client_name}  ·  {count} goal{'s' if count != 1 else ''}"
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setWeight(QFont.Weight.DemiBold)
            return font
        if role == CLIENT_ID_ROLE:
            return group.client_id
        return None

    def _goal_data(self, group: ClientGroup, row: ReviewRow, column: int, role: int) -> Any:
        item = row.item
        if role == Qt.ItemDataRole.DisplayRole:
            if column == GOAL_COLUMN:
                return item.title
            if column == BOARD_COLUMN:
                return item.column.label
            return self.needs_text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{item.title}\n{self.needs_text(row)}\nOpen {group.client_name}'s goal board"
        if role == CLIENT_ID_ROLE:
            return item.client_id
        if role == GOAL_ID_ROLE:
            return item.goal_id
        return None

    def needs_text(self, row: ReviewRow) -> str:
        item = row.item
        needs = []
        if row.review_due and item.review_date is not None:
            needs.append(f"Review (due {short_date(item.review_date, self._style)})")
        if row.rating_overdue:
            if item.last_rated_on is None:
                needs.append("A rating (never rated)")
            else:
                needs.append(f"A rating (last {short_date(item.last_rated_on, self._style)})")
        return "; ".join(needs)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
