"""Start the desktop app: QApplication, the unlock window, then the main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from alliance_desktop import APP_NAME, __version__
from alliance_desktop.resource_paths import resource_path
from alliance_desktop.services import Practice
from alliance_desktop.services.vault_locations import default_vault_path
from alliance_desktop.ui.dialogs.unlock_dialog import UnlockDialog
from alliance_desktop.ui.main_window import MainWindow
from alliance_desktop.ui.settings import (
    ORGANISATION_DOMAIN,
    ORGANISATION_NAME,
    remembered_vault_path,
)
from alliance_desktop.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

STYLE_SHEET = "styles/light.qss"
APP_ICON = "icons/alliance-desktop.svg"


class AppSession(QObject):
    """One run of the app: unlock, then the main window; closes the vault at the end."""

    ended_before_unlock = Signal()

    def __init__(
        self, vault_path: Path | None = None, prefilled_passphrase: str | None = None
    ) -> None:
        super().__init__()
        self.tasks = TaskRunner(self)
        self.practice: Practice | None = None
        self.main_window: MainWindow | None = None
        path = vault_path or remembered_vault_path() or default_vault_path()
        self.unlock_dialog = UnlockDialog(self.tasks, path, prefilled_passphrase)
        self.unlock_dialog.unlocked.connect(self._open_main_window)
        self.unlock_dialog.rejected.connect(self.ended_before_unlock)

    def start(self) -> None:
        self.unlock_dialog.show()

    def _open_main_window(self, practice: Practice) -> None:
        self.practice = practice
        self.main_window = MainWindow(practice, self.tasks)
        self.main_window.show()

    def finish(self) -> None:
        """Let queued writes finish, then close the vault (checkpointing its journal)."""
        if not self.tasks.wait_until_idle():
            log.error("The database worker did not finish in time; closing anyway.")
        # A vault opened just as the unlock window was closed has its result still queued;
        # deliver it, so the abandoned vault is closed (on the worker) rather than left open.
        QCoreApplication.sendPostedEvents(self.tasks)
        self.tasks.wait_until_idle()
        if self.practice is not None and self.practice.is_open:
            self.practice.close()


def load_style_sheet() -> str:
    """The light theme, with its image URLs pointed at wherever the icons are installed."""
    sheet = resource_path(STYLE_SHEET).read_text(encoding="utf-8")
    icons = resource_path(APP_ICON).parent.as_posix()
    return sheet.replace("@icons@", icons)


def configure_application(app: QApplication) -> None:
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(ORGANISATION_NAME)
    app.setOrganizationDomain(ORGANISATION_DOMAIN)
    app.setDesktopFileName("alliance-desktop")
    # Fusion draws the same everywhere, so the style sheet looks as designed on every OS.
    app.setStyle("Fusion")
    try:
        app.setWindowIcon(QIcon(str(resource_path(APP_ICON))))
        app.setStyleSheet(load_style_sheet())
    except FileNotFoundError as missing:
        # A broken install should still open the clinician's records, just plainer.
        log.warning("%s", missing)


def run_gui(vault_path: Path | None = None, prefilled_passphrase: str | None = None) -> int:
    """Show the unlock window, then the main window; return the exit code."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    configure_application(app)
    session = AppSession(vault_path, prefilled_passphrase)
    session.ended_before_unlock.connect(app.quit)
    session.start()
    try:
        return app.exec()
    finally:
        session.finish()
