"""Where a command's passphrase comes from: --passphrase-file, ALLIANCE_PASSPHRASE, or a prompt
(a few tries) when a person is at the terminal."""

from __future__ import annotations

import argparse
import contextlib
import getpass
import importlib
import os
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from alliance_desktop.cli.running import CommandFailed
from alliance_desktop.domain.passphrase import check_new_passphrase
from alliance_desktop.domain.vault_errors import VaultMissing, WrongPassphrase

if TYPE_CHECKING:
    from alliance_desktop.services.practice import Practice

PASSPHRASE_ENV = "ALLIANCE_PASSPHRASE"
NEW_PASSPHRASE_ENV = "ALLIANCE_NEW_PASSPHRASE"
PROMPT_ATTEMPTS = 3

T = TypeVar("T")


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
    if "\x00" in first_line:
        raise CommandFailed(
            f"The passphrase file {path} holds a NUL character; put the passphrase on its first "
            "line as plain text."
        )
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


def require_new_passphrase_source() -> None:
    """Fail before unlocking anything when a new passphrase can be neither read nor asked for."""
    if not os.environ.get(NEW_PASSPHRASE_ENV) and not _is_interactive():
        raise CommandFailed(
            f"No new passphrase given: set {NEW_PASSPHRASE_ENV} "
            "(or run the command in a terminal to be asked)."
        )


def replacement_passphrase(path: Path) -> tuple[str, str | None]:
    """The new passphrase from ALLIANCE_NEW_PASSPHRASE, or typed twice at the terminal:
    (passphrase, the second typing or None)."""
    given = os.environ.get(NEW_PASSPHRASE_ENV)
    if given:
        return check_new_passphrase(given), None
    require_new_passphrase_source()
    first = getpass.getpass(f"New passphrase for {path} (at least 10 characters): ")
    check_new_passphrase(first)  # say it is too short before asking for it twice
    return first, getpass.getpass("Type the new passphrase again: ")


@contextmanager
def opened_practice(args: argparse.Namespace) -> Iterator[Practice]:
    """Unlock the vault named by --vault; on a terminal, offer a few tries at the passphrase."""
    with unlocked_practice(args) as (practice, _):
        yield practice


@contextmanager
def unlocked_practice(args: argparse.Namespace) -> Iterator[tuple[Practice, str]]:
    """Like `opened_practice`, also yielding the passphrase that unlocked the vault."""
    path: Path = args.vault
    if not path.exists():
        raise VaultMissing(path)
    practice, passphrase = with_passphrase(args, path, lambda typed: _open_practice(path, typed))
    try:
        yield practice, passphrase
    finally:
        practice.close()


def _open_practice(path: Path, passphrase: str) -> Practice:
    """`Practice.open`, with the schema, the audit chain and the use cases loading on a second
    thread while this one derives the key (SQLCipher lets go of the GIL meanwhile): a command
    costs little more than the unlock itself. Opening a vault loads those only after the key
    (vault/opening.py), so the two threads never wait on one module."""
    from alliance_desktop.services.unlocking import open_practice

    loading = threading.Thread(target=_load_use_cases, name="load use cases", daemon=True)
    try:
        # Started as the key derivation starts, not before: the vault's own checks come first.
        return open_practice(path, passphrase, deriving=loading.start)
    finally:
        if loading.is_alive():
            loading.join()


def _load_use_cases() -> None:
    with contextlib.suppress(ImportError):  # raised again, in words, on the main thread
        for module in (
            "alliance_desktop.vault.schema",
            "alliance_desktop.vault.audit_chain",
            "alliance_desktop.services.practice",
        ):
            importlib.import_module(module)


def with_passphrase(
    args: argparse.Namespace, path: Path, attempt: Callable[[str], T]
) -> tuple[T, str]:
    """`attempt(passphrase)` with the given passphrase, or with one typed at the terminal (a
    few tries while it raises WrongPassphrase); returns its result and the passphrase used."""
    given = given_passphrase(args)
    if given is not None:
        return attempt(given), given
    _require_terminal()
    for tries in range(1, PROMPT_ATTEMPTS + 1):
        typed = getpass.getpass(f"Passphrase for {path}: ")
        try:
            return attempt(typed), typed
        except WrongPassphrase:
            if tries == PROMPT_ATTEMPTS:
                raise
            print("Wrong passphrase; try again.", file=sys.stderr)
    raise AssertionError("unreachable")
