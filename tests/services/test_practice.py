from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alliance_desktop.domain.client import (
    Client,
    ClientStatus,
    ConsentKind,
    ConsentRecord,
    ContactDetails,
)
from alliance_desktop.domain.crisis_contacts import CrisisContact
from alliance_desktop.domain.errors import InvalidInput, RecordNotFound
from alliance_desktop.domain.practice_profile import PaperSize, PracticeProfile
from alliance_desktop.services import Practice
from tests.factories import PASSPHRASE, fixed_clock, make_client


def test_a_client_round_trips_through_the_vault(practice: Practice, vault_path: Path) -> None:
    saved = practice.add_client(make_client())
    practice.close()
    reopened = Practice.open(vault_path, PASSPHRASE, clock=fixed_clock)
    assert reopened.client(saved.id or 0) == saved
    reopened.close()


def test_invalid_client_is_refused_and_nothing_saved(practice: Practice) -> None:
    with pytest.raises(InvalidInput) as raised:
        practice.add_client(make_client(name="", contact=ContactDetails(email="bad")))
    assert set(raised.value.problems) == {"name", "contact.email"}
    assert practice.client_count() == 0


def test_archived_clients_leave_the_list_but_are_kept(practice: Practice) -> None:
    kept = practice.add_client(make_client(name="Kept Client"))
    gone = practice.add_client(make_client(name="Archived Client"))
    archived = practice.archive_client(gone.id or 0)
    assert archived.archived_on == practice.today()
    assert [c.name for c in practice.find_clients()] == ["Kept Client"]
    assert [c.name for c in practice.find_clients(include_archived=True)] == [
        "Archived Client",
        "Kept Client",
    ]
    practice.restore_client(gone.id or 0)
    assert len(practice.find_clients()) == 2
    assert kept.id != gone.id


def test_search_sees_changes_immediately(practice: Practice) -> None:
    client = practice.add_client(make_client(name="Old Name"))
    assert practice.find_clients("old")
    practice.update_client(make_client(id=client.id, name="New Name"))
    assert not practice.find_clients("old")
    assert [c.id for c in practice.find_clients("new")] == [client.id]


def test_filter_by_status(practice: Practice) -> None:
    practice.add_client(make_client(name="A", status=ClientStatus.INTAKE))
    practice.add_client(make_client(name="B", status=ClientStatus.ENDED))
    assert [c.name for c in practice.find_clients(status=ClientStatus.ENDED)] == ["B"]


def test_unknown_client_is_a_clear_error(practice: Practice) -> None:
    with pytest.raises(RecordNotFound, match="no client with id 42"):
        practice.client(42)


def test_profile_defaults_then_saved(practice: Practice) -> None:
    assert practice.profile() == PracticeProfile()
    profile = PracticeProfile(
        clinician_name="Dr Ana Rivera",
        credentials="DClinPsy",
        practice_name="Harbour Therapy",
        paper_size=PaperSize.LETTER,
        default_session_minutes=60,
        crisis_contacts=(CrisisContact("Samaritans", "116 123", "24 hours"),),
    )
    practice.save_profile(profile)
    assert practice.profile() == profile


def test_health_of_a_fresh_vault(practice: Practice) -> None:
    practice.add_client(make_client())
    health = practice.health()
    assert health.is_healthy
    assert health.client_count == 1
    assert health.schema_version >= 1


_free_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=300)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=_free_text.filter(lambda s: s.strip() != "" and len(s) <= 200),
    values=st.lists(_free_text, max_size=4),
    scope=_free_text,
    given_on=st.dates(dt.date(1900, 1, 1), dt.date(2200, 12, 31)),
)
def test_any_unicode_text_is_stored_and_read_back_as_checked(
    practice: Practice, name: str, values: list[str], scope: str, given_on: dt.date
) -> None:
    client = Client(
        name=name,
        values=tuple(values),
        consents=(ConsentRecord(ConsentKind.OTHER, given_on, scope),),
    )
    saved = practice.add_client(client)
    assert practice.client(saved.id or 0) == saved
    assert saved.name == name.strip()
    assert saved.values == tuple(v.strip() for v in values if v.strip())
