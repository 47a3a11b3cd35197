"""The Sessions tab of a client's overview: the next session, attendance at a glance, and
every session newest first (double-click opens one)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.domain.session import AttendanceCounts, CalendarEntry
from alliance_desktop.services import Practice
from alliance_desktop.services.calendar import ClientSessionHistory
from alliance_desktop.ui.date_formats import short_date
from alliance_desktop.ui.models.session_history_model import (
    DATE_COLUMN,
    STATUS_COLUMN,
    TIME_COLUMN,
    SessionHistoryModel,
)
from alliance_desktop.ui.session_editing import SessionEditing
from alliance_desktop.ui.tasks import TaskRunner
from alliance_desktop.ui.widgets.calendar_layout import day_name, time_range

_NO_SESSIONS = "No sessions yet.\nBook the first one with New session."

# (attribute of AttendanceCounts, what the tile says)
ATTENDANCE_TILES = (
    ("attended", "attended"),
    ("cancelled", "cancelled"),
    ("late_cancelled", "cancelled late"),
    ("no_show", "no-shows"),
    ("clinician_cancelled", "cancelled by me"),
)


class SessionsTab(QWidget):
    def __init__(
        self,
        practice: Practice,
        tasks: TaskRunner,
        editing: SessionEditing,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._practice = practice
        self._tasks = tasks
        self._editing = editing
        self._client_id: int | None = None
        self._date_style = DateStyle.DAY_MONTH_YEAR
        self.history: ClientSessionHistory | None = None

        self.next_label = QLabel()
        self.next_label.setObjectName("cardTitle")
        self.next_label.setWordWrap(True)
        self.new_button = QPushButton("New session")
        self.new_button.setObjectName("primary")
        self.tiles: dict[str, QLabel] = {}
        tiles = QHBoxLayout()
        tiles.setSpacing(8)
        for name, _words in ATTENDANCE_TILES:
            tile = QLabel()
            tile.setObjectName("statTile")
            # Two lines in a narrow pane; no word longer than "cancelled", which fits.
            tile.setWordWrap(True)
            tile.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.tiles[name] = tile
            tiles.addWidget(tile)
        tiles.addStretch(1)

        self.model = SessionHistoryModel(self)
        self.table = QTableView()
        self.table.setAccessibleName("The client's sessions")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setToolTip("Double-click a session to open it")
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, width in ((DATE_COLUMN, 130), (TIME_COLUMN, 110), (STATUS_COLUMN, 170)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.empty_state = QLabel(_NO_SESSIONS)
        self.empty_state.setObjectName("emptyState")
        self.empty_state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_state)

        top = QHBoxLayout()
        top.addWidget(self.next_label, 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addLayout(tiles)
        layout.addWidget(self.stack, 1)

        self.new_button.clicked.connect(self._new_session)
        self.table.activated.connect(self._open_at)
        editing.sessions_changed.connect(self.refresh)

    def set_date_style(self, style: DateStyle) -> None:
        self._date_style = style
        self.model.set_date_style(style)
        if self.history is not None:
            self._show_next(self.history.next_session)

    def show_client(self, client_id: int | None) -> None:
        self._client_id = client_id
        self.new_button.setEnabled(client_id is not None)
        if client_id is None:
            self.history = None
            self.model.set_rows([])
            return
        self.refresh()

    def refresh(self) -> None:
        client_id = self._client_id
        if client_id is None:
            return
        calendar = self._practice.calendar
        self._tasks.submit(
            lambda: (client_id, calendar.client_history(client_id)),
            lambda loaded: self._show(*loaded),
        )

    def _show(self, client_id: int, history: ClientSessionHistory) -> None:
        if client_id != self._client_id:
            return  # another client was chosen while this was loading
        self.history = history
        self.model.set_rows(history.entries)
        self.stack.setCurrentWidget(self.table if history.entries else self.empty_state)
        self._show_counts(history.attendance)
        self._show_next(history.next_session)
        self._scroll_to_next()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # A table scrolls only once it has its size; wait for the layout to give it one.
        QTimer.singleShot(0, self._scroll_to_next)

    def _scroll_to_next(self) -> None:
        """Newest first puts planned sessions on top; open at the next one, so the view starts
        where the work is, with what already happened beneath it."""
        upcoming = self.history.next_session if self.history else None
        row = self.model.row_of(upcoming.session_id) if upcoming else None
        if row is not None:
            self.table.scrollTo(
                self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop
            )

    def _show_counts(self, counts: AttendanceCounts) -> None:
        for name, words in ATTENDANCE_TILES:
            number = int(getattr(counts, name))
            self.tiles[name].setText(f"<b style='font-size:14pt'>{number}</b><br>{words}")
            self.tiles[name].setAccessibleName(f"{number} {words}")

    def _show_next(self, entry: CalendarEntry | None) -> None:
        if entry is None:
            self.next_label.setText("No session booked ahead")
            return
        day = entry.start.date()
        self.next_label.setText(
            f"Next session: {day_name(day)} {short_date(day, self._date_style)}, "
            f"{time_range(entry.start, entry.duration_minutes)} · {entry.modality.label}"
        )

    def attendance_text(self) -> str:
        """The tiles as one line, e.g. '3 attended, 1 cancelled, …' (tests, screen readers)."""
        return ", ".join(self.tiles[name].accessibleName() for name, _ in ATTENDANCE_TILES)

    def _new_session(self) -> None:
        if self._client_id is not None:
            self._editing.new_session(client_id=self._client_id)

    def _open_at(self, index: QModelIndex) -> None:
        self._editing.open_session(self.model.entry_at(index.row()).session_id)
