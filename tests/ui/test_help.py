"""Help › User guide and Keyboard shortcuts; the menus' letters and shortcuts."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from alliance_desktop.ui.dialogs.help_dialogs import (
    KeyboardShortcutsDialog,
    UserGuideDialog,
    menu_bar_actions,
)
from alliance_desktop.ui.main_window import MainWindow, first_window_size


def test_the_user_guide_opens_with_its_text(qtbot: QtBot) -> None:
    dialog = UserGuideDialog()
    qtbot.addWidget(dialog)
    assert "Records and retention" in dialog.text.toPlainText()


def test_the_shortcuts_list_comes_from_the_menus(qtbot: QtBot, main_window: MainWindow) -> None:
    dialog = KeyboardShortcutsDialog(menu_bar_actions(main_window.menuBar()))
    qtbot.addWidget(dialog)
    rows = {
        dialog.table.item(row, 0).text(): dialog.table.item(row, 1).text()
        for row in range(dialog.table.rowCount())
    }
    assert rows["Lock"] == "Ctrl+L"
    assert "Ctrl+," in rows["Preferences"]


def test_no_menu_has_two_items_on_the_same_letter(main_window: MainWindow) -> None:
    for top in main_window.menuBar().actions():
        letters = [
            action.text().split("&")[1][0].casefold()
            for action in top.menu().actions()
            if "&" in action.text()
        ]
        assert len(letters) == len(set(letters)), top.text()


def test_the_title_names_the_vault_once(main_window: MainWindow) -> None:
    assert "Alliance Desktop" not in main_window.windowTitle()


def test_the_first_window_fits_a_small_laptop_screen() -> None:
    from PySide6.QtCore import QSize

    assert first_window_size(QSize(1920, 1050)) == QSize(1180, 760)
    small = first_window_size(QSize(1280, 690))
    assert small.height() <= 690 and small.width() <= 1280
