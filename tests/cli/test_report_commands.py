"""`report goal-review|ending-plan|ending-summary`: private PDFs, the right content in each,
and clear failures."""

from __future__ import annotations

import datetime as dt
import io
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from alliance_desktop.domain.client import ClientStatus
from alliance_desktop.domain.ending import EndingPlan, EndingReason, MaintenancePlan
from alliance_desktop.domain.goal import GasRating, Goal, GoalColumn
from alliance_desktop.domain.rupture import RaisedBy, RuptureEntry, RuptureKind
from alliance_desktop.services import Practice
from tests.cli.conftest import Run
from tests.factories import PASSPHRASE, fixed_clock, make_client

RunCli = Callable[..., Run]
NAME = "Zoë Okafor-Lindqvist"
GOAL = "Take the bus to work"
LEVELS = ("never", "rarely", "twice a week", "most days", "every day")
RUPTURE_NOTE = "Rupturenote-quiet"  # one short word: wrapping cannot split it


@dataclass(frozen=True)
class Record:
    vault: Path
    client: str  # has goals, a rupture entry and an ending plan
    unplanned: str  # has no ending plan


@pytest.fixture(scope="module")
def record(tmp_path_factory: pytest.TempPathFactory) -> Record:
    vault = tmp_path_factory.mktemp("reports") / "practice.vault"
    practice = Practice.create(vault, PASSPHRASE, clock=fixed_clock)
    try:
        client = practice.add_client(
            make_client(
                name=NAME,
                preferred_name="",
                start_date=dt.date(2026, 1, 5),
                status=ClientStatus.ENDING,
            )
        ).id
        assert client is not None
        goal = practice.goals.add_goal(
            Goal(
                client,
                GOAL,
                column=GoalColumn.ACTIVE,
                levels=LEVELS,
                client_levels=("I never take the bus", "", "", "", ""),
            )
        ).id
        assert goal is not None
        practice.goals.rate(goal, GasRating(dt.date(2026, 1, 12), -2))
        practice.goals.rate(goal, GasRating(dt.date(2026, 3, 2), 0))
        practice.ruptures.add(
            RuptureEntry(
                client,
                dt.date(2026, 2, 2),
                RuptureKind.WITHDRAWAL,
                3,
                RaisedBy.CLINICIAN,
                note=RUPTURE_NOTE,
            )
        )
        practice.ending.save_plan(
            EndingPlan(
                client,
                EndingReason.GOALS_MET,
                maintenance=MaintenancePlan(what_helped=("Walking to the stop with a friend",)),
            )
        )
        unplanned = practice.add_client(make_client(name="Sam Jones", preferred_name="")).id
    finally:
        practice.close()
    return Record(vault, str(client), str(unplanned))


@pytest.fixture(autouse=True)
def unlocked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALLIANCE_PASSPHRASE", PASSPHRASE)


def text_of(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def report(run_cli: RunCli, record: Record, kind: str, out: Path, *extra: str) -> Run:
    return run_cli(
        "report", kind, "--vault", str(record.vault), "--client", record.client,
        "--out", str(out), *extra,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "extra", "said"),
    [
        ("goal-review", (), "Wrote the goal review of"),
        ("ending-plan", (), "Wrote the ending plan of"),
        ("ending-summary", (), "Wrote the ending summary of"),
        ("ending-summary", ("--client-copy",), "Wrote the ending summary of"),
    ],
    ids=["goal-review", "ending-plan", "ending-summary", "ending-summary-client-copy"],
)
def test_each_report_is_written_privately_and_says_where(
    run_cli: RunCli, record: Record, tmp_path: Path, kind: str, extra: tuple[str, ...], said: str
) -> None:
    out = tmp_path / f"{kind}.pdf"

    result = report(run_cli, record, kind, out, *extra)

    assert result.code == 0, result.err
    assert result.err == ""
    assert result.out.count("\n") == 1
    assert result.out.startswith(f"{said} {NAME} (client {record.client}) to {out} (")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_bytes().startswith(b"%PDF")
    assert NAME in text_of(out)


def test_the_client_copy_leaves_out_the_rupture_note(
    run_cli: RunCli, record: Record, tmp_path: Path
) -> None:
    yours, theirs, review = tmp_path / "yours.pdf", tmp_path / "theirs.pdf", tmp_path / "gr.pdf"

    mine = report(run_cli, record, "ending-summary", yours)
    copy = report(run_cli, record, "ending-summary", theirs, "--client-copy")
    report(run_cli, record, "goal-review", review)

    assert RUPTURE_NOTE in text_of(yours)  # so the extraction would find it
    assert "with rupture entries" in mine.out
    assert "the client's copy" in copy.out
    for client_facing in (theirs, review):
        text = text_of(client_facing)
        assert GOAL in text
        assert RUPTURE_NOTE not in text
        assert "Rupture" not in text


def test_goal_review_dates_and_next_focus(run_cli: RunCli, record: Record, tmp_path: Path) -> None:
    out = tmp_path / "review.pdf"

    result = report(
        run_cli, record, "goal-review", out,
        "--from", "2026-02-01", "--to", "2026-02-28", "--next-focus", "Longer trips on my own",
    )  # fmt: skip

    assert result.code == 0, result.err
    text = text_of(out)
    assert "1 February 2026 to 28 February 2026" in text
    assert "Longer trips on my own" in text
    assert (
        "Where you are now: I never take the bus" in text
    )  # the 2 March rating is after the review


