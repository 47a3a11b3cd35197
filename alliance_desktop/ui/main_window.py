"""The main window: navigation on the left, one page at a time on the right."""

from __future__ import annotations

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
from alliance_desktop.ui.client_editing import ClientEditing
from alliance_desktop.ui.continuity_work import ContinuityWork
from alliance_desktop.ui.dialogs.help_dialogs import (
    KeyboardShortcutsDialog,
    UserGuideDialog,
    menu_bar_actions,
)
from alliance_desktop.ui.dialogs.practice_profile_dialog import PracticeProfileDialog
from alliance_desktop.ui.handover_work import Handovers
from alliance_desktop.ui.report_request import ReportKind
from alliance_desktop.ui.retention_work import RetentionWork
from alliance_desktop.ui.risk_wiring import RiskViews
from alliance_desktop.ui.rupture_editing import RuptureEditing
from alliance_desktop.ui.session_editing import SessionEditing
from alliance_desktop.ui.settings import MAIN_WINDOW_GEOMETRY, MAIN_WINDOW_STATE, app_settings
from alliance_desktop.ui.tasks import TaskRunner
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
from alliance_desktop.ui.views.today_view import TodayView

# (title, icon file) in navigation order; View menu shortcuts Ctrl+1.. follow this order.
PAGES = (
    ("Today", "nav-today.svg"),
    ("Clients", "nav-clients.svg"),
    ("Calendar", "nav-calendar.svg"),
    ("Goals", "nav-goals.svg"),
    ("Ruptures", "nav-ruptures.svg"),
    ("Reports", "nav-reports.svg"),
)
TODAY_PAGE, CLIENTS_PAGE = 0, 1
BUSY_BAR_DELAY_MS = 250
UNDO_OFFER_MS = 12_000


def _icon(name: str) -> QIcon:
    try:
        return QIcon(str(resource_path(f"icons/{name}")))
    except FileNotFoundError:
        return QIcon()


