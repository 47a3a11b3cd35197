"""Emitting signals must not drain references to `True` (PySide6 6.12 bug, see signal_emit)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

import alliance_desktop.ui
from alliance_desktop.ui.signal_emit import emit

EMITS = 2000


class _Sender(QObject):
    happened = Signal(object)
    forwarded = Signal()


def test_thousands_of_emits_leave_true_with_its_references(qtbot: QtBot) -> None:
    sender = _Sender()
    received: list[object] = []
    sender.happened.connect(received.append)

    before = sys.getrefcount(True)
    for number in range(EMITS):
        emit(sender.happened, number)
    after = sys.getrefcount(True)

    assert len(received) == EMITS
    # Unpatched, PySide6 6.12.0 loses one reference per emit (here: 2000).
    assert after >= before - 10


def test_signals_forwarded_by_qt_itself_need_no_help(qtbot: QtBot) -> None:
    button = QPushButton()
    sender = _Sender()
    button.clicked.connect(sender.forwarded)
    count: list[int] = []
    sender.forwarded.connect(lambda: count.append(1))

    before = sys.getrefcount(True)
    for _ in range(500):
        button.click()
    after = sys.getrefcount(True)

    assert len(count) == 500
    assert after >= before - 10


def test_the_ui_never_calls_emit_directly() -> None:
    package = Path(alliance_desktop.ui.__file__).parent
    direct = [
        f"{path.relative_to(package)}:{number}"
        for path in package.rglob("*.py")
        if path.name != "signal_emit.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\.emit\(", line)
    ]
    assert direct == [], "use alliance_desktop.ui.signal_emit.emit(signal, ...)"
