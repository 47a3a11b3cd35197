"""Headless commands. DESIGN.md "Command line" is a contract that scripts rely on.

Every command returns an exit code: 0 on success, 1 with one line on stderr on failure (never a
traceback), 2 for usage errors (argparse). Nothing here imports Qt.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import shlex
import sys
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from alliance_desktop import __version__
from alliance_desktop.demo import DEFAULT_SEED, DEMO_SIZES, create_demo_vault
from alliance_desktop.domain.client import ClientSummary
from alliance_desktop.domain.errors import InvalidInput, RecordNotFound
from alliance_desktop.domain.passphrase import check_new_passphrase
from alliance_desktop.domain.vault_errors import (
    VaultAlreadyExists,
    VaultError,
    VaultMissing,
    WrongPassphrase,
)
from alliance_desktop.services.practice import Practice
from alliance_desktop.services.vault_locations import DEMO_PASSPHRASE

PROGRAM = "alliance-desktop"
PASSPHRASE_ENV = "ALLIANCE_PASSPHRASE"
PROMPT_ATTEMPTS = 3

Handler = Callable[[argparse.Namespace], int]


class CommandFailed(Exception):
    """A failure the command explains itself; str() is the line printed on stderr."""


# Running commands and reporting failures


def parse_arguments(argv: list[str] | None = None) -> argparse.Namespace:
    """Parse and check the command line; usage errors exit with status 2 (SystemExit)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.handler is None:
        if args.demo and args.vault is not None:
            parser.error("--demo opens the demo practice's own vault; leave out --vault")
        return args
    if args.demo:
        parser.error("--demo opens the demo practice in the window; it takes no command")
    if args.vault is None:
        args.command_parser.error("the following arguments are required: --vault")
    return args


def run_command(args: argparse.Namespace) -> int:
    handler: Handler = args.handler
    return handler(args)


def guarded(action: Callable[[], int]) -> int:
    """Run `action`, turning any failure into one line on stderr and exit status 1."""
    try:
        return action()
    except VaultMissing as error:
        command = f"{PROGRAM} vault create --vault {shlex.quote(str(error.path))}"
        return _fail(f"There is no vault at {error.path}. Create one with: {command}")
    except (VaultError, InvalidInput, RecordNotFound, CommandFailed) as error:
        return _fail(str(error))
    except BrokenPipeError:
        # Whoever read our output (e.g. `| head`) has gone; there is no one left to tell.
        _silence_stdout()
        return 1
    except OSError as error:
        where = f" ({error.filename})" if error.filename else ""
        return _fail(f"{error.strerror or error}{where}")
    except (KeyboardInterrupt, EOFError):
        return _fail("stopped before finishing; nothing more was done")
    except Exception as error:
        return _fail(f"unexpected error: {type(error).__name__}: {error}")


def _fail(message: str) -> int:
    print(f"{PROGRAM}: {' '.join(message.split())}", file=sys.stderr)
    return 1


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


# Passphrases


def given_passphrase(args: argparse.Namespace) -> str | None:
    """The passphrase from --passphrase-file or ALLIANCE_PASSPHRASE, or None if neither is set."""
    if args.passphrase_file is not None:
        return _read_passphrase_file(args.passphrase_file)
    return os.environ.get(PASSPHRASE_ENV) or None


