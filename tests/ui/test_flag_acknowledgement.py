"""Acknowledging a flag on Today: it leaves the count, shows on the client's page with its note,
and can be reopened there."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from alliance_desktop.domain.alliance_check_in import AllianceRatings
from alliance_desktop.services import Practice
from alliance_desktop.ui.dialogs.acknowledge_flag_dialog import AcknowledgeFlagDialog
from alliance_desktop.ui.main_window import MainWindow
from alliance_desktop.ui.tasks import TaskRunner
from tests.factories import make_client
from tests.ui.dialog_driver import when_dialog_opens
from tests.ui.rupture_fixtures import add_rupture, book_check_in


def test_acknowledge_on_today_then_reopen_on_the_clients_page(
    qtbot: QtBot, practice: Practice, main_window: MainWindow, tasks: TaskRunner
) -> None:
    ada = practice.add_client(make_client(name="Ada Quinn", preferred_name="")).id or 0
    bea = practice.add_client(make_client(name="Bea Lund", preferred_name="")).id or 0
    book_check_in(practice, ada, dt.date(2026, 3, 6), client=AllianceRatings(9, 9, 9, 6))
    add_rupture(practice, bea, dt.date(2026, 2, 20))
    card = main_window.today_view.alliance_flags
    main_window.today_view.refresh()
    qtbot.waitUntil(lambda: len(card.rows) == 2 and not tasks.is_busy)
    assert card.title.text() == "Alliance flags (2)"
    assert not card.acknowledged_note.isVisible()

    def note_it(dialog: AcknowledgeFlagDialog) -> None:
        assert dialog.flag_text.text().count("latest rating (06 Mar 2026) is low") == 1
        qtbot.keyClicks(dialog.note, "Talked about it together")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    low_row = next(row for row in card.rows if row.flag.client_id == ada)
    driver = when_dialog_opens(AcknowledgeFlagDialog, note_it)
    qtbot.mouseClick(low_row.acknowledge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: driver.opened and len(card.rows) == 1 and not tasks.is_busy)
    assert card.title.text() == "Alliance flags (1)"
    assert card.acknowledged_note.isVisible()
    assert card.acknowledged_note.text().startswith("1 more flag is acknowledged")

    main_window.clients_view.refresh()
    qtbot.waitUntil(lambda: main_window.clients_view.is_loaded and not tasks.is_busy)
    main_window.open_client(ada)
    flags = main_window.client_flags
    qtbot.waitUntil(lambda: len(flags.rows) == 1 and not tasks.is_busy)
    row = flags.rows[0]
    assert "Acknowledged 14 Mar 2026: “Talked about it together”" in row.text.text()
    assert row.acknowledge_button.text() == "Reopen"
    assert flags.title.text() == "Alliance flags"  # nothing needs attention here

    qtbot.mouseClick(row.acknowledge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            flags.title.text() == "Alliance flags (1)" and len(card.rows) == 2 and not tasks.is_busy
        )
    )


def test_today_shows_one_row_per_client_and_one_note_acknowledges_them_all(
    qtbot: QtBot, practice: Practice, main_window: MainWindow, tasks: TaskRunner
) -> None:
    ada = practice.add_client(make_client(name="Ada Quinn", preferred_name="")).id or 0
    book_check_in(
        practice,
        ada,
        dt.date(2026, 3, 6),
        client=AllianceRatings(9, 9, 9, 9),
        clinician=AllianceRatings(9, 9, 9, 9),
    )
    book_check_in(
        practice,
        ada,
        dt.date(2026, 3, 13),
        client=AllianceRatings(9, 9, 9, 7),
        clinician=AllianceRatings(9, 9, 9, 8),
    )
    card = main_window.today_view.alliance_flags
    main_window.today_view.refresh()
    qtbot.waitUntil(lambda: len(card.rows) == 1 and not tasks.is_busy)
    row = card.rows[0]
    assert len(row.states) == 4  # low and drop, for each of the two raters
    assert card.title.text() == "Alliance flags (4)"
    assert card.title.toolTip() == "4 flags need attention now, for 1 client"
    assert row.text.text().startswith("<b>Ada Quinn · Rating dropped · Low rating</b>")
    assert "• Client's overall rating dropped 9 → 7" in row.text.text()
    assert "• Your own overall rating dropped 9 → 8" in row.text.text()

    driver = when_dialog_opens(
        AcknowledgeFlagDialog,
        lambda dialog: qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton),
    )
    qtbot.mouseClick(row.acknowledge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: driver.opened and not card.rows and not tasks.is_busy)
    assert card.acknowledged_note.text().startswith("4 more flags are acknowledged")
    assert card.empty_note.isVisible()


def test_persistent_flags_suggest_the_steps_and_lead_to_the_ending_tab(
    qtbot: QtBot, practice: Practice, main_window: MainWindow, tasks: TaskRunner
) -> None:
    ada = practice.add_client(make_client(name="Ada Quinn", preferred_name="")).id or 0
    for day, overall in ((20, 10), (27, 8), (6, 7)):
        month = 2 if day > 10 else 3
        book_check_in(
            practice, ada, dt.date(2026, month, day), client=AllianceRatings(9, 9, 9, overall)
        )
    main_window.clients_view.refresh()
    qtbot.waitUntil(lambda: main_window.clients_view.is_loaded and not tasks.is_busy)
    main_window.open_client(ada)
    steps = main_window.client_flags.steps
    qtbot.waitUntil(lambda: bool(main_window.client_flags.rows) and not tasks.is_busy)
    qtbot.waitUntil(lambda: steps.isVisible() and not tasks.is_busy)
    assert "10, 8, 7" in steps.reasons.text()
    text = steps.steps.text()
    assert text.index("Talk about it together") < text.index("Revisit the goals")
    assert text.index("Give it time") < text.index("plan a good ending")

    qtbot.mouseClick(steps.ending_button, Qt.MouseButton.LeftButton)
    overview = main_window.clients_view.overview
    assert overview.tabs.tabText(overview.tabs.currentIndex()) == "Ending"
