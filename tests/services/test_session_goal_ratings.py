"""GAS ratings given in a session: saved with the session in one transaction, dated on its day,
one per goal and session, and never half-saved."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from alliance_desktop.domain.errors import InvalidInput, RecordNotFound
from alliance_desktop.domain.goal import GasRating, Goal, GoalColumn, RatedBy
from alliance_desktop.domain.recurrence import Frequency, RecurrenceRule
from alliance_desktop.domain.session import Session
from alliance_desktop.services import Practice
from alliance_desktop.vault import session_repository
from tests.factories import make_client, make_session

# The fixed clock says Saturday 14 March 2026, 09:30.
THURSDAY = dt.datetime(2026, 3, 12, 10, 0)
NEXT_MONDAY = dt.datetime(2026, 3, 16, 10, 0)
LEVELS = ("Avoids buses", "Bus with a friend", "Bus twice a week", "Bus most days", "Anywhere")


def _goal(practice: Practice, client_id: int, words: str) -> int:
    goal = Goal(client_id, words, column=GoalColumn.ACTIVE, levels=LEVELS)
    return practice.goals.add_goal(goal).id or 0


@pytest.fixture
def bus_and_work(practice: Practice) -> tuple[int, int, int]:
    client_id = practice.add_client(make_client()).id or 0
    return client_id, _goal(practice, client_id, "Take the bus"), _goal(practice, client_id, "Work")


def _session(practice: Practice, client_id: int, start: dt.datetime = THURSDAY) -> Session:
    return practice.calendar.book(make_session(client_id, start))


def _audit_kinds(practice: Practice) -> list[str]:
    return [entry.kind for entry in practice.audit_entries()]


def test_a_session_and_its_ratings_are_saved_together_dated_on_its_day(
    practice: Practice, bus_and_work: tuple[int, int, int]
) -> None:
    client_id, bus, work = bus_and_work
    practice.goals.rate(work, GasRating(dt.date(2026, 3, 1), -1))
    session = _session(practice, client_id)
    history_before = practice.goals.t_score_history(client_id)

    practice.calendar.save(
        replace(session, goal_ids=(bus,), progress_note="Rode two stops."),
        goal_ratings={bus: GasRating(dt.date(2000, 1, 1), 1, RatedBy.CLIENT, " Proud. ")},
    )

    assert practice.calendar.session(session.id or 0).goal_ids == (bus,)
    given = practice.calendar.goal_ratings(session.id or 0)
    assert list(given) == [bus]
    rating = given[bus]
    # Dated on the session's day, whatever date was passed; note trimmed.
    assert (rating.rated_on, rating.level, rating.rated_by, rating.note) == (
        THURSDAY.date(),
        1,
        RatedBy.CLIENT,
        "Proud.",
    )
    assert practice.goals.goal(bus).latest_rating == rating
    assert practice.goals.goal(work).latest_rating == GasRating(
        dt.date(2026, 3, 1), -1, id=practice.goals.goal(work).ratings[0].id
    )
    history = practice.goals.t_score_history(client_id)
    assert len(history) == len(history_before) + 1
    assert history[-1].on == THURSDAY.date() and history[-1].goals_rated == 2
    assert history[-1].t_score != history_before[-1].t_score
    assert "gas_rating.created" in _audit_kinds(practice)


def test_saving_again_changes_the_sessions_rating_in_place_or_removes_it(
    practice: Practice, bus_and_work: tuple[int, int, int]
) -> None:
    client_id, bus, work = bus_and_work
    session = replace(_session(practice, client_id), goal_ids=(bus, work))
    practice.calendar.save(session, goal_ratings={bus: GasRating(THURSDAY.date(), 0)})
    first = practice.calendar.goal_ratings(session.id or 0)[bus]

    created = _audit_kinds(practice).count("gas_rating.created")
    practice.calendar.save(session, goal_ratings={bus: GasRating(THURSDAY.date(), 0)})
    assert _audit_kinds(practice).count("gas_rating.created") == created  # nothing new
    assert practice.calendar.goal_ratings(session.id or 0)[bus] == first

    practice.calendar.save(
        session,
        goal_ratings={bus: GasRating(THURSDAY.date(), 2), work: GasRating(THURSDAY.date(), -1)},
    )
    given = practice.calendar.goal_ratings(session.id or 0)
    assert given[bus] == replace(first, level=2)  # the same row, changed
    assert len(practice.goals.goal(bus).ratings) == 1
    assert given[work].level == -1

    practice.calendar.save(session, goal_ratings={work: GasRating(THURSDAY.date(), -1)})
    assert list(practice.calendar.goal_ratings(session.id or 0)) == [work]
    assert practice.goals.goal(bus).ratings == ()
    assert "gas_rating.removed" in _audit_kinds(practice)

    # Saving without ratings (a drag, a status mark) leaves them as they are.
    practice.calendar.save(replace(session, agenda="Later"))
    assert list(practice.calendar.goal_ratings(session.id or 0)) == [work]


def test_a_moved_session_takes_its_ratings_to_its_new_day(
    practice: Practice, bus_and_work: tuple[int, int, int]
) -> None:
    client_id, bus, _work = bus_and_work
    session = replace(_session(practice, client_id), goal_ids=(bus,))
    practice.calendar.save(session, goal_ratings={bus: GasRating(THURSDAY.date(), 1)})

    practice.calendar.move(session.id or 0, THURSDAY - dt.timedelta(days=1))

    assert practice.goals.goal(bus).ratings[0].rated_on == dt.date(2026, 3, 11)


@pytest.mark.parametrize(
    ("rating", "field", "words"),
    [
        (GasRating(THURSDAY.date(), 3), "goal_ratings.{bus}.level", "from -2 to +2 (got 3)"),
        (GasRating(THURSDAY.date(), 1, note="x" * 20_001), "goal_ratings.{bus}.note", "too long"),
    ],
)
def test_a_bad_rating_saves_neither_the_rating_nor_the_session(
    practice: Practice,
    bus_and_work: tuple[int, int, int],
    rating: GasRating,
    field: str,
    words: str,
) -> None:
    client_id, bus, _work = bus_and_work
    session = _session(practice, client_id)

    with pytest.raises(InvalidInput) as raised:
        practice.calendar.save(
            replace(session, goal_ids=(bus,), agenda="Lost?"), goal_ratings={bus: rating}
        )

    assert words in raised.value.problems[field.format(bus=bus)]
    assert practice.calendar.session(session.id or 0) == session
    assert practice.goals.goal(bus).ratings == ()


def test_only_goals_worked_on_in_a_session_that_has_happened_are_rated(
    practice: Practice, bus_and_work: tuple[int, int, int]
) -> None:
    client_id, bus, work = bus_and_work
    past = _session(practice, client_id)
    with pytest.raises(InvalidInput) as unticked:
        practice.calendar.save(
            replace(past, goal_ids=(bus,)), goal_ratings={work: GasRating(THURSDAY.date(), 1)}
        )
    assert "Tick the goal" in unticked.value.problems[f"goal_ratings.{work}"]

    future = _session(practice, client_id, NEXT_MONDAY)
    with pytest.raises(InvalidInput) as early:
        practice.calendar.save(
            replace(future, goal_ids=(bus,)), goal_ratings={bus: GasRating(THURSDAY.date(), 1)}
        )
    assert "has not happened yet" in early.value.problems["goal_ratings"]
    assert practice.goals.goal(bus).ratings == () and practice.goals.goal(work).ratings == ()


def test_another_clients_goal_rolls_the_session_back_too(
    practice: Practice, bus_and_work: tuple[int, int, int]
) -> None:
    client_id, bus, _work = bus_and_work
    other = practice.add_client(make_client(name="Bea Lund")).id or 0
    theirs = _goal(practice, other, "Their goal")
    session = _session(practice, client_id)

    with pytest.raises(RecordNotFound):
        practice.calendar.save(
            replace(session, goal_ids=(bus, theirs), agenda="Never saved"),
            goal_ratings={
                bus: GasRating(THURSDAY.date(), 1),
                theirs: GasRating(THURSDAY.date(), 1),
            },
        )

    # The session row was written first in the same transaction: it is rolled back too.
    assert practice.calendar.session(session.id or 0) == session
    assert practice.goals.goal(bus).ratings == () and practice.goals.goal(theirs).ratings == ()


def test_a_failure_while_writing_the_ratings_leaves_no_half_saved_session(
    practice: Practice, bus_and_work: tuple[int, int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    client_id, bus, work = bus_and_work
    session = _session(practice, client_id)
    practice.calendar.save(
        replace(session, goal_ids=(work,)), goal_ratings={work: GasRating(THURSDAY.date(), 0)}
    )
    saved = practice.calendar.session(session.id or 0)
    given = practice.calendar.goal_ratings(session.id or 0)
    real = session_repository.replace_session_ratings

    def write_then_fail(*args: object, **kwargs: object) -> None:
        real(*args, **kwargs)  # type: ignore[arg-type]
        raise OSError("disk unplugged")

    monkeypatch.setattr(session_repository, "replace_session_ratings", write_then_fail)
    with pytest.raises(OSError, match="disk unplugged"):
        practice.calendar.save(
            replace(saved, goal_ids=(bus,), progress_note="Lost"),
            goal_ratings={bus: GasRating(THURSDAY.date(), 2)},
        )

    assert practice.calendar.session(session.id or 0) == saved
    assert practice.calendar.goal_ratings(session.id or 0) == given
    assert practice.goals.goal(bus).ratings == ()


def test_this_and_following_saves_the_sessions_own_ratings_with_the_series(
    practice: Practice, bus_and_work: tuple[int, int, int]
) -> None:
    client_id, bus, _work = bus_and_work
    rule = RecurrenceRule(Frequency.WEEKLY, THURSDAY, count=3)
    _series, planned = practice.calendar.plan_series(make_session(client_id, THURSDAY), rule)
    first = planned[0]

    changed = practice.calendar.change_following(
        replace(first, start=THURSDAY.replace(hour=11), goal_ids=(bus,)),
        goal_ratings={bus: GasRating(THURSDAY.date(), 1, RatedBy.TOGETHER)},
    )

    assert [s.start.hour for s in changed] == [11, 11, 11]
    assert practice.calendar.goal_ratings(first.id or 0)[bus].level == 1
    assert all(practice.calendar.goal_ratings(s.id or 0) == {} for s in changed[1:])
