"""Start the desktop app: QApplication, the unlock window, then the main window."""

from __future__ import annotations

import gc
import logging
import os
import sys
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

from alliance_desktop import APP_NAME, __version__
from alliance_desktop.resource_paths import resource_path
from alliance_desktop.services.vault_locations import default_vault_path
from alliance_desktop.ui.dialogs.unlock_dialog import UnlockDialog
from alliance_desktop.ui.settings import (
    ORGANISATION_DOMAIN,
    ORGANISATION_NAME,
    continuity_folder,
    continuity_weekly,
    failed_unlocks,
    forget_failed_unlocks,
    lock_preferences,
    remember_desktop_dark,
    remembered_desktop_dark,
    remembered_vault_path,
    save_lock_preferences,
    theme_choice,
)
from alliance_desktop.ui.signal_emit import emit
from alliance_desktop.ui.tasks import TaskRunner
from alliance_desktop.ui.theme import (
    APP_ICON,
    ThemeChoice,
    apply_theme,
    dark_theme_on,
    desktop_is_dark,
)

# What only an open vault needs (drafts, backups, the calendar file, restore) loads after the
# unlock window is on screen, while the key is derived: see `_load_main_window`.
if TYPE_CHECKING:
    from alliance_desktop.services import Practice
    from alliance_desktop.ui.calendar_file_upkeep import CalendarFileUpkeep
    from alliance_desktop.ui.clipboard_guard import ClipboardGuard
    from alliance_desktop.ui.draft_book import DraftBook
    from alliance_desktop.ui.lock import IdleWatcher, Place, ScreenLockListener
    from alliance_desktop.ui.main_window import MainWindow
    from alliance_desktop.ui.safekeeping_work import SafekeepingWork

log = logging.getLogger(__name__)

UNLOCK_WINDOW_FIRST_MS = 100  # what the unlock window does not need waits this long after it


