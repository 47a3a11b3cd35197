"""The wheel from `python -m build`, installed into a fresh virtualenv (-m packaging)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.packaging.installed_app import ROOT, assert_self_test_passed, run_app

pytestmark = pytest.mark.packaging


def _run(*command: str | Path, timeout: float = 900) -> None:
    result = subprocess.run(
        [str(part) for part in command],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    _run(sys.executable, "-m", "build", "--outdir", out)
    (built,) = out.glob("alliance_desktop-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory, wheel: Path) -> Path:
    folder = tmp_path_factory.mktemp("venv")
    _run(sys.executable, "-m", "venv", folder)
    _run(folder / "bin/python", "-m", "pip", "install", "--quiet", wheel)
    return folder


def test_wheel_carries_resources_and_migrations_but_no_tests(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "alliance_desktop/resources/fonts/DejaVuSans.ttf" in names
    assert "alliance_desktop/resources/styles/light.qss" in names
    assert "alliance_desktop/vault/migrations/0001_initial.sql" in names
    assert not [name for name in names if name.startswith("tests/") or "conftest" in name]


def test_installed_wheel_passes_the_self_test(venv: Path, tmp_path: Path) -> None:
    (site_packages,) = venv.glob("lib/python3*/site-packages")

    version = run_app(venv / "bin/alliance-desktop", "--version", home=tmp_path)
    result = run_app(venv / "bin/alliance-desktop", "--self-test", home=tmp_path)

    assert (version.returncode, version.stdout) == (0, "alliance-desktop 0.1.0\n")
    assert_self_test_passed(result, site_packages / "alliance_desktop/resources")
    assert list((tmp_path / "tmp").iterdir()) == []
