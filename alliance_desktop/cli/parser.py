"""The command line's grammar (DESIGN.md "Command line" is a contract scripts rely on)."""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
from pathlib import Path
from typing import TYPE_CHECKING

from alliance_desktop import __version__
from alliance_desktop.cli.handover_options import HANDOVER_PASSWORD_ENV, add_export_options
from alliance_desktop.cli.passphrase import NEW_PASSPHRASE_ENV, PASSPHRASE_ENV
from alliance_desktop.cli.running import PROGRAM, Handler
from alliance_desktop.demo.sizes import DEFAULT_SEED, DEMO_SIZES

if TYPE_CHECKING:
    Group = argparse._SubParsersAction[argparse.ArgumentParser]


def _later(module: str, name: str) -> Handler:
    """A command's handler, loaded only when that command runs: reading the command line then
    loads no command's modules (`clients list` does not load the handover or the demo)."""

    def handler(args: argparse.Namespace) -> int:
        function: Handler = getattr(importlib.import_module(f"alliance_desktop.cli.{module}"), name)
        return function(args)

    handler.__name__ = handler.__qualname__ = name
    return handler


calendar_export = _later("calendar_commands", "calendar_export")
calendar_list = _later("calendar_commands", "calendar_list")
clients_list = _later("client_commands", "clients_list")
goals = _later("clinical_commands", "goals")
ruptures = _later("clinical_commands", "ruptures")
continuity_export = _later("continuity_commands", "continuity_export")
continuity_import = _later("continuity_commands", "continuity_import")
handover_export = _later("handover_commands", "handover_export")
handover_import = _later("handover_commands", "handover_import")
ending_plan = _later("report_commands", "ending_plan")
ending_summary = _later("report_commands", "ending_summary")
goal_review = _later("report_commands", "goal_review")
safety_plan = _later("report_commands", "safety_plan")
risk = _later("risk_commands", "risk")
self_test = _later("self_test", "self_test")
demo = _later("vault_commands", "demo")
vault_backup = _later("vault_commands", "vault_backup")
vault_check = _later("vault_commands", "vault_check")
vault_create = _later("vault_commands", "vault_create")
vault_passwd = _later("vault_commands", "vault_passwd")
vault_restore = _later("vault_commands", "vault_restore")


