"""What a handover must record before anything is exported."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from alliance_desktop.domain.client import ConsentKind
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.handover import (
    HandoverDetails,
    HandoverOptions,
    check_handover_details,
)

TODAY = dt.date(2026, 3, 14)
DETAILS = HandoverDetails(
    receiver_name="  Dr Kwame Mensah ",
    handed_over_on=TODAY,
    consent_given_on=dt.date(2026, 3, 10),
    consent_scope=" Whole record ",
    reason=" Moving to Leeds ",
)


def test_details_are_trimmed_and_the_consent_is_a_handover_consent() -> None:
    checked = check_handover_details(DETAILS, TODAY)
    assert (checked.receiver_name, checked.consent_scope, checked.reason) == (
        "Dr Kwame Mensah",
        "Whole record",
        "Moving to Leeds",
    )
    assert checked.consent.kind is ConsentKind.HANDOVER_SHARING
    assert checked.consent.given_on == dt.date(2026, 3, 10)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"receiver_name": ""}, "receiver_name"),
        ({"consent_scope": " "}, "consent_scope"),
        ({"reason": ""}, "reason"),
        ({"consent_given_on": dt.date(2026, 3, 15)}, "consent_given_on"),  # in the future
        ({"handed_over_on": dt.date(2026, 3, 1)}, "consent_given_on"),  # consent came after
        ({"receiver_contact": "x" * 2001}, "receiver_contact"),
    ],
)
def test_what_a_handover_needs(change: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        check_handover_details(replace(DETAILS, **change), TODAY)  # type: ignore[arg-type]
    assert field in raised.value.problems


def test_options_default_to_the_core_record_with_fhir() -> None:
    options = HandoverOptions()
    assert options.as_document() == {
        "session_notes": False,
        "ruptures": False,
        "private_notes": False,
        "fhir": True,
    }
    everything = HandoverOptions(True, True, True, False)
    assert HandoverOptions.from_document(everything.as_document()) == everything
    assert HandoverOptions.from_document({"session_notes": "yes"}) == HandoverOptions(
        include_fhir=False
    )
