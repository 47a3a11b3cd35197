"""The window's book of drafts: what is typed in every editor, kept in the vault as it goes.

One `DraftBook` lives with the main window. It holds the latest draft of each editor in memory
and writes it to the vault through the database worker (so a draft is encrypted like every
record, and nothing typed goes to disk in clear). A write that fails (disk full, read-only
vault) is said in the status bar and the draft stays in memory, tried again every half minute
until it is written. Before a lock or a quit, every open editor's text is written at once.

Editors take part through `keep_drafts(dialog, kind, record_id)` (see draft_keeper.py).
"""

from __future__ import annotations

import datetime as dt
import logging
import weakref
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal
from shiboken6 import isValid

from alliance_desktop.domain.draft import Draft
from alliance_desktop.services import Practice
from alliance_desktop.ui.messages import describe_error
from alliance_desktop.ui.signal_emit import emit
from alliance_desktop.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

RETRY_MS = 30_000
Opener = Callable[[Draft], None]

_current: weakref.ref[DraftBook] | None = None


class DraftKeeper(Protocol):
    """An editor or form whose typed text the book can ask to be kept now."""

    def keep_now(self) -> None: ...

    def stop(self) -> None: ...


def current_book() -> DraftBook | None:
    """The book of the unlocked window, or None (locked, or an editor used on its own)."""
    book = _current() if _current is not None else None
    return book if book is not None and book.is_open else None


class DraftBook(QObject):
    status_message = Signal(str)
    drafts_loaded = Signal(list)  # the drafts found in the vault at unlock

    def __init__(self, practice: Practice, tasks: TaskRunner, parent: QObject | None = None):
        super().__init__(parent)
        global _current
        self._practice = practice
        self._tasks = tasks
        self._drafts: dict[tuple[str, str], Draft] = {}
        self._unwritten: dict[tuple[str, str], Draft] = {}
        self._keepers: weakref.WeakSet[DraftKeeper] = weakref.WeakSet()
        self._openers: dict[str, Opener] = {}
        self._in_page: set[str] = set()  # editors in a page, not a modal dialog
        self._reopen_queue: list[Draft] = []
        self.is_open = True
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self._write_unwritten)
        _current = weakref.ref(self)

    # Editors

    def now(self) -> dt.datetime:
        return self._practice.local_now().replace(microsecond=0)

    def add_keeper(self, keeper: DraftKeeper) -> None:
        self._keepers.add(keeper)

    def _live_keepers(self) -> list[DraftKeeper]:
        # An editor deleted by Qt leaves a Python wrapper behind for a moment.
        return [keeper for keeper in list(self._keepers) if isValid(keeper)]

    def draft(self, editor: str, record: str) -> Draft | None:
        return self._drafts.get((editor, record))

    def drafts(self) -> list[Draft]:
        return sorted(self._drafts.values(), key=lambda d: d.saved_at)

    @property
    def unwritten_count(self) -> int:
        return len(self._unwritten)

    def remember(self, draft: Draft) -> None:
        """Keep `draft` in memory now and write it to the vault on the worker."""
        self._drafts[draft.key] = draft
        self._write(draft)

    def forget(self, editor: str, record: str) -> None:
        """The editor saved, or the clinician discarded on purpose: the draft goes."""
        key = (editor, record)
        self._drafts.pop(key, None)
        self._unwritten.pop(key, None)
        if self.is_open:
            self._tasks.submit(
                lambda: self._practice.drafts.discard(editor, record),
                None,
                lambda error: log.warning("Could not remove a draft: %s", type(error).__name__),
            )

    def keep_all_now(self) -> None:
        """Every open editor writes what it holds at once (before a lock, a quit)."""
        for keeper in self._live_keepers():
            keeper.keep_now()

    def close(self) -> None:
        """The vault is closing: write what is open, then accept no more."""
        if not self.is_open:
            return
        self.keep_all_now()
        self._retry.stop()
        self.is_open = False
        for keeper in self._live_keepers():
            keeper.stop()

    # Unlock: drafts found, and reopening them

    def load(self) -> None:
        def loaded(drafts: list[Draft]) -> None:
            for draft in drafts:
                self._drafts.setdefault(draft.key, draft)
            emit(self.drafts_loaded, drafts)

        self._tasks.submit(
            self._practice.drafts.all,
            loaded,
            lambda error: emit(
                self.status_message, f"Could not look for unsaved drafts: {describe_error(error)}"
            ),
        )

    def set_opener(self, editor: str, opener: Opener, *, in_page: bool = False) -> None:
        """How to open the editor a draft of this kind belongs to (`in_page`: a form in a
        page, which does not wait for the clinician the way a modal editor does)."""
        self._openers[editor] = opener
        if in_page:
            self._in_page.add(editor)

    def can_reopen(self, draft: Draft) -> bool:
        return draft.editor in self._openers

    def reopen(self, drafts: list[Draft]) -> None:
        """Open each draft in its editor, one after another (editors are modal)."""
        self._reopen_queue = [d for d in drafts if self.can_reopen(d)]
        self.reopen_next()

    def reopen_next(self) -> None:
        if not self._reopen_queue or not self.is_open:
            return
        draft = self._reopen_queue.pop(0)
        self._openers[draft.editor](draft)
        if draft.editor in self._in_page:
            QTimer.singleShot(0, self.reopen_next)

    def editor_finished(self) -> None:
        if self._reopen_queue:
            QTimer.singleShot(0, self.reopen_next)

    # Writing

    def _write(self, draft: Draft) -> None:
        if not self.is_open:
            return
        key = draft.key

        def written(_stored: Draft) -> None:
            if self._unwritten.pop(key, None) is not None and not self._unwritten:
                emit(self.status_message, "Your unsaved text is now kept safely in the vault.")

        def failed(error: Exception) -> None:
            if self._drafts.get(key) is not draft:
                return  # a newer draft (or a save) has taken its place
            self._unwritten[key] = draft
            emit(
                self.status_message,
                "Your typed text could not be kept in the vault "
                f"({describe_error(error)}) It stays in this window and is tried again "
                "every 30 seconds; save or keep the editor open.",
            )
            if not self._retry.isActive():
                self._retry.start()

        self._tasks.submit(lambda: self._practice.drafts.keep_draft(draft), written, failed)

    def _write_unwritten(self) -> None:
        for draft in list(self._unwritten.values()):
            self._write(draft)
