"""Entry point PyInstaller freezes: the same `main` the `alliance-desktop` script runs."""

from __future__ import annotations

import sys

from alliance_desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
