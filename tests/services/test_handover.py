"""practice.handover: the exported folder, what the vault records, undoing it, and importing the
record into another vault, field for field; then every kind of bad input, each refused with a
clear message and the receiving vault left exactly as it was."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from alliance_desktop.domain.client import ClientStatus
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.goal import GasRating
from alliance_desktop.domain.handover import (
    CORE_CATEGORIES,
    HandoverOptions,
    HandoverResult,
    options_within_consent,
)
from alliance_desktop.domain.handover_errors import (
    HandoverDamaged,
    HandoverError,
    HandoverFileAltered,
    HandoverFileMissing,
    HandoverFolderNotEmpty,
    HandoverTooNew,
    NoHandoverToUndo,
    NothingToImport,
    WrongHandoverPassword,
)
from alliance_desktop.domain.recurrence import Frequency, RecurrenceRule
from alliance_desktop.domain.session import SessionStatus
from alliance_desktop.domain.share_consent import (
    ShareCategory,
    format_share_scope,
    parse_share_scope,
)
from alliance_desktop.exchange.handover_crypto import open_sealed, seal
from alliance_desktop.exchange.handover_manifest import PackedFile, build_manifest, read_manifest
from alliance_desktop.services import Practice
from alliance_desktop.vault import handover_repository
from tests.exchange.samples import (
    AGENDA,
    DETAILS,
    EVERYTHING,
    NAME,
    PROCESS_NOTE,
    PROGRESS_NOTE,
    RUPTURE_NOTE,
    comparable,
    populate,
)
from tests.factories import PASSPHRASE, fixed_clock, make_client, make_session

FILES = {"record.pdf", "record.fhir.json.enc", "sessions.ics", "manifest.json"}


@pytest.fixture
def client_id(practice: Practice) -> int:
    return populate(practice)


@pytest.fixture
def receiving(tmp_path: Path) -> Iterator[Practice]:
    """The next clinician's vault, empty."""
    opened = Practice.create(tmp_path / "receiving.vault", PASSPHRASE, clock=fixed_clock)
    yield opened
    opened.close()


@pytest.fixture
def exported(practice: Practice, client_id: int, tmp_path: Path) -> HandoverResult:
    return practice.handover.export(client_id, tmp_path / "handover", DETAILS, EVERYTHING)


def pdf_text(path: Path, password: str) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    assert reader.is_encrypted
    assert reader.decrypt(password)
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def bundle_of(folder: Path, password: str) -> dict[str, Any]:
    manifest = read_manifest(folder)
    data = open_sealed(
        (folder / "record.fhir.json.enc").read_bytes(), manifest.kdf.derive(password)
    )
    document: dict[str, Any] = json.loads(data)
    return document


# Export


def test_export_writes_four_private_files_in_a_private_folder(exported: HandoverResult) -> None:
    folder = exported.folder
    assert {path.name for path in folder.iterdir()} == FILES
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for path in folder.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert {f.name for f in exported.files} == FILES
    assert exported.future_sessions == 2
    assert exported.password not in repr(exported)


def test_the_manifest_has_hashes_and_options_but_no_name(exported: HandoverResult) -> None:
    text = (exported.folder / "manifest.json").read_text()
    for private in (NAME, "Zoë", "maggie@example.org", "Mensah", exported.password):
        assert private not in text
    document = json.loads(text)
    assert document["format_version"] == 1
    assert document["app_version"]
    assert document["options"] == {
        "categories": [c.value for c in ShareCategory],
        "beyond_consent": False,
        "session_notes": True,
        "ruptures": True,
        "private_notes": True,
        "fhir": True,
    }
    listed = {f.name: f for f in exported.files}
    for entry in document["files"]:
        assert listed[entry["name"]].sha256 == entry["sha256"]
        assert (exported.folder / entry["name"]).stat().st_size == entry["bytes"]


def test_the_record_opens_with_the_password_and_only_with_it(exported: HandoverResult) -> None:
    path = exported.folder / "record.pdf"
    text = pdf_text(path, exported.password)
    for expected in (NAME, "Dr Kwame Mensah", "Moving to Leeds", PROGRESS_NOTE, RUPTURE_NOTE):
        assert expected in text
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    assert not reader.decrypt("")
    assert reader.decrypt(exported.password.upper())  # as read back over the phone
    assert not PdfReader(io.BytesIO(path.read_bytes())).decrypt(exported.password[:-1] + "q")
    assert NAME.encode() not in path.read_bytes()
    assert NAME.encode() not in (exported.folder / "record.fhir.json.enc").read_bytes()


