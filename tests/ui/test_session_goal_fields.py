"""The session editor's Goals tab on its own: which goals it lists, ticking and rating them on
their own level descriptions, and bad ratings shown at their field."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox
from pytestqt.qtbot import QtBot

from alliance_desktop.domain.client import ClientStatus, ClientSummary
from alliance_desktop.domain.goal import GasRating, Goal, GoalColumn, RatedBy
from alliance_desktop.domain.session import Session
from alliance_desktop.ui.dialogs.session_dialog import SessionDialog
from alliance_desktop.ui.dialogs.session_goal_fields import NOT_RATED, GoalsToRate, level_text
from tests.ui.goal_records import LEVELS

TODAY = dt.date(2026, 3, 14)
THURSDAY = dt.datetime(2026, 3, 12, 10, 0)
CLIENTS = [ClientSummary(1, "Ana Ruiz", "", ClientStatus.ACTIVE, None, False)]


def _goal(goal_id: int, words: str, column: GoalColumn, **changes: object) -> Goal:
    goal = Goal(1, words, id=goal_id, column=column, levels=LEVELS, position=goal_id)
    return Goal(**{**goal.__dict__, **changes})


BUS = _goal(11, "Take the bus again", GoalColumn.ACTIVE)
COOK = _goal(12, "Cook for friends", GoalColumn.AGREED, levels=("", "", "", "", ""))
WALK = _goal(13, "Walk to the park", GoalColumn.PROPOSED)
WORK = _goal(14, "Back to work", GoalColumn.ACHIEVED)
SLEEP = _goal(15, "Sleep before midnight", GoalColumn.SET_ASIDE)
GOALS = (WALK, COOK, BUS, WORK, SLEEP)


def _open(
    qtbot: QtBot,
    session: Session | None = None,
    given: dict[int, GasRating] | None = None,
) -> SessionDialog:
    goals = GoalsToRate(GOALS, given or {}, TODAY)
    dialog = SessionDialog(
        session or Session(1, THURSDAY, 50, id=7), CLIENTS, is_new=False, goals=goals
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentIndex(_tab(dialog, "Goals"))
    return dialog


def _tab(dialog: SessionDialog, title: str) -> int:
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    return titles.index(title)


def _tick(qtbot: QtBot, box: QCheckBox) -> None:
    """Click the tick box itself (the check box spans the row; its words end well before)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def _save(qtbot: QtBot, dialog: SessionDialog) -> None:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_the_goals_tab_lists_active_then_agreed_goals_each_in_its_own_words(
    qtbot: QtBot,
) -> None:
    dialog = _open(qtbot, Session(1, THURSDAY, 50, id=7, goal_ids=(14,)))
    fields = dialog.goal_fields
    assert fields is not None
    # Achieved goal 14 is listed only because this session already names it.
    assert [row.goal.title for row in fields.rows.values()] == [
        "Take the bus again",
        "Cook for friends",
        "Back to work",
    ]
    assert fields.rows[14].about.text().startswith("Now Achieved")
    assert fields.rows[14].worked_on.isChecked()
    bus = fields.rows[11]
    assert [bus.level.itemText(i) for i in range(bus.level.count())] == [
        NOT_RATED,
        "+2 · much more: Travels anywhere",
        "+1 · more: Bus alone most days",
        "0 · expected: Bus alone twice a week",
        "-1 · less: Bus with a friend",
        "-2 · much less: Avoids all buses",
    ]
    assert fields.rows[12].level.itemText(3) == "0 · expected"  # no description yet
    assert not bus.rating_box.isVisible()  # unticked goals stay one line
    assert dialog.tabs.tabText(2) == "Goals"


def test_a_ticked_goal_rated_by_typing_comes_back_with_the_session(qtbot: QtBot) -> None:
    dialog = _open(qtbot)
    fields = dialog.goal_fields
    assert fields is not None
    bus, cook = fields.rows[11], fields.rows[12]
    # A level chosen for a goal later unticked is not a rating.
    _tick(qtbot, cook.worked_on)
    assert cook.rating_box.isVisible()
    cook.level.setCurrentIndex(1)
    _tick(qtbot, cook.worked_on)
    assert not cook.worked_on.isChecked() and not cook.rating_box.isVisible()

    _tick(qtbot, bus.worked_on)
    assert bus.rating_box.isVisible()
    qtbot.keyClicks(bus.level, "+1")
    qtbot.keyClicks(bus.rated_by, "The c")
    qtbot.keyClicks(bus.note, "  Rode alone on Tuesday ")
    _save(qtbot, dialog)

    edited = dialog.result_edit()
    assert edited is not None
    assert edited.session.goal_ids == (11,)
    assert edited.goal_ratings == {
        11: GasRating(THURSDAY.date(), 1, RatedBy.CLIENT, "Rode alone on Tuesday")
    }


