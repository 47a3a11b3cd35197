"""The ending plan as a FHIR CarePlan, and rupture-and-repair entries as Basic resources.

CarePlan (intent `plan`, category Alliance "maintenance-plan"): every line of the maintenance
plan is an `activity.detail` whose Alliance code says which part it belongs to (what helped,
warning sign, coping step, support, what to do if things get worse); booster and follow-up
sessions are `Appointment` activities with their date. The ending's reason, the planned last
session, the tapering and any referral have no CarePlan element and are extensions;
`period.start` is when the ending work began.

Ruptures are not a FHIR concept. Each is a `Basic` resource with the Alliance code
"alliance-rupture": `created` is the day it happened, `author` who raised it (Patient or
Practitioner), and the kind, markers, significance, note, repairs (strategy and note),
outcome, follow-up date and session are Alliance extensions.
"""

from __future__ import annotations

import datetime as dt

from alliance_desktop.domain.ending import EndingPlan, EndingReason, MaintenancePlan
from alliance_desktop.domain.rupture import (
    RaisedBy,
    RepairAttempt,
    RepairOutcome,
    RepairStrategy,
    RuptureEntry,
    RuptureKind,
)
from alliance_desktop.exchange.fhir_terms import (
    ReadContext,
    Resource,
    WriteContext,
    alliance_system,
    code_in,
    complex_extension,
    concept,
    extension,
    extension_texts,
    extension_value,
    extensions,
    fhir_date,
    optional_date,
    parse_date,
    part,
    text_extensions,
)

CARE_PLAN_KIND = alliance_system("care-plan")
MAINTENANCE_PART = alliance_system("maintenance-part")
BASIC_KIND = alliance_system("basic-kind")
RUPTURE_CODE = "alliance-rupture"
MAINTENANCE_CODE = "maintenance-plan"

# Maintenance-plan parts: (code, words, activity status).
_PARTS = (
    ("what_helped", "what-helped", "What helped", "unknown"),
    ("warning_signs", "warning-sign", "Warning sign to watch for", "unknown"),
    ("coping_steps", "coping-step", "Step that helps", "in-progress"),
    ("supports", "support", "Person or service to contact", "in-progress"),
)
_IF_WORSE = ("if-things-get-worse", "What to do if things get worse")
_FOLLOW_UP = ("follow-up-session", "Booster or follow-up session")


def care_plan_resource(plan: EndingPlan, context: WriteContext) -> Resource:
    maintenance = plan.maintenance
    activities: list[Resource] = []
    for field_name, code, words, status in _PARTS:
        activities += [
            _activity(code, words, status, text) for text in getattr(maintenance, field_name)
        ]
    if maintenance.if_things_get_worse:
        activities.append(_activity(*_IF_WORSE, "unknown", maintenance.if_things_get_worse))
    for day in plan.follow_up_dates:
        follow_up = _activity(*_FOLLOW_UP, "scheduled", _FOLLOW_UP[1])
        follow_up["detail"]["kind"] = "Appointment"
        follow_up["detail"]["scheduledPeriod"] = {"start": fhir_date(day)}
        activities.append(follow_up)
    found_extensions = [
        extension("ending-reason", "Code", plan.reason.value),
        *text_extensions("ending-reason-note", [plan.reason_note]),
        *text_extensions("tapering", [plan.tapering]),
        *text_extensions("referral", [plan.referral]),
    ]
    if plan.planned_last_session is not None:
        found_extensions.append(
            extension("planned-last-session", "Date", fhir_date(plan.planned_last_session))
        )
    resource: Resource = {
        "resourceType": "CarePlan",
        "id": context.ids.of("CarePlan", "ending"),
        "extension": found_extensions,
        "status": "active",
        "intent": "plan",
        "category": [concept(CARE_PLAN_KIND, MAINTENANCE_CODE, "Maintenance plan")],
        "title": "Ending plan and maintenance plan",
        "subject": context.patient,
        "author": context.practitioner,
    }
    if plan.started_on is not None:
        resource["period"] = {"start": fhir_date(plan.started_on)}
    if activities:
        resource["activity"] = activities
    return resource


def _activity(code: str, words: str, status: str, text: str) -> Resource:
    return {
        "detail": {
            "code": concept(MAINTENANCE_PART, code, words),
            "status": status,
            "description": text,
        }
    }


