"""Drafts: typed, unsaved text kept in the vault until the editor saves or it is discarded."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

from alliance_desktop.domain.draft import Draft, FieldValue
from alliance_desktop.vault.draft_repository import DraftRepository


class DraftKeeping:
    def __init__(self, repository: DraftRepository, now: Callable[[], dt.datetime]) -> None:
        self._repository = repository
        self._now = now

    def keep(
        self,
        editor: str,
        record: str,
        fields: Mapping[str, FieldValue],
        *,
        client_id: int | None = None,
        title: str = "",
        extra: Mapping[str, FieldValue] | None = None,
    ) -> Draft:
        """Store (or replace) the draft for this editor and record; returns it as stored."""
        draft = Draft(editor, record, dict(fields), self._now(), client_id, title, extra or {})
        return self._repository.keep(draft)

    def keep_draft(self, draft: Draft) -> Draft:
        """Store a draft made elsewhere (the window keeps its own copy until this succeeds)."""
        return self._repository.keep(draft)

    def discard(self, editor: str, record: str) -> bool:
        """Remove the draft; True when there was one."""
        return self._repository.discard(editor, record)

    def all(self) -> list[Draft]:
        """Every draft in the vault, oldest first."""
        return self._repository.all()
