"""practice.retention: the period, the list, and deleting a record for good (every row of the
client gone, the other client untouched, the audit trail intact and naming no client)."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest

from alliance_desktop.domain.client import ClientStatus
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.services import Practice
from alliance_desktop.vault import open_vault
from tests.exchange.samples import NAME, populate
from tests.factories import FIXED_NOW, PASSPHRASE, fixed_clock


def ten_years_on() -> dt.datetime:
    return FIXED_NOW.replace(year=FIXED_NOW.year + 10)


def end_client(practice: Practice, client_id: int) -> None:
    practice.update_client(replace(practice.client(client_id), status=ClientStatus.ENDED))


def rows_naming(path: Path, client_id: int) -> dict[str, int]:
    """How many rows in each table still carry this client's id, read from a copy of the files
    (the practice under test holds the vault: one writer at a time)."""
    folder = Path(tempfile.mkdtemp(prefix="rows-naming-"))
    copy = folder / path.name
    for suffix in ("", "-wal", "-shm", ".lock", ".anchor"):
        source = Path(f"{path}{suffix}")
        if source.exists():
            shutil.copyfile(source, Path(f"{copy}{suffix}"))
    vault = open_vault(copy, PASSPHRASE, fixed_clock)
    try:
        connection = vault.connection
        counts = {}
        tables = [
            r[0]
            for r in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
            ).fetchall()
        ]
        for table in tables:
            columns = {r[1] for r in connection.execute(f'PRAGMA table_info("{table}")')}
            if "client_id" in columns:
                counts[table] = connection.execute(
                    f'SELECT count(*) FROM "{table}" WHERE client_id = ?', (client_id,)
                ).fetchone()[0]
        counts["clients"] = connection.execute(
            "SELECT count(*) FROM clients WHERE id = ?", (client_id,)
        ).fetchone()[0]
        return {table: count for table, count in counts.items() if count}
    finally:
        vault.close()
        shutil.rmtree(folder, ignore_errors=True)


def test_default_period_is_seven_years_and_can_be_changed(practice: Practice) -> None:
    assert practice.retention.years() == 7
    practice.retention.set_years(10)
    assert practice.retention.years() == 10
    with pytest.raises(InvalidInput):
        practice.retention.set_years(0)


def test_an_ended_client_shows_when_the_record_may_go(practice: Practice) -> None:
    client_id = populate(practice)
    assert practice.retention.overview() == []  # nobody has finished yet
    end_client(practice, client_id)
    (entry,) = practice.retention.overview()
    assert entry.client_id == client_id and entry.name == NAME
    assert entry.last_contact_on is not None
    assert entry.keep_until == entry.last_contact_on.replace(year=entry.last_contact_on.year + 7)
    assert not entry.past_retention


def test_a_record_within_its_period_cannot_be_deleted(practice: Practice) -> None:
    client_id = populate(practice)
    end_client(practice, client_id)
    with pytest.raises(InvalidInput, match="must be kept until"):
        practice.retention.erase(client_id)
    active = practice.add_client(
        replace(practice.client(client_id), id=None, name="Still here", status=ClientStatus.ACTIVE)
    )
    with pytest.raises(InvalidInput, match="ended or been handed over"):
        practice.retention.erase(active.id or 0)


def test_erasing_removes_every_row_of_the_client_and_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "practice.vault"
    practice = Practice.create(path, PASSPHRASE, clock=ten_years_on)
    try:
        client_id = populate(practice)
        other = next(s.id for s in practice.client_summaries() if s.id != client_id)
        end_client(practice, client_id)
        before_other = rows_naming(path, other)
        before = rows_naming(path, client_id)
        assert {"sessions", "goals", "ruptures", "ending_plans"} <= before.keys()
        erased = practice.retention.erase(client_id)
        assert erased.rows_removed > sum(before.values())  # check-ins, ratings, repairs too
        assert practice.health().is_healthy  # integrity and the audit chain
        assert [s.id for s in practice.client_summaries()] == [other]
        last = practice.audit_entries(1)[0]
        assert (last.kind, last.record_id) == ("client.erased", None)
    finally:
        practice.close()
    assert rows_naming(path, client_id) == {}
    assert rows_naming(path, other) == before_other
    wal = Path(f"{path}-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # the log was emptied
