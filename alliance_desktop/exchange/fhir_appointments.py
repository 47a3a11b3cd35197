"""Sessions that did not take place as FHIR Appointments: booked ones still to come, cancelled
ones and no-shows. An Encounter is for a session that happened (or one that carries check-ins),
so EHR software does not count a cancellation as a visit.

Appointment: `booked`, `cancelled` (with the app's own cancellation code and words in
`cancelationReason`: cancelled in good time, late, or by the clinician) or `noshow`; start,
end and minutes; the client and the clinician as participants; the kind of session as the
appointment type. Modality, focus, agenda and goals worked on travel in the same Alliance
extensions as on an Encounter.
"""

from __future__ import annotations

from collections.abc import Collection

from alliance_desktop.domain.session import Modality, Session, SessionKind, SessionStatus
from alliance_desktop.exchange.fhir_series import series_extension
from alliance_desktop.exchange.fhir_terms import (
    ReadContext,
    Resource,
    WriteContext,
    code_in,
    concept,
    extension,
    extension_texts,
    extension_value,
    extensions,
    fhir_datetime,
    local_datetime,
    text_extensions,
)

APPOINTMENT_SESSIONS = frozenset(
    {
        SessionStatus.SCHEDULED,
        SessionStatus.CANCELLED,
        SessionStatus.LATE_CANCELLED,
        SessionStatus.CLINICIAN_CANCELLED,
        SessionStatus.NO_SHOW,
    }
)
_APPOINTMENT_STATUS = {
    SessionStatus.SCHEDULED: "booked",
    SessionStatus.CANCELLED: "cancelled",
    SessionStatus.LATE_CANCELLED: "cancelled",
    SessionStatus.CLINICIAN_CANCELLED: "cancelled",
    SessionStatus.NO_SHOW: "noshow",
}
CANCELLATION_WORDS = {
    SessionStatus.CANCELLED: "Cancelled by the client in good time",
    SessionStatus.LATE_CANCELLED: "Cancelled late by the client",
    SessionStatus.CLINICIAN_CANCELLED: "Cancelled by the clinician",
    SessionStatus.NO_SHOW: "No-show: the client did not come",
}


def is_appointment(session: Session) -> bool:
    """A session that did not (or not yet) take place, with nothing recorded that only a
    session that happened can hold (a check-in)."""
    return session.status in APPOINTMENT_SESSIONS and session.check_in.is_empty


def appointment_resource(
    session: Session,
    context: WriteContext,
    goal_ids: Collection[int],
    session_status_system: str,
    session_kind_system: str,
) -> Resource:
    session_id = session.id or 0
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
    appointment: Resource = {
        "resourceType": "Appointment",
        "id": context.ids.of("Appointment", session_id),
        "extension": found_extensions,
        "status": _APPOINTMENT_STATUS[session.status],
        "appointmentType": concept(
            session_kind_system,
            session.kind.value,
            session.kind.label,
            f"{session.kind.label} session",
        ),
        "description": f"{session.kind.label} session, {session.modality.label.lower()}",
        "start": fhir_datetime(session.start),
        "end": fhir_datetime(session.end),
        "minutesDuration": session.duration_minutes,
        "participant": [
            {"actor": context.patient, "status": "accepted"},
            {"actor": context.practitioner, "status": "accepted"},
        ],
    }
    if session.status in CANCELLATION_WORDS and session.status is not SessionStatus.NO_SHOW:
        appointment["cancelationReason"] = concept(
            session_status_system,
            session.status.value,
            session.status.label,
            CANCELLATION_WORDS[session.status],
        )
    return appointment


def appointment_from(
    appointment: Resource,
    context: ReadContext,
    session_status_system: str,
    session_kind_system: str,
) -> Session | None:
    """The session an Appointment books (None for one without a start, or entered in error)."""
    fhir_status = appointment.get("status")
    if fhir_status == "entered-in-error" or not isinstance(appointment.get("start"), str):
        return None
    start = local_datetime(appointment["start"])
    minutes = appointment.get("minutesDuration")
    if not isinstance(minutes, int) or isinstance(minutes, bool):
        end = appointment.get("end")
        minutes = int((local_datetime(end) - start).total_seconds() // 60) if end else 50
    modality = extension_value(appointment, "session-modality", "Code")
    kind = code_in(appointment.get("appointmentType"), session_kind_system)
    goal_ids = tuple(
        goal_id
        for item in extensions(appointment, "goal-worked-on")
        if (goal_id := context.goal_id(item.get("valueReference"))) is not None
    )
    return Session(
        client_id=0,
        start=start,
        duration_minutes=minutes,
        modality=Modality(modality) if modality in set(Modality) else Modality.IN_PERSON,
        kind=SessionKind(kind) if kind in set(SessionKind) else SessionKind.REGULAR,
        status=_status(fhir_status, appointment, session_status_system),
        agenda=_first(extension_texts(appointment, "session-agenda")),
        focus=_first(extension_texts(appointment, "session-focus")),
        goal_ids=goal_ids,
    )


def _status(fhir_status: object, appointment: Resource, system: str) -> SessionStatus:
    if fhir_status == "noshow":
        return SessionStatus.NO_SHOW
    if fhir_status == "cancelled":
        code = code_in(appointment.get("cancelationReason"), system)
        return SessionStatus(code) if code in set(CANCELLATION_WORDS) else SessionStatus.CANCELLED
    if fhir_status == "fulfilled":
        return SessionStatus.ATTENDED
    return SessionStatus.SCHEDULED  # booked, pending, proposed, ...


def _first(texts: tuple[str, ...]) -> str:
    return texts[0] if texts else ""