FIRST_WINDOW_SIZE = QSize(1180, 760)


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
        # Qt adds the application's display name: "practice.vault — Alliance Desktop".
        self.setWindowTitle(practice.vault_path.name)
        self.setMinimumSize(900, 600)

        # Named children first ...
        self.menu_actions = create_actions(self, [title for title, _ in PAGES])
        self.navigation = QListWidget()
        self.navigation.setAccessibleName("Pages")
        self.navigation.setObjectName("navigation")
        self.navigation.setIconSize(QSize(20, 20))
        self.navigation.setFixedWidth(190)
        for title, icon_file in PAGES:
            self.navigation.addItem(QListWidgetItem(_icon(icon_file), title))
        self.pages = QStackedWidget()
        self.today_view = TodayView(practice, tasks)
        self.clients_view = ClientsView(practice, tasks)
        self.session_editing = SessionEditing(practice, tasks, self)
        self.calendar_view = CalendarView(practice, tasks, self.session_editing)
        self.goals_view = GoalsPage(practice, tasks)
        self.ruptures_view = RupturesView(practice, tasks)
        self.reports_view = ReportsPage(practice, tasks)
        for page in (
            self.today_view,
            self.clients_view,
            self.calendar_view,
            self.goals_view,
            self.ruptures_view,
            self.reports_view,
        ):
            self.pages.addWidget(page)
        self.client_editing = ClientEditing(practice, tasks, self)
        self.sessions_tab = SessionsTab(practice, tasks, self.session_editing)
        self.clients_view.overview.add_tab(self.sessions_tab, "Sessions")
        self.goals_tab = GoalsTab(practice, tasks)
        self.clients_view.overview.add_tab(self.goals_tab, "Goals")
        # Ruptures and the alliance: flags above the client's tabs (seen first, whichever tab
        # is open), the timeline and the private rupture log as tabs.
        self.rupture_editing = RuptureEditing(practice, tasks, self)
        self.client_flags = AllianceFlagsCard(
            practice, tasks, for_one_client=True, shown_at_first=2
        )
        self.alliance_tab = AllianceTab(practice, tasks)
        self.ruptures_tab = RupturesTab(practice, tasks)
        self.handovers = Handovers(practice, tasks, self)
        self.handover_panel = HandoverPanel(practice, tasks)
        self.retention = RetentionWork(practice, tasks, self)
        self.continuity = ContinuityWork(practice, tasks, self)
        self.clients_view.overview.add_beside_name(self.handover_panel)
        self.clients_view.overview.add_to_header(self.client_flags)
        self.clients_view.overview.add_tab(self.alliance_tab, "Alliance")
        self.clients_view.overview.add_tab(self.ruptures_tab, "Ruptures")
        self.ending_tab = EndingTab(practice, tasks)
        self.clients_view.overview.add_tab(self.ending_tab, "Ending")
        self.risk_views = RiskViews(self, practice, tasks)
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

        self._build_layout()
        self._wire_signals()

        self._restore_window_layout()
        self.show_page(TODAY_PAGE)
        self._load_profile()
        self.clients_view.refresh()

    def _build_layout(self) -> None:
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        build_menus(self.menuBar(), self.menu_actions)
        self.statusBar().addPermanentWidget(self.undo_button)
        self.statusBar().addPermanentWidget(self.busy_bar)
        self.statusBar().addPermanentWidget(self.vault_label)

    def _wire_signals(self) -> None:
        # ... then every connection in one place.
        actions = self.menu_actions
        actions.new_client.triggered.connect(self.client_editing.new_client)
        actions.practice_profile.triggered.connect(self.edit_practice_profile)
        actions.quit.triggered.connect(self.close)
        actions.find_client.triggered.connect(self.find_client)
        for number, action in enumerate(actions.show_page):
            action.triggered.connect(lambda _checked=False, page=number: self.show_page(page))
        actions.about.triggered.connect(self.show_about)
        self.today_view.profile_requested.connect(self.edit_practice_profile)
        actions.user_guide.triggered.connect(lambda: UserGuideDialog(self).exec())
        actions.keyboard_shortcuts.triggered.connect(
            lambda: KeyboardShortcutsDialog(menu_bar_actions(self.menuBar()), self).exec()
        )

        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)

        self.today_view.client_chosen.connect(self.open_client)
        self.today_view.new_client_requested.connect(self.client_editing.new_client)
        self.clients_view.new_client_requested.connect(self.client_editing.new_client)
        self.clients_view.edit_client_requested.connect(self.client_editing.edit_client)
        self.clients_view.archive_requested.connect(self.client_editing.archive_client)
        self.clients_view.restore_requested.connect(self.client_editing.restore_client)
        self.client_editing.client_saved.connect(self._client_saved)
        self.client_editing.status_message.connect(self._show_status)
        sessions = self.session_editing
        actions.new_session.triggered.connect(lambda: sessions.new_session())
        actions.export_calendar.triggered.connect(lambda: self.calendar_view.export_calendar())
        sessions.bind_undo_actions(actions.undo, actions.redo)
        self.undo_button.clicked.connect(actions.undo.trigger)
        self.undo_button.clicked.connect(self.undo_button.hide)
        self._undo_offer.timeout.connect(self.undo_button.hide)
        sessions.undo_stack.indexChanged.connect(self._offer_undo)
        sessions.sessions_changed.connect(self.today_view.sessions_card.refresh)
        sessions.status_message.connect(self._show_status)
        self.calendar_view.status_message.connect(self._show_status)
        self.today_view.sessions_card.session_chosen.connect(sessions.open_session)
        self.today_view.sessions_card.status_chosen.connect(sessions.set_status)
        self.goals_tab.board_requested.connect(self.open_goal_board)
        self.goals_view.board.editing.status_message.connect(self._show_status)
        self.goals_tab.review_requested.connect(
            lambda client_id: self.open_report(client_id, ReportKind.GOAL_REVIEW)
        )
        self.ending_tab.report_requested.connect(self.open_report)
        self.ending_tab.plan_saved.connect(lambda _plan: self._show_status("Ending plan saved."))
        self.reports_view.status_message.connect(self._show_status)
        self.reports_view.ending_tab_requested.connect(self.open_client_ending)

        editing = self.rupture_editing
        actions.alliance_thresholds.triggered.connect(editing.edit_thresholds)
        self.ruptures_tab.new_rupture_requested.connect(editing.new_rupture)
        self.ruptures_tab.edit_rupture_requested.connect(editing.edit_rupture)
        self.alliance_tab.rupture_chosen.connect(editing.edit_rupture)
        self.client_flags.rupture_chosen.connect(editing.edit_rupture)
        self.client_flags.client_chosen.connect(
            lambda _client_id: self.clients_view.overview.show_tab("Alliance")
        )
        self.client_flags.thresholds_requested.connect(editing.edit_thresholds)
        self.client_flags.ending_requested.connect(
            lambda _client_id: self.clients_view.overview.show_tab("Ending")
        )
        self.today_view.alliance_flags.rupture_chosen.connect(editing.edit_rupture)
        self.today_view.alliance_flags.thresholds_requested.connect(editing.edit_thresholds)
        # An acknowledgement made on one card changes the other's count and list.
        self.today_view.alliance_flags.flags_changed.connect(self.client_flags.refresh)
        self.client_flags.flags_changed.connect(self.today_view.alliance_flags.refresh)
        self.ruptures_view.rupture_chosen.connect(editing.edit_rupture)
        self.ruptures_view.client_chosen.connect(self.open_client_ruptures)
        self.navigation.currentRowChanged.connect(self._page_shown)
        editing.rupture_saved.connect(self._rupture_saved)
        editing.thresholds_saved.connect(self._alliance_thresholds_saved)
        editing.status_message.connect(self._show_status)
        # A check-in saved with a session moves the timeline and may raise or clear a flag.
        self.session_editing.sessions_changed.connect(self._alliance_data_changed)

        handovers = self.handovers
        actions.hand_over.triggered.connect(
            lambda: handovers.hand_over(self.clients_view.overview.client_id)
        )
        actions.import_handover.triggered.connect(handovers.import_handover)
        self.handover_panel.hand_over_requested.connect(handovers.hand_over)
        self.handover_panel.undo_requested.connect(handovers.undo)
        handovers.client_changed.connect(self._handover_changed)
        handovers.client_imported.connect(self._handover_imported)
        handovers.status_message.connect(self._show_status)
        actions.records_retention.triggered.connect(self.retention.open)
        self.retention.client_erased.connect(self._client_erased)
        self.retention.status_message.connect(self._show_status)
        actions.continuity_package.triggered.connect(self.continuity.open_dialog)
        actions.open_continuity_package.triggered.connect(self.continuity.open_package_dialog)
        self.continuity.status_message.connect(self._show_status)

        self._tasks.busy_changed.connect(self._busy_changed)
        self._busy_delay.timeout.connect(lambda: self.busy_bar.setVisible(self._tasks.is_busy))
        self._tasks.set_default_error_handler(
            lambda error: messages.show_error(self, "Something went wrong", error)
        )

    # Pages

    def show_page(self, page: int) -> None:
        self.navigation.setCurrentRow(page)

    def current_page(self) -> QWidget | None:
        return self.pages.currentWidget()

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
        self._tasks.submit(self._practice.profile, self._use_profile)

    def _use_profile(self, profile: PracticeProfile) -> None:
        self._profile = profile
        self.client_editing.date_style = profile.date_style
        self.clients_view.set_date_style(profile.date_style)
        self.today_view.set_date_style(profile.date_style)
        self.session_editing.date_style = profile.date_style
        self.calendar_view.date_style = profile.date_style
        self.sessions_tab.set_date_style(profile.date_style)
        self.goals_view.set_date_style(profile.date_style)
        self.goals_tab.date_style = profile.date_style
        self.rupture_editing.date_style = profile.date_style
        self.ruptures_view.set_date_style(profile.date_style)
        self.ruptures_tab.set_date_style(profile.date_style)
        self.alliance_tab.set_date_style(profile.date_style)
        self.handovers.date_style = profile.date_style
        self.retention.date_style = profile.date_style
        self.handover_panel.date_style = profile.date_style
        self.ending_tab.set_date_style(profile.date_style)
        self.risk_views.set_date_style(profile.date_style)
        self.reports_view.set_date_style(profile.date_style)

    def edit_practice_profile(self) -> None:
        self._tasks.submit(self._practice.profile, self._open_profile_dialog)

    def _open_profile_dialog(self, profile: PracticeProfile) -> None:
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
        self.ruptures_view.refresh()  # a client's status decides whether their ruptures show

    def _handover_changed(self, client: Client) -> None:
        """Handed over, or the handover undone: the list, the header and the panel follow."""
        self._client_saved(client)
        if client.id is not None and self.clients_view.overview.client_id == client.id:
            self.clients_view.overview.show_client(client.id)

    def _client_erased(self, _client_id: int) -> None:
        """A record deleted for good after its retention period: no page may keep showing it."""
        self.clients_view.refresh()
        self.today_view.refresh()
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

    def _page_shown(self, page: int) -> None:
        if self.pages.widget(page) is self.ruptures_view:
            self.ruptures_view.refresh()

    def _rupture_saved(self, entry: RuptureEntry) -> None:
        if self.clients_view.overview.client_id == entry.client_id:
            self.ruptures_tab.refresh(select_id=entry.id)
            self.alliance_tab.refresh()
            self.client_flags.refresh()
        self.ruptures_view.refresh()
        self.today_view.refresh()

    def _alliance_thresholds_saved(self, _thresholds: AllianceThresholds) -> None:
        self.client_flags.refresh()
        self.today_view.alliance_flags.refresh()

    def _alliance_data_changed(self) -> None:
        if self.clients_view.overview.client_id is not None:
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
        settings = app_settings()
        settings.setValue(MAIN_WINDOW_GEOMETRY, self.saveGeometry())
        settings.setValue(MAIN_WINDOW_STATE, self.saveState())
        settings.sync()
        super().closeEvent(event)
