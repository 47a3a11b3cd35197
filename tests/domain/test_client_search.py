from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from alliance_desktop.domain.client import ClientStatus, ClientSummary
from alliance_desktop.domain.client_search import ClientFinder, search_key


def _summary(
    client_id: int,
    name: str,
    status: ClientStatus = ClientStatus.ACTIVE,
    archived: bool = False,
    preferred: str = "",
) -> ClientSummary:
    return ClientSummary(client_id, name, preferred, status, None, archived)


CLIENTS = [
    _summary(1, "Zoë Ålvarez"),
    _summary(2, "José Martín", ClientStatus.INTAKE),
    _summary(3, "Дмитрий Волков", preferred="Dima"),
    _summary(4, "Aoife O'Brien", ClientStatus.ENDED, archived=True),
]


def test_search_ignores_case_and_accents() -> None:
    finder = ClientFinder(CLIENTS)
    assert [c.id for c in finder.find("zoe")] == [1]
    assert [c.id for c in finder.find("JOSE mart")] == [2]


def test_search_finds_preferred_names_and_cyrillic() -> None:
    finder = ClientFinder(CLIENTS)
    assert [c.id for c in finder.find("dima")] == [3]
    assert [c.id for c in finder.find("волк")] == [3]


def test_archived_clients_are_hidden_unless_asked_for() -> None:
    finder = ClientFinder(CLIENTS)
    assert [c.id for c in finder.find("o'brien")] == []
    assert [c.id for c in finder.find("o'brien", include_archived=True)] == [4]


def test_status_filter() -> None:
    finder = ClientFinder(CLIENTS)
    assert [c.id for c in finder.find(status=ClientStatus.INTAKE)] == [2]


@given(st.text(min_size=1, max_size=40))
def test_every_client_is_found_by_its_own_name(name: str) -> None:
    finder = ClientFinder([_summary(1, name)])
    assert [c.id for c in finder.find(name)] == [1]


@given(st.text(max_size=40))
def test_search_key_is_stable(text: str) -> None:
    assert search_key(search_key(text)) == search_key(text)


def test_letters_revealed_by_decomposition_are_folded_too() -> None:
    assert search_key("ⱽ") == "v"  # a modifier letter that decomposes to a capital V
    assert search_key("Straße") == "strasse"
