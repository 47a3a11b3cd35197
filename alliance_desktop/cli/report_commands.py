"""`report goal-review|ending-plan|ending-summary`: one client's PDF, written privately (0600).

The goal review is always written for the client (goals in their words, no notes, framing or
rupture entries), so --client-copy changes nothing there. The ending plan is the clinician's
working document and has no client copy: the parser refuses --client-copy for it (exit 2). The
ending summary is the clinician's version unless --client-copy asks for the client's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from alliance_desktop.cli.clinical_commands import known_client
from alliance_desktop.cli.passphrase import opened_practice
from alliance_desktop.cli.running import CommandFailed


def goal_review(args: argparse.Namespace) -> int:
    since: dt.date | None = args.since
    until: dt.date | None = args.until
    if since is not None and until is not None and until < since:  # said before unlocking
        raise CommandFailed(f"--to ({until}) is before --from ({since}); nothing to review.")
    with opened_practice(args) as practice:
        client = known_client(practice, args.client)
        options = {
            "since": since,
            "until": until,
            "next_focus": args.next_focus,
            "include_instruments": args.include_instruments,
        }
        written = practice.reports.goal_review(args.client, args.out, **options)
        accessible = args.accessible_html
        if accessible is not None:
            practice.reports.accessible_goal_review(args.client, accessible, **options)
    _say_written("the goal review", client.display_name, args, written, "a copy for the client")
    return 0


def ending_plan(args: argparse.Namespace) -> int:
    with opened_practice(args) as practice:
        client = known_client(practice, args.client)
        written = practice.reports.ending_plan(args.client, args.out)
    _say_written("the ending plan", client.display_name, args, written, "for you, not the client")
    return 0


def ending_summary(args: argparse.Namespace) -> int:
    if args.accessible_html is not None and not args.client_copy:
        print(
            "alliance-desktop report ending-summary: error: --accessible-html is for the "
            "client's copy; add --client-copy",
            file=sys.stderr,
        )
        return 2
    with opened_practice(args) as practice:
        client = known_client(practice, args.client)
        written = practice.reports.ending_summary(
            args.client,
            args.out,
            client_copy=args.client_copy,
            include_instruments=args.include_instruments,
        )
        if args.accessible_html is not None:
            practice.reports.accessible_ending_summary(
                args.client, args.accessible_html, include_instruments=args.include_instruments
            )
    copy = (
        "the client's copy"
        if args.client_copy
        else "your version, with rupture entries; --client-copy writes the client's"
    )
    _say_written("the ending summary", client.display_name, args, written, copy)
    return 0


def _say_written(
    report: str, name: str, args: argparse.Namespace, written: Path, copy: str
) -> None:
    scores = ", with instrument scores" if getattr(args, "include_instruments", False) else ""
    accessible = getattr(args, "accessible_html", None)
    also = f"; an accessible copy (HTML) to {accessible}" if accessible is not None else ""
    print(f"Wrote {report} of {name} (client {args.client}) to {written} ({copy}{scores}){also}.")


def safety_plan(args: argparse.Namespace) -> int:
    with opened_practice(args) as practice:
        client = known_client(practice, args.client)
        written = practice.reports.safety_plan(args.client, args.out)
    _say_written(
        "the safety plan", client.display_name, args, written, "the client's copy, large type"
    )
    return 0
