"""Handovers in the vault: recording one (and undoing it), and importing a received record.

Recording and importing each happen in one transaction. The import writes the client,
goals, sessions, ruptures and ending plan through the other repositories' own row helpers
(the `_insert`-style functions and column lists of client_, goal_, session_, rupture_ and
ending_plan_repository) inside a single `vault.transaction()`: the public bulk paths each
open their own transaction, and a bundle that fails half-way must leave nothing behind.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import replace
from typing import Any

import sqlcipher3

from alliance_desktop.domain.alliance_check_in import (
    AllianceCheckIn,
    AllianceRatings,
    Instrument,
    InstrumentScore,
    Rater,
)
from alliance_desktop.domain.client import ClientStatus, ConsentRecord
from alliance_desktop.domain.errors import RecordNotFound
from alliance_desktop.domain.handover import (
    ClientRecord,
    Handover,
    HandoverDetails,
    HandoverFile,
    HandoverOptions,
)
from alliance_desktop.domain.recurrence import SessionSeries
from alliance_desktop.domain.rupture import RuptureEntry
from alliance_desktop.domain.session import Session
from alliance_desktop.vault.audit_trail import record_change
from alliance_desktop.vault.client_repository import (
    _CLIENT_COLUMNS,
    _client_row,
    _write_consents,
)
from alliance_desktop.vault.connection import Vault
from alliance_desktop.vault.ending_plan_repository import _COLUMNS as _PLAN_COLUMNS
from alliance_desktop.vault.ending_plan_repository import _row as _plan_row
from alliance_desktop.vault.goal_repository import _insert_goal
from alliance_desktop.vault.rupture_repository import _COLUMNS as _RUPTURE_COLUMNS
from alliance_desktop.vault.rupture_repository import _row as _rupture_row
from alliance_desktop.vault.rupture_repository import _write_repairs
from alliance_desktop.vault.session_repository import (
    _SESSION_COLUMNS,
    _insert_series,
    _series_from_row,
    _session_from_row,
)
from alliance_desktop.vault.session_repository import _insert as _insert_session

_HANDOVER_COLUMNS = (
    "client_id, handed_over_on, receiver_name, receiver_organisation, receiver_contact, "
    "consent_given_on, consent_scope, reason, options_json, files_json, format_version, "
    "status_before, recorded_at, undone_at"
)


class HandoverRepository:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    # Sending

    def vault_identifier(self) -> str:
        """This vault's own random identifier (schema 14), scoping the client ids it sends."""
        with self._vault.reading() as connection:
            row = connection.execute(
                "SELECT value FROM practice_settings WHERE key = 'vault_identifier'"
            ).fetchone()
        value = json.loads(row[0]) if row else ""
        return value if isinstance(value, str) else ""

    def status_before_handover(self, client_id: int, current: ClientStatus) -> ClientStatus:
        """What the client's status was before any handover still in force (what an undo
        restores, and what the exported record says)."""
        if current is not ClientStatus.HANDED_OVER:
            return current
        with self._vault.reading() as connection:
            row = connection.execute(
                "SELECT status_before FROM handovers WHERE client_id = ? AND undone_at IS NULL "
                "ORDER BY id LIMIT 1",
                (client_id,),
            ).fetchone()
        return ClientStatus(row[0]) if row else ClientStatus.ACTIVE

    def record(
        self,
        client_id: int,
        details: HandoverDetails,
        options: HandoverOptions,
        files: tuple[HandoverFile, ...],
        format_version: int,
        status_before: ClientStatus,
        consents: tuple[ConsentRecord, ...],
    ) -> Handover:
        """Mark the client handed over, save their consent records as given (the transfer
        consent among them), and remember the handover, all or nothing."""
        now = self._vault.clock()
        with self._vault.transaction() as tx:
            cursor = tx.execute(
                "UPDATE clients SET status = ?, updated_at = ? WHERE id = ?",
                (ClientStatus.HANDED_OVER.value, now.isoformat(), client_id),
            )
            if cursor.rowcount != 1:
                raise RecordNotFound(f"There is no client with id {client_id}.")
            tx.execute("DELETE FROM client_consents WHERE client_id = ?", (client_id,))
            _write_consents(tx, client_id, consents)
            cursor = tx.execute(
                f"INSERT INTO handovers ({_HANDOVER_COLUMNS}) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)",
                (
                    client_id,
                    details.handed_over_on.isoformat(),
                    details.receiver_name,
                    details.receiver_organisation,
                    details.receiver_contact,
                    details.consent_given_on.isoformat(),
                    details.consent_scope,
                    details.reason,
                    json.dumps(_options_document(options)),
                    json.dumps([[f.name, f.size, f.sha256] for f in files]),
                    format_version,
                    status_before.value,
                    now.isoformat(),
                ),
            )
            handover_id = int(cursor.lastrowid or 0)
            record_change(tx, now, "client.handed_over", "client", client_id)
            if options.beyond_consent_reason:  # the override is logged; its reason stays here
                record_change(tx, now, "handover.beyond_consent", "handover", handover_id)
        return Handover(
            id=handover_id,
            client_id=client_id,
            details=details,
            options=options,
            files=files,
            status_before=status_before,
            recorded_at=now,
        )

    def undo(self, client_id: int) -> ClientStatus:
        """Put the client back to their status before the handover(s) still in force; the
        handovers stay on record, marked undone. Returns the status restored."""
        now = self._vault.clock()
        with self._vault.transaction() as tx:
            rows = tx.execute(
                "SELECT status_before FROM handovers WHERE client_id = ? AND undone_at IS NULL "
                "ORDER BY id",
                (client_id,),
            ).fetchall()
            if not rows:
                raise RecordNotFound(f"Client {client_id} has no handover to undo.")
            restored = ClientStatus(rows[0][0])
            tx.execute(
                "UPDATE clients SET status = ?, updated_at = ? WHERE id = ?",
                (restored.value, now.isoformat(), client_id),
            )
            tx.execute(
                "UPDATE handovers SET undone_at = ? WHERE client_id = ? AND undone_at IS NULL",
                (now.isoformat(), client_id),
            )
            record_change(tx, now, "client.handover_undone", "client", client_id)
        return restored

    def for_client(self, client_id: int) -> list[Handover]:
        """Oldest first, undone ones included."""
        with self._vault.reading() as connection:
            rows = connection.execute(
                f"SELECT id, {_HANDOVER_COLUMNS} FROM handovers WHERE client_id = ? ORDER BY id",
                (client_id,),
            ).fetchall()
        return [_handover_from_row(row) for row in rows]

    def client_series(self, client_id: int) -> list[SessionSeries]:
        with self._vault.reading() as connection:
            rows = connection.execute(
                "SELECT id, client_id, frequency, first_start, until, count, ended_on "
                "FROM session_series WHERE client_id = ? ORDER BY id",
                (client_id,),
            ).fetchall()
        return [_series_from_row(row) for row in rows]

    def rating_sessions(self, client_id: int) -> dict[int, int]:
        """GAS rating id -> the session it was given in, for the client's linked ratings."""
        with self._vault.reading() as connection:
            rows = connection.execute(
                "SELECT r.id, r.session_id FROM gas_ratings r JOIN goals g ON g.id = r.goal_id "
                "WHERE g.client_id = ? AND r.session_id IS NOT NULL",
                (client_id,),
            ).fetchall()
        return {int(rating_id): int(session_id) for rating_id, session_id in rows}

    def client_sessions(self, client_id: int) -> list[Session]:
        """Every session of the client with process notes, goal links and check-ins, oldest
        first: the same as reading each one, in five queries instead of five per session."""
        scope = "session_id IN (SELECT id FROM sessions WHERE client_id = ?)"
        with self._vault.reading() as connection:
            rows = connection.execute(
                f"SELECT id, {_SESSION_COLUMNS} FROM sessions WHERE client_id = ? "
                "ORDER BY start, id",
                (client_id,),
            ).fetchall()
            notes = dict(
                connection.execute(
                    f"SELECT session_id, note FROM session_private_notes WHERE {scope}",
                    (client_id,),
                ).fetchall()
            )
            goal_ids: dict[int, list[int]] = defaultdict(list)
            for session_id, goal_id in connection.execute(
                f"SELECT session_id, goal_id FROM session_goals WHERE {scope} "
                "ORDER BY session_id, goal_id",
                (client_id,),
            ):
                goal_ids[session_id].append(goal_id)
            ratings: dict[int, dict[Rater, AllianceRatings]] = defaultdict(dict)
            for session_id, rater, goals, tasks, bond, overall in connection.execute(
                "SELECT session_id, rater, goals, tasks, bond, overall FROM alliance_check_ins "
                f"WHERE {scope}",
                (client_id,),
            ):
                ratings[session_id][Rater(rater)] = AllianceRatings(goals, tasks, bond, overall)
            instruments: dict[int, list[InstrumentScore]] = defaultdict(list)
            for session_id, instrument, total, subscales in connection.execute(
                "SELECT session_id, instrument, total, subscales_json FROM instrument_scores "
                f"WHERE {scope} ORDER BY rowid",
                (client_id,),
            ):
                instruments[session_id].append(
                    InstrumentScore(
                        Instrument(instrument),
                        total,
                        tuple((name, value) for name, value in json.loads(subscales)),
                    )
                )
        sessions = []
        for row in rows:
            session = _session_from_row(row)
            session_id = session.id or 0
            sessions.append(
                replace(
                    session,
                    private_note=notes.get(session_id, ""),
                    goal_ids=tuple(goal_ids[session_id]),
                    check_in=AllianceCheckIn(
                        client=ratings[session_id].get(Rater.CLIENT),
                        clinician=ratings[session_id].get(Rater.CLINICIAN),
                        instruments=tuple(instruments[session_id]),
                    ),
                )
            )
        return sessions

    # Receiving

    def received(self, export_id: str) -> list[tuple[str, str]]:
        """(when, client name) for each time this handover was imported before."""
        with self._vault.reading() as connection:
            rows = connection.execute(
                "SELECT r.received_at, c.name FROM received_handovers r "
                "JOIN clients c ON c.id = r.client_id WHERE r.export_id = ? ORDER BY r.id",
                (export_id,),
            ).fetchall()
        return [(str(at), str(name)) for at, name in rows]

    def cancel_future_sessions(self, client_id: int, after: dt.datetime) -> int:
        """Mark the client's booked sessions from `after` on as cancelled by the clinician (the
        sender's diary after a handover), in one transaction; returns how many."""
        now = self._vault.clock()
        with self._vault.transaction() as tx:
            rows = tx.execute(
                "SELECT id FROM sessions WHERE client_id = ? AND status = 'scheduled' "
                "AND start >= ?",
                (client_id, after.replace(tzinfo=None).isoformat(timespec="seconds")),
            ).fetchall()
            for (session_id,) in rows:
                tx.execute(
                    "UPDATE sessions SET status = 'clinician_cancelled', updated_at = ? "
                    "WHERE id = ?",
                    (now.isoformat(), session_id),
                )
                record_change(tx, now, "session.cancelled", "session", session_id)
        return len(rows)

    def import_record(self, record: ClientRecord, on: dt.date, export_id: str = "") -> int:
        """Create the client and everything in the record in ONE transaction; returns the new
        client's id. Ids in the record only link its parts and are replaced here. The
        handover's export id is remembered with it, so a second import is recognised."""
        now = self._vault.clock()
        stamp = now.isoformat()
        with self._vault.transaction() as tx:
            cursor = tx.execute(
                f"INSERT INTO clients ({_CLIENT_COLUMNS}, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*_client_row(replace(record.client, archived_on=None)), stamp, stamp),
            )
            client_id = int(cursor.lastrowid or 0)
            _write_consents(tx, client_id, record.client.consents)
            goal_ids = {
                goal.id: _insert_goal(tx, replace(goal, client_id=client_id), now, on)
                for goal in record.goals
            }
            series_ids = {
                series.id: _insert_series(tx, replace(series, client_id=client_id), now)
                for series in record.series
            }
            session_ids = {}
            for session in record.sessions:
                saved = _insert_session(
                    tx,
                    replace(
                        session,
                        id=None,
                        client_id=client_id,
                        series_id=series_ids.get(session.series_id),
                        series_date=session.series_date
                        if session.series_id in series_ids
                        else None,
                        goal_ids=tuple(goal_ids[g] for g in session.goal_ids if g in goal_ids),
                    ),
                    now,
                    fresh=True,
                )
                session_ids[session.id] = saved.id
            _link_ratings(tx, record, goal_ids, session_ids)
            for entry in record.ruptures:
                _insert_rupture(
                    tx,
                    replace(
                        entry, client_id=client_id, session_id=session_ids.get(entry.session_id)
                    ),
                    stamp,
                )
            if record.ending_plan is not None:
                plan = replace(record.ending_plan, client_id=client_id)
                tx.execute(
                    f"INSERT INTO ending_plans (client_id, {', '.join(_PLAN_COLUMNS)}, updated_at) "
                    f"VALUES (?, {', '.join('?' * len(_PLAN_COLUMNS))}, ?)",
                    (client_id, *_plan_row(plan), stamp),
                )
            if export_id:
                tx.execute(
                    "INSERT INTO received_handovers (export_id, client_id, received_at) "
                    "VALUES (?, ?, ?)",
                    (export_id, client_id, stamp),
                )
            record_change(tx, now, "client.imported", "client", client_id)
        return client_id


