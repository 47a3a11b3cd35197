"""Records and retention from the window: load the list on the worker, show the dialog, save
the period, delete a confirmed record on the worker and say what happened.

Emits `client_erased(client_id)` so the client list, Today and the other pages drop the client.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.domain.retention import RetentionEntry
from alliance_desktop.services import Practice
from alliance_desktop.services.record_retention import ErasedRecord
from alliance_desktop.ui import messages
from alliance_desktop.ui.dialogs.retention_dialog import RetentionDialog
from alliance_desktop.ui.signal_emit import emit
from alliance_desktop.ui.tasks import TaskRunner


class RetentionWork(QObject):
    client_erased = Signal(int)
    status_message = Signal(str)

    def __init__(self, practice: Practice, tasks: TaskRunner, window: QWidget) -> None:
        super().__init__(window)
        self._practice = practice
        self._tasks = tasks
        self._window = window
        self.date_style = DateStyle.DAY_MONTH_YEAR
        self.dialog: RetentionDialog | None = None

    def open(self) -> None:
        retention = self._practice.retention
        self._tasks.submit(lambda: (retention.years(), retention.overview()), self._show)

    def _show(self, loaded: tuple[int, list[RetentionEntry]]) -> None:
        years, entries = loaded
        dialog = RetentionDialog(years, entries, self.date_style, self._window)
        dialog.years_chosen.connect(self._save_years)
        dialog.erase_requested.connect(self._erase)
        dialog.finished.connect(self._forget_dialog)
        self.dialog = dialog
        dialog.open()

    def _forget_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None

    def _save_years(self, years: int) -> None:
        retention = self._practice.retention

        def save() -> list[RetentionEntry]:
            retention.set_years(years)
            return retention.overview()

        def saved(entries: list[RetentionEntry]) -> None:
            if self.dialog is not None:
                self.dialog.show_entries(entries)
            emit(self.status_message, f"Records are now kept for {years} years.")

        self._tasks.submit(save, saved, self._failed("The period was not saved"))

    def _erase(self, entry: RetentionEntry) -> None:
        retention = self._practice.retention

        def erase() -> tuple[ErasedRecord, list[RetentionEntry]]:
            return retention.erase(entry.client_id), retention.overview()

        def erased(result: tuple[ErasedRecord, list[RetentionEntry]]) -> None:
            record, entries = result
            if self.dialog is not None:
                self.dialog.show_entries(entries)
            emit(self.client_erased, entry.client_id)
            emit(
                self.status_message,
                f"The record was deleted for good ({record.rows_removed} entries).",
            )

        self._tasks.submit(erase, erased, self._failed("Nothing was deleted"))

    def _failed(self, title: str):  # type: ignore[no-untyped-def]
        parent = self.dialog or self._window
        return lambda error: messages.show_error(parent, title, error)
