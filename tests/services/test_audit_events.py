"""What is done with the records (unlock, lock, exports, printing, restore) reaches the audit
trail as a kind and an id, never as what the records say."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from alliance_desktop.domain.audit import VaultEvent
from alliance_desktop.services import Practice
from alliance_desktop.services.safekeeping import restore_vault
from tests.factories import PASSPHRASE, fixed_clock, make_client, make_session

NAME = "Persephone Audit-Subject"


def _latest(practice: Practice, count: int = 1) -> list[tuple[str, str, int | None]]:
    return [(e.kind, e.record_type, e.record_id) for e in practice.audit_entries(count)]


@pytest.fixture
def client_id(practice: Practice) -> int:
    client = practice.add_client(make_client(name=NAME))
    assert client.id is not None
    start = dt.datetime(2026, 3, 16, 10)
    practice.calendar.book(make_session(client.id, start, progress_note="private words"))
    return client.id


def test_unlocking_records_the_unlock_and_how_many_attempts_failed(practice: Practice) -> None:
    practice.record_unlock()
    assert _latest(practice) == [("vault.unlocked", "vault", None)]

    practice.record_unlock(failed_attempts=3)
    assert _latest(practice, 2) == [
        ("vault.unlocked", "vault", None),
        ("vault.unlock_failed", "failed_attempts", 3),
    ]


def test_lock_and_print_are_recorded_on_request(practice: Practice, client_id: int) -> None:
    practice.record_event(VaultEvent.LOCKED)
    practice.record_event(VaultEvent.REPORT_PRINTED, client_id)
    assert _latest(practice, 2) == [
        ("report.printed", "client", client_id),
        ("vault.locked", "vault", None),
    ]
    with pytest.raises(ValueError, match="record_unlock"):
        practice.record_event(VaultEvent.UNLOCK_FAILED)


def test_every_report_written_to_a_file_is_recorded(
    practice: Practice, client_id: int, tmp_path: Path
) -> None:
    practice.reports.goal_review(client_id, tmp_path / "review.pdf")
    practice.reports.ending_summary(client_id, tmp_path / "summary.pdf")
    assert _latest(practice, 2) == [("report.exported", "client", client_id)] * 2
    before = len(practice.audit_entries(1000))
    practice.reports.goal_review_pdf(client_id)  # a preview, in memory: not an export
    assert len(practice.audit_entries(1000)) == before


def test_a_calendar_export_is_recorded(practice: Practice, client_id: int, tmp_path: Path) -> None:
    practice.calendar.export_icalendar(
        tmp_path / "diary.ics", dt.date(2026, 3, 1), dt.date(2026, 3, 31)
    )
    assert _latest(practice) == [("calendar.exported", "vault", None)]


def test_a_failed_export_is_not_recorded(
    practice: Practice, client_id: int, tmp_path: Path
) -> None:
    before = len(practice.audit_entries(1000))
    with pytest.raises(FileNotFoundError):
        practice.reports.goal_review(client_id, tmp_path / "missing" / "review.pdf")
    assert len(practice.audit_entries(1000)) == before


def test_a_restore_is_recorded_in_the_restored_vault(practice: Practice, vault_path: Path) -> None:
    backup = practice.safekeeping.back_up()
    practice.close()

    restore_vault(vault_path, backup, PASSPHRASE, fixed_clock)

    restored = Practice.open(vault_path, PASSPHRASE, clock=fixed_clock)
    try:
        assert _latest(restored) == [("vault.restored", "vault", None)]
        assert restored.health().is_healthy
    finally:
        restored.close()


def test_no_event_carries_clinical_text(practice: Practice, client_id: int, tmp_path: Path) -> None:
    practice.record_unlock(failed_attempts=1)
    practice.reports.goal_review(client_id, tmp_path / "review.pdf")
    practice.record_event(VaultEvent.LOCKED)
    recorded = repr(practice.audit_entries(1000))
    assert "Persephone" not in recorded and "private words" not in recorded
