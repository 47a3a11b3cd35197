"""The client as a FHIR Patient with Consent resources, and the sending clinician as a
Practitioner.

Patient: the name is `official`, the preferred name `usual`; the emergency contact is a
`contact` with relationship v2-0131 "C". Pronouns, referral source, start of therapy, the
client's status, their values and presenting concerns have no R4 element and travel as
Alliance extensions. Consent: scope `treatment` for informed consent, `patient-privacy` for
sharing (a handover or other); the exact kind as an Alliance category code; the scope text in
an extension; a withdrawal ends `provision.period` and makes the consent `inactive`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from alliance_desktop.domain.client import (
    Client,
    ClientStatus,
    ConsentKind,
    ConsentRecord,
    ContactDetails,
)
from alliance_desktop.domain.handover_errors import HandoverDamaged
from alliance_desktop.domain.practice_profile import PracticeProfile
from alliance_desktop.exchange.fhir_terms import (
    ACT_CODE,
    ACT_REASON,
    ALLIANCE,
    CONSENT_SCOPE,
    CONTACT_ROLE,
    LOINC,
    PARTICIPATION_TYPE,
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
    fhir_date,
    optional_date,
    parse_date,
    text_extensions,
)

_CONSENT_KIND = alliance_system("consent-kind")
_CLIENT_STATUS = alliance_system("client-status")
_CONSENT_SCOPES = {
    ConsentKind.INFORMED_CONSENT: ("treatment", "Treatment"),
    ConsentKind.HANDOVER_SHARING: ("patient-privacy", "Privacy Consent"),
    ConsentKind.OTHER: ("patient-privacy", "Privacy Consent"),
}


def client_identifier_system(vault_identifier: str) -> str:
    """Client ids are only unique within one vault: the vault's own identifier scopes them."""
    return f"{ALLIANCE}/vault/{vault_identifier}/client"


def patient_resource(client: Client, context: WriteContext, vault_identifier: str = "") -> Resource:
    names: list[Resource] = [{"use": "official", "text": client.name}]
    if client.preferred_name:
        names.append({"use": "usual", "text": client.preferred_name})
    patient: Resource = {
        "resourceType": "Patient",
        "id": context.ids.of("Patient", "client"),
        "active": True,
        "name": names,
    }
    if vault_identifier and client.id is not None:
        patient["identifier"] = [
            {
                "use": "secondary",
                "system": client_identifier_system(vault_identifier),
                "value": str(client.id),
                "assigner": {"display": "Alliance Desktop (the sending practice)"},
            }
        ]
    found_extensions = [
        *text_extensions("pronouns", [client.pronouns]),
        *text_extensions("referral-source", [client.referral_source]),
        extension("client-status", "Code", client.status.value),
        *text_extensions("client-value", client.values),
        *text_extensions("presenting-concern", client.concerns),
    ]
    if client.start_date is not None:
        found_extensions.append(extension("therapy-start", "Date", fhir_date(client.start_date)))
    patient["extension"] = found_extensions
    contact = client.contact
    telecom = [
        {"system": system, "value": value}
        for system, value in (("email", contact.email), ("phone", contact.phone))
        if value
    ]
    if telecom:
        patient["telecom"] = telecom
    if contact.address:
        patient["address"] = [{"text": contact.address}]
    if contact.emergency_contact:
        patient["contact"] = [
            {
                "relationship": [concept(CONTACT_ROLE, "C", "Emergency Contact")],
                "name": {"text": contact.emergency_contact},
            }
        ]
    if client.date_of_birth is not None:
        patient["birthDate"] = fhir_date(client.date_of_birth)
    return patient


@dataclass(frozen=True)
class Recipient:
    """Who a handover consent lets the record go to, and on what consent (the one in the
    client's records that this handover rests on)."""

    name: str
    organisation: str
    consent: ConsentRecord


def consent_resources(
    client: Client, context: WriteContext, recipient: Recipient | None = None
) -> list[Resource]:
    resources = []
    for index, consent in enumerate(client.consents):
        scope, scope_label = _CONSENT_SCOPES[consent.kind]
        period = {"start": fhir_date(consent.given_on)}
        if consent.withdrawn_on is not None:
            period["end"] = fhir_date(consent.withdrawn_on)
        resource: Resource = {
            "resourceType": "Consent",
            "id": context.ids.of("Consent", index),
            "status": "inactive" if consent.withdrawn_on is not None else "active",
            "scope": concept(CONSENT_SCOPE, scope, scope_label),
            "category": [
                concept(LOINC, "59284-0", "Patient Consent"),
                concept(_CONSENT_KIND, consent.kind.value, consent.kind.label),
            ],
            "patient": context.patient,
            "dateTime": fhir_date(consent.given_on),
            "policyRule": concept(ACT_CODE, "OPTIN", "opt-in"),
            "provision": {"period": period},
        }
        if consent.scope:
            resource["extension"] = text_extensions("consent-scope", [consent.scope])
        if recipient is not None and consent == recipient.consent:
            resource["provision"] = {**resource["provision"], **_sharing_provision(recipient)}
        resources.append(resource)
    return resources


