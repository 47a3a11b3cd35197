"""The right-click menu on a session in the calendar: open it, or mark what happened."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QWidget

from alliance_desktop.domain.session import CalendarEntry, SessionStatus
from alliance_desktop.ui.session_editing import SessionEditing
from alliance_desktop.ui.widgets.calendar_layout import describe_entry
from alliance_desktop.ui.widgets.status_palette import status_icon


def session_menu(parent: QWidget, entry: CalendarEntry, editing: SessionEditing) -> QMenu:
    menu = QMenu(parent)
    heading = menu.addAction(describe_entry(entry).split("\n")[0])
    heading.setEnabled(False)  # whose session this is, as a title
    menu.addAction("Open…", lambda: editing.open_session(entry.session_id))
    menu.addSeparator()
    for status in SessionStatus:
        action = menu.addAction(status_icon(status), f"Mark as {status.label.lower()}")
        action.setCheckable(True)
        action.setChecked(status is entry.status)
        action.setEnabled(status is not entry.status)
        action.triggered.connect(
            lambda _checked=False, status=status: editing.set_status(entry.session_id, status)
        )
    return menu
