"""Adding, editing, archiving and restoring clients: dialog first, then the database worker."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from alliance_desktop.domain.client import Client, ClientSummary
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.services import Practice
from alliance_desktop.ui import messages
from alliance_desktop.ui.dialogs.client_dialog import ClientDialog
from alliance_desktop.ui.draft_keeper import forget_draft
from alliance_desktop.ui.signal_emit import emit
from alliance_desktop.ui.tasks import TaskRunner


class ClientEditing(QObject):
    """Emits `client_saved(client)` with the record as the vault now holds it."""

    client_saved = Signal(object)
    status_message = Signal(str)

    def __init__(self, practice: Practice, tasks: TaskRunner, window: QWidget) -> None:
        super().__init__(window)
        self._practice = practice
        self._tasks = tasks
        self._window = window
        self._editor_open = False
        self.date_style = DateStyle.DAY_MONTH_YEAR

    def new_client(self) -> None:
        self._open_editor(None, self._practice.add_client)

    def edit_client(self, client_id: int) -> None:
        if self._editor_open:
            # A double-click can arrive as click + activate; one editor per client is enough.
            return
        self._editor_open = True
        self._tasks.submit(
            lambda: self._practice.client(client_id),
            lambda client: self._open_editor(client, self._practice.update_client),
            self._editor_failed,
        )

    def archive_client(self, summary: ClientSummary) -> None:
        question = (
            f"Archive {summary.display_name}?\n\n"
            "Archived clients leave the everyday lists. Nothing is deleted: tick "
            "“Show archived” in Clients to find the record and restore it at any time."
        )
        if messages.confirm(self._window, "Archive client", question, "Archive"):
            self._save(lambda: self._practice.archive_client(summary.id), "archived")

    def restore_client(self, summary: ClientSummary) -> None:
        question = f"Restore {summary.display_name} to the everyday client lists?"
        if messages.confirm(self._window, "Restore client", question, "Restore"):
            self._save(lambda: self._practice.restore_client(summary.id), "restored")

    def _open_editor(self, client: Client | None, save: Callable[[Client], Client]) -> None:
        self._editor_open = True
        try:
            edited = ClientDialog.edit(
                self._window, client, self._practice.today(), self.date_style
            )
        finally:
            self._editor_open = False
        if edited is not None:
            # If the write fails, the editor comes back with what was typed, so a full disk
            # or a locked file never costs the clinician their notes.
            self._save(
                lambda: save(edited),
                "saved",
                on_failure=lambda: self._open_editor(edited, save),
                on_saved=lambda: forget_draft("client", client.id if client else None),
            )

    def _editor_failed(self, error: Exception) -> None:
        self._editor_open = False
        messages.show_error(self._window, "Could not open the client record", error)

    def _save(
        self,
        work: Callable[[], Client],
        done_word: str,
        on_failure: Callable[[], None] | None = None,
        on_saved: Callable[[], None] | None = None,
    ) -> None:
        def saved(client: Client) -> None:
            if on_saved is not None:
                on_saved()
            emit(self.client_saved, client)
            emit(self.status_message, f"{client.display_name}: record {done_word}.")

        def failed(error: Exception) -> None:
            messages.show_error(self._window, "Nothing was saved", error)
            if on_failure is not None:
                on_failure()

        self._tasks.submit(work, saved, failed)
