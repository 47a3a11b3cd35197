"""Sessions, their series, private notes, goal links, the GAS ratings given in them and
alliance check-ins in the vault."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
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
from alliance_desktop.domain.client import display_name
from alliance_desktop.domain.errors import RecordNotFound
from alliance_desktop.domain.goal import GasRating
from alliance_desktop.domain.recurrence import Frequency, RecurrenceRule, SessionSeries
from alliance_desktop.domain.session import (
    CalendarEntry,
    Modality,
    Session,
    SessionKind,
    SessionStatus,
)
from alliance_desktop.vault.audit_trail import record_change
from alliance_desktop.vault.connection import Vault
from alliance_desktop.vault.note_versions import keep_signed_note
from alliance_desktop.vault.session_ratings import (
    read_session_ratings,
    redate_session_ratings,
    replace_session_ratings,
)

_SESSION_COLUMNS = (
    "client_id, series_id, series_date, start, duration_minutes, modality, kind, status, "
    "agenda, progress_note, focus"
)
_DETAIL_TABLES = (
    "session_private_notes",
    "session_goals",
    "alliance_check_ins",
    "instrument_scores",
)
_ENTRY_SELECT = (
    "SELECT s.id, s.client_id, c.name, c.preferred_name, s.start, s.duration_minutes, "
    "s.status, s.modality, s.kind, s.series_id FROM sessions s JOIN clients c ON c.id = s.client_id"
)


class SessionRepository:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    # Writing

    def add(self, session: Session) -> Session:
        now = self._vault.clock()
        with self._vault.transaction() as tx:
            saved = _insert(tx, session, now)
            record_change(tx, now, "session.created", "session", saved.id)
        return saved

    def add_series(
        self, series: SessionSeries, sessions: Sequence[Session]
    ) -> tuple[SessionSeries, list[Session]]:
        """The series and every planned session, all in one transaction."""
        now = self._vault.clock()
        with self._vault.transaction() as tx:
            series_id = _insert_series(tx, series, now)
            saved = [_insert(tx, replace(s, series_id=series_id), now) for s in sessions]
            record_change(tx, now, "series.created", "session_series", series_id)
        return replace(series, id=series_id), saved

    def add_many(self, sessions: Iterable[Session]) -> list[Session]:
        """Bulk insert for imports and the demo generator: one transaction, one audit row."""
        now = self._vault.clock()
        with self._vault.transaction() as tx:
            saved = [_insert(tx, session, now, fresh=True) for session in sessions]
            record_change(tx, now, "session.imported", "session", None)
        return saved

    def update(
        self, session: Session, *, goal_ratings: Mapping[int, GasRating] | None = None
    ) -> Session:
        """Save a session; with `goal_ratings` (goal id -> rating), make them the ratings given
        in it, in the same transaction (None leaves its ratings as they are)."""
        given = None if goal_ratings is None else {session.id or 0: goal_ratings}
        return self.update_many([session], goal_ratings=given)[0]

    def update_many(
        self,
        sessions: Sequence[Session],
        *,
        goal_ratings: Mapping[int, Mapping[int, GasRating]] | None = None,
    ) -> list[Session]:
        """Several sessions changed together (a series change), all or none; `goal_ratings`
        (session id -> goal id -> rating) replaces the ratings given in those sessions."""
        now = self._vault.clock()
        with self._vault.transaction() as tx:
            for session in sessions:
                session_id = _update(tx, session, now)
                if goal_ratings is not None and session_id in goal_ratings:
                    replace_session_ratings(
                        tx, session_id, session.client_id, goal_ratings[session_id], now
                    )
        return list(sessions)

    def end_series_from(
        self, cancelled: Session, later_ids: Sequence[int], ended_on: dt.date
    ) -> list[int]:
        """In one transaction: save `cancelled`, delete the later planned sessions that hold
        nothing at all, mark the others cancelled by the clinician, and end the series.
        Returns the ids deleted."""
        now = self._vault.clock()
        removed: list[int] = []
        with self._vault.transaction() as tx:
            _update(tx, cancelled, now)
            for session_id in later_ids:
                if _untouched(tx, session_id):
                    tx.execute("DELETE FROM session_goals WHERE session_id = ?", (session_id,))
                    tx.execute("DELETE FROM sessions WHERE id = ?", (session_id,))
                    record_change(tx, now, "session.removed", "session", session_id)
                    removed.append(session_id)
                else:
                    tx.execute(
                        "UPDATE sessions SET status = 'clinician_cancelled', updated_at = ? "
                        "WHERE id = ?",
                        (now.isoformat(), session_id),
                    )
                    record_change(tx, now, "session.updated", "session", session_id)
            if cancelled.series_id is not None:
                tx.execute(
                    "UPDATE session_series SET ended_on = ?, updated_at = ? WHERE id = ?",
                    (ended_on.isoformat(), now.isoformat(), cancelled.series_id),
                )
                record_change(tx, now, "series.ended", "session_series", cancelled.series_id)
        return removed

    # Reading

    def get(self, session_id: int) -> Session:
        with self._vault.reading() as connection:
            row = connection.execute(
                f"SELECT id, {_SESSION_COLUMNS} FROM sessions WHERE id = ?", (session_id,)
            ).fetchone()
            if row is None:
                raise RecordNotFound(f"There is no session with id {session_id}.")
            return _with_details(connection, _session_from_row(row))

    def goal_ratings(self, session_id: int) -> dict[int, GasRating]:
        """The GAS rating each goal was given in this session, by goal id."""
        with self._vault.reading() as connection:
            return read_session_ratings(connection, session_id)

    def series(self, series_id: int) -> SessionSeries:
        with self._vault.reading() as connection:
            row = connection.execute(
                "SELECT id, client_id, frequency, first_start, until, count, ended_on "
                "FROM session_series "
                "WHERE id = ?",
                (series_id,),
            ).fetchone()
        if row is None:
            raise RecordNotFound(f"There is no session series with id {series_id}.")
        return _series_from_row(row)

    def series_sessions(self, series_id: int) -> list[Session]:
        with self._vault.reading() as connection:
            rows = connection.execute(
                f"SELECT id, {_SESSION_COLUMNS} FROM sessions WHERE series_id = ? ORDER BY start",
                (series_id,),
            ).fetchall()
        return [_session_from_row(row) for row in rows]

    def entries_between(
        self, start: dt.datetime, end: dt.datetime, status: SessionStatus | None = None
    ) -> list[CalendarEntry]:
        """Sessions starting in [start, end), in time order, without any notes; only those
        with `status` when given."""
        where, parameters = "s.start >= ? AND s.start < ?", [_stamp(start), _stamp(end)]
        if status is not None:
            where += " AND s.status = ?"
            parameters.append(status.value)
        with self._vault.reading() as connection:
            rows = connection.execute(
                f"{_ENTRY_SELECT} WHERE {where} ORDER BY s.start, s.id", parameters
            ).fetchall()
        return [_entry_from_row(row) for row in rows]

    def client_entries(self, client_id: int) -> list[CalendarEntry]:
        with self._vault.reading() as connection:
            rows = connection.execute(
                f"{_ENTRY_SELECT} WHERE s.client_id = ? ORDER BY s.start, s.id", (client_id,)
            ).fetchall()
        return [_entry_from_row(row) for row in rows]

    def session_count(self) -> int:
        with self._vault.reading() as connection:
            return int(connection.execute("SELECT count(*) FROM sessions").fetchone()[0])


def _update(tx: sqlcipher3.Connection, session: Session, now: dt.datetime) -> int:
    session_id = session.id or 0
    assignments = ", ".join(f"{column.strip()} = ?" for column in _SESSION_COLUMNS.split(","))
    cursor = tx.execute(
        f"UPDATE sessions SET {assignments}, updated_at = ? WHERE id = ?",
        (*_session_row(session), now.isoformat(), session_id),
    )
    if cursor.rowcount != 1:
        raise RecordNotFound(f"There is no session with id {session.id}.")
    _write_details(tx, session_id, session, now)
    redate_session_ratings(tx, session_id, session.start.date())
    record_change(tx, now, "session.updated", "session", session_id)
    keep_signed_note(tx, session_id, session.status, session.progress_note, now)
    return session_id


def _untouched(tx: sqlcipher3.Connection, session_id: int) -> bool:
    """A planned session nobody has written anything into (its goal links are only plans)."""
    row = tx.execute(
        "SELECT 1 FROM sessions s WHERE s.id = ? AND s.status = 'scheduled' "
        "AND s.agenda = '' AND s.progress_note = '' AND s.focus = '' "
        "AND NOT EXISTS (SELECT 1 FROM session_private_notes n WHERE n.session_id = s.id) "
        "AND NOT EXISTS (SELECT 1 FROM alliance_check_ins a WHERE a.session_id = s.id) "
        "AND NOT EXISTS (SELECT 1 FROM instrument_scores i WHERE i.session_id = s.id) "
        "AND NOT EXISTS (SELECT 1 FROM gas_ratings g WHERE g.session_id = s.id) "
        "AND NOT EXISTS (SELECT 1 FROM ruptures r WHERE r.session_id = s.id)",
        (session_id,),
    ).fetchone()
    return row is not None


def _insert(
    tx: sqlcipher3.Connection, session: Session, now: dt.datetime, fresh: bool = False
) -> Session:
    cursor = tx.execute(
        f"INSERT INTO sessions ({_SESSION_COLUMNS}, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (*_session_row(session), now.isoformat(), now.isoformat()),
    )
    session_id = int(cursor.lastrowid or 0)
    _write_details(tx, session_id, session, now, fresh)
    return replace(session, id=session_id)


def _insert_series(tx: sqlcipher3.Connection, series: SessionSeries, now: dt.datetime) -> int:
    rule = series.rule
    cursor = tx.execute(
        "INSERT INTO session_series (client_id, frequency, first_start, until, count, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            series.client_id,
            rule.frequency.value,
            _stamp(rule.first_start),
            rule.until.isoformat() if rule.until else None,
            rule.count,
            now.isoformat(),
            now.isoformat(),
        ),
    )
    return int(cursor.lastrowid or 0)


def _write_details(
    tx: sqlcipher3.Connection,
    session_id: int,
    session: Session,
    now: dt.datetime,
    fresh: bool = False,
) -> None:
    """Private note, goal links and check-in: replaced as a whole with the session."""
    if not fresh:  # a brand-new session has nothing to replace
        for table in _DETAIL_TABLES:
            tx.execute(f"DELETE FROM {table} WHERE session_id = ?", (session_id,))
    if session.private_note:
        tx.execute(
            "INSERT INTO session_private_notes (session_id, note, updated_at) VALUES (?, ?, ?)",
            (session_id, session.private_note, now.isoformat()),
        )
    tx.executemany(
        "INSERT INTO session_goals (session_id, goal_id) VALUES (?, ?)",
        [(session_id, goal_id) for goal_id in sorted(set(session.goal_ids))],
    )
    for rater in Rater:
        ratings = session.check_in.ratings(rater)
        if ratings is not None:
            tx.execute(
                "INSERT INTO alliance_check_ins (session_id, rater, goals, tasks, bond, overall) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    session_id,
                    rater.value,
                    ratings.goals,
                    ratings.tasks,
                    ratings.bond,
                    ratings.overall,
                ),
            )
    tx.executemany(
        "INSERT INTO instrument_scores "
        "(session_id, instrument, total, subscales_json, self_harm_item) VALUES (?, ?, ?, ?, ?)",
        [
            (
                session_id,
                score.instrument.value,
                score.total,
                json.dumps(score.subscales),
                score.self_harm_item,
            )
            for score in session.check_in.instruments
        ],
    )


def _with_details(connection: sqlcipher3.Connection, session: Session) -> Session:
    session_id = session.id
    note = connection.execute(
        "SELECT note FROM session_private_notes WHERE session_id = ?", (session_id,)
    ).fetchone()
    goal_ids = tuple(
        row[0]
        for row in connection.execute(
            "SELECT goal_id FROM session_goals WHERE session_id = ? ORDER BY goal_id",
            (session_id,),
        )
    )
    ratings = {
        Rater(row[0]): AllianceRatings(row[1], row[2], row[3], row[4])
        for row in connection.execute(
            "SELECT rater, goals, tasks, bond, overall FROM alliance_check_ins "
            "WHERE session_id = ?",
            (session_id,),
        )
    }
    instruments = tuple(
        InstrumentScore(
            Instrument(row[0]),
            row[1],
            tuple((name, value) for name, value in json.loads(row[2])),
            self_harm_item=row[3],
        )
        for row in connection.execute(
            "SELECT instrument, total, subscales_json, self_harm_item FROM instrument_scores "
            "WHERE session_id = ? ORDER BY rowid",
            (session_id,),
        )
    )
    check_in = AllianceCheckIn(
        client=ratings.get(Rater.CLIENT),
        clinician=ratings.get(Rater.CLINICIAN),
        instruments=instruments,
    )
    return replace(
        session, private_note=note[0] if note else "", goal_ids=goal_ids, check_in=check_in
    )


def _session_row(session: Session) -> tuple[Any, ...]:
    return (
        session.client_id,
        session.series_id,
        session.series_date.isoformat() if session.series_date else None,
        _stamp(session.start),
        session.duration_minutes,
        session.modality.value,
        session.kind.value,
        session.status.value,
        session.agenda,
        session.progress_note,
        session.focus,
    )


def _session_from_row(row: tuple[Any, ...]) -> Session:
    return Session(
        id=row[0],
        client_id=row[1],
        series_id=row[2],
        series_date=dt.date.fromisoformat(row[3]) if row[3] else None,
        start=dt.datetime.fromisoformat(row[4]),
        duration_minutes=row[5],
        modality=Modality(row[6]),
        kind=SessionKind(row[7]),
        status=SessionStatus(row[8]),
        agenda=row[9],
        progress_note=row[10],
        focus=row[11],
    )


def _entry_from_row(row: tuple[Any, ...]) -> CalendarEntry:
    return CalendarEntry(
        session_id=row[0],
        client_id=row[1],
        client_name=display_name(row[2], row[3]),
        start=dt.datetime.fromisoformat(row[4]),
        duration_minutes=row[5],
        status=SessionStatus(row[6]),
        modality=Modality(row[7]),
        kind=SessionKind(row[8]),
        series_id=row[9],
    )


def _series_from_row(row: tuple[Any, ...]) -> SessionSeries:
    return SessionSeries(
        id=row[0],
        client_id=row[1],
        rule=RecurrenceRule(
            frequency=Frequency(row[2]),
            first_start=dt.datetime.fromisoformat(row[3]),
            until=dt.date.fromisoformat(row[4]) if row[4] else None,
            count=row[5],
        ),
        ended_on=dt.date.fromisoformat(row[6]) if row[6] else None,
    )


def _stamp(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="seconds")
