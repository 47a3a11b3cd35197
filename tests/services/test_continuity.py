"""practice.continuity: the custodian's package of every record, and opening it into a new vault
all or nothing, every client equal field by field."""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from alliance_desktop.demo import ensure_demo_vault
from alliance_desktop.domain.client import ClientStatus
from alliance_desktop.domain.continuity import (
    CONTINUITY_CATEGORIES,
    ContinuityTooNew,
    Custodian,
    CustodianFolderProblem,
    NotAContinuityPackage,
    WrongPackagePassword,
)
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.goal import Goal
from alliance_desktop.domain.handover import HandoverOptions
from alliance_desktop.domain.handover_errors import HandoverFileAltered
from alliance_desktop.services import Practice
from alliance_desktop.services.continuity import open_package, verify_package
from tests.exchange.samples import comparable
from tests.factories import PASSPHRASE

CUSTODIAN = Custodian("Dr Imogen Castellano-Reyes", "+44 20 7946 0999")
EVERYTHING_KEPT = HandoverOptions(categories=CONTINUITY_CATEGORIES)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.vault"
    ensure_demo_vault(path, PASSPHRASE)
    return path


@pytest.fixture
def practice(demo: Path, tmp_path: Path) -> Iterator[Practice]:
    """A copy of the small demo practice for this test."""
    copy = tmp_path / "practice" / "demo.vault"
    copy.parent.mkdir()
    copy.write_bytes(demo.read_bytes())
    opened = Practice.open(copy, PASSPHRASE)
    yield opened
    opened.close()


@pytest.fixture
def custodian_drive(tmp_path: Path) -> Path:
    drive = tmp_path / "usb-stick"
    drive.mkdir()
    return drive


def pdf_text(path: Path, password: str) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    assert reader.is_encrypted and reader.decrypt(password)
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_the_package_holds_every_client_a_letter_and_a_signed_manifest(
    practice: Practice, custodian_drive: Path
) -> None:
    result = practice.continuity.export(custodian_drive, CUSTODIAN)
    clients = [s for s in practice.client_summaries() if not s.archived]
    assert result.client_count == len(clients) > 5
    assert result.password_is_new
    assert sorted(p.name for p in result.folder.iterdir()) == [
        "clients",
        "letter.pdf",
        "manifest.json",
    ]
    assert len(list((result.folder / "clients").iterdir())) == len(clients)
    assert verify_package(result.folder, result.password) == len(clients)
    # Nothing half-written beside it, nothing readable by others, no name on the file system.
    assert [p.name for p in custodian_drive.iterdir()] == [result.folder.name]
    for path in result.folder.rglob("*"):
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), path
        assert all(s.name.split()[0] not in path.name for s in clients)
    letter = pdf_text(result.folder / "letter.pdf", result.password)
    assert CUSTODIAN.name in letter and "Whom to contact first" in letter
    assert "continuity import" in letter
    assert practice.continuity.last_made() == practice.today()
    assert practice.audit_entries(1)[0].kind == "continuity.exported"


def test_the_next_package_keeps_the_password_in_the_sealed_letter(
    practice: Practice, custodian_drive: Path
) -> None:
    first = practice.continuity.export(custodian_drive, CUSTODIAN)
    second = practice.continuity.export(custodian_drive)
    assert second.folder != first.folder
    assert (second.password, second.password_is_new) == (first.password, False)
    renewed = practice.continuity.export(custodian_drive, renew_password=True)
    assert renewed.password_is_new and renewed.password != first.password
    sealed = PdfReader(io.BytesIO(practice.continuity.sealed_letter()))
    text = " ".join(page.extract_text() for page in sealed.pages)
    assert CUSTODIAN.name in text and first.password not in text  # written by hand, never printed


