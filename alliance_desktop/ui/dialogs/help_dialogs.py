"""Help › User guide and Help › Keyboard shortcuts.

The guide is a Markdown file shipped in resources/help (the same text the README links to);
the shortcuts list is read from the window's own actions, so it can never disagree with them.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QMenuBar,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.resource_paths import resource_path

USER_GUIDE = "help/user-guide.md"


def _framed(dialog: QDialog, body: QWidget) -> None:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.setContentsMargins(16, 14, 16, 12)
    layout.addWidget(body, 1)
    layout.addWidget(buttons)


class UserGuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("User guide")
        self.resize(720, 640)
        self.text = QTextBrowser()
        self.text.setAccessibleName("User guide")
        self.text.setOpenExternalLinks(False)
        self.text.setMarkdown(resource_path(USER_GUIDE).read_text(encoding="utf-8"))
        _framed(self, self.text)


def menu_bar_actions(menu_bar: QMenuBar) -> list[QAction]:
    """Every action of every menu, in the order the menus show them."""
    found: list[QAction] = []
    for top in menu_bar.actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            found.extend(action for action in menu.actions() if not action.isSeparator())
    return found


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """(what it does, keys) for every action that has a shortcut, in menu order."""
    rows = []
    for action in actions:
        keys = [
            shortcut.toString(QKeySequence.SequenceFormat.NativeText)
            for shortcut in action.shortcuts()
        ]
        if keys:
            rows.append((action.text().replace("&", "").rstrip("…"), " or ".join(keys)))
    return rows


class KeyboardShortcutsDialog(QDialog):
    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.resize(520, 560)
        rows = [
            *shortcut_rows(actions),
            ("Move a goal card to the next or previous column", "Ctrl+Right or Ctrl+Left"),
            ("Go to today in the calendar", "T"),
            ("Open the chosen session or record", "Return"),
            ("Move between fields", "Tab or Shift+Tab"),
        ]
        self.table = QTableWidget(len(rows), 2)
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setHorizontalHeaderLabels(("What it does", "Keys"))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        for row, (what, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(what))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        _framed(self, self.table)
