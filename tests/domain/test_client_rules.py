from __future__ import annotations

import datetime as dt

import pytest

from alliance_desktop.domain.client import (
    ClientStatus,
    ClientSummary,
    ConsentKind,
    ConsentRecord,
    ContactDetails,
    check_client,
    display_name,
)
from alliance_desktop.domain.errors import InvalidInput
from tests.factories import make_client

TODAY = dt.date(2026, 3, 14)


def test_a_complete_client_passes_and_is_trimmed() -> None:
    client = make_client(name="  Ana Ruiz  ", values=(" family ", "", "  "))
    checked = check_client(client, TODAY)
    assert checked.name == "Ana Ruiz"
    assert checked.values == ("family",)


def test_empty_name_is_refused_at_the_name_field() -> None:
    with pytest.raises(InvalidInput) as raised:
        check_client(make_client(name="   "), TODAY)
    assert raised.value.problems == {"name": "Name is required."}


def test_each_bad_field_gets_its_own_message() -> None:
    client = make_client(
        contact=ContactDetails(email="not-an-address"),
        date_of_birth=dt.date(1850, 1, 1),
        start_date=dt.date(2300, 1, 1),
    )
    with pytest.raises(InvalidInput) as raised:
        check_client(client, TODAY)
    problems = raised.value.problems
    assert "e-mail" in problems["contact.email"]
    assert "1900 and 2200" in problems["date_of_birth"]
    assert "1900 and 2200" in problems["start_date"]


def test_date_of_birth_in_the_future_is_refused() -> None:
    with pytest.raises(InvalidInput) as raised:
        check_client(make_client(date_of_birth=dt.date(2026, 3, 15)), TODAY)
    assert "future" in raised.value.problems["date_of_birth"]


def test_consent_withdrawn_before_given_is_refused() -> None:
    consent = ConsentRecord(
        ConsentKind.HANDOVER_SHARING, dt.date(2026, 2, 1), withdrawn_on=dt.date(2026, 1, 1)
    )
    with pytest.raises(InvalidInput) as raised:
        check_client(make_client(consents=(consent,)), TODAY)
    assert set(raised.value.problems) == {"consents.0.withdrawn_on"}


def test_control_characters_in_a_name_are_refused() -> None:
    with pytest.raises(InvalidInput) as raised:
        check_client(make_client(name="Ana\x00Ruiz"), TODAY)
    assert "control characters" in raised.value.problems["name"]


def test_overlong_text_names_the_limit() -> None:
    with pytest.raises(InvalidInput) as raised:
        check_client(make_client(pronouns="x" * 201), TODAY)
    assert "at most 200" in raised.value.problems["pronouns"]


@pytest.mark.parametrize(
    ("name", "preferred", "shown"),
    [
        ("Margaret Lee", "Maggie", "Margaret Lee (Maggie)"),
        ("Margaret Lee", "Margaret", "Margaret Lee"),
        ("Margaret Lee", "", "Margaret Lee"),
    ],
)
def test_display_name_adds_the_preferred_name_only_when_different(
    name: str, preferred: str, shown: str
) -> None:
    assert display_name(name, preferred) == shown
    summary = ClientSummary(1, name, preferred, ClientStatus.ACTIVE, None, False)
    assert summary.display_name == shown


def test_every_status_has_a_readable_label() -> None:
    assert [status.label for status in ClientStatus] == [
        "Intake",
        "Active",
        "Ending",
        "Ended",
        "Handed over",
    ]
