"""Goals, their moves between board columns, GAS ratings and tasks in the vault."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import replace
from typing import Any

import sqlcipher3

from alliance_desktop.domain.client import display_name
from alliance_desktop.domain.errors import RecordNotFound
from alliance_desktop.domain.goal import (
    CheckAnswer,
    GasRating,
    Goal,
    GoalColumn,
    GoalMove,
    GoalQuality,
    GoalReviewItem,
    GoalTask,
    ProposedBy,
    QualityCheck,
    RatedBy,
    TaskOwner,
)
from alliance_desktop.vault.audit_trail import record_change
from alliance_desktop.vault.connection import Vault

_EDITABLE = (
    "client_words",
    "clinician_framing",
    "proposed_by",
    "priority",
    "target_date",
    "review_date",
    "focused",
    "focused_note",
    "realistic",
    "realistic_note",
    "coordinated",
    "coordinated_note",
    "level_minus_2",
    "level_minus_1",
    "level_0",
    "level_plus_1",
    "level_plus_2",
    "weight",
    "client_level_minus_2",
    "client_level_minus_1",
    "client_level_0",
    "client_level_plus_1",
    "client_level_plus_2",
)
_SELECT = f"SELECT id, client_id, board_column, position, {', '.join(_EDITABLE)} FROM goals"
_COLUMN_ORDER = {column: index for index, column in enumerate(GoalColumn)}


class GoalRepository:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def add(self, goal: Goal, on: dt.date) -> Goal:
        now = self._vault.clock()
        with self._vault.transaction() as tx:
            goal_id = _insert_goal(tx, goal, now, on)
            record_change(tx, now, "goal.created", "goal", goal_id)
        return self.get(goal_id)

    def add_many(self, goals: list[Goal], on: dt.date) -> int:
        """Bulk insert for imports and the demo: one transaction. A goal's own `history`, when
        given, is kept as its record of moves instead of a single move on `on`."""
        now = self._vault.clock()
        with self._vault.transaction() as tx:
            for goal in goals:
                _insert_goal(tx, goal, now, on)
            record_change(tx, now, "goal.imported", "goal", None)
        return len(goals)

    def update(self, goal: Goal) -> Goal:
        """Wording, quality check, dates, levels and weight; moves go through `move`."""
        now = self._vault.clock()
        assignments = ", ".join(f"{column} = ?" for column in _EDITABLE)
        with self._vault.transaction() as tx:
            cursor = tx.execute(
                f"UPDATE goals SET {assignments}, updated_at = ? WHERE id = ?",
                (*_editable_row(goal), now.isoformat(), goal.id),
            )
            if cursor.rowcount != 1:
                raise RecordNotFound(f"There is no goal with id {goal.id}.")
            record_change(tx, now, "goal.updated", "goal", goal.id)
        return self.get(goal.id or 0)

    def move(self, goal_id: int, column: GoalColumn, position: int, on: dt.date) -> None:
        """Put the goal at `position` in `column`, keeping the order of the others."""
        now = self._vault.clock()
        with self._vault.transaction() as tx:
            row = tx.execute(
                "SELECT client_id, board_column FROM goals WHERE id = ?", (goal_id,)
            ).fetchone()
            if row is None:
                raise RecordNotFound(f"There is no goal with id {goal_id}.")
            client_id, old_column = row
            others = [
                other_id
                for (other_id,) in tx.execute(
                    "SELECT id FROM goals WHERE client_id = ? AND board_column = ? AND id != ? "
                    "ORDER BY position, id",
                    (client_id, column.value, goal_id),
                )
            ]
            position = max(0, min(position, len(others)))
            others.insert(position, goal_id)
            tx.executemany(
                "UPDATE goals SET position = ? WHERE id = ?",
                [(index, other_id) for index, other_id in enumerate(others)],
            )
            tx.execute(
                "UPDATE goals SET board_column = ?, updated_at = ? WHERE id = ?",
                (column.value, now.isoformat(), goal_id),
            )
            if old_column != column.value:
                _record_move(tx, goal_id, column, on)
            record_change(tx, now, "goal.moved", "goal", goal_id)

    def add_rating(self, goal_id: int, rating: GasRating, session_id: int | None = None) -> int:
        now = self._vault.clock()
        with self._vault.transaction() as tx:
            rating_id = _insert_rating(tx, goal_id, rating, session_id)
            record_change(tx, now, "gas_rating.created", "goal", goal_id)
        return rating_id

    def add_task(self, goal_id: int, task: GoalTask) -> int:
        now = self._vault.clock()
        with self._vault.transaction() as tx:
            task_id = _insert_task(tx, goal_id, task)
            record_change(tx, now, "goal_task.created", "goal", goal_id)
        return task_id

    def update_task(self, task: GoalTask) -> None:
        now = self._vault.clock()
        with self._vault.transaction() as tx:
            cursor = tx.execute(
                "UPDATE goal_tasks SET description = ?, owner = ?, due_on = ?, done = ? "
                "WHERE id = ?",
                (task.description, task.owner.value, _iso(task.due_on), int(task.done), task.id),
            )
            if cursor.rowcount != 1:
                raise RecordNotFound(f"There is no task with id {task.id}.")
            record_change(tx, now, "goal_task.updated", "goal_task", task.id)

    def get(self, goal_id: int) -> Goal:
        with self._vault.reading() as connection:
            row = connection.execute(f"{_SELECT} WHERE id = ?", (goal_id,)).fetchone()
            if row is None:
                raise RecordNotFound(f"There is no goal with id {goal_id}.")
            return _complete(connection, [_goal_from_row(row)])[0]

    def board(self, client_id: int) -> list[Goal]:
        """Every goal of the client, by column then position, with ratings, tasks and moves."""
        with self._vault.reading() as connection:
            rows = connection.execute(
                f"{_SELECT} WHERE client_id = ? ORDER BY position, id", (client_id,)
            ).fetchall()
            goals = _complete(connection, [_goal_from_row(row) for row in rows], client_id)
        return sorted(goals, key=lambda goal: (_COLUMN_ORDER[goal.column], goal.position))

    def review_items(self) -> list[GoalReviewItem]:
        """Agreed and active goals of current clients, with their review and last rating dates."""
        with self._vault.reading() as connection:
            rows = connection.execute(
                "SELECT g.client_id, c.name, c.preferred_name, g.id, g.client_words, "
                "g.board_column, g.review_date, "
                "(SELECT max(rated_on) FROM gas_ratings r WHERE r.goal_id = g.id "
                "AND r.withdrawn_on IS NULL AND r.replaced_by IS NULL) "
                "FROM goals g JOIN clients c ON c.id = g.client_id "
                "WHERE g.board_column IN ('agreed', 'active') AND c.archived_on IS NULL "
                "AND c.status IN ('intake', 'active', 'ending') "
                "ORDER BY c.name COLLATE NOCASE, g.client_id, g.position"
            ).fetchall()
        return [
            GoalReviewItem(
                client_id=row[0],
                client_name=display_name(row[1], row[2]),
                goal_id=row[3],
                title=row[4].strip().splitlines()[0],
                column=GoalColumn(row[5]),
                review_date=_date(row[6]),
                last_rated_on=_date(row[7]),
            )
            for row in rows
        ]


def _complete(
    connection: sqlcipher3.Connection, goals: list[Goal], client_id: int | None = None
) -> list[Goal]:
    """Attach moves, ratings and tasks with one query each (not one per goal)."""
    if not goals:
        return goals
    if client_id is not None:
        scope, argument = "goal_id IN (SELECT id FROM goals WHERE client_id = ?)", client_id
    else:
        scope, argument = "goal_id = ?", goals[0].id or 0
    moves: dict[int, list[GoalMove]] = defaultdict(list)
    for goal_id, column, moved_on in connection.execute(
        f"SELECT goal_id, board_column, moved_on FROM goal_moves WHERE {scope} ORDER BY id",
        (argument,),
    ):
        moves[goal_id].append(GoalMove(GoalColumn(column), dt.date.fromisoformat(moved_on)))
    ratings: dict[int, list[GasRating]] = defaultdict(list)
    for rating_id, goal_id, rated_on, level, rated_by, note in connection.execute(
        f"SELECT id, goal_id, rated_on, level, rated_by, note FROM gas_ratings WHERE {scope} "
        "AND withdrawn_on IS NULL AND replaced_by IS NULL "  # corrected ones: history only
        "ORDER BY rated_on, id",
        (argument,),
    ):
        ratings[goal_id].append(
            GasRating(dt.date.fromisoformat(rated_on), level, RatedBy(rated_by), note, rating_id)
        )
    tasks: dict[int, list[GoalTask]] = defaultdict(list)
    for task_id, goal_id, description, owner, due_on, done in connection.execute(
        f"SELECT id, goal_id, description, owner, due_on, done FROM goal_tasks WHERE {scope} "
        "AND archived = 0 ORDER BY id",
        (argument,),
    ):
        tasks[goal_id].append(
            GoalTask(description, TaskOwner(owner), _date(due_on), bool(done), task_id)
        )
    return [
        replace(
            goal,
            history=tuple(moves[goal.id or 0]),
            ratings=tuple(ratings[goal.id or 0]),
            tasks=tuple(tasks[goal.id or 0]),
        )
        for goal in goals
    ]


def _insert_goal(tx: sqlcipher3.Connection, goal: Goal, now: dt.datetime, on: dt.date) -> int:
    position = _next_position(tx, goal.client_id, goal.column)
    cursor = tx.execute(
        f"INSERT INTO goals (client_id, board_column, position, {', '.join(_EDITABLE)}, "
        f"created_at, updated_at) VALUES ({', '.join('?' * (len(_EDITABLE) + 5))})",
        (
            goal.client_id,
            goal.column.value,
            position,
            *_editable_row(goal),
            now.isoformat(),
            now.isoformat(),
        ),
    )
    goal_id = int(cursor.lastrowid or 0)
    for move in goal.history or (GoalMove(goal.column, on),):
        _record_move(tx, goal_id, move.column, move.moved_on)
    for rating in goal.ratings:
        _insert_rating(tx, goal_id, rating, None)
    for task in goal.tasks:
        _insert_task(tx, goal_id, task)
    return goal_id


def _next_position(tx: sqlcipher3.Connection, client_id: int, column: GoalColumn) -> int:
    row = tx.execute(
        "SELECT coalesce(max(position) + 1, 0) FROM goals WHERE client_id = ? AND board_column = ?",
        (client_id, column.value),
    ).fetchone()
    return int(row[0])


def _record_move(tx: sqlcipher3.Connection, goal_id: int, column: GoalColumn, on: dt.date) -> None:
    tx.execute(
        "INSERT INTO goal_moves (goal_id, board_column, moved_on) VALUES (?, ?, ?)",
        (goal_id, column.value, on.isoformat()),
    )


def _insert_rating(
    tx: sqlcipher3.Connection, goal_id: int, rating: GasRating, session_id: int | None
) -> int:
    cursor = tx.execute(
        "INSERT INTO gas_ratings (goal_id, rated_on, level, rated_by, note, session_id) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (
            goal_id,
            rating.rated_on.isoformat(),
            rating.level,
            rating.rated_by.value,
            rating.note,
            session_id,
        ),
    )
    return int(cursor.lastrowid or 0)


def _insert_task(tx: sqlcipher3.Connection, goal_id: int, task: GoalTask) -> int:
    cursor = tx.execute(
        "INSERT INTO goal_tasks (goal_id, description, owner, due_on, done) VALUES (?, ?, ?, ?, ?)",
        (goal_id, task.description, task.owner.value, _iso(task.due_on), int(task.done)),
    )
    return int(cursor.lastrowid or 0)


def _editable_row(goal: Goal) -> tuple[Any, ...]:
    quality = goal.quality
    return (
        goal.client_words,
        goal.clinician_framing,
        goal.proposed_by.value,
        goal.priority,
        _iso(goal.target_date),
        _iso(goal.review_date),
        _answer(quality.focused),
        quality.focused.note,
        _answer(quality.realistic),
        quality.realistic.note,
        _answer(quality.coordinated),
        quality.coordinated.note,
        *goal.levels,
        goal.weight,
        *goal.client_levels,
    )


def _goal_from_row(row: tuple[Any, ...]) -> Goal:
    (
        goal_id,
        client_id,
        column,
        position,
        client_words,
        framing,
        proposed_by,
        priority,
        target_date,
        review_date,
        focused,
        focused_note,
        realistic,
        realistic_note,
        coordinated,
        coordinated_note,
        minus_2,
        minus_1,
        zero,
        plus_1,
        plus_2,
        weight,
        *client_levels,
    ) = row
    return Goal(
        id=goal_id,
        client_id=client_id,
        column=GoalColumn(column),
        position=position,
        client_words=client_words,
        clinician_framing=framing,
        proposed_by=ProposedBy(proposed_by),
        priority=priority,
        target_date=_date(target_date),
        review_date=_date(review_date),
        quality=GoalQuality(
            focused=_check(focused, focused_note),
            realistic=_check(realistic, realistic_note),
            coordinated=_check(coordinated, coordinated_note),
        ),
        levels=(minus_2, minus_1, zero, plus_1, plus_2),
        weight=weight,
        client_levels=tuple(client_levels),
    )


def _check(answer: str | None, note: str) -> QualityCheck:
    return QualityCheck(CheckAnswer(answer) if answer else None, note)


def _answer(check: QualityCheck) -> str | None:
    return check.answer.value if check.answer else None


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
