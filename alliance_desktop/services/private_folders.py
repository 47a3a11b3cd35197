"""Folders the app makes are private (0700) whatever the umask: `mkdir(mode=0o700)` is cut by
the umask only for the last folder, and `parents=True` makes every missing folder above it with
the default 0777 & ~umask, which under umask 0 is open to everyone."""

from __future__ import annotations

from alliance_desktop.vault.private_folders import make_private_folder

__all__ = ["make_private_folder"]
