"""The question asked when an editor with typed changes is closed: Save, Discard, Keep editing.

Save is the default (Enter); Escape answers Keep editing; Discard is never the default, so no
key press alone throws typed text away. Tests replace `ask_about_changes` with monkeypatch.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QMessageBox, QWidget
from shiboken6 import isValid


class Answer(Enum):
    SAVE = "save"
    DISCARD = "discard"
    KEEP_EDITING = "keep_editing"


def unsaved_box(parent: QWidget | None, what: str) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Question, "Unsaved changes", "", parent=parent)
    box.setObjectName("unsavedChangesBox")
    box.setText(f"You have typed changes in this {what} that are not saved yet.")
    box.setInformativeText(
        "Save them now, discard them, or go back to editing. Until you choose, what you "
        "typed is kept as an encrypted draft in the vault."
    )
    save = box.addButton("Save", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Discard changes", QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton("Keep editing", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.setEscapeButton(keep)
    return box


def answer_of(box: QMessageBox) -> Answer:
    if not isValid(box):  # closed from outside (a lock): nothing was chosen
        return Answer.KEEP_EDITING
    clicked = box.clickedButton()
    if clicked is None:
        return Answer.KEEP_EDITING
    role = box.buttonRole(clicked)
    if role is QMessageBox.ButtonRole.AcceptRole:
        return Answer.SAVE
    if role is QMessageBox.ButtonRole.DestructiveRole:
        return Answer.DISCARD
    return Answer.KEEP_EDITING


def ask_about_changes(parent: QWidget | None, what: str) -> Answer:
    box = unsaved_box(parent, what)
    box.exec()
    return answer_of(box)
