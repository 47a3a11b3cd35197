"""The handover repository's own reads and writes, against the other repositories."""

from __future__ import annotations

from alliance_desktop.domain.client import ClientStatus
from alliance_desktop.services import Practice
from alliance_desktop.vault.handover_repository import HandoverRepository
from tests.exchange.samples import populate


def test_client_sessions_reads_what_reading_each_session_does(practice: Practice) -> None:
    client_id = populate(practice)
    repository = HandoverRepository(practice._vault)
    entries = practice.calendar.client_history(client_id).entries
    one_by_one = [practice.calendar.session(entry.session_id) for entry in entries]
    assert repository.client_sessions(client_id) == one_by_one
    assert any(s.private_note for s in one_by_one) and any(s.goal_ids for s in one_by_one)


def test_the_status_before_a_handover(practice: Practice) -> None:
    client_id = populate(practice)
    repository = HandoverRepository(practice._vault)
    assert repository.status_before_handover(client_id, ClientStatus.ENDING) is ClientStatus.ENDING
    # Marked handed over by hand, with no handover on record: taken as active.
    assert (
        repository.status_before_handover(client_id, ClientStatus.HANDED_OVER)
        is ClientStatus.ACTIVE
    )
