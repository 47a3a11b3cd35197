"""The frozen one-folder bundle, built by packaging/build.sh as a user would (-m packaging)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.packaging.installed_app import ROOT, assert_self_test_passed, run_app

pytestmark = pytest.mark.packaging

QT_LIBRARIES_LEFT_OUT = ("Qt6WebEngine", "Qt6Qml", "Qt6Quick", "Qt63D", "Qt6Multimedia")
SIZE_BUDGET_MB = (
    220  # 179 MB (du -sh: 172M) measured with PySide6 6.11 on Debian 12; fail if it balloons
)


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    built = tmp_path_factory.mktemp("bundle")
    started = time.monotonic()
    result = subprocess.run(
        [
            "bash",
            str(ROOT / "packaging/build.sh"),
            "--dist",
            str(built / "dist"),
            "--work",
            str(built / "work"),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHON": sys.executable, "QT_QPA_PLATFORM": "offscreen"},
        cwd=ROOT,
        timeout=1200,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    print(f"built in {time.monotonic() - started:.0f} s: {result.stdout.splitlines()[-1]}")
    return built / "dist/alliance-desktop"


def test_version(bundle: Path, tmp_path: Path) -> None:
    result = run_app(bundle / "alliance-desktop", "--version", home=tmp_path)
    assert (result.returncode, result.stdout) == (0, "alliance-desktop 0.1.0\n")


def test_self_test_runs_frozen_with_the_bundles_own_resources(bundle: Path, tmp_path: Path) -> None:
    result = run_app(bundle / "alliance-desktop", "--self-test", home=tmp_path)

    assert_self_test_passed(result, bundle / "_internal/resources")
    assert "(frozen bundle)" in result.stdout.splitlines()[0]
    assert list((tmp_path / "tmp").iterdir()) == []


def test_headless_commands_work_frozen(bundle: Path, tmp_path: Path) -> None:
    vault = tmp_path / "demo.vault"
    made = run_app(bundle / "alliance-desktop", "demo", "--vault", str(vault), home=tmp_path)
    listed = run_app(
        bundle / "alliance-desktop",
        "clients",
        "list",
        "--vault",
        str(vault),
        "--json",
        "--passphrase-file",
        str(_demo_passphrase_file(tmp_path, made.stdout)),
        home=tmp_path,
    )
    assert made.returncode == 0, made.stderr
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) == 10


def test_bundle_holds_what_the_app_needs_and_nothing_of_the_tests(bundle: Path) -> None:
    internal = bundle / "_internal"
    qt = internal / "PySide6/Qt"
    files = {
        path.relative_to(bundle).as_posix()
        for path in bundle.rglob("*")
        if path.is_file() and not path.is_symlink()  # PyInstaller links libraries to _internal/
    }

    for plugin in (
        "platforms/libqxcb.so",
        "platforms/libqoffscreen.so",
        "imageformats/libqsvg.so",
        "iconengines/libqsvgicon.so",
        "printsupport/libcupsprintersupport.so",
    ):
        assert (qt / "plugins" / plugin).is_file(), plugin
    for library in ("Qt6Pdf", "Qt6Charts", "Qt6PrintSupport", "Qt6Svg", "Qt6XcbQpa"):
        assert (qt / "lib" / f"lib{library}.so.6").is_file(), library
    assert list((internal / "sqlcipher3").glob("_sqlite3*.so"))
    migrations = sorted(p.name for p in (internal / "alliance_desktop/vault/migrations").iterdir())
    source = sorted(p.name for p in (ROOT / "alliance_desktop/vault/migrations").glob("*.sql"))
    assert migrations == source
    assert (internal / "resources/fonts/DejaVuSans.ttf").is_file()
    assert not any(name in path for path in files for name in QT_LIBRARIES_LEFT_OUT)
    assert not any("/tests/" in f"/{path}" or "conftest" in path for path in files)
    assert not (internal / "resources/linux").exists()
    size_mb = sum((bundle / path).stat().st_size for path in files) / 1e6
    assert size_mb < SIZE_BUDGET_MB, f"the bundle grew to {size_mb:.0f} MB"


def test_linux_desktop_integration_is_installed_and_valid(bundle: Path) -> None:
    share = bundle / "share"
    assert (share / "applications/alliance-desktop.desktop").is_file()
    for size in (16, 22, 24, 32, 48, 64, 128, 256, 512):
        assert (share / f"icons/hicolor/{size}x{size}/apps/alliance-desktop.png").is_file()
    assert (share / "icons/hicolor/scalable/apps/alliance-desktop.svg").is_file()
    if shutil.which("appstreamcli") is None:
        pytest.skip("appstreamcli not installed (Debian: apt-get install appstream)")
    validated = subprocess.run(
        ["appstreamcli", "validate-tree", "--no-net", str(bundle)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert validated.returncode == 0, validated.stdout + validated.stderr


def _demo_passphrase_file(folder: Path, demo_output: str) -> Path:
    passphrase = demo_output.rsplit("Passphrase: ", 1)[1].strip()
    path = folder / "passphrase.txt"
    path.write_text(passphrase + "\n", encoding="utf-8")
    return path
