"""Signed progress notes: nothing rewritten, everything dated.

A session's note is signed when the session is closed (attended, with a note saved) or when
the clinician signs it. From then on a change does not replace it: it is a dated amendment,
and the note shows as the original with each amendment after it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class NoteVersion:
    note: str
    signed_at: dt.datetime


@dataclass(frozen=True)
class SignedNote:
    """Every signed version of one session's note, oldest first (empty: not signed yet)."""

    session_id: int
    versions: tuple[NoteVersion, ...] = ()

    @property
    def is_signed(self) -> bool:
        return bool(self.versions)

    @property
    def original(self) -> NoteVersion | None:
        return self.versions[0] if self.versions else None

    @property
    def amendments(self) -> tuple[NoteVersion, ...]:
        return self.versions[1:]

    @property
    def current(self) -> str | None:
        return self.versions[-1].note if self.versions else None


def should_sign(attended: bool, note: str, already_signed: bool) -> bool:
    """Closing a session signs its note: attended, and something written."""
    return attended and bool(note.strip()) and not already_signed


def version_heading(index: int, version: NoteVersion) -> str:
    """ "Signed 3 Mar 2026, 16:40" for the original; "Amendment 1, 4 Mar 2026, 10:05" after."""
    when = f"{version.signed_at.day} {version.signed_at:%b %Y, %H:%M}"
    return f"Signed {when}" if index == 0 else f"Amendment {index}, {when}"
