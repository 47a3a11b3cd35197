"""Handing a client's record over to the next clinician: who receives it, the client's consent,
what is included, and the record itself as one piece of data.

The handover folder holds a password-protected PDF for people, an encrypted FHIR R4 bundle for
software, the future sessions as a calendar and a manifest of file hashes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from alliance_desktop.domain.client import Client, ClientStatus, ConsentKind, ConsentRecord
from alliance_desktop.domain.ending import EndingPlan
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.goal import Goal
from alliance_desktop.domain.rupture import RuptureEntry
from alliance_desktop.domain.session import Session
from alliance_desktop.domain.signed_note import SignedNote
from alliance_desktop.domain.text_rules import LONG_TEXT_LIMIT, check_date, check_text


@dataclass(frozen=True)
class HandoverOptions:
    """What goes beyond the core record (profile, sessions, goals, check-ins, ending plan).

    Session notes (agenda and progress notes) and the rupture log are the clinician's own
    writing: they leave the practice only when ticked. Process notes are kept apart in the
    vault and are off unless ticked as well. The FHIR bundle is what the next clinician's
    software imports; leaving it out leaves only the PDF.
    """

    include_session_notes: bool = False
    include_ruptures: bool = False
    include_private_notes: bool = False
    include_fhir: bool = True

    def as_document(self) -> dict[str, bool]:
        """For the manifest: which parts were included (never what they said)."""
        return {
            "session_notes": self.include_session_notes,
            "ruptures": self.include_ruptures,
            "private_notes": self.include_private_notes,
            "fhir": self.include_fhir,
        }

    @classmethod
    def from_document(cls, document: dict[str, object]) -> HandoverOptions:
        return cls(
            include_session_notes=document.get("session_notes") is True,
            include_ruptures=document.get("ruptures") is True,
            include_private_notes=document.get("private_notes") is True,
            include_fhir=document.get("fhir") is True,
        )


@dataclass(frozen=True)
class HandoverDetails:
    """What the clinician records about the transfer itself."""

    receiver_name: str  # the receiving clinician
    handed_over_on: dt.date
    consent_given_on: dt.date  # the client's consent to this transfer
    consent_scope: str  # what the client agreed may be passed on
    reason: str  # why the client's care moves to someone else
    receiver_organisation: str = ""
    receiver_contact: str = ""

    @property
    def consent(self) -> ConsentRecord:
        return ConsentRecord(
            ConsentKind.HANDOVER_SHARING, self.consent_given_on, self.consent_scope
        )


def check_handover_details(details: HandoverDetails, today: dt.date) -> HandoverDetails:
    """Return the details with text trimmed, or raise InvalidInput with one message per field."""
    problems: dict[str, str] = {}
    check_text(
        problems, "receiver_name", "Receiving clinician", details.receiver_name, required=True
    )
    check_text(problems, "receiver_organisation", "Organisation", details.receiver_organisation)
    check_text(problems, "receiver_contact", "Contact", details.receiver_contact, limit=2000)
    check_text(
        problems,
        "consent_scope",
        "What the client agreed to share",
        details.consent_scope,
        required=True,
        limit=2000,
    )
    check_text(
        problems,
        "reason",
        "Reason for the transfer",
        details.reason,
        required=True,
        limit=LONG_TEXT_LIMIT,
    )
    check_date(problems, "handed_over_on", "Handover date", details.handed_over_on)
    check_date(problems, "consent_given_on", "Consent date", details.consent_given_on)
    if details.consent_given_on > today:
        problems["consent_given_on"] = "The client's consent cannot be dated in the future."
    elif details.consent_given_on > details.handed_over_on:
        problems["consent_given_on"] = (
            "The client's consent must be given on or before the handover date."
        )
    if problems:
        raise InvalidInput(problems)
    return HandoverDetails(
        receiver_name=details.receiver_name.strip(),
        handed_over_on=details.handed_over_on,
        consent_given_on=details.consent_given_on,
        consent_scope=details.consent_scope.strip(),
        reason=details.reason.strip(),
        receiver_organisation=details.receiver_organisation.strip(),
        receiver_contact=details.receiver_contact.strip(),
    )


@dataclass(frozen=True)
class ClientRecord:
    """One client's whole record as it leaves or enters the vault.

    Ids inside are the sending vault's (or, read from a bundle, numbers local to the bundle):
    they only tie sessions, goals and ruptures to each other and are replaced on import.
    """

    client: Client
    sessions: tuple[Session, ...] = ()  # oldest first, with check-ins; notes when included
    goals: tuple[Goal, ...] = ()  # board order: by column, then position
    ruptures: tuple[RuptureEntry, ...] = ()  # oldest first; empty unless included
    ending_plan: EndingPlan | None = None
    # Signed notes by session id, when notes are included: the original and its amendments.
    signed_notes: Mapping[int, SignedNote] = field(default_factory=dict)

    @property
    def gas_ratings(self) -> int:
        return sum(len(goal.ratings) for goal in self.goals)

    @property
    def check_ins(self) -> int:
        """Sessions with at least one check-in rating or questionnaire score."""
        return sum(1 for session in self.sessions if not session.check_in.is_empty)


@dataclass(frozen=True)
class HandoverFile:
    name: str
    size: int
    sha256: str


@dataclass(frozen=True)
class HandoverResult:
    """What an export wrote. The password is shown once and never stored in the vault."""

    client: Client  # as saved: now handed over
    handover_id: int
    folder: Path
    files: tuple[HandoverFile, ...]
    password: str = field(repr=False)
    future_sessions: int = 0  # in sessions.ics


@dataclass(frozen=True)
class Handover:
    """A handover as the vault remembers it (no password, no clinical content)."""

    id: int
    client_id: int
    details: HandoverDetails
    options: HandoverOptions
    files: tuple[HandoverFile, ...]
    status_before: ClientStatus  # what an undo restores
    recorded_at: dt.datetime
    undone_at: dt.datetime | None = None


@dataclass(frozen=True)
class SkippedResource:
    """Part of an incoming FHIR bundle the import leaves out, and why."""

    resource_type: str
    count: int
    reason: str


@dataclass(frozen=True)
class ImportPreview:
    """What an import would create, shown before anything is written."""

    client_name: str
    from_clinician: str
    exported_at: dt.datetime
    format_version: int
    options: HandoverOptions  # what the sending clinician included
    sessions: int
    future_sessions: int
    clashing_sessions: int  # future sessions that overlap ones already in this calendar
    goals: int
    gas_ratings: int
    check_ins: int
    ruptures: int
    has_ending_plan: bool
    same_name_clients: int = 0  # already in this vault under the same name (imported before?)
    skipped: tuple[SkippedResource, ...] = ()
