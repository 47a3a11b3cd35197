"""The app's own FHIR extensions and code systems, declared once and published as
StructureDefinition and CodeSystem JSON files in `resources/fhir/`, so the receiving
software (and its validator) can look up what each Alliance URL means.

`definition_files()` builds the files from the declarations here and the domain's enums;
`python -m alliance_desktop.exchange.fhir_definitions DIR` writes them. A test checks the
published files match, and that every extension and code a handover bundle uses is declared.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alliance_desktop.domain.alliance_check_in import AllianceDimension, Instrument
from alliance_desktop.domain.client import ClientStatus, ConsentKind
from alliance_desktop.domain.session import SessionKind, SessionStatus
from alliance_desktop.exchange.fhir_terms import ALLIANCE, alliance_extension, alliance_system

FHIR_VERSION = "4.0.1"
PUBLISHER = "Alliance Desktop"
VERSION = "1"


@dataclass(frozen=True)
class ExtensionDefinition:
    name: str
    contexts: tuple[str, ...]  # resource types it appears on
    value_type: str  # FHIR type of value[x], or "" for a complex extension
    short: str
    parts: tuple[tuple[str, str], ...] = ()  # (part name, FHIR type) of a complex extension


def _simple(name: str, contexts: str, value_type: str, short: str) -> ExtensionDefinition:
    return ExtensionDefinition(name, tuple(contexts.split()), value_type, short)


EXTENSIONS = (
    _simple("pronouns", "Patient", "string", "The client's pronouns"),
    _simple("referral-source", "Patient", "string", "Who referred the client"),
    _simple("client-status", "Patient", "code", "Where the client is in therapy (client-status)"),
    _simple("client-value", "Patient", "string", "Something that matters to the client"),
    _simple("presenting-concern", "Patient", "string", "A concern the client came with"),
    _simple("therapy-start", "Patient", "date", "When therapy began"),
    _simple("consent-scope", "Consent", "string", "What the client agreed may be shared"),
    _simple("practice-name", "Practitioner", "string", "The sending clinician's practice"),
    _simple("clinician-framing", "Goal", "string", "The clinician's framing of the goal"),
    _simple("proposed-by", "Goal", "code", "Who proposed the goal: client, clinician, together"),
    _simple("gas-weight", "Goal", "decimal", "The goal's weight in the GAS T-score"),
    _simple("review-date", "Goal", "date", "When the goal is next reviewed"),
    ExtensionDefinition(
        "gas-level",
        ("Goal",),
        "",
        "What one Goal Attainment Scaling level looks like (-2 to +2)",
        (("level", "integer"), ("description", "string")),
    ),
    ExtensionDefinition(
        "quality-check",
        ("Goal",),
        "",
        "A goal quality check: focused, realistic or coordinated with the client's values",
        (("aspect", "code"), ("answer", "code"), ("note", "string")),
    ),
    ExtensionDefinition(
        "board-move",
        ("Goal",),
        "",
        "When the goal moved to a column of the goal board",
        (("column", "code"), ("date", "date")),
    ),
    ExtensionDefinition(
        "goal-task",
        ("Goal",),
        "",
        "A task for the goal: who does what, by when, and whether it is done",
        (("description", "string"), ("owner", "code"), ("due", "date"), ("done", "boolean")),
    ),
    _simple("session-modality", "Encounter Appointment", "code", "In person, video or phone"),
    _simple("session-focus", "Encounter Appointment", "string", "The session's focus"),
    _simple("session-agenda", "Encounter Appointment", "string", "What the client brought"),
    _simple("goal-worked-on", "Encounter Appointment", "Reference", "A goal worked on"),
    ExtensionDefinition(
        "session-series",
        ("Encounter", "Appointment"),
        "",
        "The recurring appointment the session belongs to, and the date it planned it for",
        (
            ("series", "string"),
            ("frequency", "code"),
            ("first-start", "dateTime"),
            ("until", "date"),
            ("count", "integer"),
            ("planned-date", "date"),
        ),
    ),
    _simple("ending-reason", "CarePlan", "code", "Why therapy is ending"),
    _simple("ending-reason-note", "CarePlan", "string", "The reason for ending, in words"),
    _simple("planned-last-session", "CarePlan", "date", "The planned last session"),
    _simple("tapering", "CarePlan", "string", "How sessions taper towards the end"),
    _simple("referral", "CarePlan", "string", "Where the client is referred on to"),
    _simple("rupture-kind", "Basic", "code", "Withdrawal, confrontation or mixed"),
    _simple("rupture-significance", "Basic", "integer", "How much it threatened the work, 1-5"),
    _simple("rupture-marker", "Basic", "string", "A marker of the rupture that was seen"),
    _simple("rupture-note", "Basic", "string", "The clinician's note on the rupture"),
    _simple("repair-outcome", "Basic", "code", "Resolved, partly or unresolved"),
    _simple("rupture-follow-up", "Basic", "date", "When to follow the rupture up"),
    _simple("rupture-session", "Basic", "Reference", "The session the rupture happened in"),
    ExtensionDefinition(
        "repair",
        ("Basic",),
        "",
        "A repair strategy tried, and what it involved",
        (("strategy", "code"), ("note", "string")),
    ),
)


def _labelled(items: Any) -> tuple[tuple[str, str], ...]:
    return tuple((item.value, item.label) for item in items)


def code_systems() -> dict[str, tuple[str, tuple[tuple[str, str], ...]]]:
    """name -> (what the system is for, its (code, display) pairs)."""
    subscales = sorted({s for i in Instrument for s in i.spec.subscales})
    return {
        "alliance-dimension": (
            "The dimensions of an alliance check-in",
            _labelled(AllianceDimension),
        ),
        "basic-kind": (
            "What an Alliance Basic resource holds",
            (("alliance-rupture", "Alliance rupture and repair"),),
        ),
        "care-plan": (
            "Kinds of care plan the app writes",
            (("maintenance-plan", "Ending and maintenance plan"),),
        ),
        "client-status": ("Where a client is in therapy", _labelled(ClientStatus)),
        "consent-kind": ("Kinds of consent the app records", _labelled(ConsentKind)),
        "instrument": (
            "Licensed questionnaires whose totals the app records (numbers only)",
            tuple((i.value, i.spec.label) for i in Instrument),
        ),
        "instrument-subscale": (
            "Subscales of the questionnaires",
            tuple((s, s.capitalize()) for s in subscales),
        ),
        "maintenance-part": (
            "Parts of a maintenance plan",
            (
                ("what-helped", "What helped"),
                ("warning-sign", "Warning sign to watch for"),
                ("coping-step", "Step that helps"),
                ("support", "Person or service to contact"),
                ("if-things-get-worse", "What to do if things get worse"),
                ("follow-up-session", "Booster or follow-up session"),
            ),
        ),
        "note-kind": (
            "Kinds of session note",
            (
                ("progress-note", "Session progress note"),
                ("process-note", "Psychotherapy process notes"),
            ),
        ),
        "observation": (
            "Observations the app records",
            (
                ("alliance-check-in", "Alliance check-in"),
                ("gas-rating", "Goal Attainment Scaling rating"),
                ("gas-level", "Goal Attainment Scaling level"),
            ),
        ),
        "session-kind": ("Kinds of session", _labelled(SessionKind)),
        "session-status": ("What became of a session", _labelled(SessionStatus)),
    }


def structure_definition(definition: ExtensionDefinition) -> dict[str, Any]:
    url = alliance_extension(definition.name)
    elements: list[dict[str, Any]] = [
        {
            "id": "Extension",
            "path": "Extension",
            "short": definition.short,
            "definition": definition.short,
            "max": "*",
        },
        {"id": "Extension.url", "path": "Extension.url", "fixedUri": url},
    ]
    if definition.parts:
        elements.append({"id": "Extension.value[x]", "path": "Extension.value[x]", "max": "0"})
        for part, fhir_type in definition.parts:
            slice_id = f"Extension.extension:{part}"
            elements += [
                {
                    "id": slice_id,
                    "path": "Extension.extension",
                    "sliceName": part,
                    "min": 0,
                    "max": "1",
                },
                {"id": f"{slice_id}.url", "path": "Extension.extension.url", "fixedUri": part},
                {
                    "id": f"{slice_id}.value[x]",
                    "path": "Extension.extension.value[x]",
                    "type": [{"code": fhir_type}],
                },
            ]
    else:
        elements += [
            {"id": "Extension.extension", "path": "Extension.extension", "max": "0"},
            {
                "id": "Extension.value[x]",
                "path": "Extension.value[x]",
                "min": 1,
                "type": [{"code": definition.value_type}],
            },
        ]
    return {
        "resourceType": "StructureDefinition",
        "id": f"alliance-{definition.name}",
        "url": url,
        "version": VERSION,
        "name": "Alliance" + "".join(w.capitalize() for w in definition.name.split("-")),
        "title": definition.short,
        "status": "active",
        "publisher": PUBLISHER,
        "description": definition.short,
        "fhirVersion": FHIR_VERSION,
        "kind": "complex-type",
        "abstract": False,
        "context": [{"type": "element", "expression": c} for c in definition.contexts],
        "type": "Extension",
        "baseDefinition": "http://hl7.org/fhir/StructureDefinition/Extension",
        "derivation": "constraint",
        "differential": {"element": elements},
    }


def code_system(name: str, description: str, codes: tuple[tuple[str, str], ...]) -> dict[str, Any]:
    return {
        "resourceType": "CodeSystem",
        "id": f"alliance-{name}",
        "url": alliance_system(name),
        "version": VERSION,
        "name": "Alliance" + "".join(w.capitalize() for w in name.split("-")),
        "title": description,
        "status": "active",
        "publisher": PUBLISHER,
        "description": description,
        "caseSensitive": True,
        "content": "complete",
        "count": len(codes),
        "concept": [{"code": code, "display": display} for code, display in codes],
    }


def definition_files() -> dict[str, bytes]:
    """File name -> JSON bytes for every StructureDefinition and CodeSystem."""
    documents = {
        f"StructureDefinition-alliance-{d.name}.json": structure_definition(d) for d in EXTENSIONS
    }
    for name, (description, codes) in code_systems().items():
        documents[f"CodeSystem-alliance-{name}.json"] = code_system(name, description, codes)
    return {
        name: (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
        for name, document in sorted(documents.items())
    }


def write_definitions(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in definition_files().items():
        (folder / name).write_bytes(data)
        written.append(folder / name)
    return written


if __name__ == "__main__":  # pragma: no cover - a maintainer's tool
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("resources/fhir")
    for path in write_definitions(target):
        print(path)
    print(f"Base URL: {ALLIANCE}")
