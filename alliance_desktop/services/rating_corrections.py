"""GAS ratings entered by mistake: corrected or withdrawn, dated, with the original kept."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from alliance_desktop.domain.goal import GasRating
from alliance_desktop.vault.rating_corrections import (
    RatingCorrectionRepository,
    RatingHistoryEntry,
)


class RatingCorrections:
    def __init__(
        self, repository: RatingCorrectionRepository, today: Callable[[], dt.date]
    ) -> None:
        self._repository = repository
        self._today = today

    def correct(self, rating_id: int, level: int, note: str = "") -> GasRating:
        """A new rating in place of one entered by mistake; the old one stays in the history."""
        return self._repository.correct(rating_id, level, note)

    def withdraw(self, rating_id: int) -> None:
        """The rating no longer counts (from today); it stays in the history, marked."""
        self._repository.withdraw(rating_id, self._today())

    def history(self, goal_id: int) -> list[RatingHistoryEntry]:
        return self._repository.history(goal_id)
