"""The Clients page, used as a clinician would: type, click, archive, restore."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot

from alliance_desktop.domain.client import ClientStatus
from alliance_desktop.services import Practice
from alliance_desktop.ui import messages
from alliance_desktop.ui.dialogs.client_dialog import ClientDialog
from alliance_desktop.ui.main_window import CLIENTS_PAGE, MainWindow
from alliance_desktop.ui.tasks import TaskRunner
from alliance_desktop.ui.views.clients_view import ClientsView
from tests.factories import PASSPHRASE, make_client
from tests.ui.dialog_driver import when_dialog_opens
from tests.ui.second_look import second_look


def _names_in_vault(vault_path: Path) -> list[str]:
    """Read back through a second, fresh unlock: what is really on disk."""
    with second_look(vault_path, PASSPHRASE) as reopened:
        return [summary.name for summary in reopened.client_summaries()]


def _click_tab(qtbot: QtBot, dialog: ClientDialog, title: str) -> None:
    bar = dialog.tabs.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i).replace("&&", "&") == title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert dialog.tabs.currentIndex() == index


def _row_point(view: ClientsView, row: int) -> QPoint:
    return view.table.visualRect(view.sorted_model.index(row, 0)).center()


@pytest.fixture
def clients_page(
    qtbot: QtBot, practice: Practice, main_window: MainWindow, tasks: TaskRunner
) -> ClientsView:
    for name, preferred, status in (
        ("Margaret Okonkwo-Lee", "Maggie", ClientStatus.ACTIVE),
        ("José Fernández", "", ClientStatus.INTAKE),
        ("Tom Reyes", "", ClientStatus.ENDED),
    ):
        practice.add_client(make_client(name=name, preferred_name=preferred, status=status))
    main_window.show_page(CLIENTS_PAGE)
    view = main_window.clients_view
    view.refresh()
    qtbot.waitUntil(lambda: len(view.visible_names()) == 3 and not tasks.is_busy)
    return view


def test_a_new_client_typed_into_the_dialog_appears_in_the_list_and_the_vault(
    qtbot: QtBot, main_window: MainWindow, vault_path: Path, tasks: TaskRunner
) -> None:
    main_window.show_page(CLIENTS_PAGE)
    view = main_window.clients_view
    assert view.empty_state.isVisible()
    assert "No clients yet" in view.empty_state.text()

    def fill_in(dialog: ClientDialog) -> None:
        qtbot.keyClicks(dialog.name, "Ada Quinn")
        qtbot.keyClicks(dialog.pronouns.lineEdit(), "they/them")
        _click_tab(qtbot, dialog, "Contact")
        qtbot.keyClicks(dialog.email, "ada.quinn@example.org")
        _click_tab(qtbot, dialog, "Values & concerns")
        qtbot.keyClicks(dialog.values, "time outdoors")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    driver = when_dialog_opens(ClientDialog, fill_in)
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)

    assert driver.opened
    qtbot.waitUntil(lambda: view.visible_names() == ["Ada Quinn"] and not tasks.is_busy)
    assert view.table.isVisible()
    assert view.selected_summary() is not None  # the new client is selected
    assert _names_in_vault(vault_path) == ["Ada Quinn"]
    saved = main_window._practice.client(view.selected_summary().id)  # type: ignore[union-attr]
    assert saved.contact.email == "ada.quinn@example.org"
    assert saved.pronouns == "they/them"
    assert saved.values == ("time outdoors",)


def test_a_bad_email_is_shown_at_the_field_and_nothing_is_saved(
    qtbot: QtBot, main_window: MainWindow, vault_path: Path
) -> None:
    seen: dict[str, object] = {}

    def fill_in(dialog: ClientDialog) -> None:
        qtbot.keyClicks(dialog.name, "Ada Quinn")
        _click_tab(qtbot, dialog, "Contact")
        qtbot.keyClicks(dialog.email, "ada.quinn(at)example")
        _click_tab(qtbot, dialog, "Details")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        seen["still_open"] = dialog.isVisible()
        seen["message"] = dialog.messages.message("contact.email")
        seen["tab"] = dialog.tabs.tabText(dialog.tabs.currentIndex())
        seen["name_message"] = dialog.messages.message("name")

    driver = when_dialog_opens(ClientDialog, fill_in)
    main_window.menu_actions.new_client.trigger()

    assert driver.opened
    assert seen["still_open"] is True
    assert "does not look like an e-mail address" in str(seen["message"])
    assert seen["tab"] == "Contact"  # the dialog turned to the problem
    assert seen["name_message"] == ""
    assert main_window.clients_view.visible_names() == []
    assert _names_in_vault(vault_path) == []


def test_search_filters_the_list_as_you_type(
    qtbot: QtBot, clients_page: ClientsView, qtlog: object
) -> None:
    QAbstractItemModelTester(
        clients_page.model, QAbstractItemModelTester.FailureReportingMode.Warning
    )

    qtbot.keyClicks(clients_page.search, "mag")
    assert clients_page.visible_names() == ["Margaret Okonkwo-Lee (Maggie)"]
    assert clients_page.count_label.text() == "1 of 3 clients"

    clients_page.search.clear()
    qtbot.keyClicks(clients_page.search, "jose")  # no accent typed
    assert clients_page.visible_names() == ["José Fernández"]

    qtbot.keyClicks(clients_page.search, "xyz")
    assert clients_page.visible_names() == []
    assert clients_page.empty_state.isVisible()
    assert "No clients match" in clients_page.empty_state.text()


def test_the_status_filter_shows_only_that_status(qtbot: QtBot, clients_page: ClientsView) -> None:
    combo = clients_page.status_filter
    combo.setCurrentIndex(combo.findData(ClientStatus.INTAKE))

    assert clients_page.visible_names() == ["José Fernández"]

    combo.setCurrentIndex(0)
    assert len(clients_page.visible_names()) == 3


def test_archive_hides_a_client_and_show_archived_brings_them_back(
    qtbot: QtBot,
    clients_page: ClientsView,
    tasks: TaskRunner,
    vault_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    questions: list[str] = []

    def confirm(_parent: object, _title: str, question: str, action: str) -> bool:
        questions.append(f"{action}: {question}")
        return True

    monkeypatch.setattr(messages, "confirm", confirm)
    row = clients_page.visible_names().index("Tom Reyes")
    qtbot.mouseClick(
        clients_page.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=_row_point(clients_page, row),
    )
    assert clients_page.archive_button.text() == "Archive…"

    qtbot.mouseClick(clients_page.archive_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Tom Reyes" not in clients_page.visible_names())

    assert "Nothing is deleted" in questions[0]
    assert "Tom Reyes" in _names_in_vault(vault_path)  # archived, not deleted

    qtbot.mouseClick(clients_page.show_archived, Qt.MouseButton.LeftButton)
    assert "Tom Reyes" in clients_page.visible_names()
    clients_page.select_client(
        next(s.id for s in clients_page._finder.clients if s.name == "Tom Reyes")
    )
    assert clients_page.archive_button.text() == "Restore…"

    qtbot.mouseClick(clients_page.archive_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tasks.is_busy and clients_page.archive_button.text() == "Archive…")
    qtbot.mouseClick(clients_page.show_archived, Qt.MouseButton.LeftButton)
    assert "Tom Reyes" in clients_page.visible_names()


def test_cancelling_the_archive_question_changes_nothing(
    qtbot: QtBot, clients_page: ClientsView, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(messages, "confirm", lambda *_args: False)
    clients_page.select_client(clients_page.model.summary_at(0).id)

    qtbot.mouseClick(clients_page.archive_button, Qt.MouseButton.LeftButton)

    assert len(clients_page.visible_names()) == 3


def test_double_click_opens_the_editor_and_changes_are_saved(
    qtbot: QtBot, clients_page: ClientsView, tasks: TaskRunner, vault_path: Path
) -> None:
    row = clients_page.visible_names().index("José Fernández")

    def rename(dialog: ClientDialog) -> None:
        assert dialog.name.text() == "José Fernández"
        dialog.preferred_name.clear()
        qtbot.keyClicks(dialog.preferred_name, "Pepe")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    driver = when_dialog_opens(ClientDialog, rename)
    point = _row_point(clients_page, row)
    qtbot.mouseClick(clients_page.table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseDClick(clients_page.table.viewport(), Qt.MouseButton.LeftButton, pos=point)

    qtbot.waitUntil(lambda: "José Fernández (Pepe)" in clients_page.visible_names())
    assert len(driver.seen) == 1
    assert len(clients_page.visible_names()) == 3
    assert _names_in_vault(vault_path).count("José Fernández") == 1


def test_enter_on_a_selected_row_opens_the_editor(
    qtbot: QtBot, clients_page: ClientsView, tasks: TaskRunner
) -> None:
    names: list[str] = []
    driver = when_dialog_opens(ClientDialog, lambda dialog: names.append(dialog.name.text()))
    clients_page.select_client(clients_page.model.summary_at(0).id)
    clients_page.table.setFocus()

    qtbot.keyClick(clients_page.table, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: driver.opened)
    qtbot.waitUntil(lambda: not tasks.is_busy)
    assert names == [clients_page.model.summary_at(0).name]


def test_with_no_clients_the_overview_does_not_point_at_an_empty_list(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    overview = main_window.clients_view.overview
    main_window.show_page(CLIENTS_PAGE)
    qtbot.waitUntil(lambda: "New client" in overview.empty_state.text())
    assert "on the left" not in overview.empty_state.text()


def test_a_client_opened_before_the_list_loads_is_chosen_in_it(
    qtbot: QtBot, practice: Practice, main_window: MainWindow, tasks: TaskRunner
) -> None:
    """Opening a client from Today on the Clients page's first visit: the record shows at
    once, and when the list arrives it has that client chosen, so Edit acts on them."""
    client = practice.add_client(make_client(name="Ada Lovelace"))
    practice.add_client(make_client(name="Grace Hopper"))

    view = main_window.clients_view
    view.refresh()  # as on the page's first visit: the list is loading ...
    main_window.open_client(client.id or 0)  # ... when the client is opened
    assert view.selected_client_id() is None  # not in the list yet
    qtbot.waitUntil(lambda: view.is_loaded and not tasks.is_busy)

    assert view.overview.client_id == client.id
    assert view.selected_client_id() == client.id
    assert view.edit_button.isEnabled()
