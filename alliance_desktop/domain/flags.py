"""Flags: something in a client's record a clinician should look at, each saying why.

The type is general on purpose: alliance flags (check-ins, ruptures) are one source, and other
rules (risk reviews, consent) can raise flags of their own kinds through the same card, count
and acknowledgements.

A flag rests on evidence (`evidence`: e.g. the latest rating it read, or a rupture and its
follow-up date). An acknowledgement is keyed by kind + client + evidence, so it holds for as
long as nothing changes and the flag comes back by itself when a new rating or entry arrives.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from alliance_desktop.domain.errors import InvalidInput

ACKNOWLEDGEMENT_NOTE_MAX = 500


@dataclass(frozen=True)
class Flag:
    kind: str  # e.g. an alliance FlagKind value; other rules bring their own kinds
    client_id: int
    explanation: str  # a whole sentence, naming whose rating or which entry it read
    since: dt.date  # the date of the evidence (the rating, the rupture, the passed follow-up)
    evidence: str  # what the flag rests on; a change here means "things changed"
    rupture_id: int | None = None

    @property
    def key(self) -> FlagKey:
        return FlagKey(self.kind, self.client_id, self.evidence)


@dataclass(frozen=True)
class FlagKey:
    kind: str
    client_id: int
    evidence: str


@dataclass(frozen=True)
class FlagAcknowledgement:
    """The clinician has seen a flag and noted what they will do (or why it can wait)."""

    kind: str
    client_id: int
    evidence: str
    note: str
    acknowledged_at: dt.datetime
    id: int | None = None

    @property
    def key(self) -> FlagKey:
        return FlagKey(self.kind, self.client_id, self.evidence)


def check_acknowledgement(acknowledgement: FlagAcknowledgement) -> FlagAcknowledgement:
    note = acknowledgement.note.strip()
    if len(note) > ACKNOWLEDGEMENT_NOTE_MAX:
        raise InvalidInput(
            {"note": f"Keep the note to {ACKNOWLEDGEMENT_NOTE_MAX} characters (got {len(note)})."}
        )
    if "\x00" in note:
        raise InvalidInput({"note": "The note contains a character that cannot be stored."})
    return FlagAcknowledgement(
        acknowledgement.kind,
        acknowledgement.client_id,
        acknowledgement.evidence,
        note,
        acknowledgement.acknowledged_at,
        acknowledgement.id,
    )


@dataclass(frozen=True)
class FlagState:
    """A flag as shown: with its acknowledgement when the clinician has seen it."""

    flag: Flag
    acknowledgement: FlagAcknowledgement | None = None

    @property
    def needs_attention(self) -> bool:
        return self.acknowledgement is None


def with_acknowledgements(
    flags: Sequence[Flag], acknowledgements: Iterable[FlagAcknowledgement]
) -> list[FlagState]:
    """Each flag with the acknowledgement of exactly its evidence, if there is one. An
    acknowledgement of older evidence (an earlier rating) no longer applies."""
    by_key = {ack.key: ack for ack in acknowledgements}
    return [FlagState(flag, by_key.get(flag.key)) for flag in flags]
