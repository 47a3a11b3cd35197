"""A client's rupture-and-repair log: newest first, filtered by kind and outcome, with the
selected entry's details and the alliance check-ins either side of it."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.domain.alliance_flags import CheckInPoint
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.domain.rupture import RepairGroup, RepairOutcome, RuptureEntry, RuptureKind
from alliance_desktop.services import Practice
from alliance_desktop.ui.date_formats import short_date
from alliance_desktop.ui.models.rupture_table_model import (
    CLIENT_COLUMN,
    DATE_COLUMN,
    RuptureRow,
    RuptureTableModel,
)
from alliance_desktop.ui.rupture_wording import (
    RAISED_BY_WORDS,
    check_in_text,
    outcome_text,
    private_note,
    significance_text,
)
from alliance_desktop.ui.signal_emit import emit
from alliance_desktop.ui.tasks import TaskRunner

_NO_ENTRIES = "No ruptures recorded for this client.\nUse New entry when you notice one."
_NO_MATCH = "No entries match these filters."
_CHOOSE_ONE = "Choose an entry to see its markers, repair and the check-ins around it."

Around = tuple[CheckInPoint | None, CheckInPoint | None]


def configure_rupture_table(table: QTableView) -> None:
    """The look shared by the client's log and the practice-wide list."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.setShowGrid(False)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)


