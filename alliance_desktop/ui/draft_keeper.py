"""Keeping one editor's typed text: drafts as you type, and no silent loss on closing.

One line in an editor's constructor, after its fields are filled, is all an editor needs:

    keep_drafts(self, "goal", goal.id, client_id=goal.client_id, title=goal.title)

and, where the editor's result is saved, `forget_draft("goal", goal.id)` once the save succeeds.

Then:
- a few seconds after typing stops, what is typed is written as an encrypted draft in the vault
  (through the window's DraftBook and the database worker);
- Escape, the close button and Cancel ask Save / Discard / Keep editing when anything changed
  (Escape answers Keep editing; Discard is never the default);
- a lock or a quit writes the draft at once (the lock then closes the editor quietly);
- an editor opened for a record with a draft shows the draft, and says so.
"""

from __future__ import annotations

import logging
import weakref

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QStackedWidget,
    QTabWidget,
    QWidget,
)
from shiboken6 import isValid

from alliance_desktop.domain.draft import (
    Draft,
    FieldValue,
    editor_words,
    record_key,
    spoken_time,
)
from alliance_desktop.ui import unsaved_prompt
from alliance_desktop.ui.draft_book import DraftBook, current_book
from alliance_desktop.ui.draft_fields import change_signal, input_fields, read_fields, write_fields
from alliance_desktop.ui.unsaved_prompt import Answer

log = logging.getLogger(__name__)

QUIET_MS = 3000  # a draft is written this long after typing stops
RESTORED_NOTE = "Unsaved changes from {when} are shown: save them, or discard them."


