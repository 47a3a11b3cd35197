"""ruff, mypy (strict on domain, vault, services) and import-linter are part of the test run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = Path(sys.executable).parent  # the tools installed beside this interpreter

CHECKS = {
    "ruff": [str(SCRIPTS / "ruff"), "check", "alliance_desktop", "tests"],
    "mypy": [sys.executable, "-m", "mypy"],
    "import-linter": [str(SCRIPTS / "lint-imports"), "--no-cache"],
}


@pytest.mark.parametrize("name", list(CHECKS))
def test_code_passes(name: str) -> None:
    result = subprocess.run(CHECKS[name], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
