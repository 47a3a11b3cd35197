"""Clients: who they are, what matters to them, and what they consented to."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field, replace

from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.text_rules import (
    LONG_TEXT_LIMIT,
    check_date,
    check_email,
    check_text,
)


class ClientStatus(enum.StrEnum):
    INTAKE = "intake"
    ACTIVE = "active"
    ENDING = "ending"
    ENDED = "ended"
    HANDED_OVER = "handed_over"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    ClientStatus.INTAKE: "Intake",
    ClientStatus.ACTIVE: "Active",
    ClientStatus.ENDING: "Ending",
    ClientStatus.ENDED: "Ended",
    ClientStatus.HANDED_OVER: "Handed over",
}


class ConsentKind(enum.StrEnum):
    INFORMED_CONSENT = "informed_consent"
    HANDOVER_SHARING = "handover_sharing"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _CONSENT_LABELS[self]


_CONSENT_LABELS = {
    ConsentKind.INFORMED_CONSENT: "Informed consent to therapy",
    ConsentKind.HANDOVER_SHARING: "Consent to share a handover",
    ConsentKind.OTHER: "Other consent",
}


@dataclass(frozen=True)
class ConsentRecord:
    kind: ConsentKind
    given_on: dt.date
    scope: str = ""
    withdrawn_on: dt.date | None = None
    # Informed consent only: the limits of confidentiality were explained (schema 11).
    limits_explained: bool = False


@dataclass(frozen=True)
class ContactDetails:
    email: str = ""
    phone: str = ""
    address: str = ""
    emergency_contact: str = ""


@dataclass(frozen=True)
class Client:
    name: str
    id: int | None = None
    preferred_name: str = ""
    pronouns: str = ""
    date_of_birth: dt.date | None = None
    contact: ContactDetails = field(default_factory=ContactDetails)
    referral_source: str = ""
    start_date: dt.date | None = None
    status: ClientStatus = ClientStatus.INTAKE
    values: tuple[str, ...] = ()
    concerns: tuple[str, ...] = ()
    consents: tuple[ConsentRecord, ...] = ()
    archived_on: dt.date | None = None

    @property
    def display_name(self) -> str:
        return display_name(self.name, self.preferred_name)

    @property
    def is_archived(self) -> bool:
        return self.archived_on is not None


@dataclass(frozen=True)
class ClientSummary:
    """One row of the client list: enough to find and recognise a client, nothing clinical."""

    id: int
    name: str
    preferred_name: str
    status: ClientStatus
    start_date: dt.date | None
    archived: bool

    @property
    def display_name(self) -> str:
        return display_name(self.name, self.preferred_name)


def display_name(name: str, preferred_name: str) -> str:
    """'Margaret Lee (Maggie)': the preferred name is shown only when it adds something."""
    if preferred_name and preferred_name.casefold() not in name.casefold().split():
        return f"{name} ({preferred_name})"
    return name


def check_client(client: Client, today: dt.date | None = None) -> Client:
    """Return the client with text trimmed and empty list entries dropped, or raise InvalidInput."""
    problems: dict[str, str] = {}
    check_text(problems, "name", "Name", client.name, required=True)
    check_text(problems, "preferred_name", "Preferred name", client.preferred_name)
    check_text(problems, "pronouns", "Pronouns", client.pronouns)
    check_text(problems, "referral_source", "Referral source", client.referral_source)
    check_text(problems, "contact.phone", "Phone", client.contact.phone)
    check_text(problems, "contact.address", "Address", client.contact.address, limit=2000)
    check_text(
        problems,
        "contact.emergency_contact",
        "Emergency contact",
        client.contact.emergency_contact,
        limit=2000,
    )
    check_email(problems, "contact.email", client.contact.email)
    check_date(problems, "date_of_birth", "Date of birth", client.date_of_birth)
    check_date(problems, "start_date", "Start date", client.start_date)
    if client.date_of_birth is not None and client.date_of_birth > (today or dt.date.today()):
        problems["date_of_birth"] = "Date of birth cannot be in the future."
    for index, value in enumerate(client.values):
        check_text(problems, f"values.{index}", "A value", value, limit=LONG_TEXT_LIMIT)
    for index, concern in enumerate(client.concerns):
        check_text(problems, f"concerns.{index}", "A concern", concern, limit=LONG_TEXT_LIMIT)
    for index, consent in enumerate(client.consents):
        _check_consent(problems, f"consents.{index}", consent)
    if problems:
        raise InvalidInput(problems)
    return replace(
        client,
        name=client.name.strip(),
        preferred_name=client.preferred_name.strip(),
        pronouns=client.pronouns.strip(),
        referral_source=client.referral_source.strip(),
        contact=ContactDetails(
            email=client.contact.email.strip(),
            phone=client.contact.phone.strip(),
            address=client.contact.address.strip(),
            emergency_contact=client.contact.emergency_contact.strip(),
        ),
        values=_kept_entries(client.values),
        concerns=_kept_entries(client.concerns),
    )


def _check_consent(problems: dict[str, str], field_name: str, consent: ConsentRecord) -> None:
    check_date(problems, f"{field_name}.given_on", "Consent date", consent.given_on)
    check_date(problems, f"{field_name}.withdrawn_on", "Withdrawal date", consent.withdrawn_on)
    check_text(problems, f"{field_name}.scope", "Consent scope", consent.scope, limit=2000)
    if consent.withdrawn_on is not None and consent.withdrawn_on < consent.given_on:
        problems[f"{field_name}.withdrawn_on"] = (
            "Consent cannot be withdrawn before the date it was given."
        )


def _kept_entries(entries: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(entry.strip() for entry in entries if entry.strip())
