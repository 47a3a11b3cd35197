"""The yardsticks the app's start-up is measured against: what Qt and SQLCipher cost alone.

Run as a script (by `test_startup.py`, in a subprocess, beside the app's own start):

- `window`: a bare PySide6 window, shown and painted once.
- `window-unlock PATH`: the same window plus a SQLCipher unlock of the vault at PATH (the
  passphrase from ALLIANCE_PASSPHRASE): key derivation and one query.
- `open-query PATH`: no Qt; a stock open of the vault and one query (for `--json` commands).

Each prints one line, `ready <unix time>`, when it is done (the window painted); the benchmark
subtracts the time it started the process. Nothing here imports the app.
"""

from __future__ import annotations

import os
import sys
import time


def unlock(path: str) -> int:
    """Key derivation (PBKDF2, SQLCipher 4 defaults) and one query of the client list."""
    import sqlcipher3

    connection = sqlcipher3.connect(path, isolation_level=None)
    try:
        literal = os.environ["ALLIANCE_PASSPHRASE"].replace("'", "''")
        connection.execute(f"PRAGMA key = '{literal}'")
        return len(connection.execute("SELECT id, name FROM clients").fetchall())
    finally:
        connection.close()


def window(vault: str | None) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv)
    if vault is not None:
        unlock(vault)
    main = QMainWindow()
    main.setCentralWidget(QLabel("Today"))
    main.resize(1180, 760)

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                app.removeEventFilter(self)
                QTimer.singleShot(0, done)  # after the whole first paint
            return False

    def done() -> None:
        print(f"ready {time.time():.6f}", flush=True)
        app.quit()

    painted = FirstPaint()
    app.installEventFilter(painted)
    main.show()
    app.exec()


def main(argv: list[str]) -> int:
    mode = argv[0] if argv else ""
    if mode == "window":
        window(None)
    elif mode == "window-unlock" and len(argv) == 2:
        window(argv[1])
    elif mode == "open-query" and len(argv) == 2:
        unlock(argv[1])
        print(f"ready {time.time():.6f}", flush=True)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
