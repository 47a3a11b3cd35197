"""Run in a child process by test_drafts_across_lock.py: unlock, open a session, type a note,
wait until the draft is in the vault, say "typed", then wait to be killed."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from alliance_desktop.ui import draft_keeper
from alliance_desktop.ui.app import AppSession, configure_application
from alliance_desktop.ui.dialogs.session_dialog import SessionDialog
from tests.factories import PASSPHRASE


def main(vault_path: Path, session_id: int, note: str) -> None:
    draft_keeper.QUIET_MS = 200
    app = QApplication(sys.argv)
    configure_application(app)
    session = AppSession(vault_path, PASSPHRASE)
    state = {"opened": False, "typed": False}

    def step() -> None:
        window = session.main_window
        if window is None:
            if session.unlock_dialog.passphrase.isEnabled() and not state["opened"]:
                session.unlock_dialog._submit()
                state["opened"] = True
            return
        if not state["typed"] and not window.session_editing._editor_open:
            window.session_editing.open_session(session_id)
            return
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, SessionDialog) and not state["typed"]:
            dialog.progress_note.setFocus()
            QTest.keyClicks(dialog.progress_note, f" {note}")
            state["typed"] = True
            return
        drafts = session.drafts
        if state["typed"] and drafts is not None and drafts.drafts():
            session.tasks.wait_until_idle()
            print("typed", flush=True)

    timer = QTimer()
    timer.timeout.connect(step)
    timer.start(50)
    session.start()
    app.exec()


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3])
