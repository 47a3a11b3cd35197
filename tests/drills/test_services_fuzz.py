"""Hypothesis over the services layer: random sequences of creating, updating, archiving and
restoring clients and booking and rewriting sessions, with any unicode, very long text, NULs
and control characters. Nothing crashes; what is refused is refused as InvalidInput (control
characters, text over the limits); what is accepted reads back exactly as saved, also after
the vault is closed and opened again."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    invariant,
    precondition,
    rule,
)

from alliance_desktop.domain.client import Client, ClientStatus, ContactDetails
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.session import Session
from alliance_desktop.services import Practice
from tests.drills.conftest import drill_trials, report
from tests.factories import PASSPHRASE, fixed_clock

pytestmark = pytest.mark.slow

# Mostly text a person could type (any script, emoji, RTL marks, combining accents), and now
# and then any character at all, NUL and escape sequences included, or pieces repeated well past
# the length limits.
ANY_CHARACTER = st.characters(codec="utf-8")
TYPED_CHARACTER = st.characters(codec="utf-8", exclude_categories=("Cc",))
typed = st.text(TYPED_CHARACTER, max_size=30)
awkward = st.sampled_from(
    ["\x00", "\x1b[31m", "\x07", "\x7f", "\t", "\n", "\u2028", "\u202e", "\ufeff"]
)
short_text = st.one_of(typed, typed, typed, st.text(ANY_CHARACTER, max_size=30))
some_text = st.one_of(
    typed,
    typed,
    st.tuples(typed, awkward, typed).map("".join),
    st.tuples(st.text(TYPED_CHARACTER, min_size=1, max_size=8), st.integers(1, 3000)).map(
        lambda piece: piece[0] * piece[1]
    ),
)
names = st.one_of(st.text(TYPED_CHARACTER, min_size=1, max_size=40), some_text)


def _client(name: str, preferred: str, concerns: list[str], phone: str) -> Client:
    return Client(
        name=name,
        preferred_name=preferred,
        status=ClientStatus.ACTIVE,
        concerns=tuple(concerns),
        contact=ContactDetails(phone=phone),
    )


clients = st.builds(_client, names, short_text, st.lists(some_text, max_size=3), short_text)


STATS = {"runs": 0, "accepted": 0, "refused": 0, "longest": 0}


class ServicesMachine(RuleBasedStateMachine):
    client_ids = Bundle("client_ids")
    session_ids = Bundle("session_ids")

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="alliance-fuzz-"))
        self.path = self.folder / "practice.vault"
        self.practice = Practice.create(self.path, PASSPHRASE, clock=fixed_clock)
        self.clients: dict[int, Client] = {}
        self.sessions: dict[int, Session] = {}
        self.next_start = dt.datetime(2026, 1, 5, 9)
        STATS["runs"] += 1

    def teardown(self) -> None:
        try:
            self.practice.close()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def _save(self, work: object) -> object | None:
        try:
            saved = work()  # type: ignore[operator]
        except InvalidInput as refused:
            assert refused.problems, "a refusal says what is wrong"
            STATS["refused"] += 1
            return None
        STATS["accepted"] += 1
        STATS["longest"] = max(STATS["longest"], len(repr(saved)))
        return saved

    @rule(target=client_ids, client=clients)
    def create(self, client: Client) -> int:
        saved = self._save(lambda: self.practice.add_client(client))
        if not isinstance(saved, Client):
            return -1
        assert saved.id is not None
        assert saved.name == client.name.strip()
        assert saved.concerns == tuple(c.strip() for c in client.concerns if c.strip())
        self.clients[saved.id] = saved
        return saved.id

    @rule(client_id=client_ids, client=clients)
    def update(self, client_id: int, client: Client) -> None:
        if client_id not in self.clients:
            return
        before = self.clients[client_id]
        changed = replace(client, id=client_id, archived_on=before.archived_on)
        saved = self._save(lambda: self.practice.update_client(changed))
        if isinstance(saved, Client):
            self.clients[client_id] = saved

    @rule(client_id=client_ids, archive=st.booleans())
    def archive_or_restore(self, client_id: int, archive: bool) -> None:
        if client_id not in self.clients:
            return
        if archive:
            saved = self.practice.archive_client(client_id)
        else:
            saved = self.practice.restore_client(client_id)
        assert saved.is_archived == archive
        self.clients[client_id] = saved

    @rule(target=session_ids, client_id=client_ids, agenda=some_text, note=some_text)
    def book(self, client_id: int, agenda: str, note: str) -> int:
        if client_id not in self.clients:
            return -1
        self.next_start += dt.timedelta(hours=3)
        session = Session(
            client_id=client_id,
            start=self.next_start,
            duration_minutes=50,
            agenda=agenda,
            progress_note=note,
            private_note=note[::-1],
        )
        saved = self._save(lambda: self.practice.calendar.book(session, allow_overlap=True))
        if not isinstance(saved, Session):
            return -1
        assert saved.id is not None
        self.sessions[saved.id] = saved
        return saved.id

    @rule(session_id=session_ids, note=some_text)
    def rewrite(self, session_id: int, note: str) -> None:
        if session_id not in self.sessions:
            return
        changed = replace(self.sessions[session_id], progress_note=note, focus=note[:50])
        saved = self._save(lambda: self.practice.calendar.save(changed, allow_overlap=True))
        if isinstance(saved, Session):
            self.sessions[session_id] = saved

    @precondition(lambda self: bool(self.clients))
    @rule(client_id=consumes(client_ids))
    def reopen(self, client_id: int) -> None:
        """Close and open the vault again: what was read back must have been on disk."""
        self.practice.close()
        self.practice = Practice.open(self.path, PASSPHRASE, clock=fixed_clock)

    @invariant()
    def everything_accepted_reads_back_equal(self) -> None:
        for client_id, client in self.clients.items():
            assert self.practice.client(client_id) == client
        for session_id, session in self.sessions.items():
            stored = self.practice.calendar.session(session_id)
            assert stored == session, (stored, session)
        listed = {
            summary.id: summary for summary in self.practice.find_clients(include_archived=True)
        }
        assert set(listed) == set(self.clients)


def test_the_services_take_any_text_and_give_back_what_they_accepted() -> None:
    machine = ServicesMachine.TestCase
    machine.settings = settings(
        max_examples=drill_trials() * 3,
        stateful_step_count=15,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    started = time.monotonic()
    machine().runTest()
    report(
        f"services fuzz (Hypothesis): {STATS['runs']} runs of up to 15 steps, "
        f"{STATS['accepted']} writes accepted and read back equal (longest record "
        f"{STATS['longest']:,} characters), {STATS['refused']} refused as InvalidInput, "
        f"0 crashes, {time.monotonic() - started:.1f} s"
    )
