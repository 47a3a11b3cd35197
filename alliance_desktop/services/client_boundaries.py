"""The client's boundaries and preferences, dated versions kept."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from alliance_desktop.domain.boundaries import ClientBoundaries, check_boundaries
from alliance_desktop.vault.boundaries_repository import BoundariesRepository


class BoundariesWork:
    def __init__(self, repository: BoundariesRepository, today: Callable[[], dt.date]) -> None:
        self._repository = repository
        self._today = today

    def current(self, client_id: int) -> ClientBoundaries | None:
        return self._repository.current(client_id)

    def history(self, client_id: int) -> list[ClientBoundaries]:
        """Every version, newest first."""
        return self._repository.versions(client_id)

    def save(self, boundaries: ClientBoundaries) -> ClientBoundaries:
        """Save a new version dated today; an unchanged save adds nothing."""
        dated = check_boundaries(replace(boundaries, changed_on=self._today(), id=None))
        current = self._repository.current(boundaries.client_id)
        if current is not None and replace(current, id=None, changed_on=dated.changed_on) == dated:
            return current
        return self._repository.add_version(dated)
