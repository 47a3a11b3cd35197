"""Composition root: parse the command line, then run a headless command or open the window.

Qt is imported only on the way to the window, so headless commands start fast and work on a
machine without a display.
"""

from __future__ import annotations

import sys
from pathlib import Path

from alliance_desktop.cli import CommandFailed, guarded, parse_arguments, run_command
from alliance_desktop.demo import ensure_demo_vault
from alliance_desktop.process_safety import disable_core_dumps
from alliance_desktop.services import vault_locations


def main(argv: list[str] | None = None) -> int:
    disable_core_dumps()  # before any passphrase exists in this process
    try:
        args = parse_arguments(argv)
    except SystemExit as exit_request:  # --help, --version and usage errors (status 2)
        code = exit_request.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    if args.handler is not None:
        return guarded(lambda: run_command(args))
    if args.demo:
        return guarded(open_demo)
    return guarded(lambda: open_window(args.vault))


def open_window(vault_path: Path | None, prefilled_passphrase: str | None = None) -> int:
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
        raise CommandFailed(problem)


if __name__ == "__main__":
    sys.exit(main())