class AppSession(QObject):
    """One run of the app: unlock, the main window, locking and unlocking again; closes the
    vault at the end.

    Locking (File › Lock, no input for the idle time, the screen locking) destroys the main
    window with every record widget, model and undo stack in it, lets the database worker
    finish what was queued, records the lock, closes the vault (checkpointing its WAL) and
    drops the key; the unlock window shows meanwhile. Unlocking opens a new main window on the
    same page and client.
    """

    ended_before_unlock = Signal()
    locked = Signal()  # the vault is closed and the unlock window waits for the passphrase
    window_opened = Signal(object)  # the main window, shown after an unlock

    def __init__(
        self,
        vault_path: Path | None = None,
        prefilled_passphrase: str | None = None,
        *,
        clipboard_clear_ms: int | None = None,  # None: the guard's own 30 seconds
        screen_bus: Any = None,
    ) -> None:
        super().__init__()
        self.tasks = TaskRunner(self)
        self.practice: Practice | None = None
        self.main_window: MainWindow | None = None
        self.drafts: DraftBook | None = None  # what is typed in the open editors, kept
        self.safekeeping: SafekeepingWork | None = None
        self._after_close: Callable[[], str] | None = None  # a restore, once the vault is shut
        self.calendar_file: CalendarFileUpkeep | None = None  # lives and dies with the window
        self._closing_tasks: list[TaskRunner] = []  # workers closing a locked vault
        self._place: Place | None = None
        self._clipboard_clear_ms = clipboard_clear_ms
        self._screen_bus = screen_bus
        path = vault_path or remembered_vault_path() or default_vault_path()
        self.unlock_dialog = self._new_unlock_dialog(path, prefilled_passphrase)

    # The guards of an open vault are made once the unlock window is up (see `start`): the
    # window appears sooner without them, and nothing is open for them to guard before.
    @cached_property
    def clipboard(self) -> ClipboardGuard:
        from alliance_desktop.ui.clipboard_guard import CLEAR_AFTER_MS, ClipboardGuard

        clear_ms = self._clipboard_clear_ms
        return ClipboardGuard(CLEAR_AFTER_MS if clear_ms is None else clear_ms, self)

    @cached_property
    def idle(self) -> IdleWatcher:
        from alliance_desktop.ui.lock import IdleWatcher

        watcher = IdleWatcher(lock_preferences().idle_minutes * 60_000, self)
        watcher.idle.connect(self.lock)
        return watcher

    @cached_property
    def screen_lock(self) -> ScreenLockListener:
        from alliance_desktop.ui.lock import ScreenLockListener

        listener = ScreenLockListener(self._screen_bus, self)
        listener.enabled = lock_preferences().with_screen
        listener.screen_locked.connect(self.lock)
        return listener

    def _make_guards(self) -> None:
        _ = self.clipboard, self.idle, self.screen_lock

    def start(self) -> None:
        self.unlock_dialog.show()
        # Not needed by the unlock window (its fields are named by it), so after it appears.
        QTimer.singleShot(UNLOCK_WINDOW_FIRST_MS, _after_the_unlock_window)
        QTimer.singleShot(UNLOCK_WINDOW_FIRST_MS, self._make_guards)

    @property
    def is_locked(self) -> bool:
        return self.main_window is None

    def _new_unlock_dialog(self, path: Path, prefilled: str | None = None) -> UnlockDialog:
        dialog = UnlockDialog(self.tasks, path, prefilled)
        dialog.unlocked.connect(self._open_main_window)
        dialog.unlocking.connect(lambda: QTimer.singleShot(0, _load_main_window))
        dialog.rejected.connect(self.ended_before_unlock)
        return dialog

    def _open_main_window(self, practice: Practice) -> None:
        from alliance_desktop.ui.calendar_file_settings import calendar_file_preference
        from alliance_desktop.ui.calendar_file_upkeep import CalendarFileUpkeep
        from alliance_desktop.ui.draft_reopening import attach_drafts
        from alliance_desktop.ui.lock import return_to
        from alliance_desktop.ui.safekeeping_menu import attach_safekeeping

        self.practice = practice
        path = practice.vault_path
        window = _load_main_window()(practice, self.tasks)  # queues Today's records first
        failed = failed_unlocks(path)
        self.tasks.submit(
            lambda: practice.record_unlock(failed),
            lambda _none: forget_failed_unlocks(path),
            lambda error: log.warning("Could not record the unlock: %s", error),
        )
        self.main_window = window
        self.drafts = attach_drafts(window, practice, self.tasks)
        self.safekeeping = safekeeping = attach_safekeeping(window, practice, self.tasks)
        safekeeping.restore_requested.connect(self.restore_from)
        window.menu_actions.lock.triggered.connect(self.lock)
        window.menu_actions.preferences.triggered.connect(self.edit_preferences)
        window.copy_text = self.clipboard.copy_text  # a copied password is cleared too
        self.calendar_file = CalendarFileUpkeep(practice, self.tasks, window)
        self.calendar_file.status_message.connect(
            lambda text: window.statusBar().showMessage(text, 10_000)
        )
        self.calendar_file.apply(calendar_file_preference(path))

        if continuity_weekly() and continuity_folder():
            # The weekly package, chosen on this computer: once Today is on screen.
            def make_package_if_due() -> None:
                window.today_view.loaded.disconnect(make_package_if_due)
                QTimer.singleShot(0, window.continuity.make_if_due)

            window.today_view.loaded.connect(make_package_if_due)
        if self._place is not None:
            return_to(window, self._place)
            self._place = None
        window.show()
        self.clipboard.start()
        self.idle.start()
        self.drafts.load()  # drafts left by a lock, a quit or a crash are offered back
        safekeeping.back_up_if_due()  # the day's automatic backup, then Today's backup line
        emit(self.window_opened, window)

    def edit_preferences(self) -> None:
        from alliance_desktop.ui.calendar_file_settings import (
            calendar_file_preference,
            save_calendar_file_preference,
        )
        from alliance_desktop.ui.dialogs.preferences_dialog import PreferencesDialog

        if self.practice is None or self.calendar_file is None:
            return
        safekeeping = self.safekeeping if self.main_window is not None else None
        backups = safekeeping.backup_preferences() if safekeeping is not None else None
        vault_path = self.practice.vault_path
        edited = PreferencesDialog.edit_with_calendar_file(
            self.main_window, lock_preferences(), calendar_file_preference(vault_path), backups
        )
        if edited is None:
            return
        chosen, calendar_file = edited
        if safekeeping is not None and backups is not None and isValid(backups):
            safekeeping.save_backup_preferences(backups)
        save_lock_preferences(chosen)
        save_calendar_file_preference(vault_path, calendar_file)
        self.calendar_file.apply(calendar_file)
        self.idle.set_timeout_ms(chosen.idle_minutes * 60_000)
        self.screen_lock.enabled = chosen.with_screen

    def lock(self) -> None:
        """Close every record and the vault; show the unlock window (see the class note)."""
        from alliance_desktop.ui.lock import place_of, tear_down

        window, practice = self.main_window, self.practice
        if window is None or practice is None:
            return
        self._keep_drafts_now()  # before anything closes: the editors still hold the text
        self.safekeeping = None  # it goes with the window
        self.idle.stop()
        self.clipboard.clear_all()
        self.clipboard.stop()
        self._place = place_of(window)
        self.main_window = None
        if self.calendar_file is not None:
            self.calendar_file.flush()  # a change saved a moment ago reaches the file too
            self.calendar_file = None
        # The unlock window first: it keeps the app running when the main window closes.
        closing = self.tasks
        self.tasks = TaskRunner(self)
        previous_dialog = self.unlock_dialog
        self.unlock_dialog = self._new_unlock_dialog(practice.vault_path)
        self.unlock_dialog.set_waiting("Locking…")
        self.unlock_dialog.show()
        previous_dialog.deleteLater()
        tear_down(window)

        after, self._after_close = self._after_close, None

        from alliance_desktop.domain.audit import VaultEvent
        from alliance_desktop.ui.messages import describe_error

        def close_vault() -> tuple[str, bool] | None:
            try:
                practice.record_event(VaultEvent.LOCKED)
            finally:
                practice.close()  # checkpoints the WAL; the connection and key are dropped
            if after is None:
                return None
            try:
                return after(), False
            except Exception as error:  # said on the unlock window; the vault is unchanged
                return f"Nothing was restored: {describe_error(error)}", True

        self._closing_tasks.append(closing)
        closing.finish_with(
            close_vault,
            lambda outcome: self._vault_closed(closing, practice, outcome=outcome),
            lambda error: self._vault_closed(closing, practice, error),
        )

    def restore_from(self, backup: Path, passphrase: str) -> None:
        """Close the vault as a lock does, put the backup in its place (checked first, by the
        same service as the command line), and come back at the unlock window saying what
        happened. A refusal leaves the vault as it was."""
        from alliance_desktop.services.safekeeping import restore_vault

        if self.practice is None:
            return
        path = self.practice.vault_path

        def restore() -> str:
            replaced = restore_vault(path, backup, passphrase)
            kept = f" The vault it replaced is kept at {replaced}." if replaced else ""
            return (
                f"Restored from {backup.name}: the backup was checked in full before it was "
                f"put in place.{kept} Enter the backup's passphrase to open it."
            )

        self._after_close = restore
        self.lock()

    def _vault_closed(
        self,
        closing: TaskRunner,
        practice: Practice,
        error: Exception | None = None,
        outcome: tuple[str, bool] | None = None,
    ) -> None:
        if error is not None:
            from alliance_desktop.ui.messages import describe_error

            log.warning("Locking: %s", describe_error(error))
        if self.practice is practice:
            self.practice = None
        closing.wait_until_idle()
        if closing in self._closing_tasks:
            self._closing_tasks.remove(closing)
        closing.deleteLater()
        gc.collect()  # what the destroyed window's Python objects held goes now, not later
        self.unlock_dialog.set_waiting(None)
        if outcome is not None:
            self.unlock_dialog.show_notice(outcome[0], problem=outcome[1])
        emit(self.locked)

    def _keep_drafts_now(self) -> None:
        """Every open editor's text goes to the vault now, queued before the vault closes."""
        if self.drafts is not None:
            self.drafts.close()
            self.drafts = None

    def finish(self) -> None:
        """Let queued writes finish, then close the vault (checkpointing its journal)."""
        self._keep_drafts_now()
        if self.calendar_file is not None:
            self.calendar_file.flush()
        self.idle.stop()
        self.clipboard.clear_all()
        self.clipboard.stop()
        for runner in (*self._closing_tasks, self.tasks):
            if not runner.wait_until_idle():
                log.error("The database worker did not finish in time; closing anyway.")
            # A vault opened just as the unlock window was closed has its result still queued;
            # deliver it, so the abandoned vault is closed (on the worker) rather than left open.
            QCoreApplication.sendPostedEvents(runner)
            runner.wait_until_idle()
        if self.practice is not None and self.practice.is_open:
            self.practice.close()


