"""The handover record PDF as built, in the clear (exchange/pdf_encryption.py encrypts it; see
tests/exchange/test_pdf_encryption.py): what it holds and what it leaves out."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace

import pytest
from pypdf import PdfReader

from alliance_desktop.domain.client import ClientStatus
from alliance_desktop.domain.handover import HandoverOptions
from alliance_desktop.reports.handover_record import (
    HandoverRecordData,
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

TODAY = dt.date(2026, 3, 14)


@pytest.fixture
def data(practice: Practice) -> HandoverRecordData:
    client_id = populate(practice)
    client = replace(practice.client(client_id), status=ClientStatus.ACTIVE)
    record = practice.handover.record_for(client, EVERYTHING)
    return HandoverRecordData(PROFILE, record, DETAILS, EVERYTHING, TODAY)


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_the_record_holds_every_part(data: HandoverRecordData) -> None:
    text = text_of(build_handover_record(data))
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
    text = text_of(build_handover_record(core))
    assert "The rupture log was not included" in text and "Process notes" not in text
    for clinician_only in (PROGRESS_NOTE, AGENDA, PROCESS_NOTE, RUPTURE_NOTE):
        assert clinician_only not in text
    assert "Left out Progress notes, rupture-and-repair log and private process notes" in text


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
    pdf = build_handover_record(replace(data, record=record))
    assert len(PdfReader(io.BytesIO(pdf)).pages) > 20


def test_the_same_data_gives_the_same_bytes(data: HandoverRecordData) -> None:
    assert build_handover_record(data) == build_handover_record(data)


def test_metadata_names_the_record_never_the_client(data: HandoverRecordData) -> None:
    metadata = PdfReader(io.BytesIO(build_handover_record(data))).metadata
    assert metadata is not None and metadata.title == "Handover record"
    for part in NAME.split():
        assert all(part not in str(value) for value in metadata.values())
