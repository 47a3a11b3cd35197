"""Read-only commands unlock their vault while their own modules load (cli/opening_ahead.py):
the answer is the same, a wrong passphrase is refused as ever, and no vault is left open."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from alliance_desktop.cli import opening_ahead
from alliance_desktop.cli.passphrase import open_practice
from alliance_desktop.domain.vault_errors import WrongPassphrase
from alliance_desktop.services import Practice
from tests.cli.conftest import Run
from tests.factories import PASSPHRASE, make_client


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    path = tmp_path / "practice.vault"
    practice = Practice.create(path, PASSPHRASE)
    practice.add_client(make_client(name="Ada Lovelace"))
    practice.close()
    return path


def _args(vault: Path) -> argparse.Namespace:
    return argparse.Namespace(vault=vault, passphrase_file=None)


def test_a_listing_opened_ahead_answers_and_leaves_the_vault_closed(
    vault: Path, run_cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALLIANCE_PASSPHRASE", PASSPHRASE)
    opened: list[Practice] = []

    def remembering(path: Path, passphrase: str) -> Practice:
        practice = open_practice(path, passphrase)
        opened.append(practice)
        return practice

    monkeypatch.setattr("alliance_desktop.cli.passphrase.open_practice", remembering)

    listed = run_cli("clients", "list", "--vault", str(vault), "--json")

    assert listed.code == 0, listed.err
    assert [client["name"] for client in json.loads(listed.out)] == ["Ada Lovelace"]
    assert len(opened) == 1  # opened once, ahead, and taken by the command
    assert not opened[0].is_open
    assert opening_ahead.take(vault, PASSPHRASE) is None  # nothing left waiting


def test_a_wrong_passphrase_opened_ahead_is_refused_in_words(
    vault: Path, run_cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALLIANCE_PASSPHRASE", "not the passphrase at all")

    refused = run_cli("goals", "--client", "1", "--vault", str(vault))

    assert refused.code == 1
    assert "Wrong passphrase" in refused.err
    reopened = Practice.open(vault, PASSPHRASE)  # nothing was left locked
    reopened.close()


def test_a_practice_opened_ahead_and_never_taken_is_closed(
    vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALLIANCE_PASSPHRASE", PASSPHRASE)
    opened: list[Practice] = []

    def remembering(path: Path, passphrase: str) -> Practice:
        opened.append(open_practice(path, passphrase))
        return opened[-1]

    opening_ahead.start(_args(vault), remembering)
    opening_ahead.discard()

    assert len(opened) == 1
    assert not opened[0].is_open
    reopened = Practice.open(vault, PASSPHRASE)
    reopened.close()


def test_another_passphrase_than_the_one_opened_ahead_gets_no_practice(
    vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALLIANCE_PASSPHRASE", PASSPHRASE)
    opening_ahead.start(_args(vault), open_practice)

    assert opening_ahead.take(vault, "some other passphrase") is None
    with pytest.raises(WrongPassphrase):
        open_practice(vault, "some other passphrase")  # the one opened ahead was closed


def test_nothing_opens_ahead_without_a_passphrase_to_hand(vault: Path) -> None:
    opening_ahead.start(_args(vault), open_practice)  # none in the environment: it would ask

    assert opening_ahead.take(vault, PASSPHRASE) is None