class RupturesTab(QWidget):
    new_rupture_requested = Signal(int)  # client id
    edit_rupture_requested = Signal(int)  # rupture id

    def __init__(
        self, practice: Practice, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._practice = practice
        self._tasks = tasks
        self._client_id: int | None = None
        self._loaded_for: int | None = None
        self._date_style = DateStyle.DAY_MONTH_YEAR

        self.kind_filter = QComboBox()
        self.kind_filter.addItem("All kinds", None)
        for kind in RuptureKind:
            self.kind_filter.addItem(kind.label, kind)
        self.outcome_filter = QComboBox()
        self.outcome_filter.addItem("Any outcome", None)
        for outcome in RepairOutcome:
            self.outcome_filter.addItem(outcome.label, outcome)
        self.new_button = QPushButton("New entry…")
        self.new_button.setObjectName("primary")
        self.edit_button = QPushButton("Edit…")

        self.model = RuptureTableModel(self)
        self.table = QTableView()
        self.table.setAccessibleName("The client's rupture log")
        self.table.setModel(self.model)
        configure_rupture_table(self.table)
        self.table.setColumnHidden(CLIENT_COLUMN, True)
        self.empty_state = QLabel(_NO_ENTRIES)
        self.empty_state.setObjectName("emptyState")
        self.empty_state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_state.setWordWrap(True)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty_state)
        self.details = QLabel(_CHOOSE_ONE)
        self.details.setObjectName("ruptureDetails")
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self._build_layout()

        self.kind_filter.currentIndexChanged.connect(self.refresh)
        self.outcome_filter.currentIndexChanged.connect(self.refresh)
        self.new_button.clicked.connect(self._new)
        self.edit_button.clicked.connect(self._edit_selected)
        self.table.activated.connect(self._edit_at)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._selection_changed()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        needed = sum(
            w.sizeHint().width() + 12
            for w in (self.kind_filter, self.outcome_filter, self.edit_button, self.new_button)
        )
        row, column = (0, 3) if event.size().width() >= needed else (1, 0)
        self._filters.removeItem(self._actions)
        self._filters.addLayout(self._actions, row, column, 1, 4 if row else 1)

    def _build_layout(self) -> None:
        # Filters and actions wrap onto two rows when the record pane is narrow (the 900-pixel
        # window), so neither filter is squeezed until its choice is cut.
        filters = QGridLayout()
        filters.addWidget(self.kind_filter, 0, 0)
        filters.addWidget(self.outcome_filter, 0, 1)
        filters.setColumnStretch(2, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.edit_button)
        actions.addWidget(self.new_button)
        self._filters, self._actions = filters, actions
        filters.addLayout(actions, 0, 3)
        details_scroll = QScrollArea()
        details_scroll.setWidgetResizable(True)
        details_scroll.setObjectName("ruptureDetailsScroll")
        details_scroll.setWidget(self.details)
        # It scrolls, so in a short window it may shrink to a line and leave the log its rows.
        details_scroll.setMinimumHeight(40)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.list_stack)
        self.splitter.addWidget(details_scroll)
        # The log gets the larger share: in a short window an even split left room for its
        # header alone, while the details pane scrolls.
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([300, 200])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(private_note())
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)

    # Public

    def show_client(self, client_id: int | None) -> None:
        self._client_id = client_id
        self.new_button.setEnabled(client_id is not None)
        if client_id is None:
            self.model.set_rows([])
            self._selection_changed()
            return
        self.refresh()

    def refresh(self, *_signal_args: object, select_id: int | None = None) -> None:
        client_id = self._client_id
        if client_id is None:
            return
        keep = select_id if select_id is not None else self.selected_rupture_id()
        kind = self.kind_filter.currentData()
        outcome = self.outcome_filter.currentData()
        practice = self._practice

        def load() -> tuple[list[RuptureEntry], dt.date]:
            entries = practice.ruptures.log(
                client_id,
                RuptureKind(kind) if kind else None,
                RepairOutcome(outcome) if outcome else None,
            )
            return entries, practice.today()

        self._tasks.submit(load, lambda loaded: self._show(client_id, loaded, keep))

    def set_date_style(self, style: DateStyle) -> None:
        self._date_style = style
        self.model.set_date_style(style)

    @property
    def client_id(self) -> int | None:
        return self._client_id

    @property
    def loaded_client_id(self) -> int | None:
        return self._loaded_for

    def shown_entries(self) -> list[RuptureEntry]:
        return [self.model.row_at(row).entry for row in range(self.model.rowCount())]

    def selected_entry(self) -> RuptureEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()).entry if rows else None

    def selected_rupture_id(self) -> int | None:
        entry = self.selected_entry()
        return entry.id if entry else None

    def select_rupture(self, rupture_id: int) -> bool:
        row = self.model.row_of(rupture_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, DATE_COLUMN))
        return True

    # Internals

    def _show(
        self,
        client_id: int,
        loaded: tuple[list[RuptureEntry], dt.date],
        keep: int | None,
    ) -> None:
        if client_id != self._client_id:
            return  # the client changed while this was loading
        entries, today = loaded
        self.model.set_rows([RuptureRow.from_log(entry, today) for entry in entries])
        self._loaded_for = client_id
        filtering = self.kind_filter.currentIndex() > 0 or self.outcome_filter.currentIndex() > 0
        self.empty_state.setText(_NO_MATCH if filtering else _NO_ENTRIES)
        self.list_stack.setCurrentWidget(self.table if entries else self.empty_state)
        if keep is None or not self.select_rupture(keep):
            self._selection_changed()

    def _selection_changed(self, *_signal_args: object) -> None:
        entry = self.selected_entry()
        self.edit_button.setEnabled(entry is not None)
        if entry is None:
            self.details.setText(_CHOOSE_ONE)
            return
        self.details.setText(self._details_html(entry, None))
        practice = self._practice
        self._tasks.submit(
            lambda: practice.ruptures.alliance_around(entry),
            lambda around: self._show_around(entry, around),
        )

    def _show_around(self, entry: RuptureEntry, around: Around) -> None:
        if self.selected_rupture_id() == entry.id:
            self.details.setText(self._details_html(entry, around))

    def _details_html(self, entry: RuptureEntry, around: Around | None) -> str:
        style = self._date_style
        text = html.escape
        parts = [
            f"<p><b>{entry.kind.label} rupture, {short_date(entry.occurred_on, style)}</b><br>"
            f"Significance {significance_text(entry.significance)} · raised by "
            f"{RAISED_BY_WORDS[entry.raised_by].lower()}</p>"
        ]
        if entry.markers:
            parts.append(
                "<p><b>Markers seen</b><br>" + "<br>".join(f"• {text(m)}" for m in entry.markers)
            )
        if entry.note:
            parts.append(f"<p><b>Note</b><br>{text(entry.note).replace(chr(10), '<br>')}</p>")
        for group in RepairGroup:
            tried = [r for r in entry.repairs if r.strategy.group is group]
            if tried:
                lines = [
                    f"• {text(r.strategy.label)}" + (f" — {text(r.note)}" if r.note else "")
                    for r in tried
                ]
                parts.append(f"<p><b>{group.value.capitalize()} repair</b><br>{'<br>'.join(lines)}")
        follow_up = ""
        if entry.follow_up_on:
            follow_up = f" · follow-up {short_date(entry.follow_up_on, style)}"
        parts.append(f"<p><b>Outcome:</b> {outcome_text(entry.outcome)}{follow_up}</p>")
        if around is None:
            parts.append("<p><b>Alliance check-ins around it</b><br>Loading…</p>")
        else:
            before, after = around
            parts.append(
                "<p><b>Alliance check-ins around it</b><br>"
                f"Before: {text(check_in_text(before, style))}<br>"
                f"On or after: {text(check_in_text(after, style))}</p>"
            )
        return "".join(parts)

    def _new(self) -> None:
        if self._client_id is not None:
            emit(self.new_rupture_requested, self._client_id)

    def _edit_selected(self) -> None:
        rupture_id = self.selected_rupture_id()
        if rupture_id is not None:
            emit(self.edit_rupture_requested, rupture_id)

    def _edit_at(self, index: QModelIndex) -> None:
        rupture_id = self.model.row_at(index.row()).entry.id
        if rupture_id is not None:
            emit(self.edit_rupture_requested, rupture_id)
