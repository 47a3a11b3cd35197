"""The frame every form dialog shares: its body (text, a form, tabs, a message) above one row of
buttons, Save (the default, so Return in a one-line field saves) and Cancel.

Cancel, Escape and closing the window all go through the dialog's own `reject`, and Save
through its `accept`, exactly as a hand-made button row would: an editor that asks about
unsaved changes before it closes keeps asking. A dialog that needs other buttons (a wizard,
Close only) builds its own row.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QMargins
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

MARGINS = QMargins(20, 18, 20, 16)

# What goes into the body, top to bottom: a widget, a layout, or a gap in pixels.
Part = QWidget | QLayout | int


class DialogButtons(QDialogButtonBox):
    """Save (or `accept`, e.g. OK) and Cancel, wired to `dialog`'s accept and reject."""

    def __init__(
        self,
        dialog: QDialog,
        accept_text: str = "",
        accept: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.Save,
    ) -> None:
        # Made inside `dialog` at once: a default set on a button outside its dialog is lost
        # when the dialog shows (Qt then picks the first button in the focus chain instead,
        # e.g. the client record's "Add consent…").
        super().__init__(accept | QDialogButtonBox.StandardButton.Cancel, dialog)
        save = self.button(accept)
        assert save is not None
        self.save_button: QPushButton = save
        if accept_text:
            save.setText(accept_text)
        save.setDefault(True)
        self.accepted.connect(dialog.accept)
        self.rejected.connect(dialog.reject)


# Room left on the screen for the window's title bar and a desktop panel.
SCREEN_ALLOWANCE = 60


def first_size(dialog: QDialog, width: int, height: int) -> None:
    """Open `dialog` at `width`×`height`, or shorter on a screen without the room (a
    1280×720 laptop): its pages scroll rather than run off the bottom of the screen."""
    available = dialog.screen().availableGeometry().height() - SCREEN_ALLOWANCE
    dialog.resize(width, max(dialog.minimumHeight(), min(height, available)))


def form_message() -> QLabel:
    """What is wrong with the form as a whole (not one field), shown above the buttons when
    there is something to say."""
    label = QLabel()
    label.setObjectName("fieldMessage")
    label.setWordWrap(True)
    label.hide()
    return label


def frame_dialog(
    dialog: QDialog, body: Iterable[Part], buttons: QDialogButtonBox, title: str = ""
) -> QVBoxLayout:
    """Lay `body` out in `dialog` with the shared margins, `buttons` last; returns the layout
    (to give a part room to grow with `setStretchFactor`)."""
    if title:
        dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    layout.setContentsMargins(MARGINS)
    for part in body:
        if isinstance(part, int):
            layout.addSpacing(part)
        elif isinstance(part, QLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part)
    layout.addWidget(buttons)
    return layout
