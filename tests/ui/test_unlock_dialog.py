"""The unlock window: opening, creating, and saying clearly what went wrong."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from alliance_desktop.services import Practice
from alliance_desktop.ui.dialogs.unlock_dialog import UnlockDialog
from alliance_desktop.ui.settings import remembered_vault_path
from alliance_desktop.ui.tasks import TaskRunner
from tests.factories import PASSPHRASE


def _dialog(
    qtbot: QtBot, tasks: TaskRunner, path: Path, prefilled: str | None = None
) -> UnlockDialog:
    dialog = UnlockDialog(tasks, path, prefilled)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _closed_vault(path: Path) -> Path:
    Practice.create(path, PASSPHRASE).close()
    return path


def test_wrong_passphrase_says_so_and_the_window_stays_open(
    qtbot: QtBot, tasks: TaskRunner, vault_path: Path
) -> None:
    dialog = _dialog(qtbot, tasks, _closed_vault(vault_path))
    unlocked: list[Practice] = []
    dialog.unlocked.connect(unlocked.append)

    qtbot.keyClicks(dialog.passphrase, "not the passphrase")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert "Wrong passphrase" in dialog.error.text()
    assert dialog.isVisible() and not unlocked
    assert dialog.passphrase.isEnabled() and dialog.passphrase.selectedText()


def test_right_passphrase_and_enter_unlocks_and_remembers_the_vault(
    qtbot: QtBot, tasks: TaskRunner, vault_path: Path
) -> None:
    dialog = _dialog(qtbot, tasks, _closed_vault(vault_path))

    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    with qtbot.waitSignal(dialog.unlocked, timeout=10_000) as opened:
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)

    practice = opened.args[0]
    try:
        assert practice.vault_path == vault_path
        assert not dialog.isVisible()
        assert dialog.passphrase.text() == ""  # not kept in the widget after use
        assert remembered_vault_path() == vault_path
    finally:
        practice.close()


def test_a_file_that_is_not_a_vault_is_named_as_such(
    qtbot: QtBot, tasks: TaskRunner, tmp_path: Path
) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_text("Dear Dr Morgan, thank you for seeing my client. " * 40)
    dialog = _dialog(qtbot, tasks, letter)

    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert "not an Alliance Desktop vault" in dialog.error.text()
    assert "Wrong passphrase" not in dialog.error.text()


def test_a_missing_file_offers_to_create_a_vault_and_explains_the_passphrase(
    qtbot: QtBot, tasks: TaskRunner, vault_path: Path
) -> None:
    dialog = _dialog(qtbot, tasks, vault_path)

    assert dialog.creating
    assert dialog.confirmation.isVisible()
    assert dialog.submit_button.text() == "Create vault"
    assert "at least 10 characters" in dialog.advice.text()
    assert "lost or stolen" in dialog.advice.text()


def test_choosing_an_existing_file_switches_back_to_unlocking(
    qtbot: QtBot, tasks: TaskRunner, vault_path: Path, tmp_path: Path
) -> None:
    _closed_vault(vault_path)
    dialog = _dialog(qtbot, tasks, tmp_path / "elsewhere.vault")
    assert dialog.creating

    dialog.path.clear()
    qtbot.keyClicks(dialog.path, str(vault_path))

    assert not dialog.creating
    assert not dialog.confirmation.isVisible()
    assert dialog.submit_button.text() == "Open"


def test_create_mode_refuses_a_nine_character_passphrase(
    qtbot: QtBot, tasks: TaskRunner, vault_path: Path
) -> None:
    dialog = _dialog(qtbot, tasks, vault_path)

    qtbot.keyClicks(dialog.passphrase, "123456789")
    qtbot.keyClicks(dialog.confirmation, "123456789")
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)

    message = dialog.messages.message("passphrase")
    assert "at least 10 characters" in message and "(it has 9)" in message
    assert dialog.isVisible() and not tasks.is_busy
    assert not vault_path.exists()


def test_create_mode_refuses_a_mismatched_confirmation(
    qtbot: QtBot, tasks: TaskRunner, vault_path: Path
) -> None:
    dialog = _dialog(qtbot, tasks, vault_path)

    qtbot.keyClicks(dialog.passphrase, "quiet river morning")
    qtbot.keyClicks(dialog.confirmation, "quiet river mourning")
    qtbot.keyClick(dialog.confirmation, Qt.Key.Key_Return)

    assert dialog.messages.message("confirmation") == "The two passphrases do not match."
    assert dialog.messages.message("passphrase") == ""
    assert not vault_path.exists()


def test_creating_a_vault_opens_it_and_the_file_then_unlocks(
    qtbot: QtBot, tasks: TaskRunner, vault_path: Path
) -> None:
    dialog = _dialog(qtbot, tasks, vault_path)

    qtbot.keyClicks(dialog.passphrase, "quiet river morning")
    qtbot.keyClicks(dialog.confirmation, "quiet river morning")
    with qtbot.waitSignal(dialog.unlocked, timeout=10_000) as opened:
        qtbot.keyClick(dialog.confirmation, Qt.Key.Key_Return)
    opened.args[0].close()

    reopened = Practice.open(vault_path, "quiet river morning")
    assert reopened.client_count() == 0
    reopened.close()


def test_a_prefilled_passphrase_gets_in_with_one_enter(
    qtbot: QtBot, tasks: TaskRunner, vault_path: Path
) -> None:
    dialog = _dialog(qtbot, tasks, _closed_vault(vault_path), prefilled=PASSPHRASE)

    with qtbot.waitSignal(dialog.unlocked, timeout=10_000) as opened:
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)

    assert opened.args[0].vault_path == vault_path
    opened.args[0].close()


def test_the_window_shows_it_is_busy_while_unlocking(
    qtbot: QtBot, tasks: TaskRunner, vault_path: Path
) -> None:
    dialog = _dialog(qtbot, tasks, _closed_vault(vault_path))
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)

    with qtbot.waitSignal(dialog.unlocked, timeout=10_000) as opened:
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
        # Key derivation takes ~0.2 s; meanwhile the bar runs and the fields are locked.
        assert dialog.progress.isVisible()
        assert not dialog.passphrase.isEnabled()
        assert dialog.progress_label.text() == "Unlocking…"

    assert not dialog.progress.isVisible()
    opened.args[0].close()
