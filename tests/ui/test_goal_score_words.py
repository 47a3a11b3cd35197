"""The goal board says "goal score" in plain words, and its trend says what each point rests on."""

from __future__ import annotations

import datetime as dt

from alliance_desktop.domain.goal import GasRating, Goal, GoalColumn
from alliance_desktop.domain.goal_rules import t_score_history
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.ui.views.goals.goal_board_view import t_score_text, t_score_tooltip

TODAY = dt.date(2026, 3, 14)


def _goal(words: str, *ratings: tuple[int, int], column: GoalColumn = GoalColumn.ACTIVE) -> Goal:
    return Goal(
        client_id=1,
        client_words=words,
        column=column,
        ratings=tuple(GasRating(dt.date(2026, 2, day), level) for day, level in ratings),
    )


def test_the_trend_says_how_many_goals_each_point_rests_on_and_where_goals_entered() -> None:
    points = t_score_history(
        [
            _goal("Take the bus again", (2, -1), (16, 0)),
            _goal("Sleep through the night", (9, -2)),
            _goal("Call my sister", (2, -2), column=GoalColumn.SET_ASIDE),
        ]
    )
    text = t_score_text(points, DateStyle.DAY_MONTH_YEAR, TODAY)
    assert text.startswith("Goal score <b>")
    assert "2 goals rated" in text and "same goals" in text
    tooltip = t_score_tooltip(points, DateStyle.DAY_MONTH_YEAR, TODAY)
    assert "50 means the goals are where you both expected" in tooltip
    assert "(1 of 2 goals rated by then; 1 at their starting point) · enters: Take the bus" in (
        tooltip
    )
    assert "enters: Sleep through the night" in tooltip
    assert "set-aside goals are left out of every point" in tooltip
    assert "Call my sister" not in tooltip
