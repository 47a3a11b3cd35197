"""The handover record PDF as built, in the clear (exchange/pdf_encryption.py encrypts it; see
tests/exchange/test_pdf_encryption.py): what it holds and what it leaves out."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import replace

import pytest
from pypdf import PdfReader

from alliance_desktop.domain.client import ClientStatus
from alliance_desktop.domain.handover import CORE_CATEGORIES, HandoverOptions
from alliance_desktop.domain.risk import RiskLevel, RiskReview
from alliance_desktop.domain.share_consent import ALL_CATEGORIES, ShareCategory
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
    assert "Left out • Progress notes • Rupture-and-repair log • Private process notes" in text


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


def test_page_one_is_the_glance_a_receiver_reads_first(data: HandoverRecordData) -> None:
    reader = PdfReader(io.BytesIO(build_handover_record(data)))
    first = " ".join(reader.pages[0].extract_text().split())
    for expected in (
        "At a glance",
        "Reason for the transfer Moving to Leeds",
        "Latest risk review No risk review recorded",
        "Take the bus to work: latest level 0, what we expected (09/03/2026)",
        "23/02/2026: confrontation, significance 2 of 5, partly resolved",
        "16/03/2026: rupture follow-up",
        "16/03/2026 10:00, 50 min, in person",
        "Riverside Psychology, Leeds",
        "Left out Nothing",
    ):
        assert expected in first, expected
    assert "Sleep through most nights" not in first  # achieved, not active


def test_every_page_names_the_client_and_counts_the_pages(data: HandoverRecordData) -> None:
    reader = PdfReader(io.BytesIO(build_handover_record(data)))
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        text = " ".join(page.extract_text().split())
        assert f"{NAME}, born 17/05/1984" in text
        assert f"Page {number} of {total}" in text


def test_one_date_style_throughout(data: HandoverRecordData) -> None:
    text = text_of(build_handover_record(data))
    months = "January|February|March|April|May|June|July|August|September|October|November"
    assert not re.search(rf"\b\d{{1,2}} ({months}|December) \d{{4}}", text)
    assert "14/03/2026" in text


def test_without_the_rupture_log_no_rupture_legend_nor_markers(
    data: HandoverRecordData,
) -> None:
    options = HandoverOptions(ALL_CATEGORIES - {ShareCategory.RUPTURES})
    record = replace(data.record, ruptures=())
    text = text_of(build_handover_record(replace(data, options=options, record=record)))
    assert "The rupture log was not included" in text
    assert "Rupture:" not in text and "marker at each rupture" not in text
    assert "The alliance over time" in text


def test_questionnaires_are_a_chart_with_first_and_latest(data: HandoverRecordData) -> None:
    text = text_of(build_handover_record(data))
    assert "First and latest" in text
    assert "12 of 27 (05/01/2026)" in text and "3 of 27 (09/03/2026)" in text


def test_a_risk_review_is_on_page_one_when_shared(data: HandoverRecordData) -> None:
    review = RiskReview(
        client_id=1,
        assessed_on=dt.date(2026, 3, 2),
        level=RiskLevel.LOW,
        rests_on="Asked directly; no plans, future-oriented",
        next_review_on=dt.date(2026, 4, 2),
    )
    pdf = build_handover_record(replace(data, latest_risk_review=review))
    first = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert "Latest risk review Low (02/03/2026)" in first
    assert "Next review due 02/04/2026" in first
    withheld = replace(
        data,
        latest_risk_review=review,
        options=HandoverOptions(CORE_CATEGORIES - {ShareCategory.RISK}),
    )
    first = " ".join(
        PdfReader(io.BytesIO(build_handover_record(withheld))).pages[0].extract_text().split()
    )
    assert "Asked directly" not in first and "Latest risk review Not included" in first
