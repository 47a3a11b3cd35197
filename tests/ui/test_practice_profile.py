"""The practice profile dialog, and what saving it changes elsewhere."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from alliance_desktop.domain.practice_profile import DateStyle, PaperSize, PracticeProfile
from alliance_desktop.services import Practice
from alliance_desktop.ui.dialogs.practice_profile_dialog import PracticeProfileDialog
from alliance_desktop.ui.main_window import CLIENTS_PAGE, MainWindow
from alliance_desktop.ui.tasks import TaskRunner
from tests.factories import PASSPHRASE, make_client
from tests.ui.dialog_driver import when_dialog_opens
from tests.ui.second_look import second_look


def test_a_bad_email_is_shown_at_its_field_and_the_dialog_stays_open(qtbot: QtBot) -> None:
    dialog = PracticeProfileDialog(PracticeProfile())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.email, "alex at example")

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    assert "does not look like an e-mail address" in dialog.messages.message("email")
    assert dialog.result_profile() is None


def test_the_dialog_returns_the_profile_as_typed_and_trimmed(qtbot: QtBot) -> None:
    dialog = PracticeProfileDialog(PracticeProfile())
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.clinician_name, " Dr Alex Morgan ")
    dialog.session_minutes.setValue(60)
    dialog.paper_size.setCurrentIndex(dialog.paper_size.findData(PaperSize.LETTER))

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.result_profile() == PracticeProfile(
        clinician_name="Dr Alex Morgan",
        default_session_minutes=60,
        paper_size=PaperSize.LETTER,
    )


def test_saving_the_profile_stores_it_and_changes_how_dates_are_shown(
    qtbot: QtBot,
    practice: Practice,
    main_window: MainWindow,
    tasks: TaskRunner,
    vault_path: Path,
) -> None:
    practice.add_client(make_client(start_date=dt.date(2026, 1, 8)))
    main_window.clients_view.refresh()
    main_window.show_page(CLIENTS_PAGE)
    qtbot.waitUntil(lambda: main_window.clients_view.model.rowCount() == 1)
    start_cell = main_window.clients_view.model.index(0, 2)
    assert start_cell.data() == "08/01/2026"

    def fill_in(dialog: PracticeProfileDialog) -> None:
        qtbot.keyClicks(dialog.clinician_name, "Dr Alex Morgan")
        dialog.date_style.setCurrentIndex(dialog.date_style.findData(DateStyle.ISO))
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    driver = when_dialog_opens(PracticeProfileDialog, fill_in)
    main_window.menu_actions.practice_profile.trigger()
    qtbot.waitUntil(lambda: driver.opened and not tasks.is_busy)
    qtbot.waitUntil(lambda: main_window.date_style is DateStyle.ISO)

    assert main_window.clients_view.model.index(0, 2).data() == "2026-01-08"
    qtbot.waitUntil(lambda: "Dr Alex Morgan" in main_window.today_view.greeting.text())
    with second_look(vault_path, PASSPHRASE) as reopened:
        assert reopened.profile().clinician_name == "Dr Alex Morgan"
        assert reopened.profile().date_style is DateStyle.ISO


def test_a_new_vault_asks_for_the_profile_and_stops_asking_once_it_is_saved(
    qtbot: QtBot, main_window: MainWindow, tasks: TaskRunner
) -> None:
    today = main_window.today_view
    qtbot.waitUntil(lambda: today.profile_prompt.isVisible())

    def fill_in(dialog: PracticeProfileDialog) -> None:
        qtbot.keyClicks(dialog.clinician_name, "Dr Alex Morgan")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    driver = when_dialog_opens(PracticeProfileDialog, fill_in)
    qtbot.mouseClick(today.profile_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: driver.opened and not tasks.is_busy)
    qtbot.waitUntil(lambda: not today.profile_prompt.isVisible())
    assert "Dr Alex Morgan" in today.greeting.text()
