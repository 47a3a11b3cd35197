"""Crisis contacts in the practice profile dialog: kept when saved, edited in a small table,
and a missing phone named by its row."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidgetItem
from pytestqt.qtbot import QtBot

from alliance_desktop.domain.crisis_contacts import CrisisContact
from alliance_desktop.domain.practice_profile import PracticeProfile
from alliance_desktop.ui.dialogs.practice_profile_dialog import PracticeProfileDialog

SAMARITANS = CrisisContact("Samaritans", "116 123", "24 hours, every day")


def _dialog(qtbot: QtBot, profile: PracticeProfile) -> PracticeProfileDialog:
    dialog = PracticeProfileDialog(profile)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_contacts_are_kept_when_the_profile_is_saved_unchanged(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, PracticeProfile(crisis_contacts=(SAMARITANS,)))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = dialog.result_profile()
    assert saved is not None and saved.crisis_contacts == (SAMARITANS,)


def test_a_contact_added_and_trimmed(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, PracticeProfile())
    editor = dialog.crisis_contacts
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    for column, text in enumerate((" Out-of-hours GP ", "111", "")):
        editor.table.setItem(0, column, QTableWidgetItem(text))
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)  # left blank: dropped
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = dialog.result_profile()
    assert saved is not None
    assert saved.crisis_contacts == (CrisisContact("Out-of-hours GP", "111", ""),)


def test_a_contact_without_a_phone_is_named_by_its_row(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, PracticeProfile(crisis_contacts=(SAMARITANS,)))
    editor = dialog.crisis_contacts
    editor.add_row(CrisisContact("Crisis team", ""))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.result_profile() is None
    assert dialog.messages.message("crisis_contacts") == (
        "Row 2: Crisis contact phone is required."
    )
    editor.table.selectRow(1)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert editor.contacts() == (SAMARITANS,)


def test_a_long_name_wraps_and_its_cell_says_it_whole(qtbot: QtBot) -> None:
    from alliance_desktop.ui.widgets.crisis_contacts_editor import CrisisContactsEditor

    long_name = CrisisContact("Samaritans, to talk to someone", "116 123", "24 hours, every day")
    editor = CrisisContactsEditor()
    qtbot.addWidget(editor)
    editor.set_contacts((long_name,))
    editor.resize(320, 240)  # the name column narrower than the name
    editor.show()
    qtbot.waitExposed(editor)

    table = editor.table
    assert table.wordWrap()
    # Two lines' height for the name in a narrow column, not one line cut short.
    qtbot.waitUntil(lambda: table.rowHeight(0) > 2 * table.fontMetrics().height())
    name = table.item(0, 0)
    assert name is not None and name.toolTip() == long_name.name
    name.setText("Shout, text 85258")  # edited: the tooltip follows
    assert name.toolTip() == "Shout, text 85258"
