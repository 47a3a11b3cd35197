"""Alliance flags on Today and on the client's overview, each explaining itself, and the
thresholds that decide them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from alliance_desktop.domain.alliance_check_in import AllianceRatings
from alliance_desktop.domain.alliance_flags import AllianceThresholds
from alliance_desktop.domain.rupture import RuptureEntry
from alliance_desktop.services import Practice
from alliance_desktop.ui.dialogs.alliance_thresholds_dialog import AllianceThresholdsDialog
from alliance_desktop.ui.dialogs.rupture_dialog import RuptureDialog
from alliance_desktop.ui.main_window import MainWindow
from alliance_desktop.ui.tasks import TaskRunner
from tests.factories import PASSPHRASE, make_client, make_session
from tests.ui.dialog_driver import when_dialog_opens
from tests.ui.rupture_fixtures import add_rupture, book_check_in
from tests.ui.second_look import second_look

# The fixed clock says 14 March 2026.
LOW_CHECK_IN = "Client's latest rating (06 Mar 2026) is low: overall 6/10 (below 9)."
OPEN_RUPTURE = (
    "A withdrawal rupture from 20 Feb 2026 is still open (no repair recorded) after 22 days "
    "(flagged after 14)."
)


@pytest.fixture
def clients(practice: Practice) -> tuple[int, int]:
    """Ada's latest check-in is low; Bea has a rupture left open for 22 days."""
    ada = practice.add_client(make_client(name="Ada Quinn", preferred_name="")).id or 0
    bea = practice.add_client(make_client(name="Bea Lund", preferred_name="")).id or 0
    book_check_in(practice, ada, dt.date(2026, 3, 6), client=AllianceRatings(9, 9, 9, 6))
    book_check_in(practice, bea, dt.date(2026, 3, 6), client=AllianceRatings(10, 10, 10, 10))
    add_rupture(practice, bea, dt.date(2026, 2, 20))
    return ada, bea


def _today_explanations(main_window: MainWindow) -> list[str]:
    return main_window.today_view.alliance_flags.explanations()


def test_today_shows_each_flag_with_the_rule_that_raised_it(
    qtbot: QtBot, main_window: MainWindow, clients: tuple[int, int], tasks: TaskRunner
) -> None:
    today = main_window.today_view
    today.refresh()
    qtbot.waitUntil(lambda: len(_today_explanations(main_window)) == 2 and not tasks.is_busy)

    card = today.alliance_flags
    assert card.isVisible()
    assert card.title.text() == "Alliance flags (2)"
    # The open rupture comes first: it has waited longest for attention.
    assert _today_explanations(main_window) == [OPEN_RUPTURE, LOW_CHECK_IN]
    texts = [row.text.text() for row in card.rows]
    assert texts[0].startswith("<b>Bea Lund · Rupture still open</b>")
    assert texts[1].startswith("<b>Ada Quinn · Low rating</b>")
    assert [row.button.text() for row in card.rows] == ["Open entry", "Open client"]


def test_clients_seen_today_come_first(
    qtbot: QtBot,
    practice: Practice,
    main_window: MainWindow,
    clients: tuple[int, int],
    tasks: TaskRunner,
) -> None:
    practice.calendar.book(make_session(clients[0], dt.datetime(2026, 3, 14, 11, 0)))
    card = main_window.today_view.alliance_flags
    main_window.today_view.refresh()
    qtbot.waitUntil(lambda: len(card.rows) == 2 and not tasks.is_busy)

    assert card.explanations() == [LOW_CHECK_IN, OPEN_RUPTURE]
    assert (
        card.rows[0]
        .text.text()
        .startswith("<b>Ada Quinn · Low rating · seeing them today at 11:00</b>")
    )


def test_opening_a_flag_opens_the_entry_or_the_client(
    qtbot: QtBot, main_window: MainWindow, clients: tuple[int, int], tasks: TaskRunner
) -> None:
    card = main_window.today_view.alliance_flags
    main_window.today_view.refresh()
    qtbot.waitUntil(lambda: len(card.rows) == 2 and not tasks.is_busy)

    opened: list[RuptureEntry] = []
    driver = when_dialog_opens(RuptureDialog, lambda d: opened.append(d.entry_from_fields()))
    qtbot.mouseClick(card.rows[0].button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: driver.opened and not tasks.is_busy)
    assert opened[0].client_id == clients[1]

    qtbot.mouseClick(card.rows[1].button, Qt.MouseButton.LeftButton)
    assert main_window.current_page() is main_window.clients_view
    overview = main_window.clients_view.overview
    qtbot.waitUntil(lambda: overview.name_label.text() == "Ada Quinn" and not tasks.is_busy)


