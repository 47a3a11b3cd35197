"""The main window: navigation, menus and shortcuts, status bar, remembered layout."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from alliance_desktop.services import Practice
from alliance_desktop.ui.main_window import BUSY_BAR_DELAY_MS, PAGES, MainWindow
from alliance_desktop.ui.tasks import TaskRunner


def test_the_status_bar_names_the_open_vault(main_window: MainWindow, vault_path: Path) -> None:
    assert str(vault_path) in main_window.vault_label.text()
    assert main_window.vault_label.isVisible()
    assert vault_path.name in main_window.windowTitle()


def test_clicking_the_navigation_switches_pages(qtbot: QtBot, main_window: MainWindow) -> None:
    assert main_window.current_page() is main_window.today_view
    navigation = main_window.navigation

    for row, expected in (
        (1, main_window.clients_view),
        (2, main_window.calendar_view),
        (3, main_window.goals_view),
        (4, main_window.ruptures_view),
        (5, main_window.reports_view),
        (0, main_window.today_view),
    ):
        rect = navigation.visualItemRect(navigation.item(row))
        qtbot.mouseClick(navigation.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert main_window.current_page() is expected


def test_view_shortcuts_follow_the_navigation_order(qtbot: QtBot, main_window: MainWindow) -> None:
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)

    qtbot.keyClick(main_window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_page() is main_window.calendar_view
    qtbot.keyClick(main_window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_page() is main_window.clients_view

    shortcuts = [action.shortcut().toString() for action in main_window.menu_actions.show_page]
    assert shortcuts == [f"Ctrl+{n}" for n in range(1, len(PAGES) + 1)]


def test_standard_shortcuts_are_in_place(main_window: MainWindow) -> None:
    actions = main_window.menu_actions
    assert actions.new_client.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    assert actions.find_client.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    assert QKeySequence("Ctrl+Q") in actions.quit.shortcuts()
    menus = [action.text() for action in main_window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Help"]


def test_find_client_goes_to_clients_and_focuses_the_search(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)

    main_window.menu_actions.find_client.trigger()

    assert main_window.current_page() is main_window.clients_view
    qtbot.waitUntil(main_window.clients_view.search.hasFocus)


def test_the_window_size_is_remembered_for_next_time(
    qtbot: QtBot, practice: Practice, tasks: TaskRunner
) -> None:
    first = MainWindow(practice, tasks)
    qtbot.addWidget(first)
    first.show()
    # The offscreen test screen is only 800x600, so stay at the minimum width (larger widths
    # are pulled back onto the screen when restored).
    assert (first.width(), first.height()) != (900, 690)
    first.resize(900, 690)
    qtbot.waitUntil(lambda: first.height() == 690)
    first.close()
    tasks.wait_until_idle()

    second = MainWindow(practice, tasks)
    qtbot.addWidget(second)

    assert (second.width(), second.height()) == (900, 690)
    tasks.wait_until_idle()


def test_the_status_bar_shows_a_busy_bar_while_slow_work_runs(
    qtbot: QtBot, main_window: MainWindow, tasks: TaskRunner
) -> None:
    assert not main_window.busy_bar.isVisible()
    done: list[bool] = []

    tasks.submit(lambda: time.sleep(0.6), lambda _result: done.append(True))

    qtbot.waitUntil(main_window.busy_bar.isVisible)
    qtbot.waitUntil(lambda: bool(done))
    assert not main_window.busy_bar.isVisible()


def test_quick_work_does_not_flash_the_busy_bar(
    qtbot: QtBot, main_window: MainWindow, tasks: TaskRunner
) -> None:
    shown: list[bool] = []
    tasks.busy_changed.connect(lambda _busy: shown.append(main_window.busy_bar.isVisible()))

    tasks.submit(lambda: None)
    qtbot.wait(BUSY_BAR_DELAY_MS + 100)

    assert shown and not any(shown)
    assert not main_window.busy_bar.isVisible()
