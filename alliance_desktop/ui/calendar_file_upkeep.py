"""Keeping the chosen calendar file up to date while the vault is open.

After each burst of database work (the worker going idle), and every quarter of an hour for the
date changing, a short pause, then one task on the database worker: it asks the vault whether
anything changed (one indexed read) and only then rewrites the file. Problems go to the status
bar once, in words, and never interrupt the therapist with a dialog.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from alliance_desktop.services.diary_file import DiaryFileChoice, DiaryFileKeeper, DiaryFileUpdate
from alliance_desktop.services.practice import Practice
from alliance_desktop.ui.calendar_file_settings import CalendarFilePreference
from alliance_desktop.ui.messages import EXPECTED_ERRORS
from alliance_desktop.ui.signal_emit import emit
from alliance_desktop.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

PAUSE_MS = 1500  # a burst of saves (a series changed, an import) gives one rewrite
DATE_CHECK_MS = 15 * 60_000


class CalendarFileUpkeep(QObject):
    status_message = Signal(str)
    updated = Signal(object)  # DiaryFileUpdate, when the file was looked at

    def __init__(self, practice: Practice, tasks: TaskRunner, parent: QObject | None = None):
        super().__init__(parent)
        self._keeper = DiaryFileKeeper(practice.calendar, practice.today, practice.vault_path)
        self._tasks = tasks
        self._choice: DiaryFileChoice | None = None
        self._running = False
        self._force = False
        self._announce = False  # say where the file is, once it is first written
        self._last_problem: str | None = None
        self.pause = QTimer(self)
        self.pause.setSingleShot(True)
        self.pause.setInterval(PAUSE_MS)
        self.date_check = QTimer(self)
        self.date_check.setInterval(DATE_CHECK_MS)

        self.pause.timeout.connect(self._refresh)
        self.date_check.timeout.connect(self._soon)
        tasks.busy_changed.connect(self._busy_changed)

    @property
    def choice(self) -> DiaryFileChoice | None:
        return self._choice

    def apply(self, preference: CalendarFilePreference) -> None:
        """Start (writing the file at once), change or stop keeping the file."""
        self._choice = preference.choice()
        self._last_problem = None
        if self._choice is None:
            self.pause.stop()
            self.date_check.stop()
            return
        self._force = self._announce = True
        self.date_check.start()
        self._refresh()

    def flush(self) -> None:
        """One last look after everything already queued (the app is locking or quitting), so
        a change saved a moment ago reaches the file; nothing is said about it any more."""
        choice, keeper = self._choice, self._keeper
        self.pause.stop()
        self.date_check.stop()
        self._choice = None
        if choice is not None:
            self._tasks.submit(
                lambda: keeper.refresh(choice),
                None,
                lambda error: log.warning("The calendar file was not updated: %s", error),
            )

    def _busy_changed(self, busy: bool) -> None:
        # The worker going idle after our own task is not news: it would loop forever.
        if not busy and not self._running:
            self._soon()

    def _soon(self) -> None:
        if self._choice is not None:
            self.pause.start()

    def _refresh(self) -> None:
        choice = self._choice
        if choice is None:
            return
        if self._running:
            self.pause.start()  # try again after the one in flight
            return
        keeper, force = self._keeper, self._force
        self._running, self._force = True, False
        self._tasks.submit(lambda: keeper.refresh(choice, force=force), self._done, self._failed)

    def _done(self, update: DiaryFileUpdate | None) -> None:
        self._running = False
        if update is None:
            return
        if self._announce:
            self._announce = False
            first, last = update.first_day, update.last_day
            emit(
                self.status_message,
                f"Calendar file {update.path.name} kept up to date: {update.booked} booked "
                f"sessions, {first.day} {first:%b %Y} – {last.day} {last:%b %Y}.",
            )
        elif self._last_problem is not None:
            emit(self.status_message, f"The calendar file {update.path} is up to date again.")
        self._last_problem = None
        emit(self.updated, update)

    def _failed(self, error: Exception) -> None:
        self._running = False
        if isinstance(error, OSError):
            reason = error.strerror or str(error)
        elif isinstance(error, EXPECTED_ERRORS):
            reason = str(error)
        else:
            log.error("Keeping the calendar file failed", exc_info=error)
            reason = type(error).__name__
        problem = f"The calendar file could not be updated: {reason}"
        if problem != self._last_problem:  # once, not after every save
            self._last_problem = problem
            emit(self.status_message, problem)
