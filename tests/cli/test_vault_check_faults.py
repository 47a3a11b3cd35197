"""`vault check` names each way a vault can be wrong, in one line, and changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from alliance_desktop.services import Practice
from alliance_desktop.vault.schema import latest_schema_version
from tests.cli.conftest import Run
from tests.factories import PASSPHRASE, fixed_clock, make_client

RunCli = Callable[..., Run]
PAGE = 4096


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The bytes of a closed vault with enough clients to fill a few dozen pages."""
    path = tmp_path_factory.mktemp("pristine") / "practice.vault"
    practice = Practice.create(path, PASSPHRASE, clock=fixed_clock)
    for number in range(40):
        practice.add_client(make_client(name=f"Client number {number}", concerns=("x" * 500,)))
    practice.close()
    return path.read_bytes()


@pytest.fixture
def vault(vault_path: Path, pristine: bytes, monkeypatch: pytest.MonkeyPatch) -> Path:
    vault_path.write_bytes(pristine)
    monkeypatch.setenv("ALLIANCE_PASSPHRASE", PASSPHRASE)
    return vault_path


def check(run_cli: RunCli, path: Path) -> str:
    """Run `vault check`, expect a failure in one line, and return that line."""
    files_before = {file.name: file.read_bytes() for file in path.parent.iterdir()}
    result = run_cli("vault", "check", "--vault", str(path))
    assert result.code == 1
    assert result.out == ""
    assert result.err.count("\n") == 1 and result.err.startswith("alliance-desktop: ")
    assert {file.name: file.read_bytes() for file in path.parent.iterdir()} == files_before
    return result.err


def test_a_healthy_vault_passes(run_cli: RunCli, vault: Path) -> None:
    result = run_cli("vault", "check", "--vault", str(vault))

    assert result.code == 0, result.err
    schema = latest_schema_version()
    assert result.out == f"ok: {vault} — schema {schema}, 40 clients, integrity check passed\n"


def test_wrong_passphrase(run_cli: RunCli, vault: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALLIANCE_PASSPHRASE", "not the passphrase at all")

    assert f"Wrong passphrase for {vault}." in check(run_cli, vault)


@pytest.mark.parametrize("page", [3, 20, 52])
def test_a_flipped_byte_names_the_damaged_page(
    run_cli: RunCli, vault: Path, pristine: bytes, page: int
) -> None:
    assert len(pristine) // PAGE >= page
    data = bytearray(pristine)
    data[(page - 1) * PAGE + 300] ^= 0xFF
    vault.write_bytes(bytes(data))

    line = check(run_cli, vault)

    assert f"The vault at {vault} is damaged: page(s) {page} failed" in line
    assert "Wrong passphrase" not in line


def test_a_truncated_file(run_cli: RunCli, vault: Path, pristine: bytes) -> None:
    vault.write_bytes(pristine[: len(pristine) - 1000])

    line = check(run_cli, vault)

    assert f"The vault at {vault} is damaged: the file is truncated" in line


def test_a_stale_write_ahead_log_left_from_before_a_restore(
    run_cli: RunCli, vault: Path, pristine: bytes
) -> None:
    practice = Practice.open(vault, PASSPHRASE, clock=fixed_clock)
    practice.add_client(make_client(name="Only In The Old Log"))
    log = vault.with_name(vault.name + "-wal")
    left_behind = log.read_bytes()
    practice.close()
    vault.write_bytes(pristine)  # an older copy put back by hand...
    log.write_bytes(left_behind)  # ...beside the log written since

    line = check(run_cli, vault)

    assert f"A stale write-ahead log ({log}) lies beside the vault at {vault}" in line
    assert "Move it aside" in line
    log.rename(vault.with_name("set-aside.wal"))
    assert run_cli("vault", "check", "--vault", str(vault)).code == 0


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, "it is a PNG image"),
        (b"", "the file is empty"),
    ],
    ids=["png", "empty"],
)
def test_a_file_that_is_not_a_vault(
    run_cli: RunCli, vault: Path, content: bytes, said: str
) -> None:
    vault.write_bytes(content)

    assert f"{vault} is not an Alliance Desktop vault: {said}." in check(run_cli, vault)
