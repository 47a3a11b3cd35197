"""The client's record as a FHIR R4 Bundle: valid against the R4B models, mapped the way the
module docstrings say, and read back into the same record. Bundles from other systems import
what they can and list what they skip."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle

from alliance_desktop.domain.client import ClientStatus
from alliance_desktop.domain.handover import ClientRecord
from alliance_desktop.domain.handover_errors import HandoverDamaged
from alliance_desktop.domain.session import SessionStatus
from alliance_desktop.exchange.fhir_bundle import bundle_bytes, handover_bundle, read_bundle
from alliance_desktop.services import Practice
from tests.exchange.samples import EVERYTHING, LEVELS, NAME, PROFILE, comparable, populate

CREATED = dt.datetime(2026, 3, 14, 9, 30, tzinfo=dt.UTC)
EXPORT_ID = uuid.UUID("8a4c7a4e-0f5b-4d8e-9a43-3f1c2b7d6e10")
Resource = dict[str, Any]


@pytest.fixture
def record(practice: Practice) -> ClientRecord:
    client_id = populate(practice)
    client = replace(practice.client(client_id), status=ClientStatus.ACTIVE)
    return practice.handover.record_for(client, EVERYTHING)


@pytest.fixture
def bundle(record: ClientRecord) -> Resource:
    return handover_bundle(record, PROFILE, CREATED, EXPORT_ID)


def resources(bundle: Resource, kind: str) -> list[Resource]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def codes(concept: Any) -> set[str]:
    return {coding["code"] for coding in concept.get("coding", [])}


def test_the_bundle_is_valid_fhir_r4(bundle: Resource) -> None:
    Bundle.model_validate(bundle)
    for entry in bundle["entry"]:
        resource = entry["resource"]
        get_fhir_model_class(resource["resourceType"]).model_validate(resource)
        assert entry["fullUrl"] == f"urn:uuid:{resource['id']}"
    assert bundle["type"] == "transaction"
    counted = Counter(e["resource"]["resourceType"] for e in bundle["entry"])
    assert counted == {
        "Patient": 1,
        "Practitioner": 1,
        "Consent": 2,
        "Goal": 4,
        "Encounter": 6,  # the sessions that took place
        "Appointment": 6,  # two booked ahead, three cancelled, one no-show
        "DocumentReference": 8,  # six progress notes, two process notes
        "Observation": 4 + 8 + 6,  # GAS ratings, check-ins (client and clinician), questionnaires
        "CarePlan": 1,
        "Basic": 2,
    }


def test_every_reference_points_inside_the_bundle(bundle: Resource) -> None:
    inside = {entry["fullUrl"] for entry in bundle["entry"]}

    def walk(value: Any) -> Iterator[str]:
        if isinstance(value, dict):
            if isinstance(value.get("reference"), str):
                yield value["reference"]
            for item in value.values():
                yield from walk(item)
        elif isinstance(value, list):
            for item in value:
                yield from walk(item)

    found = list(walk(bundle))
    assert found
    assert set(found) <= inside


def test_one_export_always_gives_the_same_bundle(record: ClientRecord) -> None:
    first = bundle_bytes(handover_bundle(record, PROFILE, CREATED, EXPORT_ID))
    assert first == bundle_bytes(handover_bundle(record, PROFILE, CREATED, EXPORT_ID))
    assert first != bundle_bytes(handover_bundle(record, PROFILE, CREATED, uuid.uuid4()))


def test_sessions_that_took_place_are_encounters_the_rest_appointments(
    bundle: Resource, record: ClientRecord
) -> None:
    encounters = resources(bundle, "Encounter")
    appointments = resources(bundle, "Appointment")
    assert {e["status"] for e in encounters} == {"finished"}
    by_start = {a["start"]: a for a in appointments}
    mapped = {}
    for session in record.sessions:
        if session.status is SessionStatus.ATTENDED:
            continue
        appointment = by_start[session.start.astimezone().isoformat(timespec="seconds")]
        reason = appointment.get("cancelationReason")
        mapped[session.status] = (appointment["status"], reason)
    assert mapped[SessionStatus.SCHEDULED] == ("booked", None)
    assert mapped[SessionStatus.NO_SHOW] == ("noshow", None)
    for status in (
        SessionStatus.CANCELLED,
        SessionStatus.LATE_CANCELLED,
        SessionStatus.CLINICIAN_CANCELLED,
    ):
        fhir_status, reason = mapped[status]
        assert fhir_status == "cancelled"  # never entered-in-error: these sessions were real
        assert reason is not None and codes(reason) == {status.value}
    assert "late" in mapped[SessionStatus.LATE_CANCELLED][1]["text"]
    booked = next(a for a in appointments if a["status"] == "booked")
    assert booked["minutesDuration"] == 50 and booked["end"] > booked["start"]
    assert [p["status"] for p in booked["participant"]] == ["accepted", "accepted"]
    first = encounters[0]
    assert first["class"]["code"] == "AMB"
    assert encounters[1]["class"]["code"] == "VR"
    assert first["length"] == {
        "value": 60,
        "unit": "min",
        "system": "http://unitsofmeasure.org",
        "code": "min",
    }
    assert first["period"] == {
        "start": "2026-01-05T10:00:00+00:00",
        "end": "2026-01-05T11:00:00+00:00",
    }


def test_every_entry_is_a_transaction_request(bundle: Resource) -> None:
    """What a FHIR server needs to load the bundle as delivered (R4 bdl-3, bdl-7 and the
    transaction rules): each entry a POST to its own type, a urn:uuid fullUrl, unique."""
    assert bundle["identifier"] == {
        "system": "urn:ietf:rfc:3986",
        "value": f"urn:uuid:{EXPORT_ID}",
    }
    full_urls = [entry["fullUrl"] for entry in bundle["entry"]]
    assert len(set(full_urls)) == len(full_urls)
    for entry in bundle["entry"]:
        request, resource = entry["request"], entry["resource"]
        assert set(request) <= {"method", "url", "ifNoneExist"}
        assert request["method"] == "POST"
        assert request["url"] == resource["resourceType"]
        assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", entry["fullUrl"])
        assert set(entry) == {"fullUrl", "resource", "request"}


def test_the_patient_carries_a_vault_scoped_identifier(record: ClientRecord) -> None:
    bundle = handover_bundle(record, PROFILE, CREATED, EXPORT_ID, vault_identifier="abc123")
    patient = resources(bundle, "Patient")[0]
    identifier = patient["identifier"][0]
    assert identifier["system"].endswith("/vault/abc123/client")
    assert identifier["value"] == str(record.client.id)
    assert bundle["entry"][0]["request"]["ifNoneExist"] == (
        f"identifier={identifier['system']}|{identifier['value']}"
    )


def test_every_resource_has_a_short_narrative_without_note_text(bundle: Resource) -> None:
    for entry in bundle["entry"]:
        text = entry["resource"]["text"]
        assert text["status"] == "generated"
        assert text["div"].startswith('<div xmlns="http://www.w3.org/1999/xhtml">')
        assert len(text["div"]) < 400
    for document in resources(bundle, "DocumentReference"):
        assert "note" in document["text"]["div"].lower()
        assert "Progressnote" not in document["text"]["div"]


def test_goals_carry_status_achievement_and_the_expected_outcome(bundle: Resource) -> None:
    goals = {
        goal["description"]["text"].splitlines()[0]: goal for goal in resources(bundle, "Goal")
    }
    bus = goals["Take the bus to work"]
    assert bus["lifecycleStatus"] == "active"
    assert codes(bus["achievementStatus"]) == {"improving"}  # -1 then 0
    assert bus["target"] == [
        {
            "measure": bus["target"][0]["measure"],
            "detailString": LEVELS[2],
            "dueDate": "2026-06-01",
        }
    ]
    assert codes(bus["priority"]) == {"high-priority"}
    assert bus["expressedBy"] == resources(bundle, "Encounter")[0]["subject"]  # the client
    assert goals["Sleep through most nights"]["lifecycleStatus"] == "completed"
    assert codes(goals["Sleep through most nights"]["achievementStatus"]) == {"achieved"}
    assert goals["Get back in touch with my sister"]["lifecycleStatus"] == "on-hold"
    assert goals["Find a new job"]["lifecycleStatus"] == "proposed"
    assert "achievementStatus" not in goals["Find a new job"]


def test_check_ins_and_gas_ratings_are_observations(bundle: Resource) -> None:
    observations = resources(bundle, "Observation")
    check_ins = [o for o in observations if "alliance-check-in" in codes(o["code"])]
    assert {codes(c["code"]).pop() for c in check_ins[0]["component"]} == {
        "goals",
        "tasks",
        "bond",
        "overall",
    }
    assert all(0 <= c["valueInteger"] <= 10 for o in check_ins for c in o["component"])
    ratings = [o for o in observations if "gas-rating" in codes(o["code"])]
    assert sorted(o["valueInteger"] for o in ratings) == [-2, -1, 0, 1]
    assert all(o["focus"][0]["reference"].startswith("urn:uuid:") for o in ratings)
    phq9 = [o for o in observations if "44261-6" in codes(o["code"])]
    assert [o["valueQuantity"]["value"] for o in phq9] == [12, 3]


def test_the_ending_plan_is_a_care_plan_and_ruptures_are_basic(bundle: Resource) -> None:
    (plan,) = resources(bundle, "CarePlan")
    assert plan["intent"] == "plan"
    parts = Counter(codes(a["detail"]["code"]).pop() for a in plan["activity"])
    assert parts == {
        "what-helped": 2,
        "warning-sign": 1,
        "coping-step": 2,
        "support": 2,
        "if-things-get-worse": 1,
        "follow-up-session": 2,
    }
    ruptures = resources(bundle, "Basic")
    assert all("alliance-rupture" in codes(r["code"]) for r in ruptures)
    assert ruptures[0]["created"] == "2026-01-12"


def test_the_record_reads_back_the_same(bundle: Resource, record: ClientRecord) -> None:
    contents = read_bundle(bundle_bytes(bundle))
    assert contents.skipped == ()
    assert contents.from_clinician == "Dr Ana Ferreira, Harbour Lane Psychotherapy"
    back, original = comparable(contents.record), comparable(record)
    assert back.client == original.client
    assert back.client.name == NAME
    for read, written in zip(back.sessions, original.sessions, strict=True):
        assert read == written
    for read_goal, written_goal in zip(back.goals, original.goals, strict=True):
        assert read_goal == written_goal
    assert back.ruptures == original.ruptures
    assert back.ending_plan == original.ending_plan
    assert back == original


def test_unknown_resources_from_another_system_are_skipped_and_listed(bundle: Resource) -> None:
    foreign = copy.deepcopy(bundle)
    foreign["entry"] += [
        {"fullUrl": "urn:uuid:1", "resource": {"resourceType": "AllergyIntolerance", "id": "a"}},
        {"fullUrl": "urn:uuid:2", "resource": {"resourceType": "AllergyIntolerance", "id": "b"}},
        {"fullUrl": "urn:uuid:3", "resource": {"resourceType": "MedicationStatement", "id": "m"}},
        {
            "fullUrl": "urn:uuid:4",
            "resource": {
                "resourceType": "Observation",
                "id": "bp",
                "status": "final",
                "code": {"coding": [{"system": "http://loinc.org", "code": "85354-9"}]},
            },
        },
    ]
    contents = read_bundle(json.dumps(foreign).encode())
    skipped = {(s.resource_type, s.count) for s in contents.skipped}
    assert skipped == {("AllergyIntolerance", 2), ("MedicationStatement", 1), ("Observation", 1)}
    assert comparable(contents.record) == comparable(read_bundle(bundle_bytes(bundle)).record)


def test_a_minimal_bundle_from_another_system_imports_what_it_can() -> None:
    bundle = {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [
            {
                "fullUrl": "http://ehr.example/fhir/Patient/p1",
                "resource": {
                    "resourceType": "Patient",
                    "id": "p1",
                    "name": [{"family": "Nakamura", "given": ["Aiko"]}],
                    "birthDate": "1990-02-03",
                },
            },
            {
                "fullUrl": "http://ehr.example/fhir/Encounter/e1",
                "resource": {
                    "resourceType": "Encounter",
                    "id": "e1",
                    "status": "finished",
                    "class": {"code": "AMB"},
                    "subject": {"reference": "Patient/p1"},
                    "period": {"start": "2025-11-04T14:00:00Z", "end": "2025-11-04T14:45:00Z"},
                },
            },
            {
                "fullUrl": "http://ehr.example/fhir/Encounter/e2",
                "resource": {"resourceType": "Encounter", "id": "e2", "status": "entered-in-error"},
            },
            {
                "fullUrl": "http://ehr.example/fhir/Goal/g1",
                "resource": {
                    "resourceType": "Goal",
                    "id": "g1",
                    "lifecycleStatus": "active",
                    "description": {"text": "Fewer panic attacks"},
                    "subject": {"reference": "Patient/p1"},
                },
            },
            {
                "fullUrl": "http://ehr.example/fhir/Condition/c1",
                "resource": {"resourceType": "Condition", "id": "c1"},
            },
        ],
    }
    contents = read_bundle(json.dumps(bundle).encode())
    record = contents.record
    assert record.client.name == "Aiko Nakamura"
    assert record.client.status is ClientStatus.INTAKE
    (session,) = record.sessions
    assert session.status is SessionStatus.ATTENDED
    assert session.start == dt.datetime(2025, 11, 4, 14, 0)
    assert session.duration_minutes == 45
    (goal,) = record.goals
    assert goal.column.value == "agreed"  # active, but without GAS levels it cannot be rated yet
    assert {(s.resource_type, s.count) for s in contents.skipped} == {
        ("Condition", 1),
        ("Encounter", 1),
    }


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'{"resourceType": "Bundle", "entry": [{"resource": {"resourceType": "Pat', "valid JSON"),
        (b'{"resourceType": "Patient"}', "not a Bundle"),
        (b'{"resourceType": "Bundle", "entry": []}', "no client"),
        (b'{"resourceType": "Bundle", "entry": [1]}', "holds no resource"),
    ],
)
def test_broken_bundles_are_refused_in_words(data: bytes, message: str) -> None:
    with pytest.raises(HandoverDamaged, match=message):
        read_bundle(data)


def test_a_malformed_resource_or_a_broken_rule_is_refused(bundle: Resource) -> None:
    broken = copy.deepcopy(bundle)
    resources(broken, "Encounter")[0]["period"] = ["not", "an", "object"]
    with pytest.raises(HandoverDamaged, match="Encounter entry is malformed"):
        read_bundle(json.dumps(broken).encode())
    broken = copy.deepcopy(bundle)
    resources(broken, "Encounter")[0]["length"]["value"] = 0
    with pytest.raises(HandoverDamaged, match="a session breaks a rule"):
        read_bundle(json.dumps(broken).encode())
    broken = copy.deepcopy(bundle)
    broken["entry"].append(copy.deepcopy(broken["entry"][0]))
    with pytest.raises(HandoverDamaged, match="more than one client"):
        read_bundle(json.dumps(broken).encode())
