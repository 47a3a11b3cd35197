"""Signed versions of progress notes: appended, never changed (see domain/signed_note.py)."""

from __future__ import annotations

import datetime as dt

import sqlcipher3

from alliance_desktop.domain.errors import RecordNotFound
from alliance_desktop.domain.session import SessionStatus
from alliance_desktop.domain.signed_note import NoteVersion, SignedNote, should_sign
from alliance_desktop.vault.audit_trail import record_change
from alliance_desktop.vault.connection import Vault


def note_versions(connection: sqlcipher3.Connection, session_id: int) -> SignedNote:
    rows = connection.execute(
        "SELECT note, signed_at FROM note_versions WHERE session_id = ? ORDER BY id",
        (session_id,),
    ).fetchall()
    versions = tuple(NoteVersion(note, dt.datetime.fromisoformat(at)) for note, at in rows)
    return SignedNote(session_id, versions)


def _append(tx: sqlcipher3.Connection, session_id: int, note: str, now: dt.datetime) -> None:
    tx.execute(
        "INSERT INTO note_versions (session_id, note, signed_at) VALUES (?, ?, ?)",
        (session_id, note, now.isoformat()),
    )


def keep_signed_note(
    tx: sqlcipher3.Connection, session_id: int, status: SessionStatus, note: str, now: dt.datetime
) -> None:
    """Called in the transaction that saves a session: closing it signs the note; changing a
    signed note appends a dated amendment (the original stays)."""
    signed = note_versions(tx, session_id)
    if should_sign(status is SessionStatus.ATTENDED, note, signed.is_signed):
        _append(tx, session_id, note, now)
        record_change(tx, now, "note.signed", "session", session_id)
    elif signed.is_signed and note != signed.current:
        _append(tx, session_id, note, now)
        record_change(tx, now, "note.amended", "session", session_id)


class NoteVersionRepository:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def signed_note(self, session_id: int) -> SignedNote:
        with self._vault.reading() as connection:
            return note_versions(connection, session_id)

    def signed_notes(self, session_ids: list[int]) -> dict[int, SignedNote]:
        return {session_id: self.signed_note(session_id) for session_id in session_ids}

    def signed_notes_of_client(self, client_id: int) -> dict[int, SignedNote]:
        """Every signed note of a client's sessions, by session id (one query)."""
        with self._vault.reading() as connection:
            rows = connection.execute(
                "SELECT v.session_id, v.note, v.signed_at FROM note_versions v "
                "JOIN sessions s ON s.id = v.session_id WHERE s.client_id = ? ORDER BY v.id",
                (client_id,),
            ).fetchall()
        found: dict[int, list[NoteVersion]] = {}
        for session_id, note, at in rows:
            found.setdefault(session_id, []).append(
                NoteVersion(note, dt.datetime.fromisoformat(at))
            )
        return {sid: SignedNote(sid, tuple(versions)) for sid, versions in found.items()}

    def sign(self, session_id: int) -> SignedNote:
        """Sign the note as it stands now (an explicit Sign); signing twice changes nothing."""
        now = self._vault.clock()
        with self._vault.transaction() as tx:
            row = tx.execute(
                "SELECT progress_note FROM sessions WHERE id = ?", (session_id,)
            ).fetchone()
            if row is None:
                raise RecordNotFound(f"There is no session with id {session_id}.")
            signed = note_versions(tx, session_id)
            if not signed.is_signed:
                _append(tx, session_id, row[0], now)
                record_change(tx, now, "note.signed", "session", session_id)
        return self.signed_note(session_id)
