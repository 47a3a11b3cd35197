"""Where a command's passphrase comes from: --passphrase-file, ALLIANCE_PASSPHRASE, or a prompt
(a few tries) when a person is at the terminal."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alliance_desktop.cli.running import CommandFailed
from alliance_desktop.domain.passphrase import check_new_passphrase
from alliance_desktop.domain.vault_errors import VaultMissing, WrongPassphrase
from alliance_desktop.services.practice import Practice

PASSPHRASE_ENV = "ALLIANCE_PASSPHRASE"
PROMPT_ATTEMPTS = 3


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


def new_passphrase(args: argparse.Namespace, path: Path) -> str:
    given = given_passphrase(args)
    if given is not None:
        return check_new_passphrase(given)
    _require_terminal()
    first = getpass.getpass(f"New passphrase for {path} (at least 10 characters): ")
    check_new_passphrase(first)  # say it is too short before asking for it twice
    return check_new_passphrase(first, getpass.getpass("Type it again: "))


@contextmanager
def opened_practice(args: argparse.Namespace) -> Iterator[Practice]:
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
