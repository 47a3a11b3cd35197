"""Started without a display, the window command says so and exits 1 (Qt would abort)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from alliance_desktop.display_check import NO_DISPLAY, display_problem


def test_no_display_variables_is_named() -> None:
    assert display_problem({}, "linux") == NO_DISPLAY
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem({}, "win32") is None


def test_a_display_with_no_server_behind_it_is_named(tmp_path: Path) -> None:
    (tmp_path / "X0").touch()
    assert display_problem({"DISPLAY": ":0"}, "linux", tmp_path) is None
    problem = display_problem({"DISPLAY": ":7.0"}, "linux", tmp_path)
    assert problem is not None and "DISPLAY is :7.0" in problem
    assert display_problem({"DISPLAY": "remote-host:10"}, "linux", tmp_path) is None


def test_the_demo_without_a_display_exits_1_in_one_line_and_creates_nothing(
    tmp_path: Path,
) -> None:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env["HOME"] = str(tmp_path)
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    result = subprocess.run(
        [sys.executable, "-m", "alliance_desktop", "--demo"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [f"alliance-desktop: {NO_DISPLAY}"]
    assert not (tmp_path / "data").exists()
