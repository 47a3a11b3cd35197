"""Headless commands. DESIGN.md "Command line" is a contract that scripts rely on.

Every command returns an exit code: 0 on success, 1 with one line on stderr on failure (never a
traceback), 2 for usage errors (argparse). Nothing here imports Qt.
"""

from __future__ import annotations

from alliance_desktop.cli.parser import build_parser, parse_arguments
from alliance_desktop.cli.running import CommandFailed, guarded, run_command

__all__ = ["CommandFailed", "build_parser", "guarded", "parse_arguments", "run_command"]
