"""A client's record as an HL7 FHIR R4 `Bundle` of type `transaction`, and back.

Entries, in order: Patient, Practitioner (the sending clinician), Consent*, Goal with its GAS
rating Observations, each session as an Encounter (one that took place) or an Appointment
(booked, cancelled, no-show) with its note DocumentReferences and check-in and questionnaire
Observations, the CarePlan (ending and maintenance plan), and Basic (ruptures). Each entry's
fullUrl is a `urn:uuid:`; references inside the bundle use it; each entry carries its
transaction request and each resource a short narrative. Bundles of type `collection` (earlier
handovers, other systems) read the same way. See the
fhir_client, fhir_sessions, fhir_goals and fhir_care modules for each resource's mapping.

Reading accepts bundles from other systems too: resource types this app does not hold (and
known types it cannot use, such as an Observation it has no code for) are skipped and listed,
and the rest is imported. Anything that breaks the domain's own rules makes the whole bundle
fail, with the reason, before the vault is touched.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from alliance_desktop.domain.alliance_check_in import (
    AllianceCheckIn,
    AllianceRatings,
    InstrumentScore,
    Rater,
)
from alliance_desktop.domain.client import check_client
from alliance_desktop.domain.ending import EndingPlan, check_ending_plan
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.goal import GasRating, Goal
from alliance_desktop.domain.goal_rules import check_goal
from alliance_desktop.domain.handover import ClientRecord, SkippedResource
from alliance_desktop.domain.handover_errors import HandoverDamaged
from alliance_desktop.domain.practice_profile import PracticeProfile
from alliance_desktop.domain.recurrence import SessionSeries
from alliance_desktop.domain.rupture import check_rupture
from alliance_desktop.domain.session import Session, check_session
from alliance_desktop.exchange.fhir_appointments import appointment_from, is_appointment
from alliance_desktop.exchange.fhir_care import (
    care_plan_resource,
    ending_plan_from,
    is_maintenance_plan,
    is_rupture,
    rupture_from,
    rupture_resource,
)
from alliance_desktop.exchange.fhir_client import (
    Recipient,
    client_from,
    consent_resources,
    patient_resource,
    practitioner_name,
    practitioner_resource,
)
from alliance_desktop.exchange.fhir_goals import goal_from, goal_resources, rating_from
from alliance_desktop.exchange.fhir_narrative import with_narrative
from alliance_desktop.exchange.fhir_series import series_link, series_of
from alliance_desktop.exchange.fhir_sessions import (
    PROCESS_NOTE,
    SESSION_KIND,
    SESSION_STATUS,
    check_in_from,
    instrument_from,
    note_from,
    session_from,
    session_resources,
)
from alliance_desktop.exchange.fhir_terms import (
    URI_SYSTEM,
    BundleIds,
    ReadContext,
    Resource,
    WriteContext,
)

FHIR_VERSION = "4.0.1"
KNOWN_TYPES = frozenset(
    {
        "Patient",
        "Practitioner",
        "Consent",
        "Goal",
        "Encounter",
        "Appointment",
        "DocumentReference",
        "Observation",
        "CarePlan",
        "Basic",
    }
)
_NOT_HELD = "not part of what Alliance Desktop records"
_T = TypeVar("_T")


def handover_bundle(
    record: ClientRecord,
    profile: PracticeProfile,
    created_at: dt.datetime,
    export_id: uuid.UUID,
    recipient: Recipient | None = None,
    vault_identifier: str = "",
) -> Resource:
    """A `transaction` a FHIR server loads as delivered: every entry says how (POST to its
    type; the client only if no patient with the same identifier exists), and references
    between entries are `urn:uuid:` fullUrls the server resolves."""
    appointments = frozenset(s.id or 0 for s in record.sessions if is_appointment(s))
    context = WriteContext(
        BundleIds(export_id), appointments, record.rating_sessions, record.series
    )
    goal_ids = {goal.id for goal in record.goals if goal.id is not None}
    patient = patient_resource(record.client, context, vault_identifier)
    resources = [
        patient,
        practitioner_resource(profile, context),
        *consent_resources(record.client, context, recipient),
    ]
    for goal in record.goals:
        resources += goal_resources(goal, context)
    for session in record.sessions:
        resources += session_resources(session, context, goal_ids)
    if record.ending_plan is not None:
        resources.append(care_plan_resource(record.ending_plan, context))
    resources += [rupture_resource(entry, context) for entry in record.ruptures]
    return {
        "resourceType": "Bundle",
        "id": str(export_id),
        "meta": {"lastUpdated": created_at.isoformat(timespec="seconds")},
        "identifier": {"system": URI_SYSTEM, "value": f"urn:uuid:{export_id}"},
        "type": "transaction",
        "timestamp": created_at.isoformat(timespec="seconds"),
        "entry": [_entry(with_narrative(resource)) for resource in resources],
    }


def _entry(resource: Resource) -> Resource:
    request: Resource = {"method": "POST", "url": resource["resourceType"]}
    if resource["resourceType"] == "Patient" and resource.get("identifier"):
        identifier = resource["identifier"][0]
        request["ifNoneExist"] = f"identifier={identifier['system']}|{identifier['value']}"
    return {"fullUrl": f"urn:uuid:{resource['id']}", "resource": resource, "request": request}


def export_id_of(data: bytes) -> str | None:
    """The sender's export id a bundle carries (`urn:uuid:...`), to recognise one received
    before; None when it has none."""
    try:
        identifier = json.loads(data).get("identifier") or {}
    except (ValueError, UnicodeDecodeError, AttributeError):
        return None
    value = identifier.get("value") if isinstance(identifier, dict) else None
    return value if isinstance(value, str) and value else None


def bundle_bytes(bundle: Resource) -> bytes:
    return json.dumps(bundle, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True)
class BundleContents:
    record: ClientRecord  # ids local to the bundle; checked against the domain's rules
    from_clinician: str
    skipped: tuple[SkippedResource, ...]


def read_bundle(data: bytes) -> BundleContents:
    try:
        bundle = json.loads(data)
    except (ValueError, UnicodeDecodeError):
        raise HandoverDamaged("the FHIR record is not valid JSON (cut short or damaged)") from None
    if not isinstance(bundle, dict) or bundle.get("resourceType") != "Bundle":
        raise HandoverDamaged("the FHIR record is not a Bundle")
    entries = bundle.get("entry")
    if not isinstance(entries, list):
        raise HandoverDamaged("the FHIR Bundle has no entries")
    return _Reader(entries).read()


class _Reader:
    def __init__(self, entries: list[Any]) -> None:
        self._by_type: dict[str, list[tuple[str, Resource]]] = defaultdict(list)
        aliases: dict[str, str] = {}
        for index, entry in enumerate(entries):
            resource = entry.get("resource") if isinstance(entry, dict) else None
            if not isinstance(resource, dict) or not isinstance(resource.get("resourceType"), str):
                raise HandoverDamaged(f"entry {index + 1} of the FHIR Bundle holds no resource")
            kind = resource["resourceType"]
            full_url = entry.get("fullUrl")
            local = f"{kind}/{resource['id']}" if isinstance(resource.get("id"), str) else None
            key = full_url if isinstance(full_url, str) else local or f"#{index}"
            for alias in (key, local):
                if alias is not None:
                    aliases[alias] = key
            self._by_type[kind].append((key, resource))
        self._context = ReadContext(aliases)
        self._skipped: Counter[tuple[str, str]] = Counter()

    def read(self) -> BundleContents:
        patients = self._by_type["Patient"]
        if len(patients) != 1:
            found = "no client (FHIR Patient)" if not patients else "more than one client"
            raise HandoverDamaged(f"the FHIR Bundle holds {found}")
        context = self._context
        context.patient = patients[0][0]
        context.practitioners = {key for key, _ in self._by_type["Practitioner"]}
        goals = self._numbered("Goal", goal_from, context.goals, "a goal without words")
        reason = "entered in error, or without a start"
        sessions = self._numbered("Encounter", session_from, context.sessions, reason)
        sessions += self._numbered(
            "Appointment", _appointment_from, context.sessions, reason, first_id=len(sessions) + 1
        )
        sessions, series = self._with_series(sessions)
        sessions = self._with_details(sessions)
        goals, rating_sessions = self._with_ratings(goals)
        plans = [r for _, r in self._by_type["CarePlan"] if is_maintenance_plan(r)]
        self._skip_unless("CarePlan", is_maintenance_plan, "a care plan other than the ending")
        ruptures = [
            self._guarded("Basic", rupture_from, r)
            for _, r in self._by_type["Basic"]
            if is_rupture(r)
        ]
        self._skip_unless("Basic", is_rupture, _NOT_HELD)
        self._skipped.update(
            {
                (kind, _NOT_HELD): len(found)
                for kind, found in self._by_type.items()
                if kind not in KNOWN_TYPES
            }
        )
        consents = [resource for _, resource in self._by_type["Consent"]]
        client = self._guarded("Patient", lambda p, c: client_from(p, consents, c), patients[0][1])
        practitioners = self._by_type["Practitioner"]
        record = ClientRecord(
            client=_checked("the client", check_client, client),
            sessions=tuple(sorted(sessions, key=lambda session: session.start)),
            goals=tuple(goals),
            ruptures=tuple(sorted(ruptures, key=lambda entry: entry.occurred_on)),
            ending_plan=self._guarded("CarePlan", lambda p, _: ending_plan_from(p), plans[0])
            if plans
            else None,
            rating_sessions=rating_sessions,
            series=series,
        )
        return BundleContents(
            record=_checked_record(record),
            from_clinician=practitioner_name(practitioners[0][1]) if practitioners else "",
            skipped=tuple(
                SkippedResource(kind, count, reason)
                for (kind, reason), count in sorted(self._skipped.items())
            ),
        )

    def _numbered(
        self,
        kind: str,
        read: Callable[[Resource, ReadContext], _T | None],
        ids: dict[str, int],
        reason: str,
        first_id: int = 1,
    ) -> list[_T]:
        """Read each resource of a kind, giving the usable ones ids 1, 2, 3... (from
        `first_id`) in order."""
        found: list[_T] = []
        for key, resource in self._by_type[kind]:
            item = self._guarded(kind, read, resource)
            if item is None:
                self._skipped[(kind, reason)] += 1
                continue
            ids[key] = first_id + len(found)
            found.append(replace(item, id=first_id + len(found)))  # type: ignore[type-var]
        return found

    def _with_series(
        self, sessions: list[Session]
    ) -> tuple[list[Session], tuple[SessionSeries, ...]]:
        """Sessions that name the same series token are one recurring appointment again."""
        links = {}
        for kind in ("Encounter", "Appointment"):
            for key, resource in self._by_type[kind]:
                session_id = self._context.sessions.get(key)
                link = self._guarded(kind, lambda r, _: series_link(r), resource)
                if session_id is not None and link is not None:
                    links[session_id] = link
        series_ids, series = series_of(links)
        planned = {session_id: link.planned_date for session_id, link in links.items()}
        return [
            replace(
                session,
                series_id=series_ids.get(session.id or 0),
                series_date=planned.get(session.id or 0),
            )
            for session in sessions
        ], series

    def _with_details(self, sessions: list[Session]) -> list[Session]:
        ratings: dict[int, dict[Rater, AllianceRatings]] = defaultdict(dict)
        instruments: dict[int, list[InstrumentScore]] = defaultdict(list)
        notes: dict[int, dict[str, str]] = defaultdict(dict)
        for _, observation in self._by_type["Observation"]:
            check_in = self._guarded("Observation", check_in_from, observation)
            instrument = self._guarded("Observation", instrument_from, observation)
            if check_in is not None:
                ratings[check_in[0]][check_in[1]] = check_in[2]
            elif instrument is not None:
                instruments[instrument[0]].append(instrument[1])
            elif self._guarded("Observation", rating_from, observation) is None:
                self._skipped[("Observation", "a measurement Alliance Desktop has no use for")] += 1
        for _, document in self._by_type["DocumentReference"]:
            note = self._guarded("DocumentReference", note_from, document)
            if note is None:
                self._skipped[("DocumentReference", "a document other than a session note")] += 1
            else:
                notes[note[0]][note[1]] = note[2]
        return [
            replace(
                session,
                progress_note=notes[session.id or 0].get("progress-note", ""),
                private_note=notes[session.id or 0].get(PROCESS_NOTE, ""),
                check_in=AllianceCheckIn(
                    client=ratings[session.id or 0].get(Rater.CLIENT),
                    clinician=ratings[session.id or 0].get(Rater.CLINICIAN),
                    instruments=tuple(instruments[session.id or 0]),
                ),
            )
            for session in sessions
        ]

    def _with_ratings(self, goals: list[Goal]) -> tuple[list[Goal], tuple[tuple[int, int], ...]]:
        """The goals with their ratings (numbered 1, 2, 3... across the bundle), and the
        session each rating was given in, where its Observation names one."""
        ratings: dict[int, list[tuple[GasRating, int | None]]] = defaultdict(list)
        for _, observation in self._by_type["Observation"]:
            found = self._guarded("Observation", rating_from, observation)
            if found is not None:
                session_id = self._context.session_id(observation.get("encounter"))
                ratings[found[0]].append((found[1], session_id))
        linked: list[tuple[int, int]] = []
        numbered: list[Goal] = []
        next_id = 1
        for goal in goals:
            given = sorted(ratings[goal.id or 0], key=lambda pair: pair[0].rated_on)
            own = []
            for rating, session_id in given:
                own.append(replace(rating, id=next_id))
                if session_id is not None:
                    linked.append((next_id, session_id))
                next_id += 1
            numbered.append(replace(goal, ratings=tuple(own)))
        return numbered, tuple(linked)

    def _skip_unless(self, kind: str, usable: Callable[[Resource], bool], reason: str) -> None:
        unusable = sum(1 for _, resource in self._by_type[kind] if not usable(resource))
        if unusable:
            self._skipped[(kind, reason)] += unusable

    def _guarded(
        self, kind: str, read: Callable[[Resource, ReadContext], _T], resource: Resource
    ) -> _T:
        """A malformed resource (a list where an object belongs, a bad code) is a damaged
        bundle, said in words, never a Python error."""
        try:
            return read(resource, self._context)
        except (KeyError, TypeError, ValueError, AttributeError, IndexError) as error:
            if isinstance(error, InvalidInput):
                raise HandoverDamaged(f"a {kind} entry breaks a rule: {error}") from None
            raise HandoverDamaged(f"a {kind} entry is malformed") from None


def _appointment_from(resource: Resource, context: ReadContext) -> Session | None:
    return appointment_from(resource, context, SESSION_STATUS, SESSION_KIND)


def _checked(what: str, check: Callable[[_T], _T], item: _T) -> _T:
    try:
        return check(item)
    except InvalidInput as error:
        raise HandoverDamaged(f"{what} breaks a rule: {error}") from None


def _checked_record(record: ClientRecord) -> ClientRecord:
    plan: EndingPlan | None = record.ending_plan
    return replace(
        record,
        sessions=tuple(_checked("a session", check_session, s) for s in record.sessions),
        goals=tuple(_checked("a goal", check_goal, g) for g in record.goals),
        ruptures=tuple(_checked("a rupture entry", check_rupture, r) for r in record.ruptures),
        ending_plan=_checked("the ending plan", check_ending_plan, plan) if plan else None,
    )
