"""Signed progress notes: read a note's versions, sign it explicitly. (Signing on closing a
session and amending a signed note happen as the session is saved, in the same transaction.)"""

from __future__ import annotations

from alliance_desktop.domain.signed_note import SignedNote
from alliance_desktop.vault.note_versions import NoteVersionRepository


class SignedNotes:
    def __init__(self, repository: NoteVersionRepository) -> None:
        self._repository = repository

    def signed_note(self, session_id: int) -> SignedNote:
        return self._repository.signed_note(session_id)

    def of_client(self, client_id: int) -> dict[int, SignedNote]:
        """The client's signed notes by session id (unsigned notes are not in it)."""
        return self._repository.signed_notes_of_client(client_id)

    def sign(self, session_id: int) -> SignedNote:
        return self._repository.sign(session_id)
