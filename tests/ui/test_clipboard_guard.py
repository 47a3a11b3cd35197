"""Text copied from a record leaves the clipboard after a while, at lock and at quit; what
another program copied afterwards stays."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QTextEdit
from pytestqt.qtbot import QtBot

from alliance_desktop.ui.clipboard_guard import ClipboardGuard

MARKER = "Quillon-Vesperine, low mood since March"
SHORT_MS = 150


@pytest.fixture
def guard(qtbot: QtBot) -> Iterator[ClipboardGuard]:
    QGuiApplication.clipboard().clear()
    guard = ClipboardGuard(SHORT_MS)
    guard.start()
    yield guard
    guard.stop()
    QGuiApplication.clipboard().clear()


@pytest.fixture
def field(qtbot: QtBot) -> QLineEdit:
    field = QLineEdit(MARKER)
    qtbot.addWidget(field)
    field.show()
    field.setFocus()
    return field


def _clipboard_text() -> str:
    return QGuiApplication.clipboard().text()


def _copy_with_keys(qtbot: QtBot, field: QLineEdit) -> None:
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert _clipboard_text() == MARKER


def test_text_copied_from_a_record_is_cleared_after_the_timeout(
    qtbot: QtBot, guard: ClipboardGuard, field: QLineEdit
) -> None:
    _copy_with_keys(qtbot, field)
    qtbot.waitUntil(lambda: guard.copied == MARKER)
    with qtbot.waitSignal(guard.cleared, timeout=5_000):
        pass
    assert _clipboard_text() == ""


def test_what_another_program_copied_afterwards_is_left_alone(
    qtbot: QtBot, guard: ClipboardGuard, field: QLineEdit
) -> None:
    _copy_with_keys(qtbot, field)
    qtbot.waitUntil(lambda: guard.copied == MARKER)
    QGuiApplication.clipboard().setText("a recipe from the browser")  # another program

    qtbot.waitUntil(lambda: guard.copied is None, timeout=5_000)
    qtbot.wait(2 * SHORT_MS)
    assert _clipboard_text() == "a recipe from the browser"


def test_copy_with_nothing_selected_does_not_adopt_another_programs_text(
    qtbot: QtBot, guard: ClipboardGuard, field: QLineEdit
) -> None:
    QGuiApplication.clipboard().setText("a recipe from the browser")
    field.deselect()
    qtbot.keyClick(field, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(3 * SHORT_MS)
    assert guard.copied is None
    assert _clipboard_text() == "a recipe from the browser"


def test_cut_and_text_areas_count_too(qtbot: QtBot, guard: ClipboardGuard) -> None:
    area = QTextEdit()
    area.setPlainText(MARKER)
    qtbot.addWidget(area)
    area.show()
    area.setFocus()
    area.selectAll()
    qtbot.keyClick(area, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    assert _clipboard_text() == MARKER
    with qtbot.waitSignal(guard.cleared, timeout=5_000):
        pass
    assert _clipboard_text() == ""


@pytest.mark.parametrize("kind", [QLineEdit, QTextEdit])
def test_copy_from_the_context_menu_is_tracked(
    qtbot: QtBot, guard: ClipboardGuard, kind: type[QLineEdit | QTextEdit]
) -> None:
    field = kind(MARKER)
    qtbot.addWidget(field)
    field.show()
    guard.set_clear_after_ms(60_000)
    field.selectAll()
    target = field.viewport() if isinstance(field, QTextEdit) else field
    centre = target.rect().center()
    QApplication.sendEvent(
        target,
        QContextMenuEvent(QContextMenuEvent.Reason.Mouse, centre, target.mapToGlobal(centre)),
    )
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    copy = next(action for action in menu.actions() if action.objectName() == "edit-copy")
    copy.trigger()
    menu.close()
    assert _clipboard_text() == MARKER
    assert guard.copied == MARKER

    guard.clear_all()  # as at lock and quit
    assert _clipboard_text() == ""


def test_a_copy_button_goes_through_the_guard(qtbot: QtBot, guard: ClipboardGuard) -> None:
    guard.copy_text(MARKER)
    assert _clipboard_text() == MARKER
    with qtbot.waitSignal(guard.cleared, timeout=5_000):
        pass
    assert _clipboard_text() == ""


def test_locking_clears_what_was_copied_at_once(
    qtbot: QtBot, guard: ClipboardGuard, field: QLineEdit
) -> None:
    guard.set_clear_after_ms(60_000)
    _copy_with_keys(qtbot, field)
    qtbot.waitUntil(lambda: guard.copied == MARKER)
    guard.clear_all()
    assert _clipboard_text() == ""
