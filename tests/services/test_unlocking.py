"""Opening from the unlock window: the window is told when the key starts being derived (its
cue to load the main window meanwhile), and a wrong passphrase is refused as ever."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from alliance_desktop.domain.vault_errors import WrongPassphrase
from alliance_desktop.services import Practice
from alliance_desktop.services.unlocking import open_practice
from tests.factories import PASSPHRASE, make_client


def _vault_with_a_client(path: Path) -> None:
    practice = Practice.create(path, PASSPHRASE)
    practice.add_client(make_client(name="Ada Lovelace"))
    practice.close()


def test_the_window_is_told_once_the_vault_modules_are_in_and_before_the_key(
    tmp_path: Path,
) -> None:
    path = tmp_path / "practice.vault"
    _vault_with_a_client(path)
    told: list[bool] = []

    def deriving() -> None:
        # By now the vault's own modules are loaded: the window's can load alongside.
        told.append("alliance_desktop.vault.opening" in sys.modules)

    practice = open_practice(path, PASSPHRASE, deriving)
    try:
        assert told == [True]
        assert [c.name for c in practice.client_summaries()] == ["Ada Lovelace"]
    finally:
        practice.close()


def test_a_wrong_passphrase_is_refused_after_the_window_was_told(tmp_path: Path) -> None:
    path = tmp_path / "practice.vault"
    _vault_with_a_client(path)
    told: list[bool] = []

    with pytest.raises(WrongPassphrase):
        open_practice(path, "not the passphrase at all", lambda: told.append(True))

    assert told == [True]
    reopened = open_practice(path, PASSPHRASE)  # nothing was left locked or half-open
    reopened.close()
