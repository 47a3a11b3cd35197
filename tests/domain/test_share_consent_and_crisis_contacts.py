"""Consent to share as named categories, and the practice's crisis contacts."""

from __future__ import annotations

import pytest

from alliance_desktop.domain.crisis_contacts import CrisisContact
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.practice_profile import PracticeProfile, check_practice_profile
from alliance_desktop.domain.share_consent import (
    ALL_CATEGORIES,
    ShareCategory,
    format_share_scope,
    parse_share_scope,
)


def test_all_means_every_category() -> None:
    assert parse_share_scope(" ALL ") == ALL_CATEGORIES
    assert format_share_scope(ALL_CATEGORIES) == "all"


def test_a_list_is_read_in_any_order_and_stored_in_a_fixed_one() -> None:
    scope = parse_share_scope("goals, summary,process-notes")
    assert scope == {ShareCategory.GOALS, ShareCategory.SUMMARY, ShareCategory.PROCESS_NOTES}
    assert format_share_scope(scope) == "summary,goals,process-notes"


@pytest.mark.parametrize("text", ["", " , ", "goals,session notes", "everything"])
def test_unknown_or_empty_scope_names_the_known_categories(text: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        parse_share_scope(text)
    assert "summary,goals,sessions,notes,ruptures,process-notes,measures,risk" in str(
        raised.value.problems["consent_scope"]
    )


def test_crisis_contacts_are_trimmed_and_need_a_name_and_phone() -> None:
    profile = PracticeProfile(crisis_contacts=(CrisisContact(" Samaritans ", " 116 123 ", ""),))
    assert check_practice_profile(profile).crisis_contacts == (
        CrisisContact("Samaritans", "116 123", ""),
    )
    with pytest.raises(InvalidInput) as raised:
        check_practice_profile(PracticeProfile(crisis_contacts=(CrisisContact("Line", " "),)))
    assert "crisis_contacts.0.phone" in raised.value.problems
