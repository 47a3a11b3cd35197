"""The main window's drafts: its DraftBook, how each kind of draft reopens in its editor, and
the question after unlocking when drafts were found.

Kept out of main_window.py: `attach_drafts(window, practice, tasks)` is the one call.
Openers look the window's parts up when a draft is reopened, not before, so pages the window
builds lazily are built only then.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from alliance_desktop.domain.draft import Draft
from alliance_desktop.services import Practice
from alliance_desktop.ui.dialogs import drafts_found_dialog
from alliance_desktop.ui.draft_book import DraftBook
from alliance_desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from alliance_desktop.ui.main_window import MainWindow


def _record_id(draft: Draft) -> int | None:
    return None if draft.is_new_record else int(draft.record)


def attach_drafts(window: MainWindow, practice: Practice, tasks: TaskRunner) -> DraftBook:
    book = DraftBook(practice, tasks, window)
    book.status_message.connect(lambda text: window.statusBar().showMessage(text, 15_000))

    def open_session(draft: Draft) -> None:
        record = _record_id(draft)
        if record is None:
            window.session_editing.new_session(client_id=draft.client_id)
        else:
            window.session_editing.open_session(record)

    def open_client(draft: Draft) -> None:
        record = _record_id(draft)
        if record is None:
            window.client_editing.new_client()
        else:
            window.client_editing.edit_client(record)

    def open_rupture(draft: Draft) -> None:
        record = _record_id(draft)
        if record is None:
            if draft.client_id is not None:
                window.rupture_editing.new_rupture(draft.client_id)
        else:
            window.rupture_editing.edit_rupture(record)

    def open_goal(draft: Draft) -> None:
        record, client_id = _record_id(draft), draft.client_id

        def load() -> tuple[object, tuple[str, ...]]:
            goal = practice.goals.goal(record) if record is not None else None
            owner = goal.client_id if goal is not None else client_id
            return goal, practice.client(owner or 0).values

        def loaded(result: tuple[object, tuple[str, ...]]) -> None:
            goal, values = result
            editing = window.goals_view.board.editing
            if goal is None:
                editing.new_goal(client_id or 0, values)
            else:
                editing.edit_goal(goal, values)  # type: ignore[arg-type]

        tasks.submit(load, loaded)

    def open_ending_plan(draft: Draft) -> None:
        if draft.client_id is not None:
            window.open_client(draft.client_id)
            window.clients_view.overview.show_tab("Ending")  # the form puts the draft back

    book.set_opener("session", open_session)
    book.set_opener("ending_plan", open_ending_plan, in_page=True)
    book.set_opener("client", open_client)
    book.set_opener("rupture", open_rupture)
    book.set_opener("goal", open_goal)

    def found(drafts: list[Draft]) -> None:
        reopenable = [draft for draft in drafts if book.can_reopen(draft)]
        if not reopenable or not book.is_open:
            return
        if drafts_found_dialog.ask_to_reopen(window, reopenable, practice.today()):
            book.reopen(reopenable)

    book.drafts_loaded.connect(found)
    return book
