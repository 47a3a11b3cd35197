"""Issue 12, case 9: every setting and size a handover folder dictates is capped before use."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from alliance_desktop.domain.handover_errors import HandoverDamaged
from alliance_desktop.exchange.handover_crypto import KeyDerivation
from alliance_desktop.exchange.handover_manifest import (
    MANIFEST_NAME,
    MAX_MANIFEST_BYTES,
    read_manifest,
)


@pytest.mark.parametrize(
    "change",
    [
        {"n": 2**20, "r": 32},  # 4 GiB per try, accepted before issue 12
        {"n": 2**17},
        {"r": 16},
        {"p": 16},
        {"n": 3 * 2**14},  # not a power of two
    ],
)
def test_costly_scrypt_settings_are_refused_before_any_work(change: dict[str, int]) -> None:
    document = {**KeyDerivation.fresh().to_document(), **change}
    started = time.monotonic()
    with pytest.raises(HandoverDamaged, match="out of range"):
        KeyDerivation.from_document(document)
    assert time.monotonic() - started < 5  # refused, not derived (a generous bound)


def test_our_own_settings_are_within_the_caps() -> None:
    fresh = KeyDerivation.fresh()
    assert KeyDerivation.from_document(fresh.to_document()) == fresh


def test_a_huge_manifest_is_refused_unread(tmp_path: Path) -> None:
    manifest = tmp_path / MANIFEST_NAME
    with manifest.open("wb") as file:
        file.truncate(MAX_MANIFEST_BYTES + 1)  # sparse: large on paper, cheap to make
    with pytest.raises(HandoverDamaged, match="far too large"):
        read_manifest(tmp_path)


def test_a_deeply_nested_manifest_is_refused_in_words(tmp_path: Path) -> None:
    (tmp_path / MANIFEST_NAME).write_text("[" * 200_000 + "]" * 200_000)
    with pytest.raises(HandoverDamaged, match="nested too deeply"):
        read_manifest(tmp_path)


def test_an_ordinary_manifest_still_parses_its_shape(tmp_path: Path) -> None:
    (tmp_path / MANIFEST_NAME).write_text(json.dumps({"format": "something else"}))
    with pytest.raises(Exception, match="not an Alliance Desktop manifest"):
        read_manifest(tmp_path)
