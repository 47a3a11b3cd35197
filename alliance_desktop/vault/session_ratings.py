"""The GAS ratings given in a session (gas_ratings rows carrying its session_id), read and
replaced inside the session's own transaction, so a session and its ratings land together."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import sqlcipher3

from alliance_desktop.domain.errors import RecordNotFound
from alliance_desktop.domain.goal import GasRating, RatedBy
from alliance_desktop.vault.audit_trail import record_change


def read_session_ratings(
    connection: sqlcipher3.Connection, session_id: int
) -> dict[int, GasRating]:
    """The rating each goal was given in this session, by goal id (the latest, should a goal
    hold more than one)."""
    ratings: dict[int, GasRating] = {}
    for rating_id, goal_id, rated_on, level, rated_by, note in connection.execute(
        "SELECT id, goal_id, rated_on, level, rated_by, note FROM gas_ratings "
        "WHERE session_id = ? ORDER BY id",
        (session_id,),
    ):
        ratings[goal_id] = GasRating(
            dt.date.fromisoformat(rated_on), level, RatedBy(rated_by), note, rating_id
        )
    return ratings


def replace_session_ratings(
    tx: sqlcipher3.Connection,
    session_id: int,
    client_id: int,
    ratings: Mapping[int, GasRating],
    now: dt.datetime,
) -> None:
    """Make the session's ratings exactly `ratings` (goal id -> rating): a goal rated before
    keeps its row, changed in place; a goal no longer rated loses the row this session gave."""
    _refuse_other_clients_goals(tx, client_id, ratings)
    existing: dict[int, list[tuple[int, tuple[object, ...]]]] = {}
    for rating_id, goal_id, *values in tx.execute(
        "SELECT id, goal_id, rated_on, level, rated_by, note FROM gas_ratings "
        "WHERE session_id = ? ORDER BY id",
        (session_id,),
    ):
        existing.setdefault(goal_id, []).append((rating_id, tuple(values)))
    for goal_id in sorted(existing.keys() | ratings.keys()):
        rows = existing.get(goal_id, [])
        rating = ratings.get(goal_id)
        keep = rows[-1] if rows and rating is not None else None
        for rating_id, _values in rows:
            if keep is None or rating_id != keep[0]:
                tx.execute("DELETE FROM gas_ratings WHERE id = ?", (rating_id,))
        if rating is None:
            record_change(tx, now, "gas_rating.removed", "goal", goal_id)
            continue
        values = (rating.rated_on.isoformat(), rating.level, rating.rated_by.value, rating.note)
        if keep is None:
            tx.execute(
                "INSERT INTO gas_ratings (goal_id, rated_on, level, rated_by, note, session_id) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (goal_id, *values, session_id),
            )
            record_change(tx, now, "gas_rating.created", "goal", goal_id)
        elif keep[1] != values or len(rows) > 1:
            tx.execute(
                "UPDATE gas_ratings SET rated_on = ?, level = ?, rated_by = ?, note = ? "
                "WHERE id = ?",
                (*values, keep[0]),
            )
            record_change(tx, now, "gas_rating.updated", "goal", goal_id)


def redate_session_ratings(tx: sqlcipher3.Connection, session_id: int, day: dt.date) -> None:
    """A rating given in a session is dated on the session's day, also after a move."""
    tx.execute(
        "UPDATE gas_ratings SET rated_on = ? WHERE session_id = ? AND rated_on != ?",
        (day.isoformat(), session_id, day.isoformat()),
    )


def _refuse_other_clients_goals(
    tx: sqlcipher3.Connection, client_id: int, ratings: Mapping[int, GasRating]
) -> None:
    if not ratings:
        return
    marks = ", ".join("?" * len(ratings))
    found = {
        goal_id
        for (goal_id,) in tx.execute(
            f"SELECT id FROM goals WHERE client_id = ? AND id IN ({marks})",
            (client_id, *ratings),
        )
    }
    missing = sorted(set(ratings) - found)
    if missing:
        raise RecordNotFound(
            f"This client has no goal with id {', '.join(map(str, missing))}; nothing was saved."
        )
