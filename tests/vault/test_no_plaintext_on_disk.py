"""Clinical text never reaches the disk in the clear: not the vault, its WAL/SHM, nor temp files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from alliance_desktop.services import Practice
from tests.factories import PASSPHRASE, fixed_clock, make_client

SECRETS = ["Quillfeather-Zyx", "nightmares about the flood in Vostok", "loves sea swimming"]


def _encodings(text: str) -> Iterator[bytes]:
    yield text.encode("utf-8")
    yield text.encode("utf-16-le")
    yield text.encode("utf-16-be")


def _leaks(folder: Path) -> list[str]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            found += [
                f"{secret!r} in {path.name}"
                for secret in SECRETS
                for encoded in _encodings(secret)
                if encoded in data
            ]
    return found


def test_names_and_clinical_text_never_appear_in_clear_on_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Any temp file SQLite (or anything else) writes would land here and be scanned.
    temp_dir = tmp_path / "tmp"
    temp_dir.mkdir()
    for variable in ("TMPDIR", "SQLITE_TMPDIR", "TEMP", "TMP"):
        monkeypatch.setenv(variable, str(temp_dir))
    path = tmp_path / "practice.vault"

    practice = Practice.create(path, PASSPHRASE, clock=fixed_clock)
    client = practice.add_client(
        make_client(name=f"Ada {SECRETS[0]}", concerns=(SECRETS[1],), values=(SECRETS[2],))
    )
    for round_number in range(30):  # enough writes to grow the WAL and sort in temp space
        practice.update_client(
            make_client(
                id=client.id,
                name=f"Ada {SECRETS[0]} {round_number}",
                concerns=(SECRETS[1] * 20,),
                values=(SECRETS[2],),
            )
        )
    practice.find_clients("quill")
    assert (tmp_path / "practice.vault-wal").exists()
    assert _leaks(tmp_path) == [], "while open"

    practice.close()
    assert _leaks(tmp_path) == [], "after close"

    reopened = Practice.open(path, PASSPHRASE, clock=fixed_clock)
    assert SECRETS[1] in reopened.client(client.id or 0).concerns[0]
    reopened.close()
    assert _leaks(tmp_path) == [], "after reopening"
