"""A short human-readable narrative (`text`, status `generated`) on every resource, so a FHIR
server or viewer that shows only narratives still shows what each resource is.

The narrative says what the resource is and when, never more than its own data: a note's
narrative names the note and its date, not its words (those stay in the attachment, under the
note's security labels).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from alliance_desktop.exchange.fhir_terms import Resource

XHTML = "http://www.w3.org/1999/xhtml"


def with_narrative(resource: Resource) -> Resource:
    """The resource with `text` set just after `id` (where FHIR JSON usually shows it)."""
    summary = _SUMMARIES.get(resource["resourceType"], _generic)(resource)
    text = {
        "status": "generated",
        "div": f'<div xmlns="{XHTML}"><p>{html.escape(summary)}</p></div>',
    }
    ordered: Resource = {}
    for key, value in resource.items():
        ordered[key] = value
        if key == "id":
            ordered["text"] = text
    if "text" not in ordered:
        ordered["text"] = text
    return ordered


def _day(value: Any) -> str:
    return str(value)[:10] if value else "no date"


def _when(value: Any) -> str:
    text = str(value or "")
    return f"{text[:10]} {text[11:16]}".strip() if len(text) > 10 else text or "no date"


def _concept_text(concept: Any) -> str:
    if not isinstance(concept, dict):
        return ""
    if concept.get("text"):
        return str(concept["text"])
    codings = concept.get("coding") or [{}]
    return str(codings[0].get("display") or codings[0].get("code") or "")


def _patient(resource: Resource) -> str:
    names = resource.get("name") or [{}]
    born = f", born {resource['birthDate']}" if resource.get("birthDate") else ""
    return f"Client: {names[0].get('text', '')}{born}"


def _practitioner(resource: Resource) -> str:
    names = resource.get("name") or [{}]
    return f"Sending clinician: {names[0].get('text', '')}"


def _consent(resource: Resource) -> str:
    kind = _concept_text((resource.get("category") or [{}, {}])[-1])
    status = "withdrawn" if resource.get("status") == "inactive" else "in force"
    actors = (resource.get("provision") or {}).get("actor") or []
    to = f", to {actors[0]['reference'].get('display', '')}" if actors else ""
    return f"{kind}, given {_day(resource.get('dateTime'))} ({status}){to}"


def _goal(resource: Resource) -> str:
    words = str((resource.get("description") or {}).get("text", "")).splitlines()
    return f"Goal ({resource.get('lifecycleStatus', '')}): {words[0] if words else ''}"


def _encounter(resource: Resource) -> str:
    period = resource.get("period") or {}
    kind = _concept_text((resource.get("type") or [{}])[0])
    return f"{kind or 'Session'} on {_when(period.get('start'))} ({resource.get('status')})"


def _appointment(resource: Resource) -> str:
    reason = _concept_text(resource.get("cancelationReason"))
    status = reason or str(resource.get("status", ""))
    return f"{resource.get('description', 'Session')} on {_when(resource.get('start'))} ({status})"


def _document(resource: Resource) -> str:
    return f"{_concept_text(resource.get('type'))} of the session on {_day(resource.get('date'))}"


def _observation(resource: Resource) -> str:
    value = (resource.get("valueQuantity") or {}).get("value")
    if value is None and "valueInteger" in resource:
        value = resource["valueInteger"]
    shown = f": {value}" if value is not None else ""
    when = _day(resource.get("effectiveDateTime"))
    return f"{_concept_text(resource.get('code'))} on {when}{shown}"


def _care_plan(resource: Resource) -> str:
    return f"{resource.get('title', 'Care plan')} ({resource.get('status', '')})"


def _basic(resource: Resource) -> str:
    return f"{_concept_text(resource.get('code'))} on {_day(resource.get('created'))}"


def _generic(resource: Resource) -> str:
    return str(resource.get("resourceType", "Resource"))


_SUMMARIES: dict[str, Callable[[Resource], str]] = {
    "Patient": _patient,
    "Practitioner": _practitioner,
    "Consent": _consent,
    "Goal": _goal,
    "Encounter": _encounter,
    "Appointment": _appointment,
    "DocumentReference": _document,
    "Observation": _observation,
    "CarePlan": _care_plan,
    "Basic": _basic,
}