class DraftKeeper(QObject):
    def __init__(
        self,
        dialog: QDialog,
        editor: str,
        record: str,
        *,
        client_id: int | None = None,
        title: str = "",
        book: DraftBook | None = None,
    ) -> None:
        super().__init__(dialog)
        # Weakly: a Python reference from a child to its parent dialog crashed PySide's
        # garbage collection once Qt had deleted the dialog.
        self._dialog = weakref.ref(dialog)
        self.editor = editor
        self.record = record
        self.client_id = client_id
        self.title = title
        self._book = book
        self._fields = input_fields(dialog)
        self._baseline = read_fields(self._fields)
        self._last_kept: dict[str, FieldValue] | None = None
        self._stopped = False
        self.restored_from: Draft | None = None
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(QUIET_MS)
        self._quiet.timeout.connect(self.keep_now)

        if book is not None:
            book.add_keeper(self)
            found = book.draft(editor, record)
            if found is not None:
                self._restore(found)
        for widget in self._fields.values():
            signal = change_signal(widget)
            if signal is not None:
                signal.connect(self._typed)
        dialog.installEventFilter(self)
        for box in dialog.findChildren(QDialogButtonBox):
            # Cancel asks first, like Escape and the close button.
            box.rejected.disconnect()
            box.rejected.connect(self.request_close)
        dialog.accepted.connect(self._accepted)
        dialog.finished.connect(self._finished)

    @property
    def dialog(self) -> QDialog:
        dialog = self._dialog()
        if dialog is None or not isValid(dialog):
            raise RuntimeError("The editor is closed.")
        return dialog

    # State

    def current_fields(self) -> dict[str, FieldValue]:
        return read_fields(self._fields)

    @property
    def has_changes(self) -> bool:
        # A draft put back counts as a change until it is saved or discarded, even when the
        # editor was opened with the same text (after a save that failed).
        return self.restored_from is not None or self.current_fields() != self._baseline

    @property
    def what(self) -> str:
        return editor_words(self.editor, 1)

    # Keeping

    def _typed(self, *_signal_args: object) -> None:
        if not self._stopped:
            self._quiet.start()

    def keep_now(self) -> None:
        """Write the draft now if anything changed since the editor opened (or the last one)."""
        self._quiet.stop()
        book = self._book
        if book is None or self._stopped:
            return
        fields = self.current_fields()
        if fields == self._last_kept:
            return
        self._last_kept = fields
        if fields == self._baseline and self.restored_from is None:
            if book.draft(self.editor, self.record) is not None:
                book.forget(self.editor, self.record)  # typed back to what was saved
            return
        book.remember(
            Draft(
                self.editor,
                self.record,
                fields,
                book.now(),
                self.client_id,
                self.title,
            )
        )

    def stop(self) -> None:
        """No more drafts from this editor (the vault is closing)."""
        self._quiet.stop()
        self._stopped = True

    def _restore(self, draft: Draft) -> None:
        write_fields(self._fields, draft.fields)
        self._last_kept = dict(draft.fields)
        self.restored_from = draft
        today = self._book.now().date() if self._book is not None else draft.saved_at.date()
        note = QLabel(RESTORED_NOTE.format(when=spoken_time(draft.saved_at, today)))
        note.setObjectName("quietNote")
        note.setWordWrap(True)
        layout = self.dialog.layout()
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(0, note)
        else:
            note.deleteLater()
        self._show_first_change()

    def _show_first_change(self) -> None:
        """Open the tab where the first changed field is, so the draft is seen where it was
        typed."""
        current = self.current_fields()
        changed = [key for key, value in current.items() if self._baseline.get(key) != value]
        if not changed:
            return
        widget: QWidget | None = self._fields[changed[0]]
        while widget is not None and widget is not self.dialog:
            parent = widget.parentWidget()
            if isinstance(parent, QStackedWidget) and isinstance(parent.parentWidget(), QTabWidget):
                tabs = parent.parentWidget()
                assert isinstance(tabs, QTabWidget)
                tabs.setCurrentWidget(widget)
            widget = parent
        self._fields[changed[0]].setFocus()

    # Closing

    def request_close(self) -> None:
        """Escape, the close button, Cancel: ask when something typed would be lost."""
        if not self.has_changes:
            self.dialog.reject()
            return
        answer = unsaved_prompt.ask_about_changes(self.dialog, self.what)
        if answer is Answer.SAVE:
            self.dialog.accept()  # the editor checks its fields and stays open if it must
        elif answer is Answer.DISCARD:
            self.discard()
            self.dialog.reject()

    def discard(self) -> None:
        self.stop()
        if self._book is not None:
            self._book.forget(self.editor, self.record)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not getattr(self, "_stopped", True) and watched is self._dialog():
            if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                if event.key() == Qt.Key.Key_Escape and event.modifiers() in (
                    Qt.KeyboardModifier.NoModifier,
                    Qt.KeyboardModifier.KeypadModifier,
                ):
                    self.request_close()
                    return True
            elif event.type() == QEvent.Type.Close and self.dialog.isVisible() and self.has_changes:
                event.ignore()
                QTimer.singleShot(0, self.request_close)
                return True
        return super().eventFilter(watched, event)

    def _accepted(self) -> None:
        # Kept until the save succeeds (the editing code calls forget_draft), so a failed
        # write still has the text.
        self.keep_now()
        self.stop()

    def _finished(self, _result: int) -> None:
        if not self._stopped:
            # Closed unchanged, or by a lock (which wrote the draft first): nothing more to do.
            self.keep_now()
            self.stop()
        book = self._book
        self._detach()
        if book is not None:
            book.editor_finished()

    def _detach(self) -> None:
        """The editor is closed: let go of it. (A Python event filter and references to the
        dialog's widgets left for the garbage collector crashed PySide when it collected them
        after Qt had deleted the dialog.)"""
        dialog = self._dialog()
        if dialog is not None and isValid(dialog):
            dialog.removeEventFilter(self)
        self._fields = {}
        self._book = None


def keep_drafts(
    dialog: QDialog,
    editor: str,
    record_id: int | None,
    *,
    client_id: int | None = None,
    title: str = "",
) -> DraftKeeper:
    """Keep `dialog`'s typed text as drafts of `editor` for this record (None: a new one)."""
    return DraftKeeper(
        dialog,
        editor,
        record_key(record_id),
        client_id=client_id,
        title=title,
        book=current_book(),
    )


def forget_draft(editor: str, record_id: int | None) -> None:
    """The record was saved: its draft goes."""
    book = current_book()
    if book is not None:
        book.forget(editor, record_key(record_id))


def has_unsaved_changes(widget: QWidget) -> bool:
    keeper = widget.findChild(DraftKeeper)
    return keeper is not None and keeper.has_changes
