"""The landing page: today's date, a greeting, and the clients currently being seen."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.domain.client import ClientStatus, ClientSummary
from alliance_desktop.domain.practice_profile import DateStyle, PracticeProfile
from alliance_desktop.services import Practice
from alliance_desktop.ui.date_formats import long_date, short_date
from alliance_desktop.ui.signal_emit import emit
from alliance_desktop.ui.tasks import TaskRunner
from alliance_desktop.ui.views.alliance_flags_card import AllianceFlagsCard
from alliance_desktop.ui.views.today_sessions import TodaySessionsCard
from alliance_desktop.ui.widgets.backup_status_line import BackupStatusLine
from alliance_desktop.ui.widgets.growing_list import GrowingList
from alliance_desktop.ui.widgets.two_line_delegate import DETAIL_ROLE, TwoLineDelegate

# Clients the clinician is seeing now; ended and handed-over clients stay in Clients.
CURRENT_STATUSES = (ClientStatus.INTAKE, ClientStatus.ACTIVE, ClientStatus.ENDING)


def greeting(now: dt.datetime, clinician_name: str) -> str:
    if now.hour < 12:
        part = "Good morning"
    elif now.hour < 18:
        part = "Good afternoon"
    else:
        part = "Good evening"
    return f"{part}, {clinician_name}" if clinician_name else part


class TodayView(QWidget):
    client_chosen = Signal(int)
    new_client_requested = Signal()
    profile_requested = Signal()
    loaded = Signal()  # greeting, sessions and clients shown; the flags are still coming

    def __init__(
        self, practice: Practice, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._practice = practice
        self._tasks = tasks
        self._date_style = DateStyle.DAY_MONTH_YEAR

        self.greeting = QLabel()
        self.greeting.setObjectName("pageTitle")
        self.date_label = QLabel()
        self.date_label.setObjectName("pageSubtitle")

        self.sessions_card = TodaySessionsCard(practice, tasks)

        # A new vault has no profile yet: the greeting and every letterhead would be blank.
        self.profile_prompt = QFrame()
        self.profile_prompt.setObjectName("card")
        prompt_text = QLabel(
            "<b>Welcome. Start with your practice profile.</b><br>Your name, credentials and "
            "practice details appear in the greeting here and on every page you print."
        )
        prompt_text.setWordWrap(True)
        self.profile_button = QPushButton("Set up the practice profile…")
        self.profile_button.setObjectName("primary")
        prompt_row = QHBoxLayout(self.profile_prompt)
        prompt_row.addWidget(prompt_text, 1)
        prompt_row.addWidget(self.profile_button)
        self.profile_prompt.hide()

        self.alliance_flags = AllianceFlagsCard(practice, tasks)

        self.clients_title = QLabel("Clients you are seeing")
        self.clients_title.setObjectName("sectionTitle")
        self.client_list = GrowingList()
        self.client_list.setObjectName("todayClients")
        self.client_list.setAccessibleName("Clients you are seeing")
        self.client_list.setItemDelegate(TwoLineDelegate(self.client_list))
        self.client_list.setCursor(Qt.CursorShape.PointingHandCursor)
        self.client_list.setToolTip("Click a client to open their record")
        self.empty_note = QLabel(
            "No clients in intake, active work or ending yet.\n"
            "Add your first client to get started."
        )
        self.empty_note.setObjectName("emptyState")
        self.empty_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.new_client_button = QPushButton("New client")
        self.new_client_button.setObjectName("primary")
        self.client_stack = QStackedWidget()
        self.backup_status = BackupStatusLine()  # filled by the window's safekeeping
        self.client_stack.addWidget(self.client_list)
        empty_page = QWidget()
        empty_layout = QVBoxLayout(empty_page)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_note)
        empty_layout.addWidget(self.new_client_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(1)
        self.client_stack.addWidget(empty_page)

        header = QVBoxLayout()
        header.setSpacing(2)
        header.addWidget(self.greeting)
        header.addWidget(self.date_label)
        title_row = QHBoxLayout()
        title_row.addWidget(self.clients_title)
        title_row.addStretch(1)
        # The page scrolls as a whole, so no card is squeezed until its text is cut off, and
        # no list inside it scrolls on its own.
        content = QWidget()
        content.setObjectName("todayContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(14)
        layout.addLayout(header)
        layout.addWidget(self.profile_prompt)
        layout.addWidget(self.backup_status)
        layout.addWidget(self.sessions_card)
        layout.addWidget(self.alliance_flags)
        layout.addLayout(title_row)
        layout.addWidget(self.client_stack)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("todayScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self.client_list.itemClicked.connect(self._open_item)
        self.client_list.itemActivated.connect(self._open_item)
        self.new_client_button.clicked.connect(self.new_client_requested)
        self.profile_button.clicked.connect(self.profile_requested)
        self.alliance_flags.client_chosen.connect(self.client_chosen)

    def set_date_style(self, style: DateStyle) -> None:
        if style == self._date_style:
            return  # nothing to redraw (Today takes the style from the profile it loads)
        self._date_style = style
        self.refresh()

    def refresh(self) -> None:
        self.sessions_card.refresh()
        practice = self._practice
        self._tasks.submit(
            lambda: (practice.profile(), practice.client_summaries(), practice.today()),
            self._show,
        )

    def client_ids(self) -> list[int]:
        return [
            self.client_list.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.client_list.count())
        ]

    def _show(self, loaded: tuple[PracticeProfile, list[ClientSummary], dt.date]) -> None:
        profile, summaries, today = loaded
        self._date_style = profile.date_style
        self.greeting.setText(greeting(dt.datetime.now(), profile.clinician_name))
        self.profile_prompt.setVisible(not profile.clinician_name.strip())
        self.date_label.setText(long_date(today, self._date_style))
        current = [s for s in summaries if not s.archived and s.status in CURRENT_STATUSES]
        self.client_list.clear()
        for summary in current:
            since = short_date(summary.start_date, self._date_style)
            detail = f"{summary.status.label} · since {since}" if since else summary.status.label
            item = QListWidgetItem(summary.display_name)
            item.setData(Qt.ItemDataRole.UserRole, summary.id)
            item.setData(DETAIL_ROLE, detail)
            item.setToolTip(f"Open {summary.display_name}'s record")
            self.client_list.addItem(item)
        self.clients_title.setText(
            f"Clients you are seeing ({len(current)})" if current else "Clients you are seeing"
        )
        self.client_stack.setCurrentIndex(0 if current else 1)
        self.client_list.fit_rows()
        self.alliance_flags.show_flags_for(self.client_ids())
        emit(self.loaded)

    def _open_item(self, item: QListWidgetItem) -> None:
        emit(self.client_chosen, item.data(Qt.ItemDataRole.UserRole))
