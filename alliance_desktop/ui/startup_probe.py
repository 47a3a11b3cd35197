"""A hidden, test-only way to time the start: `ALLIANCE_STARTUP_PROBE=1`.

With it, the unlock window takes the passphrase from `ALLIANCE_PASSPHRASE` and submits it as
soon as it has been painted; the app quits once Today has been painted with everything it asked
the vault for. It prints, one per line, `<event> <unix time>` for `unlock_shown`, `unlocked`,
`today_shown` (greeting, today's sessions and the clients painted) and `all_shown` (the
alliance flags too, the worker idle), each of the last two followed by the process's peak
memory so far (`peak_rss_kib <n>`, `peak_rss_kib_all <n>`), and the modules loaded by then
(`unlock_modules a,b,...` when the unlock window is painted, `modules a,b,...` after Today).
`tests/bench/test_startup.py` reads these lines; nobody else should set it.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from alliance_desktop.ui.app import AppSession

PROBE_ENV = "ALLIANCE_STARTUP_PROBE"
PASSPHRASE_ENV = "ALLIANCE_PASSPHRASE"


def probe_requested() -> bool:
    return os.environ.get(PROBE_ENV) == "1"


def probe_passphrase() -> str | None:
    return os.environ.get(PASSPHRASE_ENV)


def _say(event: str, value: str | None = None) -> None:
    print(f"{event} {value if value is not None else f'{time.time():.6f}'}", flush=True)


def peak_rss_kib() -> int:
    """VmHWM from /proc (Linux); 0 elsewhere."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class _FirstPaint(QObject):
    """Calls `then` once, right after the first paint of `widget` (or anything inside it)."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._then = then
        self._fired = False
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self._fired
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and (watched is self._widget or self._widget.isAncestorOf(watched))
        ):
            self._fired = True
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            QTimer.singleShot(0, self._then)  # once the whole paint is done
        return False


class StartupProbe(QObject):
    def __init__(self, session: AppSession) -> None:
        super().__init__(session)
        self._session = session
        self._window: QWidget | None = None
        self._today_paint: _FirstPaint | None = None
        self._idle_paint: _FirstPaint | None = None
        session.window_opened.connect(self._window_opened)
        dialog = session.unlock_dialog
        self._dialog_paint = _FirstPaint(dialog, self._unlock_shown)

    def _unlock_shown(self) -> None:
        _say("unlock_shown")
        _say("unlock_modules", ",".join(sorted(sys.modules)))  # what the unlock window needed
        self._session.unlock_dialog.submit_button.click()

    def _window_opened(self, window: QWidget) -> None:
        _say("unlocked")
        self._window = window
        today = getattr(window, "today_view", None)
        if today is not None:
            today.loaded.connect(self._today_loaded)
        tasks = self._session.tasks
        # Idle once the callbacks have run too (a result may ask for more): check after them.
        tasks.busy_changed.connect(lambda busy: busy or QTimer.singleShot(0, self._check_idle))

    def _today_loaded(self) -> None:
        if self._window is not None and self._today_paint is None:
            self._today_paint = _FirstPaint(self._window, self._today_shown)
            self._window.update()

    def _today_shown(self) -> None:
        _say("today_shown")
        _say("peak_rss_kib", str(peak_rss_kib()))
        _say("modules", ",".join(sorted(sys.modules)))  # what Today needed, for a test
        self._check_idle()

    def _check_idle(self) -> None:
        if (
            self._window is None
            or self._today_paint is None
            or self._idle_paint is not None
            or self._session.tasks.is_busy
        ):
            return
        self._idle_paint = _FirstPaint(self._window, self._all_shown)
        self._window.update()

    def _all_shown(self) -> None:
        # The alliance flags too: the last thing Today asks the vault for.
        _say("all_shown")
        _say("peak_rss_kib_all", str(peak_rss_kib()))
        app = QApplication.instance()
        if app is not None:
            app.quit()
