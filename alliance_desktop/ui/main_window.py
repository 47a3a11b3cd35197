"""The main window: navigation on the left, one page at a time on the right."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property, partial
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QCloseEvent, QIcon
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from alliance_desktop import APP_NAME, __version__
from alliance_desktop.domain.alliance_flags import AllianceThresholds
from alliance_desktop.domain.client import Client
from alliance_desktop.domain.practice_profile import DateStyle, PracticeProfile
from alliance_desktop.domain.rupture import RuptureEntry
from alliance_desktop.resource_paths import resource_path
from alliance_desktop.services import Practice
from alliance_desktop.ui import messages
from alliance_desktop.ui.actions import build_menus, create_actions
from alliance_desktop.ui.dialogs.help_dialogs import (
    KeyboardShortcutsDialog,
    UserGuideDialog,
    menu_bar_actions,
)
from alliance_desktop.ui.report_request import ReportKind
from alliance_desktop.ui.settings import MAIN_WINDOW_GEOMETRY, MAIN_WINDOW_STATE, app_settings
from alliance_desktop.ui.tasks import TaskRunner
from alliance_desktop.ui.views.today_view import TodayView
from alliance_desktop.ui.warm_up import WarmUp
from alliance_desktop.ui.window_room import WindowRoom

# Everything but Today is built (and its module imported) the first time it is shown or asked
# for: the attributes below marked `cached_property`. The window then appears as soon as Today
# is ready (DESIGN.md, "Performance targets"); after Today is shown their modules load, and the
# pages are built, in idle moments (warm_up.py). tests/ui/test_start_imports.py keeps them out
# of the start.
if TYPE_CHECKING:
    from alliance_desktop.ui.client_editing import ClientEditing
    from alliance_desktop.ui.continuity_work import ContinuityWork
    from alliance_desktop.ui.handover_work import Handovers
    from alliance_desktop.ui.retention_work import RetentionWork
    from alliance_desktop.ui.risk_wiring import RiskViews
    from alliance_desktop.ui.rupture_editing import RuptureEditing
    from alliance_desktop.ui.session_editing import SessionEditing
    from alliance_desktop.ui.views.alliance_flags_card import AllianceFlagsCard
    from alliance_desktop.ui.views.calendar_view import CalendarView
    from alliance_desktop.ui.views.client_tabs.alliance_tab import AllianceTab
    from alliance_desktop.ui.views.client_tabs.ending_tab import EndingTab
    from alliance_desktop.ui.views.client_tabs.goals_tab import GoalsTab
    from alliance_desktop.ui.views.client_tabs.ruptures_tab import RupturesTab
    from alliance_desktop.ui.views.client_tabs.sessions_tab import SessionsTab
    from alliance_desktop.ui.views.clients_view import ClientsView
    from alliance_desktop.ui.views.goals.goals_page import GoalsPage
    from alliance_desktop.ui.views.handover_panel import HandoverPanel
    from alliance_desktop.ui.views.reports.reports_page import ReportsPage
    from alliance_desktop.ui.views.ruptures_view import RupturesView

# (title, icon file, the attribute holding the page) in navigation order; View menu shortcuts
# Ctrl+1.. follow this order. A new page: one line here and a `cached_property` that builds it.
PAGES = (
    ("Today", "nav-today.svg", "today_view"),
    ("Clients", "nav-clients.svg", "clients_view"),
    ("Calendar", "nav-calendar.svg", "calendar_view"),
    ("Goals", "nav-goals.svg", "goals_view"),
    ("Ruptures", "nav-ruptures.svg", "ruptures_view"),
    ("Reports", "nav-reports.svg", "reports_view"),
)
TODAY_PAGE, CLIENTS_PAGE = 0, 1
BUSY_BAR_DELAY_MS = 250
UNDO_OFFER_MS = 12_000
FIRST_WINDOW_SIZE = QSize(1180, 760)
Part = TypeVar("Part")
Tab = TypeVar("Tab", bound=QWidget)


def _icon(name: str) -> QIcon:
    try:
        return QIcon(str(resource_path(f"icons/{name}")))
    except FileNotFoundError:
        return QIcon()


def first_window_size(available: QSize) -> QSize:
    """1180×760 where it fits; on a smaller screen (a 1280×720 laptop) most of what there is,
    never below the window's minimum."""
    width = min(FIRST_WINDOW_SIZE.width(), int(available.width() * 0.95))
    height = min(FIRST_WINDOW_SIZE.height(), int(available.height() * 0.92))
    return QSize(max(width, 900), max(height, 600))


