"""The safety plan the client keeps: their words, large plain type, crisis contacts always."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from alliance_desktop.domain.crisis_contacts import CrisisContact
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.risk import SafetyPlan
from alliance_desktop.reports.safety_plan import (
    IN_DANGER,
    NO_CONTACTS,
    SafetyPlanData,
    build_safety_plan,
)
from tests.reports.samples import NAME, PROFILE, TODAY, flat_text, pdf_reader

CONTACTS = (
    CrisisContact("Samaritans", "116 123", "24 hours, every day"),
    CrisisContact("NHS 111, mental health option", "111", "24 hours"),
    CrisisContact("Emergency services", "999"),
)


def plan(**sections: tuple[str, ...]) -> SafetyPlan:
    return SafetyPlan(client_id=1, updated_on=dt.date(2026, 3, 10), **sections)


def data(**overrides: object) -> SafetyPlanData:
    base = SafetyPlanData(
        profile=dataclasses.replace(PROFILE, crisis_contacts=CONTACTS),
        client_name=NAME,
        generated_on=TODAY,
        plan=plan(
            warning_signs=("I stop answering my sister’s texts", "Lying awake past 3am"),
            things_i_can_do=("Cold water on my face", "Walk to the harbour"),
            people_i_can_ask=("Ana (sister) 07700 900123",),
            what_matters_most=("My daughter Lily",),
        ),
    )
    return dataclasses.replace(base, **overrides)


def test_plan_in_the_clients_words_with_every_crisis_contact() -> None:
    text = flat_text(build_safety_plan(data()))
    assert "My safety plan" in text and f"For {NAME}" in text
    assert "10 March 2026" in text
    assert IN_DANGER in text
    for contact in CONTACTS:
        assert contact.name in text and contact.phone in text
    assert "24 hours, every day" in text
    assert "1. My warning signs" in text
    assert "I stop answering my sister’s texts" in text
    assert "7. What matters most to me" in text and "My daughter Lily" in text
    # An empty section is there to write in, said kindly, not hidden.
    assert "6. Making my surroundings safer" in text
    assert "We haven’t written this part yet" in text


def test_nothing_clinical_is_printed() -> None:
    text = flat_text(build_safety_plan(data()))
    for clinical in ("Moderate", "risk level", "Risk review", "rests on", "Risk factors"):
        assert clinical.casefold() not in text.casefold()


def test_one_or_two_pages_even_when_full() -> None:
    full = plan(
        **{
            field: tuple(f"Entry {n} in my own words, not too long" for n in range(4))
            for field in (
                "warning_signs",
                "things_i_can_do",
                "people_and_places",
                "people_i_can_ask",
                "professionals",
                "safer_surroundings",
                "what_matters_most",
            )
        }
    )
    pages = len(pdf_reader(build_safety_plan(data(plan=full))).pages)
    assert 1 <= pages <= 2


def test_without_practice_contacts_the_emergency_numbers_are_printed() -> None:
    text = flat_text(
        build_safety_plan(data(profile=dataclasses.replace(PROFILE, crisis_contacts=())))
    )
    assert NO_CONTACTS.split("(")[0].strip() in text and "999" in text


def test_an_empty_plan_is_refused_and_nothing_is_built() -> None:
    with pytest.raises(InvalidInput) as raised:
        build_safety_plan(data(plan=plan()))
    assert "empty" in raised.value.problems["safety_plan"]


def test_metadata_names_no_one() -> None:
    reader = pdf_reader(build_safety_plan(data()))
    metadata = reader.metadata or {}
    assert "O’Brien" not in " ".join(str(value) for value in metadata.values())


def test_the_clients_ending_summary_lists_the_crisis_contacts_under_if_things_get_worse() -> None:
    from alliance_desktop.reports.ending_summary import build_ending_summary
    from tests.reports.samples import client_summary_data

    with_contacts = client_summary_data(
        profile=dataclasses.replace(PROFILE, crisis_contacts=CONTACTS)
    )
    text = flat_text(build_ending_summary(with_contacts))
    assert "If things get worse" in text
    assert "Samaritans: 116 123 (24 hours, every day)" in text
    without = flat_text(build_ending_summary(client_summary_data()))
    assert "call your local emergency number" in without