def test_the_calendar_holds_future_sessions_without_a_name(exported: HandoverResult) -> None:
    text = (exported.folder / "sessions.ics").read_text()
    assert text.count("BEGIN:VEVENT") == 2
    assert "SUMMARY:Session\n" in text
    assert "DTSTART:20260316T100000" in text and "DTSTART:20260330T143000" in text
    for private in (NAME, "Zoë", "Z.O.", "O’Brien"):
        assert private not in text


def test_the_vault_records_the_handover_and_the_client_is_handed_over(
    practice: Practice, client_id: int, exported: HandoverResult
) -> None:
    assert exported.client.status is ClientStatus.HANDED_OVER
    assert DETAILS.consent in exported.client.consents  # the transfer consent, on the record
    (handover,) = practice.handover.history(client_id)
    assert handover.id == exported.handover_id
    assert handover.details == DETAILS
    assert handover.options == EVERYTHING
    assert handover.files == exported.files
    assert handover.status_before is ClientStatus.ACTIVE
    assert handover.undone_at is None
    latest = practice.audit_entries(limit=1)[0]
    assert (latest.kind, latest.record_id) == ("client.handed_over", client_id)
    assert [s.id for s in practice.find_clients(status=ClientStatus.HANDED_OVER)] == [client_id]
    rows = practice._vault.connection.execute("SELECT * FROM handovers").fetchall()
    assert exported.password not in repr(rows)


def test_notes_ruptures_and_process_notes_stay_behind_unless_ticked(
    practice: Practice, client_id: int, tmp_path: Path
) -> None:
    result = practice.handover.export(client_id, tmp_path / "h", DETAILS, HandoverOptions())
    text = pdf_text(result.folder / "record.pdf", result.password)
    bundle = json.dumps(bundle_of(result.folder, result.password), ensure_ascii=False)
    for clinician_only in (PROGRESS_NOTE, AGENDA, PROCESS_NOTE, RUPTURE_NOTE):
        assert clinician_only not in text
        assert clinician_only not in bundle
    assert '"DocumentReference"' not in bundle and '"Basic"' not in bundle
    assert "Take the bus to work" in text and "Take the bus to work" in bundle
    process_only = HandoverOptions(CORE_CATEGORIES | {ShareCategory.PROCESS_NOTES})
    result = practice.handover.export(client_id, tmp_path / "h2", DETAILS, process_only)
    text = pdf_text(result.folder / "record.pdf", result.password)
    assert PROCESS_NOTE in text and PROGRESS_NOTE not in text and RUPTURE_NOTE not in text


def test_without_fhir_only_the_pdf_and_calendar_go(
    practice: Practice, client_id: int, tmp_path: Path, receiving: Practice
) -> None:
    options = HandoverOptions(include_fhir=False)
    result = practice.handover.export(client_id, tmp_path / "h", DETAILS, options)
    assert {p.name for p in result.folder.iterdir()} == FILES - {"record.fhir.json.enc"}
    with pytest.raises(NothingToImport, match="nothing to import"):
        receiving.handover.preview(result.folder, result.password)


def test_a_folder_that_holds_anything_is_refused(
    practice: Practice, client_id: int, tmp_path: Path
) -> None:
    folder = tmp_path / "used"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    audit = practice.audit_entries(limit=10_000)
    with pytest.raises(HandoverFolderNotEmpty, match="already holds files"):
        practice.handover.export(client_id, folder, DETAILS, EVERYTHING)
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]
    assert practice.client(client_id).status is ClientStatus.ACTIVE
    assert practice.audit_entries(limit=10_000) == audit
    empty = tmp_path / "empty"
    empty.mkdir(mode=0o755)
    practice.handover.export(client_id, empty, DETAILS, EVERYTHING)
    assert stat.S_IMODE(empty.stat().st_mode) == 0o700


