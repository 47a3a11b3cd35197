"""Nothing a page does not need yet is imported before Today is shown (DESIGN.md, "Performance
targets"): the app is started for real, in a subprocess, on a vault with a client, and the
modules loaded when Today has been painted are checked. `--version` loads neither Qt nor the
app's commands."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from alliance_desktop.services import Practice
from tests.factories import PASSPHRASE, make_client

ROOT = Path(__file__).resolve().parents[2]

# Libraries and parts of the app that only a later page, tab, dialog or export needs.
NOT_AT_START = (
    "reportlab",
    "icalendar",
    "cryptography",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtCharts",
    "PySide6.QtPrintSupport",
    "alliance_desktop.exchange",
    "alliance_desktop.reports.goal_review",
    "alliance_desktop.reports.ending_plan",
    "alliance_desktop.reports.ending_summary",
    "alliance_desktop.reports.handover_record",
    "alliance_desktop.cli.parser",
    "alliance_desktop.demo",
    "alliance_desktop.ui.views.clients_view",
    "alliance_desktop.ui.views.calendar_view",
    "alliance_desktop.ui.views.goals",
    "alliance_desktop.ui.views.ruptures_view",
    "alliance_desktop.ui.views.reports",
    "alliance_desktop.ui.views.client_tabs",
    "alliance_desktop.ui.session_editing",
    "alliance_desktop.ui.handover_work",
)


# What the unlock window itself does not need: the vault opens only once the passphrase is in,
# and the open vault's guards, drafts and backups come after the window has appeared.
NOT_FOR_THE_UNLOCK_WINDOW = (
    "sqlcipher3",
    "zxcvbn",
    "alliance_desktop.services.practice",
    "alliance_desktop.vault.connection",
    "alliance_desktop.ui.main_window",
    "alliance_desktop.ui.lock",
    "alliance_desktop.ui.clipboard_guard",
    "alliance_desktop.ui.accessible_names",
    "alliance_desktop.ui.draft_book",
    "alliance_desktop.ui.safekeeping_work",
)


def _environment(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / ".config"),
        PYTHONPATH=str(ROOT),
        ALLIANCE_PASSPHRASE=PASSPHRASE,
    )
    return env


def _loaded_too_early(modules: list[str], later: tuple[str, ...] = NOT_AT_START) -> list[str]:
    return [
        name
        for name in modules
        if any(name == early or name.startswith(early + ".") for early in later)
    ]


def test_today_is_shown_without_what_later_pages_need(tmp_path: Path) -> None:
    vault = tmp_path / "practice.vault"
    practice = Practice.create(vault, PASSPHRASE)
    practice.add_client(make_client(name="Ada Lovelace"))
    practice.close()

    result = subprocess.run(
        [sys.executable, "-m", "alliance_desktop", "--vault", str(vault)],
        env={**_environment(tmp_path), "ALLIANCE_STARTUP_PROBE": "1"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stderr[-2000:]
    lines = dict(line.partition(" ")[::2] for line in result.stdout.splitlines())
    assert {"unlock_shown", "unlocked", "today_shown", "all_shown"} <= set(lines)
    modules = lines["modules"].split(",")
    assert "alliance_desktop.ui.views.today_view" in modules  # the check saw the real start
    assert _loaded_too_early(modules) == []
    at_unlock = lines["unlock_modules"].split(",")
    assert "alliance_desktop.ui.dialogs.unlock_dialog" in at_unlock
    assert _loaded_too_early(at_unlock, NOT_FOR_THE_UNLOCK_WINDOW) == []


def test_version_loads_neither_qt_nor_the_commands(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from alliance_desktop.__main__ import main\n"
        "code = main(['--version'])\n"
        "print(','.join(sorted(sys.modules)))\n"
        "sys.exit(code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        env=_environment(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    version_line, modules_line = result.stdout.splitlines()
    assert version_line.startswith("alliance-desktop ")
    modules = modules_line.split(",")
    heavy = [m for m in modules if m.startswith(("PySide6", "sqlcipher3", "alliance_desktop."))]
    assert heavy == ["alliance_desktop.__main__"]


def test_the_guard_notices_a_module_loaded_too_early() -> None:
    assert _loaded_too_early(["reportlab.platypus", "alliance_desktop.ui.views.today_view"]) == [
        "reportlab.platypus"
    ]
