"""A note typed when the app locks (idle, Ctrl+L) or is killed is found again after unlocking:
listed ("1 unsaved session note from today, 10:40") and reopened in its editor."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from alliance_desktop.domain.draft import Draft
from alliance_desktop.services import Practice
from alliance_desktop.ui import draft_keeper
from alliance_desktop.ui.app import AppSession
from alliance_desktop.ui.dialogs import drafts_found_dialog
from alliance_desktop.ui.dialogs.session_dialog import SessionDialog
from alliance_desktop.ui.signal_emit import emit
from tests.factories import PASSPHRASE
from tests.ui.dialog_driver import when_dialog_opens
from tests.ui.draft_fixtures import NOTE
from tests.ui.test_lock import _end, _unlock, app_session, record_vault

__all__ = ["app_session", "record_vault"]  # fixtures, used by name

CHILD = Path(__file__).with_name("draft_kill_child.py")


def _session_id(vault_path: Path) -> int:
    practice = Practice.open(vault_path, PASSPHRASE)
    try:
        client = practice.client_summaries()[0]
        return practice.calendar.client_history(client.id).entries[0].session_id
    finally:
        practice.close()


@pytest.fixture
def offered(monkeypatch: pytest.MonkeyPatch) -> list[list[Draft]]:
    """Answers "Reopen them" to the drafts-found question, remembering what it listed."""
    seen: list[list[Draft]] = []

    def ask(_parent: object, drafts: Sequence[Draft], _today: object) -> bool:
        seen.append(list(drafts))
        return True

    monkeypatch.setattr(drafts_found_dialog, "ask_to_reopen", ask)
    return seen


def _reopened_note(qtbot: QtBot, session: AppSession) -> tuple[str, list[str]]:
    """Unlock; the drafts are offered and the session editor opens with what it holds."""
    shown: list[tuple[str, list[str]]] = []
    when_dialog_opens(
        SessionDialog,
        lambda dialog: shown.append(
            (
                dialog.progress_note.toPlainText(),
                [label.text() for label in dialog.findChildren(QLabel)],
            )
        ),
    )
    _unlock(qtbot, session)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    return shown[0]


def test_the_idle_lock_keeps_the_typed_note_and_unlocking_reopens_it(
    qtbot: QtBot,
    app_session: AppSession,
    record_vault: tuple[Path, int],
    offered: list[list[Draft]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(draft_keeper, "QUIET_MS", 60_000)  # only the lock can write it
    session_id = _session_id(record_vault[0])
    window = _unlock(qtbot, app_session)
    qtbot.waitUntil(lambda: not app_session.tasks.is_busy)
    assert offered == []  # nothing to offer the first time

    def type_then_go_idle(dialog: SessionDialog) -> None:
        dialog.progress_note.setFocus()
        qtbot.keyClicks(dialog.progress_note, f" {NOTE}")
        emit(app_session.idle.idle)  # no input for the idle time: the app locks

    typing = when_dialog_opens(SessionDialog, type_then_go_idle)
    with qtbot.waitSignal(app_session.locked, timeout=10_000):
        window.session_editing.open_session(session_id)
    assert typing.opened
    del window

    text, labels = _reopened_note(qtbot, app_session)
    assert NOTE in text and text.endswith("Quillon-Vesperine")  # typed before the saved note
    assert any(label.startswith("Unsaved changes from") for label in labels)
    assert [draft.key for draft in offered[0]] == [("session", str(session_id))]


def test_a_killed_app_leaves_the_note_in_the_vault_and_the_next_unlock_offers_it(
    qtbot: QtBot,
    record_vault: tuple[Path, int],
    offered: list[list[Draft]],
    tmp_path: Path,
) -> None:
    vault_path = record_vault[0]
    session_id = _session_id(vault_path)
    env = {
        **os.environ,
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": os.pathsep.join(sys.path),
    }
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(vault_path), str(session_id), NOTE],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()  # the child has typed and the draft has been written
        assert line.strip() == "typed", child.stderr.read() if child.stderr else line
    finally:
        child.send_signal(signal.SIGKILL)  # no chance to tidy up
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL

    session = AppSession(vault_path, clipboard_clear_ms=60_000)
    session.start()
    try:
        text, _labels = _reopened_note(qtbot, session)
        assert NOTE in text and text.endswith("Quillon-Vesperine")  # typed before the saved note
        assert [draft.key for draft in offered[0]] == [("session", str(session_id))]
    finally:
        _end(session)


def test_quitting_keeps_what_was_typed_in_the_ending_plan(
    qtbot: QtBot,
    record_vault: tuple[Path, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(draft_keeper, "QUIET_MS", 60_000)  # only the quit can write it
    vault_path, client_id = record_vault
    session = AppSession(vault_path, clipboard_clear_ms=60_000)
    session.start()
    window = _unlock(qtbot, session)
    window.open_client(client_id)
    window.clients_view.overview.show_tab("Ending")
    tab = window.ending_tab
    qtbot.waitUntil(lambda: tab.loaded_client_id == client_id and not session.tasks.is_busy)
    qtbot.keyClicks(tab.form.tapering, "Monthly from June")
    _end(session)  # File › Quit: the window closes, then the session finishes
    practice = Practice.open(vault_path, PASSPHRASE)
    try:
        drafts = {draft.key: draft for draft in practice.drafts.all()}
    finally:
        practice.close()
    assert "Monthly from June" in drafts[("ending_plan", str(client_id))].fields.values()
