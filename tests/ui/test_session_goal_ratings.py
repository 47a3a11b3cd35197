"""Goals worked on in a session and their GAS ratings, from the session editor to the vault:
saved with the session in one go, or not at all; and the goal views show them next time."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox
from pytestqt.qtbot import QtBot

from alliance_desktop.domain.goal import GasRating, Goal, GoalColumn, RatedBy
from alliance_desktop.domain.session import Session
from alliance_desktop.services import Practice
from alliance_desktop.ui import messages
from alliance_desktop.ui.dialogs.session_dialog import SessionDialog
from alliance_desktop.ui.main_window import MainWindow
from alliance_desktop.ui.tasks import TaskRunner
from alliance_desktop.vault import session_repository
from tests.factories import make_client, make_session
from tests.ui.dialog_driver import when_dialog_opens
from tests.ui.goal_records import LEVELS

# The fixed clock says Saturday 14 March 2026, 09:30.
THURSDAY = dt.datetime(2026, 3, 12, 10, 0)


class Record:
    def __init__(self, practice: Practice) -> None:
        self.client_id = practice.add_client(make_client()).id or 0
        self.bus = self._goal(practice, "Take the bus again")
        self.cook = self._goal(practice, "Cook for friends")
        # Both rated 0 a fortnight ago: the T-score starts at 50.
        for goal_id in (self.bus, self.cook):
            practice.goals.rate(goal_id, GasRating(dt.date(2026, 2, 26), 0))
        self.session = practice.calendar.book(make_session(self.client_id, THURSDAY))

    def _goal(self, practice: Practice, words: str) -> int:
        goal = Goal(self.client_id, words, column=GoalColumn.ACTIVE, levels=LEVELS)
        return practice.goals.add_goal(goal).id or 0


@pytest.fixture
def record(practice: Practice) -> Record:
    return Record(practice)


def _goals_tab(dialog: SessionDialog) -> None:
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    dialog.tabs.setCurrentIndex(titles.index("Goals"))


def _tick(qtbot: QtBot, box: QCheckBox) -> None:
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def _rate_bus_plus_one(qtbot: QtBot, dialog: SessionDialog, record: Record) -> None:
    """Tick the bus goal and rate it +1, rated by the client, as a clinician would type it."""
    _goals_tab(dialog)
    assert dialog.goal_fields is not None
    row = dialog.goal_fields.rows[record.bus]
    _tick(qtbot, row.worked_on)
    qtbot.keyClicks(row.level, "+1")
    qtbot.keyClicks(row.rated_by, "The c")
    qtbot.keyClicks(row.note, "Rode alone on Tuesday")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def _open_and_wait(
    qtbot: QtBot, main_window: MainWindow, tasks: TaskRunner, session: Session
) -> None:
    main_window.session_editing.open_session(session.id or 0)
    qtbot.waitUntil(lambda: not tasks.is_busy)


def test_a_goal_ticked_and_rated_in_the_editor_is_saved_with_the_session(
    qtbot: QtBot,
    practice: Practice,
    main_window: MainWindow,
    tasks: TaskRunner,
    record: Record,
) -> None:
    before = practice.goals.t_score_history(record.client_id)
    assert [round(point.t_score, 1) for point in before] == [50.0]
    driver = when_dialog_opens(SessionDialog, lambda d: _rate_bus_plus_one(qtbot, d, record))

    _open_and_wait(qtbot, main_window, tasks, record.session)
    qtbot.waitUntil(lambda: "saved" in main_window.statusBar().currentMessage())

    assert driver.opened
    session_id = record.session.id or 0
    assert practice.calendar.session(session_id).goal_ids == (record.bus,)
    given = practice.calendar.goal_ratings(session_id)  # rows carrying this session's id
    assert list(given) == [record.bus]  # the unticked goal got no rating
    rating = given[record.bus]
    assert (rating.rated_on, rating.level, rating.rated_by, rating.note) == (
        THURSDAY.date(),
        1,
        RatedBy.CLIENT,
        "Rode alone on Tuesday",
    )
    assert practice.goals.goal(record.bus).latest_rating == rating
    assert len(practice.goals.goal(record.cook).ratings) == 1  # only its old one
    after = practice.goals.t_score_history(record.client_id)
    assert [point.on for point in after] == [dt.date(2026, 2, 26), THURSDAY.date()]
    assert after[-1].t_score > 50
    assert main_window.statusBar().currentMessage() == (
        "Session on Thu 12 Mar, 10:00 saved, with 1 goal rating."
    )


def test_reopening_the_session_shows_its_rating_and_saving_again_adds_none(
    qtbot: QtBot,
    practice: Practice,
    main_window: MainWindow,
    tasks: TaskRunner,
    record: Record,
) -> None:
    when_dialog_opens(SessionDialog, lambda d: _rate_bus_plus_one(qtbot, d, record))
    _open_and_wait(qtbot, main_window, tasks, record.session)
    qtbot.waitUntil(lambda: bool(practice.calendar.goal_ratings(record.session.id or 0)))
    seen: dict[str, object] = {}

    def look_and_save(dialog: SessionDialog) -> None:
        assert dialog.goal_fields is not None
        row = dialog.goal_fields.rows[record.bus]
        seen["ticked"] = row.worked_on.isChecked()
        seen["level"] = row.level.currentData()
        seen["by"] = row.rated_by.currentData()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    driver = when_dialog_opens(SessionDialog, look_and_save)
    _open_and_wait(qtbot, main_window, tasks, record.session)
    qtbot.waitUntil(lambda: driver.opened and not tasks.is_busy)

    assert seen == {"ticked": True, "level": 1, "by": RatedBy.CLIENT}
    assert len(practice.goals.goal(record.bus).ratings) == 2  # the old one and this session's


def test_a_failed_save_leaves_neither_the_session_change_nor_the_rating(
    qtbot: QtBot,
    practice: Practice,
    main_window: MainWindow,
    tasks: TaskRunner,
    record: Record,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def disk_fails(*_args: object, **_kwargs: object) -> None:
        raise OSError("the disk is full")

    # The session row is written first in the transaction; then the ratings fail.
    monkeypatch.setattr(session_repository, "replace_session_ratings", disk_fails)
    errors: list[str] = []
    monkeypatch.setattr(
        messages, "show_error", lambda _p, title, error: errors.append(f"{title}: {error}")
    )

    seen: dict[str, object] = {}

    def reopened(dialog: SessionDialog) -> None:  # back in the editor with what was typed
        assert dialog.goal_fields is not None
        row = dialog.goal_fields.rows[record.bus]
        seen["agenda"] = dialog.agenda.toPlainText()
        seen["rating"] = (row.worked_on.isChecked(), row.level.currentData(), row.note.text())
        dialog.reject()

    drivers = []

    def rate_with_agenda(dialog: SessionDialog) -> None:
        dialog.agenda.setPlainText("Her sister's visit")
        _rate_bus_plus_one(qtbot, dialog, record)
        drivers.append(when_dialog_opens(SessionDialog, reopened))  # for the editor's return

    when_dialog_opens(SessionDialog, rate_with_agenda)
    _open_and_wait(qtbot, main_window, tasks, record.session)
    qtbot.waitUntil(lambda: bool(drivers) and drivers[0].opened and not tasks.is_busy)

    assert errors == ["Nothing was saved: the disk is full"]
    assert seen == {
        "agenda": "Her sister's visit",
        "rating": (True, 1, "Rode alone on Tuesday"),
    }
    assert practice.calendar.session(record.session.id or 0) == record.session
    assert practice.calendar.goal_ratings(record.session.id or 0) == {}
    assert len(practice.goals.goal(record.bus).ratings) == 1
    assert [round(p.t_score, 1) for p in practice.goals.t_score_history(record.client_id)] == [50.0]


def test_the_clients_goals_tab_shows_the_new_rating_when_next_shown(
    qtbot: QtBot,
    practice: Practice,
    main_window: MainWindow,
    tasks: TaskRunner,
    record: Record,
) -> None:
    main_window.clients_view.refresh()
    qtbot.waitUntil(lambda: not tasks.is_busy)
    main_window.open_client(record.client_id)
    overview = main_window.clients_view.overview
    overview.show_tab("Goals")
    tab = main_window.goals_tab
    qtbot.waitUntil(lambda: "50.0" in tab.t_score.text() and not tasks.is_busy)
    overview.show_tab("Sessions")

    when_dialog_opens(SessionDialog, lambda d: _rate_bus_plus_one(qtbot, d, record))
    _open_and_wait(qtbot, main_window, tasks, record.session)
    qtbot.waitUntil(lambda: "saved" in main_window.statusBar().currentMessage())
    overview.show_tab("Goals")
    qtbot.waitUntil(lambda: "50.0" not in tab.t_score.text() and not tasks.is_busy)

    latest = practice.goals.t_score_history(record.client_id)[-1].t_score
    assert f"{latest:.1f}" in tab.t_score.text()
