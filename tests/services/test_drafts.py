"""Drafts in the vault: kept, replaced, listed and discarded; encrypted like every record."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alliance_desktop.domain.draft import Draft, drafts_found_summary
from alliance_desktop.services import Practice
from tests.factories import PASSPHRASE

MARKER = "Ossiandrel-draft-marker"


def test_a_draft_is_kept_replaced_and_discarded(practice: Practice) -> None:
    drafts = practice.drafts
    drafts.keep("session", "12", {"progress_note": "first words"}, client_id=3, title="Ada")
    drafts.keep("session", "12", {"progress_note": "first words, more"}, client_id=3)
    drafts.keep("client", "new", {"name": "Bea"})
    found = {draft.key: draft for draft in drafts.all()}
    assert set(found) == {("session", "12"), ("client", "new")}
    assert found[("session", "12")].fields == {"progress_note": "first words, more"}
    assert found[("session", "12")].client_id == 3
    assert drafts.discard("session", "12") is True
    assert drafts.discard("session", "12") is False
    assert [draft.key for draft in drafts.all()] == [("client", "new")]


def test_drafts_survive_closing_and_are_not_in_the_file_in_clear(vault_path: Path) -> None:
    practice = Practice.create(vault_path, PASSPHRASE)
    practice.drafts.keep("session", "1", {"progress_note": MARKER})
    practice.close()
    for file in vault_path.parent.iterdir():
        assert MARKER.encode() not in file.read_bytes()
    reopened = Practice.open(vault_path, PASSPHRASE)
    try:
        assert reopened.drafts.all()[0].fields["progress_note"] == MARKER
    finally:
        reopened.close()


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    fields=st.dictionaries(
        st.text(min_size=1, max_size=20),
        st.one_of(st.text(max_size=200), st.integers(-(2**40), 2**40), st.booleans(), st.none()),
        max_size=6,
    )
)
def test_any_typed_fields_come_back_exactly(practice: Practice, fields: dict[str, object]) -> None:
    practice.drafts.keep("goal", "new", fields)  # type: ignore[arg-type]
    assert practice.drafts.all()[0].fields == fields


def test_the_summary_says_how_many_and_when_in_words() -> None:
    today = dt.date(2026, 3, 18)
    yesterday = dt.datetime(2026, 3, 17, 16, 40)
    notes = [
        Draft("session", "1", {}, yesterday - dt.timedelta(minutes=5)),
        Draft("session", "2", {}, yesterday),
    ]
    assert drafts_found_summary(notes, today) == "2 unsaved session notes from yesterday, 16:40"
    mixed = [*notes, Draft("goal", "new", {}, dt.datetime(2026, 3, 18, 9, 5))]
    assert drafts_found_summary(mixed, today) == "3 unsaved texts from today, 09:05"
    older = [Draft("client", "4", {}, dt.datetime(2026, 3, 2, 8, 0))]
    assert drafts_found_summary(older, today) == "1 unsaved client record from Mon 2 Mar, 08:00"
