"""One client at a glance, beside the client list: a header and a tab per part of the work.

Later parts of the app add their own tab with `add_tab`, or with `add_tab_on_first_visit` to
build it only when the clinician first opens it (so the app starts and the first client opens
without paying for every tab); each tab is a QWidget with a `show_client(client_id: int | None)`
method that loads what it shows through the worker.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, cast

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from alliance_desktop.domain.client import Client
from alliance_desktop.domain.retention import RetentionEntry
from alliance_desktop.services import Practice
from alliance_desktop.ui.tasks import TaskRunner
from alliance_desktop.ui.views.client_tabs.profile_tab import ProfileTab

_CHOOSE_A_CLIENT = "Choose a client on the left to see their record."
_NO_CLIENTS_YET = "A client's record shows here once you have added them with New client."


class ClientTab(Protocol):
    def show_client(self, client_id: int | None) -> None: ...


class _TabOnFirstVisit(QWidget):
    """Stands in a tab's place until the tab is first shown, then holds it. Only the client
    shown is remembered meanwhile, so a tab nobody opens loads nothing."""

    def __init__(self, build: Callable[[], QWidget]) -> None:
        super().__init__()
        self._build = build
        self._client_id: int | None = None
        self.tab: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def built(self) -> QWidget:
        if self.tab is None:
            self.hold(self._build())
        assert self.tab is not None
        return self.tab

    def hold(self, tab: QWidget) -> None:
        """Show `tab` here (`build` may hand it over itself, before it returns)."""
        if self.tab is not None:
            return
        self.tab = tab
        cast(QVBoxLayout, self.layout()).addWidget(tab)
        if self._client_id is not None:
            cast(ClientTab, tab).show_client(self._client_id)

    def show_client(self, client_id: int | None) -> None:
        self._client_id = client_id
        if self.tab is not None:
            cast(ClientTab, self.tab).show_client(client_id)


class ClientOverview(QWidget):
    def __init__(
        self, practice: Practice, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._practice = practice
        self._tasks = tasks
        self._client_id: int | None = None

        self.name_label = QLabel()
        self.name_label.setObjectName("sectionTitle")
        self.name_label.setWordWrap(True)
        self.details_label = QLabel()
        self.details_label.setObjectName("quietNote")
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.profile_tab = ProfileTab(practice, tasks)
        self.tabs.addTab(self.profile_tab, "Profile")
        self.empty_state = QLabel(_CHOOSE_A_CLIENT)
        self.empty_state.setObjectName("emptyState")
        self.empty_state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_state.setWordWrap(True)

        record = QWidget()
        header = QHBoxLayout()
        names = QVBoxLayout()
        names.setSpacing(2)
        names.addWidget(self.name_label)
        names.addWidget(self.details_label)
        header.addLayout(names, 1)
        self._header_row = header
        # What a clinician should see first (flags, risk, boundaries) sits above the tabs but
        # never takes more than a share of the height: on a 720-pixel screen the tabs (the
        # Ending form, the session list) keep most of the room, and the notices scroll.
        self._notices = QWidget()
        self._notices.setObjectName("clientNotices")
        self._notices_layout = QVBoxLayout(self._notices)
        self._notices_layout.setContentsMargins(0, 0, 0, 0)
        self.notices_area = QScrollArea()
        self.notices_area.setObjectName("clientNoticesArea")
        self.notices_area.setWidgetResizable(True)
        self.notices_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.notices_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.notices_area.setWidget(self._notices)
        self.notices_area.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._notices.installEventFilter(self)
        record_layout = QVBoxLayout(record)
        record_layout.setContentsMargins(0, 0, 0, 0)
        record_layout.addLayout(header)
        record_layout.addWidget(self.notices_area)
        record_layout.addWidget(self.tabs, 1)
        self._record_layout = record_layout
        self._header_widgets: list[QWidget] = []
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_state)
        self.stack.addWidget(record)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.tabs.currentChanged.connect(self._build_if_new)

    @property
    def client_id(self) -> int | None:
        return self._client_id

    def add_tab(self, tab: QWidget, title: str) -> None:
        """Add a part of the record; the tab must have `show_client(client_id)`."""
        self.tabs.addTab(tab, title)
        if self._client_id is not None:
            cast(ClientTab, tab).show_client(self._client_id)

    def add_tab_on_first_visit(self, title: str, build: Callable[[], QWidget]) -> None:
        """Add a part of the record that `build()` makes the first time it is shown (or asked
        for with `tab(title)`); what it returns must have `show_client(client_id)`."""
        self.tabs.addTab(_TabOnFirstVisit(build), title)

    def tab(self, title: str) -> QWidget:
        """The tab called `title`, built now if it was waiting for its first visit."""
        widget = self._tab_widget(title)
        return widget.built() if isinstance(widget, _TabOnFirstVisit) else widget

    def place_tab(self, title: str, tab: QWidget) -> None:
        """Put `tab`, built elsewhere before its first visit, where `title` waits for it."""
        widget = self._tab_widget(title)
        if isinstance(widget, _TabOnFirstVisit):
            widget.hold(tab)

    def _tab_widget(self, title: str) -> QWidget:
        for index in range(self.tabs.count()):
            widget = self.tabs.widget(index)
            if self.tabs.tabText(index) == title and widget is not None:
                return widget
        raise KeyError(title)

    def _build_if_new(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if isinstance(widget, _TabOnFirstVisit):
            widget.built()

    def add_to_header(self, widget: QWidget) -> None:
        """Show `widget` under the name, above the tabs, whichever tab is open (for what a
        clinician should see first); it must have `show_client(client_id)`."""
        self._notices_layout.addWidget(widget)
        self._follow_client(widget)

    def add_beside_name(self, widget: QWidget) -> None:
        """A compact row (actions on the client) on the name's line, at the right."""
        self._header_row.addWidget(widget, 0, Qt.AlignmentFlag.AlignTop)
        self._follow_client(widget)

    def _follow_client(self, widget: QWidget) -> None:
        self._header_widgets.append(widget)
        if self._client_id is not None:
            cast(ClientTab, widget).show_client(self._client_id)

    NOTICES_SHARE = 0.28  # of the overview's height, at most

    def notices_cap(self) -> int:
        # Not less in a short window either: the risk line sits under the flags, and it is
        # what a clinician must see first (a smaller share hid it at 900×600).
        return max(96, int(self.height() * self.NOTICES_SHARE))

    def _fit_notices(self) -> None:
        if not isValid(self._notices):
            return  # the overview is being torn down (a lock)
        wanted = self._notices.sizeHint().height()
        cap = self.notices_cap()
        self.notices_area.setFixedHeight(min(wanted, cap))
        self.notices_area.setVisible(wanted > 0 and self._notices_layout.count() > 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._notices and event.type() == QEvent.Type.LayoutRequest:
            QTimer.singleShot(0, self, self._fit_notices)  # dropped if the overview goes
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_notices()

    def show_tab(self, title: str) -> None:
        for index in range(self.tabs.count()):
            if self.tabs.tabText(index) == title:
                self.tabs.setCurrentIndex(index)

    def set_no_clients(self, none: bool) -> None:
        """With no client at all, "choose one on the left" would point at nothing."""
        self.empty_state.setText(_NO_CLIENTS_YET if none else _CHOOSE_A_CLIENT)

    def show_client(self, client_id: int | None) -> None:
        self._client_id = client_id
        if client_id is None:
            self.stack.setCurrentIndex(0)
        else:
            practice = self._practice
            self._tasks.submit(
                lambda: (practice.client(client_id), practice.retention.entry(client_id)),
                self._show_header,
            )
        for index in range(self.tabs.count()):
            cast(ClientTab, self.tabs.widget(index)).show_client(client_id)
        for widget in self._header_widgets:
            cast(ClientTab, widget).show_client(client_id)

    def _show_header(self, loaded: tuple[Client, RetentionEntry | None]) -> None:
        client, retention = loaded
        if client.id != self._client_id:
            return  # the selection moved on while this was loading
        self.name_label.setText(client.display_name)
        parts = [client.status.label]
        if client.pronouns:
            parts.append(client.pronouns)
        if client.is_archived:
            parts.append("archived")
        if retention is not None and retention.keep_until is not None:
            parts.append(
                "records past their retention period: review"
                if retention.past_retention
                else f"records kept until {retention.keep_until.year}"
            )
        self.details_label.setText(" · ".join(parts))
        self.stack.setCurrentIndex(1)
