"""Code systems, extension URLs and small builders shared by the FHIR R4 mapping.

Where FHIR has a standard code or element, the mapping uses it; what FHIR lacks (GAS level
descriptions, goal quality checks, rupture entries, a session's focus) travels in the app's
own extensions and codes under `ALLIANCE`. That base identifies them; it need not resolve,
and changing it would be a new handover format version.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from alliance_desktop.domain.handover_errors import HandoverDamaged
from alliance_desktop.domain.recurrence import SessionSeries

ALLIANCE = "https://alliance-desktop.org/fhir"

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
URI_SYSTEM = "urn:ietf:rfc:3986"  # the identifier system for a value that is itself a URI
ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason"
PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"
CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality"
GOAL_ACHIEVEMENT = "http://terminology.hl7.org/CodeSystem/goal-achievement"
GOAL_PRIORITY = "http://terminology.hl7.org/CodeSystem/goal-priority"
CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope"
CONTACT_ROLE = "http://terminology.hl7.org/CodeSystem/v2-0131"
REASON_CANCELLED = "http://hl7.org/fhir/StructureDefinition/encounter-reasonCancelled"

Resource = dict[str, Any]


def alliance_system(name: str) -> str:
    return f"{ALLIANCE}/CodeSystem/{name}"


def alliance_extension(name: str) -> str:
    return f"{ALLIANCE}/StructureDefinition/{name}"


# Dates and times. Sessions are stored in the clinician's local wall-clock time; FHIR wants an
# offset on any time of day, so the local offset of that date is attached on the way out and
# the time is turned back into local wall-clock time on the way in.


def fhir_datetime(moment: dt.datetime) -> str:
    aware = moment if moment.tzinfo is not None else moment.astimezone()
    return aware.isoformat(timespec="seconds")


def local_datetime(text: Any) -> dt.datetime:
    if not isinstance(text, str):
        raise HandoverDamaged("a date and time is missing")
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise HandoverDamaged(f"'{text}' is not a date and time") from None
    if moment.tzinfo is not None:
        moment = moment.astimezone().replace(tzinfo=None)
    return moment


def fhir_date(day: dt.date) -> str:
    return day.isoformat()


def parse_date(text: Any) -> dt.date:
    """A FHIR date (or the date part of a dateTime)."""
    if not isinstance(text, str):
        raise HandoverDamaged("a date is missing")
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise HandoverDamaged(f"'{text}' is not a full date") from None


def optional_date(text: Any) -> dt.date | None:
    return parse_date(text) if text is not None else None


# Codes


def coding(system: str, code: str, display: str = "") -> dict[str, str]:
    found = {"system": system, "code": code}
    if display:
        found["display"] = display
    return found


def concept(system: str, code: str, display: str = "", text: str = "") -> Resource:
    found: Resource = {"coding": [coding(system, code, display)]}
    if text:
        found["text"] = text
    return found


def code_in(value: Any, system: str) -> str | None:
    """The first code from `system` in a CodeableConcept or a Coding."""
    if not isinstance(value, dict):
        return None
    codings = value.get("coding", [value])
    for item in codings if isinstance(codings, list) else []:
        if isinstance(item, dict) and item.get("system") == system and "code" in item:
            return str(item["code"])
    return None


def quantity(value: float, unit: str, code: str) -> Resource:
    return {"value": value, "unit": unit, "system": UCUM, "code": code}


# Extensions. FHIR forbids empty strings, so text that is blank is left out, not written empty.


def extension(name: str, value_type: str, value: Any) -> Resource:
    return {"url": alliance_extension(name), f"value{value_type}": value}


def text_extensions(name: str, texts: Iterable[str]) -> list[Resource]:
    return [extension(name, "String", text) for text in texts if text]


def complex_extension(name: str, parts: Iterable[tuple[str, str, Any]]) -> Resource:
    """An extension made of parts (part name, value type, value); blank parts are left out."""
    return {
        "url": alliance_extension(name),
        "extension": [
            {"url": part, f"value{kind}": value}
            for part, kind, value in parts
            if value is not None and value != ""
        ],
    }


def extensions(resource: Any, name: str) -> list[Resource]:
    if not isinstance(resource, dict):
        return []
    url = alliance_extension(name)
    found = resource.get("extension", [])
    return (
        [e for e in found if isinstance(e, dict) and e.get("url") == url]
        if isinstance(found, list)
        else []
    )


def extension_value(resource: Any, name: str, value_type: str) -> Any:
    found = extensions(resource, name)
    return found[0].get(f"value{value_type}") if found else None


def extension_texts(resource: Any, name: str) -> tuple[str, ...]:
    return tuple(str(e["valueString"]) for e in extensions(resource, name) if "valueString" in e)


def part(extension_: Resource, name: str, value_type: str) -> Any:
    """One part of a complex extension."""
    for item in extension_.get("extension", []):
        if isinstance(item, dict) and item.get("url") == name:
            return item.get(f"value{value_type}")
    return None


# References inside the bundle: every entry has a fullUrl "urn:uuid:…", derived from the
# export's own id and the record it stands for, so one export is stable and two never collide.


@dataclass(frozen=True)
class BundleIds:
    export_id: uuid.UUID

    def of(self, kind: str, local_id: object) -> str:
        return str(uuid.uuid5(self.export_id, f"{kind}/{local_id}"))

    def reference(self, kind: str, local_id: object) -> dict[str, str]:
        return {"reference": f"urn:uuid:{self.of(kind, local_id)}"}


def reference_of(value: Any) -> str | None:
    if isinstance(value, dict) and isinstance(value.get("reference"), str):
        return str(value["reference"])
    return None


@dataclass(frozen=True)
class WriteContext:
    """What every resource writer needs: the ids, and who the record is about and by."""

    ids: BundleIds
    appointments: frozenset[int] = frozenset()  # sessions written as Appointments
    rating_sessions: tuple[tuple[int, int], ...] = ()  # (GAS rating id, session id)
    series: tuple[SessionSeries, ...] = ()  # the recurring appointments sessions belong to

    def rating_session(self, rating_id: int | None) -> dict[str, str] | None:
        """The Encounter a GAS rating was given in (None when not linked, or the session did
        not take place)."""
        session_id = dict(self.rating_sessions).get(rating_id or -1)
        if session_id is None or session_id in self.appointments:
            return None
        return self.ids.reference("Encounter", session_id)

    @property
    def patient(self) -> dict[str, str]:
        return self.ids.reference("Patient", "client")

    def session_reference(self, session_id: int) -> dict[str, str]:
        kind = "Appointment" if session_id in self.appointments else "Encounter"
        return self.ids.reference(kind, session_id)

    @property
    def practitioner(self) -> dict[str, str]:
        return self.ids.reference("Practitioner", "sender")


@dataclass
class ReadContext:
    """References resolved while reading a bundle, and the local ids given to what was read."""

    aliases: dict[str, str]  # every way an entry can be referred to -> the entry's key
    patient: str = ""
    practitioners: set[str] = field(default_factory=set)
    sessions: dict[str, int] = field(default_factory=dict)
    goals: dict[str, int] = field(default_factory=dict)

    def key(self, value: Any) -> str | None:
        found = reference_of(value)
        return self.aliases.get(found) if found is not None else None

    def is_patient(self, value: Any) -> bool:
        return self.key(value) == self.patient

    def is_practitioner(self, value: Any) -> bool:
        return self.key(value) in self.practitioners

    def session_id(self, value: Any) -> int | None:
        key = self.key(value)
        return self.sessions.get(key) if key is not None else None

    def goal_id(self, value: Any) -> int | None:
        key = self.key(value)
        return self.goals.get(key) if key is not None else None


def survey_observation(resource_id: str) -> Resource:
    """The start of every Observation the app writes: final, an assessment (survey)."""
    return {
        "resourceType": "Observation",
        "id": resource_id,
        "status": "final",
        "category": [concept(OBSERVATION_CATEGORY, "survey", "Survey")],
    }


def performer_refs(rated_by: str, context: WriteContext) -> list[dict[str, str]]:
    """`client`, `clinician` or `together` (both) as Observation performers."""
    if rated_by == "client":
        return [context.patient]
    if rated_by == "clinician":
        return [context.practitioner]
    return [context.patient, context.practitioner]


def performer_kind(performers: Any, context: ReadContext) -> str:
    """The reverse of `performer_refs`; nobody named reads as `together`."""
    items = performers if isinstance(performers, list) else []
    client = any(context.is_patient(item) for item in items)
    clinician = any(context.is_practitioner(item) for item in items)
    if client and not clinician:
        return "client"
    if clinician and not client:
        return "clinician"
    return "together"
