from __future__ import annotations

import datetime as dt
import itertools
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.goal import (
    CheckAnswer,
    GasRating,
    Goal,
    GoalColumn,
    GoalQuality,
    GoalTask,
    QualityCheck,
)
from alliance_desktop.domain.goal_rules import (
    MoveNeedsConfirmation,
    check_goal,
    check_move,
    check_rating,
    gas_t_score,
    t_score_history,
)

LEVELS = (
    "Back to avoiding",
    "Some avoidance",
    "Takes the bus twice a week",
    "Takes the bus most days",
    "Travels anywhere by bus",
)


def _goal(**changes: object) -> Goal:
    values: dict[str, object] = {"client_id": 1, "client_words": "Get the bus to work again"}
    values.update(changes)
    return Goal(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("weighted_levels", "expected"),
    [
        ([(1.0, 1)], 60.0),  # one goal at +1, weight 1
        ([(1.0, 0), (1.0, 0), (1.0, 0)], 50.0),  # three equal-weight goals at expected level
        ([(1.0, 1), (1.0, 1)], 50 + 20 / math.sqrt(0.7 * 2 + 0.3 * 4)),  # 62.4035
        ([(1.0, 2), (2.0, 1)], 50 + 40 / math.sqrt(0.7 * 5 + 0.3 * 9)),  # 66.0644
        ([(1.0, -2)], 30.0),
    ],
)
def test_gas_t_score_matches_hand_computed_values(
    weighted_levels: list[tuple[float, int]], expected: float
) -> None:
    assert gas_t_score(weighted_levels) == pytest.approx(expected)


def test_hand_computed_figures_to_four_decimals() -> None:
    assert round(gas_t_score([(1.0, 1), (1.0, 1)]) or 0, 4) == 62.4035
    assert round(gas_t_score([(1.0, 2), (2.0, 1)]) or 0, 4) == 66.0644


def test_no_ratings_no_score() -> None:
    assert gas_t_score([]) is None


@given(st.lists(st.tuples(st.floats(0.1, 10), st.sampled_from([-2, -1, 0, 1, 2])), min_size=1))
def test_t_score_is_symmetric_around_50_and_bounded(levels: list[tuple[float, int]]) -> None:
    score = gas_t_score(levels)
    mirrored = gas_t_score([(weight, -level) for weight, level in levels])
    assert score is not None and mirrored is not None
    assert score - 50 == pytest.approx(50 - mirrored)
    # All goals at +2 with many equal weights approach 50 + 20/sqrt(rho).
    assert abs(score - 50) <= 20 / math.sqrt(0.3) + 1e-9


def test_t_score_history_rests_every_point_on_the_same_goals() -> None:
    first = _goal(
        id=1,
        column=GoalColumn.ACTIVE,
        ratings=(
            GasRating(dt.date(2026, 1, 5), -1),
            GasRating(dt.date(2026, 2, 2), 1),
        ),
    )
    second = _goal(id=2, column=GoalColumn.ACTIVE, ratings=(GasRating(dt.date(2026, 1, 19), 0),))
    proposed = _goal(id=3, ratings=(GasRating(dt.date(2026, 1, 19), 2),))  # not agreed: left out
    history = t_score_history([first, second, proposed])
    assert [(p.on.isoformat(), p.goals_rated, p.rated_by_then) for p in history] == [
        ("2026-01-05", 2, 1),
        ("2026-01-19", 2, 2),
        ("2026-02-02", 2, 2),
    ]
    # Before its first rating the second goal stands at it (0): its entry moves nothing.
    baseline = gas_t_score([(1, -1), (1, 0)]) or 0
    assert history[0].t_score == pytest.approx(baseline)
    assert history[1].t_score == pytest.approx(baseline)
    assert history[1].entered == ("Get the bus to work again",)
    assert history[2].t_score == pytest.approx(gas_t_score([(1, 1), (1, 0)]) or 0)