def test_the_clients_overview_shows_their_flags_above_the_tabs(
    qtbot: QtBot, main_window: MainWindow, clients: tuple[int, int], tasks: TaskRunner
) -> None:
    ada, bea = clients
    main_window.clients_view.refresh()
    qtbot.waitUntil(lambda: main_window.clients_view.is_loaded)
    main_window.open_client(ada)
    flags = main_window.client_flags
    qtbot.waitUntil(lambda: flags.explanations() == [LOW_CHECK_IN] and not tasks.is_busy)
    assert flags.isVisible()

    qtbot.mouseClick(flags.rows[0].button, Qt.MouseButton.LeftButton)  # "See timeline"
    overview = main_window.clients_view.overview
    assert overview.tabs.tabText(overview.tabs.currentIndex()) == "Alliance"

    main_window.open_client(bea)
    qtbot.waitUntil(lambda: flags.explanations() == [OPEN_RUPTURE] and not tasks.is_busy)

    main_window.clients_view.select_client(ada)
    book_check_in(
        main_window._practice, ada, dt.date(2026, 3, 13), client=AllianceRatings(10, 10, 10, 10)
    )
    main_window.clients_view.overview.show_client(ada)
    qtbot.waitUntil(lambda: flags.explanations() == [] and not tasks.is_busy)
    assert flags.empty_note.isVisible()
    assert flags.empty_note.text() == "No alliance flags for this client."


def test_the_thresholds_dialog_changes_which_flags_appear(
    qtbot: QtBot,
    main_window: MainWindow,
    clients: tuple[int, int],
    tasks: TaskRunner,
    vault_path: Path,
) -> None:
    main_window.today_view.refresh()
    qtbot.waitUntil(lambda: len(_today_explanations(main_window)) == 2 and not tasks.is_busy)

    def loosen(dialog: AllianceThresholdsDialog) -> None:
        assert dialog.thresholds_from_fields() == AllianceThresholds()
        dialog.overall_below.selectAll()
        qtbot.keyClicks(dialog.overall_below, "6")  # 6 is no longer below the line
        dialog.unresolved_after_days.selectAll()
        qtbot.keyClicks(dialog.unresolved_after_days, "30")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    driver = when_dialog_opens(AllianceThresholdsDialog, loosen)
    main_window.menu_actions.alliance_thresholds.trigger()

    qtbot.waitUntil(lambda: _today_explanations(main_window) == [] and not tasks.is_busy)
    assert driver.opened
    assert main_window.today_view.alliance_flags.empty_note.isVisible()
    with second_look(vault_path, PASSPHRASE) as reopened:
        assert reopened.ruptures.thresholds() == AllianceThresholds(
            overall_below=6, unresolved_after_days=30
        )

    def tighten(dialog: AllianceThresholdsDialog) -> None:
        dialog.unresolved_after_days.selectAll()
        qtbot.keyClicks(dialog.unresolved_after_days, "21")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(AllianceThresholdsDialog, tighten)
    card = main_window.today_view.alliance_flags
    qtbot.mouseClick(card.thresholds_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(_today_explanations(main_window)) == 1 and not tasks.is_busy)
    assert _today_explanations(main_window)[0].endswith("after 22 days (flagged after 21).")


def test_the_thresholds_say_one_point_and_two_points(qtbot: QtBot) -> None:
    dialog = AllianceThresholdsDialog(AllianceThresholds())
    qtbot.addWidget(dialog)
    dialog.drop_of.setValue(1)
    assert dialog.drop_of.text() == "1 point"
    dialog.drop_of.setValue(2)
    assert dialog.drop_of.text() == "2 points"
    dialog.recent_weeks.setValue(1)
    assert dialog.recent_weeks.text() == "1 week"
