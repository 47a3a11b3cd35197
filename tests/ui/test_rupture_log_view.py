"""The rupture log as a clinician uses it: log, repair, filter, and the practice-wide list."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from alliance_desktop.domain.rupture import (
    RepairAttempt,
    RepairOutcome,
    RepairStrategy,
    RuptureEntry,
    RuptureKind,
)
from alliance_desktop.services import Practice
from alliance_desktop.ui.dialogs.rupture_dialog import RuptureDialog
from alliance_desktop.ui.main_window import MainWindow
from alliance_desktop.ui.models.rupture_table_model import CLIENT_COLUMN, OUTCOME_COLUMN
from alliance_desktop.ui.tasks import TaskRunner
from alliance_desktop.ui.views.client_tabs.ruptures_tab import RupturesTab
from tests.factories import PASSPHRASE, make_client, make_session
from tests.ui.dialog_driver import when_dialog_opens
from tests.ui.rupture_fixtures import add_rupture
from tests.ui.second_look import second_look

MARCH = dt.date(2026, 3, 1)


def _in_vault(vault_path: Path, client_id: int) -> list[RuptureEntry]:
    """Read back through a second, fresh unlock: what is really on disk."""
    with second_look(vault_path, PASSPHRASE) as reopened:
        return reopened.ruptures.log(client_id)


def _days(tab: RupturesTab) -> list[int]:
    return [entry.occurred_on.day for entry in tab.shown_entries()]


@pytest.fixture
def client_id(practice: Practice) -> int:
    return practice.add_client(make_client(name="Ada Quinn", preferred_name="")).id or 0


@pytest.fixture
def ruptures_tab(
    qtbot: QtBot, main_window: MainWindow, tasks: TaskRunner, client_id: int
) -> RupturesTab:
    main_window.clients_view.refresh()
    qtbot.waitUntil(lambda: main_window.clients_view.visible_names() == ["Ada Quinn"])
    main_window.open_client(client_id)
    main_window.clients_view.overview.show_tab("Ruptures")
    tab = main_window.ruptures_tab
    qtbot.waitUntil(lambda: tab.loaded_client_id == client_id and not tasks.is_busy)
    return tab


def test_a_rupture_and_its_repair_logged_through_the_dialog_appear_newest_first(
    qtbot: QtBot,
    practice: Practice,
    main_window: MainWindow,
    client_id: int,
    tasks: TaskRunner,
    vault_path: Path,
) -> None:
    add_rupture(practice, client_id, MARCH + dt.timedelta(days=1))  # 2 March
    tab = main_window.ruptures_tab
    main_window.open_client(client_id)
    qtbot.waitUntil(lambda: _days(tab) == [2] and not tasks.is_busy)
    bar = main_window.clients_view.overview.tabs.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i) == "Ruptures")
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tab.isVisible()
    assert "never printed for the client" in " ".join(
        label.text() for label in tab.findChildren(type(tab.details))
    )

    def fill_in(dialog: RuptureDialog) -> None:
        dialog.occurred_on.setDate(QDate(2026, 3, 10))
        dialog.markers.tick("Deferential agreement")
        qtbot.mouseClick(dialog.significance.button(3), Qt.MouseButton.LeftButton)
        qtbot.keyClicks(dialog.note, "Agreed with everything, then went quiet.")
        dialog.tabs.setCurrentIndex(1)
        qtbot.mouseClick(
            dialog.repairs.boxes[RepairStrategy.EXPLORE_WHAT_HAPPENED], Qt.MouseButton.LeftButton
        )
        qtbot.keyClicks(
            dialog.repairs.notes[RepairStrategy.EXPLORE_WHAT_HAPPENED], "wondered aloud"
        )
        dialog.outcome.setCurrentIndex(dialog.outcome.findData(RepairOutcome.RESOLVED))
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    driver = when_dialog_opens(RuptureDialog, fill_in)
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: _days(tab) == [10, 2] and not tasks.is_busy)
    assert driver.opened
    assert tab.selected_entry() is not None and tab.selected_entry().occurred_on.day == 10  # type: ignore[union-attr]
    assert tab.model.index(0, OUTCOME_COLUMN).data() == "Resolved"
    qtbot.waitUntil(lambda: "wondered aloud" in tab.details.text())
    saved = _in_vault(vault_path, client_id)
    assert [entry.occurred_on.day for entry in saved] == [10, 2]
    assert saved[0].markers == ("Deferential agreement",)
    assert saved[0].repairs == (
        RepairAttempt(RepairStrategy.EXPLORE_WHAT_HAPPENED, "wondered aloud"),
    )
    assert saved[0].note == "Agreed with everything, then went quiet."


def test_an_outcome_without_a_strategy_shows_its_message_and_saves_nothing(
    qtbot: QtBot, ruptures_tab: RupturesTab, client_id: int, vault_path: Path
) -> None:
    seen: dict[str, object] = {}

    def fill_in(dialog: RuptureDialog) -> None:
        qtbot.mouseClick(dialog.significance.button(2), Qt.MouseButton.LeftButton)
        dialog.outcome.setCurrentIndex(dialog.outcome.findData(RepairOutcome.UNRESOLVED))
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        seen["open"] = dialog.isVisible()
        seen["message"] = dialog.messages.message("outcome")

    driver = when_dialog_opens(RuptureDialog, fill_in)
    qtbot.mouseClick(ruptures_tab.new_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: driver.opened and not driver.seen[0].isVisible())
    assert seen["open"] is True
    assert "Record at least one repair strategy" in str(seen["message"])
    assert ruptures_tab.shown_entries() == []
    assert "No ruptures recorded" in ruptures_tab.empty_state.text()
    assert _in_vault(vault_path, client_id) == []


def test_editing_an_entry_records_the_repair_in_the_vault(
    qtbot: QtBot,
    practice: Practice,
    ruptures_tab: RupturesTab,
    client_id: int,
    tasks: TaskRunner,
    vault_path: Path,
) -> None:
    entry = add_rupture(practice, client_id, MARCH + dt.timedelta(days=4))
    ruptures_tab.refresh()
    qtbot.waitUntil(lambda: len(ruptures_tab.shown_entries()) == 1)
    ruptures_tab.select_rupture(entry.id or 0)

    def repair(dialog: RuptureDialog) -> None:
        dialog.tabs.setCurrentIndex(1)
        qtbot.mouseClick(
            dialog.repairs.boxes[RepairStrategy.ACKNOWLEDGE_OWN_PART], Qt.MouseButton.LeftButton
        )
        dialog.outcome.setCurrentIndex(dialog.outcome.findData(RepairOutcome.PARTLY))
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(RuptureDialog, repair)
    qtbot.mouseClick(ruptures_tab.edit_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(
        lambda: (
            ruptures_tab.model.index(0, OUTCOME_COLUMN).data() == "Partly resolved"
            and not tasks.is_busy
        )
    )
    saved = _in_vault(vault_path, client_id)
    assert len(saved) == 1 and saved[0].id == entry.id
    assert saved[0].outcome is RepairOutcome.PARTLY
    assert [r.strategy for r in saved[0].repairs] == [RepairStrategy.ACKNOWLEDGE_OWN_PART]


def test_the_log_filters_by_kind_and_outcome(
    qtbot: QtBot,
    practice: Practice,
    ruptures_tab: RupturesTab,
    client_id: int,
    tasks: TaskRunner,
) -> None:
    add_rupture(practice, client_id, dt.date(2026, 3, 2), kind=RuptureKind.WITHDRAWAL)
    add_rupture(
        practice,
        client_id,
        dt.date(2026, 3, 5),
        kind=RuptureKind.CONFRONTATION,
        repairs=(RepairAttempt(RepairStrategy.VALIDATE_ASSERTION),),
        outcome=RepairOutcome.RESOLVED,
    )
    add_rupture(practice, client_id, dt.date(2026, 3, 9), kind=RuptureKind.CONFRONTATION)
    ruptures_tab.refresh()
    qtbot.waitUntil(lambda: _days(ruptures_tab) == [9, 5, 2] and not tasks.is_busy)

    kinds = ruptures_tab.kind_filter
    kinds.setCurrentIndex(kinds.findData(RuptureKind.CONFRONTATION))
    qtbot.waitUntil(lambda: _days(ruptures_tab) == [9, 5])

    outcomes = ruptures_tab.outcome_filter
    outcomes.setCurrentIndex(outcomes.findData(RepairOutcome.RESOLVED))
    qtbot.waitUntil(lambda: _days(ruptures_tab) == [5])

    kinds.setCurrentIndex(kinds.findData(RuptureKind.WITHDRAWAL))
    qtbot.waitUntil(lambda: ruptures_tab.empty_state.isVisible() and not tasks.is_busy)
    assert ruptures_tab.empty_state.text() == "No entries match these filters."

    kinds.setCurrentIndex(0)
    outcomes.setCurrentIndex(0)
    qtbot.waitUntil(lambda: _days(ruptures_tab) == [9, 5, 2] and not tasks.is_busy)


def test_the_practice_page_lists_open_ruptures_and_opens_the_entry_or_the_client(
    qtbot: QtBot,
    practice: Practice,
    main_window: MainWindow,
    client_id: int,
    tasks: TaskRunner,
) -> None:
    other = practice.add_client(make_client(name="Bea Lund", preferred_name="")).id or 0
    due = add_rupture(practice, client_id, dt.date(2026, 3, 2), follow_up_on=dt.date(2026, 3, 9))
    add_rupture(practice, other, dt.date(2026, 3, 6), follow_up_on=dt.date(2026, 3, 20))
    add_rupture(
        practice,
        other,
        dt.date(2026, 3, 4),
        repairs=(RepairAttempt(RepairStrategy.RESTATE_RATIONALE),),
        outcome=RepairOutcome.RESOLVED,
    )
    main_window.clients_view.refresh()
    qtbot.waitUntil(lambda: len(main_window.clients_view.visible_names()) == 2)
    main_window.show_page(4)
    page = main_window.ruptures_view
    assert main_window.current_page() is page
    qtbot.waitUntil(lambda: len(page.shown_rows()) == 2 and not tasks.is_busy)

    assert [page.model.index(r, CLIENT_COLUMN).data() for r in range(2)] == [
        "Ada Quinn",
        "Bea Lund",
    ]
    assert page.summary.text() == "2 open ruptures · 1 follow-up due"
    qtbot.mouseClick(page.due_only, Qt.MouseButton.LeftButton)
    assert [row.entry.id for row in page.shown_rows()] == [due.id]

    opened: list[RuptureEntry] = []
    driver = when_dialog_opens(RuptureDialog, lambda d: opened.append(d.entry_from_fields()))
    index = page.model.index(0, CLIENT_COLUMN)
    page.table.setCurrentIndex(index)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # activates the row, as a double-click does
    qtbot.waitUntil(lambda: driver.opened and not tasks.is_busy)
    assert opened[0].id == due.id

    page.select_row(0)
    qtbot.mouseClick(page.open_client_button, Qt.MouseButton.LeftButton)
    assert main_window.current_page() is main_window.clients_view
    overview = main_window.clients_view.overview
    qtbot.waitUntil(lambda: overview.name_label.text() == "Ada Quinn" and not tasks.is_busy)
    assert overview.tabs.tabText(overview.tabs.currentIndex()) == "Ruptures"


def test_a_new_entry_offers_sessions_that_have_begun_and_picks_the_latest(
    qtbot: QtBot,
    practice: Practice,
    ruptures_tab: RupturesTab,
    client_id: int,
    tasks: TaskRunner,
) -> None:
    # The fixed clock says 14 March 2026, 09:30.
    held = practice.calendar.book(make_session(client_id, dt.datetime(2026, 3, 13, 10, 0)))
    practice.calendar.book(make_session(client_id, dt.datetime(2026, 3, 14, 11, 0)))
    offered: list[object] = []

    def look(dialog: RuptureDialog) -> None:
        offered.extend(dialog.session.itemData(i) for i in range(dialog.session.count()))
        offered.append(dialog.entry_from_fields())

    driver = when_dialog_opens(RuptureDialog, look)
    qtbot.mouseClick(ruptures_tab.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: driver.opened and not tasks.is_busy)

    assert offered[:-1] == [None, held.id]  # not the session later this morning
    chosen = offered[-1]
    assert isinstance(chosen, RuptureEntry)
    assert chosen.session_id == held.id and chosen.occurred_on == dt.date(2026, 3, 13)