def _after_the_unlock_window() -> None:
    """What the unlock window's first paint need not wait for; once, however often asked."""
    from alliance_desktop.ui.accessible_names import install_form_field_namer

    app = QApplication.instance()
    if isinstance(app, QApplication):
        follow_desktop_scheme(app)
        install_form_field_namer(app)  # its own fields are named by the unlock window


def _load_main_window() -> type[MainWindow]:
    """Import the main window (the Today page and what it needs) while the worker derives the
    key, so the window is built as soon as the vault opens; the other pages load when shown."""
    _after_the_unlock_window()
    import alliance_desktop.ui.calendar_file_upkeep
    import alliance_desktop.ui.draft_reopening
    import alliance_desktop.ui.safekeeping_menu  # noqa: F401
    from alliance_desktop.ui.main_window import MainWindow

    return MainWindow


def configure_application(app: QApplication, *, fusion_set: bool = False) -> None:
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(ORGANISATION_NAME)
    app.setOrganizationDomain(ORGANISATION_DOMAIN)
    app.setDesktopFileName("alliance-desktop")
    # Fusion draws the same everywhere, so the style sheet looks as designed on every OS.
    if not fusion_set:
        app.setStyle("Fusion")
    try:
        app.setWindowIcon(QIcon(str(resource_path(APP_ICON))))
        apply_remembered_theme(app)
    except FileNotFoundError as missing:
        # A broken install should still open the clinician's records, just plainer.
        log.warning("%s", missing)


