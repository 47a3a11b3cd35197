"""What a handover must record before anything is exported."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from alliance_desktop.domain.client import ConsentKind
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.handover import (
    CORE_CATEGORIES,
    HandoverDetails,
    HandoverOptions,
    check_handover_details,
    check_within_consent,
    options_within_consent,
)
from alliance_desktop.domain.share_consent import (
    ALL_CATEGORIES,
    ShareCategory,
    parse_share_scope,
)

TODAY = dt.date(2026, 3, 14)
DETAILS = HandoverDetails(
    receiver_name="  Dr Kwame Mensah ",
    handed_over_on=TODAY,
    consent_given_on=dt.date(2026, 3, 10),
    consent_scope=" Goals, sessions ,summary ",
    reason=" Moving to Leeds ",
)


def test_details_are_trimmed_and_the_consent_is_a_handover_consent() -> None:
    checked = check_handover_details(DETAILS, TODAY)
    assert (checked.receiver_name, checked.consent_scope, checked.reason) == (
        "Dr Kwame Mensah",
        "summary,goals,sessions",
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
        "categories": ["summary", "goals", "sessions", "measures", "risk"],
        "session_notes": False,
        "ruptures": False,
        "private_notes": False,
        "fhir": True,
        "beyond_consent": False,
    }
    everything = HandoverOptions(ALL_CATEGORIES, include_fhir=False)
    assert HandoverOptions.from_document(everything.as_document()) == everything
    # A manifest written before categories: the core record plus what was ticked.
    assert HandoverOptions.from_document({"session_notes": True}) == HandoverOptions(
        CORE_CATEGORIES | {ShareCategory.NOTES}, include_fhir=False
    )


def test_a_free_text_consent_is_refused_with_the_categories_named() -> None:
    with pytest.raises(InvalidInput) as raised:
        check_handover_details(replace(DETAILS, consent_scope="Whole record"), TODAY)
    assert "process-notes" in raised.value.problems["consent_scope"]


GOALS_SESSIONS_ENDING = parse_share_scope("goals,sessions,summary")


def test_within_consent_only_the_consented_core_and_the_ticked_writing() -> None:
    options = options_within_consent(GOALS_SESSIONS_ENDING)
    assert options.categories == GOALS_SESSIONS_ENDING
    assert options.left_out == (
        ShareCategory.NOTES,
        ShareCategory.RUPTURES,
        ShareCategory.PROCESS_NOTES,
        ShareCategory.MEASURES,
        ShareCategory.RISK,
    )
    everything = options_within_consent(
        ALL_CATEGORIES,
        include_session_notes=True,
        include_ruptures=True,
        include_private_notes=True,
    )
    assert everything.left_out == ()
    assert options_within_consent(ALL_CATEGORIES).left_out == (
        ShareCategory.NOTES,
        ShareCategory.RUPTURES,
        ShareCategory.PROCESS_NOTES,
    )


@pytest.mark.parametrize(
    "beyond", [ShareCategory.NOTES, ShareCategory.RUPTURES, ShareCategory.MEASURES]
)
def test_going_beyond_consent_needs_a_reason(beyond: ShareCategory) -> None:
    options = HandoverOptions(GOALS_SESSIONS_ENDING | {beyond})
    with pytest.raises(InvalidInput) as raised:
        check_within_consent(options, GOALS_SESSIONS_ENDING)
    assert beyond.label in raised.value.problems["beyond_consent_reason"]
    overridden = check_within_consent(
        replace(options, beyond_consent_reason="  Court order of 2 March  "),
        GOALS_SESSIONS_ENDING,
    )
    assert overridden.beyond_consent_reason == "Court order of 2 March"


def test_process_notes_never_go_on_an_override() -> None:
    options = HandoverOptions(
        GOALS_SESSIONS_ENDING | {ShareCategory.PROCESS_NOTES},
        beyond_consent_reason="The next clinician asked for them",
    )
    with pytest.raises(InvalidInput) as raised:
        check_within_consent(options, GOALS_SESSIONS_ENDING)
    assert "process notes" in raised.value.problems["process_notes"].lower()
    agreed = GOALS_SESSIONS_ENDING | {ShareCategory.PROCESS_NOTES}
    assert check_within_consent(HandoverOptions(agreed), agreed).categories == agreed


def test_a_reason_without_going_beyond_is_not_kept() -> None:
    options = HandoverOptions(CORE_CATEGORIES, beyond_consent_reason="just in case")
    assert check_within_consent(options, ALL_CATEGORIES).beyond_consent_reason == ""
