"""What every report shares: paper size, page numbers, "Confidential", the generated date,
the embedded font, byte-for-byte repeatability, and metadata that never names the client."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.platypus import Paragraph

from alliance_desktop.domain.practice_profile import DateStyle, PaperSize
from alliance_desktop.reports.ending_plan import build_ending_plan
from alliance_desktop.reports.ending_summary import build_ending_summary
from alliance_desktop.reports.goal_review import build_goal_review
from alliance_desktop.reports.page_template import PageSetup, render
from alliance_desktop.reports.styles import report_styles
from tests.reports.samples import (
    NAME,
    PROFILE,
    client_summary_data,
    clinician_summary_data,
    ending_plan_data,
    flat_text,
    goal_review_data,
    pdf_reader,
    pdf_text,
)

REPORTS: dict[str, tuple[Callable[..., Any], Callable[[Any], bytes], str]] = {
    "goal review": (goal_review_data, build_goal_review, "Goal review"),
    "ending plan": (ending_plan_data, build_ending_plan, "Ending plan"),
    "clinician summary": (clinician_summary_data, build_ending_summary, "Ending summary"),
    "client summary": (client_summary_data, build_ending_summary, "Ending summary"),
}


@pytest.fixture(params=list(REPORTS))
def report(
    request: pytest.FixtureRequest,
) -> tuple[Callable[..., Any], Callable[[Any], bytes], str]:
    return REPORTS[request.param]


def test_same_data_gives_the_same_bytes(report: tuple[Any, Any, str]) -> None:
    make, build, _ = report
    first = build(make())
    assert first.startswith(b"%PDF-")
    assert build(make()) == first


def test_different_data_gives_different_bytes(report: tuple[Any, Any, str]) -> None:
    make, build, _ = report
    assert build(make()) != build(make(client_name="Someone Else"))


@pytest.mark.parametrize(
    ("paper", "size"), [(PaperSize.A4, (595.28, 841.89)), (PaperSize.LETTER, (612.0, 792.0))]
)
def test_paper_size_follows_the_profile(
    report: tuple[Any, Any, str], paper: PaperSize, size: tuple[float, float]
) -> None:
    make, build, _ = report
    reader = pdf_reader(build(make(profile=replace(PROFILE, paper_size=paper))))
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(
            size, abs=0.01
        )


def test_every_page_is_numbered_and_marked_confidential(report: tuple[Any, Any, str]) -> None:
    make, build, _ = report
    reader = pdf_reader(build(make()))
    total = len(reader.pages)
    assert total >= 2  # the sample data fills more than one page, so "of N" is tested
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert f"Page {number} of {total}" in text
        assert "Confidential" in text
        assert "Generated 14/03/2026" in text


@pytest.mark.parametrize(
    ("style", "generated"),
    [
        (DateStyle.DAY_MONTH_YEAR, "Generated 14/03/2026"),
        (DateStyle.MONTH_DAY_YEAR, "Generated 03/14/2026"),
        (DateStyle.ISO, "Generated 2026-03-14"),
    ],
)
def test_dates_follow_the_profile_style(
    report: tuple[Any, Any, str], style: DateStyle, generated: str
) -> None:
    make, build, _ = report
    text = pdf_text(build(make(profile=replace(PROFILE, date_style=style))))
    assert generated in text


def test_names_in_any_script_survive(report: tuple[Any, Any, str]) -> None:
    make, build, _ = report
    text = flat_text(build(make(client_name="Σοφία “Sofi” Παπαδοπούλου-Ёлкина")))
    assert "Σοφία “Sofi” Παπαδοπούλου-Ёлкина" in text
    assert NAME not in text
    assert NAME in flat_text(build(make()))


def test_letterhead_comes_from_the_profile(report: tuple[Any, Any, str]) -> None:
    make, build, _ = report
    text = pdf_text(build(make()))
    for part in ("Harbour Lane Psychotherapy", "Dr Ana Ferreira, DClinPsy", "Bristol BS1 4RN"):
        assert part in text
    assert "ana@harbourlane.example" in text


def test_metadata_names_the_report_never_the_client(report: tuple[Any, Any, str]) -> None:
    make, build, title = report
    metadata = pdf_reader(build(make())).metadata
    assert metadata is not None
    assert metadata.title == title
    assert metadata.author == "Harbour Lane Psychotherapy"
    for value in metadata.values():
        for part in ("Zoë", "O’Brien", "Волкова"):
            assert part not in str(value)


def test_only_the_embedded_dejavu_font_is_used(report: tuple[Any, Any, str]) -> None:
    make, build, _ = report
    reader = pdf_reader(build(make()))
    seen = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            name = str(font["/BaseFont"])
            seen.add(re.sub(r"^/[A-Z]{6}\+", "", name))
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, f"{name} is not embedded"
    assert seen == {"DejaVuSans", "DejaVuSans-Bold"}


def test_the_creation_date_is_the_day_the_report_was_generated(
    report: tuple[Any, Any, str],
) -> None:
    make, build, _ = report
    metadata = pdf_reader(build(make())).metadata
    assert metadata is not None
    assert metadata.creation_date is not None
    assert metadata.creation_date.date() == dt.date(2026, 3, 14)  # the samples' "today"
    later = pdf_reader(build(make(generated_on=dt.date(2027, 1, 2)))).metadata
    assert later is not None and later.creation_date is not None
    assert later.creation_date.date() == dt.date(2027, 1, 2)


def test_different_documents_have_different_ids() -> None:
    ids = set()
    for make, build, _ in REPORTS.values():
        for name in (NAME, "Someone Else"):
            reader = pdf_reader(build(make(client_name=name)))
            first, second = reader.trailer["/ID"]
            assert first == second
            ids.add(bytes(first.original_bytes))
    assert len(ids) == 2 * len(REPORTS)


def test_every_report_passes_an_independent_structure_check(
    report: tuple[Any, Any, str], tmp_path: Path
) -> None:
    qpdf = shutil.which("qpdf")
    if qpdf is None:
        pytest.skip("qpdf not installed")
    make, build, _ = report
    path = tmp_path / "report.pdf"
    path.write_bytes(build(make()))
    checked = subprocess.run([qpdf, "--check", str(path)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "No syntax or stream encoding errors found" in checked.stdout


def test_encrypted_documents_made_the_same_day_have_their_own_ids() -> None:
    setup = PageSetup("Handover record", "A record", PROFILE, dt.date(2026, 3, 14))
    story = [Paragraph("Held back until the password is given.", report_styles(False).body)]
    ids = set()
    for _ in range(2):
        pdf = render(setup, story, StandardEncryption("a password", strength=128))
        first, _second = pdf_reader(pdf).trailer["/ID"]
        ids.add(bytes(first.original_bytes))
    assert len(ids) == 2
