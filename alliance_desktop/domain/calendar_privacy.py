"""How a client is named in calendars that leave the vault (the therapist's phone, a laptop)."""

from __future__ import annotations

import enum

DEFAULT_LABEL = "Session"


class CalendarNaming(enum.StrEnum):
    INITIALS = "initials"  # "Session · M.O."
    LABEL = "label"  # only the therapist's own label, e.g. "Client session"


def initials(name: str) -> str:
    """'Margaret Okonkwo-Lee' -> 'M.O.'; the hyphenated part counts as one surname."""
    return "".join(f"{word[0].upper()}." for word in name.split() if word[:1].isalpha())


def calendar_title(name: str, naming: CalendarNaming, label: str = DEFAULT_LABEL) -> str:
    label = label.strip() or DEFAULT_LABEL
    if naming is CalendarNaming.INITIALS and initials(name):
        return f"{label} · {initials(name)}"
    return label