def rupture_resource(entry: RuptureEntry, context: WriteContext) -> Resource:
    author = context.patient if entry.raised_by is RaisedBy.CLIENT else context.practitioner
    found_extensions = [
        extension("rupture-kind", "Code", entry.kind.value),
        extension("rupture-significance", "Integer", entry.significance),
        *text_extensions("rupture-marker", entry.markers),
        *text_extensions("rupture-note", [entry.note]),
        *(
            complex_extension(
                "repair",
                [("strategy", "Code", repair.strategy.value), ("note", "String", repair.note)],
            )
            for repair in entry.repairs
        ),
    ]
    if entry.outcome is not None:
        found_extensions.append(extension("repair-outcome", "Code", entry.outcome.value))
    if entry.follow_up_on is not None:
        found_extensions.append(
            extension("rupture-follow-up", "Date", fhir_date(entry.follow_up_on))
        )
    if entry.session_id is not None:
        found_extensions.append(
            extension("rupture-session", "Reference", context.session_reference(entry.session_id))
        )
    return {
        "resourceType": "Basic",
        "id": context.ids.of("Rupture", entry.id or 0),
        "extension": found_extensions,
        "code": concept(
            BASIC_KIND,
            RUPTURE_CODE,
            "Alliance rupture and repair",
            "Rupture in the therapeutic alliance, and its repair",
        ),
        "subject": context.patient,
        "created": fhir_date(entry.occurred_on),
        "author": author,
    }


# Reading


def is_maintenance_plan(resource: Resource) -> bool:
    return any(
        code_in(category, CARE_PLAN_KIND) == MAINTENANCE_CODE
        for category in resource.get("category") or []
    )


def ending_plan_from(resource: Resource) -> EndingPlan:
    lists: dict[str, list[str]] = {field_name: [] for field_name, *_ in _PARTS}
    if_worse: list[str] = []
    follow_ups: list[dt.date] = []
    by_code = {code: field_name for field_name, code, *_ in _PARTS}
    for activity in resource.get("activity") or []:
        detail = activity.get("detail") or {}
        code = code_in(detail.get("code"), MAINTENANCE_PART)
        text = str(detail.get("description") or "")
        if code in by_code and text:
            lists[by_code[code]].append(text)
        elif code == _IF_WORSE[0] and text:
            if_worse.append(text)
        elif code == _FOLLOW_UP[0]:
            follow_ups.append(parse_date((detail.get("scheduledPeriod") or {}).get("start")))
    reason = extension_value(resource, "ending-reason", "Code")
    return EndingPlan(
        client_id=0,
        reason=EndingReason(reason) if reason in set(EndingReason) else EndingReason.OTHER,
        reason_note=_first(extension_texts(resource, "ending-reason-note")),
        started_on=optional_date((resource.get("period") or {}).get("start")),
        planned_last_session=optional_date(
            extension_value(resource, "planned-last-session", "Date")
        ),
        tapering=_first(extension_texts(resource, "tapering")),
        maintenance=MaintenancePlan(
            what_helped=tuple(lists["what_helped"]),
            warning_signs=tuple(lists["warning_signs"]),
            coping_steps=tuple(lists["coping_steps"]),
            supports=tuple(lists["supports"]),
            if_things_get_worse="\n\n".join(if_worse),
        ),
        follow_up_dates=tuple(follow_ups),
        referral=_first(extension_texts(resource, "referral")),
    )


def is_rupture(resource: Resource) -> bool:
    return code_in(resource.get("code"), BASIC_KIND) == RUPTURE_CODE


def rupture_from(resource: Resource, context: ReadContext) -> RuptureEntry:
    kind = extension_value(resource, "rupture-kind", "Code")
    significance = extension_value(resource, "rupture-significance", "Integer")
    outcome = extension_value(resource, "repair-outcome", "Code")
    return RuptureEntry(
        client_id=0,
        occurred_on=parse_date(resource.get("created")),
        kind=RuptureKind(kind) if kind in set(RuptureKind) else RuptureKind.MIXED,
        significance=significance if isinstance(significance, int) else 3,
        raised_by=RaisedBy.CLIENT
        if context.is_patient(resource.get("author"))
        else RaisedBy.CLINICIAN,
        session_id=context.session_id(extension_value(resource, "rupture-session", "Reference")),
        markers=extension_texts(resource, "rupture-marker"),
        note=_first(extension_texts(resource, "rupture-note")),
        repairs=tuple(
            RepairAttempt(
                RepairStrategy(str(part(item, "strategy", "Code"))),
                str(part(item, "note", "String") or ""),
            )
            for item in extensions(resource, "repair")
            if part(item, "strategy", "Code") in set(RepairStrategy)
        ),
        outcome=RepairOutcome(outcome) if outcome in set(RepairOutcome) else None,
        follow_up_on=optional_date(extension_value(resource, "rupture-follow-up", "Date")),
    )


def _first(texts: tuple[str, ...]) -> str:
    return texts[0] if texts else ""