class MainWindow(QMainWindow):
    def __init__(
        self, practice: Practice, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._practice = practice
        self._tasks = tasks
        self._profile = PracticeProfile()
        # Copying a handover password: the app session's clipboard guard, when there is one.
        self.copy_text: Callable[[str], None] | None = None
        # Qt adds the application's display name: "practice.vault — Alliance Desktop".
        self.setWindowTitle(practice.vault_path.name)
        self.setMinimumSize(900, 600)

        # Named children first ...
        self.menu_actions = create_actions(self, [title for title, *_ in PAGES])
        self.navigation = QListWidget()
        self.navigation.setAccessibleName("Pages")
        self.navigation.setObjectName("navigation")
        self.navigation.setIconSize(QSize(20, 20))
        for title, icon_file, _attribute in PAGES:
            self.navigation.addItem(QListWidgetItem(_icon(icon_file), title))
        self.pages = QStackedWidget()
        self.today_view = TodayView(practice, tasks)
        self.pages.addWidget(self.today_view)
        for _page in PAGES[1:]:
            self.pages.addWidget(QWidget())  # holds the page's place until it is first shown
        self.vault_label = QLabel(f"Vault: {practice.vault_path}")
        self.vault_label.setObjectName("vaultLabel")
        self.vault_label.setToolTip("The encrypted file holding this practice's records")
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setFixedWidth(120)
        self.busy_bar.setMaximumHeight(10)
        self.busy_bar.setToolTip("Working with the vault…")
        self.busy_bar.hide()
        # After a one-click change (a No-show from Today, a move), Undo is right there for a
        # while, not only in the Edit menu.
        self.undo_button = QPushButton("Undo")
        self.undo_button.setObjectName("quickAction")
        self.undo_button.hide()
        self._undo_offer = QTimer(self)
        self._undo_offer.setSingleShot(True)
        self._undo_offer.setInterval(UNDO_OFFER_MS)
        self._undo_index = 0
        # Most vault calls take milliseconds; only show the bar for ones the eye would notice,
        # so saving does not make the status bar flicker.
        self._busy_delay = QTimer(self)
        self._busy_delay.setSingleShot(True)
        self._busy_delay.setInterval(BUSY_BAR_DELAY_MS)

        # After Today, in idle moments: the modules, then the parts built on first use, but for
        # the client tabs (a built tab loads its records whenever a client is opened, so each
        # waits for its first visit; opening a client stays quick).
        self.warm_up = WarmUp(
            tasks, self, [partial(getattr, self, name) for name in _LAZY_PARTS if not _is_tab(name)]
        )

        self._build_layout()
        self._wire_signals()

        self._restore_window_layout()
        self.show_page(TODAY_PAGE)
        self._load_profile()

    def _build_layout(self) -> None:
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.room = WindowRoom(self, self.navigation, self.pages)
        build_menus(self.menuBar(), self.menu_actions)
        self.statusBar().addPermanentWidget(self.undo_button)
        self.statusBar().addPermanentWidget(self.busy_bar)
        self.statusBar().addPermanentWidget(self.vault_label)

    def _wire_signals(self) -> None:
        # ... then every connection in one place (those of a part built later, where it is
        # built). Lambdas reach the parts built on first use only when they are needed.
        actions = self.menu_actions
        actions.new_client.triggered.connect(lambda: self.client_editing.new_client())
        actions.practice_profile.triggered.connect(self.edit_practice_profile)
        actions.quit.triggered.connect(self.close)
        actions.find_client.triggered.connect(self.find_client)
        for number, action in enumerate(actions.show_page):
            action.triggered.connect(lambda _checked=False, page=number: self.show_page(page))
        actions.about.triggered.connect(self.show_about)
        actions.user_guide.triggered.connect(lambda: UserGuideDialog(self).exec())
        actions.keyboard_shortcuts.triggered.connect(
            lambda: KeyboardShortcutsDialog(menu_bar_actions(self.menuBar()), self).exec()
        )
        self.today_view.profile_requested.connect(self.edit_practice_profile)

        self.navigation.currentRowChanged.connect(self._page_chosen)

        self.today_view.client_chosen.connect(self.open_client)
        self.today_view.loaded.connect(self.warm_up.start)
        self.today_view.new_client_requested.connect(lambda: self.client_editing.new_client())
        actions.new_session.triggered.connect(lambda: self.session_editing.new_session())
        actions.export_calendar.triggered.connect(lambda: self.calendar_view.export_calendar())
        # Nothing to undo until a session has been edited (the editing binds them then).
        actions.undo.setEnabled(False)
        actions.redo.setEnabled(False)
        today_sessions = self.today_view.sessions_card
        today_sessions.session_chosen.connect(lambda *a: self.session_editing.open_session(*a))
        today_sessions.status_chosen.connect(lambda *a: self.session_editing.set_status(*a))

        actions.alliance_thresholds.triggered.connect(
            lambda: self.rupture_editing.edit_thresholds()
        )
        flags = self.today_view.alliance_flags
        flags.rupture_chosen.connect(lambda entry_id: self.rupture_editing.edit_rupture(entry_id))
        flags.thresholds_requested.connect(lambda: self.rupture_editing.edit_thresholds())
        # An acknowledgement made on Today changes the client's card, when it is built.
        flags.flags_changed.connect(
            lambda: self.client_flags.refresh() if self.is_built("client_flags") else None
        )
        flags.risk_chosen.connect(lambda *a: self.risk_views.open_flag(*a))
        self.undo_button.clicked.connect(actions.undo.trigger)
        self.undo_button.clicked.connect(self.undo_button.hide)
        self._undo_offer.timeout.connect(self.undo_button.hide)
        actions.records_retention.triggered.connect(lambda: self.retention.open())
        actions.continuity_package.triggered.connect(lambda: self.continuity.open_dialog())
        actions.open_continuity_package.triggered.connect(
            lambda: self.continuity.open_package_dialog()
        )

        actions.hand_over.triggered.connect(
            lambda: self.handovers.hand_over(self._shown_client_id())
        )
        actions.import_handover.triggered.connect(lambda: self.handovers.import_handover())

        self._tasks.busy_changed.connect(self._busy_changed)
        self._busy_delay.timeout.connect(lambda: self.busy_bar.setVisible(self._tasks.is_busy))
        self._tasks.set_default_error_handler(
            lambda error: messages.show_error(self, "Something went wrong", error)
        )

    # Parts built on first use: each builds, wires and styles itself.

    def is_built(self, name: str) -> bool:
        """Whether the part (page, client tab, editing helper) called `name` exists yet."""
        return name in self.__dict__ or name == "today_view"

    def _built_parts(self) -> list[Any]:
        return [getattr(self, name) for name in _LAZY_PARTS if name in self.__dict__]

    def _styled(self, part: Part) -> Part:
        """Give a newly built part the practice's date style."""
        _apply_date_style(part, self.date_style)
        return part

    def _install_page(self, name: str, page: QWidget) -> QWidget:
        index = [attribute for *_, attribute in PAGES].index(name)
        placeholder = self.pages.widget(index)
        self.pages.insertWidget(index, page)
        if placeholder is not None:
            self.pages.removeWidget(placeholder)
            placeholder.deleteLater()
        return page

    @cached_property
    def clients_view(self) -> ClientsView:
        from alliance_desktop.ui.views.clients_view import ClientsView

        view = ClientsView(self._practice, self._tasks)
        view.new_client_requested.connect(lambda: self.client_editing.new_client())
        view.edit_client_requested.connect(lambda *a: self.client_editing.edit_client(*a))
        view.archive_requested.connect(lambda *a: self.client_editing.archive_client(*a))
        view.restore_requested.connect(lambda *a: self.client_editing.restore_client(*a))
        self._install_page("clients_view", self._styled(view))
        # Ruptures and the alliance: flags above the client's tabs (seen first, whichever tab
        # is open), the timeline and the private rupture log as tabs.
        overview = view.overview
        overview.add_beside_name(self.handover_panel)
        overview.add_to_header(self.client_flags)
        overview.add_tab_on_first_visit("Sessions", lambda: self.sessions_tab)
        overview.add_tab_on_first_visit("Goals", lambda: self.goals_tab)
        overview.add_tab_on_first_visit("Alliance", lambda: self.alliance_tab)
        overview.add_tab_on_first_visit("Ruptures", lambda: self.ruptures_tab)
        overview.add_tab_on_first_visit("Ending", lambda: self.ending_tab)
        from alliance_desktop.ui.risk_wiring import RiskViews

        # The Risk tab and the risk and boundaries card, built with the record they belong to.
        self.__dict__["risk_views"] = self._styled(
            RiskViews(self, overview, self._practice, self._tasks)
        )
        view.refresh()
        return view

    @cached_property
    def calendar_view(self) -> CalendarView:
        from alliance_desktop.ui.views.calendar_view import CalendarView

        view = CalendarView(self._practice, self._tasks, self.session_editing)
        view.status_message.connect(self._show_status)
        self._install_page("calendar_view", self._styled(view))
        return view

    @cached_property
    def goals_view(self) -> GoalsPage:
        from alliance_desktop.ui.views.goals.goals_page import GoalsPage

        view = GoalsPage(self._practice, self._tasks)
        view.board.editing.status_message.connect(self._show_status)
        self._install_page("goals_view", self._styled(view))
        return view

    @cached_property
    def ruptures_view(self) -> RupturesView:
        from alliance_desktop.ui.views.ruptures_view import RupturesView

        view = RupturesView(self._practice, self._tasks)
        view.rupture_chosen.connect(lambda entry_id: self.rupture_editing.edit_rupture(entry_id))
        view.client_chosen.connect(self.open_client_ruptures)
        self._install_page("ruptures_view", self._styled(view))
        return view

    @cached_property
    def reports_view(self) -> ReportsPage:
        from alliance_desktop.ui.views.reports.reports_page import ReportsPage

        view = ReportsPage(self._practice, self._tasks)
        view.status_message.connect(self._show_status)
        view.ending_tab_requested.connect(self.open_client_ending)
        self._install_page("reports_view", self._styled(view))
        return view

    # The client's record: header widgets built with the Clients page, tabs on first visit
    # (registered in `clients_view`; a tab's attribute builds it, in its place, and returns it).

    def _in_tab(self, title: str, tab: Tab) -> Tab:
        self.clients_view.overview.place_tab(title, tab)
        return tab

    @cached_property
    def handover_panel(self) -> HandoverPanel:
        from alliance_desktop.ui.views.handover_panel import HandoverPanel

        panel = HandoverPanel(self._practice, self._tasks)
        panel.hand_over_requested.connect(lambda *a: self.handovers.hand_over(*a))
        panel.undo_requested.connect(lambda *a: self.handovers.undo(*a))
        return self._styled(panel)

    @cached_property
    def client_flags(self) -> AllianceFlagsCard:
        from alliance_desktop.ui.views.alliance_flags_card import AllianceFlagsCard

        card = AllianceFlagsCard(self._practice, self._tasks, for_one_client=True, shown_at_first=2)
        card.rupture_chosen.connect(lambda entry_id: self.rupture_editing.edit_rupture(entry_id))
        card.client_chosen.connect(
            lambda _client_id: self.clients_view.overview.show_tab("Alliance")
        )
        card.thresholds_requested.connect(lambda: self.rupture_editing.edit_thresholds())
        card.ending_requested.connect(
            lambda _client_id: self.clients_view.overview.show_tab("Ending")
        )
        # An acknowledgement made on one card changes the other's count and list.
        card.flags_changed.connect(self.today_view.alliance_flags.refresh)
        return card

    @cached_property
    def sessions_tab(self) -> SessionsTab:
        from alliance_desktop.ui.views.client_tabs.sessions_tab import SessionsTab

        tab = SessionsTab(self._practice, self._tasks, self.session_editing)
        return self._in_tab("Sessions", self._styled(tab))

    @cached_property
    def goals_tab(self) -> GoalsTab:
        from alliance_desktop.ui.views.client_tabs.goals_tab import GoalsTab

        tab = GoalsTab(self._practice, self._tasks)
        tab.board_requested.connect(self.open_goal_board)
        tab.review_requested.connect(
            lambda client_id: self.open_report(client_id, ReportKind.GOAL_REVIEW)
        )
        return self._in_tab("Goals", self._styled(tab))

    @cached_property
    def alliance_tab(self) -> AllianceTab:
        from alliance_desktop.ui.views.client_tabs.alliance_tab import AllianceTab

        tab = AllianceTab(self._practice, self._tasks)
        tab.rupture_chosen.connect(lambda entry_id: self.rupture_editing.edit_rupture(entry_id))
        return self._in_tab("Alliance", self._styled(tab))

    @cached_property
    def ruptures_tab(self) -> RupturesTab:
        from alliance_desktop.ui.views.client_tabs.ruptures_tab import RupturesTab

        tab = RupturesTab(self._practice, self._tasks)
        tab.new_rupture_requested.connect(lambda *a: self.rupture_editing.new_rupture(*a))
        tab.edit_rupture_requested.connect(lambda *a: self.rupture_editing.edit_rupture(*a))
        return self._in_tab("Ruptures", self._styled(tab))

    @cached_property
    def ending_tab(self) -> EndingTab:
        from alliance_desktop.ui.views.client_tabs.ending_tab import EndingTab

        tab = EndingTab(self._practice, self._tasks)
        tab.report_requested.connect(self.open_report)
        tab.plan_saved.connect(lambda _plan: self._show_status("Ending plan saved."))
        return self._in_tab("Ending", self._styled(tab))

    # Editing helpers: their dialogs load with the first edit.

    @cached_property
    def client_editing(self) -> ClientEditing:
        from alliance_desktop.ui.client_editing import ClientEditing

        editing = ClientEditing(self._practice, self._tasks, self)
        editing.client_saved.connect(self._client_saved)
        editing.status_message.connect(self._show_status)
        return self._styled(editing)

    @cached_property
    def session_editing(self) -> SessionEditing:
        from alliance_desktop.ui.session_editing import SessionEditing

        editing = SessionEditing(self._practice, self._tasks, self)
        editing.bind_undo_actions(self.menu_actions.undo, self.menu_actions.redo)
        editing.undo_stack.indexChanged.connect(self._offer_undo)
        editing.sessions_changed.connect(self.today_view.sessions_card.refresh)
        editing.status_message.connect(self._show_status)
        # A check-in saved with a session moves the timeline and may raise or clear a flag.
        editing.sessions_changed.connect(self._alliance_data_changed)
        return self._styled(editing)

    @cached_property
    def rupture_editing(self) -> RuptureEditing:
        from alliance_desktop.ui.rupture_editing import RuptureEditing

        editing = RuptureEditing(self._practice, self._tasks, self)
        editing.rupture_saved.connect(self._rupture_saved)
        editing.thresholds_saved.connect(self._alliance_thresholds_saved)
        editing.status_message.connect(self._show_status)
        return self._styled(editing)

    @cached_property
    def handovers(self) -> Handovers:
        from alliance_desktop.ui.handover_work import Handovers

        handovers = Handovers(self._practice, self._tasks, self)
        handovers.client_changed.connect(self._handover_changed)
        handovers.client_imported.connect(self._handover_imported)
        handovers.status_message.connect(self._show_status)
        if self.copy_text is not None:
            handovers.copy_text = self.copy_text
        return self._styled(handovers)

    @cached_property
    def risk_views(self) -> RiskViews:
        self.clients_view  # noqa: B018  builds them with the client's record
        views: RiskViews = self.__dict__["risk_views"]
        return views

    @cached_property
    def retention(self) -> RetentionWork:
        from alliance_desktop.ui.retention_work import RetentionWork

        work = RetentionWork(self._practice, self._tasks, self)
        work.client_erased.connect(self._client_erased)
        work.status_message.connect(self._show_status)
        return self._styled(work)

    @cached_property
    def continuity(self) -> ContinuityWork:
        from alliance_desktop.ui.continuity_work import ContinuityWork

        work = ContinuityWork(self._practice, self._tasks, self)
        work.status_message.connect(self._show_status)
        return work

    # Pages

    def show_page(self, page: int) -> None:
        self.navigation.setCurrentRow(page)

    def _page_chosen(self, page: int) -> None:
        if page < 0:
            return
        shown = getattr(self, PAGES[page][2])  # built now if this is its first visit
        self.pages.setCurrentIndex(page)
        if self.is_built("ruptures_view") and shown is self.ruptures_view:
            self.ruptures_view.refresh()

    def current_page(self) -> QWidget | None:
        return self.pages.currentWidget()

    def _shown_client_id(self) -> int | None:
        return self.clients_view.overview.client_id if self.is_built("clients_view") else None

    def open_client(self, client_id: int) -> None:
        """Show the client's overview beside the client list."""
        self.show_page(CLIENTS_PAGE)
        if not self.clients_view.select_client(client_id):
            self.clients_view.overview.show_client(client_id)

    def find_client(self) -> None:
        self.show_page(CLIENTS_PAGE)
        self.clients_view.focus_search()

    def open_goal_board(self, client_id: int, goal_id: int | None = None) -> None:
        """The client's goal board at full width, on the Goals page."""
        self.show_page(self.pages.indexOf(self.goals_view))
        self.goals_view.show_board(client_id, goal_id)

    def open_report(self, client_id: int, kind: ReportKind) -> None:
        """The Reports page, with this client and report chosen and its preview coming."""
        self.show_page(self.pages.indexOf(self.reports_view))
        self.reports_view.open_report(client_id, kind)

    # Practice profile

    @property
    def date_style(self) -> DateStyle:
        return self._profile.date_style

    def _load_profile(self) -> None:
        # Today first, in the very first tasks: it loads the profile with its own records, and
        # redraws only if the date style differs from the one it started with.
        self.today_view.refresh()
        self._tasks.submit(self._practice.profile, self._use_profile)

    def _use_profile(self, profile: PracticeProfile) -> None:
        self._profile = profile
        self.today_view.set_date_style(profile.date_style)
        for part in self._built_parts():  # the rest take it when they are built
            _apply_date_style(part, profile.date_style)

    def edit_practice_profile(self) -> None:
        self._tasks.submit(self._practice.profile, self._open_profile_dialog)

    def _open_profile_dialog(self, profile: PracticeProfile) -> None:
        from alliance_desktop.ui.dialogs.practice_profile_dialog import PracticeProfileDialog

        edited = PracticeProfileDialog.edit(self, profile)
        if edited is None:
            return

        def saved(profile: PracticeProfile) -> None:
            self._use_profile(profile)
            self.today_view.refresh()  # the greeting, and the first-run prompt goes
            self._show_status("Practice profile saved.")

        self._tasks.submit(
            lambda: self._practice.save_profile(edited),
            saved,
            lambda error: messages.show_error(self, "Nothing was saved", error),
        )

    # Clients

    def _client_saved(self, client: Client) -> None:
        self.clients_view.refresh(select_id=client.id)
        self.today_view.refresh()
        if self.is_built("ruptures_view"):  # a client's status decides whether theirs show
            self.ruptures_view.refresh()

    def _handover_changed(self, client: Client) -> None:
        """Handed over, or the handover undone: the list, the header and the panel follow."""
        self._client_saved(client)
        if client.id is not None and self._shown_client_id() == client.id:
            self.clients_view.overview.show_client(client.id)

    def _client_erased(self, _client_id: int) -> None:
        """A record deleted for good after its retention period: no page may keep showing it."""
        if self.is_built("clients_view"):
            self.clients_view.refresh()
        self.today_view.refresh()
        if self.is_built("ruptures_view"):
            self.ruptures_view.refresh()

    def _handover_imported(self, client: Client) -> None:
        self._client_saved(client)
        if client.id is not None:
            self.open_client(client.id)

    # Ruptures and the alliance

    def open_client_ending(self, client_id: int) -> None:
        self.open_client(client_id)
        self.clients_view.overview.show_tab("Ending")

    def open_client_ruptures(self, client_id: int) -> None:
        self.open_client(client_id)
        self.clients_view.overview.show_tab("Ruptures")

    def _rupture_saved(self, entry: RuptureEntry) -> None:
        if self._shown_client_id() == entry.client_id:
            if self.is_built("ruptures_tab"):
                self.ruptures_tab.refresh(select_id=entry.id)
            if self.is_built("alliance_tab"):
                self.alliance_tab.refresh()
            self.client_flags.refresh()
        if self.is_built("ruptures_view"):
            self.ruptures_view.refresh()
        self.today_view.refresh()

    def _alliance_thresholds_saved(self, _thresholds: AllianceThresholds) -> None:
        if self.is_built("client_flags"):
            self.client_flags.refresh()
        self.today_view.alliance_flags.refresh()

    def _alliance_data_changed(self) -> None:
        if self._shown_client_id() is not None:
            if self.is_built("alliance_tab"):
                self.alliance_tab.refresh()
            self.client_flags.refresh()
        self.today_view.alliance_flags.refresh()

    # Window

    def _busy_changed(self, busy: bool) -> None:
        if busy:
            self._busy_delay.start()
        else:
            self._busy_delay.stop()
            self.busy_bar.hide()

    def _offer_undo(self, index: int) -> None:
        """A change was just made (the stack grew): offer its Undo for a few seconds."""
        grew, self._undo_index = index > self._undo_index, index
        stack = self.session_editing.undo_stack
        if not grew or not stack.canUndo():
            return
        self.undo_button.setText(f"Undo {stack.undoText()}")
        self.undo_button.show()
        self._undo_offer.start()

    def _show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 6000)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            f"About {APP_NAME}",
            f"<h3>{APP_NAME} {__version__}</h3>"
            "<p>For therapists in private practice: clients, goals, ruptures and repair, "
            "and the working alliance, kept in one encrypted file on this computer.</p>"
            f"<p>Open vault:<br>{self._practice.vault_path}</p>",
        )

    def _restore_window_layout(self) -> None:
        settings = app_settings()
        geometry = settings.value(MAIN_WINDOW_GEOMETRY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(first_window_size(self.screen().availableGeometry().size()))
        state = settings.value(MAIN_WINDOW_STATE)
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.warm_up.stop()  # nothing more is built for a window that is going (a lock, quit)
        settings = app_settings()
        settings.setValue(MAIN_WINDOW_GEOMETRY, self.saveGeometry())
        settings.setValue(MAIN_WINDOW_STATE, self.saveState())
        settings.sync()
        super().closeEvent(event)


# Every part built on first use, in the order they are defined (pages, the client's record,
# editing helpers): the warm-up builds them in this order.
_LAZY_PARTS = tuple(
    name for name, member in vars(MainWindow).items() if isinstance(member, cached_property)
)


def _is_tab(name: str) -> bool:
    return name.endswith("_tab")


def _apply_date_style(part: Any, style: DateStyle) -> None:
    """Pages and tabs take `set_date_style` (they redraw); helpers have a `date_style`."""
    setter = getattr(part, "set_date_style", None)
    if callable(setter):
        setter(style)
    elif hasattr(part, "date_style"):
        part.date_style = style
