"""`alliance-desktop --self-test`: prove this install works, headless, one line per check.

Runs against a fresh vault in a private temporary folder (removed before the Qt checks, so
nothing is left behind even if Qt aborts). The one client written there is fictional and the
vault is encrypted, so no clinical data is ever written in clear. Exit 0 when every check
passes; on the first failure a `FAIL` line, then one line on stderr and exit status 1.
"""

from __future__ import annotations

import argparse
import secrets
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from alliance_desktop import __version__
from alliance_desktop.cli.running import CommandFailed
from alliance_desktop.domain.client import Client, ClientStatus
from alliance_desktop.domain.goal import Goal, GoalColumn
from alliance_desktop.resource_paths import resource_path

if TYPE_CHECKING:
    from alliance_desktop.services import Practice

# Every file the app reads at run time from resources/ (fonts for PDFs, icons, style sheet).
REQUIRED_RESOURCES = (
    "fonts/DejaVuSans.ttf",
    "fonts/DejaVuSans-Bold.ttf",
    "icons/alliance-desktop.svg",
    "styles/light.qss",
)
FICTIONAL_CLIENT = "Testa Selfcheck"
FICTIONAL_GOAL = "Walk to the park twice a week"


@dataclass
class _Run:
    """What one check hands on to the next."""

    workdir: Path
    passphrase: str = field(default_factory=lambda: secrets.token_urlsafe(18))
    client_id: int = 0
    pdf: bytes = b""


Check = Callable[[_Run], str]


def self_test(args: argparse.Namespace) -> int:
    frozen = " (frozen bundle)" if getattr(sys, "frozen", False) else ""
    print(f"alliance-desktop {__version__} self-test{frozen}: {sys.executable}", flush=True)
    run = _Run(Path(tempfile.mkdtemp(prefix="alliance-self-test-")))
    try:
        checks: list[tuple[str, Check]] = [
            ("resources", _resources),
            ("vault", _vault),
            ("client", _client),
            ("pdf", _pdf),
        ]
        count = _run_checks(checks, run)
    finally:
        shutil.rmtree(run.workdir, ignore_errors=True)
    count += _run_checks([("cleanup", _cleanup)], run)
    count += _run_checks(_qt_checks(), run)
    print(f"self-test passed: {count} checks", flush=True)
    return 0


def _run_checks(checks: list[tuple[str, Check]], run: _Run) -> int:
    for name, check in checks:
        try:
            detail = check(run)
        except Exception as error:
            reason = " ".join(f"{type(error).__name__}: {error}".split())
            print(f"FAIL {name}: {reason}", flush=True)
            raise CommandFailed(f"self-test failed at '{name}': {reason}") from None
        print(f"ok   {name}: {detail}", flush=True)
    return len(checks)


def _resources(run: _Run) -> str:
    found = [resource_path(relative) for relative in REQUIRED_RESOURCES]
    roots = {str(path.parents[1]) for path in found}
    return f"{len(found)} files found under {', '.join(sorted(roots))}"


def _vault(run: _Run) -> str:
    from alliance_desktop.services import Practice

    path = run.workdir / "self-test.vault"
    Practice.create(path, run.passphrase).close()
    practice = Practice.open(path, run.passphrase)
    try:
        health = practice.health()
    finally:
        practice.close()
    if health.problems:
        raise AssertionError("; ".join(health.problems))
    header = path.read_bytes()[:16]
    if header.startswith(b"SQLite format 3"):
        raise AssertionError("the vault file is a plain SQLite file, not encrypted")
    return f"created, reopened and checked an encrypted vault (schema {health.schema_version})"


def _client(run: _Run) -> str:
    path = run.workdir / "self-test.vault"
    with _opened(run) as practice:
        saved = practice.add_client(
            Client(name=FICTIONAL_CLIENT, status=ClientStatus.ACTIVE, values=("fictional",))
        )
        assert saved.id is not None
        run.client_id = saved.id
        practice.goals.add_goal(
            Goal(client_id=saved.id, client_words=FICTIONAL_GOAL, column=GoalColumn.AGREED)
        )
    with _opened(run) as practice:
        read_back = practice.client(run.client_id)
        goals = practice.goals.board(run.client_id)
    if read_back.name != FICTIONAL_CLIENT or [g.client_words for g in goals] != [FICTIONAL_GOAL]:
        raise AssertionError("the record read back differs from the one written")
    stored = b"".join(p.read_bytes() for p in run.workdir.iterdir() if p.is_file())
    if FICTIONAL_CLIENT.encode() in stored:
        raise AssertionError(f"the client's name is readable in clear in {path.parent}")
    return f"wrote a fictional client and goal, read them back after reopening (id {saved.id})"


def _pdf(run: _Run) -> str:
    target = run.workdir / "goal-review.pdf"
    with _opened(run) as practice:
        practice.reports.goal_review(run.client_id, target)
    run.pdf = target.read_bytes()
    if not run.pdf.startswith(b"%PDF"):
        raise AssertionError(f"{target.name} does not start with %PDF")
    if b"DejaVuSans" not in run.pdf:
        raise AssertionError("the report's DejaVu Sans font is not embedded")
    return f"goal review written ({len(run.pdf):,} bytes, %PDF, DejaVu Sans embedded)"


def _cleanup(run: _Run) -> str:
    if run.workdir.exists():
        raise AssertionError(f"{run.workdir} is still there")
    return "temporary folder removed"


def _qt_checks() -> list[tuple[str, Check]]:
    try:
        from alliance_desktop.ui import self_check
    except ImportError as error:
        message = f"{error}"

        def cannot_import(run: _Run) -> str:
            raise ImportError(message)

        return [("qt", cannot_import)]
    return [
        ("qt platform", lambda run: self_check.start_application()),
        ("qt plugins", lambda run: self_check.plugins()),
        ("qt modules", lambda run: self_check.modules()),
        ("icons and style", lambda run: self_check.icons_and_style()),
        ("pdf in qt", lambda run: self_check.read_pdf(run.pdf, FICTIONAL_GOAL)),
    ]


@contextmanager
def _opened(run: _Run) -> Iterator[Practice]:
    """Open the self-test vault for one step and close it again."""
    from alliance_desktop.services import Practice

    practice = Practice.open(run.workdir / "self-test.vault", run.passphrase)
    try:
        yield practice
    finally:
        practice.close()
