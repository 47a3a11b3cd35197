"""Finding clients as the clinician types: forgiving about case and accents."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

from alliance_desktop.domain.client import ClientStatus, ClientSummary


def search_key(text: str) -> str:
    """Casefolded text without accents, so 'zoe' finds 'Zoë' and 'jose' finds 'José'."""
    # Decomposing can reveal letters that still need folding (e.g. 'ⱽ' -> 'V'), so repeat
    # until nothing changes; real names settle after one round.
    key = text
    for _ in range(4):
        decomposed = unicodedata.normalize("NFKD", key).casefold()
        folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        if folded == key:
            break
        key = folded
    return key


class ClientFinder:
    """Holds precomputed search keys so each keystroke costs one pass over short strings."""

    def __init__(self, clients: Iterable[ClientSummary]) -> None:
        self._rows = [
            (summary, search_key(f"{summary.name} {summary.preferred_name}")) for summary in clients
        ]

    def find(
        self,
        query: str = "",
        status: ClientStatus | None = None,
        include_archived: bool = False,
    ) -> list[ClientSummary]:
        words = search_key(query).split()
        return [
            summary
            for summary, key in self._rows
            if (include_archived or not summary.archived)
            and (status is None or summary.status is status)
            and all(word in key for word in words)
        ]

    @property
    def clients(self) -> Sequence[ClientSummary]:
        return [summary for summary, _ in self._rows]
