"""Drafts for a form that lives in a page rather than a dialog (the ending plan in a client's
Ending tab): the page says which record the form shows, when it was filled from the vault,
saved or discarded; typing is kept as a draft in the vault a few seconds after it stops, and
at once before a lock, a quit or a move to another client."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from alliance_desktop.domain.draft import Draft, FieldValue
from alliance_desktop.ui import draft_keeper
from alliance_desktop.ui.draft_book import current_book
from alliance_desktop.ui.draft_fields import input_fields, read_fields, write_fields


class FormDrafts(QObject):
    def __init__(self, form: QWidget, editor: str) -> None:
        super().__init__(form)
        self.editor = editor
        self._fields = input_fields(form)
        self._record: str | None = None
        self._client_id: int | None = None
        self._baseline: dict[str, FieldValue] = {}
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.timeout.connect(self.keep_now)
        self._registered_with: object = None

    def follow(self, client_id: int, record: str | None = None) -> Draft | None:
        """The form was just filled from the vault for this client: remember what it showed,
        put back a kept draft if there is one, and return it."""
        self._record = record or str(client_id)
        self._client_id = client_id
        self._baseline = read_fields(self._fields)
        book = current_book()
        if book is None:
            return None
        if self._registered_with is not book:
            book.add_keeper(self)
            self._registered_with = book
        draft = book.draft(self.editor, self._record)
        if draft is not None:
            write_fields(self._fields, draft.fields)
        return draft

    def typed(self) -> None:
        if self._record is not None:
            self._quiet.start(draft_keeper.QUIET_MS)

    def keep_now(self) -> None:
        self._quiet.stop()
        book, record = current_book(), self._record
        if book is None or record is None:
            return
        fields = read_fields(self._fields)
        if fields == self._baseline:
            return
        book.remember(Draft(self.editor, record, fields, book.now(), self._client_id))

    def forget(self) -> None:
        """Saved or discarded on purpose: the draft goes; what the form shows is the baseline."""
        self._quiet.stop()
        self._baseline = read_fields(self._fields)
        book, record = current_book(), self._record
        if book is not None and record is not None:
            book.forget(self.editor, record)

    def stop(self) -> None:
        self._quiet.stop()
