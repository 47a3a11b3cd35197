"""The single database worker: every vault call runs here, off the UI thread, one at a time.

One thread is enough (the vault is one SQLCipher connection and calls take milliseconds, except
the ~0.2 s key derivation when unlocking) and it guarantees calls never overlap on that
connection. Results and errors come back on the UI thread through queued signals.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from alliance_desktop.ui.signal_emit import emit

log = logging.getLogger(__name__)

OnDone = Callable[[Any], None]
OnError = Callable[[Exception], None]


class TaskRunner(QObject):
    """Run `work` on the database thread; call `on_done(result)` or `on_error(error)` on the UI."""

    busy_changed = Signal(bool)
    # Emitted from the worker thread; because the runner lives on the UI thread, Qt queues
    # them and the callbacks run there.
    _succeeded = Signal(int, object)
    _failed = Signal(int, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pending: dict[int, tuple[OnDone | None, OnError | None]] = {}
        self._ids = itertools.count(1)
        self._default_error_handler: OnError | None = None
        self._closed = False
        self._last_task: int | None = None  # set by finish_with(): its callbacks still run
        self._succeeded.connect(self._deliver_result)
        self._failed.connect(self._deliver_error)

    @property
    def is_busy(self) -> bool:
        return bool(self._pending)

    def set_default_error_handler(self, handler: OnError | None) -> None:
        """Used for tasks submitted without their own `on_error` (e.g. show a message box)."""
        self._default_error_handler = handler

    def submit(
        self,
        work: Callable[[], Any],
        on_done: OnDone | None = None,
        on_error: OnError | None = None,
    ) -> None:
        if self._closed:
            log.debug("The database worker is closed; work submitted now is not run.")
            return
        task_id = next(self._ids)
        self._pending[task_id] = (on_done, on_error)
        if len(self._pending) == 1:
            emit(self.busy_changed, True)
        self._pool.start(lambda: self._run(task_id, work))

    def close(self) -> None:
        """Run nothing more: for when the vault is about to close. Results still queued are
        dropped, so their callbacks cannot ask for more work on a closed vault."""
        self._closed = True

    def finish_with(
        self,
        work: Callable[[], Any],
        on_done: OnDone | None = None,
        on_error: OnError | None = None,
    ) -> None:
        """Run `work` after everything already queued, as the last task (closing the vault when
        the app locks). The callbacks of work queued before it are dropped, since the widgets
        that asked for them are going away (the work itself still runs, so a save already
        queued is kept); nothing submitted afterwards runs."""
        if self._closed:
            return
        for task_id in self._pending:
            self._pending[task_id] = (None, None)
        self._default_error_handler = None
        self.submit(work, on_done, on_error)
        self._last_task = max(self._pending)
        self._closed = True

    def wait_until_idle(self, timeout_ms: int = 30_000) -> bool:
        """Block until the worker has finished everything queued (used when quitting)."""
        return self._pool.waitForDone(timeout_ms)

    def _run(self, task_id: int, work: Callable[[], Any]) -> None:
        # Runs on the worker thread: touch no widgets here.
        try:
            result = work()
        except Exception as error:
            emit(self._failed, task_id, error)
        else:
            emit(self._succeeded, task_id, result)

    def _deliver_result(self, task_id: int, result: object) -> None:
        on_done, _ = self._finish(task_id)
        if on_done is not None and (not self._closed or task_id == self._last_task):
            on_done(result)

    def _deliver_error(self, task_id: int, error: Exception) -> None:
        _, on_error = self._finish(task_id)
        if self._closed and task_id != self._last_task:
            # Nobody is left to tell (the app locked or is quitting); say what kind, not what.
            log.warning("A database task failed after its window closed: %s", type(error).__name__)
            return
        handler = on_error or self._default_error_handler
        if handler is None:
            log.error("Unhandled error in a database task", exc_info=error)
            return
        handler(error)

    def _finish(self, task_id: int) -> tuple[OnDone | None, OnError | None]:
        callbacks = self._pending.pop(task_id, (None, None))
        if not self._pending:
            emit(self.busy_changed, False)
        return callbacks
