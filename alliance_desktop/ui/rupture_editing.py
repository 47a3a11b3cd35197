"""Logging and editing rupture entries, and the alliance flag thresholds: dialog first, then the
database worker."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from alliance_desktop.domain.alliance_flags import AllianceThresholds, CheckInPoint
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.domain.rupture import RuptureEntry
from alliance_desktop.domain.session import CalendarEntry
from alliance_desktop.services import Practice
from alliance_desktop.ui import messages
from alliance_desktop.ui.dialogs.alliance_thresholds_dialog import AllianceThresholdsDialog
from alliance_desktop.ui.dialogs.rupture_dialog import RuptureDialog, draft_rupture
from alliance_desktop.ui.draft_keeper import forget_draft
from alliance_desktop.ui.signal_emit import emit
from alliance_desktop.ui.tasks import TaskRunner


@dataclass(frozen=True)
class _EditorData:
    entry: RuptureEntry
    sessions: list[CalendarEntry]
    check_ins: list[CheckInPoint]
    client_name: str
    today: dt.date


class RuptureEditing(QObject):
    """Emits `rupture_saved(entry)` with the entry as the vault now holds it, and
    `thresholds_saved(thresholds)` after the alliance flag thresholds change."""

    rupture_saved = Signal(object)
    thresholds_saved = Signal(object)
    status_message = Signal(str)

    def __init__(self, practice: Practice, tasks: TaskRunner, window: QWidget) -> None:
        super().__init__(window)
        self._practice = practice
        self._tasks = tasks
        self._window = window
        self._editor_open = False
        self.date_style = DateStyle.DAY_MONTH_YEAR

    @property
    def editor_open(self) -> bool:
        return self._editor_open

    def new_rupture(self, client_id: int) -> None:
        practice = self._practice
        self._load_and_open(lambda: draft_rupture(client_id, practice.today()))

    def edit_rupture(self, rupture_id: int) -> None:
        self._load_and_open(lambda: self._practice.ruptures.entry(rupture_id))

    def edit_thresholds(self) -> None:
        self._tasks.submit(self._practice.ruptures.thresholds, self._open_thresholds)

    # Ruptures

    def _load_and_open(self, get_entry: Callable[[], RuptureEntry]) -> None:
        if self._editor_open:
            # A double-click can arrive as click + activate; one editor at a time.
            return
        self._editor_open = True
        practice = self._practice

        def load() -> _EditorData:
            entry = get_entry()
            now = practice.local_now()
            history = practice.calendar.client_history(entry.client_id).entries
            return _EditorData(
                entry=entry,
                # A rupture happens in a session that has begun (or is the one it was linked to).
                sessions=[e for e in history if e.start <= now or e.session_id == entry.session_id],
                check_ins=practice.ruptures.timeline(entry.client_id).check_ins,
                client_name=practice.client(entry.client_id).display_name,
                today=practice.today(),
            )

        self._tasks.submit(load, self._open_editor, self._editor_failed)

    def _open_editor(self, data: _EditorData) -> None:
        self._editor_open = True
        try:
            edited = RuptureDialog.edit(
                self._window,
                data.entry,
                data.sessions,
                data.check_ins,
                data.today,
                self.date_style,
                data.client_name,
            )
        finally:
            self._editor_open = False
        if edited is None:
            return
        ruptures = self._practice.ruptures
        save = ruptures.add if edited.id is None else ruptures.update

        def saved(entry: RuptureEntry) -> None:
            forget_draft("rupture", edited.id)
            emit(self.rupture_saved, entry)
            emit(self.status_message, f"{data.client_name}: rupture entry saved.")

        def failed(error: Exception) -> None:
            messages.show_error(self._window, "Nothing was saved", error)
            # What was typed comes back, so a failed write never costs the clinician notes.
            self._open_editor(replace_entry(data, edited))

        self._tasks.submit(lambda: save(edited), saved, failed)

    def _editor_failed(self, error: Exception) -> None:
        self._editor_open = False
        messages.show_error(self._window, "Could not open the rupture entry", error)

    # Thresholds

    def _open_thresholds(self, thresholds: AllianceThresholds) -> None:
        edited = AllianceThresholdsDialog.edit(self._window, thresholds)
        if edited is None:
            return

        def saved(thresholds: AllianceThresholds) -> None:
            emit(self.thresholds_saved, thresholds)
            emit(self.status_message, "Alliance flag thresholds saved.")

        self._tasks.submit(
            lambda: self._practice.ruptures.save_thresholds(edited),
            saved,
            lambda error: messages.show_error(self._window, "Nothing was saved", error),
        )


def replace_entry(data: _EditorData, entry: RuptureEntry) -> _EditorData:
    return _EditorData(entry, data.sessions, data.check_ins, data.client_name, data.today)
