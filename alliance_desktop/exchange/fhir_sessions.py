"""Sessions as FHIR Encounters, their notes as DocumentReferences, and their check-ins and
questionnaire totals as Observations.

Encounter status: attended -> `finished`; scheduled -> `planned`; cancelled, late
cancellation, cancelled by the clinician and no-show -> `cancelled`, each with the R4
`encounter-reasonCancelled` extension saying which (the exact status as an Alliance code, and
words). A no-show is `cancelled` ("ended before it began"), not `entered-in-error`: that
status means the record itself is a mistake, and receiving systems hide such records.

Class: v3-ActCode AMB in person, VR for video and phone (the exact modality in an extension).
Progress notes: LOINC 11506-3 "Progress note", confidentiality R. Process notes: an Alliance
note kind, confidentiality V (very restricted). The agenda, focus and goals worked on have no
Encounter element and travel as extensions.

Check-in: one Observation per session and rater (performer: the Patient for the client's own
ratings, the Practitioner for the clinician's), with one component per dimension, 0-10.
Questionnaires: one Observation per total, LOINC where there is a code for the total (PHQ-9
44261-6, GAD-7 70274-6) beside the Alliance code; subscales as components.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Collection
from typing import Any

from alliance_desktop.domain.alliance_check_in import (
    AllianceDimension,
    AllianceRatings,
    Instrument,
    InstrumentScore,
    Rater,
)
from alliance_desktop.domain.session import Modality, Session, SessionKind, SessionStatus
from alliance_desktop.exchange.fhir_appointments import (
    CANCELLATION_WORDS,
    appointment_resource,
    is_appointment,
)
from alliance_desktop.exchange.fhir_series import series_extension
from alliance_desktop.exchange.fhir_terms import (
    ACT_CODE,
    CONFIDENTIALITY,
    LOINC,
    REASON_CANCELLED,
    ReadContext,
    Resource,
    WriteContext,
    alliance_system,
    code_in,
    coding,
    concept,
    extension,
    extension_texts,
    extension_value,
    extensions,
    fhir_datetime,
    local_datetime,
    performer_kind,
    quantity,
    survey_observation,
    text_extensions,
)

SESSION_STATUS = alliance_system("session-status")
SESSION_KIND = alliance_system("session-kind")
NOTE_KIND = alliance_system("note-kind")
OBSERVATION_CODE = alliance_system("observation")
DIMENSION = alliance_system("alliance-dimension")
INSTRUMENT = alliance_system("instrument")
SUBSCALE = alliance_system("instrument-subscale")

CHECK_IN_CODE = "alliance-check-in"
PROGRESS_NOTE = "progress-note"
PROCESS_NOTE = "process-note"

_ENCOUNTER_STATUS = {
    SessionStatus.ATTENDED: "finished",
    SessionStatus.SCHEDULED: "planned",
    SessionStatus.CANCELLED: "cancelled",
    SessionStatus.LATE_CANCELLED: "cancelled",
    SessionStatus.CLINICIAN_CANCELLED: "cancelled",
    SessionStatus.NO_SHOW: "cancelled",
}
# Statuses other systems use for an encounter that took place.
_HAPPENED = {"finished", "arrived", "triaged", "in-progress", "onleave"}
_LOINC_TOTALS = {
    Instrument.PHQ9: ("44261-6", "Patient Health Questionnaire 9 item (PHQ-9) total score"),
    Instrument.GAD7: ("70274-6", "Generalized anxiety disorder 7 item (GAD-7) total score"),
}
_TEXT_PLAIN = "text/plain; charset=utf-8"


def session_resources(
    session: Session, context: WriteContext, goal_ids: Collection[int]
) -> list[Resource]:
    """The Encounter, then its notes and check-in Observations."""
    session_id = session.id or 0
    if is_appointment(session):
        # Notes on a session that did not happen point at its Appointment instead.
        appointment_ref = context.ids.reference("Appointment", session_id)
        resources = [appointment_resource(session, context, goal_ids, SESSION_STATUS, SESSION_KIND)]
        for kind, text in (
            (PROGRESS_NOTE, session.progress_note),
            (PROCESS_NOTE, session.private_note),
        ):
            if text:
                resources.append(_note(session, kind, text, context, appointment_ref, "related"))
        return resources
    encounter_ref = context.ids.reference("Encounter", session_id)
    resources = [_encounter(session, context, goal_ids)]
    if session.progress_note:
        resources.append(
            _note(session, PROGRESS_NOTE, session.progress_note, context, encounter_ref)
        )
    if session.private_note:
        resources.append(_note(session, PROCESS_NOTE, session.private_note, context, encounter_ref))
    check_in = session.check_in
    when = fhir_datetime(session.start)
    for rater in Rater:
        ratings = check_in.ratings(rater)
        if ratings is None:
            continue
        performer = context.patient if rater is Rater.CLIENT else context.practitioner
        resources.append(
            {
                **survey_observation(context.ids.of("CheckIn", f"{session_id}/{rater.value}")),
                "code": concept(
                    OBSERVATION_CODE,
                    CHECK_IN_CODE,
                    "Alliance check-in",
                    "Alliance check-in after a session (0-10 per question)",
                ),
                "subject": context.patient,
                "encounter": encounter_ref,
                "effectiveDateTime": when,
                "performer": [performer],
                "component": [
                    {
                        "code": concept(DIMENSION, d.value, d.label, d.question),
                        "valueInteger": ratings.score(d),
                    }
                    for d in AllianceDimension
                ],
            }
        )
    for score in check_in.instruments:
        resources.append(_instrument(score, session_id, when, context, encounter_ref))
    return resources


def _encounter(session: Session, context: WriteContext, goal_ids: Collection[int]) -> Resource:
    session_id = session.id or 0
    virtual = session.modality is not Modality.IN_PERSON
    found_extensions = [
        extension("session-modality", "Code", session.modality.value),
        *text_extensions("session-focus", [session.focus]),
        *text_extensions("session-agenda", [session.agenda]),
        *(
            extension("goal-worked-on", "Reference", context.ids.reference("Goal", goal_id))
            for goal_id in session.goal_ids
            if goal_id in goal_ids
        ),
    ]
    series = series_extension(session, context)
    if series is not None:
        found_extensions.append(series)
    if session.status in CANCELLATION_WORDS:
        found_extensions.append(
            {
                "url": REASON_CANCELLED,
                "valueCodeableConcept": concept(
                    SESSION_STATUS,
                    session.status.value,
                    session.status.label,
                    CANCELLATION_WORDS[session.status],
                ),
            }
        )
    return {
        "resourceType": "Encounter",
        "id": context.ids.of("Encounter", session_id),
        "extension": found_extensions,
        "status": _ENCOUNTER_STATUS[session.status],
        "class": coding(
            ACT_CODE, "VR" if virtual else "AMB", "virtual" if virtual else "ambulatory"
        ),
        "type": [
            concept(
                SESSION_KIND,
                session.kind.value,
                session.kind.label,
                f"{session.kind.label} session",
            )
        ],
        "subject": context.patient,
        "participant": [{"individual": context.practitioner}],
        "period": {"start": fhir_datetime(session.start), "end": fhir_datetime(session.end)},
        "length": quantity(session.duration_minutes, "min", "min"),
    }


def _note(
    session: Session,
    kind: str,
    text: str,
    context: WriteContext,
    session_ref: Resource,
    link: str = "encounter",
) -> Resource:
    if kind == PROGRESS_NOTE:
        note_type = concept(LOINC, "11506-3", "Progress note")
        label = concept(CONFIDENTIALITY, "R", "restricted")
        category = concept(NOTE_KIND, PROGRESS_NOTE, "Session progress note")
        security = [coding(CONFIDENTIALITY, "R", "restricted")]
    else:
        note_type = concept(NOTE_KIND, PROCESS_NOTE, "Psychotherapy process notes")
        label = concept(CONFIDENTIALITY, "V", "very restricted")
        category = concept(NOTE_KIND, PROCESS_NOTE, "Psychotherapy process notes")
        # Psychotherapy-note sensitivity: software that honours labels keeps these apart.
        security = [
            coding(CONFIDENTIALITY, "V", "very restricted"),
            coding(ACT_CODE, "PSYTHPN", "psychotherapy note information sensitivity"),
        ]
    return {
        "resourceType": "DocumentReference",
        "id": context.ids.of(kind, session.id or 0),
        "meta": {"security": security},
        "status": "current",
        "type": note_type,
        "category": [category],
        "subject": context.patient,
        "date": fhir_datetime(session.start),
        "author": [context.practitioner],
        "securityLabel": [label],
        "content": [
            {
                "attachment": {
                    "contentType": _TEXT_PLAIN,
                    "data": base64.b64encode(text.encode("utf-8")).decode("ascii"),
                }
            }
        ],
        "context": {link: [session_ref]},
    }


def _instrument(
    score: InstrumentScore, session_id: int, when: str, context: WriteContext, encounter: Resource
) -> Resource:
    spec = score.instrument.spec
    codes = [coding(INSTRUMENT, score.instrument.value, spec.label)]
    if score.instrument in _LOINC_TOTALS:
        code, display = _LOINC_TOTALS[score.instrument]
        codes.append(coding(LOINC, code, display))
    observation: Resource = {
        **survey_observation(
            context.ids.of("Instrument", f"{session_id}/{score.instrument.value}")
        ),
        "code": {"coding": codes, "text": spec.label},
        "subject": context.patient,
        "encounter": encounter,
        "effectiveDateTime": when,
        "performer": [context.patient],
        "valueQuantity": quantity(score.total, "{score}", "{score}"),
    }
    if score.subscales:
        observation["component"] = [
            {
                "code": concept(SUBSCALE, name, name),
                "valueQuantity": quantity(value, "{score}", "{score}"),
            }
            for name, value in score.subscales
        ]
    return observation


# Reading


def session_from(encounter: Resource, context: ReadContext) -> Session | None:
    """The session, without check-ins and notes (they arrive as their own resources); None
    for an encounter that is not a session (entered in error, or without a start time)."""
    fhir_status = encounter.get("status")
    if fhir_status == "entered-in-error":
        return None
    period = encounter.get("period") or {}
    if not isinstance(period, dict):
        raise TypeError("period")
    if "start" not in period:
        return None
    start = local_datetime(period["start"])
    duration = _minutes(encounter.get("length"))
    if duration is None:
        end = local_datetime(period["end"]) if "end" in period else None
        duration = int((end - start).total_seconds() // 60) if end is not None else 50
    modality = extension_value(encounter, "session-modality", "Code")
    if modality not in set(Modality):
        virtual = code_in(encounter.get("class"), ACT_CODE) == "VR"
        modality = Modality.VIDEO if virtual else Modality.IN_PERSON
    kind = next(
        (code for t in encounter.get("type") or [] if (code := code_in(t, SESSION_KIND))), None
    )
    goal_ids = tuple(
        goal_id
        for item in extensions(encounter, "goal-worked-on")
        if (goal_id := context.goal_id(item.get("valueReference"))) is not None
    )
    return Session(
        client_id=0,
        start=start,
        duration_minutes=duration,
        modality=Modality(modality),
        kind=SessionKind(kind) if kind in set(SessionKind) else SessionKind.REGULAR,
        status=_status(fhir_status, encounter),
        agenda=_first(extension_texts(encounter, "session-agenda")),
        focus=_first(extension_texts(encounter, "session-focus")),
        goal_ids=goal_ids,
    )


def note_from(document: Resource, context: ReadContext) -> tuple[int, str, str] | None:
    """(session id, PROGRESS_NOTE or PROCESS_NOTE, text) for a session note, else None."""
    kinds = [code_in(c, NOTE_KIND) for c in document.get("category") or []]
    kinds.append(code_in(document.get("type"), NOTE_KIND))
    if PROCESS_NOTE in kinds:
        kind = PROCESS_NOTE
    elif PROGRESS_NOTE in kinds or code_in(document.get("type"), LOINC) == "11506-3":
        kind = PROGRESS_NOTE
    else:
        return None
    links = document.get("context") or {}
    sessions = links.get("encounter") or links.get("related") or []
    session_id = context.session_id(sessions[0]) if sessions else None
    if session_id is None:
        return None
    texts = []
    for content in document.get("content") or []:
        attachment = content.get("attachment") or {}
        if not str(attachment.get("contentType", "")).startswith("text/plain"):
            continue
        try:
            texts.append(base64.b64decode(attachment.get("data", ""), validate=True).decode())
        except (binascii.Error, ValueError):
            return None
    return (session_id, kind, "\n\n".join(texts)) if texts else None


def check_in_from(
    observation: Resource, context: ReadContext
) -> tuple[int, Rater, AllianceRatings] | None:
    if code_in(observation.get("code"), OBSERVATION_CODE) != CHECK_IN_CODE:
        return None
    session_id = context.session_id(observation.get("encounter"))
    scores = {
        code_in(c.get("code"), DIMENSION): c.get("valueInteger")
        for c in observation.get("component") or []
    }
    if session_id is None or not all(isinstance(scores.get(d), int) for d in AllianceDimension):
        return None
    clinician = performer_kind(observation.get("performer"), context) == "clinician"
    ratings = AllianceRatings(
        goals=int(scores["goals"]),
        tasks=int(scores["tasks"]),
        bond=int(scores["bond"]),
        overall=int(scores["overall"]),
    )
    return session_id, Rater.CLINICIAN if clinician else Rater.CLIENT, ratings


def instrument_from(
    observation: Resource, context: ReadContext
) -> tuple[int, InstrumentScore] | None:
    code = observation.get("code")
    instrument = code_in(code, INSTRUMENT)
    if instrument not in set(Instrument):
        loinc = code_in(code, LOINC)
        instrument = next((i for i, (c, _) in _LOINC_TOTALS.items() if c == loinc), None)
    session_id = context.session_id(observation.get("encounter"))
    total = (observation.get("valueQuantity") or {}).get("value")
    if instrument is None or session_id is None or not isinstance(total, int | float):
        return None
    subscales = tuple(
        (str(code_in(c.get("code"), SUBSCALE)), float(c["valueQuantity"]["value"]))
        for c in observation.get("component") or []
        if code_in(c.get("code"), SUBSCALE) and "valueQuantity" in c
    )
    return session_id, InstrumentScore(Instrument(instrument), float(total), subscales)


def _status(fhir_status: Any, encounter: Resource) -> SessionStatus:
    if fhir_status in _HAPPENED:
        return SessionStatus.ATTENDED
    if fhir_status == "cancelled":
        reasons = [e for e in encounter.get("extension") or [] if e.get("url") == REASON_CANCELLED]
        code = code_in(reasons[0].get("valueCodeableConcept"), SESSION_STATUS) if reasons else None
        return SessionStatus(code) if code in set(CANCELLATION_WORDS) else SessionStatus.CANCELLED
    return SessionStatus.SCHEDULED  # planned, or a status this app has no word for


def _minutes(length: Any) -> int | None:
    if not isinstance(length, dict) or not isinstance(length.get("value"), int | float):
        return None
    factor = {"min": 1, "h": 60}.get(str(length.get("code") or length.get("unit")))
    return round(length["value"] * factor) if factor else None


def _first(texts: tuple[str, ...]) -> str:
    return texts[0] if texts else ""
