"""Risk, safety plan and boundaries in the main window: the Risk tab, the header card, and
where the risk and consent flags lead. Kept apart from main_window.py, which builds one
`RiskViews` after the client's other tabs."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from alliance_desktop.domain.alliance_flags import FlagKind
from alliance_desktop.domain.boundaries import ClientBoundaries
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.services import Practice
from alliance_desktop.ui import messages
from alliance_desktop.ui.dialogs.boundaries_dialog import BoundariesDialog
from alliance_desktop.ui.risk_wording import RISK_TAB, tab_for
from alliance_desktop.ui.tasks import TaskRunner
from alliance_desktop.ui.views.client_tabs.risk_tab import RiskTab
from alliance_desktop.ui.views.risk_header_card import RiskHeaderCard

if TYPE_CHECKING:
    from alliance_desktop.ui.main_window import MainWindow
    from alliance_desktop.ui.views.client_overview import ClientOverview


class RiskViews:
    def __init__(
        self,
        window: MainWindow,
        overview: ClientOverview,
        practice: Practice,
        tasks: TaskRunner,
    ) -> None:
        self._window = window
        self._practice = practice
        self._tasks = tasks
        self._style = DateStyle.DAY_MONTH_YEAR
        self.tab = RiskTab(practice, tasks)
        self.header = RiskHeaderCard(practice, tasks)
        overview.add_to_header(self.header)
        overview.add_tab(self.tab, RISK_TAB)

        self.tab.report_requested.connect(window.open_report)
        self.tab.risk_changed.connect(self._risk_changed)
        self.header.risk_tab_requested.connect(lambda _id: overview.show_tab(RISK_TAB))
        self.header.boundaries_requested.connect(self.edit_boundaries)
        # Today's card is wired by the window (it exists before the client's record is built).
        window.client_flags.risk_chosen.connect(self.open_flag)

    def set_date_style(self, style: DateStyle) -> None:
        self._style = style
        self.tab.set_date_style(style)
        self.header.set_date_style(style)

    def edit_boundaries(self, client_id: int) -> None:
        """Load the versions, let the clinician edit with the client, save a new version."""
        practice = self._practice

        def load() -> tuple[list[ClientBoundaries], dt.date]:
            return practice.boundaries.history(client_id), practice.today()

        def edit(loaded: tuple[list[ClientBoundaries], dt.date]) -> None:
            history, today = loaded
            edited = BoundariesDialog.edit(self._window, client_id, history, today, self._style)
            if edited is None:
                return
            self._tasks.submit(
                lambda: practice.boundaries.save(edited),
                lambda _saved: self.header.refresh(),
                lambda error: messages.show_error(
                    self._window, "The boundaries were not saved", error
                ),
            )

        self._tasks.submit(load, edit)

    def _risk_changed(self, _client_id: int) -> None:
        self.header.refresh()
        self._window.client_flags.refresh()
        self._window.today_view.alliance_flags.refresh()

    def open_flag(self, client_id: int, kind: FlagKind) -> None:
        self._window.open_client(client_id)
        self._window.clients_view.overview.show_tab(tab_for(kind))
