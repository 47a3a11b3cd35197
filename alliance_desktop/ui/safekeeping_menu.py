"""The File menu's safekeeping items, added beside Lock without touching the shared menu
module: Back up now…, Restore from a backup…, Change passphrase…."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from alliance_desktop.services import Practice
from alliance_desktop.ui.safekeeping_work import SafekeepingWork
from alliance_desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from alliance_desktop.ui.main_window import MainWindow


@dataclass(frozen=True)
class SafekeepingActions:
    back_up: QAction
    restore: QAction
    change_passphrase: QAction


def add_safekeeping_menu(
    window: QMainWindow, work: SafekeepingWork, before: QAction
) -> SafekeepingActions:
    """Insert the items into the menu holding `before` (File › Lock), just above it."""
    back_up = QAction("&Back up now…", window)
    back_up.setStatusTip("Make an encrypted, checked copy of the vault now")
    restore = QAction("&Restore from a backup…", window)
    restore.setStatusTip("Put a backup in place of the vault (the current one is kept)")
    change = QAction("Change &passphrase…", window)
    change.setStatusTip("Choose a new passphrase for the vault (backed up first)")
    menu = next(
        (
            found
            for action in window.menuBar().actions()
            if isinstance(found := action.menu(), QMenu) and before in found.actions()
        ),
        None,
    )
    if isinstance(menu, QMenu):
        menu.insertActions(before, [back_up, restore, change])
        menu.insertSeparator(before)
    back_up.triggered.connect(work.back_up_now)
    restore.triggered.connect(work.restore_from_backup)
    change.triggered.connect(work.change_passphrase)
    return SafekeepingActions(back_up, restore, change)


def attach_safekeeping(
    window: MainWindow, practice: Practice, tasks: TaskRunner
) -> SafekeepingWork:
    """Safekeeping for this window: the menu items, the status bar, Today's backup line."""
    work = SafekeepingWork(practice, tasks, window)
    add_safekeeping_menu(window, work, window.menu_actions.lock)
    work.status_message.connect(lambda text: window.statusBar().showMessage(text, 15_000))
    work.backup_changed.connect(
        lambda record, now: window.today_view.backup_status.show_backup(record, now)
    )
    return work
