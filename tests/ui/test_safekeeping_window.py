"""Safekeeping from the File menu: a backup made and checked, the passphrase changed, and a
restore that closes the vault first, refuses what is not a whole backup, and comes back at
the unlock window saying what happened."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from alliance_desktop.services import Practice
from alliance_desktop.ui import messages, safekeeping_work
from alliance_desktop.ui.app import AppSession
from alliance_desktop.ui.dialogs.passphrase_change_dialog import (
    PassphraseChange,
    PassphraseChangeDialog,
)
from alliance_desktop.ui.main_window import MainWindow
from tests.factories import PASSPHRASE, make_client
from tests.ui.test_lock import _unlock, app_session, record_vault

__all__ = ["app_session", "record_vault"]

NEW_PASSPHRASE = "otter lantern quietly mapping"


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(
        safekeeping_work, "tell", lambda _parent, title, text: said.append((title, text))
    )
    return said


def _menu_action(window: MainWindow, text: str):  # type: ignore[no-untyped-def]
    for top in window.menuBar().actions():
        menu = top.menu()
        for action in menu.actions() if menu is not None else []:  # type: ignore[union-attr]
            if action.text().replace("&", "") == text:
                return action
    raise AssertionError(f"No menu item {text}")


def test_back_up_now_makes_a_checked_copy_and_today_says_when(
    qtbot: QtBot, app_session: AppSession, told: list[tuple[str, str]]
) -> None:
    window = _unlock(qtbot, app_session)
    qtbot.waitUntil(lambda: window.today_view.backup_status.isVisibleTo(window.today_view))
    assert window.today_view.backup_status.line.text() == "Last backup: none yet"
    assert window.today_view.backup_status.warning.isVisibleTo(window.today_view)

    _menu_action(window, "Back up now…").trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    title, text = told[0]
    assert title == "Backup made" and "read back in full" in text
    practice = app_session.practice
    assert practice is not None
    backups = practice.safekeeping.backups()
    assert len(backups) == 1 and str(backups[0]) in text
    line = window.today_view.backup_status.line.text()
    assert line.startswith("Last backup: today ") and line.endswith("(verified)")
    assert not window.today_view.backup_status.warning.isVisibleTo(window.today_view)


def test_change_passphrase_backs_up_first_and_the_new_one_opens_the_vault(
    qtbot: QtBot,
    app_session: AppSession,
    record_vault: tuple[Path, int],
    told: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = _unlock(qtbot, app_session)
    monkeypatch.setattr(
        safekeeping_work,
        "ask_new_passphrase",
        lambda _parent: PassphraseChange(PASSPHRASE, NEW_PASSPHRASE, NEW_PASSPHRASE),
    )
    _menu_action(window, "Change passphrase…").trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=20_000)
    title, text = told[0]
    assert title == "Passphrase changed" and "OLD passphrase" in text
    with qtbot.waitSignal(app_session.locked, timeout=10_000):
        window.menu_actions.lock.trigger()
    reopened = Practice.open(record_vault[0], NEW_PASSPHRASE)
    reopened.close()


def test_the_passphrase_dialog_says_what_is_wrong_at_the_field(qtbot: QtBot) -> None:
    dialog = PassphraseChangeDialog()
    qtbot.addWidget(dialog)
    dialog.current.setText(PASSPHRASE)
    dialog.new.setText(NEW_PASSPHRASE)
    dialog.confirmation.setText("otter lantern")
    dialog.accept()
    assert dialog.messages.message("confirmation") == "The two passphrases do not match."
    dialog.new.setText(PASSPHRASE)
    dialog.confirmation.setText(PASSPHRASE)
    dialog.accept()
    assert "current one" in (dialog.messages.message("passphrase") or "")
    assert dialog.result() != dialog.DialogCode.Accepted


def _restore(
    qtbot: QtBot,
    session: AppSession,
    window: MainWindow,
    backup: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> str:
    monkeypatch.setattr(safekeeping_work, "choose_backup_file", lambda _p, _f: backup)
    monkeypatch.setattr(messages, "confirm", lambda *_args: True)
    monkeypatch.setattr(safekeeping_work, "ask_backup_passphrase", lambda _p, _b: PASSPHRASE)
    with qtbot.waitSignal(session.locked, timeout=20_000):
        _menu_action(window, "Restore from a backup…").trigger()
    notice = session.unlock_dialog.findChild(QLabel, "unlockNotice")
    assert notice is not None and notice.isVisibleTo(session.unlock_dialog)
    return notice.text()


def test_restore_closes_the_vault_puts_the_backup_in_place_and_asks_to_unlock(
    qtbot: QtBot,
    app_session: AppSession,
    record_vault: tuple[Path, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    vault_path = record_vault[0]
    practice = Practice.open(vault_path, PASSPHRASE)
    backup = practice.safekeeping.back_up(tmp_path / "monday.vault-backup")
    practice.add_client(make_client(name="Added After The Backup"))
    practice.close()

    window = _unlock(qtbot, app_session)
    text = _restore(qtbot, app_session, window, backup, monkeypatch)
    del window
    assert text.startswith("Restored from monday.vault-backup")
    # The replaced vault is kept with its own lock record and audit anchor beside it.
    replaced = [
        path
        for path in vault_path.parent.glob(f"{vault_path.name}.replaced-*")
        if not path.name.endswith((".lock", ".anchor", "-wal", "-shm"))
    ]
    assert len(replaced) == 1 and str(replaced[0]) in text

    _unlock(qtbot, app_session)
    reopened = app_session.practice
    assert reopened is not None
    names = [client.name for client in reopened.client_summaries()]
    assert "Added After The Backup" not in " ".join(names)


def test_a_file_that_is_not_a_backup_is_refused_and_nothing_changes(
    qtbot: QtBot,
    app_session: AppSession,
    record_vault: tuple[Path, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    vault_path = record_vault[0]
    impostor = tmp_path / "holiday-photos.vault-backup"
    impostor.write_bytes(b"\x89PNG not a vault at all" * 400)
    window = _unlock(qtbot, app_session)
    text = _restore(qtbot, app_session, window, impostor, monkeypatch)
    del window
    assert text.startswith("Nothing was restored:")
    assert not list(vault_path.parent.glob(f"{vault_path.name}.replaced-*"))
    assert impostor.read_bytes().startswith(b"\x89PNG")  # nothing touched it either
    _unlock(qtbot, app_session)  # the same passphrase opens the same vault
    assert app_session.practice is not None
    names = [client.name for client in app_session.practice.client_summaries()]
    assert names == ["Ada Quillon-Vesperine"]


def test_preferences_choose_the_backup_folder_and_the_daily_backup_follows(
    qtbot: QtBot,
    app_session: AppSession,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from alliance_desktop.ui.dialogs import backup_preferences
    from alliance_desktop.ui.dialogs.preferences_dialog import PreferencesDialog
    from tests.ui.dialog_driver import ModalDriver

    stick = tmp_path / "usb-stick"
    stick.mkdir()
    monkeypatch.setattr(backup_preferences, "choose_folder", lambda _parent, _start: stick)
    window = _unlock(qtbot, app_session)
    seen: list[str] = []

    def choose(dialog: PreferencesDialog) -> None:
        section = dialog.findChild(backup_preferences.BackupPreferences)
        assert section is not None
        qtbot.waitUntil(section.isEnabled)  # filled from the vault
        seen.append(section.status.line.text())
        assert not section.automatic.isChecked()
        section.choose_button.click()
        assert section.automatic.isChecked()
        dialog.accept()

    driver = ModalDriver(PreferencesDialog, choose)
    window.menu_actions.preferences.trigger()
    assert driver.opened and seen == ["Last backup: none yet"]
    practice = app_session.practice
    assert practice is not None
    qtbot.waitUntil(lambda: any(stick.iterdir()), timeout=10_000)
    qtbot.waitUntil(
        lambda: window.today_view.backup_status.line.text().endswith("(verified)"),
        timeout=10_000,
    )
    assert practice.safekeeping.backup_folder() == stick.resolve()
