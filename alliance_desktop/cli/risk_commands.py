"""`risk`: one client's risk reviews and safety plan, as JSON or a short text summary."""

from __future__ import annotations

import argparse
import json
from typing import Any

from alliance_desktop.cli.clinical_commands import known_client
from alliance_desktop.cli.passphrase import opened_practice
from alliance_desktop.cli.text_tables import counted, shortened, text_table
from alliance_desktop.domain.risk import SAFETY_PLAN_SECTIONS


def risk(args: argparse.Namespace) -> int:
    with opened_practice(args) as practice:
        client = known_client(practice, args.client)
        document = practice.risk.risk_document(args.client)
    if args.json:
        print(json.dumps(document, indent=2, ensure_ascii=False))
        return 0
    print(f"Risk reviews of {client.display_name} (client {args.client}), newest first")
    current = document["current"]
    if current is None:
        print("No risk review recorded.")
    else:
        due = current["review_due"] or "none scheduled"
        print(
            f"Current level: {current['level']} (assessed {current['assessed_on']}; "
            f"next review {due})"
        )
        print(text_table(["Date", "Level", "Next review", "Rests on"], _rows(document)))
    print(f"{counted(len(document['history']), 'review')}; " + _plan_line(document["safety_plan"]))
    return 0


def _rows(document: dict[str, Any]) -> list[list[str]]:
    return [
        [
            review["assessed_on"],
            review["level"],
            review["review_due"] or "-",
            shortened(review["rests_on"], 50) or "-",
        ]
        for review in document["history"]
    ]


def _plan_line(plan: dict[str, Any] | None) -> str:
    if plan is None:
        return "no safety plan"
    filled = sum(1 for section in SAFETY_PLAN_SECTIONS if plan[section.field])
    return f"safety plan updated {plan['updated_on']} ({filled} of 7 sections written)"
