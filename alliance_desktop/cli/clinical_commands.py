"""`goals` and `ruptures`: one client's goal board and rupture log, as JSON or a table."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from alliance_desktop.cli.passphrase import opened_practice
from alliance_desktop.cli.running import PROGRAM, CommandFailed
from alliance_desktop.cli.text_tables import counted, shortened, text_table
from alliance_desktop.domain.client import Client
from alliance_desktop.domain.errors import RecordNotFound

if TYPE_CHECKING:
    from alliance_desktop.services.practice import Practice

NOTE_WIDTH = 60


def goals(args: argparse.Namespace) -> int:
    with opened_practice(args) as practice:
        client = known_client(practice, args.client)
        document = practice.goals.goals_document(args.client)
    if args.json:
        print(json.dumps(document, indent=2))
        return 0
    print(f"Goals of {client.display_name} (client {args.client})")
    if document["goals"]:
        print(
            text_table(["ID", "Column", "Weight", "Latest rating", "Title"], _goal_rows(document))
        )
    score = document["gas_t_score"]
    print(
        f"{counted(len(document['goals']), 'goal')}; GAS T-score "
        + (f"{score:.1f} (from the latest ratings)" if score is not None else "not yet (no rating)")
    )
    return 0


def ruptures(args: argparse.Namespace) -> int:
    with opened_practice(args) as practice:
        client = known_client(practice, args.client)
        document = practice.ruptures.ruptures_document(args.client)
    if args.json:
        print(json.dumps(document, indent=2))
        return 0
    print(f"Rupture log of {client.display_name} (client {args.client}), newest first")
    if document:
        header = ["ID", "Date", "Kind", "Significance", "Outcome", "Follow-up", "Note"]
        print(text_table(header, [_rupture_row(entry) for entry in document]))
    still_open = sum(1 for entry in document if entry["outcome"] != "resolved")
    print(f"{counted(len(document), 'entry', 'entries')} ({still_open} not resolved)")
    return 0


def known_client(practice: Practice, client_id: int) -> Client:
    """The client with this id, or a failure saying how to find the ids."""
    try:
        return practice.client(client_id)
    except RecordNotFound:
        raise CommandFailed(
            f"There is no client with id {client_id} in {practice.vault_path}; "
            f"'{PROGRAM} clients list --all' shows the ids."
        ) from None


def _goal_rows(document: dict[str, Any]) -> list[list[str]]:
    rows = []
    for goal in document["goals"]:
        ratings = goal["ratings"]
        latest = f"{ratings[-1]['level']:+d} on {ratings[-1]['date']}" if ratings else "-"
        column = goal["column"].replace("_", " ")
        rows.append(
            [str(goal["id"]), column, f"{goal['weight']:g}", latest, shortened(goal["title"], 50)]
        )
    return rows


def _rupture_row(entry: dict[str, Any]) -> list[str]:
    return [
        str(entry["id"]),
        entry["date"],
        entry["kind"],
        f"{entry['significance']}/5",
        entry["outcome"] or "no repair yet",
        entry["follow_up"] or "-",
        shortened(entry["note"], NOTE_WIDTH),
    ]
