"""Drive a modal dialog the app opens with exec(), as a user would, from inside its loop."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

D = TypeVar("D", bound=QDialog)

# Drivers keep themselves alive until they have acted: a driver the test does not hold on to
# must not be garbage-collected (with its timer) while the app waits in exec().
_ACTIVE: set[ModalDriver] = set()
_GIVE_UP_AFTER_S = 10.0


class ModalDriver:
    """Polls for a visible modal dialog of `kind`, runs `act(dialog)` once, then makes sure
    the dialog is closed (rejected) so a failed step can never leave the test hanging."""

    def __init__(self, kind: type[D], act: Callable[[D], None]) -> None:
        self.kind = kind
        self.act = act
        self.seen: list[QDialog] = []
        self._deadline = time.monotonic() + _GIVE_UP_AFTER_S
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._poll)
        self._timer.start()
        _ACTIVE.add(self)

    def _poll(self) -> None:
        widget = QApplication.activeModalWidget()
        if time.monotonic() > self._deadline:
            # Never hang the suite: close whatever modal is up, and let the test fail.
            self._stop()
            if isinstance(widget, QDialog):
                widget.reject()
            return
        if not isinstance(widget, self.kind) or not widget.isVisible():
            return
        self._stop()
        self.seen.append(widget)
        try:
            self.act(widget)
        finally:
            if widget.isVisible():
                widget.reject()

    def _stop(self) -> None:
        self._timer.stop()
        _ACTIVE.discard(self)

    @property
    def opened(self) -> bool:
        return bool(self.seen)


def when_dialog_opens(kind: type[D], act: Callable[[D], None]) -> ModalDriver:
    return ModalDriver(kind, act)


def stop_all_drivers() -> None:
    """Called after each test so a driver that never fired cannot act in the next one."""
    for driver in list(_ACTIVE):
        driver._stop()
