"""Risk first: the ending plan and the clinician's ending summary open with the latest risk
review and the safety plan, or say plainly that there is none; the client's copy never does."""

from __future__ import annotations

import datetime as dt

from alliance_desktop.domain.risk import RiskLevel, RiskReview, SafetyPlan
from alliance_desktop.reports.ending_plan import build_ending_plan
from alliance_desktop.reports.ending_summary import build_ending_summary
from alliance_desktop.reports.risk_sections import HEADING, NO_PLAN, NO_REVIEW
from tests.reports.samples import (
    client_summary_data,
    clinician_summary_data,
    ending_plan_data,
    flat_text,
    pdf_reader,
)

REVIEW = RiskReview(
    client_id=1,
    assessed_on=dt.date(2026, 2, 20),
    level=RiskLevel.MODERATE,
    rests_on="Riskgrounds-secret passive thoughts, no plan",
    risk_factors=("recent bereavement",),
    protective_factors=("her niece",),
    actions_agreed="Weekly sessions; GP informed",
    next_review_on=dt.date(2026, 3, 6),
)
PLAN = SafetyPlan(1, dt.date(2026, 2, 20), warning_signs=("Not answering texts",))


def _first_page(data: bytes) -> str:
    return " ".join(pdf_reader(data).pages[0].extract_text().split())


def test_ending_plan_opens_with_the_risk_review_and_safety_plan() -> None:
    pdf = build_ending_plan(ending_plan_data(risk_review=REVIEW, safety_plan=PLAN))
    first = _first_page(pdf)
    assert first.index(HEADING) < first.index("Reason for ending")
    assert "Moderate" in first and "Riskgrounds-secret" in first
    assert "her niece" in first and "Weekly sessions; GP informed" in first
    assert "overdue on 14 March 2026" in first  # next review 6 March, printed 14 March
    assert "My warning signs: Not answering texts" in first


def test_ending_plan_says_plainly_when_there_is_no_review() -> None:
    first = _first_page(build_ending_plan(ending_plan_data()))
    assert first.index(NO_REVIEW) < first.index("Reason for ending")
    assert NO_PLAN in first


def test_clinician_summary_opens_with_risk() -> None:
    pdf = build_ending_summary(clinician_summary_data(risk_review=REVIEW, safety_plan=PLAN))
    first = _first_page(pdf)
    assert first.index(HEADING) < first.index("Course of therapy")
    assert "Riskgrounds-secret" in first
    none = _first_page(build_ending_summary(clinician_summary_data()))
    assert none.index(NO_REVIEW) < none.index("Course of therapy")


def test_the_clients_copy_has_no_risk_section() -> None:
    text = flat_text(build_ending_summary(client_summary_data()))
    assert HEADING not in text and NO_REVIEW not in text
