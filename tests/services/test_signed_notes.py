"""Signed notes: closing a session signs its note; a later change is a dated amendment and the
original is kept."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from alliance_desktop.domain.session import SessionStatus
from alliance_desktop.services import Practice
from tests.factories import make_client, make_session


def _booked(practice: Practice) -> int:
    client = practice.add_client(make_client(name="Ada Lind"))
    start = dt.datetime.combine(practice.today() - dt.timedelta(days=1), dt.time(10))
    session = practice.calendar.book(make_session(client.id or 0, start))
    return session.id or 0


def test_closing_a_session_signs_its_note_and_changes_become_amendments(
    practice: Practice,
) -> None:
    session_id = _booked(practice)
    calendar = practice.calendar
    session = calendar.session(session_id)
    calendar.save(replace(session, progress_note="Draft thoughts"), allow_overlap=True)
    assert not practice.notes.signed_note(session_id).is_signed  # not closed yet

    session = calendar.session(session_id)
    calendar.save(replace(session, status=SessionStatus.ATTENDED, progress_note="Original"))
    signed = practice.notes.signed_note(session_id)
    assert [v.note for v in signed.versions] == ["Original"]

    for text in ("Original, and a correction", "Original, corrected twice"):
        calendar.save(replace(calendar.session(session_id), progress_note=text))
    signed = practice.notes.signed_note(session_id)
    assert [v.note for v in signed.versions] == [
        "Original",
        "Original, and a correction",
        "Original, corrected twice",
    ]
    assert signed.current == calendar.session(session_id).progress_note
    # Saving without changing the note adds nothing.
    calendar.save(replace(calendar.session(session_id), focus="Problem-solving"))
    assert len(practice.notes.signed_note(session_id).versions) == 3
    kinds = [entry.kind for entry in practice.audit_entries(20)]
    assert kinds.count("note.amended") == 2 and kinds.count("note.signed") == 1


def test_an_explicit_sign_signs_the_note_as_it_stands(practice: Practice) -> None:
    session_id = _booked(practice)
    calendar = practice.calendar
    calendar.save(replace(calendar.session(session_id), progress_note="Phone check-in"))
    signed = practice.notes.sign(session_id)
    assert [v.note for v in signed.versions] == ["Phone check-in"]
    assert practice.notes.sign(session_id) == signed  # twice changes nothing
