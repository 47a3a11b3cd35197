"""The fictional demo practice: deterministic, diverse, plausible, and never overwriting."""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from pathlib import Path

import pytest

from alliance_desktop.demo import (
    DEMO_SIZES,
    create_demo_vault,
    demo_clients,
    ensure_demo_vault,
    generate_demo_practice,
)
from alliance_desktop.demo import generator as demo_generator
from alliance_desktop.demo.clients import demo_caseload
from alliance_desktop.domain.client import Client, ClientStatus
from alliance_desktop.domain.vault_errors import VaultAlreadyExists
from alliance_desktop.services import Practice
from tests.factories import FIXED_NOW, PASSPHRASE, fixed_clock

TODAY = FIXED_NOW.date()


def saved_clients(practice: Practice) -> list[Client]:
    everyone = practice.find_clients(include_archived=True)
    return [practice.client(summary.id) for summary in everyone]


def generated(tmp_path: Path, name: str, size: str, seed: int) -> list[Client]:
    practice = Practice.create(tmp_path / name, PASSPHRASE, clock=fixed_clock)
    try:
        generate_demo_practice(practice, size, seed)
        return saved_clients(practice)
    finally:
        practice.close()


def test_the_same_seed_gives_the_same_practice(tmp_path: Path) -> None:
    first = generated(tmp_path, "a.vault", "small", seed=11)
    again = generated(tmp_path, "b.vault", "small", seed=11)
    other = generated(tmp_path, "c.vault", "small", seed=12)

    assert first == again
    assert first != other
    # The showcase names stay; what the generator invents around them changes with the seed.
    assert [c.name for c in first] == [c.name for c in other]


def test_large_caseload_has_300_clients_spread_over_every_status() -> None:
    caseload = demo_caseload(random.Random(7), DEMO_SIZES["large"], TODAY, history_days=3652)

    clients = [entry.client for entry in caseload]
    assert len(clients) == len({client.name for client in clients}) == 300
    assert {client.status for client in clients} == set(ClientStatus)
    assert 10 <= sum(1 for client in clients if client.is_archived) <= 100
    for entry in caseload:
        start = entry.client.start_date
        assert start is not None
        if entry.client.status is ClientStatus.INTAKE:
            assert TODAY - start <= dt.timedelta(days=21)
        else:  # ten years of history: everyone else started years ago
            assert dt.timedelta(days=2700) <= TODAY - start <= dt.timedelta(days=3652)
        finished = entry.client.status in (ClientStatus.ENDED, ClientStatus.HANDED_OVER)
        assert (entry.ended_on is not None) == finished
        if entry.ended_on is not None:
            assert start < entry.ended_on <= TODAY - dt.timedelta(days=14)


def test_names_are_diverse_and_not_only_ascii(practice: Practice) -> None:
    generate_demo_practice(practice, "small")

    names = [summary.name for summary in practice.find_clients(include_archived=True)]
    scripts = {unicodedata.name(ch).split()[0] for name in names for ch in name if ch.isalpha()}
    assert {"LATIN", "GREEK", "CYRILLIC"} <= scripts
    assert any(not name.isascii() for name in names if "LATIN" in unicodedata.name(name[0]))
    assert any("'" in name for name in names)
    assert any(name.count("-") >= 2 and len(name) > 35 for name in names)


def test_records_are_plausible_for_today() -> None:
    clients = demo_clients(random.Random(5), 300, TODAY)

    for client in clients:
        assert client.start_date is not None and client.start_date <= TODAY
        assert client.values and client.concerns
        assert all("{" not in text for text in client.concerns)
        for consent in client.consents:
            assert consent.given_on <= TODAY
            assert consent.withdrawn_on is None or consent.given_on <= consent.withdrawn_on <= TODAY
        if client.archived_on is not None:
            assert client.status in (ClientStatus.ENDED, ClientStatus.HANDED_OVER)
            assert client.start_date < client.archived_on <= TODAY
        if client.status is ClientStatus.INTAKE:
            assert (TODAY - client.start_date) <= dt.timedelta(days=21)
        if client.date_of_birth is not None:
            age = (TODAY - client.date_of_birth).days // 365
            assert 18 <= age <= 80
            if "being close to the grandchildren" in client.values:
                assert age >= 55


def test_ensure_demo_vault_creates_once(tmp_path: Path) -> None:
    path = tmp_path / "demo.vault"

    assert ensure_demo_vault(path, PASSPHRASE) is True
    made = path.read_bytes()
    assert ensure_demo_vault(path, PASSPHRASE) is False
    assert path.read_bytes() == made


def test_create_demo_vault_refuses_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "demo.vault"
    path.write_bytes(b"someone's real vault")

    with pytest.raises(VaultAlreadyExists):
        create_demo_vault(path, PASSPHRASE)

    assert path.read_bytes() == b"someone's real vault"


def test_an_interrupted_demo_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(demo_generator, "generate_demo_practice", interrupted)

    with pytest.raises(KeyboardInterrupt):
        create_demo_vault(tmp_path / "demo.vault", PASSPHRASE)

    assert list(tmp_path.iterdir()) == []


def test_unknown_size_is_refused(practice: Practice) -> None:
    with pytest.raises(ValueError, match="small, large"):
        generate_demo_practice(practice, "medium")
    assert practice.client_count() == 0
