"""Handing a client over, undoing it, and importing a handover: dialogs first, then the
database worker.

Emits `client_changed(client)` after a handover or its undo (the client as the vault now holds
it) and `client_imported(client)` for a client created from a handover.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import QWidget

from alliance_desktop.domain.client import Client, ClientStatus
from alliance_desktop.domain.handover import HandoverResult, ImportPreview
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.services import Practice
from alliance_desktop.ui import messages
from alliance_desktop.ui.clipboard_guard import CLEAR_AFTER_MS
from alliance_desktop.ui.dialogs.handover_contents_page import HandoverRequest, OnExported
from alliance_desktop.ui.dialogs.handover_import_dialog import HandoverImportDialog, OnFailed
from alliance_desktop.ui.dialogs.handover_wizard import HandoverWizard
from alliance_desktop.ui.signal_emit import emit
from alliance_desktop.ui.tasks import TaskRunner
from alliance_desktop.ui.views.handover_panel import HandoverState, handover_state

CLEAR_COPY_AFTER_MS = CLEAR_AFTER_MS


def copy_then_clear(text: str) -> None:
    """Copy `text`, and empty the clipboard 30 seconds later if it still holds it. The app
    session replaces this with its clipboard guard (`Handovers.copy_text`), which also clears
    at lock and quit; this is for a window opened without one."""
    clipboard = QGuiApplication.clipboard()
    clipboard.setText(text)

    def clear() -> None:
        if clipboard.text(QClipboard.Mode.Clipboard) == text:
            clipboard.clear(QClipboard.Mode.Clipboard)

    QTimer.singleShot(CLEAR_COPY_AFTER_MS, clipboard, clear)


class Handovers(QObject):
    client_changed = Signal(object)
    client_imported = Signal(object)
    status_message = Signal(str)

    def __init__(self, practice: Practice, tasks: TaskRunner, window: QWidget) -> None:
        super().__init__(window)
        self._practice = practice
        self._tasks = tasks
        self._window = window
        self._dialog_open = False
        self.date_style = DateStyle.DAY_MONTH_YEAR
        self.copy_text: Callable[[str], None] = copy_then_clear

    # Sending

    def hand_over(self, client_id: int | None) -> None:
        if client_id is None:
            emit(self.status_message, "Choose a client in Clients first, then hand them over.")
            return
        if self._dialog_open:
            return
        self._dialog_open = True
        practice = self._practice
        self._tasks.submit(
            lambda: handover_state(practice, client_id),
            self._open_wizard,
            self._could_not_open,
        )

    def _open_wizard(self, state: HandoverState) -> None:
        client = state.client
        try:
            if client.status is ClientStatus.HANDED_OVER and not messages.confirm(
                self._window,
                "Hand over again",
                f"{client.display_name} is already handed over. Handing over again writes a "
                "new folder with a new password.",
                "Hand over again",
            ):
                return
            result = HandoverWizard.hand_over(
                self._window,
                client,
                self._practice.today(),
                self.date_style,
                lambda request, done, failed: self._export(client, request, done, failed),
                lambda text: self.copy_text(text),
                self._cancel_booked_sessions,
            )
        finally:
            self._dialog_open = False
        if result is not None:
            emit(self.client_changed, result.client)
            emit(
                self.status_message,
                f"{result.client.display_name}: handed over; the record is in {result.folder}.",
            )

    def _export(
        self, client: Client, request: HandoverRequest, done: OnExported, failed: OnFailed
    ) -> None:
        client_id = client.id or 0
        handover = self._practice.handover

        def work() -> HandoverResult:
            return handover.export(client_id, request.folder, request.details, request.options)

        self._tasks.submit(work, done, failed)

    def _cancel_booked_sessions(self, result: HandoverResult) -> None:
        handover = self._practice.handover
        client = result.client

        def cancelled(count: int) -> None:
            emit(self.client_changed, self._practice.client(client.id or 0))
            emit(
                self.status_message,
                f"{client.display_name}: {count} booked session{'s' if count != 1 else ''} "
                "cancelled in your calendar.",
            )

        self._tasks.submit(
            lambda: handover.cancel_future_sessions(client.id or 0),
            cancelled,
            lambda error: messages.show_error(self._window, "Sessions were not cancelled", error),
        )

    def undo(self, client_id: int) -> None:
        practice = self._practice
        self._tasks.submit(
            lambda: handover_state(practice, client_id), self._confirm_undo, self._could_not_open
        )

    def _confirm_undo(self, state: HandoverState) -> None:
        client = state.client
        before = state.latest.status_before.label.lower() if state.latest else "what it was"
        receiver = state.latest.details.receiver_name if state.latest else "the receiver"
        question = (
            f"Undo the handover of {client.display_name}?\n\n"
            f"Their status goes back to {before}, and the handover stays on record as undone. "
            f"The files already given to {receiver} cannot be recalled: if they should not be "
            "used, ask for them to be deleted."
        )
        if not messages.confirm(self._window, "Undo handover", question, "Undo handover"):
            return
        handover = self._practice.handover

        def undone(client: Client) -> None:
            emit(self.client_changed, client)
            emit(self.status_message, f"{client.display_name}: handover undone.")

        self._tasks.submit(
            lambda: handover.undo(client.id or 0),
            undone,
            lambda error: messages.show_error(self._window, "The handover was not undone", error),
        )

    def _could_not_open(self, error: Exception) -> None:
        self._dialog_open = False
        messages.show_error(self._window, "Could not open the client record", error)

    # Receiving

    def import_handover(self) -> None:
        if self._dialog_open:
            return
        self._dialog_open = True
        try:
            client = HandoverImportDialog.import_handover(self._window, self, self.date_style)
        finally:
            self._dialog_open = False
        if client is not None:
            emit(self.client_imported, client)
            emit(self.status_message, f"Imported {client.display_name} from a handover.")

    def preview(
        self,
        folder: Path,
        password: str,
        done: Callable[[ImportPreview], None],
        failed: OnFailed,
    ) -> None:
        handover = self._practice.handover
        self._tasks.submit(lambda: handover.preview(folder, password), done, failed)

    def import_(
        self,
        folder: Path,
        password: str,
        done: Callable[[Client], None],
        failed: OnFailed,
        again: bool = False,
    ) -> None:
        handover = self._practice.handover
        self._tasks.submit(lambda: handover.import_(folder, password, again=again), done, failed)