def test_details_are_checked_before_anything_is_written(
    practice: Practice, client_id: int, tmp_path: Path
) -> None:
    bad = replace(
        DETAILS, receiver_name=" ", consent_given_on=DETAILS.handed_over_on.replace(day=15)
    )
    with pytest.raises(InvalidInput) as raised:
        practice.handover.export(client_id, tmp_path / "h", bad, EVERYTHING)
    assert set(raised.value.problems) == {"receiver_name", "consent_given_on"}
    assert not (tmp_path / "h").exists()


def test_a_handover_that_cannot_be_recorded_leaves_no_files(
    practice: Practice, client_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(handover_repository.HandoverRepository, "record", fail)
    with pytest.raises(OSError, match="disk full"):
        practice.handover.export(client_id, tmp_path / "h", DETAILS, EVERYTHING)
    assert not (tmp_path / "h").exists()
    assert practice.client(client_id).status is ClientStatus.ACTIVE


def test_a_handover_can_be_undone(
    practice: Practice, client_id: int, exported: HandoverResult, tmp_path: Path
) -> None:
    again = practice.handover.export(client_id, tmp_path / "again", DETAILS, HandoverOptions())
    patient = bundle_of(again.folder, again.password)["entry"][0]["resource"]
    status = [e for e in patient["extension"] if e["url"].endswith("/client-status")]
    assert status == [
        {
            "url": "https://alliance-desktop.org/fhir/StructureDefinition/client-status",
            "valueCode": "active",  # the status before the first handover, not "handed_over"
        }
    ]
    restored = practice.handover.undo(client_id)
    assert restored.status is ClientStatus.ACTIVE
    assert all(h.undone_at is not None for h in practice.handover.history(client_id))
    assert practice.audit_entries(limit=1)[0].kind == "client.handover_undone"
    assert [s.id for s in practice.find_clients(status=ClientStatus.ACTIVE)].count(client_id) == 1
    with pytest.raises(NoHandoverToUndo):
        practice.handover.undo(client_id)


# Import


def test_export_then_import_gives_back_the_same_record(
    practice: Practice, client_id: int, exported: HandoverResult, receiving: Practice
) -> None:
    preview = receiving.handover.preview(exported.folder, exported.password)
    assert (preview.client_name, preview.from_clinician) == (
        "Zoë O’Brien-Волкова",
        "Dr Ana Ferreira, Harbour Lane Psychotherapy",
    )
    assert (preview.sessions, preview.future_sessions, preview.clashing_sessions) == (12, 2, 0)
    assert (preview.goals, preview.gas_ratings, preview.check_ins, preview.ruptures) == (4, 4, 6, 2)
    assert preview.has_ending_plan and preview.skipped == ()
    assert preview.same_name_clients == 0
    assert preview.options == EVERYTHING
    assert receiving.client_count() == 0  # a preview writes nothing

    imported = receiving.handover.import_(exported.folder, exported.password)
    sent = practice.handover.record_for(
        replace(practice.client(client_id), status=ClientStatus.ACTIVE), EVERYTHING
    )
    received = receiving.handover.record_for(imported, EVERYTHING)
    original, back = comparable(sent), comparable(received)
    assert back.client == original.client
    assert len(back.sessions) == len(original.sessions) == 12
    for read, written in zip(back.sessions, original.sessions, strict=True):
        assert read == written  # times, status, notes, process notes, goals, check-ins
    for read_goal, written_goal in zip(back.goals, original.goals, strict=True):
        assert read_goal == written_goal  # levels, quality, ratings, tasks, history, order
    assert back.ruptures == original.ruptures
    assert back.ending_plan == original.ending_plan
    assert back == original
    assert [e.kind for e in receiving.audit_entries(limit=10)].count("client.imported") == 1
    assert [c.name for c in receiving.client_summaries()] == [NAME]
    again = receiving.handover.preview(exported.folder, exported.password)
    assert again.same_name_clients == 1  # the wizard can warn before importing twice


def test_the_preview_counts_sessions_that_clash_with_this_calendar(
    exported: HandoverResult, receiving: Practice
) -> None:
    mine = receiving.add_client(make_client(name="Already Here")).id or 0
    receiving.calendar.book(make_session(mine, dt.datetime(2026, 3, 16, 10, 30)))
    assert receiving.handover.preview(exported.folder, exported.password).clashing_sessions == 1


# Bad input: each refused in words, and the receiving vault exactly as it was.


def snapshot(practice: Practice) -> tuple[object, ...]:
    path = practice.vault_path
    wal = path.with_name(path.name + "-wal")
    return (
        practice.client_summaries(),
        practice.audit_entries(limit=100_000),
        practice.calendar.entries_between(dt.datetime(1900, 1, 1), dt.datetime(2200, 1, 1)),
        path.read_bytes(),
        wal.read_bytes() if wal.exists() else b"",
    )


def refused(
    receiving: Practice, folder: Path, password: str, error: type[HandoverError], match: str
) -> None:
    before = snapshot(receiving)
    for attempt in (receiving.handover.preview, receiving.handover.import_):
        with pytest.raises(error, match=match) as raised:
            attempt(folder, password)
        assert "Nothing was imported" in str(raised.value) or error is NothingToImport
    assert snapshot(receiving) == before


def reseal(folder: Path, password: str, bundle_bytes: Callable[[dict[str, Any]], bytes]) -> None:
    """Rewrite the bundle as a sender with the password could: sealed and signed correctly."""
    manifest = read_manifest(folder)
    keys = manifest.kdf.derive(password)
    envelope = folder / "record.fhir.json.enc"
    bundle = json.loads(open_sealed(envelope.read_bytes(), keys))
    envelope.write_bytes(seal(bundle_bytes(bundle), keys, manifest.kdf))
    files = [
        PackedFile(e.file.name, e.role, (folder / e.file.name).read_bytes())
        for e in manifest.entries
    ]
    (folder / "manifest.json").write_bytes(
        build_manifest(files, manifest.options, manifest.created_at, manifest.kdf, keys)
    )


def test_a_wrong_password_is_refused(exported: HandoverResult, receiving: Practice) -> None:
    wrong = "bafok-telum-risav-donek-pumiz"
    refused(receiving, exported.folder, wrong, WrongHandoverPassword, "password does not open")


@pytest.mark.parametrize("name", ["record.pdf", "record.fhir.json.enc", "sessions.ics"])
def test_a_file_with_one_byte_changed_is_refused(
    exported: HandoverResult, receiving: Practice, name: str
) -> None:
    path = exported.folder / name
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    refused(receiving, exported.folder, exported.password, HandoverFileAltered, name)


def test_a_changed_manifest_is_refused(exported: HandoverResult, receiving: Practice) -> None:
    path = exported.folder / "manifest.json"
    path.write_text(path.read_text().replace('"session_notes": true', '"session_notes": false'))
    refused(receiving, exported.folder, exported.password, HandoverFileAltered, "manifest")


@pytest.mark.parametrize("name", ["record.pdf", "record.fhir.json.enc", "sessions.ics"])
def test_a_missing_file_is_refused(
    exported: HandoverResult, receiving: Practice, name: str
) -> None:
    (exported.folder / name).unlink()
    refused(receiving, exported.folder, exported.password, HandoverFileMissing, name)


def test_a_missing_manifest_is_refused(exported: HandoverResult, receiving: Practice) -> None:
    (exported.folder / "manifest.json").unlink()
    refused(receiving, exported.folder, exported.password, HandoverError, "not an Alliance")


def test_a_truncated_manifest_is_refused(exported: HandoverResult, receiving: Practice) -> None:
    path = exported.folder / "manifest.json"
    path.write_bytes(path.read_bytes()[:200])
    refused(receiving, exported.folder, exported.password, HandoverDamaged, "not valid JSON")


def test_a_truncated_bundle_is_refused(exported: HandoverResult, receiving: Practice) -> None:
    password = exported.password
    reseal(exported.folder, password, lambda bundle: json.dumps(bundle).encode()[:5000])
    refused(receiving, exported.folder, password, HandoverDamaged, "not valid JSON")


def test_a_bundle_from_a_newer_format_is_refused(
    exported: HandoverResult, receiving: Practice
) -> None:
    path = exported.folder / "manifest.json"
    document = json.loads(path.read_text())
    document["format_version"] = 2
    path.write_text(json.dumps(document))
    refused(receiving, exported.folder, exported.password, HandoverTooNew, "newer version")


def test_a_bundle_with_unknown_resources_imports_and_lists_them(
    exported: HandoverResult, receiving: Practice
) -> None:
    def with_foreign_resources(bundle: dict[str, Any]) -> bytes:
        bundle["entry"] += [
            {"fullUrl": f"urn:uuid:0000000{n}", "resource": {"resourceType": kind, "id": f"x{n}"}}
            for n, kind in enumerate(["AllergyIntolerance", "Immunization", "Immunization"])
        ]
        return json.dumps(bundle).encode()

    reseal(exported.folder, exported.password, with_foreign_resources)
    preview = receiving.handover.preview(exported.folder, exported.password)
    assert {(s.resource_type, s.count) for s in preview.skipped} == {
        ("AllergyIntolerance", 1),
        ("Immunization", 2),
    }
    assert all(s.reason for s in preview.skipped)
    client = receiving.handover.import_(exported.folder, exported.password)
    assert client.name == NAME
    assert len(receiving.calendar.client_history(client.id or 0).entries) == 12


def test_a_bundle_that_fails_half_way_leaves_the_vault_unchanged(
    exported: HandoverResult, receiving: Practice, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Client, goals and sessions are already inserted when the ruptures fail: all undone."""

    def fail(*args: object) -> None:
        raise RuntimeError("the disk went away")

    before = snapshot(receiving)
    monkeypatch.setattr(handover_repository, "_insert_rupture", fail)
    with pytest.raises(RuntimeError):
        receiving.handover.import_(exported.folder, exported.password)
    assert snapshot(receiving) == before


def test_a_session_that_breaks_a_rule_is_refused(
    exported: HandoverResult, receiving: Practice
) -> None:
    def with_a_nine_hour_session(bundle: dict[str, Any]) -> bytes:
        for entry in bundle["entry"]:
            if entry["resource"]["resourceType"] == "Encounter":
                entry["resource"]["length"]["value"] = 540
                break
        return json.dumps(bundle).encode()

    reseal(exported.folder, exported.password, with_a_nine_hour_session)
    refused(receiving, exported.folder, exported.password, HandoverDamaged, "at most 8 hours")


def test_a_folder_that_is_not_a_handover_is_refused(tmp_path: Path, receiving: Practice) -> None:
    refused(receiving, tmp_path, "bafok", HandoverError, "no manifest.json")
    refused(receiving, tmp_path / "nowhere", "bafok", HandoverError, "no such folder")


def test_sessions_keep_their_status_through_the_round_trip(
    exported: HandoverResult, receiving: Practice
) -> None:
    client = receiving.handover.import_(exported.folder, exported.password)
    statuses = [e.status for e in receiving.calendar.client_history(client.id or 0).entries]
    assert set(statuses) == set(SessionStatus)
    assert os.environ["TZ"] == "UTC"  # session times are compared as local wall-clock time


def _resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def _session_observations(bundle: dict[str, Any]) -> list[dict[str, Any]]:
    return [o for o in _resources(bundle, "Observation") if "encounter" in o]


# Each category, left out of the client's consent, is absent from the PDF and the FHIR record:
# (what must not be printed, what must not be in the bundle's JSON, a check on its resources).
LEFT_OUT: dict[ShareCategory, tuple[str, str, Callable[[dict[str, Any]], bool]]] = {
    ShareCategory.GOALS: (
        "Take the bus to work",
        "Graded exposure",
        lambda b: not _resources(b, "Goal"),
    ),
    ShareCategory.SUMMARY: (
        "Walking to the station",
        "Riverside Psychology, Leeds",
        lambda b: not _resources(b, "CarePlan"),
    ),
    ShareCategory.NOTES: (
        PROGRESS_NOTE,
        AGENDA,
        lambda b: all("PSYTHPN" in json.dumps(d) for d in _resources(b, "DocumentReference")),
    ),
    ShareCategory.PROCESS_NOTES: (
        PROCESS_NOTE,
        PROCESS_NOTE,
        lambda b: all("PSYTHPN" not in json.dumps(d) for d in _resources(b, "DocumentReference")),
    ),
    ShareCategory.RUPTURES: (
        RUPTURE_NOTE,
        "named the silence",
        lambda b: not _resources(b, "Basic"),
    ),
    ShareCategory.MEASURES: (
        "Overall rating:",
        '"PHQ',
        lambda b: not _session_observations(b),
    ),
    ShareCategory.SESSIONS: (
        "Course of therapy",
        '"status": "cancelled"',
        lambda b: all(e.get("status") != "cancelled" for e in _resources(b, "Encounter")),
    ),
}


@pytest.mark.parametrize("category", list(LEFT_OUT), ids=lambda c: c.value)
def test_a_category_outside_the_consent_is_absent_from_the_pdf_and_fhir(
    practice: Practice, client_id: int, tmp_path: Path, category: ShareCategory
) -> None:
    consented = frozenset(ShareCategory) - {category}
    details = replace(DETAILS, consent_scope=format_share_scope(consented))
    options = options_within_consent(
        consented,
        include_session_notes=ShareCategory.NOTES in consented,
        include_ruptures=ShareCategory.RUPTURES in consented,
        include_private_notes=ShareCategory.PROCESS_NOTES in consented,
    )
    result = practice.handover.export(client_id, tmp_path / "h", details, options)
    text = pdf_text(result.folder / "record.pdf", result.password)
    bundle = bundle_of(result.folder, result.password)
    in_pdf, in_fhir, resources_hold_none = LEFT_OUT[category]
    assert in_pdf not in text
    assert in_fhir not in json.dumps(bundle, ensure_ascii=False)
    assert resources_hold_none(bundle)
    assert f"Left out • {category.label}" in text
    for other, (other_pdf, _, _) in LEFT_OUT.items():  # and the rest did go
        if other is not category and other is not ShareCategory.SESSIONS:
            assert other_pdf in text, other


def test_going_beyond_the_consent_is_refused_without_a_reason_and_logged_with_one(
    practice: Practice, client_id: int, tmp_path: Path
) -> None:
    details = replace(DETAILS, consent_scope="goals,sessions,summary")
    options = HandoverOptions(parse_share_scope("goals,sessions,summary,ruptures"))
    with pytest.raises(InvalidInput, match="beyond what the client agreed"):
        practice.handover.export(client_id, tmp_path / "h", details, options)
    assert not (tmp_path / "h").exists()
    reason = "The new clinician needs the rupture history to keep her safe"
    result = practice.handover.export(
        client_id, tmp_path / "h", details, replace(options, beyond_consent_reason=reason)
    )
    assert RUPTURE_NOTE in pdf_text(result.folder / "record.pdf", result.password)
    kinds = [entry.kind for entry in practice.audit_entries(limit=5)]
    assert "handover.beyond_consent" in kinds
    assert practice.handover.history(client_id)[-1].options.beyond_consent_reason == reason
    assert reason not in (result.folder / "manifest.json").read_text()


def test_the_fhir_consent_names_the_recipient_and_the_purpose(exported: HandoverResult) -> None:
    bundle = bundle_of(exported.folder, exported.password)
    sharing = [c for c in _resources(bundle, "Consent") if "actor" in c.get("provision", {})]
    assert len(sharing) == 1
    provision = sharing[0]["provision"]
    actor = provision["actor"][0]
    assert actor["role"]["coding"][0]["code"] == "IRCP"
    assert actor["reference"]["display"] == "Dr Kwame Mensah, Riverside Psychology"
    assert provision["purpose"][0]["code"] == "COC"
    labels = {
        c["code"] for d in _resources(bundle, "DocumentReference") for c in d["meta"]["security"]
    }
    assert labels == {"R", "V", "PSYTHPN"}


def test_the_exported_bundle_is_valid_fhir_and_names_its_vault(
    exported: HandoverResult, practice: Practice
) -> None:
    from fhir.resources.R4B import get_fhir_model_class
    from fhir.resources.R4B.bundle import Bundle

    bundle = bundle_of(exported.folder, exported.password)
    Bundle.model_validate(bundle)
    for entry in bundle["entry"]:
        get_fhir_model_class(entry["resource"]["resourceType"]).model_validate(entry["resource"])
    patient = _resources(bundle, "Patient")[0]
    vault_identifier = practice.handover._handovers.vault_identifier()
    assert len(vault_identifier) == 32
    assert patient["identifier"][0]["system"].endswith(f"/vault/{vault_identifier}/client")


def test_the_client_joins_the_receiving_practice_active_or_in_intake(
    practice: Practice,
    client_id: int,
    exported: HandoverResult,
    receiving: Practice,
    tmp_path: Path,
) -> None:
    preview = receiving.handover.preview(exported.folder, exported.password)
    assert preview.status is ClientStatus.ACTIVE  # two sessions booked ahead
    assert receiving.handover.import_(exported.folder, exported.password).status is (
        ClientStatus.ACTIVE
    )
    no_sessions = replace(DETAILS, consent_scope="goals,summary")
    options = options_within_consent(parse_share_scope("goals,summary"))
    other = practice.handover.export(client_id, tmp_path / "no-sessions", no_sessions, options)
    assert receiving.handover.preview(other.folder, other.password).status is ClientStatus.INTAKE


def test_the_same_handover_imported_twice_is_refused_unless_confirmed(
    exported: HandoverResult, receiving: Practice
) -> None:
    first = receiving.handover.import_(exported.folder, exported.password)
    preview = receiving.handover.preview(exported.folder, exported.password)
    assert len(preview.imported_before) == 1 and NAME in preview.imported_before[0]
    audit = receiving.audit_entries(limit=10_000)
    with pytest.raises(HandoverError, match="already imported on 2026-03-14"):
        receiving.handover.import_(exported.folder, exported.password)
    assert receiving.audit_entries(limit=10_000) == audit
    assert receiving.client_count() == 1
    second = receiving.handover.import_(exported.folder, exported.password, again=True)
    assert second.id != first.id and receiving.client_count() == 2


def test_after_export_the_senders_future_sessions_can_be_cancelled(
    practice: Practice, client_id: int, exported: HandoverResult
) -> None:
    booked = [
        s
        for s in practice.handover.record_for(practice.client(client_id), EVERYTHING).sessions
        if s.status is SessionStatus.SCHEDULED
    ]
    assert len(booked) == 2
    assert practice.handover.cancel_future_sessions(client_id) == 2
    after = practice.handover.record_for(practice.client(client_id), EVERYTHING).sessions
    assert [s.status for s in after if s.start >= booked[0].start] == [
        SessionStatus.CLINICIAN_CANCELLED
    ] * 2
    assert practice.handover.cancel_future_sessions(client_id) == 0


def test_each_ratings_session_link_survives_the_round_trip(
    practice: Practice, client_id: int, receiving: Practice, tmp_path: Path
) -> None:
    goal = practice.goals.board(client_id)[0]
    attended = [
        s
        for s in practice.handover.record_for(practice.client(client_id), EVERYTHING).sessions
        if s.status is SessionStatus.ATTENDED
    ]
    given_in = attended[-1]
    practice.goals.rate(
        goal.id or 0, GasRating(given_in.start.date(), 1, note="in session"), given_in.id
    )
    result = practice.handover.export(client_id, tmp_path / "h", DETAILS, EVERYTHING)
    bundle = bundle_of(result.folder, result.password)
    linked = [
        o
        for o in _resources(bundle, "Observation")
        if o.get("code", {}).get("coding", [{}])[0].get("code") == "gas-rating" and "encounter" in o
    ]
    assert len(linked) == 1
    imported = receiving.handover.import_(result.folder, result.password)
    rows = receiving._vault.connection.execute(
        "SELECT s.start FROM gas_ratings r JOIN sessions s ON s.id = r.session_id "
        "JOIN goals g ON g.id = r.goal_id WHERE g.client_id = ?",
        (imported.id,),
    ).fetchall()
    assert [row[0] for row in rows] == [given_in.start.isoformat(timespec="seconds")]


def test_a_recurring_appointment_stays_one_series_on_import(
    practice: Practice, client_id: int, receiving: Practice, tmp_path: Path
) -> None:
    first = dt.datetime(2026, 3, 19, 15, 0)
    template = make_session(client_id, first)
    _, planned = practice.calendar.plan_series(
        template, RecurrenceRule(Frequency.FORTNIGHTLY, first, count=3)
    )
    result = practice.handover.export(client_id, tmp_path / "h", DETAILS, EVERYTHING)
    imported = receiving.handover.import_(result.folder, result.password)
    received = receiving.handover.record_for(imported, EVERYTHING)
    in_series = [s for s in received.sessions if s.series_id is not None]
    assert [s.start for s in in_series] == [s.start for s in planned]
    assert [s.series_date for s in in_series] == [s.series_date for s in planned]
    assert len({s.series_id for s in in_series}) == 1
    assert len(received.series) == 1
    assert received.series[0].rule.frequency is Frequency.FORTNIGHTLY
    assert received.series[0].rule.count == 3
    assert received.series[0].client_id == imported.id
