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
    """Holds precomputed search keys so each keystroke costs one pass over short strings.

    The keys are made at the first search: listing the clients (Today, a command) needs none.
    """

    def __init__(self, clients: Iterable[ClientSummary]) -> None:
        self._clients = list(clients)
        self._keys: list[str] | None = None

    def find(
        self,
        query: str = "",
        status: ClientStatus | None = None,
        include_archived: bool = False,
    ) -> list[ClientSummary]:
        if self._keys is None:
            self._keys = [search_key(f"{c.name} {c.preferred_name}") for c in self._clients]
        words = search_key(query).split()
        return [
            summary
            for summary, key in zip(self._clients, self._keys, strict=True)
            if (include_archived or not summary.archived)
            and (status is None or summary.status is status)
            and all(word in key for word in words)
        ]

    @property
    def clients(self) -> Sequence[ClientSummary]:
        return list(self._clients)
