"""The Ending tab as a clinician uses it: write the plan by typing, save it, see readiness."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from alliance_desktop.domain.ending import EndingPlan, EndingReason
from alliance_desktop.domain.session import SessionStatus
from alliance_desktop.services import Practice
from alliance_desktop.ui.main_window import MainWindow
from alliance_desktop.ui.report_request import FOR_YOUR_FILE, ReportKind
from alliance_desktop.ui.tasks import TaskRunner
from alliance_desktop.ui.views.client_tabs.ending_tab import DRAFT_KEPT, SAVED, EndingTab
from tests.factories import PASSPHRASE, make_client, make_session
from tests.ui.second_look import second_look


def _in_vault(vault_path: Path, client_id: int) -> EndingPlan | None:
    """Read back through a second, fresh unlock: what is really on disk."""
    with second_look(vault_path, PASSPHRASE) as reopened:
        if not reopened.ending.has_plan(client_id):
            return None
        return reopened.ending.plan(client_id)


@pytest.fixture
def client_id(practice: Practice) -> int:
    return practice.add_client(make_client(name="Ada Quinn", preferred_name="")).id or 0


def _open_tab(qtbot: QtBot, window: MainWindow, tasks: TaskRunner, client_id: int) -> EndingTab:
    window.clients_view.refresh()
    qtbot.waitUntil(lambda: window.clients_view.model.row_of(client_id) is not None)
    window.open_client(client_id)
    window.clients_view.overview.show_tab("Ending")
    tab = window.ending_tab
    qtbot.waitUntil(lambda: tab.loaded_client_id == client_id and not tasks.is_busy)
    assert tab.isVisible()
    return tab


def _tick_and_set(qtbot: QtBot, field: object, day: dt.date) -> None:
    known = field.known  # type: ignore[attr-defined]
    if not known.isChecked():
        qtbot.mouseClick(known, Qt.MouseButton.LeftButton)
    field.date_edit.setDate(QDate(day.year, day.month, day.day))  # type: ignore[attr-defined]


def test_a_plan_typed_and_saved_is_in_the_vault_as_typed(
    qtbot: QtBot,
    main_window: MainWindow,
    tasks: TaskRunner,
    client_id: int,
    vault_path: Path,
) -> None:
    tab = _open_tab(qtbot, main_window, tasks, client_id)
    form = tab.form
    assert not tab.save_button.isEnabled()  # nothing typed yet
    form.reason.setCurrentIndex(form.reason.findData(EndingReason.LIFE_CHANGE))
    qtbot.keyClicks(form.reason_note, "Moving to Leeds for work in May")
    _tick_and_set(qtbot, form.started_on, dt.date(2026, 3, 2))
    _tick_and_set(qtbot, form.planned_last_session, dt.date(2026, 4, 27))
    qtbot.keyClicks(form.tapering, "Fortnightly in April")
    qtbot.keyClicks(form.lists["what_helped"], "  Walking to work  ")
    qtbot.keyClick(form.lists["what_helped"], Qt.Key.Key_Return)
    qtbot.keyClick(form.lists["what_helped"], Qt.Key.Key_Return)  # an empty line: dropped
    qtbot.keyClicks(form.lists["what_helped"], "Naming the worry out loud")
    qtbot.keyClicks(form.lists["supports"], "Sam (partner)")
    qtbot.keyClicks(form.if_things_get_worse, "Book a session, or see the GP")
    form.follow_up_dates.new_date.setDate(QDate(2026, 6, 8))
    qtbot.mouseClick(form.follow_up_dates.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(form.referral, "Leeds talking therapies")
    assert tab.has_unsaved_changes and tab.save_button.isEnabled()

    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.has_unsaved_changes and not tasks.is_busy)

    saved = _in_vault(vault_path, client_id)
    assert saved is not None
    assert saved.reason is EndingReason.LIFE_CHANGE
    assert saved.reason_note == "Moving to Leeds for work in May"
    assert saved.started_on == dt.date(2026, 3, 2)
    assert saved.planned_last_session == dt.date(2026, 4, 27)
    assert saved.tapering == "Fortnightly in April"
    assert saved.maintenance.what_helped == ("Walking to work", "Naming the worry out loud")
    assert saved.maintenance.supports == ("Sam (partner)",)
    assert saved.maintenance.if_things_get_worse == "Book a session, or see the GP"
    assert saved.follow_up_dates == (dt.date(2026, 6, 8),)
    assert saved.referral == "Leeds talking therapies"
    # The form shows the plan as saved (trimmed, the empty line gone), and says so.
    assert form.lists["what_helped"].toPlainText() == "Walking to work\nNaming the worry out loud"
    assert tab.state.text() == SAVED
    assert not tab.save_button.isEnabled()
    assert main_window.statusBar().currentMessage() == "Ending plan saved."


def test_a_last_session_before_the_ending_began_is_shown_at_the_field_and_not_saved(
    qtbot: QtBot,
    main_window: MainWindow,
    tasks: TaskRunner,
    client_id: int,
    vault_path: Path,
) -> None:
    tab = _open_tab(qtbot, main_window, tasks, client_id)
    form = tab.form
    form.reason.setCurrentIndex(form.reason.findData(EndingReason.GOALS_MET))
    _tick_and_set(qtbot, form.started_on, dt.date(2026, 3, 10))
    _tick_and_set(qtbot, form.planned_last_session, dt.date(2026, 3, 1))

    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tasks.is_busy)

    assert "cannot be before the ending work starts" in form.message("planned_last_session")
    assert form.message("started_on") == ""
    assert tab.has_unsaved_changes  # still there to correct
    assert _in_vault(vault_path, client_id) is None

    # Corrected, it saves and the message goes.
    form.planned_last_session.date_edit.setDate(QDate(2026, 4, 20))
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.has_unsaved_changes and not tasks.is_busy)
    assert form.message("planned_last_session") == ""
    saved = _in_vault(vault_path, client_id)
    assert saved is not None and saved.planned_last_session == dt.date(2026, 4, 20)


def test_the_reason_has_no_default_and_a_plan_without_one_is_not_saved(
    qtbot: QtBot,
    main_window: MainWindow,
    tasks: TaskRunner,
    client_id: int,
    vault_path: Path,
) -> None:
    tab = _open_tab(qtbot, main_window, tasks, client_id)
    form = tab.form
    assert form.reason.currentData() is None
    assert form.reason.currentText() == "Choose a reason…"
    qtbot.keyClicks(form.reason_note, "We talked it through")

    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tasks.is_busy)

    assert form.message("reason") == "Choose why therapy is ending before saving the plan."
    assert _in_vault(vault_path, client_id) is None


def test_a_follow_up_before_the_last_session_is_named_by_its_date(
    qtbot: QtBot, main_window: MainWindow, tasks: TaskRunner, client_id: int
) -> None:
    tab = _open_tab(qtbot, main_window, tasks, client_id)
    form = tab.form
    _tick_and_set(qtbot, form.planned_last_session, dt.date(2026, 4, 27))
    form.follow_up_dates.add_date(dt.date(2026, 4, 6))

    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)

    message = form.message("follow_up_dates")
    assert message.startswith("Monday 6 April 2026: ")
    assert "after the last regular session" in message


def test_unsaved_typing_comes_back_when_the_client_is_opened_again(
    qtbot: QtBot, practice: Practice, main_window: MainWindow, tasks: TaskRunner, client_id: int
) -> None:
    other_id = practice.add_client(make_client(name="Ben Ortiz", preferred_name="")).id or 0
    tab = _open_tab(qtbot, main_window, tasks, client_id)
    qtbot.keyClicks(tab.form.tapering, "Monthly from June")

    main_window.clients_view.select_client(other_id)
    qtbot.waitUntil(lambda: tab.loaded_client_id == other_id and not tasks.is_busy)
    assert tab.form.tapering.text() == ""  # Ben's plan is not Ada's
    assert not tab.has_unsaved_changes

    main_window.clients_view.select_client(client_id)
    qtbot.waitUntil(lambda: tab.loaded_client_id == client_id and not tasks.is_busy)
    assert tab.form.tapering.text() == "Monthly from June"
    assert tab.has_unsaved_changes and tab.state.text() == DRAFT_KEPT

    qtbot.mouseClick(tab.discard_button, Qt.MouseButton.LeftButton)
    assert tab.form.tapering.text() == ""
    assert not tab.has_unsaved_changes


def test_readiness_is_put_in_plain_words(
    qtbot: QtBot, practice: Practice, main_window: MainWindow, tasks: TaskRunner, client_id: int
) -> None:
    attended, no_show = SessionStatus.ATTENDED, SessionStatus.NO_SHOW
    for week, status in enumerate((attended, attended, no_show, attended)):
        practice.calendar.book(
            make_session(
                client_id, dt.datetime(2026, 2, 2, 10) + dt.timedelta(weeks=week), status=status
            )
        )
    tab = _open_tab(qtbot, main_window, tasks, client_id)

    text = tab.readiness.text()
    assert "Attendance: 75%: 3 of 4 booked sessions attended." in text
    assert "Goals: No goals agreed yet." in text
    assert "Alliance: No check-ins recorded yet." in text
    assert "Ruptures: None open." in text


def test_the_ending_plan_button_saves_then_opens_the_report_for_the_file(
    qtbot: QtBot, main_window: MainWindow, tasks: TaskRunner, client_id: int, vault_path: Path
) -> None:
    tab = _open_tab(qtbot, main_window, tasks, client_id)
    qtbot.mouseClick(tab.plan_pdf_button, Qt.MouseButton.LeftButton)
    # No plan yet and nothing typed: nothing to print, and the tab says so.
    assert "save it first" in tab.general_message.text()
    assert main_window.current_page() is main_window.clients_view

    qtbot.keyClicks(tab.form.reason_note, "Goals met")
    tab.form.reason.setCurrentIndex(tab.form.reason.findData(EndingReason.GOALS_MET))
    qtbot.mouseClick(tab.plan_pdf_button, Qt.MouseButton.LeftButton)

    page = main_window.reports_view
    qtbot.waitUntil(lambda: page.preview.is_ready and page.shown_request is not None)
    assert main_window.current_page() is page
    request = page.shown_request
    assert request is not None
    assert (request.client_id, request.kind) == (client_id, ReportKind.ENDING_PLAN)
    assert page.audience.text() == FOR_YOUR_FILE
    saved = _in_vault(vault_path, client_id)
    assert saved is not None and saved.reason_note == "Goals met"
