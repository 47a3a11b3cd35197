"""`alliance-desktop --self-test` from the source checkout (the frozen bundle and the wheel run
it too, in test_bundle.py and test_wheel.py, with -m packaging)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from alliance_desktop.__main__ import main
from alliance_desktop.cli import self_test

ROOT = Path(__file__).resolve().parents[2]
CHECKS = [
    "resources",
    "vault",
    "client",
    "pdf",
    "cleanup",
    "qt platform",
    "qt plugins",
    "qt modules",
    "icons and style",
    "pdf in qt",
]


def test_every_check_passes_and_nothing_is_left_in_the_temp_folder(tmp_path: Path) -> None:
    # PYTHONPATH: this checkout's package, whatever the interpreter has installed.
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "TMPDIR": str(tmp_path),
        "PYTHONPATH": str(ROOT),
    }
    result = subprocess.run(
        [sys.executable, "-m", "alliance_desktop", "--self-test"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        stdin=subprocess.DEVNULL,
        env=env,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(":")[0].removeprefix("ok").strip() for line in lines[1:-1]] == CHECKS
    assert f"under {ROOT / 'resources'}" in lines[1]
    assert lines[-1] == f"self-test passed: {len(CHECKS)} checks"
    assert list(tmp_path.iterdir()) == []


def test_a_failing_check_says_which_in_one_line_and_cleans_up(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def missing(relative: str) -> Path:
        raise FileNotFoundError(f"Resource {relative!r} is missing")

    monkeypatch.setattr(self_test, "resource_path", missing)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))

    code = main(["--self-test"])

    out, err = capsys.readouterr()
    assert code == 1
    assert out.splitlines()[-1].startswith("FAIL resources: FileNotFoundError: Resource 'fonts/")
    assert err.startswith("alliance-desktop: self-test failed at 'resources': FileNotFoundError")
    assert len(err.splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("extra", [["--demo"], ["--vault", "x.vault"], ["vault", "check"]])
def test_self_test_takes_nothing_else(extra: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--self-test", *extra]) == 2
    assert "--self-test runs on its own" in capsys.readouterr().err
