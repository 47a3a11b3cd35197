"""Run an installed alliance-desktop (frozen bundle or wheel) the way a user's shell would."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHECK_COUNT = 10


def run_app(
    executable: Path, *argv: str, home: Path, timeout: float = 180
) -> subprocess.CompletedProcess[str]:
    """Run outside the checkout, headless, with a private HOME and temp folder."""
    (home / "tmp").mkdir(parents=True, exist_ok=True)
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"ALLIANCE_PASSPHRASE", "PYTHONPATH", "VIRTUAL_ENV", "XDG_DATA_HOME"}
    }
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), TMPDIR=str(home / "tmp"))
    result = subprocess.run(
        [str(executable), *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        stdin=subprocess.DEVNULL,
        env=env,
        cwd=home,
        timeout=timeout,
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def assert_self_test_passed(result: subprocess.CompletedProcess[str], resources: Path) -> None:
    """Every check passed, resources came from `resources`, and the temp folder is empty."""
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    checks = lines[1:-1]
    assert len(checks) == CHECK_COUNT and all(line.startswith("ok   ") for line in checks), lines
    assert checks[0] == f"ok   resources: 4 files found under {resources}"
    assert lines[-1] == f"self-test passed: {CHECK_COUNT} checks"
