"""Composition root: parse the command line, then run a headless command or open the window.

Qt is imported only on the way to the window, so headless commands start fast and work on a
machine without a display.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import NoReturn

from alliance_desktop import __version__

PROGRAM = "alliance-desktop"  # as cli.running.PROGRAM; kept here so --version imports nothing


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    if arguments == ["--version"]:
        # Answered before anything else loads: scripts and packagers call it to probe the app.
        print(f"{PROGRAM} {__version__}")
        return 0
    from alliance_desktop.process_safety import disable_core_dumps

    disable_core_dumps()  # before any passphrase exists in this process
    plain_window, vault = _plain_window_request(arguments)
    if plain_window:
        # Opening the window on a vault needs none of the commands' grammar: skip loading it.
        from alliance_desktop.cli.running import guarded

        return guarded(lambda: open_window(vault))
    from alliance_desktop.cli import guarded, parse_arguments, run_command

    try:
        args = parse_arguments(argv)
    except SystemExit as exit_request:  # --help, --version and usage errors (status 2)
        code = exit_request.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    if args.handler is not None:
        code = guarded(lambda: run_command(args))
        if argv is None:  # run as the program (not called by a test): nothing more to do
            _leave_now(code)
        return code
    if args.demo:
        return guarded(open_demo)
    return guarded(lambda: open_window(args.vault))


def _leave_now(code: int) -> NoReturn:
    """End a finished command without Python's teardown of every module it loaded (a tenth of
    a `clients list`). Safe here: the vault is closed and every file written is closed, by the
    command's own `with` blocks; only what is buffered for the terminal is left to flush."""
    import contextlib
    import logging

    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        # A reader that went away (`| head`) or a stream already closed: nothing to flush to.
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)


def _plain_window_request(arguments: list[str]) -> tuple[bool, Path | None]:
    """Whether the command line is a bare `alliance-desktop [--vault PATH]`, and the vault
    (None: the default one). Anything else goes through the full command-line parser."""
    if not arguments:
        return True, None
    if len(arguments) == 2 and arguments[0] == "--vault":
        text = arguments[1]
        if text and not text.startswith("-"):
            return True, Path(text).expanduser()
    return False, None


def open_window(vault_path: Path | None, prefilled_passphrase: str | None = None) -> int:
    from alliance_desktop.cli import CommandFailed

    _require_display()
    try:
        from alliance_desktop.ui.app import run_gui
    except ImportError as error:  # e.g. a missing system library Qt needs
        raise CommandFailed(f"Cannot open the window: {error}.") from None
    exit_code: int = run_gui(vault_path, prefilled_passphrase=prefilled_passphrase)
    return exit_code


def open_demo() -> int:
    """Create the demo practice on first use, say where it is and its passphrase, open it."""
    _require_display()
    from alliance_desktop.demo import ensure_demo_vault
    from alliance_desktop.services import vault_locations

    path = vault_locations.default_demo_vault_path()
    passphrase = vault_locations.DEMO_PASSPHRASE
    created = ensure_demo_vault(path, passphrase)
    note = " (created now; every record in it is fictional)" if created else ""
    print(f"Demo practice: {path}{note}")
    print(f"Passphrase: {passphrase}", flush=True)
    return open_window(path, prefilled_passphrase=passphrase)


def _require_display() -> None:
    """Say "no display found" in words; Qt would abort the process with a core dump."""
    from alliance_desktop.display_check import display_problem

    problem = display_problem()
    if problem is not None:
        from alliance_desktop.cli import CommandFailed

        raise CommandFailed(problem)


if __name__ == "__main__":
    sys.exit(main())
