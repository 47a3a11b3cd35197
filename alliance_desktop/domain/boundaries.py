"""The client's boundaries and preferences: what they are not ready to talk about yet, the pace
and depth they want, how they like sessions to run, and the values to keep in view.

Agreed with the client and shown before a session and before the note is written. Every save
is a new dated version, so the record shows when a preference changed.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, replace

from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.text_rules import check_date, check_text

ENTRY_LIMIT = 500
TEXT_LIMIT = 4000


class SessionStructure(enum.StrEnum):
    NO_PREFERENCE = "no_preference"
    CONVERSATIONAL = "conversational"
    STRUCTURED = "structured"

    @property
    def label(self) -> str:
        return _STRUCTURE_LABELS[self]


_STRUCTURE_LABELS = {
    SessionStructure.NO_PREFERENCE: "No preference stated",
    SessionStructure.CONVERSATIONAL: "Conversational",
    SessionStructure.STRUCTURED: "Structured (agenda, exercises, homework)",
}


@dataclass(frozen=True)
class ClientBoundaries:
    client_id: int
    changed_on: dt.date
    topics_not_yet: tuple[str, ...] = ()
    # The client will say when a topic is open; the clinician does not raise it first.
    ready_when_i_say: bool = False
    pace_and_depth: str = ""
    structure: SessionStructure = SessionStructure.NO_PREFERENCE
    values_to_include: tuple[str, ...] = ()
    anything_else: str = ""
    id: int | None = None

    @property
    def is_empty(self) -> bool:
        return not (
            self.topics_not_yet
            or self.pace_and_depth
            or self.structure is not SessionStructure.NO_PREFERENCE
            or self.values_to_include
            or self.anything_else
        )


def check_boundaries(boundaries: ClientBoundaries) -> ClientBoundaries:
    problems: dict[str, str] = {}
    check_date(problems, "changed_on", "Date", boundaries.changed_on)
    for index, topic in enumerate(boundaries.topics_not_yet):
        check_text(problems, f"topics_not_yet.{index}", "A topic", topic, limit=ENTRY_LIMIT)
    for index, value in enumerate(boundaries.values_to_include):
        check_text(problems, f"values_to_include.{index}", "A value", value, limit=ENTRY_LIMIT)
    check_text(
        problems, "pace_and_depth", "Pace and depth", boundaries.pace_and_depth, limit=TEXT_LIMIT
    )
    check_text(
        problems, "anything_else", "Anything else", boundaries.anything_else, limit=TEXT_LIMIT
    )
    if problems:
        raise InvalidInput(problems)
    return replace(
        boundaries,
        topics_not_yet=_kept(boundaries.topics_not_yet),
        values_to_include=_kept(boundaries.values_to_include),
        pace_and_depth=boundaries.pace_and_depth.strip(),
        anything_else=boundaries.anything_else.strip(),
    )


def boundary_lines(boundaries: ClientBoundaries) -> list[tuple[str, str]]:
    """(label, text) pairs for a compact card; only what was filled in."""
    lines = []
    if boundaries.topics_not_yet:
        topics = "; ".join(boundaries.topics_not_yet)
        if boundaries.ready_when_i_say:
            topics += " (the client will say when they are ready)"
        lines.append(("Not yet", topics))
    if boundaries.pace_and_depth:
        lines.append(("Pace and depth", boundaries.pace_and_depth))
    if boundaries.structure is not SessionStructure.NO_PREFERENCE:
        lines.append(("Structure", boundaries.structure.label))
    if boundaries.values_to_include:
        lines.append(("Values to include", "; ".join(boundaries.values_to_include)))
    if boundaries.anything_else:
        lines.append(("Also", boundaries.anything_else))
    return lines


def _kept(entries: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(entry.strip() for entry in entries if entry.strip())
