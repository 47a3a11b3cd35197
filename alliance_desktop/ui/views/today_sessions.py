"""Today's sessions as a card on the Today page: the day in time order, each one click from
its editor, and beside it the sessions that ended but are not yet marked ("To close"), with
one-click attendance marks."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.domain.session import CalendarEntry, Modality, SessionStatus
from alliance_desktop.services import Practice
from alliance_desktop.services.calendar import DayPlan
from alliance_desktop.ui.signal_emit import emit
from alliance_desktop.ui.tasks import TaskRunner
from alliance_desktop.ui.widgets.calendar_layout import short_day, time_range
from alliance_desktop.ui.widgets.growing_list import GrowingList
from alliance_desktop.ui.widgets.status_palette import status_mark_icon

REFRESH_EVERY_MS = 5 * 60 * 1000  # sessions end while the page is open: keep "To close" true
STACK_BELOW = 760  # the card's width below which "To close" goes under today's sessions
TO_CLOSE_SHOWN = 6  # more wait behind "Show all", so a long backlog does not bury the day
CANCEL_CHOICES = (
    SessionStatus.CANCELLED,
    SessionStatus.LATE_CANCELLED,
    SessionStatus.CLINICIAN_CANCELLED,
)


def _title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("cardTitle")
    return label


def _quiet(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("quietNote")
    label.setWordWrap(True)
    return label


class _ElidedTwoLineButton(QPushButton):
    """A link-like button whose first line (a name) is shortened with "…" to fit its width."""

    def __init__(self, first: str, second: str) -> None:
        super().__init__(f"{first}\n{second}")
        self._first, self._second = first, second

    def resizeEvent(self, event: QResizeEvent) -> None:
        room = max(0, event.size().width() - 12)
        metrics = self.fontMetrics()
        first = metrics.elidedText(self._first, Qt.TextElideMode.ElideRight, room)
        self.setText(f"{first}\n{self._second}")
        super().resizeEvent(event)


class ToCloseRow(QWidget):
    """One session to mark: who and when (a click opens it), then the quick marks."""

    def __init__(self, entry: CalendarEntry, card: TodaySessionsCard) -> None:
        super().__init__()
        self.entry = entry
        when = f"{short_day(entry.start.date())}, {time_range(entry.start, entry.duration_minutes)}"
        self.open_button = _ElidedTwoLineButton(entry.client_name, when)
        # The date and time must stay whole; only the name gives way.
        self.open_button.setMinimumWidth(
            self.open_button.fontMetrics().horizontalAdvance(when) + 16
        )
        self.open_button.setObjectName("linkButton")
        self.open_button.setToolTip(f"Open {entry.client_name}'s session of {when}")
        # Long names are clipped rather than pushing the mark buttons out of the card.
        self.open_button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.open_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.attended_button = QPushButton("Attended")
        self.no_show_button = QPushButton("No-show")
        self.cancelled_button = QToolButton()
        self.cancelled_button.setText("Cancelled ▾")
        self.cancelled_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.cancelled_button)
        self.cancel_actions: dict[SessionStatus, QAction] = {}
        for status in CANCEL_CHOICES:
            action = menu.addAction(status.label)
            action.triggered.connect(
                lambda _checked=False, status=status: card.mark(entry.session_id, status)
            )
            self.cancel_actions[status] = action
        self.cancelled_button.setMenu(menu)
        for button in (self.attended_button, self.no_show_button, self.cancelled_button):
            button.setObjectName("quickAction")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(6)
        layout.addWidget(self.open_button, 1)
        layout.addWidget(self.attended_button)
        layout.addWidget(self.no_show_button)
        layout.addWidget(self.cancelled_button)
        self.open_button.clicked.connect(lambda: emit(card.session_chosen, entry.session_id))
        self.attended_button.clicked.connect(
            lambda: card.mark(entry.session_id, SessionStatus.ATTENDED)
        )
        self.no_show_button.clicked.connect(
            lambda: card.mark(entry.session_id, SessionStatus.NO_SHOW)
        )


class TodaySessionsCard(QFrame):
    session_chosen = Signal(int)
    status_chosen = Signal(int, object)  # session id, SessionStatus

    def __init__(
        self, practice: Practice, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self._practice = practice
        self._tasks = tasks
        self.plan: DayPlan | None = None

        self.title = _title("Today's sessions")
        self.session_list = GrowingList()
        self.session_list.setObjectName("todaySessions")
        self.session_list.setIconSize(QSize(16, 16))
        self.session_list.setCursor(Qt.CursorShape.PointingHandCursor)
        self.session_list.setToolTip("Click a session to open it")
        # The list grows with the day inside the scrolling page: no box with its own scroll
        # bars; a name too long for the card loses its middle, never its ends.
        self.session_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.session_list.setAccessibleName("Today's sessions")
        self.nothing_today = _quiet("Nothing booked today.")
        self.close_title = _title("To close")
        self.close_note = _quiet("Ended, but not yet marked as attended, cancelled or no-show.")
        self.rows: list[ToCloseRow] = []
        self._rows_box = QWidget()
        self._rows_box.setObjectName("toCloseRows")
        self._rows_layout = QVBoxLayout(self._rows_box)
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self._rows_layout.setSpacing(0)
        self.show_all_button = QPushButton()
        self.show_all_button.setObjectName("linkButton")
        self.show_all_button.clicked.connect(self._show_all_rows)
        self.all_closed = _quiet("Every past session is marked. Nothing to close.")

        today = QVBoxLayout()
        today.addWidget(self.title)
        today.addWidget(self.session_list)
        today.addWidget(self.nothing_today)
        today.addStretch(1)
        closing = QVBoxLayout()
        closing.addWidget(self.close_title)
        closing.addWidget(self.close_note)
        closing.addWidget(self._rows_box)
        closing.addWidget(self.show_all_button, 0, Qt.AlignmentFlag.AlignLeft)
        closing.addWidget(self.all_closed)
        closing.addStretch(1)
        # Side by side on a wide page; in a narrow window "To close" goes under today's
        # sessions, so its names are not cut to a few letters beside the three buttons.
        self._columns = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._columns.addLayout(today, 4)
        self._columns.addSpacing(16)
        self._columns.addLayout(closing, 5)

        self.session_list.itemClicked.connect(self._open_item)
        self.session_list.itemActivated.connect(self._open_item)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_EVERY_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()

    @property
    def stacked(self) -> bool:
        return self._columns.direction() == QBoxLayout.Direction.TopToBottom

    def resizeEvent(self, event: QResizeEvent) -> None:
        narrow = event.size().width() < STACK_BELOW
        direction = QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        if direction != self._columns.direction():
            self._columns.setDirection(direction)
        super().resizeEvent(event)

    def refresh(self) -> None:
        self._tasks.submit(self._practice.calendar.day_plan, self._show)

    def mark(self, session_id: int, status: SessionStatus) -> None:
        emit(self.status_chosen, session_id, status)

    def session_ids(self) -> list[int]:
        return [
            self.session_list.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.session_list.count())
        ]

    def _show(self, plan: DayPlan) -> None:
        self.plan = plan
        self.session_list.clear()
        for entry in plan.sessions:
            item = QListWidgetItem(self._line(entry))
            item.setData(Qt.ItemDataRole.UserRole, entry.session_id)
            item.setIcon(status_mark_icon(entry.status))
            item.setToolTip(f"Open {entry.client_name}'s session")
            item.setSizeHint(QSize(0, 2 * self.session_list.fontMetrics().lineSpacing() + 12))
            self.session_list.addItem(item)
        count = len(plan.sessions)
        self.title.setText(f"Today's sessions ({count})" if count else "Today's sessions")
        self.session_list.setVisible(bool(count))
        self.nothing_today.setVisible(not count)
        self.session_list.fit_rows()

        for row in self.rows:
            row.deleteLater()
        self.rows = [ToCloseRow(entry, self) for entry in reversed(plan.to_close)]
        for row in self.rows:  # the most recent first: the one still in mind
            self._rows_layout.addWidget(row)
        closing = len(self.rows)
        self.close_title.setText(f"To close ({closing})" if closing else "To close")
        self.close_note.setVisible(bool(closing))
        self._rows_box.setVisible(bool(closing))
        self.all_closed.setVisible(not closing)
        for index, row in enumerate(self.rows):
            row.setVisible(index < TO_CLOSE_SHOWN)
        hidden = closing - TO_CLOSE_SHOWN
        self.show_all_button.setText(f"Show all {closing}")
        self.show_all_button.setVisible(hidden > 0)

    def _show_all_rows(self) -> None:
        for row in self.rows:
            row.setVisible(True)
        self.show_all_button.hide()

    @staticmethod
    def _line(entry: CalendarEntry) -> str:
        """Two lines, like "To close" beside it: who, then when and how."""
        details = [time_range(entry.start, entry.duration_minutes)]
        if entry.modality is not Modality.IN_PERSON:
            details.append(entry.modality.label)
        if entry.status is not SessionStatus.SCHEDULED:
            details.append(entry.status.label)  # the icon carries the colour and symbol
        return f"{entry.client_name}\n{' · '.join(details)}"

    def _open_item(self, item: QListWidgetItem) -> None:
        emit(self.session_chosen, item.data(Qt.ItemDataRole.UserRole))