def test_opening_the_package_gives_every_client_back_field_by_field(
    practice: Practice, custodian_drive: Path, tmp_path: Path
) -> None:
    result = practice.continuity.export(custodian_drive, CUSTODIAN)
    target = tmp_path / "custodian.vault"
    opened = open_package(
        result.folder, result.password.upper(), target, "custodian passphrase 2026", Practice.create
    )
    assert opened.client_count == result.client_count
    assert not list(tmp_path.glob(".custodian.vault*"))
    custodian = Practice.open(target, "custodian passphrase 2026")
    try:
        sent = sorted(
            (s for s in practice.client_summaries() if not s.archived), key=lambda s: s.name
        )
        received = sorted(custodian.client_summaries(), key=lambda s: s.name)
        assert [s.name for s in received] == [s.name for s in sent]
        for mine, theirs in zip(sent, received, strict=True):
            original = comparable(
                practice.handover.record_for(practice.client(mine.id), EVERYTHING_KEPT)
            )
            back = comparable(
                custodian.handover.record_for(custodian.client(theirs.id), EVERYTHING_KEPT)
            )
            same_status = replace(back.client, status=original.client.status, consents=())
            assert same_status == replace(original.client, consents=())
            assert back.sessions == original.sessions

            # The client's own level wording is not carried by the FHIR record yet (a known gap,
            # the same as a handover's): compared without it.
            def without_wording(goals: tuple[Goal, ...]) -> list[Goal]:
                return [replace(goal, client_levels=("",) * 5) for goal in goals]

            assert without_wording(back.goals) == without_wording(original.goals)
            assert back.ruptures == original.ruptures
            if original.ending_plan is not None:  # closing words: the same gap as above
                assert back.ending_plan == replace(original.ending_plan, closing_words="")
    finally:
        custodian.close()
    # The sender's clients stay where they were: a continuity copy is not a handover.
    assert all(s.status is not ClientStatus.HANDED_OVER or s.archived for s in sent)


@pytest.mark.parametrize("problem", ["missing", "read-only", "inside the vault folder"])
def test_a_folder_that_cannot_take_the_package_is_refused_with_nothing_written(
    practice: Practice, tmp_path: Path, problem: str
) -> None:
    if problem == "missing":
        folder = tmp_path / "not-plugged-in"
    elif problem == "read-only":
        folder = tmp_path / "locked"
        folder.mkdir()
        folder.chmod(0o500)
        if os.access(folder, os.W_OK):
            pytest.skip("running as a user who can write anywhere (root)")
    else:
        folder = practice.vault_path.parent / "continuity"
        folder.mkdir()
    with pytest.raises(CustodianFolderProblem, match="Nothing was written"):
        practice.continuity.export(folder, CUSTODIAN)
    assert not folder.exists() or list(folder.iterdir()) == []
    assert practice.continuity.last_made() is None


def test_the_demo_names_a_custodian_and_a_package_needs_one(
    practice: Practice, custodian_drive: Path, tmp_path: Path
) -> None:
    assert practice.continuity.custodian() is not None  # the demo's, for its screens
    fresh = Practice.create(tmp_path / "new.vault", PASSPHRASE)
    try:
        with pytest.raises(InvalidInput, match="custodian"):
            fresh.continuity.export(custodian_drive)
        with pytest.raises(InvalidInput, match="required"):
            fresh.continuity.export(custodian_drive, Custodian("  "))
    finally:
        fresh.close()


def test_bad_packages_are_refused_and_no_vault_is_left(
    practice: Practice, custodian_drive: Path, tmp_path: Path
) -> None:
    result = practice.continuity.export(custodian_drive, CUSTODIAN)
    target = tmp_path / "custodian.vault"

    def opening(folder: Path, password: str) -> None:
        open_package(folder, password, target, "custodian passphrase 2026", Practice.create)

    with pytest.raises(WrongPackagePassword):
        opening(result.folder, "wrong-password")
    with pytest.raises(NotAContinuityPackage):
        opening(tmp_path, result.password)
    manifest = result.folder / "manifest.json"
    original = manifest.read_bytes()
    manifest.write_bytes(original.replace(b'"format_version": 1', b'"format_version": 9'))
    with pytest.raises(ContinuityTooNew):
        opening(result.folder, result.password)
    manifest.write_bytes(original)
    record = next((result.folder / "clients").iterdir()) / "record.pdf"
    record.write_bytes(record.read_bytes() + b"%")
    with pytest.raises(HandoverFileAltered):
        opening(result.folder, result.password)
    assert not target.exists() and not list(tmp_path.glob(".custodian.vault*"))
