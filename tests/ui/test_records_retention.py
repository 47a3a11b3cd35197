"""File › Records and retention: the list, the period, and deleting a record past retention
only after the clinician types the client's name."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from alliance_desktop.domain.client import ClientStatus
from alliance_desktop.services import Practice
from alliance_desktop.ui.main_window import MainWindow
from tests.exchange.samples import NAME, populate
from tests.factories import FIXED_NOW, PASSPHRASE


def ten_years_on() -> dt.datetime:
    return FIXED_NOW.replace(year=FIXED_NOW.year + 10)


@pytest.fixture
def practice(vault_path: Path) -> Iterator[Practice]:
    """Ten years after the sample client's sessions, so the record is past retention."""
    opened = Practice.create(vault_path, PASSPHRASE, clock=ten_years_on)
    client_id = populate(opened)
    opened.update_client(replace(opened.client(client_id), status=ClientStatus.ENDED))
    yield opened
    if opened.is_open:
        opened.close()


def open_dialog(qtbot: QtBot, window: MainWindow):  # type: ignore[no-untyped-def]
    window.menu_actions.records_retention.trigger()
    qtbot.waitUntil(
        lambda: window.retention.dialog is not None and window.retention.dialog.isVisible()
    )
    return window.retention.dialog


def test_the_list_shows_the_finished_client_past_retention(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    dialog = open_dialog(qtbot, main_window)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text() == NAME
    assert dialog.table.item(0, 4).text() == "Past retention: review"
    assert not dialog.delete_button.isEnabled()  # nothing chosen yet
    dialog.table.selectRow(0)
    assert dialog.delete_button.isEnabled()


def test_a_wrong_name_deletes_nothing_and_the_right_one_deletes_the_record(
    qtbot: QtBot, main_window: MainWindow, practice: Practice
) -> None:
    dialog = open_dialog(qtbot, main_window)
    dialog.table.selectRow(0)
    dialog.ask_name = lambda _entry: "someone else"
    dialog.delete_button.click()
    assert "did not match" in dialog.explanation.text()
    assert any(s.name == NAME for s in practice.client_summaries())

    dialog.ask_name = lambda entry: entry.name
    with qtbot.waitSignal(main_window.retention.client_erased, timeout=5000):
        dialog.delete_button.click()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0 and dialog.empty_note.isVisible())
    assert all(s.name != NAME for s in practice.client_summaries())
    assert "deleted for good" in main_window.statusBar().currentMessage()


def test_the_period_is_saved_and_the_list_follows(
    qtbot: QtBot, main_window: MainWindow, practice: Practice
) -> None:
    dialog = open_dialog(qtbot, main_window)
    dialog.years.setValue(30)
    dialog.save_years.click()
    qtbot.waitUntil(lambda: dialog.table.item(0, 4).text() == "")
    assert practice.retention.years() == 30


def test_the_client_header_says_the_record_is_past_retention(
    qtbot: QtBot, main_window: MainWindow, practice: Practice
) -> None:
    client_id = next(s.id for s in practice.client_summaries() if s.name == NAME)
    main_window.open_client(client_id)
    details = main_window.clients_view.overview.details_label
    qtbot.waitUntil(lambda: "past their retention period" in details.text())
