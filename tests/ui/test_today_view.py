"""The Today page: the date written out, and the clients being seen, one click away."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from alliance_desktop.domain.client import ClientStatus
from alliance_desktop.services import Practice
from alliance_desktop.ui.main_window import MainWindow
from alliance_desktop.ui.tasks import TaskRunner
from alliance_desktop.ui.views.today_view import greeting
from tests.factories import make_client


def test_today_shows_the_date_written_out(qtbot: QtBot, main_window: MainWindow) -> None:
    today = main_window.today_view
    # The fixed test clock says 14 March 2026, a Saturday.
    qtbot.waitUntil(lambda: today.date_label.text() != "")
    assert today.date_label.text() == "Saturday 14 March 2026"
    assert today.greeting.text().startswith("Good ")


def test_the_greeting_uses_the_time_of_day_and_the_clinicians_name() -> None:
    assert greeting(dt.datetime(2026, 3, 14, 8, 0), "Dr Alex Morgan") == (
        "Good morning, Dr Alex Morgan"
    )
    assert greeting(dt.datetime(2026, 3, 14, 14, 0), "") == "Good afternoon"
    assert greeting(dt.datetime(2026, 3, 14, 19, 0), "Alex") == "Good evening, Alex"


def test_today_lists_current_clients_only_and_opens_one_with_a_click(
    qtbot: QtBot, practice: Practice, main_window: MainWindow, tasks: TaskRunner
) -> None:
    today = main_window.today_view
    assert today.empty_note.isVisible()

    seeing = practice.add_client(make_client(name="Ada Quinn", preferred_name=""))
    practice.add_client(
        make_client(name="Intake Person", preferred_name="", status=ClientStatus.INTAKE)
    )
    practice.add_client(make_client(name="Ended Person", status=ClientStatus.ENDED))
    archived = practice.add_client(make_client(name="Archived Person"))
    practice.archive_client(archived.id)  # type: ignore[arg-type]
    today.refresh()
    qtbot.waitUntil(lambda: len(today.client_ids()) == 2 and not tasks.is_busy)

    names = [today.client_list.item(row).text() for row in range(today.client_list.count())]
    assert names == ["Ada Quinn", "Intake Person"]
    assert today.clients_title.text() == "Clients you are seeing (2)"

    rect = today.client_list.visualItemRect(today.client_list.item(0))
    qtbot.mouseClick(today.client_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    # A click opens the client's overview beside the client list.
    overview = main_window.clients_view.overview
    qtbot.waitUntil(lambda: overview.name_label.text() == seeing.name and not tasks.is_busy)
    assert main_window.current_page() is main_window.clients_view
    assert overview.client_id == seeing.id