def test_a_rating_out_of_range_is_shown_at_its_level_and_nothing_returned(
    qtbot: QtBot,
) -> None:
    dialog = _open(qtbot)
    fields = dialog.goal_fields
    assert fields is not None
    bus = fields.rows[11]
    bus.worked_on.setChecked(True)
    bus.level.setItemData(1, 3)  # a combo cannot offer it; the domain still checks
    bus.level.setCurrentIndex(1)
    dialog.tabs.setCurrentIndex(0)

    _save(qtbot, dialog)

    assert dialog.isVisible() and dialog.result_edit() is None
    assert dialog.messages.message("goal_ratings.11.level") == "A rating is from -2 to +2 (got 3)."
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "Goals"


def test_a_note_too_long_is_shown_at_the_note(qtbot: QtBot) -> None:
    dialog = _open(qtbot)
    fields = dialog.goal_fields
    assert fields is not None
    bus = fields.rows[11]
    bus.worked_on.setChecked(True)
    bus.level.setCurrentIndex(bus.level.findData(0))
    bus.note.setText("x" * 20_001)

    _save(qtbot, dialog)

    assert dialog.result_edit() is None
    assert "too long (20001 characters" in dialog.messages.message("goal_ratings.11.note")
    assert dialog.messages.message("goal_ratings.11.level") == ""


def test_ratings_this_session_gave_are_shown_and_earlier_ones_summed_up(qtbot: QtBot) -> None:
    earlier = GasRating(dt.date(2026, 3, 1), -1, id=1)
    given = GasRating(THURSDAY.date(), 2, RatedBy.CLINICIAN, "Went to the city", id=2)
    goals = (
        WALK,
        COOK,
        _goal(11, "Take the bus again", GoalColumn.ACTIVE, ratings=(earlier, given)),
    )
    dialog = SessionDialog(
        Session(1, THURSDAY, 50, id=7, goal_ids=(11,)),
        CLIENTS,
        is_new=False,
        goals=GoalsToRate(goals, {11: given}, TODAY),
    )
    qtbot.addWidget(dialog)
    bus = dialog.goal_fields.rows[11] if dialog.goal_fields else None
    assert bus is not None
    assert bus.worked_on.isChecked()
    assert bus.level.currentText() == level_text(goals[2], 2)
    assert bus.rated_by.currentData() == RatedBy.CLINICIAN
    assert bus.note.text() == "Went to the city"
    assert bus.about.text() == "Active · last rated -1 (less) on 01/03/2026"  # not its own

    dialog.accept()
    edited = dialog.result_edit()
    assert edited is not None and edited.goal_ratings == {11: given}


def test_a_session_still_to_come_takes_ticks_but_no_ratings(qtbot: QtBot) -> None:
    dialog = _open(qtbot, Session(1, dt.datetime(2026, 3, 16, 10), 50, id=8))
    fields = dialog.goal_fields
    assert fields is not None
    bus = fields.rows[11]
    bus.worked_on.setChecked(True)
    assert not bus.rating_box.isVisible()
    assert "still to come" in fields.intro.text()

    dialog.tabs.setCurrentIndex(0)
    dialog.timing.date.setDate(dialog.timing.date.date().addDays(-4))  # back to Thursday
    dialog.tabs.setCurrentIndex(_tab(dialog, "Goals"))
    assert bus.rating_box.isVisible()
    bus.level.setCurrentIndex(bus.level.findData(-1))
    _save(qtbot, dialog)

    edited = dialog.result_edit()
    assert edited is not None
    assert edited.goal_ratings == {11: GasRating(THURSDAY.date(), -1)}


def test_without_goals_the_editor_has_no_goals_tab_and_keeps_the_sessions_goals(
    qtbot: QtBot,
) -> None:
    session = Session(1, THURSDAY, 50, id=7, goal_ids=(3, 5))
    dialog = SessionDialog(session, CLIENTS, is_new=False)
    qtbot.addWidget(dialog)
    assert "Goals" not in [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]

    dialog.accept()

    edited = dialog.result_edit()
    assert edited is not None
    assert edited.session.goal_ids == (3, 5) and edited.goal_ratings is None


def test_a_rated_session_moved_ahead_asks_for_its_rating_to_wait(qtbot: QtBot) -> None:
    given = GasRating(THURSDAY.date(), 1, id=2)
    dialog = _open(qtbot, Session(1, THURSDAY, 50, id=7, goal_ids=(11,)), {11: given})
    fields = dialog.goal_fields
    assert fields is not None
    bus = fields.rows[11]
    dialog.tabs.setCurrentIndex(0)
    dialog.timing.date.setDate(dialog.timing.date.date().addDays(7))  # next Thursday
    dialog.tabs.setCurrentIndex(_tab(dialog, "Goals"))
    assert bus.rating_box.isVisible()  # still in view, so it can be taken back

    _save(qtbot, dialog)
    assert dialog.result_edit() is None
    assert "has not happened yet" in dialog.messages.message("goal_ratings")

    bus.level.setCurrentIndex(0)  # not rated in this session
    _save(qtbot, dialog)
    edited = dialog.result_edit()
    assert edited is not None
    assert edited.goal_ratings == {} and edited.session.goal_ids == (11,)