def test_empty_goal_text_is_refused() -> None:
    with pytest.raises(InvalidInput) as raised:
        check_goal(_goal(client_words="   "))
    assert raised.value.problems["client_words"] == "Write the goal in the client's own words."


@pytest.mark.parametrize("weight", [0.0, -1.0, float("nan")])
def test_weight_must_be_positive(weight: float) -> None:
    with pytest.raises(InvalidInput) as raised:
        check_goal(_goal(weight=weight))
    assert "more than 0" in raised.value.problems["weight"]


def test_an_active_goal_needs_all_five_levels_described() -> None:
    with pytest.raises(InvalidInput) as raised:
        check_goal(_goal(column=GoalColumn.ACTIVE, levels=(*LEVELS[:4], "")))
    assert set(raised.value.problems) == {"levels.2"}
    assert check_goal(_goal(column=GoalColumn.ACTIVE, levels=LEVELS)).levels == LEVELS


@pytest.mark.parametrize("level", [-3, 3, 7])
def test_ratings_outside_minus_2_to_plus_2_are_refused(level: int) -> None:
    with pytest.raises(InvalidInput) as raised:
        check_rating(GasRating(dt.date(2026, 1, 1), level))
    assert "from -2 to +2" in raised.value.problems["rating.level"]


def test_task_needs_a_description() -> None:
    with pytest.raises(InvalidInput) as raised:
        check_goal(_goal(tasks=(GoalTask("  "),)))
    assert set(raised.value.problems) == {"tasks.0.description"}


def _answered(**answers: CheckAnswer) -> GoalQuality:
    checks = {name: QualityCheck(answers.get(name, CheckAnswer.YES)) for name in _ASPECTS}
    return GoalQuality(**checks)


_ASPECTS = ("focused", "realistic", "coordinated")


def test_agreeing_a_goal_a_check_says_no_to_needs_confirmation() -> None:
    unrealistic = _goal(quality=_answered(realistic=CheckAnswer.NO))
    with pytest.raises(MoveNeedsConfirmation) as raised:
        check_move(unrealistic, GoalColumn.AGREED)
    assert raised.value.reasons == ["not realistic"]
    check_move(unrealistic, GoalColumn.AGREED, confirmed=True)  # the clinician's call
    check_move(unrealistic, GoalColumn.SET_ASIDE)  # only agreeing needs it


def test_unsure_asks_for_confirmation_too() -> None:
    unsure = _goal(quality=_answered(focused=CheckAnswer.UNSURE, coordinated=CheckAnswer.NO))
    with pytest.raises(MoveNeedsConfirmation) as raised:
        check_move(unsure, GoalColumn.AGREED)
    assert raised.value.reasons == ["not coordinated", "unsure whether focused"]
    check_move(_goal(quality=_answered()), GoalColumn.AGREED)  # a clear yes: no question


@pytest.mark.parametrize("column", [GoalColumn.AGREED, GoalColumn.ACTIVE])
@pytest.mark.parametrize("unanswered", _ASPECTS)
def test_a_goal_is_agreed_only_when_every_question_has_an_answer(
    column: GoalColumn, unanswered: str
) -> None:
    checks = {name: QualityCheck(CheckAnswer.YES) for name in _ASPECTS}
    checks[unanswered] = QualityCheck()
    goal = _goal(quality=GoalQuality(**checks))
    with pytest.raises(InvalidInput) as raised:
        check_move(goal, column, confirmed=True)  # not even with the clinician's say-so
    assert unanswered in raised.value.problems["quality"]
    check_move(goal, GoalColumn.SET_ASIDE)
    check_move(goal, GoalColumn.PROPOSED)


def test_missing_and_failing_checks_are_reported_for_badges() -> None:
    quality = GoalQuality(
        focused=QualityCheck(CheckAnswer.YES), coordinated=QualityCheck(CheckAnswer.NO)
    )
    assert [a.value for a in quality.failing] == ["coordinated"]
    assert [a.value for a in quality.missing] == ["realistic"]


