"""Is there a screen to open a window on? Asked before Qt is imported, because Qt without a
display aborts the process (a core dump) with a message about a missing library instead.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

# Platforms that draw without a display server (tests, screenshots, kiosks).
_HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc", "linuxfb", "eglfs", "vkkhrdisplay")

NO_DISPLAY = (
    "No display found: the window needs a desktop session (DISPLAY or WAYLAND_DISPLAY is not "
    "set). Run it from your desktop, or use the command-line commands (see --help)."
)


def display_problem(
    environ: Mapping[str, str] | None = None,
    platform: str = sys.platform,
    x11_sockets: Path = Path("/tmp/.X11-unix"),
) -> str | None:
    """A sentence saying why no window can open here, or None when one can (or may)."""
    env = os.environ if environ is None else environ
    if not platform.startswith("linux"):
        return None  # Windows and macOS always have their own window system
    requested = env.get("QT_QPA_PLATFORM", "").split(":")[0].strip()
    if requested.startswith(_HEADLESS_PLATFORMS):
        return None
    if env.get("WAYLAND_DISPLAY"):
        return None
    display = env.get("DISPLAY", "")
    if not display:
        return NO_DISPLAY
    host, _, number = display.partition(":")
    local_number = number.split(".")[0]
    if host in ("", "unix") and local_number.isdigit():
        socket = x11_sockets / f"X{local_number}"
        if not socket.exists():
            return (
                f"No display found: DISPLAY is {display}, but no X server is listening there. "
                "Run it from your desktop session."
            )
    return None
