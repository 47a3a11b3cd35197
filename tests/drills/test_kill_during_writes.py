"""kill -9 while the services layer writes: no commit that was confirmed is ever lost, and the
vault stays intact (integrity check and audit chain), trial after trial on the same vault."""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import time
from pathlib import Path

import pytest

from alliance_desktop.services import Practice
from tests.drills.conftest import child, drill_trials, report
from tests.factories import PASSPHRASE

pytestmark = pytest.mark.slow
EVER = (dt.datetime(1900, 1, 1), dt.datetime(2200, 12, 31))


def _confirmed(lines: list[str]) -> tuple[set[int], set[int], dict[int, int]]:
    clients: set[int] = set()
    sessions: set[int] = set()
    revisions: dict[int, int] = {}
    for line in lines:
        if not line.strip():
            continue
        kind, *values = line.split()
        if kind == "client":
            clients.add(int(values[0]))
        elif kind == "session":
            sessions.add(int(values[0]))
        elif kind == "update":
            revisions[int(values[0])] = int(values[1])
    return clients, sessions, revisions


def test_no_confirmed_commit_is_lost_when_the_writer_is_killed(tmp_path: Path) -> None:
    trials = drill_trials()
    seed = int(os.environ.get("ALLIANCE_DRILL_SEED", random.randrange(10**6)))
    rng = random.Random(seed)
    path = tmp_path / "practice.vault"
    Practice.create(path, PASSPHRASE).close()
    clients: set[int] = set()
    sessions: set[int] = set()
    revisions: dict[int, int] = {}
    lost: list[str] = []
    started = time.monotonic()
    for trial in range(trials):
        writer = child("writer_child", str(path), PASSPHRASE, str(rng.randrange(10**9)))
        assert writer.stdout is not None
        ready = writer.stdout.readline().strip()
        assert ready == "ready", writer.stderr.read() if writer.stderr else ready
        time.sleep(rng.uniform(0.0, 0.6))  # the kill lands anywhere in a write
        writer.send_signal(signal.SIGKILL)
        output, _ = writer.communicate(timeout=30)
        new_clients, new_sessions, new_revisions = _confirmed(output.split("\n"))
        clients |= new_clients
        sessions |= new_sessions
        revisions.update(new_revisions)

        practice = Practice.open(path, PASSPHRASE)
        try:
            health = practice.health()
            assert health.is_healthy, f"trial {trial}: {health.problems}"
            present = {summary.id for summary in practice.client_summaries()}
            lost += [f"client {i}" for i in clients - present]
            booked = practice.calendar.entries_between(EVER[0], EVER[1])
            lost += [f"session {i}" for i in sessions - {entry.session_id for entry in booked}]
            for client_id, revision in revisions.items():
                stored = practice.client(client_id).concerns[0]
                if int(stored.split()[1]) < revision:
                    lost.append(f"update {client_id} {revision}")
        finally:
            practice.close()
        assert not lost, f"trial {trial} (seed {seed}) lost confirmed commits: {lost[:5]}"
    confirmed = len(clients) + len(sessions) + len(revisions)
    report(
        f"kill -9 during writes: {trials} trials (seed {seed}), {confirmed} confirmed commits "
        f"({len(clients)} clients, {len(sessions)} sessions, {len(revisions)} updated), "
        f"{len(lost)} lost, integrity clean after every kill, "
        f"{time.monotonic() - started:.1f} s"
    )
