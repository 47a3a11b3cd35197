"""The `handover export` options and the password variable, apart from the command itself, so
reading the command line does not load the handover (see parser.py)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from alliance_desktop.domain.share_consent import ShareCategory

HANDOVER_PASSWORD_ENV = "ALLIANCE_HANDOVER_PASSWORD"


def add_export_options(parser: argparse.ArgumentParser, date_type: Callable[[str], object]) -> None:
    """The handover details and what to include, as `handover export` options."""
    receiver = parser.add_argument_group("the receiving clinician")
    receiver.add_argument("--to-name", metavar="NAME", required=True, help="their name")
    receiver.add_argument("--to-organisation", metavar="TEXT", default="")
    receiver.add_argument("--to-contact", metavar="TEXT", default="", help="phone, email…")
    transfer = parser.add_argument_group("the client's consent and the transfer")
    transfer.add_argument(
        "--consent-date",
        type=date_type,
        metavar="YYYY-MM-DD",
        required=True,
        help="when the client agreed to this transfer (not in the future)",
    )
    transfer.add_argument(
        "--consent-scope",
        metavar="TEXT",
        required=True,
        help="what the client agreed may be passed on: 'all' or a comma-separated list of "
        f"{','.join(c.value for c in ShareCategory)}",
    )
    transfer.add_argument(
        "--reason", metavar="TEXT", required=True, help="why the client's care moves on"
    )
    transfer.add_argument(
        "--date",
        type=date_type,
        metavar="YYYY-MM-DD",
        help="the handover date (default: today)",
    )
    included = parser.add_argument_group(
        "what goes beyond the core record (profile, sessions, goals, check-ins, ending plan)"
    )
    included.add_argument(
        "--include-notes",
        action="store_true",
        help="session notes: the agenda and progress notes (left out unless given)",
    )
    included.add_argument(
        "--include-ruptures", action="store_true", help="the rupture-and-repair log"
    )
    included.add_argument(
        "--include-private-notes",
        action="store_true",
        help="private process notes (kept apart in the vault; think twice)",
    )
    parser.add_argument(
        "--cancel-future-sessions",
        action="store_true",
        help="after the export, cancel your own booked sessions with the client",
    )
    included.add_argument(
        "--no-fhir",
        action="store_true",
        help="leave out the machine-readable FHIR record (the receiver cannot import it)",
    )