def parse_arguments(argv: list[str] | None = None) -> argparse.Namespace:
    """Parse and check the command line; usage errors exit with status 2 (SystemExit)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        if args.handler is not None or args.demo or args.vault is not None:
            parser.error("--self-test runs on its own; it takes no other option or command")
        args.handler = self_test
        return args
    if args.handler is None:
        if args.demo and args.vault is not None:
            parser.error("--demo opens the demo practice's own vault; leave out --vault")
        return args
    if args.demo:
        parser.error("--demo opens the demo practice in the window; it takes no command")
    if not isinstance(args.vault, Path):  # None, or a group's action name ("check")
        args.command_parser.error("the following arguments are required: --vault")
    return args


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROGRAM,
        usage=(
            "%(prog)s [--vault PATH | --demo | --version | --self-test]\n"
            "       %(prog)s COMMAND [--vault PATH] [options]"
        ),
        description="Alliance Desktop: without a command, open the window on a vault.",
        epilog=(
            "Commands that open a vault ask for its passphrase in the terminal; scripts can "
            f"set {PASSPHRASE_ENV} or pass --passphrase-file FILE (first line of the file). "
            "Exit status: 0 success, 1 failure (one line on stderr), 2 usage error."
        ),
    )
    parser.add_argument("--version", action="version", version=f"{PROGRAM} {__version__}")
    parser.add_argument(
        "--vault", type=_path, metavar="PATH", help="the vault to open in the window"
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="create (if needed) or reopen the fictional demo practice and open the window",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this install headless (vault, PDF, resources, Qt plugins) and exit",
    )
    parser.set_defaults(handler=None)
    # prog= keeps "alliance-desktop vault passwd" in sub-command usage lines and errors.
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", prog=PROGRAM)
    _practice_commands(commands)
    _record_commands(commands)
    _document_commands(commands)
    return parser


def _practice_commands(commands: Group) -> None:
    demo_command = _command(
        commands,
        "demo",
        "create a new vault holding a fictional practice (uses the demo passphrase unless "
        "one is given; never overwrites a file)",
        demo,
    )
    demo_command.add_argument("--size", choices=list(DEMO_SIZES), default="small")
    demo_command.add_argument("--seed", type=int, default=DEFAULT_SEED)

    vault_group = _group(commands, "vault", "create, check or change a vault file")
    _command(
        vault_group,
        "create",
        "create a new, empty vault (0600; refuses an existing file)",
        vault_create,
    )
    _command(
        vault_group,
        "check",
        "unlock a vault and check its integrity (tells a wrong passphrase from a damaged page, "
        "a truncated file, a stale -wal beside it, or a file that is not a vault)",
        vault_check,
    )
    _command(
        vault_group,
        "passwd",
        "change the passphrase: backs up first, then proves the new one opens the vault and "
        f"the old one no longer does (the new passphrase from {NEW_PASSPHRASE_ENV}, else asked "
        "twice)",
        vault_passwd,
    )
    _command(
        vault_group,
        "backup",
        "write an encrypted copy of the vault to a new file (same passphrase; 0600; refuses an "
        "existing file)",
        vault_backup,
    ).add_argument("--out", type=_path, metavar="FILE", required=True)
    _command(
        vault_group,
        "restore",
        "put a backup in place of the vault (close it in the app first): the backup is checked "
        "with the passphrase, the replaced vault is kept beside it, a -wal/-shm is moved aside",
        vault_restore,
    ).add_argument("backup_file", type=_path, metavar="FILE")

    clients_group = _group(commands, "clients", "list clients")
    listing = _command(
        clients_group,
        "list",
        "list clients (archived clients are left out unless --all is given)",
        clients_list,
    )
    listing.add_argument(
        "--json",
        action="store_true",
        help="print one JSON array of {id, name, preferred_name, status, start_date, archived}",
    )
    listing.add_argument("--all", action="store_true", help="include archived clients")


def _record_commands(commands: Group) -> None:
    shown = {
        "goals": (
            "print a client's goal board: columns, weights, GAS levels and ratings",
            goals,
            "one JSON object: {client_id, goals: [{id, title, column, weight, levels, "
            "ratings: [{date, level}], ...}], gas_t_score}",
        ),
        "ruptures": (
            "print a client's rupture-and-repair log, newest first",
            ruptures,
            "one JSON array of {id, date, kind, outcome, note, significance, markers, "
            "repairs, follow_up, ...}",
        ),
        "risk": (
            "print a client's risk reviews, newest first, and whether a safety plan is written",
            risk,
            "one JSON object: {client_id, current: {level, assessed_on, review_due} or null, "
            "history: [...], safety_plan: {...} or null}",
        ),
    }
    for name, (description, handler, json_help) in shown.items():
        sub = _command(commands, name, description, handler)
        sub.add_argument("--client", type=_record_id, metavar="ID", required=True)
        sub.add_argument("--json", action="store_true", help=f"print {json_help}")

    calendar_group = _group(commands, "calendar", "calendar files")
    listing = _command(
        calendar_group,
        "list",
        "list every session from --from to --to (inclusive), whatever its status: what an "
        "export of the same days holds",
        calendar_list,
    )
    listing.add_argument(
        "--from", dest="from_date", type=_iso_date, metavar="YYYY-MM-DD", required=True
    )
    listing.add_argument(
        "--to", dest="to_date", type=_iso_date, metavar="YYYY-MM-DD", required=True
    )
    listing.add_argument(
        "--json",
        action="store_true",
        help="print one JSON array of {id, client_id, start, end, duration_minutes, status, "
        "modality, kind, series_id, calendar_uid, sequence} (local times, no names)",
    )
    export = _command(
        calendar_group,
        "export",
        "write booked sessions from --from to --to (inclusive) to an iCalendar file for "
        "your own diary; no notes, and clients named only by initials or not at all",
        calendar_export,
    )
    export.add_argument(
        "--from", dest="from_date", type=_iso_date, metavar="YYYY-MM-DD", required=True
    )
    export.add_argument("--to", dest="to_date", type=_iso_date, metavar="YYYY-MM-DD", required=True)
    export.add_argument("--out", type=_path, metavar="FILE.ics", required=True)
    export.add_argument(
        "--label",
        metavar="TEXT",
        help="title every session TEXT alone, e.g. 'Client session' (no initials)",
    )
    export.add_argument(
        "--initials",
        action="store_true",
        help="add the client's initials to the title, 'Session · M.O.' (the default "
        "unless --label is given)",
    )


def _document_commands(commands: Group) -> None:
    report_group = commands.add_parser(
        "report", help="write a PDF report for a client", description="write a PDF report"
    ).add_subparsers(dest="report", metavar="KIND", required=True)
    review = _report(
        report_group,
        "goal-review",
        "the goal review, written for the client: goals in their words and GAS progress, no "
        "notes, framing or rupture entries",
        goal_review,
    )
    review.add_argument(
        "--client-copy",
        action="store_true",
        help="accepted and changes nothing: the goal review is always the client's copy",
    )
    review.add_argument(
        "--from",
        dest="since",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="first day reviewed (default: the client's start, or their first rating)",
    )
    review.add_argument(
        "--to", dest="until", type=_iso_date, metavar="YYYY-MM-DD", help="last day (default: today)"
    )
    review.add_argument(
        "--next-focus", default="", metavar="TEXT", help="what to work on next, in plain words"
    )
    _instruments_option(review)
    _accessible_option(review)
    plan = _report(
        report_group,
        "ending-plan",
        "the ending plan, the clinician's working document (there is no client copy)",
        ending_plan,
    )
    plan.add_argument("--client-copy", action=_NoClientCopy, nargs=0, help=argparse.SUPPRESS)
    summary = _report(
        report_group,
        "ending-summary",
        "the ending summary: the clinician's version, or with --client-copy the client's "
        "(no notes or rupture entries)",
        ending_summary,
    )
    summary.add_argument("--client-copy", action="store_true", help="write the client's copy")
    _instruments_option(summary)
    _report(
        report_group,
        "safety-plan",
        "the client's safety plan in their words, large type, with the practice's crisis "
        "contacts; nothing clinical (an empty plan is refused)",
        safety_plan,
    )
    _accessible_option(summary)

    _handover_commands(commands)
    _continuity_commands(commands)


def _continuity_commands(commands: Group) -> None:
    group = _group(commands, "continuity", "the custodian's package of every record")
    export = _command(
        group,
        "export",
        "write every client's record (each as a handover folder) with a letter for the "
        "custodian into a new folder under DIR, under one package password (printed when new)",
        continuity_export,
    )
    export.add_argument("--out", type=_path, metavar="DIR", required=True)
    export.add_argument("--custodian-name", metavar="NAME", required=True)
    export.add_argument("--custodian-contact", metavar="TEXT", default="")
    export.add_argument("--all", action="store_true", help="archived clients too")
    export.add_argument("--renew-password", action="store_true", help="make a new package password")
    importing = _command(
        group,
        "import",
        "open a continuity package into a new vault at --vault, every client or none; the "
        f"package password from {HANDOVER_PASSWORD_ENV}, else asked",
        continuity_import,
    )
    importing.add_argument("package", type=_path, metavar="DIR")
    importing.add_argument("--yes", action="store_true", help="import without asking")


def _handover_commands(commands: Group) -> None:
    handover_group = _group(commands, "handover", "hand a client over to another clinician")
    export = _command(
        handover_group,
        "export",
        "write the client's record for the next clinician into a new folder (a PDF and an "
        "encrypted FHIR record under a generated password, future sessions as .ics, a "
        "manifest) and mark the client handed over; the password is printed once and stored "
        f"nowhere ({HANDOVER_PASSWORD_ENV} is not used here)",
        handover_export,
    )
    export.add_argument("--client", type=_record_id, metavar="ID", required=True)
    export.add_argument(
        "--out", type=_path, metavar="DIR", required=True, help="a new or empty folder"
    )
    add_export_options(export, _iso_date)
    importing = _command(
        handover_group,
        "import",
        "check a handover folder and create the client in this vault; the password from "
        f"{HANDOVER_PASSWORD_ENV}, else asked; at a terminal it asks before importing",
        handover_import,
    )
    importing.add_argument("bundle", type=_path, metavar="DIR")
    importing.add_argument(
        "--yes", action="store_true", help="import without asking, even at a terminal"
    )
    importing.add_argument(
        "--again",
        action="store_true",
        help="import a handover this vault has imported before (a second copy of the client)",
    )


def _report(group: Group, name: str, description: str, handler: Handler) -> argparse.ArgumentParser:
    sub = _command(group, name, description, handler)
    sub.add_argument("--client", type=_record_id, metavar="ID", required=True)
    sub.add_argument(
        "--out", type=_path, metavar="FILE.pdf", required=True, help="replaced if it exists"
    )
    return sub


def _accessible_option(report: argparse.ArgumentParser) -> None:
    report.add_argument(
        "--accessible-html",
        type=_path,
        metavar="FILE.html",
        help="also write an accessible copy for a screen reader, as HTML (client copies only)",
    )


def _instruments_option(report: argparse.ArgumentParser) -> None:
    report.add_argument(
        "--include-instruments",
        action="store_true",
        help="add the clinical instrument scores (left out unless asked for)",
    )


class _NoClientCopy(argparse.Action):
    """`report ending-plan --client-copy` is a usage error (exit 2) that says why."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        parser.error(
            "--client-copy: the ending plan is the clinician's working document and has no "
            "client copy; the client's copy of the ending is 'report ending-summary --client-copy'"
        )


