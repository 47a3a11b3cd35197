"""Handing a client's record over to the next clinician: who receives it, the client's consent,
what is included, and the record itself as one piece of data.

The handover folder holds a password-protected PDF for people, an encrypted FHIR R4 bundle for
software, the future sessions as a calendar and a manifest of file hashes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from alliance_desktop.domain.client import Client, ClientStatus, ConsentKind, ConsentRecord
from alliance_desktop.domain.ending import EndingPlan
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.goal import Goal
from alliance_desktop.domain.recurrence import SessionSeries
from alliance_desktop.domain.rupture import RuptureEntry
from alliance_desktop.domain.session import Session, SessionStatus
from alliance_desktop.domain.share_consent import (
    ShareCategory,
    format_share_scope,
    parse_share_scope,
)
from alliance_desktop.domain.signed_note import SignedNote
from alliance_desktop.domain.text_rules import LONG_TEXT_LIMIT, check_date, check_text

# The record beyond the clinician's own writing: shared whenever the client agreed to it.
CORE_CATEGORIES: frozenset[ShareCategory] = frozenset(
    {
        ShareCategory.SUMMARY,
        ShareCategory.GOALS,
        ShareCategory.SESSIONS,
        ShareCategory.MEASURES,
        ShareCategory.RISK,
    }
)


@dataclass(frozen=True)
class HandoverOptions:
    """Which categories of the record leave the practice (see domain/share_consent.py).

    Never more than the client agreed to share (`check_within_consent`), unless the clinician
    overrides it with a reason, which is logged; process notes always need the client's own
    consent to share them. The clinician may leave out more than the consent allows: progress
    notes, the rupture log and process notes are their own writing and go only when ticked.
    The FHIR bundle is what the next clinician's software imports; leaving it out leaves only
    the PDF.
    """

    categories: frozenset[ShareCategory] = CORE_CATEGORIES
    include_fhir: bool = True
    beyond_consent_reason: str = ""  # why the clinician goes beyond the consent (logged)

    @property
    def include_session_notes(self) -> bool:
        return ShareCategory.NOTES in self.categories

    @property
    def include_ruptures(self) -> bool:
        return ShareCategory.RUPTURES in self.categories

    @property
    def include_private_notes(self) -> bool:
        return ShareCategory.PROCESS_NOTES in self.categories

    def includes(self, category: ShareCategory) -> bool:
        return category in self.categories

    @property
    def left_out(self) -> tuple[ShareCategory, ...]:
        """The categories not in this handover, in their fixed order."""
        return tuple(c for c in ShareCategory if c not in self.categories)

    @property
    def included(self) -> tuple[ShareCategory, ...]:
        return tuple(c for c in ShareCategory if c in self.categories)

    def as_document(self) -> dict[str, object]:
        """For the manifest: which parts were included (never what they said, nor the reason
        for an override, which stays in the sender's vault)."""
        return {
            "categories": [c.value for c in self.included],
            "session_notes": self.include_session_notes,
            "ruptures": self.include_ruptures,
            "private_notes": self.include_private_notes,
            "fhir": self.include_fhir,
            "beyond_consent": bool(self.beyond_consent_reason),
        }

    @classmethod
    def from_document(cls, document: dict[str, object]) -> HandoverOptions:
        listed = document.get("categories")
        known = {c.value: c for c in ShareCategory}
        if isinstance(listed, list):
            categories = frozenset(known[v] for v in listed if isinstance(v, str) and v in known)
        else:  # written before categories: the core record plus what was ticked
            ticked = {
                ShareCategory.NOTES: document.get("session_notes") is True,
                ShareCategory.RUPTURES: document.get("ruptures") is True,
                ShareCategory.PROCESS_NOTES: document.get("private_notes") is True,
            }
            categories = CORE_CATEGORIES | {c for c, on in ticked.items() if on}
        reason = document.get("beyond_consent_reason")
        return cls(
            categories=categories,
            include_fhir=document.get("fhir") is True,
            beyond_consent_reason=reason if isinstance(reason, str) else "",
        )


def options_within_consent(
    consented: frozenset[ShareCategory],
    *,
    include_session_notes: bool = False,
    include_ruptures: bool = False,
    include_private_notes: bool = False,
    include_fhir: bool = True,
) -> HandoverOptions:
    """What a handover holds when the clinician stays within the consent: every consented
    category of the core record, and the clinician's own writing only when ticked."""
    ticked = {
        ShareCategory.NOTES: include_session_notes,
        ShareCategory.RUPTURES: include_ruptures,
        ShareCategory.PROCESS_NOTES: include_private_notes,
    }
    chosen = (consented & CORE_CATEGORIES) | {c for c, on in ticked.items() if on}
    return HandoverOptions(categories=frozenset(chosen), include_fhir=include_fhir)


def check_within_consent(
    options: HandoverOptions, consented: frozenset[ShareCategory]
) -> HandoverOptions:
    """The options, or InvalidInput when they go beyond what the client agreed to share.

    Going beyond needs the clinician's reason (the override is logged); process notes never go
    on an override, only with the client's own consent to share them.
    """
    beyond = options.categories - consented
    problems: dict[str, str] = {}
    if ShareCategory.PROCESS_NOTES in beyond:
        problems["process_notes"] = (
            "Process notes go to the next clinician only when the client agreed to share them; "
            "their consent does not include process notes, so they stay out."
        )
    overridden = beyond - {ShareCategory.PROCESS_NOTES}
    reason = options.beyond_consent_reason.strip()
    if overridden and not reason:
        named = listed_labels(tuple(c for c in ShareCategory if c in overridden))
        problems["beyond_consent_reason"] = (
            f"{named} go beyond what the client agreed to share. Leave them out, or give "
            "your reason for going beyond the consent."
        )
    elif len(reason) > LONG_TEXT_LIMIT:
        problems["beyond_consent_reason"] = "The reason for the override is too long."
    if problems:
        raise InvalidInput(problems)
    return replace(options, beyond_consent_reason=reason if overridden else "")


def listed_labels(categories: tuple[ShareCategory, ...]) -> str:
    """'Progress notes, rupture-and-repair log and private process notes': the labels in
    their fixed order, as one sentence part."""
    labels = [c.label for c in categories]
    if len(labels) <= 1:
        return "".join(labels)
    rest = [label[0].lower() + label[1:] for label in labels[1:]]
    return ", ".join([labels[0], *rest[:-1]]) + " and " + rest[-1]


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
    def consented(self) -> frozenset[ShareCategory]:
        """The categories the client agreed to share (the scope as checked: `all` or a list)."""
        return parse_share_scope(self.consent_scope)

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
    scope = details.consent_scope
    if "consent_scope" not in problems:
        try:
            scope = format_share_scope(parse_share_scope(details.consent_scope))
        except InvalidInput as error:
            problems.update(error.problems)
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
        consent_scope=scope,
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
    # (GAS rating id, session id): the session each rating was given in, where it was.
    rating_sessions: tuple[tuple[int, int], ...] = ()
    series: tuple[SessionSeries, ...] = ()  # the recurring appointments its sessions belong to

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
    handover_id: int | None  # None for a continuity copy, which records no handover
    folder: Path
    files: tuple[HandoverFile, ...]
    password: str = field(repr=False)
    future_sessions: int = 0  # in sessions.ics
    booked_ahead: int = 0  # the sender's own sessions with the client still to come


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
    status: ClientStatus = ClientStatus.INTAKE  # what the client becomes in this practice
    imported_before: tuple[str, ...] = ()  # when this very handover was imported already
    export_id: str = ""  # the sender's id for this handover


def receiving_status(record: ClientRecord, now: dt.datetime) -> ClientStatus:
    """What the client is in the receiving practice: active when sessions are booked with them
    from now on (the work goes on), otherwise intake (the new clinician starts by meeting
    them). Never the sender's "ending" or "handed over"."""
    booked = any(s.status is SessionStatus.SCHEDULED and s.start >= now for s in record.sessions)
    return ClientStatus.ACTIVE if booked else ClientStatus.INTAKE
