"""How the app tells the clinician something went wrong, or asks before a big step.

Every message box goes through here, so tests can replace these functions with monkeypatch
instead of clicking real modal boxes.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtWidgets import QMessageBox, QWidget

from alliance_desktop.domain.errors import InvalidInput, RecordNotFound
from alliance_desktop.domain.handover_errors import HandoverError
from alliance_desktop.domain.vault_errors import VaultError

log = logging.getLogger(__name__)

# Errors whose text was written for the clinician; anything else is a bug on our side.
EXPECTED_ERRORS = (VaultError, HandoverError, InvalidInput, RecordNotFound)


def describe_error(error: BaseException) -> str:
    """One readable sentence; never a traceback (that goes to the log for us, not to them)."""
    if isinstance(error, EXPECTED_ERRORS):
        return str(error)
    log.error("Unexpected error", exc_info=error)
    return (
        "Something unexpected went wrong and this action was not completed "
        f"({type(error).__name__}: {error}). Your saved records are unaffected; "
        "please try again, and if it keeps happening, note what you were doing."
    )


def show_error(parent: QWidget | None, title: str, error: BaseException) -> None:
    QMessageBox.warning(parent, title, describe_error(error))


def confirm(parent: QWidget | None, title: str, question: str, action_label: str) -> bool:
    """Ask before a consequential step; the safe choice (Cancel) is the default."""
    box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=parent)
    go = box.addButton(action_label, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is go


def choose(parent: QWidget | None, title: str, question: str, choices: Sequence[str]) -> str | None:
    """Ask which of several ways to go ("This session only", "This and following"); returns
    the chosen label, or None for Cancel (the default, so Enter never picks the bigger step)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=parent)
    buttons = [
        (box.addButton(choice, QMessageBox.ButtonRole.AcceptRole), choice) for choice in choices
    ]
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return next((choice for button, choice in buttons if button is clicked), None)