def test_history_tells_when_a_goal_moved() -> None:
    from alliance_desktop.domain.goal import GoalMove

    goal = _goal(
        history=(
            GoalMove(GoalColumn.PROPOSED, dt.date(2026, 2, 1)),
            GoalMove(GoalColumn.AGREED, dt.date(2026, 3, 3)),
            GoalMove(GoalColumn.ACHIEVED, dt.date(2026, 6, 12)),
        )
    )
    assert goal.moved_on(GoalColumn.AGREED) == dt.date(2026, 3, 3)
    assert goal.moved_on(GoalColumn.ACTIVE) is None


def _rated(goal_id: int, *ratings: tuple[int, int], column: GoalColumn = GoalColumn.ACTIVE) -> Goal:
    """A goal rated on the given (day of January 2026, level) pairs."""
    return _goal(
        id=goal_id,
        client_words=f"Goal {goal_id}",
        column=column,
        ratings=tuple(GasRating(dt.date(2026, 1, day), level) for day, level in ratings),
    )


def test_a_new_goals_first_rating_never_moves_the_trend() -> None:
    """The reported case: ratings that never went down, and a trend that dropped 7.7 when a
    goal entered at -2. Now each goal's first rating stands in for it before it entered."""
    goals = [
        _rated(1, (5, 0), (12, 1), (26, 1)),
        _rated(2, (19, -2), (26, -1)),  # enters late, at -2
        _rated(3, (26, -1)),  # enters on the last day
    ]
    history = t_score_history(goals)
    scores = [point.t_score for point in history]
    assert all(b >= a - 1e-9 for a, b in itertools.pairwise(scores))
    assert [p.on.day for p in history] == [5, 12, 19, 26]
    assert history[2].t_score == pytest.approx(history[1].t_score)  # goal 2 entered, no move
    assert [p.entered for p in history] == [("Goal 1",), (), ("Goal 2",), ("Goal 3",)]
    assert [p.rated_by_then for p in history] == [1, 1, 2, 3]
    assert all(p.goals_rated == 3 for p in history)
    # The latest score is still exactly every goal's latest rating.
    assert history[-1].t_score == pytest.approx(gas_t_score([(1, 1), (1, -1), (1, -1)]) or 0)


def test_set_aside_goals_are_left_out_of_every_point() -> None:
    kept = _rated(1, (5, 0), (19, 1))
    set_aside = _rated(2, (5, -2), (12, -2), column=GoalColumn.SET_ASIDE)
    history = t_score_history([kept, set_aside])
    assert [(p.on.day, p.goals_rated) for p in history] == [(5, 1), (19, 1)]
    assert history[0].t_score == pytest.approx(50.0)


_day = st.integers(1, 28)
_level = st.integers(-2, 2)
_goal_ratings = st.lists(st.tuples(_day, _level), min_size=1, max_size=5, unique_by=lambda r: r[0])


@given(st.lists(_goal_ratings, min_size=1, max_size=5), st.lists(st.sampled_from([1.0, 2.0, 3.0])))
def test_the_trend_moves_only_when_a_rating_changes(
    all_ratings: list[list[tuple[int, int]]], weights: list[float]
) -> None:
    goals = [
        _goal(
            id=number,
            client_words=f"Goal {number}",
            column=GoalColumn.ACTIVE,
            weight=weights[number] if number < len(weights) else 1.0,
            ratings=tuple(GasRating(dt.date(2026, 1, d), lvl) for d, lvl in sorted(ratings)),
        )
        for number, ratings in enumerate(all_ratings)
    ]
    history = t_score_history(goals)
    for before, after in itertools.pairwise(history):
        changed = any(
            (now := goal.rating_on(after.on)) is not None
            and (then := goal.rating_on(before.on)) is not None
            and now.level != then.level
            for goal in goals
        )
        if not changed:
            assert after.t_score == pytest.approx(before.t_score)
    latest = gas_t_score([(goal.weight, goal.ratings[-1].level) for goal in goals])
    assert history[-1].t_score == pytest.approx(latest or 0)
