"""Correcting or withdrawing a GAS rating entered by mistake, keeping the original.

A correction adds a new rating (same goal, day and rater) and marks the old one `replaced_by`
it; a withdrawal marks the rating `withdrawn_on` a date. Neither deletes anything: the goal's
current ratings are the rows with neither mark, and its history shows them all. A rating given
in a session moves its session link to the correction (the session shows the rating in force).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlcipher3

from alliance_desktop.domain.errors import InvalidInput, RecordNotFound
from alliance_desktop.domain.goal import GAS_LEVELS, GasRating, RatedBy
from alliance_desktop.vault.audit_trail import record_change
from alliance_desktop.vault.connection import Vault


@dataclass(frozen=True)
class RatingHistoryEntry:
    rating: GasRating
    withdrawn_on: dt.date | None = None
    replaced_by: int | None = None

    @property
    def in_force(self) -> bool:
        return self.withdrawn_on is None and self.replaced_by is None


class RatingCorrectionRepository:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def correct(self, rating_id: int, level: int, note: str) -> GasRating:
        if level not in GAS_LEVELS:
            raise InvalidInput.single("level", "Choose a level from -2 to +2.")
        now = self._vault.clock()
        with self._vault.transaction() as tx:
            goal_id, rated_on, rated_by, session_id = self._in_force(tx, rating_id)
            cursor = tx.execute(
                "INSERT INTO gas_ratings (goal_id, rated_on, level, rated_by, note, session_id) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (goal_id, rated_on, level, rated_by, note.strip(), session_id),
            )
            new_id = int(cursor.lastrowid or 0)
            tx.execute(
                "UPDATE gas_ratings SET replaced_by = ?, session_id = NULL WHERE id = ?",
                (new_id, rating_id),
            )
            record_change(tx, now, "gas_rating.corrected", "goal", goal_id)
        return GasRating(
            dt.date.fromisoformat(rated_on), level, RatedBy(rated_by), note.strip(), new_id
        )

    def withdraw(self, rating_id: int, on: dt.date) -> None:
        now = self._vault.clock()
        with self._vault.transaction() as tx:
            goal_id, *_rest = self._in_force(tx, rating_id)
            tx.execute(
                "UPDATE gas_ratings SET withdrawn_on = ?, session_id = NULL WHERE id = ?",
                (on.isoformat(), rating_id),
            )
            record_change(tx, now, "gas_rating.withdrawn", "goal", goal_id)

    def history(self, goal_id: int) -> list[RatingHistoryEntry]:
        """Every rating the goal was given, in force or not, in the order they were entered."""
        with self._vault.reading() as connection:
            rows = connection.execute(
                "SELECT id, rated_on, level, rated_by, note, withdrawn_on, replaced_by "
                "FROM gas_ratings WHERE goal_id = ? ORDER BY id",
                (goal_id,),
            ).fetchall()
        return [
            RatingHistoryEntry(
                GasRating(dt.date.fromisoformat(on), level, RatedBy(by), note, rating_id),
                dt.date.fromisoformat(withdrawn) if withdrawn else None,
                replaced_by,
            )
            for rating_id, on, level, by, note, withdrawn, replaced_by in rows
        ]

    @staticmethod
    def _in_force(tx: sqlcipher3.Connection, rating_id: int) -> tuple[int, str, str, int | None]:
        row = tx.execute(
            "SELECT goal_id, rated_on, rated_by, session_id, withdrawn_on, replaced_by "
            "FROM gas_ratings WHERE id = ?",
            (rating_id,),
        ).fetchone()
        if row is None:
            raise RecordNotFound(f"There is no rating with id {rating_id}.")
        if row[4] is not None or row[5] is not None:
            raise InvalidInput.single(
                "rating", "That rating was already corrected or withdrawn; change the latest."
            )
        return row[0], row[1], row[2], row[3]
