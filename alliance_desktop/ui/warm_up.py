"""After Today is shown, get the rest ready in idle moments, one small step at a time while the
worker is idle: first load the modules of the pages, tabs and helpers the main window builds on
first use, then build the pages themselves (hidden; each loads its records when first shown).
A first visit then costs what any visit does (DESIGN.md, "Performance targets": page switches
<= 50 ms), and the window appears without waiting for any of it.

The module list is also what the bundle's self-test loads (`self_check.modules`).
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer

from alliance_desktop.ui.tasks import TaskRunner

LOADED_ON_FIRST_USE = (
    "alliance_desktop.ui.views.clients_view",
    "alliance_desktop.ui.views.handover_panel",
    "alliance_desktop.ui.views.client_tabs.sessions_tab",
    "alliance_desktop.ui.client_editing",
    "alliance_desktop.ui.session_editing",
    "alliance_desktop.ui.rupture_editing",
    "alliance_desktop.ui.views.calendar_view",
    "alliance_desktop.ui.views.client_tabs.goals_tab",
    "alliance_desktop.ui.views.client_tabs.alliance_tab",
    "alliance_desktop.ui.views.client_tabs.ruptures_tab",
    "alliance_desktop.ui.views.client_tabs.ending_tab",
    "alliance_desktop.ui.views.goals.goals_page",
    "alliance_desktop.ui.views.ruptures_view",
    "alliance_desktop.ui.views.reports.reports_page",
    "alliance_desktop.ui.handover_work",
    "alliance_desktop.ui.dialogs.practice_profile_dialog",
    "alliance_desktop.ui.dialogs.preferences_dialog",
)
log = logging.getLogger(__name__)

TICK_MS = 30  # between two modules: the window keeps answering clicks meanwhile


class WarmUp(QObject):
    """`build`: callables that build a part (e.g. a page) when called, run after the imports."""

    def __init__(
        self,
        tasks: TaskRunner,
        parent: QObject | None = None,
        build: Sequence[Callable[[], object]] = (),
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._waiting = list(LOADED_ON_FIRST_USE)
        self._to_build = list(build)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._load_next)

    @property
    def done(self) -> bool:
        return not self._waiting and not self._to_build

    def start(self) -> None:
        if not self.done and not self._timer.isActive():
            self._timer.start()

    def stop(self) -> None:
        """Leave the rest to be built on first use (a test that watches that happen)."""
        self._timer.stop()
        self._waiting.clear()
        self._to_build.clear()

    def _load_next(self) -> None:
        if self._tasks.is_busy:
            return  # the clinician's own work (or Today's flags) first
        if self._waiting:
            name = self._waiting.pop(0)
            try:
                importlib.import_module(name)
            except ImportError as error:  # said again, in words, when the page is opened
                log.warning("Could not load %s ahead of time: %s", name, error)
        elif self._to_build:
            self._to_build.pop(0)()
        if self.done:
            self._timer.stop()
