"""From the unlock window to the main window, and the resources the app loads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from alliance_desktop.resource_paths import resource_path
from alliance_desktop.services import Practice, unlocking
from alliance_desktop.ui.app import AppSession
from alliance_desktop.ui.settings import remember_vault_path
from alliance_desktop.ui.theme import APP_ICON, STYLE_SHEET, style_sheet
from tests.factories import PASSPHRASE


def test_unlocking_opens_the_main_window_naming_the_vault(qtbot: QtBot, vault_path: Path) -> None:
    Practice.create(vault_path, PASSPHRASE).close()
    session = AppSession(vault_path)
    session.start()
    unlock = session.unlock_dialog
    qtbot.addWidget(unlock)

    qtbot.keyClicks(unlock.passphrase, PASSPHRASE)
    qtbot.keyClick(unlock.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: session.main_window is not None, timeout=10_000)

    window = session.main_window
    assert window is not None
    qtbot.addWidget(window)
    try:
        assert window.isVisible()
        assert not unlock.isVisible()
        assert window.vault_label.parent() is not None
        assert str(vault_path) in window.vault_label.text()
        assert window.vault_label.isVisible()  # shown in the status bar
    finally:
        window.close()
        session.finish()
    assert session.practice is not None and not session.practice.is_open


def test_without_a_path_the_session_offers_the_vault_used_last_time(
    qtbot: QtBot, tmp_path: Path
) -> None:
    remember_vault_path(tmp_path / "last-time.vault")

    session = AppSession()
    qtbot.addWidget(session.unlock_dialog)

    assert session.unlock_dialog.chosen_path() == tmp_path / "last-time.vault"
    session.finish()


def test_the_style_sheet_and_icon_are_found_and_the_sheet_points_at_real_icons() -> None:
    assert resource_path(APP_ICON).is_file()
    assert resource_path(STYLE_SHEET).is_file()
    sheet = style_sheet(dark=False)

    assert "@icons@" not in sheet
    chevron = resource_path("icons/chevron-down.svg").as_posix()
    assert f'url("{chevron}")' in sheet


def test_closing_the_unlock_window_while_unlocking_leaves_no_vault_open(
    qtbot: QtBot, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Practice.create(vault_path, PASSPHRASE).close()
    session = AppSession(vault_path)
    session.start()
    unlock = session.unlock_dialog
    qtbot.addWidget(unlock)
    opened: list[Practice] = []
    original_open = unlocking.open_practice

    def remember_open(path: Path, passphrase: str, deriving: Any = None) -> Practice:
        practice = original_open(path, passphrase, deriving)
        opened.append(practice)
        return practice

    monkeypatch.setattr(unlocking, "open_practice", remember_open)
    qtbot.keyClicks(unlock.passphrase, PASSPHRASE)
    qtbot.keyClick(unlock.passphrase, Qt.Key.Key_Return)
    unlock.reject()  # the clinician closes the window during key derivation
    session.finish()

    assert len(opened) == 1
    assert not opened[0].is_open
    assert session.main_window is None