def _add_vault_options(options: argparse.ArgumentParser) -> None:
    # Added to each command directly: a shared `parents=` parser would be one more
    # ArgumentParser built per command, every time any command runs.
    options.add_argument(
        "--vault", type=_path, metavar="PATH", default=argparse.SUPPRESS, help="the vault file"
    )
    options.add_argument(
        "--passphrase-file",
        type=_path,
        metavar="FILE",
        help=f"read the passphrase from the first line of FILE (else {PASSPHRASE_ENV}, else ask)",
    )


def _command(
    group: Group, name: str, description: str, handler: Handler
) -> argparse.ArgumentParser:
    sub = group.add_parser(name, help=description, description=description)
    _add_vault_options(sub)
    sub.set_defaults(handler=handler, command_parser=sub)
    return sub


def _group(commands: Group, name: str, help_text: str) -> Group:
    group_parser = commands.add_parser(name, help=help_text, description=help_text)
    return group_parser.add_subparsers(dest=name, metavar="ACTION", required=True)


def _path(text: str) -> Path:
    if "\x00" in text:
        raise argparse.ArgumentTypeError("a path cannot contain a NUL character")
    return Path(text).expanduser()


def _record_id(text: str) -> int:
    """A record id as SQLite can hold it (a 64-bit integer); one that names no record is said
    by the command itself."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if not -(2**63) <= value < 2**63:
        raise argparse.ArgumentTypeError(f"no record has an id as large as {text}")
    return value


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None
