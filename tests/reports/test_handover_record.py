"""The handover record PDF: the whole record, encrypted with AES-256 so that strict readers
(poppler) open it with the password and nobody opens it without."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib import pdfencrypt

from alliance_desktop.domain.client import ClientStatus
from alliance_desktop.domain.handover import HandoverOptions
from alliance_desktop.exchange.handover_crypto import aes_cbc_encrypt
from alliance_desktop.reports.handover_record import (
    HandoverRecordData,
    PredictableEncryption,
    build_handover_record,
)
from alliance_desktop.services import Practice
from tests.exchange.samples import (
    AGENDA,
    DETAILS,
    EVERYTHING,
    NAME,
    PROCESS_NOTE,
    PROFILE,
    PROGRESS_NOTE,
    RUPTURE_NOTE,
    populate,
)

PASSWORD = "bafok-telum-risav-donek-pumiz"
TODAY = dt.date(2026, 3, 14)


@pytest.fixture
def data(practice: Practice) -> HandoverRecordData:
    client_id = populate(practice)
    client = replace(practice.client(client_id), status=ClientStatus.ACTIVE)
    record = practice.handover.record_for(client, EVERYTHING)
    return HandoverRecordData(PROFILE, record, DETAILS, EVERYTHING, TODAY)


def text_of(pdf: bytes, password: str = PASSWORD) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.decrypt(password)
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_the_record_holds_every_part(data: HandoverRecordData) -> None:
    text = text_of(build_handover_record(data, PASSWORD, aes_cbc_encrypt))
    for expected in (
        "Handover record",
        NAME,
        "Dr Kwame Mensah, Riverside Psychology",
        "Moving to Leeds",
        "progress notes, rupture-and-repair log",
        "Informed consent to therapy",
        "Course of therapy",
        "Take the bus to work",
        "Graded exposure to public transport",  # the clinician's framing
        "Taking the bus whenever I need to",  # GAS +2
        "on her own!",  # a rating note
        "Ride two stops on Saturday",
        "The alliance over time",
        RUPTURE_NOTE,
        "named the silence",  # what a repair involved
        PROGRESS_NOTE,
        AGENDA,
        PROCESS_NOTE,
        "Questionnaire scores",
        "Riverside Psychology, Leeds",  # referral in the ending plan
        "Samaritans 116 123",
    ):
        assert expected in text, expected


def test_what_is_not_ticked_is_not_printed(data: HandoverRecordData) -> None:
    core = replace(data, options=HandoverOptions())
    text = text_of(build_handover_record(core, PASSWORD, aes_cbc_encrypt))
    assert "The rupture log was not included" in text and "Process notes" not in text
    for clinician_only in (PROGRESS_NOTE, AGENDA, PROCESS_NOTE, RUPTURE_NOTE):
        assert clinician_only not in text
    assert "Left out Progress notes, rupture-and-repair log and private process notes" in text


def test_only_the_password_opens_it(data: HandoverRecordData) -> None:
    pdf = build_handover_record(data, PASSWORD, aes_cbc_encrypt)
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.is_encrypted
    assert not reader.decrypt("")
    assert not reader.decrypt("bafok-telum-risav-donek-pumix")
    assert NAME.encode() not in pdf and PROGRESS_NOTE.encode() not in pdf


def test_the_encryption_dictionary_is_the_right_shape(data: HandoverRecordData) -> None:
    """ReportLab pads UE, OE and Perms by a block; strict readers refuse that."""
    pdf = build_handover_record(data, PASSWORD)  # the default, pure-Python pyaes
    for key, length in ((b"UE", 32), (b"OE", 32), (b"Perms", 16), (b"U", 48), (b"O", 48)):
        found = re.search(rb"/" + key + rb" <([0-9A-F]+)>", pdf)
        assert found is not None and len(found.group(1)) == 2 * length, key
    assert text_of(pdf).startswith("Harbour Lane Psychotherapy")


def test_every_build_has_its_own_keys(data: HandoverRecordData) -> None:
    first = build_handover_record(data, PASSWORD, aes_cbc_encrypt)
    second = build_handover_record(data, PASSWORD, aes_cbc_encrypt)
    assert first != second
    assert text_of(first) == text_of(second)


def test_predictable_keys_are_refused(
    data: HandoverRecordData, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdfencrypt, "os_urandom", lambda n: b"\x00" * n)
    with pytest.raises(PredictableEncryption):
        build_handover_record(data, PASSWORD)


def test_very_long_notes_flow_over_pages(data: HandoverRecordData) -> None:
    long = " ".join(["word"] * 15_000)
    record = data.record
    goal = replace(
        record.goals[0],
        ratings=tuple(replace(r, note=long) for r in record.goals[0].ratings),
    )
    rupture = replace(record.ruptures[0], note=long)
    session = replace(record.sessions[0], progress_note=long, private_note=long)
    record = replace(
        record,
        goals=(goal, *record.goals[1:]),
        ruptures=(rupture, *record.ruptures[1:]),
        sessions=(session, *record.sessions[1:]),
    )
    pdf = build_handover_record(replace(data, record=record), PASSWORD, aes_cbc_encrypt)
    assert len(PdfReader(io.BytesIO(pdf), password=PASSWORD).pages) > 20


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_poppler_opens_it_with_the_password_only(data: HandoverRecordData, tmp_path: Path) -> None:
    path = tmp_path / "record.pdf"
    path.write_bytes(build_handover_record(data, PASSWORD, aes_cbc_encrypt))
    opened = subprocess.run(
        ["pdftotext", "-upw", PASSWORD, str(path), "-"], capture_output=True, text=True
    )
    assert opened.returncode == 0 and opened.stderr == ""  # no "Syntax Error" noise either
    assert "Handover record" in opened.stdout and PROGRESS_NOTE in opened.stdout
    refused = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
    assert refused.returncode != 0 and "Incorrect password" in refused.stderr


def test_metadata_names_the_record_never_the_client(data: HandoverRecordData) -> None:
    pdf = build_handover_record(data, PASSWORD, aes_cbc_encrypt)
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.decrypt(PASSWORD)
    metadata = reader.metadata
    assert metadata is not None and metadata.title == "Handover record"
    for part in NAME.split():
        assert all(part not in str(value) for value in metadata.values())
        assert part.encode() not in pdf  # nor anywhere in the file in clear
