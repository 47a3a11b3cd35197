"""The client list: search as you type, filter by status, archive and restore."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.domain.client import ClientStatus, ClientSummary
from alliance_desktop.domain.client_search import ClientFinder
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.services import Practice
from alliance_desktop.ui.models.client_table_model import (
    NAME_COLUMN,
    SORT_ROLE,
    START_COLUMN,
    STATUS_COLUMN,
    ClientTableModel,
)
from alliance_desktop.ui.signal_emit import emit
from alliance_desktop.ui.tasks import TaskRunner
from alliance_desktop.ui.views.client_overview import ClientOverview

_NO_CLIENTS = "No clients yet.\nAdd your first client with New client (Ctrl+N)."
_ALL_ARCHIVED = "Every client is archived.\nTick Show archived to see them."
_NO_MATCH = (
    "No clients match this search.\nTry fewer letters, another status, or tick Show archived."
)

_NAME_ROOM = 220  # a name column narrower than this cuts most names
_STATUS_WIDTH = 110
_START_WIDTH = 100


def list_width(room: int) -> int:
    """The client list's share of `room` (the list and the record together): enough for
    names, the rest to the record; a narrow window gives the record a larger share."""
    share = 0.42 if room >= 1100 else 0.38 if room >= 800 else 0.3
    return max(200, min(520, int(room * share)))


class ClientsView(QWidget):
    new_client_requested = Signal()
    edit_client_requested = Signal(int)
    archive_requested = Signal(object)  # ClientSummary
    restore_requested = Signal(object)  # ClientSummary

    def __init__(
        self, practice: Practice, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._practice = practice
        self._tasks = tasks
        # Every client (archived too) as last loaded from the vault; searching filters this
        # in memory on the UI thread, so typing never waits for the database.
        self._finder = ClientFinder([])
        self._client_count = 0
        self._loaded = False

        self.title = QLabel("Clients")
        self.title.setObjectName("pageTitle")
        self.count_label = QLabel()
        self.count_label.setObjectName("pageSubtitle")
        self.search = QLineEdit()
        self.search.setAccessibleName("Search clients by name")
        self.search.setPlaceholderText("Search by name…")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(160)
        self.status_filter = QComboBox()
        self.status_filter.addItem("All statuses", None)
        for status in ClientStatus:
            self.status_filter.addItem(status.label, status)
        self.show_archived = QCheckBox("Show archived")
        self.new_button = QPushButton("New client")
        self.new_button.setObjectName("primary")
        self.edit_button = QPushButton("Edit…")
        self.archive_button = QPushButton("Archive…")

        self.model = ClientTableModel(self)
        self.sorted_model = QSortFilterProxyModel(self)
        self.sorted_model.setSourceModel(self.model)
        self.sorted_model.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setAccessibleName("Clients")
        self.table.setModel(self.sorted_model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(NAME_COLUMN, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        # A long name keeps its first and last words; the tooltip has it whole.
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(STATUS_COLUMN, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(START_COLUMN, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(STATUS_COLUMN, _STATUS_WIDTH)
        header.resizeSection(START_COLUMN, _START_WIDTH)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.empty_state = QLabel(_NO_CLIENTS)
        self.empty_state.setObjectName("emptyState")
        self.empty_state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_state.setWordWrap(True)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty_state)
        self.overview = ClientOverview(practice, tasks)

        self._build_layout()

        self.search.textChanged.connect(self._apply_filter)
        self.status_filter.currentIndexChanged.connect(self._apply_filter)
        self.show_archived.toggled.connect(self._apply_filter)
        self.new_button.clicked.connect(self.new_client_requested)
        self.edit_button.clicked.connect(self._edit_selected)
        self.archive_button.clicked.connect(self._archive_or_restore_selected)
        self.table.activated.connect(self._edit_at)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.selectionModel().selectionChanged.connect(self._show_selected)
        self._update_buttons()

    def _build_layout(self) -> None:
        title_row = QHBoxLayout()
        title_row.addWidget(self.title)
        title_row.addSpacing(12)
        title_row.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignBottom)
        title_row.addStretch(1)
        title_row.addWidget(self.new_button)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.show_archived)
        filters.addStretch(1)
        filters.addWidget(self.edit_button)
        filters.addWidget(self.archive_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(12)
        layout.addLayout(title_row)
        layout.addLayout(filters)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.list_stack)
        self.splitter.addWidget(self.overview)
        # The record gets the room a window gains; the list keeps a share wide enough for
        # names (`list_width`), until the clinician drags the divider themselves.
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.splitterMoved.connect(self._divider_moved)
        self._divider_placed_by_hand = False
        layout.addWidget(self.splitter, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._divider_placed_by_hand:
            room = self.splitter.width() - self.splitter.handleWidth()
            wanted = list_width(room)
            self.splitter.setSizes([wanted, room - wanted])
        self._fit_columns()

    def _divider_moved(self, *_position: int) -> None:
        self._divider_placed_by_hand = True
        self._fit_columns()

    def _fit_columns(self) -> None:
        """A narrow list shows names first: the start date goes, then the status (the record
        beside it says both)."""
        width = self.list_stack.width()
        self.table.setColumnHidden(STATUS_COLUMN, width < _NAME_ROOM + _STATUS_WIDTH)
        self.table.setColumnHidden(START_COLUMN, width < _NAME_ROOM + _STATUS_WIDTH + _START_WIDTH)

    # Public

    def refresh(self, select_id: int | None = None) -> None:
        """Reload the list from the vault (after any change), keeping or moving the selection."""
        keep = select_id if select_id is not None else self.selected_client_id()
        self._tasks.submit(
            self._practice.client_summaries, lambda rows: self._on_loaded(rows, keep)
        )

    @property
    def is_loaded(self) -> bool:
        return self._loaded

    def set_date_style(self, style: DateStyle) -> None:
        self.model.set_date_style(style)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def visible_names(self) -> list[str]:
        """Display names in the order shown (used by tests and accessibility checks)."""
        model = self.sorted_model
        return [model.index(row, NAME_COLUMN).data() for row in range(model.rowCount())]

    def selected_summary(self) -> ClientSummary | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.summary_at(self.sorted_model.mapToSource(rows[0]).row())

    def selected_client_id(self) -> int | None:
        summary = self.selected_summary()
        return summary.id if summary else None

    def select_client(self, client_id: int) -> bool:
        row = self.model.row_of(client_id)
        if row is None:
            return False
        index = self.sorted_model.mapFromSource(self.model.index(row, NAME_COLUMN))
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    # Internals

    def _on_loaded(self, rows: list[ClientSummary], select_id: int | None) -> None:
        self._finder = ClientFinder(rows)
        self._client_count = sum(1 for row in rows if not row.archived)
        self._loaded = True
        self._apply_filter(select_id=select_id)

    def _apply_filter(self, *_signal_args: object, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else self.selected_client_id()
        if keep is None:
            # A client opened (from Today, a flag) before the list had loaded: the list
            # catches up with the record shown, so Edit and Archive act on that client.
            keep = self.overview.client_id
        rows = self._finder.find(
            self.search.text(),
            self._chosen_status(),
            self.show_archived.isChecked(),
        )
        self.model.set_rows(rows)
        if keep is not None:
            self.select_client(keep)
        self._show_counts(len(rows))
        self._update_buttons()

    def _chosen_status(self) -> ClientStatus | None:
        # Qt hands StrEnum item data back as a plain str; turn it back into the enum.
        value = self.status_filter.currentData()
        return ClientStatus(value) if value else None

    def _show_counts(self, shown: int) -> None:
        total = self._client_count
        noun = "client" if total == 1 else "clients"
        filtering = bool(self.search.text().strip()) or self.status_filter.currentIndex() > 0
        self.count_label.setText(f"{shown} of {total} {noun}" if filtering else f"{total} {noun}")
        self.overview.set_no_clients(not self._finder.clients)
        if shown:
            self.list_stack.setCurrentWidget(self.table)
        else:
            if not self._finder.clients:
                text = _NO_CLIENTS
            elif not filtering and not self.show_archived.isChecked():
                text = _ALL_ARCHIVED
            else:
                text = _NO_MATCH
            self.empty_state.setText(text)
            self.list_stack.setCurrentWidget(self.empty_state)

    def _update_buttons(self, *_signal_args: object) -> None:
        summary = self.selected_summary()
        self.edit_button.setEnabled(summary is not None)
        self.archive_button.setEnabled(summary is not None)
        self.archive_button.setText(
            "Restore…" if summary is not None and summary.archived else "Archive…"
        )

    def _show_selected(self, *_signal_args: object) -> None:
        client_id = self.selected_client_id()
        if client_id != self.overview.client_id:
            self.overview.show_client(client_id)

    def _edit_at(self, index: QModelIndex) -> None:
        source = self.sorted_model.mapToSource(index)
        emit(self.edit_client_requested, self.model.summary_at(source.row()).id)

    def _edit_selected(self) -> None:
        client_id = self.selected_client_id()
        if client_id is not None:
            emit(self.edit_client_requested, client_id)

    def _archive_or_restore_selected(self) -> None:
        summary = self.selected_summary()
        if summary is None:
            return
        if summary.archived:
            emit(self.restore_requested, summary)
        else:
            emit(self.archive_requested, summary)
