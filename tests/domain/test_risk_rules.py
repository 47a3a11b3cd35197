"""Risk reviews, the safety plan, risk and consent flags: the rules, in plain Python."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alliance_desktop.domain.alliance_check_in import (
    AllianceCheckIn,
    Instrument,
    InstrumentScore,
    check_alliance_check_in,
)
from alliance_desktop.domain.alliance_flags import FlagKind
from alliance_desktop.domain.boundaries import (
    ClientBoundaries,
    SessionStructure,
    boundary_lines,
    check_boundaries,
)
from alliance_desktop.domain.client import ConsentKind, ConsentRecord
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.risk import (
    RiskLevel,
    RiskReview,
    SafetyPlan,
    check_risk_review,
    check_safety_plan,
    require_printable,
    review_due_on,
)
from alliance_desktop.domain.risk_flags import SelfHarmAnswer, consent_flags, risk_flags
from tests.factories import make_client

TODAY = dt.date(2026, 3, 14)


def review(**changes: object) -> RiskReview:
    values: dict[str, object] = {
        "client_id": 1,
        "assessed_on": dt.date(2026, 3, 10),
        "level": RiskLevel.LOW,
        "rests_on": "Asked directly; no thoughts of ending life; plans for the summer.",
    }
    values.update(changes)
    return RiskReview(**values)  # type: ignore[arg-type]


def test_next_review_before_the_assessment_is_refused_at_that_field() -> None:
    with pytest.raises(InvalidInput) as raised:
        check_risk_review(review(next_review_on=dt.date(2026, 3, 9)), TODAY)
    assert set(raised.value.problems) == {"next_review_on"}
    assert "before the assessment" in raised.value.problems["next_review_on"]


@pytest.mark.parametrize("level", [RiskLevel.MODERATE, RiskLevel.HIGH])
def test_moderate_or_high_without_grounds_is_refused(level: RiskLevel) -> None:
    with pytest.raises(InvalidInput) as raised:
        check_risk_review(review(level=level, rests_on="   "), TODAY)
    assert set(raised.value.problems) == {"rests_on"}
    assert level.label.lower() in raised.value.problems["rests_on"]


@pytest.mark.parametrize("level", [RiskLevel.NONE, RiskLevel.LOW])
def test_none_or_low_may_be_recorded_without_grounds(level: RiskLevel) -> None:
    assert check_risk_review(review(level=level, rests_on=""), TODAY).level is level


def test_assessment_in_the_future_is_refused() -> None:
    with pytest.raises(InvalidInput) as raised:
        check_risk_review(review(assessed_on=dt.date(2026, 3, 15)), TODAY)
    assert "assessed_on" in raised.value.problems


def test_review_is_tidied() -> None:
    checked = check_risk_review(
        review(risk_factors=(" recent loss ", "", "  "), actions_agreed="  Call GP  "), TODAY
    )
    assert checked.risk_factors == ("recent loss",)
    assert checked.actions_agreed == "Call GP"


def test_review_due_defaults_by_level() -> None:
    assert review_due_on(review(level=RiskLevel.NONE)) is None
    assert review_due_on(review(level=RiskLevel.HIGH, rests_on="x")) == dt.date(2026, 3, 17)
    agreed = review(next_review_on=dt.date(2026, 4, 1))
    assert review_due_on(agreed) == dt.date(2026, 4, 1)


def test_empty_safety_plan_is_not_printable() -> None:
    with pytest.raises(InvalidInput) as raised:
        require_printable(SafetyPlan(client_id=1, updated_on=TODAY, warning_signs=()))
    assert "empty" in raised.value.problems["safety_plan"]
    with pytest.raises(InvalidInput):
        require_printable(None)


@given(st.lists(st.text(max_size=40), max_size=6))
def test_safety_plan_keeps_every_non_blank_entry_trimmed(entries: list[str]) -> None:
    plan = SafetyPlan(client_id=1, updated_on=TODAY, warning_signs=tuple(entries))
    try:
        checked = check_safety_plan(plan)
    except InvalidInput as refused:
        assert "warning_signs" in refused.problems  # only control characters are refused
        return
    assert checked.warning_signs == tuple(e.strip() for e in entries if e.strip())


def test_high_level_and_overdue_review_are_flags_that_explain_themselves() -> None:
    high = review(level=RiskLevel.HIGH, rests_on="Said so", assessed_on=dt.date(2026, 3, 1))
    flags = risk_flags(1, high, [], TODAY)
    kinds = {flag.kind: flag.explanation for flag in flags}
    assert "high" in kinds[FlagKind.HIGH_RISK]
    assert "overdue" in kinds[FlagKind.RISK_REVIEW_DUE]  # due 8 Mar, 6 days ago
    assert "6 days overdue" in kinds[FlagKind.RISK_REVIEW_DUE]


def test_review_far_off_raises_no_flag() -> None:
    assert risk_flags(1, review(next_review_on=dt.date(2026, 6, 1)), [], TODAY) == []


def test_self_harm_answer_above_zero_asks_for_a_review_until_one_follows() -> None:
    answers = [SelfHarmAnswer(dt.date(2026, 3, 1), 0), SelfHarmAnswer(dt.date(2026, 3, 12), 2)]
    flags = risk_flags(1, review(), answers, TODAY)  # review on 10 Mar, before the answer
    assert [flag.kind for flag in flags] == [FlagKind.SELF_HARM_ANSWER]
    assert "2 of 3" in flags[0].explanation and "Record a risk review" in flags[0].explanation
    assert risk_flags(1, review(assessed_on=dt.date(2026, 3, 12)), answers, TODAY) == []
    assert risk_flags(1, None, [SelfHarmAnswer(dt.date(2026, 3, 1), 0)], TODAY) == []


def test_phq9_self_harm_item_is_checked() -> None:
    def with_item(item: int, total: float = 12) -> AllianceCheckIn:
        return AllianceCheckIn(
            instruments=(InstrumentScore(Instrument.PHQ9, total, self_harm_item=item),)
        )

    assert check_alliance_check_in(with_item(3)).instruments[0].self_harm_item == 3
    with pytest.raises(InvalidInput) as raised:
        check_alliance_check_in(with_item(4))
    assert "PHQ-9 item 9 (thoughts of self-harm), 0-3" in str(raised.value)
    with pytest.raises(InvalidInput):
        check_alliance_check_in(with_item(2, total=1))
    with pytest.raises(InvalidInput):
        check_alliance_check_in(
            AllianceCheckIn(instruments=(InstrumentScore(Instrument.GAD7, 5, self_harm_item=1),))
        )


def test_consent_flag_needs_sessions_and_names_what_is_missing() -> None:
    complete = make_client(id=4)
    assert consent_flags(complete, has_sessions=True) == []
    without = make_client(id=4, consents=())
    assert consent_flags(without, has_sessions=False) == []
    [flag] = consent_flags(without, has_sessions=True)
    assert flag.kind is FlagKind.NO_INFORMED_CONSENT and "No informed consent" in flag.explanation
    unexplained = make_client(
        id=4, consents=(ConsentRecord(ConsentKind.INFORMED_CONSENT, dt.date(2026, 1, 8)),)
    )
    [flag] = consent_flags(unexplained, has_sessions=True)
    assert "limits of confidentiality" in flag.explanation


def test_boundaries_are_tidied_and_summarised() -> None:
    checked = check_boundaries(
        ClientBoundaries(
            client_id=1,
            changed_on=TODAY,
            topics_not_yet=(" my father ", ""),
            ready_when_i_say=True,
            structure=SessionStructure.CONVERSATIONAL,
        )
    )
    assert checked.topics_not_yet == ("my father",)
    lines = dict(boundary_lines(checked))
    assert "ready" in lines["Not yet"] and lines["Structure"] == "Conversational"
    with pytest.raises(InvalidInput):
        check_boundaries(ClientBoundaries(client_id=1, changed_on=TODAY, pace_and_depth="x" * 5000))
