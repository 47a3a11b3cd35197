"""The demo practice's profile and clients: every status, names in many scripts, and the
contact details and consents a real client record has.

Everything here is invented. Phone numbers are in Ofcom's range reserved for drama
(07700 900xxx, 020 7946 0xxx), e-mail addresses use example.org, towns do not exist.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, replace

from alliance_desktop.demo.client_text import (
    AGE_RANGES,
    CONCERNS,
    EMERGENCY_RELATIONS,
    FAMILY_NAMES,
    GIVEN_NAMES,
    HANDOVER_RECIPIENTS,
    REFERRAL_SOURCES,
    SHOWCASE_CLIENTS,
    STREETS,
    TOWNS,
    VALUES,
)
from alliance_desktop.domain.client import (
    Client,
    ClientStatus,
    ConsentKind,
    ConsentRecord,
    ContactDetails,
)
from alliance_desktop.domain.client_search import search_key
from alliance_desktop.domain.crisis_contacts import CrisisContact
from alliance_desktop.domain.practice_profile import PracticeProfile
from alliance_desktop.domain.share_consent import ShareCategory, format_share_scope

# How a large practice's caseload spreads over the statuses (the showcase clients come first).
_STATUS_WEIGHTS = {
    ClientStatus.INTAKE: 8,
    ClientStatus.ACTIVE: 50,
    ClientStatus.ENDING: 10,
    ClientStatus.ENDED: 24,
    ClientStatus.HANDED_OVER: 8,
}
# (earliest, latest) days before today that a client with this status started.
_START_DAYS_AGO = {
    ClientStatus.INTAKE: (2, 21),
    ClientStatus.ACTIVE: (30, 540),
    ClientStatus.ENDING: (240, 720),
    ClientStatus.ENDED: (365, 1460),
    ClientStatus.HANDED_OVER: (365, 1460),
}
_FINISHED = (ClientStatus.ENDED, ClientStatus.HANDED_OVER)
# With a long history (the large practice) everyone but new referrals started years ago, as
# (earliest, latest) fractions of the history; finished clients ended within the last 18 months.
_LONG_START_SHARE = (0.75, 1.0)
_LONG_ENDED_DAYS_AGO = (14, 540)
_INFORMED_CONSENT_SCOPE = (
    "Therapy sessions and notes kept by this practice; letters to the GP only with permission."
)


def demo_profile() -> PracticeProfile:
    return PracticeProfile(
        clinician_name="Dr Rosalind Achterberg-Nwosu",
        credentials="DPsych, Counselling Psychologist",
        practice_name="Harbour Lane Therapy (demo practice)",
        address="3 Harbour Lane\nEasthaven EH4 0QT",
        phone="+44 20 7946 0018",
        email="rosalind@harbourlane.example.org",
        website="https://harbourlane.example.org",
        default_session_minutes=50,
        crisis_contacts=(
            CrisisContact("Samaritans, to talk to someone", "116 123", "24 hours, every day"),
            CrisisContact("NHS 111, mental health option", "111, then option 2", "24 hours"),
            CrisisContact("Emergency services, if you are in danger now", "999", "Any time"),
        ),
    )


@dataclass(frozen=True)
class CaseloadEntry:
    client: Client
    ended_on: dt.date | None  # the last session of a client who has finished


def demo_clients(rng: random.Random, count: int, today: dt.date) -> list[Client]:
    """The showcase clients first (every status, tricky names), then generated ones."""
    return [entry.client for entry in demo_caseload(rng, count, today)]


def demo_caseload(
    rng: random.Random, count: int, today: dt.date, history_days: int | None = None
) -> list[CaseloadEntry]:
    """The clients with the date each finished client ended. `history_days` stretches every
    course of therapy back over that many days (the large practice's ten years)."""
    clients: list[CaseloadEntry] = []
    used_names: set[str] = set()
    for index in range(count):
        if index < len(SHOWCASE_CLIENTS):
            spec = SHOWCASE_CLIENTS[index]
            name, preferred, pronouns = spec.name, spec.preferred_name, spec.pronouns
            status, archived = spec.status, spec.archived
        else:
            name, pronouns = _new_name(rng, used_names)
            preferred = ""
            status = rng.choices(list(_STATUS_WEIGHTS), list(_STATUS_WEIGHTS.values()))[0]
            archived = status in _FINISHED and rng.random() < 0.4
        used_names.add(name)
        person = (name, preferred, pronouns)
        clients.append(_client(rng, index, person, status, archived, today, history_days))
    return clients


def started_on(client: Client, day: dt.date) -> Client:
    """The client with a new start date, their informed consent given that day."""
    consents = tuple(
        replace(consent, given_on=day) if consent.kind is ConsentKind.INFORMED_CONSENT else consent
        for consent in client.consents
    )
    return replace(client, start_date=day, consents=consents)


def _client(
    rng: random.Random,
    index: int,
    person: tuple[str, str, str],
    status: ClientStatus,
    archived: bool,
    today: dt.date,
    history_days: int | None,
) -> CaseloadEntry:
    name, preferred_name, pronouns = person
    earliest, latest = _START_DAYS_AGO[status]
    if history_days is not None and status is not ClientStatus.INTAKE:
        earliest, latest = (int(share * history_days) for share in _LONG_START_SHARE)
    start = today - dt.timedelta(days=rng.randint(earliest, latest))
    age = rng.randint(19 if history_days is None else 30, 78)  # adults when they started
    date_of_birth = (
        None if rng.random() < 0.1 else today - dt.timedelta(days=age * 365 + rng.randint(0, 364))
    )
    ended_on = _end_date(rng, status, start, today, history_days is not None)
    archived_on = (
        min(today, ended_on + dt.timedelta(days=rng.randint(30, 200)))
        if archived and ended_on is not None
        else None
    )
    client = Client(
        name=name,
        preferred_name=preferred_name,
        pronouns=pronouns,
        date_of_birth=date_of_birth,
        contact=_contact(rng, index, name, preferred_name),
        referral_source=rng.choice(REFERRAL_SOURCES),
        start_date=start,
        status=status,
        values=tuple(_phrases(rng, VALUES, age)),
        concerns=tuple(
            concern.format(year=start.year, earlier=start.year - rng.randint(1, 3))
            for concern in _phrases(rng, CONCERNS, age)
        ),
        consents=_consents(rng, status, start, ended_on, today),
        archived_on=archived_on,
    )
    return CaseloadEntry(client, ended_on)


def _phrases(rng: random.Random, pool: tuple[str, ...], age: int) -> list[str]:
    """One to three phrases from the pool that suit a client of this age."""
    fitting = []
    for phrase in pool:
        youngest, oldest = AGE_RANGES.get(phrase, (0, 200))
        if youngest <= age <= oldest:
            fitting.append(phrase)
    return rng.sample(fitting, rng.randint(1, 3))


def _new_name(rng: random.Random, used: set[str]) -> tuple[str, str]:
    while True:
        given, pronouns = rng.choice(GIVEN_NAMES)
        family = rng.choice(FAMILY_NAMES)
        if rng.random() < 0.1:
            family = f"{family}-{rng.choice(FAMILY_NAMES)}"
        name = f"{given} {family}"
        if name not in used:
            return name, pronouns if rng.random() < 0.85 else ""


def _end_date(
    rng: random.Random, status: ClientStatus, start: dt.date, today: dt.date, long: bool
) -> dt.date | None:
    if status not in _FINISHED:
        return None
    if long:
        return today - dt.timedelta(days=rng.randint(*_LONG_ENDED_DAYS_AGO))
    return min(today - dt.timedelta(days=14), start + dt.timedelta(days=rng.randint(90, 540)))


def _consents(
    rng: random.Random,
    status: ClientStatus,
    start: dt.date,
    ended_on: dt.date | None,
    today: dt.date,
) -> tuple[ConsentRecord, ...]:
    if status is ClientStatus.INTAKE and rng.random() < 0.5:
        return ()  # the consent form went out with the welcome letter and is not back yet
    consents = [informed_consent(start)]
    recorded_from = start + dt.timedelta(days=rng.randint(7, 60))
    if rng.random() < 0.2 and recorded_from <= today:
        withdrawal = recorded_from + dt.timedelta(days=rng.randint(30, 90))
        withdrawn = withdrawal if rng.random() < 0.3 and withdrawal <= today else None
        consents.append(
            ConsentRecord(
                ConsentKind.OTHER,
                recorded_from,
                "Audio recording of sessions for clinical supervision; deleted after review.",
                withdrawn_on=withdrawn,
            )
        )
    if status is ClientStatus.HANDED_OVER and ended_on is not None:
        given_on = ended_on - dt.timedelta(days=rng.randint(7, 21))
        rng.choice(HANDOVER_RECIPIENTS)  # drawn as before, so the rest of the demo is unchanged
        consents.append(
            ConsentRecord(
                ConsentKind.HANDOVER_SHARING,
                given_on,
                # Consent to share is named categories (domain/share_consent.py).
                format_share_scope(
                    frozenset({ShareCategory.SUMMARY, ShareCategory.GOALS, ShareCategory.RISK})
                ),
            )
        )
    return tuple(consents)


def informed_consent(start: dt.date) -> ConsentRecord:
    """Given at the first session, with the limits of confidentiality explained."""
    return ConsentRecord(
        ConsentKind.INFORMED_CONSENT, start, _INFORMED_CONSENT_SCOPE, limits_explained=True
    )


def _contact(rng: random.Random, index: int, name: str, preferred_name: str) -> ContactDetails:
    parts = name.split()
    local = ".".join(
        part for part in (_ascii(preferred_name or parts[0]), _ascii(parts[-1])) if part
    )
    email = f"{local or f'client{index + 1}'}@example.org" if rng.random() < 0.9 else ""
    emergency = ""
    if rng.random() < 0.7:
        contact_name, contact_pronouns = rng.choice(GIVEN_NAMES)
        relations = EMERGENCY_RELATIONS.get(contact_pronouns, EMERGENCY_RELATIONS[""])
        relation = rng.choice(relations)
        emergency = f"{contact_name} ({relation}) +44 7700 900{(index * 7 + 500) % 1000:03d}"
    return ContactDetails(
        email=email,
        phone=f"+44 7700 900{index % 1000:03d}",
        address=f"{rng.randint(1, 140)} {rng.choice(STREETS)}, {rng.choice(TOWNS)}",
        emergency_contact=emergency,
    )


def _ascii(text: str) -> str:
    """'Siobhán' -> 'siobhan', "O'Connor" -> 'oconnor'; scripts without a Latin form give ''."""
    return "".join(ch for ch in search_key(text) if ch.isascii() and ch.isalnum())
