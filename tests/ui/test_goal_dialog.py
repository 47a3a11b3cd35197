"""The goal editor on its own: checked plain data out, clear messages at the field, no saving."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from alliance_desktop.domain.goal import (
    CheckAnswer,
    Goal,
    GoalColumn,
    ProposedBy,
    QualityAspect,
)
from alliance_desktop.ui.dialogs.goal_dialog import SCALE_TAB, GoalDialog
from alliance_desktop.ui.dialogs.goal_task_dialog import GoalTaskDialog
from tests.ui.dialog_driver import when_dialog_opens
from tests.ui.goal_records import make_goal

TODAY = dt.date(2026, 3, 14)
VALUES = ("being a steady parent", "honesty")


def _open(qtbot: QtBot, goal: Goal) -> GoalDialog:
    dialog = GoalDialog(goal, VALUES, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_new_goal_comes_back_checked_with_its_quality_and_levels(qtbot: QtBot) -> None:
    dialog = _open(qtbot, Goal(client_id=3, client_words=""))
    assert dialog.windowTitle() == "New goal"
    qtbot.keyClicks(dialog.client_words, "  Take the bus to work again  ")
    dialog.proposed_by.setCurrentIndex(dialog.proposed_by.findData(ProposedBy.CLIENT))
    dialog.quality_rows[QualityAspect.REALISTIC].buttons[CheckAnswer.UNSURE].setChecked(True)
    dialog.quality_rows[QualityAspect.REALISTIC].note.setText("winter is hard")
    dialog.levels[0].setText("Bus alone twice a week")

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    goal = dialog.result_goal()
    assert goal is not None
    assert goal.client_words == "Take the bus to work again"
    assert goal.client_id == 3 and goal.id is None
    assert goal.proposed_by is ProposedBy.CLIENT
    assert goal.quality.realistic.answer is CheckAnswer.UNSURE
    assert goal.quality.realistic.note == "winter is hard"
    assert goal.quality.missing == [QualityAspect.FOCUSED, QualityAspect.COORDINATED]
    assert goal.expected_outcome == "Bus alone twice a week"
    assert goal.weight == 1.0


def test_the_clients_values_are_shown_beside_the_quality_check(qtbot: QtBot) -> None:
    dialog = _open(qtbot, make_goal(3, "Cook"))
    assert "being a steady parent" in dialog.values_label.text()
    quality_page = dialog.tabs.widget(1)
    assert quality_page is not None and quality_page.isAncestorOf(dialog.values_box)


def test_the_editor_refuses_empty_words_and_weight_zero_with_the_message_at_the_field(
    qtbot: QtBot,
) -> None:
    def break_and_save(dialog: GoalDialog) -> None:
        dialog.client_words.setPlainText("   ")
        dialog.weight.setValue(0)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible()  # still open: nothing is handed back
        assert "client's own words" in dialog.messages.message("client_words")
        assert "more than 0" in dialog.messages.message("weight")
        assert dialog.client_words.property("invalid") is True
        assert dialog.tabs.currentIndex() == 0  # the first problem is brought into view
        messages_seen.append("checked")

    messages_seen: list[str] = []
    driver = when_dialog_opens(GoalDialog, break_and_save)

    result = GoalDialog.edit(None, make_goal(3, "Cook for friends", id=9), VALUES, TODAY)

    assert driver.opened and messages_seen == ["checked"]
    assert result is None


def test_an_active_goal_needs_all_five_levels(qtbot: QtBot) -> None:
    goal = make_goal(3, "Take the bus", id=9, column=GoalColumn.ACTIVE)
    dialog = _open(qtbot, goal)
    dialog.levels[-2].clear()
    dialog.levels[2].clear()

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.result_goal() is None
    assert "level -2" in dialog.messages.message("levels.-2")
    assert "level +2" in dialog.messages.message("levels.2")
    assert dialog.messages.message("levels.0") == ""
    assert dialog.tabs.currentIndex() == SCALE_TAB


def test_an_unchanged_goal_comes_back_as_it_was(qtbot: QtBot) -> None:
    goal = make_goal(3, "Take the bus", id=9, priority=1, review_date=dt.date(2026, 4, 1))
    dialog = _open(qtbot, goal)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result_goal() == goal


def test_a_task_needs_saying_what_it_is(qtbot: QtBot) -> None:
    dialog = GoalTaskDialog(None, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result_task() is None
    assert dialog.messages.message("task.description") == "Say what the task is."


def test_each_level_can_be_written_in_the_clients_words_beside_yours(qtbot: QtBot) -> None:
    goal = Goal(
        client_id=3,
        client_words="Ask for help",
        client_levels=("I keep it all to myself", "", "", "", ""),
    )
    dialog = _open(qtbot, goal)
    assert dialog.client_levels[-2].text() == "I keep it all to myself"
    dialog.levels[0].setText("Asks one person when struggling")
    dialog.client_levels[0].setText("  I ask one person when I’m struggling ")

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    saved = dialog.result_goal()
    assert saved is not None
    assert saved.client_level_wording(0) == "I ask one person when I’m struggling"
    assert saved.expected_outcome == "Asks one person when struggling"
    assert saved.client_level_wording(-2) == "I keep it all to myself"


def test_a_long_level_description_shows_its_beginning(qtbot: QtBot) -> None:
    from alliance_desktop.domain.goal import Goal

    long = "Uses other ways to soothe most evenings, with no shame spiral afterwards at all"
    goal = Goal(client_id=1, client_words="Calm evenings", levels=(long, "b", "c", "d", long))
    dialog = GoalDialog(goal, (), dt.date(2026, 3, 2))
    qtbot.addWidget(dialog)
    assert dialog.levels[2].text() == long
    assert dialog.levels[2].cursorPosition() == 0
