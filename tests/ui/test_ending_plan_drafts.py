"""The ending plan, written in a client's Ending tab, is kept as a draft in the vault as it is
typed: moving to another client, or a new window after a lock, finds it again."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from alliance_desktop.domain.ending import EndingReason
from alliance_desktop.services import Practice
from alliance_desktop.ui.draft_book import DraftBook
from alliance_desktop.ui.main_window import MainWindow
from alliance_desktop.ui.tasks import TaskRunner
from alliance_desktop.ui.views.client_tabs.ending_tab import DRAFT_KEPT
from tests.factories import make_client
from tests.ui.draft_fixtures import quick_drafts, stored
from tests.ui.test_ending_tab import _open_tab

__all__ = ["quick_drafts"]

TAPERING = "Fortnightly from May, then a month apart"


def test_the_plan_typed_is_kept_in_the_vault_and_comes_back_in_a_new_window(
    qtbot: QtBot, practice: Practice, main_window: MainWindow, tasks: TaskRunner
) -> None:
    client_id = practice.add_client(make_client(name="Ada Quinn", preferred_name="")).id or 0
    other_id = practice.add_client(make_client(name="Ben Ortiz", preferred_name="")).id or 0
    book = DraftBook(practice, tasks, main_window)
    tab = _open_tab(qtbot, main_window, tasks, client_id)
    qtbot.keyClicks(tab.form.tapering, TAPERING)
    key = ("ending_plan", str(client_id))
    qtbot.waitUntil(lambda: key in stored(practice, tasks), timeout=5000)
    assert TAPERING in stored(practice, tasks)[key].fields.values()

    # Switching client keeps it too (and writes it at once).
    main_window.clients_view.select_client(other_id)
    qtbot.waitUntil(lambda: tab.loaded_client_id == other_id and not tasks.is_busy)
    assert key in stored(practice, tasks)

    # A new window (as after a lock) with a fresh book loaded from the vault.
    book.close()
    second = MainWindow(practice, tasks)
    qtbot.addWidget(second)
    fresh = DraftBook(practice, tasks, second)
    with qtbot.waitSignal(fresh.drafts_loaded):
        fresh.load()
    second.show()
    tab2 = _open_tab(qtbot, second, tasks, client_id)
    assert tab2.form.tapering.text() == TAPERING
    assert tab2.has_unsaved_changes and tab2.state.text() == DRAFT_KEPT

    # Saving (a reason chosen: the plan has none by default) removes the draft.
    tab2.form.reason.setCurrentIndex(tab2.form.reason.findData(EndingReason.LIFE_CHANGE))
    tab2.save()
    qtbot.waitUntil(lambda: not tab2.has_unsaved_changes and not tasks.is_busy)
    assert key not in stored(practice, tasks)
    fresh.close()
