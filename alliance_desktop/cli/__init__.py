"""Headless commands. DESIGN.md "Command line" is a contract that scripts rely on.

Every command returns an exit code: 0 on success, 1 with one line on stderr on failure (never a
traceback), 2 for usage errors (argparse). Nothing here imports Qt.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from alliance_desktop.cli.parser import build_parser, parse_arguments
    from alliance_desktop.cli.running import CommandFailed, guarded, run_command

__all__ = ["CommandFailed", "build_parser", "guarded", "parse_arguments", "run_command"]


def __getattr__(name: str) -> Any:
    """Load the grammar (and with it every command) only when asked for: opening the window
    needs `cli.running` alone, and --version nothing."""
    if name in ("build_parser", "parse_arguments"):
        from alliance_desktop.cli import parser

        return getattr(parser, name)
    if name in ("CommandFailed", "guarded", "run_command"):
        from alliance_desktop.cli import running

        return getattr(running, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
