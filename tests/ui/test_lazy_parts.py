"""Only Today is built at start: other pages, client tabs and the flags beyond the first few
are built when first shown, and then work as if they had always been there."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from alliance_desktop.domain.alliance_flags import AllianceFlag, FlagKind
from alliance_desktop.domain.flags import FlagState
from alliance_desktop.services import Practice
from alliance_desktop.ui.main_window import PAGES, MainWindow
from alliance_desktop.ui.tasks import TaskRunner
from alliance_desktop.ui.views.alliance_flags_card import LOOKING, AllianceFlagsCard
from alliance_desktop.ui.views.calendar_view import CalendarView
from alliance_desktop.ui.views.client_tabs.alliance_tab import AllianceTab
from tests.factories import make_client


def test_pages_are_built_on_their_first_visit(
    qtbot: QtBot, practice: Practice, tasks: TaskRunner
) -> None:
    window = MainWindow(practice, tasks)
    qtbot.addWidget(window)

    assert [window.is_built(name) for *_, name in PAGES] == [True] + [False] * (len(PAGES) - 1)
    window.show()
    window.show_page(2)
    assert window.is_built("calendar_view")
    assert isinstance(window.current_page(), CalendarView)
    assert window.pages.indexOf(window.calendar_view) == 2
    assert window.pages.count() == len(PAGES)
    assert not window.is_built("goals_view")
    # The rest are built in idle moments once Today is shown, each in its own place.
    qtbot.waitUntil(lambda: window.warm_up.done, timeout=20_000)
    assert window.is_built("handovers")
    assert not window.is_built("alliance_tab")  # tabs wait for their first visit
    assert all(window.is_built(name) for *_, name in PAGES)
    assert [window.pages.indexOf(getattr(window, name)) for *_, name in PAGES] == list(
        range(len(PAGES))
    )
    assert isinstance(window.current_page(), CalendarView)
    qtbot.waitUntil(lambda: not tasks.is_busy)


def test_a_client_tab_is_built_when_first_opened_and_shows_the_client(
    qtbot: QtBot, practice: Practice, main_window: MainWindow, tasks: TaskRunner
) -> None:
    client = practice.add_client(make_client(name="Ada Quinn"))
    main_window.clients_view.refresh()
    qtbot.waitUntil(lambda: not tasks.is_busy)
    main_window.open_client(client.id or 0)
    qtbot.waitUntil(lambda: main_window.clients_view.overview.client_id == client.id)
    qtbot.waitUntil(lambda: not tasks.is_busy)

    assert not main_window.is_built("alliance_tab")
    main_window.clients_view.overview.show_tab("Alliance")

    assert main_window.is_built("alliance_tab")
    tab = main_window.alliance_tab
    assert isinstance(tab, AllianceTab)
    qtbot.waitUntil(tab.isVisible)
    assert main_window.clients_view.overview.tab("Alliance") is tab
    qtbot.waitUntil(lambda: not tasks.is_busy)


def _flags(count: int) -> list[FlagState]:
    return [
        FlagState(
            AllianceFlag(
                FlagKind.LOW_CHECK_IN,
                client_id=n,
                explanation=f"Check-in {n} is low.",
                since=dt.date(2026, 3, 1),
                evidence=f"rating:{n}",
            )
        )
        for n in range(1, count + 1)
    ]


def test_flag_rows_show_a_few_then_all_and_never_a_false_no_flags(
    qtbot: QtBot, practice: Practice, tasks: TaskRunner
) -> None:
    card = AllianceFlagsCard(practice, tasks, shown_at_first=4)
    qtbot.addWidget(card)
    card.show()
    assert card.empty_note.text() == LOOKING  # never a false "no flags" while they load

    card.set_flags(_flags(200))

    # Only the rows shown are made: 200 rows would take the page a third of a second.
    assert len(card.rows) == 4
    assert sum(row.isVisible() for row in card.rows) == 4
    assert len(card.explanations()) == 200
    assert card.more_button.text() == "Show 20 more (of 196)"
    qtbot.mouseClick(card.more_button, Qt.MouseButton.LeftButton)
    assert len(card.rows) == 24
    assert all(row.isVisible() for row in card.rows)
    for _ in range(8):  # 184 shown
        qtbot.mouseClick(card.more_button, Qt.MouseButton.LeftButton)
    assert card.more_button.text() == "Show 16 more"
    qtbot.mouseClick(card.more_button, Qt.MouseButton.LeftButton)
    assert len(card.rows) == 200
    assert all(row.isVisible() for row in card.rows)
    assert [row.explanations[0] for row in card.rows] == card.explanations()
    qtbot.mouseClick(card.more_button, Qt.MouseButton.LeftButton)  # "Show fewer"
    assert [row.isVisible() for row in card.rows].count(True) == 4
