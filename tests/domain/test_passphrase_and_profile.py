from __future__ import annotations

import unicodedata

import pytest

from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.passphrase import check_new_passphrase, normalise_passphrase
from alliance_desktop.domain.practice_profile import PracticeProfile, check_practice_profile


def test_short_passphrase_is_refused_with_the_reason() -> None:
    with pytest.raises(InvalidInput) as raised:
        check_new_passphrase("123456789")
    message = raised.value.problems["passphrase"]
    assert "at least 10 characters" in message
    assert "it has 9" in message


def test_ten_characters_are_enough() -> None:
    assert check_new_passphrase("tulip-ox-9q") == "tulip-ox-9q"


@pytest.mark.parametrize("weak", [" " * 10, "a" * 12, "1234567890", "password123", "qwertyuiop"])
def test_an_easily_guessed_passphrase_is_refused_with_advice(weak: str) -> None:
    """Issue 12, case 10: long enough is not strong enough (zxcvbn, as KeePassXC)."""
    with pytest.raises(InvalidInput, match="too easy to guess") as raised:
        check_new_passphrase(weak)
    assert "words" in str(raised.value)


@pytest.mark.parametrize(
    "raw", ["x'2DD29CA851E7B56E4697B0E1F08507293D761A05'", "X'00112233445566'"]
)
def test_the_raw_key_form_is_never_a_passphrase(raw: str) -> None:
    with pytest.raises(InvalidInput, match="raw key bytes"):
        check_new_passphrase(raw)


def test_confirmation_must_match() -> None:
    with pytest.raises(InvalidInput) as raised:
        check_new_passphrase("long enough phrase", "long enough phrasE")
    assert set(raised.value.problems) == {"confirmation"}


def test_composed_and_decomposed_accents_give_the_same_passphrase() -> None:
    composed = "café au lait 2026"
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    assert normalise_passphrase(decomposed) == composed
    assert check_new_passphrase(composed, decomposed) == composed


def test_profile_session_length_is_bounded() -> None:
    with pytest.raises(InvalidInput) as raised:
        check_practice_profile(PracticeProfile(default_session_minutes=5))
    assert "between 10 and 240" in raised.value.problems["default_session_minutes"]


def test_profile_email_is_checked_and_text_trimmed() -> None:
    with pytest.raises(InvalidInput) as raised:
        check_practice_profile(PracticeProfile(email="clinic at example"))
    assert set(raised.value.problems) == {"email"}
    checked = check_practice_profile(PracticeProfile(clinician_name="  Dr Rivera "))
    assert checked.clinician_name == "Dr Rivera"
