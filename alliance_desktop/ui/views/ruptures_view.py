"""The practice-wide Ruptures page: every rupture not yet resolved, follow-ups that are due."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
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
from alliance_desktop.services import Practice
from alliance_desktop.services.rupture_log import OpenRupture
from alliance_desktop.ui.models.rupture_table_model import (
    CLIENT_COLUMN,
    RAISED_BY_COLUMN,
    RuptureRow,
    RuptureTableModel,
)
from alliance_desktop.ui.rupture_wording import private_note
from alliance_desktop.ui.signal_emit import emit
from alliance_desktop.ui.tasks import TaskRunner
from alliance_desktop.ui.views.client_tabs.ruptures_tab import configure_rupture_table

# True whether or not any rupture was ever logged (it must not claim "all resolved" to a
# clinician who has logged none).
_NOTHING_OPEN = (
    "No open ruptures for the clients you are seeing.\nWhen the alliance strains, log it "
    "from the client's Ruptures tab; it stays here until it is resolved."
)
_NO_FOLLOW_UPS = "No follow-ups are due."


class RupturesView(QWidget):
    rupture_chosen = Signal(int)
    client_chosen = Signal(int)

    def __init__(
        self, practice: Practice, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._practice = practice
        self._tasks = tasks
        self._found: list[OpenRupture] = []
        self._loaded = False

        self.title = QLabel("Ruptures & repair")
        self.title.setObjectName("pageTitle")
        self.summary = QLabel()
        self.summary.setObjectName("pageSubtitle")
        self.explanation = QLabel(
            "Ruptures not yet resolved, for the clients you are seeing (intake, active or "
            "ending), oldest first. Double-click one to open the entry."
        )
        self.explanation.setObjectName("quietNote")
        self.explanation.setWordWrap(True)
        self.due_only = QCheckBox("Only follow-ups due")
        self.open_entry_button = QPushButton("Open entry…")
        self.open_client_button = QPushButton("Open client")

        self.model = RuptureTableModel(self)
        self.table = QTableView()
        self.table.setAccessibleName("Open ruptures")
        self.table.setModel(self.model)
        configure_rupture_table(self.table)
        self.table.setColumnHidden(RAISED_BY_COLUMN, True)
        self.table.horizontalHeader().setSectionResizeMode(
            CLIENT_COLUMN, QHeaderView.ResizeMode.Stretch
        )
        self.table.horizontalHeader().setStretchLastSection(False)
        self.empty_state = QLabel(_NOTHING_OPEN)
        self.empty_state.setObjectName("emptyState")
        self.empty_state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_state.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_state)

        title_row = QHBoxLayout()
        title_row.addWidget(self.title)
        title_row.addSpacing(12)
        title_row.addWidget(self.summary, 0, Qt.AlignmentFlag.AlignBottom)
        title_row.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.due_only)
        actions.addStretch(1)
        actions.addWidget(self.open_client_button)
        actions.addWidget(self.open_entry_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(10)
        layout.addLayout(title_row)
        layout.addWidget(self.explanation)
        layout.addWidget(private_note())
        layout.addLayout(actions)
        layout.addWidget(self.stack, 1)

        self.due_only.toggled.connect(self._apply_filter)
        self.open_entry_button.clicked.connect(self._open_entry)
        self.open_client_button.clicked.connect(self._open_client)
        self.table.activated.connect(self._open_entry_at)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def refresh(self) -> None:
        self._tasks.submit(self._practice.ruptures.open_ruptures, self._show)

    def set_date_style(self, style: DateStyle) -> None:
        self.model.set_date_style(style)

    @property
    def is_loaded(self) -> bool:
        return self._loaded

    def shown_rows(self) -> list[RuptureRow]:
        return [self.model.row_at(row) for row in range(self.model.rowCount())]

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _show(self, found: list[OpenRupture]) -> None:
        self._found = found
        self._loaded = True
        due = sum(1 for item in found if item.follow_up_due)
        noun = "rupture" if len(found) == 1 else "ruptures"
        text = f"{len(found)} open {noun}"
        if due:
            text += f" · {due} follow-up{'s' if due != 1 else ''} due"
        self.summary.setText(text if found else "")
        self._apply_filter()

    def _apply_filter(self, *_signal_args: object) -> None:
        keep = self._selected_row()
        chosen = [f for f in self._found if f.follow_up_due or not self.due_only.isChecked()]
        self.model.set_rows([RuptureRow.from_open(item) for item in chosen])
        self.empty_state.setText(_NO_FOLLOW_UPS if self.due_only.isChecked() else _NOTHING_OPEN)
        self.stack.setCurrentWidget(self.table if chosen else self.empty_state)
        if keep is not None and keep.entry.id is not None:
            row = self.model.row_of(keep.entry.id)
            if row is not None:
                self.table.selectRow(row)
        self._update_buttons()

    def _selected_row(self) -> RuptureRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self, *_signal_args: object) -> None:
        chosen = self._selected_row() is not None
        self.open_entry_button.setEnabled(chosen)
        self.open_client_button.setEnabled(chosen)

    def _open_entry(self) -> None:
        row = self._selected_row()
        if row is not None and row.entry.id is not None:
            emit(self.rupture_chosen, row.entry.id)

    def _open_entry_at(self, index: QModelIndex) -> None:
        rupture_id = self.model.row_at(index.row()).entry.id
        if rupture_id is not None:
            emit(self.rupture_chosen, rupture_id)

    def _open_client(self) -> None:
        row = self._selected_row()
        if row is not None:
            emit(self.client_chosen, row.entry.client_id)
