"""The handover PDF encrypted over its finished bytes: AES-256, revision 6 (PDF 2.0). Opened
with the password (as printed, or in capitals) by pypdf and by every reader installed here
(qpdf, mupdf, poppler, Ghostscript), and refused by each without it."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from alliance_desktop.domain.client import ClientStatus
from alliance_desktop.exchange.handover_crypto import KeyDerivation
from alliance_desktop.exchange.handover_password import canonical_password
from alliance_desktop.exchange.pdf_encryption import encrypt_pdf
from alliance_desktop.reports.handover_record import HandoverRecordData, build_handover_record
from alliance_desktop.services import Practice
from tests.exchange.samples import DETAILS, EVERYTHING, NAME, PROFILE, PROGRESS_NOTE, populate

PASSWORD = "bafok-telum-risav-donek-pumiz"
WRONG = "bafok-telum-risav-donek-pumix"


@pytest.fixture(scope="module")
def clear_pdf(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    from tests.factories import PASSPHRASE, fixed_clock

    path = tmp_path_factory.mktemp("pdf") / "v.vault"
    practice = Practice.create(path, PASSPHRASE, clock=fixed_clock)
    try:
        client_id = populate(practice)
        client = replace(practice.client(client_id), status=ClientStatus.ACTIVE)
        record = practice.handover.record_for(client, EVERYTHING)
    finally:
        practice.close()
    data = HandoverRecordData(PROFILE, record, DETAILS, EVERYTHING, dt.date(2026, 3, 14))
    return build_handover_record(data)


@pytest.fixture(scope="module")
def encrypted(clear_pdf: bytes) -> bytes:
    return encrypt_pdf(clear_pdf, PASSWORD)


@pytest.fixture
def on_disk(encrypted: bytes, tmp_path: Path) -> Path:
    path = tmp_path / "record.pdf"
    path.write_bytes(encrypted)
    return path


def text_of(pdf: bytes, password: str | None) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    if password is not None:
        assert reader.decrypt(password)
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_it_is_aes_256_revision_6(encrypted: bytes) -> None:
    assert encrypted.startswith(b"%PDF-2.0")
    reader = PdfReader(io.BytesIO(encrypted))
    assert reader.is_encrypted
    encryption = reader.trailer["/Encrypt"]
    assert (encryption["/V"], encryption["/R"]) == (5, 6)
    assert encryption["/CF"]["/StdCF"]["/CFM"] == "/AESV3"


def test_only_the_password_opens_it_as_printed_or_in_capitals(
    encrypted: bytes, clear_pdf: bytes
) -> None:
    clear = text_of(clear_pdf, None)
    assert text_of(encrypted, PASSWORD) == clear
    assert text_of(encrypted, PASSWORD.upper()) == clear
    reader = PdfReader(io.BytesIO(encrypted))
    for wrong in ("", WRONG, PASSWORD.replace("-", "")):
        assert not reader.decrypt(wrong)


def test_nothing_readable_in_the_file_without_the_password(encrypted: bytes) -> None:
    for secret in (*NAME.split(), PROGRESS_NOTE, "Handover record"):
        assert secret.encode() not in encrypted


def test_every_encryption_has_its_own_keys(clear_pdf: bytes) -> None:
    assert encrypt_pdf(clear_pdf, PASSWORD) != encrypt_pdf(clear_pdf, PASSWORD)


def test_the_pdf_and_the_envelope_normalise_the_password_alike() -> None:
    """What the PDF holds is the envelope's canonical form: typed in capitals or with spaces
    both still derive the same keys for the FHIR record."""
    kdf = KeyDerivation.fresh()
    keys = kdf.derive(PASSWORD)
    for typed in (
        PASSWORD.upper(),
        " bafok telum risav donek pumiz ",
        "BAFOK TELUM-risav donek PUMIZ",
    ):
        assert canonical_password(typed) == PASSWORD
        assert kdf.derive(typed).opens(keys.password_check)


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def _needs(tool: str) -> pytest.MarkDecorator:
    return pytest.mark.skipif(shutil.which(tool) is None, reason=f"{tool} not installed")


@_needs("qpdf")
def test_qpdf_opens_it_with_the_password_only(on_disk: Path, tmp_path: Path) -> None:
    opened = _run(
        "qpdf", f"--password={PASSWORD}", "--decrypt", str(on_disk), str(tmp_path / "o.pdf")
    )
    assert opened.returncode == 0, opened.stderr
    shown = _run("qpdf", f"--password={PASSWORD}", "--show-encryption", str(on_disk))
    assert "R = 6" in shown.stdout and "AESv3" in shown.stdout
    assert _run("qpdf", "--check", f"--password={PASSWORD}", str(on_disk)).returncode == 0
    refused = _run("qpdf", "--decrypt", str(on_disk), str(tmp_path / "n.pdf"))
    assert refused.returncode != 0 and "invalid password" in refused.stderr


@_needs("pdftotext")
def test_poppler_opens_it_with_the_password_only(on_disk: Path) -> None:
    opened = _run("pdftotext", "-upw", PASSWORD, str(on_disk), "-")
    assert opened.returncode == 0 and opened.stderr == ""  # no "Syntax Error" noise either
    assert "Handover record" in opened.stdout and PROGRESS_NOTE in opened.stdout
    refused = _run("pdftotext", str(on_disk), "-")
    assert refused.returncode != 0 and "Incorrect password" in refused.stderr


@_needs("mutool")
def test_mupdf_opens_it_with_the_password_only(on_disk: Path, tmp_path: Path) -> None:
    out = tmp_path / "m.txt"
    opened = _run("mutool", "draw", "-p", PASSWORD, "-F", "txt", "-o", str(out), str(on_disk))
    assert opened.returncode == 0, opened.stderr
    assert PROGRESS_NOTE in " ".join(out.read_text().split())
    refused = _run("mutool", "draw", "-p", WRONG, "-F", "txt", "-o", str(out), str(on_disk))
    assert refused.returncode != 0


@_needs("gs")
def test_ghostscript_opens_it_with_the_password_only(on_disk: Path, tmp_path: Path) -> None:
    out = tmp_path / "g.txt"
    base = ["gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=txtwrite", f"-sOutputFile={out}"]
    opened = _run(*base, f"-sPDFPassword={PASSWORD}", str(on_disk))
    assert opened.returncode == 0, opened.stderr
    assert "Handover record" in out.read_text()
    out.unlink()
    refused = _run(*base, f"-sPDFPassword={WRONG}", str(on_disk))
    assert refused.returncode != 0 or not out.exists() or "Handover record" not in out.read_text()
