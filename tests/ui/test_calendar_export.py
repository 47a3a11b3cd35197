"""File › Export calendar: the dialog, the .ics it writes, and what never goes into it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from alliance_desktop.domain.calendar_privacy import CalendarNaming
from alliance_desktop.services import Practice
from alliance_desktop.ui.dialogs.calendar_export_dialog import CalendarExportDialog
from alliance_desktop.ui.main_window import MainWindow
from alliance_desktop.ui.tasks import TaskRunner
from tests.factories import make_client, make_session
from tests.ui.dialog_driver import when_dialog_opens

TODAY = dt.date(2026, 3, 14)


def test_the_export_writes_initials_and_never_the_full_name(
    qtbot: QtBot, practice: Practice, main_window: MainWindow, tasks: TaskRunner, tmp_path: Path
) -> None:
    client = practice.add_client(make_client())  # Margaret Okonkwo-Lee
    for day in (16, 23):
        practice.calendar.book(make_session(client.id or 0, dt.datetime(2026, 3, day, 10)))
    target = tmp_path / "diary"  # the .ics ending is added

    def export(dialog: CalendarExportDialog) -> None:
        assert dialog.by_initials.isChecked()  # initials unless the therapist chooses otherwise
        assert "“Session · M.O.”" in dialog.preview.text()
        dialog.path.clear()
        qtbot.keyClicks(dialog.path, str(target))
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    driver = when_dialog_opens(CalendarExportDialog, export)
    main_window.menu_actions.export_calendar.trigger()
    written = target.with_name("diary.ics")
    qtbot.waitUntil(lambda: written.exists() and not tasks.is_busy)

    assert driver.opened
    text = written.read_text(encoding="utf-8")
    assert "Session · M.O." in text
    assert "Margaret" not in text and "Okonkwo" not in text and "Maggie" not in text
    assert main_window.statusBar().currentMessage() == f"Exported 2 sessions to {written}."


def test_the_export_dialog_refuses_a_backwards_range_and_a_missing_folder(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = CalendarExportDialog(TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.last_day.setDate(QDate(2026, 3, 1))
    dialog.path.setText(str(tmp_path / "missing" / "diary.ics"))

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.messages.message("last_day") == "The last day must not be before the first."
    assert "does not exist" in dialog.messages.message("path")
    assert dialog.isVisible() and dialog.result_request() is None

    dialog.last_day.setDate(QDate(2026, 4, 30))
    dialog.path.setText(str(tmp_path / "diary.ics"))
    dialog.by_label.setChecked(True)
    dialog.label.clear()
    qtbot.keyClicks(dialog.label, "Client session")
    assert "“Client session”" in dialog.preview.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    request = dialog.result_request()
    assert request is not None
    assert (request.first_day, request.last_day) == (TODAY, dt.date(2026, 4, 30))
    assert (request.naming, request.label) == (CalendarNaming.LABEL, "Client session")
