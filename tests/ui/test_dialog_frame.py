"""One dialog frame, reused: the body top to bottom, then Save (the default) and Cancel wired
to the dialog's own accept and reject, so Return saves and Escape still goes through reject
(where an editor asks about unsaved changes)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout
from pytestqt.qtbot import QtBot

import alliance_desktop.ui.dialogs as dialogs_package
from alliance_desktop.ui.dialogs.dialog_frame import MARGINS, DialogButtons, frame_dialog


class _Editor(QDialog):
    def __init__(self) -> None:
        super().__init__()
        self.calls: list[str] = []
        self.field = QLineEdit()
        self.heading = QLabel("Heading")
        form = QVBoxLayout()
        form.addWidget(self.field)
        self.buttons = DialogButtons(self, "Keep")
        frame_dialog(self, [self.heading, 6, form], self.buttons, title="An editor")

    def accept(self) -> None:
        self.calls.append("accept")
        super().accept()

    def reject(self) -> None:
        self.calls.append("reject")
        super().reject()


def test_the_body_comes_first_and_the_buttons_last(qtbot: QtBot) -> None:
    dialog = _Editor()
    qtbot.addWidget(dialog)
    layout = dialog.layout()
    assert isinstance(layout, QVBoxLayout)
    assert layout.contentsMargins() == MARGINS
    assert dialog.windowTitle() == "An editor"
    assert layout.itemAt(0).widget() is dialog.heading
    assert layout.itemAt(1).spacerItem() is not None  # the 6-pixel gap
    assert layout.itemAt(2).layout() is not None
    assert layout.itemAt(layout.count() - 1).widget() is dialog.buttons


def test_save_is_the_default_and_return_in_a_field_goes_through_accept(qtbot: QtBot) -> None:
    dialog = _Editor()
    qtbot.addWidget(dialog)
    dialog.show()
    save = dialog.buttons.save_button
    assert save.text() == "Keep"
    assert save.isDefault()
    dialog.field.setFocus()
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert dialog.calls == ["accept"]
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_cancel_and_escape_go_through_the_dialogs_own_reject(qtbot: QtBot) -> None:
    dialog = _Editor()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    dialog.show()
    qtbot.keyClick(dialog.field, Qt.Key.Key_Escape)
    assert dialog.calls == ["reject", "reject"]


def test_no_dialog_builds_its_own_save_and_cancel_row() -> None:
    """A copied row would drift from the frame (margins, default button, wiring)."""
    folder = Path(dialogs_package.__file__).parent
    copied = [
        path.name
        for path in folder.glob("*.py")
        if "StandardButton.Save | QDialogButtonBox.StandardButton.Cancel" in path.read_text()
        and path.name != "dialog_frame.py"
    ]
    assert copied == []


def test_a_first_size_never_runs_off_a_short_screen(qtbot: QtBot) -> None:
    from alliance_desktop.ui.dialogs.dialog_frame import SCREEN_ALLOWANCE, first_size

    dialog = QDialog()
    qtbot.addWidget(dialog)
    room = dialog.screen().availableGeometry().height() - SCREEN_ALLOWANCE
    first_size(dialog, 700, room + 300)
    assert dialog.size().width() == 700
    assert dialog.size().height() == room
    first_size(dialog, 700, room - 100)
    assert dialog.size().height() == room - 100


def test_save_stays_the_default_beside_other_buttons_in_the_body(qtbot: QtBot) -> None:
    """The client record has "Add consent…" before Save in the focus chain: Qt would make it
    the default when the dialog shows unless Save's default was set inside the dialog."""
    from PySide6.QtWidgets import QPushButton

    dialog = QDialog()
    qtbot.addWidget(dialog)
    field, other = QLineEdit(), QPushButton("Add consent…")
    buttons = DialogButtons(dialog)
    frame_dialog(dialog, [field, other], buttons)
    dialog.show()
    field.setFocus()
    assert buttons.save_button.isDefault()
    assert not other.isDefault()


def test_the_practice_profile_keeps_save_on_a_short_screen(qtbot: QtBot) -> None:
    """Its form (crisis contacts last) is taller than a small laptop's screen leaves room
    for: the form scrolls, so the dialog can be short enough, Save at its foot."""
    from alliance_desktop.domain.practice_profile import PracticeProfile
    from alliance_desktop.ui.dialogs.practice_profile_dialog import PracticeProfileDialog

    dialog = PracticeProfileDialog(PracticeProfile())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    assert dialog.minimumSizeHint().height() <= 500  # unscrolled, the form alone is ~600
    dialog.resize(dialog.width(), 480)
    qtbot.wait(10)
    save = dialog.save_button
    assert save.isVisible()
    assert save.mapTo(dialog, save.rect().bottomLeft()).y() <= dialog.height()
