"""Today's flags are the current ones; an acknowledgement holds until things change."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alliance_desktop.domain.alliance_check_in import AllianceRatings
from alliance_desktop.domain.alliance_flags import AllianceThresholds, FlagKind
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.flags import Flag
from alliance_desktop.services import Practice
from tests.factories import PASSPHRASE, fixed_clock, make_client
from tests.ui.rupture_fixtures import add_rupture, book_check_in

# The fixed clock says 14 March 2026.
LOW = AllianceRatings(9, 9, 9, 6)


def _client(practice: Practice, name: str) -> int:
    return practice.add_client(make_client(name=name, preferred_name="")).id or 0


def test_today_shows_clients_seen_in_the_last_weeks_and_open_ruptures_of_anyone(
    practice: Practice,
) -> None:
    recent = _client(practice, "Seen Recently")
    long_ago = _client(practice, "Seen Long Ago")
    book_check_in(practice, recent, dt.date(2026, 3, 6), client=LOW)
    book_check_in(practice, long_ago, dt.date(2025, 11, 3), client=LOW)  # 19 weeks ago
    add_rupture(practice, long_ago, dt.date(2025, 11, 3))

    current = practice.flags.current()
    shown = {(s.flag.client_id, s.flag.kind) for s in current.needing_attention}
    assert shown == {
        (recent, FlagKind.LOW_CHECK_IN),
        (long_ago, FlagKind.UNRESOLVED_RUPTURE),  # still open, so still current
    }
    assert current.count == 2 and current.recent_weeks == 6
    # The old low rating is on the client's own page, not on Today.
    assert FlagKind.LOW_CHECK_IN in {s.flag.kind for s in practice.flags.for_client(long_ago)}

    practice.ruptures.save_thresholds(AllianceThresholds(recent_weeks=30))
    assert practice.flags.current().count == 3


def test_an_acknowledged_flag_leaves_the_count_until_a_new_rating(
    practice: Practice, vault_path: Path
) -> None:
    ada = _client(practice, "Ada Quinn")
    book_check_in(practice, ada, dt.date(2026, 3, 6), client=LOW)
    (flag,) = [s.flag for s in practice.flags.current().needing_attention]

    saved = practice.flags.acknowledge(flag, "  Talked about it; she wants to go on.  ")
    assert saved.note == "Talked about it; she wants to go on."
    current = practice.flags.current()
    assert current.count == 0
    assert [s.acknowledgement.note for s in current.acknowledged if s.acknowledgement] == [
        "Talked about it; she wants to go on."
    ]
    practice.close()

    reopened = Practice.open(vault_path, PASSPHRASE, clock=fixed_clock)
    try:
        (state,) = reopened.flags.for_client(ada)
        assert not state.needs_attention  # kept in the vault
        book_check_in(reopened, ada, dt.date(2026, 3, 13), client=AllianceRatings(9, 9, 9, 5))
        states = reopened.flags.current().needing_attention
        assert [s.flag.kind for s in states] == [FlagKind.LOW_CHECK_IN, FlagKind.DROP]
        assert all(s.acknowledgement is None for s in states)
    finally:
        reopened.close()


def test_a_reopened_flag_counts_again(practice: Practice) -> None:
    ada = _client(practice, "Ada Quinn")
    book_check_in(practice, ada, dt.date(2026, 3, 6), client=LOW)
    (flag,) = [s.flag for s in practice.flags.current().needing_attention]
    practice.flags.acknowledge(flag, "")
    assert practice.flags.current().count == 0
    assert practice.flags.reopen(flag)
    assert practice.flags.current().count == 1
    assert not practice.flags.reopen(flag)


def test_a_rupture_flag_comes_back_when_its_follow_up_changes(practice: Practice) -> None:
    bea = _client(practice, "Bea Lund")
    entry = add_rupture(practice, bea, dt.date(2026, 3, 1), follow_up_on=dt.date(2026, 3, 8))
    for state in practice.flags.current().needing_attention:
        practice.flags.acknowledge(state.flag, "Planned for next week")
    assert practice.flags.current().count == 0
    practice.ruptures.update(replace(entry, follow_up_on=dt.date(2026, 3, 12)))
    assert [s.flag.kind for s in practice.flags.current().needing_attention] == [
        FlagKind.FOLLOW_UP_DUE
    ]


def test_other_rules_raise_flags_through_the_same_review(practice: Practice) -> None:
    """Risk or consent rules (another part of the app) add a source and its kinds."""
    quiet = _client(practice, "Not Seen For Months")

    def overdue_review(client_ids: Sequence[int]) -> list[Flag]:
        return [
            Flag(
                "risk_review_due",
                client_id,
                "The risk review planned for 01 Mar 2026 has passed.",
                dt.date(2026, 3, 1),
                "risk-review:1",
            )
            for client_id in client_ids
            if client_id == quiet
        ]

    practice.flags.add_source(overdue_review)
    assert practice.flags.current().count == 0  # not seen lately
    assert [s.flag.kind for s in practice.flags.for_client(quiet)] == ["risk_review_due"]


def test_other_rules_can_keep_a_flag_current_however_long_ago_the_client_was_seen(
    practice: Practice,
) -> None:
    quiet = _client(practice, "Not Seen For Months")
    overdue = Flag(
        "risk_review_due", quiet, "The risk review has passed.", dt.date(2026, 3, 1), "r:1"
    )
    practice.flags.add_source(lambda ids: [], practice_wide=lambda _already: [overdue])
    (state,) = practice.flags.current().needing_attention
    assert state.flag == overdue
    practice.flags.acknowledge(overdue, "Booked for Monday")
    assert practice.flags.current().count == 0


def test_a_rating_flag_is_current_only_when_its_rating_is_recent(practice: Practice) -> None:
    """The client stopped rating in the autumn; the clinician still sees them weekly."""
    ada = _client(practice, "Ada Quinn")
    book_check_in(practice, ada, dt.date(2025, 11, 3), client=LOW)
    book_check_in(practice, ada, dt.date(2026, 3, 6), clinician=AllianceRatings(9, 9, 9, 9))
    assert practice.flags.current().count == 0
    (state,) = practice.flags.for_client(ada)  # still on their page, with its date
    assert "(03 Nov 2025)" in state.flag.explanation


def test_flags_read_only_the_latest_ratings_of_each_person(practice: Practice) -> None:
    """A long course: the flags are the same as from the whole series."""
    from alliance_desktop.domain.alliance_flags import alliance_flags

    ada = _client(practice, "Ada Quinn")
    start = dt.date(2025, 1, 6)
    for week in range(40):
        overall = 10 - max(0, week - 35)  # falls over the last weeks
        client = AllianceRatings(9, 9, 9, overall) if week % 3 else None
        clinician = AllianceRatings(9, 9, 9, overall) if week % 4 else None
        book_check_in(practice, ada, start + dt.timedelta(weeks=week), client, clinician)
    timeline = practice.ruptures.timeline(ada)
    whole = alliance_flags(ada, timeline.check_ins, timeline.ruptures, fixed_clock().date())
    assert practice.ruptures.flags(ada) == whole
    assert {flag.kind for flag in whole} == {FlagKind.LOW_CHECK_IN, FlagKind.FALLING}


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(note=st.text(max_size=600))
def test_any_note_is_kept_as_typed_or_refused_in_words(practice: Practice, note: str) -> None:
    ada = next(
        (s.id for s in practice.client_summaries() if s.name == "Note Client"), None
    ) or _client(practice, "Note Client")
    flag = Flag("drop", ada, "Client's overall rating dropped 9 → 8.", dt.date(2026, 3, 6), "e")
    try:
        saved = practice.flags.acknowledge(flag, note)
    except InvalidInput as refused:
        assert set(refused.problems) == {"note"}
        assert len(note.strip()) > 500 or "\x00" in note
        return
    assert saved.note == note.strip()
    # Read back from the vault through the review: the source raising this flag is ours.
    practice.flags.add_source(lambda ids: [flag] if ada in ids else [])
    states = [s for s in practice.flags.for_client(ada) if s.flag == flag]
    assert states and all(s.acknowledgement is not None for s in states)
    assert {s.acknowledgement.note for s in states if s.acknowledgement} == {note.strip()}
