from __future__ import annotations

from pytestqt.qtbot import QtBot

from alliance_desktop.services import Practice
from alliance_desktop.ui.tasks import TaskRunner
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
