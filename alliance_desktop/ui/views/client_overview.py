"""One client at a glance, beside the client list: a header and a tab per part of the work.

Later parts of the app add their own tab with `add_tab`, or with `add_tab_on_first_visit` to
build it only when the clinician first opens it (so the app starts and the first client opens
without paying for every tab); each tab is a QWidget with a `show_client(client_id: int | None)`
method that loads what it shows through the worker.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.domain.client import Client
from alliance_desktop.services import Practice
from alliance_desktop.ui.tasks import TaskRunner
from alliance_desktop.ui.views.client_tabs.profile_tab import ProfileTab

_CHOOSE_A_CLIENT = "Choose a client on the left to see their record."


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

        record = QWidget()
        header = QHBoxLayout()
        names = QVBoxLayout()
        names.setSpacing(2)
        names.addWidget(self.name_label)
        names.addWidget(self.details_label)
        header.addLayout(names, 1)
        record_layout = QVBoxLayout(record)
        record_layout.setContentsMargins(0, 0, 0, 0)
        record_layout.addLayout(header)
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
        self._record_layout.insertWidget(self._record_layout.indexOf(self.tabs), widget)
        self._header_widgets.append(widget)
        if self._client_id is not None:
            cast(ClientTab, widget).show_client(self._client_id)

    def show_tab(self, title: str) -> None:
        for index in range(self.tabs.count()):
            if self.tabs.tabText(index) == title:
                self.tabs.setCurrentIndex(index)

    def show_client(self, client_id: int | None) -> None:
        self._client_id = client_id
        if client_id is None:
            self.stack.setCurrentIndex(0)
        else:
            self._tasks.submit(lambda: self._practice.client(client_id), self._show_header)
        for index in range(self.tabs.count()):
            cast(ClientTab, self.tabs.widget(index)).show_client(client_id)
        for widget in self._header_widgets:
            cast(ClientTab, widget).show_client(client_id)

    def _show_header(self, client: Client) -> None:
        if client.id != self._client_id:
            return  # the selection moved on while this was loading
        self.name_label.setText(client.display_name)
        parts = [client.status.label]
        if client.pronouns:
            parts.append(client.pronouns)
        if client.is_archived:
            parts.append("archived")
        self.details_label.setText(" · ".join(parts))
        self.stack.setCurrentIndex(1)
