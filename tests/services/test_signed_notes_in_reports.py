"""A signed note amended twice: the handover record and the clinician's ending summary carry
all three versions, dated; the client's copy carries none of them."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

from pypdf import PdfReader

from alliance_desktop.domain.client import ClientStatus
from alliance_desktop.domain.session import SessionStatus
from alliance_desktop.services import Practice
from tests.exchange.samples import DETAILS, EVERYTHING, populate

VERSIONS = (
    "Signed-original: she spoke of her mother.",
    "First-amendment: she spoke of her mother and her sister.",
    "Second-amendment: she spoke of her mother, her sister and the move.",
)


def _text(data: bytes, password: str | None = None) -> str:
    reader = PdfReader(io.BytesIO(data))
    if password is not None:
        assert reader.decrypt(password)
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def _amended_twice(practice: Practice) -> int:
    client_id = populate(practice)
    calendar = practice.calendar
    entry = next(
        e for e in calendar.client_history(client_id).entries if e.status is SessionStatus.ATTENDED
    )
    for text in VERSIONS:
        calendar.save(replace(calendar.session(entry.session_id), progress_note=text))
    signed = practice.notes.signed_note(entry.session_id)
    assert [v.note for v in signed.versions][-3:] == list(VERSIONS)
    return client_id


def test_the_handover_record_shows_the_note_as_signed_and_both_amendments(
    practice: Practice, tmp_path: Path
) -> None:
    client_id = _amended_twice(practice)
    result = practice.handover.export(client_id, tmp_path / "handover", DETAILS, EVERYTHING)
    text = _text((result.folder / "record.pdf").read_bytes(), result.password)
    positions = [text.index(version) for version in VERSIONS]
    assert positions == sorted(positions)  # original first, amendments in order
    assert "Amendment 1," in text and "Amendment 2," in text and "Signed " in text


def test_the_clinician_ending_summary_lists_the_amended_note_and_the_client_copy_does_not(
    practice: Practice,
) -> None:
    client_id = _amended_twice(practice)
    clinician = _text(practice.reports.ending_summary_pdf(client_id))
    assert "Amended session notes" in clinician
    for version in VERSIONS:
        assert version in clinician
    # The client copy is for a client who is ending (and has a plan, which the sample has).
    practice.update_client(replace(practice.client(client_id), status=ClientStatus.ENDING))
    client_copy = _text(practice.reports.ending_summary_pdf(client_id, client_copy=True))
    for version in VERSIONS:
        assert version not in client_copy
    assert "Amended session notes" not in client_copy