def apply_remembered_theme(app: QApplication) -> None:
    """The chosen theme; "same as the desktop" starts from the scheme the desktop had last
    time, checked once the unlock window is up (`follow_desktop_scheme`)."""
    apply_theme(app, ThemeChoice(theme_choice()), remembered_desktop_dark())


def follow_desktop_scheme(app: QApplication) -> None:
    """Ask the desktop for its colour scheme now, re-theme if it changed since last time, and
    follow it from now on when it switches between light and dark."""
    if app.property("followsDesktopScheme"):
        return
    app.setProperty("followsDesktopScheme", True)

    def follow() -> None:
        dark = desktop_is_dark()
        if dark != remembered_desktop_dark():
            remember_desktop_dark(dark)
        if ThemeChoice(theme_choice()) is ThemeChoice.SYSTEM and dark != dark_theme_on():
            try:
                apply_theme(app, ThemeChoice.SYSTEM, dark)
            except FileNotFoundError as missing:
                log.warning("%s", missing)

    follow()
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: follow())


def run_gui(vault_path: Path | None = None, prefilled_passphrase: str | None = None) -> int:
    """Show the unlock window, then the main window; return the exit code."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
        configure_application(app)
    else:
        # Fusion given as Qt's own -style argument: setStyle afterwards would load QStyle's
        # many enums before the unlock window appears (5 ms).
        app = QApplication([*sys.argv[:1], "-style", "Fusion", *sys.argv[1:]])
        configure_application(app, fusion_set=True)
    probe = os.environ.get("ALLIANCE_STARTUP_PROBE") == "1"  # test-only: see startup_probe
    if probe:
        prefilled_passphrase = os.environ.get("ALLIANCE_PASSPHRASE", prefilled_passphrase)
    session = AppSession(vault_path, prefilled_passphrase)
    session.ended_before_unlock.connect(app.quit)
    if probe:
        from alliance_desktop.ui.startup_probe import StartupProbe

        StartupProbe(session)
    session.start()
    try:
        return app.exec()
    finally:
        session.finish()
