"""The computer's time zone by its IANA name (e.g. Europe/London), for calendar files.

Session times are kept as the diary's own wall-clock times; a calendar file gives them this zone
so a receiver elsewhere, or a laptop that travels, shows the right hour.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_LOCALTIME = Path("/etc/localtime")
_TIMEZONE_FILE = Path("/etc/timezone")


def local_zone() -> ZoneInfo | None:
    """The zone by name, or None when the computer does not say (files then use UTC)."""
    for name in _candidate_names():
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            continue
    return None


def _candidate_names() -> list[str]:
    names: list[str] = []
    from_environment = os.environ.get("TZ", "").lstrip(":").strip()
    if from_environment:
        # TZ names the zone whenever it is set; a POSIX rule such as "EST5EDT" is tried too.
        return [from_environment]
    try:
        target = str(_LOCALTIME.resolve())
    except OSError:
        target = ""
    if "zoneinfo/" in target:
        names.append(target.split("zoneinfo/", 1)[1])
    with contextlib.suppress(OSError):
        names.append(_TIMEZONE_FILE.read_text(encoding="utf-8").strip())
    return [name for name in names if name]
