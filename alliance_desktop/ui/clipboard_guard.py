"""Text copied out of a record does not stay on the clipboard: it is cleared 30 seconds later,
and when the app locks or quits, unless something else has been copied since.

How the app knows what it copied (rather than guessing from clipboard changes, which arrive the
same way whether this app or another program copied):
- Copy and Cut keys (Ctrl+C, Ctrl+X, Ctrl+Insert, Shift+Delete — whatever the platform's
  `QKeySequence` says) pressed in any of the app's widgets: once the widget has handled the key,
  whatever the clipboard then holds was put there by the app.
- The Copy and Cut entries of the standard context menus of text fields, text areas and
  selectable labels (Qt names those actions "edit-copy", "edit-cut" and "link-copy").
- `copy_text()`, for buttons that copy on purpose.
Each remembers the text. Clearing empties the clipboard only while it still holds exactly that
text: something copied in another program afterwards is left alone.

On X11 selecting text also fills the "primary selection" (middle-click paste); at lock and quit
it is cleared too when the app still owns it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from alliance_desktop.ui.signal_emit import emit

CLEAR_AFTER_MS = 30_000
_COPYING_ACTIONS = frozenset({"edit-copy", "edit-cut", "link-copy"})
_COPY_KEYS = (QKeySequence.StandardKey.Copy, QKeySequence.StandardKey.Cut)
_WATCHED_PROPERTY = "allianceClipboardWatched"


class ClipboardGuard(QObject):
    """Install once per app session; `start()` when a vault is open, `stop()` when not."""

    cleared = Signal()  # the clipboard was emptied because it held what the app copied

    def __init__(self, clear_after_ms: int = CLEAR_AFTER_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._copied: str | None = None
        self._watching = False
        self._changes = 0  # clipboard changes seen, to tell a copy from a key that copied nothing
        self._changes_before_copy = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(clear_after_ms)
        self._timer.timeout.connect(self.clear_copied)

    @property
    def copied(self) -> str | None:
        """What the app last copied and has not cleared yet (None when nothing is pending)."""
        return self._copied

    def set_clear_after_ms(self, milliseconds: int) -> None:
        self._timer.setInterval(milliseconds)

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._watching:
            app.installEventFilter(self)
            _clipboard().dataChanged.connect(self._count_change)
            self._watching = True

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None and self._watching:
            app.removeEventFilter(self)
            _clipboard().dataChanged.disconnect(self._count_change)
        self._watching = False

    def copy_text(self, text: str) -> None:
        """Copy `text` (e.g. from a Copy button); it is cleared like any copy from a record."""
        _clipboard().setText(text)
        self._remember(text)

    def clear_copied(self) -> None:
        """Empty the clipboard if it still holds what the app copied; forget it either way."""
        self._timer.stop()
        copied, self._copied = self._copied, None
        if copied is None:
            return
        clipboard = _clipboard()
        if clipboard.text(QClipboard.Mode.Clipboard) == copied:
            clipboard.clear(QClipboard.Mode.Clipboard)
            emit(self.cleared)

    def clear_all(self) -> None:
        """At lock and quit: what the app copied, and the primary selection if the app owns it
        (records shown a moment ago must not be one middle-click away)."""
        self.clear_copied()
        clipboard = _clipboard()
        if clipboard.supportsSelection() and clipboard.ownsSelection():
            clipboard.clear(QClipboard.Mode.Selection)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if (
            kind == QEvent.Type.KeyPress
            and isinstance(watched, QWidget)
            and isinstance(event, QKeyEvent)
            and any(event.matches(key) for key in _COPY_KEYS)
        ):
            # The widget copies when it handles the key, just after this filter returns.
            self._changes_before_copy = self._changes
            QTimer.singleShot(0, self, self._note_copy)
        elif kind == QEvent.Type.Show and isinstance(watched, QMenu):
            self._changes_before_copy = self._changes
            self._watch_menu(watched)
        return False

    def _watch_menu(self, menu: QMenu) -> None:
        if menu.property(_WATCHED_PROPERTY):
            return
        menu.setProperty(_WATCHED_PROPERTY, True)
        for action in menu.actions():
            if action.objectName() in _COPYING_ACTIONS:
                # Connected after the widget's own copy(), so this runs once it has copied.
                action.triggered.connect(self._note_copy)

    def _count_change(self) -> None:
        self._changes += 1

    def _note_copy(self, *_signal_args: object) -> None:
        clipboard = _clipboard()
        # Ctrl+C with nothing selected copies nothing: then the clipboard may hold another
        # program's text, which is not ours to clear. Where the change is announced later
        # (Windows), owning the clipboard says the app put it there.
        if self._changes == self._changes_before_copy and not clipboard.ownsClipboard():
            return
        text = clipboard.text(QClipboard.Mode.Clipboard)
        if text:
            self._remember(text)

    def _remember(self, text: str) -> None:
        self._copied = text
        self._timer.start()


def _clipboard() -> QClipboard:
    return QGuiApplication.clipboard()
