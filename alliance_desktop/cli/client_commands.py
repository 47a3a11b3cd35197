"""`clients list`."""

from __future__ import annotations

import argparse
import json

from alliance_desktop.cli.passphrase import opened_practice
from alliance_desktop.cli.text_tables import counted, text_table
from alliance_desktop.domain.client import ClientSummary


def clients_list(args: argparse.Namespace) -> int:
    with opened_practice(args) as practice:
        everyone = practice.client_summaries()
    shown = [client for client in everyone if args.all or not client.archived]
    if args.json:
        print(json.dumps([_client_json(client) for client in shown], indent=2))
        return 0
    if shown:
        print(_client_table(shown, show_archived=args.all))
    hidden = len(everyone) - len(shown)
    footer = counted(len(shown), "client")
    if hidden:
        footer += f" ({hidden} archived not shown; add --all to list them)"
    print(footer)
    return 0


def _client_json(client: ClientSummary) -> dict[str, object]:
    return {
        "id": client.id,
        "name": client.name,
        "preferred_name": client.preferred_name,
        "status": client.status.value,
        "start_date": client.start_date.isoformat() if client.start_date else None,
        "archived": client.archived,
    }


def _client_table(clients: list[ClientSummary], show_archived: bool) -> str:
    header = ["ID", "Name", "Status", "Started"] + (["Archived"] if show_archived else [])
    rows = [
        [
            str(client.id),
            client.display_name,
            client.status.label,
            client.start_date.isoformat() if client.start_date else "-",
        ]
        + (["yes" if client.archived else ""] if show_archived else [])
        for client in clients
    ]
    return text_table(header, rows)
