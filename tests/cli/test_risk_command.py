"""`risk --json`: the command-line contract's shape, on a real vault."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from alliance_desktop.domain.risk import RiskLevel, RiskReview, SafetyPlan
from alliance_desktop.services import Practice
from tests.cli.conftest import Run
from tests.factories import PASSPHRASE, fixed_clock, make_client

RunCli = Callable[..., Run]


@pytest.fixture
def vault_with_risk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, int, int]:
    path = tmp_path / "risk.vault"
    practice = Practice.create(path, PASSPHRASE, clock=fixed_clock)
    assessed = practice.add_client(make_client()).id or 0
    never = practice.add_client(make_client(name="Dev Patel", preferred_name="")).id or 0
    practice.risk.save_review(
        RiskReview(assessed, dt.date(2026, 1, 10), RiskLevel.LOW, "Asked; none", ())
    )
    practice.risk.save_review(
        RiskReview(
            assessed,
            dt.date(2026, 3, 1),
            RiskLevel.MODERATE,
            "Passive thoughts after the redundancy",
            risk_factors=("job loss",),
            next_review_on=dt.date(2026, 3, 15),
        )
    )
    practice.risk.save_safety_plan(
        SafetyPlan(assessed, dt.date(2026, 3, 1), warning_signs=("I stop answering texts",))
    )
    practice.close()
    monkeypatch.setenv("ALLIANCE_PASSPHRASE", PASSPHRASE)
    return path, assessed, never


def test_risk_json_has_the_contract_shape(
    run_cli: RunCli, vault_with_risk: tuple[Path, int, int]
) -> None:
    path, assessed, _ = vault_with_risk
    result = run_cli("risk", "--vault", str(path), "--client", str(assessed), "--json")
    assert result.code == 0, result.err
    document = json.loads(result.out)
    assert document["current"] == {
        "level": "moderate",
        "assessed_on": "2026-03-01",
        "review_due": "2026-03-15",
    }
    assert [review["assessed_on"] for review in document["history"]] == [
        "2026-03-01",
        "2026-01-10",
    ]
    assert document["history"][1]["review_due"] == "2026-04-11"  # low: 91 days by default
    assert document["safety_plan"]["warning_signs"] == ["I stop answering texts"]
    assert document["safety_plan"]["what_matters_most"] == []


def test_risk_json_for_a_client_never_assessed(
    run_cli: RunCli, vault_with_risk: tuple[Path, int, int]
) -> None:
    path, _, never = vault_with_risk
    result = run_cli("risk", "--vault", str(path), "--client", str(never), "--json")
    assert result.code == 0, result.err
    assert json.loads(result.out) == {
        "client_id": never,
        "current": None,
        "history": [],
        "safety_plan": None,
    }


def test_risk_text_and_unknown_client(
    run_cli: RunCli, vault_with_risk: tuple[Path, int, int]
) -> None:
    path, assessed, never = vault_with_risk
    text = run_cli("risk", "--vault", str(path), "--client", str(assessed))
    assert text.code == 0 and "Current level: moderate" in text.out
    assert "2 reviews" in text.out and "1 of 7 sections" in text.out
    assert (
        "No risk review recorded."
        in run_cli("risk", "--vault", str(path), "--client", str(never)).out
    )
    missing = run_cli("risk", "--vault", str(path), "--client", "999", "--json")
    assert missing.code == 1 and "no client with id 999" in missing.err
    assert missing.out == "" and len(missing.err.strip().splitlines()) == 1
    usage = run_cli("risk", "--vault", str(path))
    assert usage.code == 2


def test_report_safety_plan_writes_the_clients_copy(
    run_cli: RunCli, vault_with_risk: tuple[Path, int, int], tmp_path: Path
) -> None:
    from tests.reports.samples import flat_text

    path, assessed, never = vault_with_risk
    out = tmp_path / "plan.pdf"
    result = run_cli(
        "report", "safety-plan", "--vault", str(path), "--client", str(assessed), "--out", str(out)
    )
    assert result.code == 0, result.err
    text = flat_text(out.read_bytes())
    assert "I stop answering texts" in text and "Passive thoughts" not in text
    assert out.stat().st_mode & 0o777 == 0o600

    empty = tmp_path / "empty.pdf"
    refused = run_cli(
        "report", "safety-plan", "--vault", str(path), "--client", str(never), "--out", str(empty)
    )
    assert refused.code == 1 and "safety plan is empty" in refused.err
    assert not empty.exists()