def _read_passphrase_file(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise CommandFailed(
            f"Cannot read the passphrase file {path}: {error.strerror or error}."
        ) from None
    except UnicodeDecodeError:
        raise CommandFailed(f"The passphrase file {path} is not UTF-8 text.") from None
    first_line = text.split("\n", 1)[0].removesuffix("\r")
    if not first_line:
        raise CommandFailed(
            f"The passphrase file {path} is empty; put the passphrase on its first line."
        )
    return first_line


def _is_interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def _require_terminal() -> None:
    if not _is_interactive():
        raise CommandFailed(
            f"No passphrase given: set {PASSPHRASE_ENV} or use --passphrase-file FILE "
            "(or run the command in a terminal to be asked)."
        )


def _new_passphrase(args: argparse.Namespace, path: Path) -> str:
    given = given_passphrase(args)
    if given is not None:
        return check_new_passphrase(given)
    _require_terminal()
    first = getpass.getpass(f"New passphrase for {path} (at least 10 characters): ")
    check_new_passphrase(first)  # say it is too short before asking for it twice
    return check_new_passphrase(first, getpass.getpass("Type it again: "))


@contextmanager
def _opened_practice(args: argparse.Namespace) -> Iterator[Practice]:
    """Unlock the vault named by --vault; on a terminal, offer a few tries at the passphrase."""
    path: Path = args.vault
    if not path.exists():
        raise VaultMissing(path)
    given = given_passphrase(args)
    if given is not None:
        practice = Practice.open(path, given)
    else:
        _require_terminal()
        practice = _open_with_prompt(path)
    try:
        yield practice
    finally:
        practice.close()


def _open_with_prompt(path: Path) -> Practice:
    for attempt in range(1, PROMPT_ATTEMPTS + 1):
        try:
            return Practice.open(path, getpass.getpass(f"Passphrase for {path}: "))
        except WrongPassphrase:
            if attempt == PROMPT_ATTEMPTS:
                raise
            print("Wrong passphrase; try again.", file=sys.stderr)
    raise AssertionError("unreachable")


# Commands


def vault_create(args: argparse.Namespace) -> int:
    path: Path = args.vault
    if path.exists():
        raise VaultAlreadyExists(path)
    Practice.create(path, _new_passphrase(args, path)).close()
    print(f"Created an empty vault at {path} (only you can read the file).")
    print("Keep the passphrase safe: without it nobody, not even you, can open these records.")
    return 0


def vault_check(args: argparse.Namespace) -> int:
    with _opened_practice(args) as practice:
        health = practice.health()
    if health.problems:
        raise CommandFailed(f"{health.path} failed its check: {'; '.join(health.problems)}.")
    print(
        f"ok: {health.path} — schema {health.schema_version}, "
        f"{_count(health.client_count, 'client')}, integrity check passed"
    )
    return 0


def clients_list(args: argparse.Namespace) -> int:
    with _opened_practice(args) as practice:
        everyone = practice.client_summaries()
    shown = [client for client in everyone if args.all or not client.archived]
    if args.json:
        print(json.dumps([_client_json(client) for client in shown], indent=2))
        return 0
    if shown:
        print(_client_table(shown, show_archived=args.all))
    hidden = len(everyone) - len(shown)
    footer = _count(len(shown), "client")
    if hidden:
        footer += f" ({hidden} archived not shown; add --all to list them)"
    print(footer)
    return 0


def demo(args: argparse.Namespace) -> int:
    path: Path = args.vault
    if path.exists():
        raise VaultAlreadyExists(path)
    given = given_passphrase(args)
    summary = create_demo_vault(path, given or DEMO_PASSPHRASE, args.size, args.seed)
    print(
        f"Created a {summary.size} demo practice at {path}: "
        f"{_count(summary.clients, 'fictional client')} ({summary.archived} archived), "
        f"seed {summary.seed}."
    )
    print(f"Passphrase: {DEMO_PASSPHRASE}" if given is None else "Passphrase: the one you gave")
    return 0


def not_available(name: str, args: argparse.Namespace) -> int:
    raise CommandFailed(f"'{name}' is not available yet in this version ({__version__}).")


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
    widths = [max(_width(row[column]) for row in [header, *rows]) for column in range(len(header))]
    lines = []
    for row in [header, *rows]:
        cells = [row[0].rjust(widths[0])] + [
            cell + " " * (width - _width(cell))
            for cell, width in zip(row[1:], widths[1:], strict=True)
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def _width(text: str) -> int:
    """Columns the text takes in a terminal: wide East Asian characters take two."""
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in text
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


# The parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROGRAM,
        usage=(
            "%(prog)s [--vault PATH | --demo | --version]\n"
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
    parser.set_defaults(handler=None)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    vault_options = argparse.ArgumentParser(add_help=False)
    vault_options.add_argument(
        "--vault", type=_path, metavar="PATH", default=argparse.SUPPRESS, help="the vault file"
    )
    vault_options.add_argument(
        "--passphrase-file",
        type=_path,
        metavar="FILE",
        help=f"read the passphrase from the first line of FILE (else {PASSPHRASE_ENV}, else ask)",
    )

    def command(
        group: argparse._SubParsersAction[argparse.ArgumentParser],
        name: str,
        description: str,
        handler: Handler | None = None,
    ) -> argparse.ArgumentParser:
        if handler is None:
            description += " (not available yet)"
        sub = group.add_parser(
            name, parents=[vault_options], help=description, description=description
        )
        if handler is None:
            handler = partial(not_available, sub.prog.removeprefix(f"{PROGRAM} "))
        sub.set_defaults(handler=handler, command_parser=sub)
        return sub

    demo_command = command(
        commands,
        "demo",
        "create a new vault holding a fictional practice (uses the demo passphrase unless "
        "one is given; never overwrites a file)",
        demo,
    )
    demo_command.add_argument("--size", choices=list(DEMO_SIZES), default="small")
    demo_command.add_argument("--seed", type=int, default=DEFAULT_SEED)

    vault_group = _group(commands, "vault", "create, check or change a vault file")
    command(vault_group, "create", "create a new, empty vault (0600; refuses an existing file)",
            vault_create)
    command(vault_group, "check", "unlock a vault and check its integrity", vault_check)
    command(vault_group, "passwd", "change the passphrase")
    command(vault_group, "backup", "write an encrypted backup").add_argument(
        "--out", type=_path, metavar="FILE", required=True
    )
    command(vault_group, "restore", "restore a vault from a backup").add_argument(
        "backup_file", type=_path, metavar="FILE"
    )

    clients_group = _group(commands, "clients", "list clients")
    listing = command(
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

    for name, what in (("goals", "a client's goals"), ("ruptures", "a client's rupture log")):
        sub = command(commands, name, f"print {what} as JSON")
        sub.add_argument("--client", type=int, metavar="ID", required=True)
        sub.add_argument("--json", action="store_true")

    calendar_group = _group(commands, "calendar", "calendar files")
    export = command(calendar_group, "export", "export sessions to an iCalendar file")
    export.add_argument("--from", dest="from_date", type=_iso_date, metavar="YYYY-MM-DD",
                        required=True)
    export.add_argument("--to", dest="to_date", type=_iso_date, metavar="YYYY-MM-DD",
                        required=True)
    export.add_argument("--out", type=_path, metavar="FILE.ics", required=True)

    report = command(commands, "report", "write a PDF report for a client")
    report.add_argument("kind", choices=["goal-review", "ending-plan", "ending-summary"])
    report.add_argument("--client", type=int, metavar="ID", required=True)
    report.add_argument("--out", type=_path, metavar="FILE.pdf", required=True)
    report.add_argument("--client-copy", action="store_true")

    handover_group = _group(commands, "handover", "hand a client over to another clinician")
    handover_export = command(handover_group, "export", "export a handover bundle")
    handover_export.add_argument("--client", type=int, metavar="ID", required=True)
    handover_export.add_argument("--out", type=_path, metavar="DIR", required=True)
    command(handover_group, "import", "import a handover bundle").add_argument(
        "bundle", type=_path, metavar="DIR"
    )
    return parser


def _group(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], name: str, help_text: str
) -> argparse._SubParsersAction[argparse.ArgumentParser]:
    group_parser = commands.add_parser(name, help=help_text, description=help_text)
    return group_parser.add_subparsers(dest=name, metavar="ACTION", required=True)


def _path(text: str) -> Path:
    return Path(text).expanduser()


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None
