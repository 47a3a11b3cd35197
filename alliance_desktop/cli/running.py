"""Running a command: every failure becomes one line on stderr and exit status 1."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeAlias

from alliance_desktop.cli.terminal_text import cleaned_output, printable
from alliance_desktop.domain.errors import InvalidInput, RecordNotFound
from alliance_desktop.domain.handover_errors import HandoverError
from alliance_desktop.domain.vault_errors import VaultError, VaultMissing

if TYPE_CHECKING:
    import argparse  # the window guards itself with this module and needs no grammar

PROGRAM = "alliance-desktop"

Handler: TypeAlias = "Callable[[argparse.Namespace], int]"


class CommandFailed(Exception):
    """A failure the command explains itself; str() is the line printed on stderr."""


def run_command(args: argparse.Namespace) -> int:
    handler: Handler = args.handler
    if getattr(args, "json", False):
        return handler(args)  # json.dumps has escaped every control character already
    with cleaned_output():
        return handler(args)


def guarded(action: Callable[[], int]) -> int:
    """Run `action`, turning any failure into one line on stderr and exit status 1."""
    try:
        return action()
    except VaultMissing as error:
        import shlex

        command = f"{PROGRAM} vault create --vault {shlex.quote(str(error.path))}"
        return _fail(f"There is no vault at {error.path}. Create one with: {command}")
    except (VaultError, HandoverError, InvalidInput, RecordNotFound, CommandFailed) as error:
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
    print(f"{PROGRAM}: {printable(' '.join(message.split()))}", file=sys.stderr)
    return 1


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
