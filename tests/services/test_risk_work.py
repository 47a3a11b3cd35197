"""Risk reviews, the safety plan and boundaries on real encrypted vaults."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alliance_desktop.domain.alliance_check_in import AllianceCheckIn, Instrument, InstrumentScore
from alliance_desktop.domain.alliance_flags import FlagKind
from alliance_desktop.domain.boundaries import ClientBoundaries, SessionStructure
from alliance_desktop.domain.errors import InvalidInput, RecordNotFound
from alliance_desktop.domain.risk import RiskLevel, RiskReview, SafetyPlan
from alliance_desktop.domain.session import SessionStatus
from alliance_desktop.services import Practice
from tests.factories import PASSPHRASE, fixed_clock, make_client, make_session

SECRET = "told me about the bridge on Carver Street"


@pytest.fixture
def client_id(practice: Practice) -> int:
    return practice.add_client(make_client()).id or 0


def moderate(client_id: int, on: dt.date, **changes: object) -> RiskReview:
    values: dict[str, object] = {
        "client_id": client_id,
        "assessed_on": on,
        "level": RiskLevel.MODERATE,
        "rests_on": SECRET,
        "risk_factors": ("recent loss",),
        "protective_factors": ("her daughter",),
        "actions_agreed": "Safety plan written together",
        "next_review_on": on + dt.timedelta(days=14),
    }
    values.update(changes)
    return RiskReview(**values)  # type: ignore[arg-type]


def test_reviews_keep_a_dated_history_across_reopening(
    practice: Practice, client_id: int, vault_path: Path
) -> None:
    assert practice.risk.latest_review(client_id) is None
    first = practice.risk.save_review(moderate(client_id, dt.date(2026, 2, 1)))
    second = practice.risk.save_review(
        moderate(client_id, dt.date(2026, 3, 1), level=RiskLevel.LOW, next_review_on=None)
    )
    practice.close()
    reopened = Practice.open(vault_path, PASSPHRASE, clock=fixed_clock)
    try:
        assert reopened.risk.history(client_id) == [second, first]
        assert reopened.risk.latest_review(client_id) == second
    finally:
        reopened.close()


def test_bad_review_saves_nothing(practice: Practice, client_id: int) -> None:
    with pytest.raises(InvalidInput):
        practice.risk.save_review(
            moderate(client_id, dt.date(2026, 3, 1), next_review_on=dt.date(2026, 2, 1))
        )
    assert practice.risk.history(client_id) == []


def test_review_for_unknown_client_is_refused(practice: Practice) -> None:
    with pytest.raises(RecordNotFound):
        practice.risk.save_review(moderate(999, dt.date(2026, 3, 1)))


def test_safety_plan_is_one_per_client_and_dated_today(
    practice: Practice, client_id: int, vault_path: Path
) -> None:
    assert practice.risk.safety_plan(client_id) is None
    practice.risk.save_safety_plan(
        SafetyPlan(client_id, dt.date(2000, 1, 1), warning_signs=("Not sleeping",))
    )
    saved = practice.risk.save_safety_plan(
        SafetyPlan(
            client_id,
            dt.date(2000, 1, 1),
            warning_signs=("Not sleeping", " "),
            people_i_can_ask=("Ana, 07700 900123",),
        )
    )
    assert saved.updated_on == fixed_clock().date()
    practice.close()
    reopened = Practice.open(vault_path, PASSPHRASE, clock=fixed_clock)
    try:
        plan = reopened.risk.safety_plan(client_id)
        assert plan is not None
        assert plan.warning_signs == ("Not sleeping",)
        assert plan.people_i_can_ask == ("Ana, 07700 900123",)
    finally:
        reopened.close()


def test_audit_records_the_kind_never_the_words(practice: Practice, client_id: int) -> None:
    practice.risk.save_review(moderate(client_id, dt.date(2026, 3, 1)))
    practice.risk.save_safety_plan(SafetyPlan(client_id, dt.date(2026, 3, 1), ("secret sign",)))
    entries = practice.audit_entries()
    kinds = [entry.kind for entry in entries]
    assert "risk_review.recorded" in kinds and "safety_plan.saved" in kinds
    assert SECRET not in repr(entries) and "secret sign" not in repr(entries)


def test_due_reviews_and_flags(practice: Practice, client_id: int) -> None:
    other = practice.add_client(make_client(name="Dev Patel", preferred_name="")).id or 0
    practice.risk.save_review(
        moderate(client_id, dt.date(2026, 2, 1), next_review_on=dt.date(2026, 3, 1))
    )
    practice.risk.save_review(
        moderate(other, dt.date(2026, 3, 10), next_review_on=dt.date(2026, 5, 1))
    )
    due = practice.risk.reviews_due()
    assert [item.client_id for item in due] == [client_id]
    assert due[0].is_overdue(fixed_clock().date())
    kinds = [flag.kind for flag in practice.risk.flags_for([client_id, other])]
    assert kinds == [FlagKind.RISK_REVIEW_DUE]


def test_phq9_self_harm_answer_round_trips_and_raises_a_flag(
    practice: Practice, client_id: int
) -> None:
    session = practice.calendar.book(
        make_session(
            client_id,
            dt.datetime(2026, 3, 12, 10),
            status=SessionStatus.ATTENDED,
            check_in=AllianceCheckIn(
                instruments=(InstrumentScore(Instrument.PHQ9, 14, self_harm_item=1),)
            ),
        )
    )
    assert session.id is not None
    stored = practice.calendar.session(session.id).check_in.instruments[0]
    assert stored.self_harm_item == 1
    [flag] = practice.risk.flags(client_id)
    assert flag.kind is FlagKind.SELF_HARM_ANSWER
    practice.risk.save_review(moderate(client_id, dt.date(2026, 3, 13)))
    assert FlagKind.SELF_HARM_ANSWER not in [f.kind for f in practice.risk.flags(client_id)]


def test_client_without_informed_consent_is_flagged_from_the_first_session(
    practice: Practice,
) -> None:
    client_id = practice.add_client(make_client(consents=())).id or 0
    assert practice.risk.flags(client_id) == []
    practice.calendar.book(make_session(client_id, dt.datetime(2026, 3, 20, 10)))
    [flag] = practice.risk.flags(client_id)
    assert flag.kind is FlagKind.NO_INFORMED_CONSENT


def test_limits_explained_round_trips(practice: Practice, client_id: int) -> None:
    consent = practice.client(client_id).consents[0]
    assert consent.limits_explained is True


def test_boundaries_are_dated_versions(practice: Practice, client_id: int) -> None:
    assert practice.boundaries.current(client_id) is None
    first = practice.boundaries.save(
        ClientBoundaries(client_id, dt.date(2000, 1, 1), topics_not_yet=("my father",))
    )
    assert first.changed_on == fixed_clock().date()
    same = practice.boundaries.save(first)
    assert same == first and len(practice.boundaries.history(client_id)) == 1
    second = practice.boundaries.save(
        ClientBoundaries(
            client_id,
            dt.date(2000, 1, 1),
            topics_not_yet=("my father",),
            structure=SessionStructure.STRUCTURED,
        )
    )
    assert practice.boundaries.current(client_id) == second
    assert [version.id for version in practice.boundaries.history(client_id)] == [
        second.id,
        first.id,
    ]


def test_risk_document_shape(practice: Practice, client_id: int) -> None:
    empty = practice.risk.risk_document(client_id)
    assert empty["current"] is None and empty["history"] == [] and empty["safety_plan"] is None
    practice.risk.save_review(moderate(client_id, dt.date(2026, 3, 1)))
    practice.risk.save_safety_plan(SafetyPlan(client_id, dt.date(2026, 3, 1), ("sign",)))
    document = practice.risk.risk_document(client_id)
    assert document["current"] == {
        "level": "moderate",
        "assessed_on": "2026-03-01",
        "review_due": "2026-03-15",
    }
    assert document["history"][0]["rests_on"] == SECRET
    assert document["safety_plan"]["warning_signs"] == ["sign"]


_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=60,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rests_on=_TEXT,
    factors=st.lists(_TEXT, max_size=4),
    entries=st.lists(_TEXT, max_size=4),
)
def test_what_is_typed_comes_back_from_the_vault_or_is_refused_whole(
    practice: Practice, client_id: int, rests_on: str, factors: list[str], entries: list[str]
) -> None:
    before = practice.risk.history(client_id)
    review = RiskReview(
        client_id, dt.date(2026, 3, 1), RiskLevel.LOW, rests_on, risk_factors=tuple(factors)
    )
    try:
        saved = practice.risk.save_review(review)
    except InvalidInput:
        assert practice.risk.history(client_id) == before  # nothing half-saved
    else:
        assert practice.risk.history(client_id)[0] == saved
        assert saved.rests_on == rests_on.strip()
        assert saved.risk_factors == tuple(f.strip() for f in factors if f.strip())
    try:
        plan = practice.risk.save_safety_plan(
            SafetyPlan(client_id, dt.date(2026, 3, 1), what_matters_most=tuple(entries))
        )
    except InvalidInput:
        return
    assert practice.risk.safety_plan(client_id) == plan
