from __future__ import annotations

from pytestqt.qtbot import QtBot

from alliance_desktop.services import Practice
from alliance_desktop.ui.tasks import TaskRunner
from alliance_desktop.ui.views.client_overview import ClientOverview
from alliance_desktop.ui.views.clients_view import ClientsView
from tests.factories import make_client


def test_selecting_a_client_shows_their_overview(qtbot: QtBot, practice: Practice) -> None:
    practice.add_client(make_client(name="Ana Ruiz", values=("her garden",)))
    second = practice.add_client(make_client(name="Bea Lund", values=("honesty",)))
    tasks = TaskRunner()
    view = ClientsView(practice, tasks)
    qtbot.addWidget(view)
    view.refresh()
    qtbot.waitUntil(lambda: view.is_loaded)
    assert view.overview.stack.currentIndex() == 0  # "choose a client" until one is chosen

    view.select_client(second.id or 0)
    qtbot.waitUntil(lambda: view.overview.name_label.text() == "Bea Lund (Maggie)")
    profile = view.overview.profile_tab
    qtbot.waitUntil(lambda: "honesty" in profile.fields["values"].text())
    assert view.overview.client_id == second.id
    assert tasks.wait_until_idle()


def test_notices_above_the_tabs_never_take_more_than_their_share(
    qtbot: QtBot, practice: Practice, tasks: TaskRunner
) -> None:
    from PySide6.QtWidgets import QLabel

    overview = ClientOverview(practice, tasks)
    qtbot.addWidget(overview)
    tall = QLabel("\n".join(f"Notice line {n}" for n in range(60)))
    tall.show_client = lambda _client_id: None  # type: ignore[attr-defined]
    overview.add_to_header(tall)
    overview.resize(600, 500)
    overview.show()
    client = practice.add_client(make_client())
    overview.show_client(client.id)
    qtbot.waitUntil(lambda: overview.stack.currentIndex() == 1 and not tasks.is_busy)
    qtbot.waitUntil(lambda: overview.notices_area.height() > 0)
    assert overview.notices_area.height() <= int(500 * ClientOverview.NOTICES_SHARE)
    assert overview.tabs.height() >= 250