def test_goal_review_is_always_the_clients_copy(
    run_cli: RunCli, record: Record, tmp_path: Path
) -> None:
    plain, asked = tmp_path / "plain.pdf", tmp_path / "asked.pdf"

    first = report(run_cli, record, "goal-review", plain)
    second = report(run_cli, record, "goal-review", asked, "--client-copy")

    assert (first.code, second.code) == (0, 0)
    assert "a copy for the client" in second.out
    assert asked.read_bytes() == plain.read_bytes()


def test_a_review_that_ends_before_it_starts_is_refused_before_unlocking(
    run_cli: RunCli, record: Record, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ALLIANCE_PASSPHRASE")  # it must not get as far as asking
    out = tmp_path / "review.pdf"

    result = report(
        run_cli, record, "goal-review", out, "--from", "2026-03-01", "--to", "2026-02-01"
    )

    assert result.code == 1
    assert result.err == (
        "alliance-desktop: --to (2026-02-01) is before --from (2026-03-01); nothing to review.\n"
    )
    assert not out.exists()


def test_an_ending_plan_that_was_never_written_fails_with_the_services_message(
    run_cli: RunCli, record: Record, tmp_path: Path
) -> None:
    out = tmp_path / "plan.pdf"

    result = run_cli(
        "report", "ending-plan", "--vault", str(record.vault), "--client", record.unplanned,
        "--out", str(out),
    )  # fmt: skip

    assert result.code == 1
    assert result.err == (
        "alliance-desktop: No ending plan has been written for Sam Jones yet; "
        "write one before printing it.\n"
    )
    assert result.out == ""
    assert not out.exists()


def test_the_client_copy_is_refused_for_an_active_client_without_a_plan(
    run_cli: RunCli, record: Record, tmp_path: Path
) -> None:
    out = tmp_path / "theirs.pdf"

    result = run_cli(
        "report", "ending-summary", "--vault", str(record.vault), "--client", record.unplanned,
        "--out", str(out), "--client-copy",
    )  # fmt: skip

    assert result.code == 1
    assert result.out == ""
    assert result.err.count("\n") == 1
    assert "ending or has ended" in result.err and "Ending tab" in result.err
    assert not out.exists()


def test_the_ending_plan_has_no_client_copy(
    run_cli: RunCli, record: Record, tmp_path: Path
) -> None:
    out = tmp_path / "plan.pdf"

    result = report(run_cli, record, "ending-plan", out, "--client-copy")

    assert result.code == 2
    assert result.err.splitlines()[-1] == (
        "alliance-desktop report ending-plan: error: --client-copy: the ending plan is the "
        "clinician's working document and has no client copy; the client's copy of the ending "
        "is 'report ending-summary --client-copy'"
    )
    assert not out.exists()


def test_an_unknown_client_is_one_line(run_cli: RunCli, record: Record, tmp_path: Path) -> None:
    out = tmp_path / "summary.pdf"

    result = run_cli(
        "report", "ending-summary", "--vault", str(record.vault), "--client", "999",
        "--out", str(out),
    )  # fmt: skip

    assert result.code == 1
    assert result.err.startswith("alliance-desktop: There is no client with id 999 in ")
    assert result.err.count("\n") == 1
    assert not out.exists()


def test_an_unknown_kind_is_a_usage_error(run_cli: RunCli, record: Record) -> None:
    result = run_cli("report", "progress-note", "--vault", str(record.vault), "--client", "1")

    assert result.code == 2
    assert "invalid choice: 'progress-note'" in result.err


def test_an_accessible_copy_is_written_beside_a_client_facing_report(
    run_cli: RunCli, record: Record, tmp_path: Path
) -> None:
    pdf, html = tmp_path / "review.pdf", tmp_path / "review.html"

    result = report(run_cli, record, "goal-review", pdf, "--accessible-html", str(html))

    assert result.code == 0, result.err
    assert f"an accessible copy (HTML) to {html}" in result.out
    assert stat.S_IMODE(html.stat().st_mode) == 0o600
    text = html.read_text(encoding="utf-8")
    assert "<h1>Goal review for Zoë Okafor-Lindqvist</h1>" in text
    assert "<h2>If things get worse</h2>" in text
    assert RUPTURE_NOTE not in text

    theirs, theirs_html = tmp_path / "theirs.pdf", tmp_path / "theirs.html"
    copy = report(
        run_cli, record, "ending-summary", theirs, "--client-copy",
        "--accessible-html", str(theirs_html),
    )  # fmt: skip
    assert copy.code == 0, copy.err
    assert "<h2>Your plan for keeping well</h2>" in theirs_html.read_text(encoding="utf-8")


def test_the_clinicians_summary_has_no_accessible_copy(
    run_cli: RunCli, record: Record, tmp_path: Path
) -> None:
    out, html = tmp_path / "yours.pdf", tmp_path / "yours.html"

    result = report(run_cli, record, "ending-summary", out, "--accessible-html", str(html))

    assert result.code == 2
    assert "--client-copy" in result.err and result.err.count("\n") == 1
    assert not out.exists() and not html.exists()
