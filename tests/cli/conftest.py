"""Fixtures for running the real command line in-process: a clean environment, no terminal."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from alliance_desktop.__main__ import main
from alliance_desktop.demo import create_demo_vault
from alliance_desktop.services.vault_locations import DEMO_PASSPHRASE


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No passphrase from the developer's shell, no real data folder, stdin not a terminal."""
    monkeypatch.delenv("ALLIANCE_PASSPHRASE", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    def run(*argv: str) -> Run:
        code = main(list(argv))
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err
        return Run(code, captured.out, captured.err)

    return run


@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo practice (12 clients, 2 of them archived), shared by read-only tests."""
    path = tmp_path_factory.mktemp("demo") / "demo.vault"
    create_demo_vault(path, DEMO_PASSPHRASE, "small", seed=7)
    return path
