"""What locks the app, and where it was when it locked.

- `IdleWatcher`: no keyboard, mouse, wheel, touch or tablet input for a while (5 minutes unless
  changed in Preferences) anywhere in the app.
- `ScreenLockListener`: the desktop session's screen saver says it became active (GNOME, KDE
  and others announce it on the D-Bus session bus). Without a session bus, or without QtDBus,
  it quietly listens to nothing; the idle lock still applies.
- `Place`: the page, client and client tab the window showed, so unlocking returns there.

Locking itself (tearing the window down, closing the vault) is `AppSession.lock`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import SLOT, QAbstractItemModel, QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QDialog, QToolTip, QWidget

from alliance_desktop.ui.signal_emit import emit

if TYPE_CHECKING:
    from alliance_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

# Input that counts as someone using the app. Paints, timers and focus changes do not.
_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.TabletMove,
        QEvent.Type.InputMethod,
    }
)

# Screen savers that announce `ActiveChanged(bool)` on the session bus.
SCREEN_SAVER_INTERFACES = ("org.freedesktop.ScreenSaver", "org.gnome.ScreenSaver")


def _idle_clock() -> float:
    """Seconds on a clock that keeps counting while the computer sleeps (Linux), so a laptop
    opened after a night away locks at once; elsewhere a monotonic clock."""
    boot_time = getattr(time, "CLOCK_BOOTTIME", None)
    if boot_time is not None:
        return time.clock_gettime(boot_time)
    return time.monotonic()


class IdleWatcher(QObject):
    """Emits `idle` once no input has reached the app for `timeout_ms`; then stops watching.

    One event filter on the application notes when input last arrived (a clock read, no timer
    restarted per event); a timer checks now and then whether the time is up.
    """

    idle = Signal()

    def __init__(
        self,
        timeout_ms: int,
        parent: QObject | None = None,
        clock: Callable[[], float] = _idle_clock,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._timeout_ms = timeout_ms
        self._last_input = clock()
        self._watching = False
        self._check = QTimer(self)
        self._check.timeout.connect(self._check_idle)
        self.set_timeout_ms(timeout_ms)

    @property
    def timeout_ms(self) -> int:
        return self._timeout_ms

    @property
    def is_watching(self) -> bool:
        return self._watching

    def set_timeout_ms(self, timeout_ms: int) -> None:
        self._timeout_ms = max(1, timeout_ms)
        # Check often enough to lock within a tenth of the timeout (at most every 5 s).
        self._check.setInterval(max(20, min(self._timeout_ms // 10, 5000)))

    def start(self) -> None:
        app = QApplication.instance()
        if app is None or self._watching:
            return
        self._last_input = self._clock()
        app.installEventFilter(self)
        self._watching = True
        self._check.start()

    def stop(self) -> None:
        self._check.stop()
        if self._watching:
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            self._watching = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self._last_input = self._clock()
        return False

    def _check_idle(self) -> None:
        if (self._clock() - self._last_input) * 1000 >= self._timeout_ms:
            self.stop()
            emit(self.idle)


class ScreenLockListener(QObject):
    """Emits `screen_locked` when the desktop's screen saver becomes active."""

    screen_locked = Signal()

    def __init__(self, bus: Any = None, parent: QObject | None = None) -> None:
        """`bus`: a QDBusConnection (tests pass a private bus); the session bus by default."""
        super().__init__(parent)
        self.enabled = True
        self.listening = False
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # a Qt build without D-Bus (Windows, macOS, some bundles)
            return
        try:
            connection = bus if bus is not None else QDBusConnection.sessionBus()
            if not connection.isConnected():
                return
            for interface in SCREEN_SAVER_INTERFACES:
                # Empty service and path: the signal from whichever program sends it. (The
                # stubs want the slot as bytes; PySide accepts only the str SLOT() returns.)
                slot: Any = SLOT("screen_saver_active_changed(bool)")
                if connection.connect("", "", interface, "ActiveChanged", self, slot):
                    self.listening = True
        except Exception:  # never let the desktop's plumbing stop the app from starting
            log.warning("Could not listen for the screen locking", exc_info=True)

    @Slot(bool)
    def screen_saver_active_changed(self, active: bool) -> None:
        if active and self.enabled:
            emit(self.screen_locked)


@dataclass(frozen=True)
class Place:
    """Where the main window was: page number, selected client and client tab (ids only)."""

    page: int
    client_id: int | None = None
    client_tab: int = 0


def place_of(window: MainWindow) -> Place:
    page = max(0, window.navigation.currentRow())
    if not window.is_built("clients_view"):  # never opened: no client to go back to
        return Place(page=page)
    clients = window.clients_view
    return Place(
        page=page,
        client_id=clients.selected_client_id(),
        client_tab=clients.overview.tabs.currentIndex(),
    )


def return_to(window: MainWindow, place: Place) -> None:
    """Show the same page; select the same client (once the list has loaded) and tab."""
    window.show_page(place.page)
    if place.client_id is None:
        return
    clients = window.clients_view
    clients.refresh(select_id=place.client_id)
    if place.client_tab >= 0:
        clients.overview.tabs.setCurrentIndex(place.client_tab)


def tear_down(window: QWidget) -> None:
    """Destroy the main window and everything in it that shows or remembers a record.

    Dialogs and message boxes open over it are cancelled first (what was typed in them is
    discarded, not saved: an unattended computer is not a yes), menus closed, undo stacks and
    the tables' rows emptied at once; the window is then closed (saving its layout) and
    deleted with all its children when control returns to the event loop. Rows and undo
    commands are emptied now rather than at that deletion, so nothing waits in memory for a
    dialog's nested event loop to unwind.
    """
    while (popup := QApplication.activePopupWidget()) is not None:
        popup.close()
        if QApplication.activePopupWidget() is popup:
            break
    QToolTip.hideText()
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible() and window.isAncestorOf(widget):
            widget.reject()
    for stack in window.findChildren(QUndoStack):
        stack.clear()
    for model in window.findChildren(QAbstractItemModel):
        _empty(model)
    window.close()
    window.deleteLater()


def _empty(model: QAbstractItemModel) -> None:
    """Drop a model's rows where it says how (the app's tables take `set_rows`)."""
    set_rows = getattr(model, "set_rows", None)
    if callable(set_rows):
        try:
            set_rows([])
        except Exception:  # a model with its own idea of rows goes with the window anyway
            log.debug("Could not empty %s", type(model).__name__, exc_info=True)
    clear = getattr(model, "clear", None)
    if callable(clear) and type(model).__module__.startswith("PySide6"):
        clear()  # QStandardItemModel and friends