def _sharing_provision(recipient: Recipient) -> Resource:
    """The receiving clinician as the information recipient, for coordination of care."""
    receiver = recipient.name + (f", {recipient.organisation}" if recipient.organisation else "")
    return {
        "type": "permit",
        "actor": [
            {
                "role": concept(PARTICIPATION_TYPE, "IRCP", "information recipient"),
                "reference": {"display": receiver},
            }
        ],
        "purpose": [coding(ACT_REASON, "COC", "coordination of care")],
    }


def practitioner_resource(profile: PracticeProfile, context: WriteContext) -> Resource:
    practitioner: Resource = {
        "resourceType": "Practitioner",
        "id": context.ids.of("Practitioner", "sender"),
        "extension": text_extensions("practice-name", [profile.practice_name]),
    }
    if profile.clinician_name:
        practitioner["name"] = [{"text": profile.clinician_name}]
    if profile.credentials:
        practitioner["qualification"] = [{"code": {"text": profile.credentials}}]
    telecom = [
        {"system": system, "value": value}
        for system, value in (
            ("phone", profile.phone),
            ("email", profile.email),
            ("url", profile.website),
        )
        if value
    ]
    if telecom:
        practitioner["telecom"] = telecom
    if profile.address:
        practitioner["address"] = [{"text": profile.address}]
    if not practitioner["extension"]:
        del practitioner["extension"]
    return practitioner


# Reading


def client_from(patient: Resource, consents: list[Resource], context: ReadContext) -> Client:
    name, preferred = _names(patient.get("name"))
    if not name:
        raise HandoverDamaged("the client (FHIR Patient) has no name")
    status = extension_value(patient, "client-status", "Code")
    telecom = patient.get("telecom") or []
    emergency = ""
    for contact in patient.get("contact") or []:
        if any(code_in(r, CONTACT_ROLE) == "C" for r in contact.get("relationship") or []):
            emergency = str((contact.get("name") or {}).get("text", ""))
    addresses = patient.get("address") or []
    return Client(
        name=name,
        preferred_name=preferred,
        pronouns=_first(extension_texts(patient, "pronouns")),
        date_of_birth=optional_date(patient.get("birthDate")),
        contact=ContactDetails(
            email=_telecom(telecom, "email"),
            phone=_telecom(telecom, "phone"),
            address=_address(addresses[0]) if addresses else "",
            emergency_contact=emergency,
        ),
        referral_source=_first(extension_texts(patient, "referral-source")),
        start_date=optional_date(extension_value(patient, "therapy-start", "Date")),
        # A record from another system arrives as a new client of this practice.
        status=ClientStatus(status) if status in set(ClientStatus) else ClientStatus.INTAKE,
        values=extension_texts(patient, "client-value"),
        concerns=extension_texts(patient, "presenting-concern"),
        consents=tuple(
            _consent_from(consent)
            for consent in consents
            if context.is_patient(consent.get("patient"))
        ),
    )


def practitioner_name(practitioner: Resource | None) -> str:
    if practitioner is None:
        return ""
    name, _ = _names(practitioner.get("name"))
    practice = _first(extension_texts(practitioner, "practice-name"))
    return f"{name}, {practice}" if name and practice else name or practice


def _consent_from(resource: Resource) -> ConsentRecord:
    kind_code = None
    for category in resource.get("category") or []:
        kind_code = kind_code or code_in(category, _CONSENT_KIND)
    if kind_code in set(ConsentKind):
        kind = ConsentKind(kind_code)
    elif code_in(resource.get("scope"), CONSENT_SCOPE) == "treatment":
        kind = ConsentKind.INFORMED_CONSENT
    else:
        kind = ConsentKind.OTHER
    period = (resource.get("provision") or {}).get("period") or {}
    given = resource.get("dateTime") or period.get("start")
    return ConsentRecord(
        kind=kind,
        given_on=parse_date(given),
        scope=_first(extension_texts(resource, "consent-scope")),
        withdrawn_on=optional_date(period.get("end")),
    )


def _names(names: Any) -> tuple[str, str]:
    """(name, preferred name) from HumanNames: `official` (or the first), and `usual`."""
    usable = [n for n in names or [] if isinstance(n, dict)]
    official = next((n for n in usable if n.get("use") == "official"), None)
    official = official or next((n for n in usable if n.get("use") != "usual"), None)
    usual = next((n for n in usable if n.get("use") in ("usual", "nickname")), None)
    return _name_text(official), _name_text(usual)


def _name_text(name: Resource | None) -> str:
    if name is None:
        return ""
    if name.get("text"):
        return str(name["text"]).strip()
    parts = [*(name.get("given") or []), name.get("family") or ""]
    return " ".join(str(part) for part in parts if part).strip()


def _telecom(telecom: list[Any], system: str) -> str:
    return next(
        (
            str(t["value"])
            for t in telecom
            if isinstance(t, dict) and t.get("system") == system and t.get("value")
        ),
        "",
    )


def _address(address: Resource) -> str:
    if address.get("text"):
        return str(address["text"])
    parts = [
        *(address.get("line") or []),
        address.get("city"),
        address.get("postalCode"),
        address.get("country"),
    ]
    return ", ".join(str(part) for part in parts if part)


def _first(texts: tuple[str, ...]) -> str:
    return texts[0] if texts else ""
