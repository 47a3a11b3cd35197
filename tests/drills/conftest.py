"""Drills: crash, fault and fuzz trials against real vaults. The slow ones are marked `slow`
(deselected by default); `ALLIANCE_DRILL_TRIALS` sets how many trials they run (the full
count is 100; CI runs 10). Each drill adds a line of figures to the summary at the end."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_TRIALS = 10
FULL_TRIALS = 100

_figures: list[str] = []


def drill_trials() -> int:
    """ALLIANCE_DRILL_TRIALS, or a small default for everyday runs and CI."""
    try:
        return max(1, int(os.environ.get("ALLIANCE_DRILL_TRIALS", DEFAULT_TRIALS)))
    except ValueError:
        return DEFAULT_TRIALS


def report(line: str) -> None:
    """A line of figures for the end of the run (also printed now, for -s)."""
    _figures.append(line)
    print(line)


def child(module: str, *args: str, **popen: object) -> subprocess.Popen[str]:
    """`python -m tests.drills.<module> args...` from the repository root, output in a pipe."""
    return subprocess.Popen(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", f"tests.drills.{module}", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **popen,
    )


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _figures:
        terminalreporter.section("drill figures")
        for line in _figures:
            terminalreporter.write_line(line)