def _link_ratings(
    tx: sqlcipher3.Connection,
    record: ClientRecord,
    goal_ids: dict[int | None, int],
    session_ids: dict[int | None, int | None],
) -> None:
    """Each rating's session link, in the new ids: a goal's ratings were inserted in the
    record's order, so the n-th rating row of the new goal is the goal's n-th rating."""
    links = dict(record.rating_sessions)
    if not links:
        return
    for goal in record.goals:
        rows = tx.execute(
            "SELECT id FROM gas_ratings WHERE goal_id = ? ORDER BY id", (goal_ids[goal.id],)
        ).fetchall()
        for rating, (row_id,) in zip(goal.ratings, rows, strict=True):
            session_id = session_ids.get(links.get(rating.id or -1))
            if session_id is not None:
                tx.execute(
                    "UPDATE gas_ratings SET session_id = ? WHERE id = ?", (session_id, row_id)
                )


def _insert_rupture(tx: sqlcipher3.Connection, entry: RuptureEntry, stamp: str) -> None:
    cursor = tx.execute(
        f"INSERT INTO ruptures ({_RUPTURE_COLUMNS}, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (*_rupture_row(entry), stamp, stamp),
    )
    _write_repairs(tx, int(cursor.lastrowid or 0), entry.repairs)


def _handover_from_row(row: tuple[Any, ...]) -> Handover:
    (
        handover_id,
        client_id,
        handed_over_on,
        receiver_name,
        receiver_organisation,
        receiver_contact,
        consent_given_on,
        consent_scope,
        reason,
        options_json,
        files_json,
        _format_version,
        status_before,
        recorded_at,
        undone_at,
    ) = row
    return Handover(
        id=handover_id,
        client_id=client_id,
        details=HandoverDetails(
            receiver_name=receiver_name,
            handed_over_on=dt.date.fromisoformat(handed_over_on),
            consent_given_on=dt.date.fromisoformat(consent_given_on),
            consent_scope=consent_scope,
            reason=reason,
            receiver_organisation=receiver_organisation,
            receiver_contact=receiver_contact,
        ),
        options=HandoverOptions.from_document(json.loads(options_json)),
        files=tuple(
            HandoverFile(name, size, sha256) for name, size, sha256 in json.loads(files_json)
        ),
        status_before=ClientStatus(status_before),
        recorded_at=dt.datetime.fromisoformat(recorded_at),
        undone_at=dt.datetime.fromisoformat(undone_at) if undone_at else None,
    )


def _options_document(options: HandoverOptions) -> dict[str, object]:
    """What was included, and, in the sender's vault only, why a handover went beyond the
    client's consent."""
    document = options.as_document()
    if options.beyond_consent_reason:
        document["beyond_consent_reason"] = options.beyond_consent_reason
    return document
