"""Handing a client over to the next clinician, and receiving one: `practice.handover`.

Export gathers the client's record from the other services, leaves out what was not ticked,
and writes one folder: `record.pdf` (AES-256, under a generated password), the FHIR bundle
encrypted under the same password, `sessions.ics` with the future booked sessions (no client
name) and `manifest.json`. Only then is the handover recorded in the vault (the client becomes
"handed over"), so a failed write changes nothing. The password is returned once, in the
result, and is never stored.

Import checks the manifest, every file's hash, the password and the manifest's signature
before reading the bundle, shows what would be created (`preview`), and creates the client
with everything in one transaction (`import_`).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from alliance_desktop.domain.calendar_privacy import DEFAULT_LABEL, CalendarNaming, calendar_title
from alliance_desktop.domain.client import Client, ClientStatus
from alliance_desktop.domain.errors import RecordNotFound
from alliance_desktop.domain.handover import (
    ClientRecord,
    Handover,
    HandoverDetails,
    HandoverOptions,
    HandoverResult,
    ImportPreview,
    check_handover_details,
)
from alliance_desktop.domain.handover_errors import (
    HandoverFileAltered,
    NoHandoverToUndo,
    NothingToImport,
    WrongHandoverPassword,
)
from alliance_desktop.domain.session import Session, SessionStatus
from alliance_desktop.vault.handover_repository import HandoverRepository

if TYPE_CHECKING:
    from alliance_desktop.exchange.fhir_bundle import BundleContents
    from alliance_desktop.exchange.handover_manifest import Manifest
    from alliance_desktop.services.practice import Practice


@dataclass(frozen=True)
class _OpenedHandover:
    manifest: Manifest
    contents: BundleContents


class HandoverService:
    def __init__(
        self,
        handovers: HandoverRepository,
        practice: Practice,
        clients_changed: Callable[[], None],
    ) -> None:
        self._handovers = handovers
        self._practice = practice
        self._clients_changed = clients_changed  # the client list and search refresh

    # Sending

    def export(
        self,
        client_id: int,
        out_dir: Path,
        details: HandoverDetails,
        options: HandoverOptions,
    ) -> HandoverResult:
        # The bundle, its cryptography and the PDF load with the first handover, not at start.
        from alliance_desktop.exchange.fhir_bundle import bundle_bytes, handover_bundle
        from alliance_desktop.exchange.handover_crypto import KeyDerivation, aes_cbc_encrypt, seal
        from alliance_desktop.exchange.handover_manifest import (
            CALENDAR_NAME,
            CALENDAR_ROLE,
            FHIR_NAME,
            FHIR_ROLE,
            FORMAT_VERSION,
            MANIFEST_NAME,
            PDF_NAME,
            PDF_ROLE,
            PackedFile,
            build_manifest,
        )
        from alliance_desktop.exchange.handover_password import new_handover_password
        from alliance_desktop.reports.handover_record import (
            HandoverRecordData,
            build_handover_record,
        )
        from alliance_desktop.services.handover_files import prepare_folder, write_files

        practice = self._practice
        details = check_handover_details(details, practice.today())
        target = prepare_folder(Path(out_dir))
        client = practice.client(client_id)
        status_before = self._handovers.status_before_handover(client_id, client.status)
        consents = client.consents
        if details.consent not in consents:
            consents = (*consents, details.consent)
        record = self.record_for(replace(client, status=status_before, consents=consents), options)
        created_at = practice.local_now().astimezone()
        export_id = uuid.uuid4()
        password = new_handover_password()
        kdf = KeyDerivation.fresh()
        keys = kdf.derive(password)
        pdf = build_handover_record(
            HandoverRecordData(practice.profile(), record, details, options, practice.today()),
            password,
            aes_cbc_encrypt,
        )
        files = [PackedFile(PDF_NAME, PDF_ROLE, pdf)]
        if options.include_fhir:
            bundle = handover_bundle(record, practice.profile(), created_at, export_id)
            files.append(PackedFile(FHIR_NAME, FHIR_ROLE, seal(bundle_bytes(bundle), keys, kdf)))
        calendar, future = _future_sessions(record, export_id, practice.local_now(), created_at)
        files.append(PackedFile(CALENDAR_NAME, CALENDAR_ROLE, calendar))
        manifest = build_manifest(files, options, created_at, kdf, keys)
        write_files(target, files, manifest)
        listed = (
            *(f.listed for f in files),
            PackedFile(MANIFEST_NAME, "manifest", manifest).listed,
        )
        try:
            handover = self._handovers.record(
                client_id, details, options, listed, FORMAT_VERSION, status_before, consents
            )
        except BaseException:
            target.remove()  # not recorded, so not handed over: take the files back
            raise
        self._clients_changed()
        return HandoverResult(
            client=practice.client(client_id),
            handover_id=handover.id,
            folder=target.folder,
            files=listed,
            password=password,
            future_sessions=future,
        )

    def record_for(self, client: Client, options: HandoverOptions) -> ClientRecord:
        """The client's whole record with what was not ticked left out: the one place that
        decides, for the PDF and the FHIR bundle alike."""
        practice = self._practice
        client_id = client.id or 0
        sessions = self._handovers.client_sessions(client_id)
        if not options.include_session_notes:
            sessions = [replace(s, agenda="", progress_note="") for s in sessions]
        if not options.include_private_notes:
            sessions = [replace(s, private_note="") for s in sessions]
        ruptures = (
            practice.ruptures.timeline(client_id).ruptures if options.include_ruptures else []
        )
        ending = practice.ending
        return ClientRecord(
            client=client,
            sessions=tuple(sessions),
            goals=tuple(practice.goals.board(client_id)),
            ruptures=tuple(ruptures),
            ending_plan=ending.plan(client_id) if ending.has_plan(client_id) else None,
        )

    def undo(self, client_id: int) -> Client:
        """The client is no longer handed over: their status goes back to what it was. The
        handover stays on record, marked undone (the files already sent cannot be recalled)."""
        client = self._practice.client(client_id)
        if client.status is not ClientStatus.HANDED_OVER:
            raise NoHandoverToUndo(client.display_name)
        try:
            self._handovers.undo(client_id)
        except RecordNotFound:
            raise NoHandoverToUndo(client.display_name) from None
        self._clients_changed()
        return self._practice.client(client_id)

    def history(self, client_id: int) -> list[Handover]:
        return self._handovers.for_client(client_id)

    # Receiving

    def preview(self, folder: Path, password: str) -> ImportPreview:
        """Everything checked and read, nothing written: what `import_` would create."""
        opened = self._open(Path(folder), password)
        record = opened.contents.record
        now = self._practice.local_now()
        future = [
            s for s in record.sessions if s.status is SessionStatus.SCHEDULED and s.start >= now
        ]
        calendar = self._practice.calendar
        # Bundle-local ids must not be mistaken for this vault's sessions when looking for clashes.
        clashing = sum(1 for s in future if calendar.clashes(replace(s, id=None)))
        return ImportPreview(
            client_name=record.client.display_name,
            from_clinician=opened.contents.from_clinician,
            exported_at=opened.manifest.created_at,
            format_version=opened.manifest.format_version,
            options=opened.manifest.options,
            sessions=len(record.sessions),
            future_sessions=len(future),
            clashing_sessions=clashing,
            goals=len(record.goals),
            gas_ratings=record.gas_ratings,
            check_ins=record.check_ins,
            ruptures=len(record.ruptures),
            has_ending_plan=record.ending_plan is not None,
            same_name_clients=sum(
                1
                for summary in self._practice.client_summaries()
                if summary.name.casefold() == record.client.name.casefold()
            ),
            skipped=opened.contents.skipped,
        )

    def import_(self, folder: Path, password: str) -> Client:
        """Create the client with sessions, goals, ratings, check-ins, ruptures and the ending
        plan, all in one transaction: a bundle that fails leaves the vault as it was."""
        opened = self._open(Path(folder), password)
        client_id = self._handovers.import_record(opened.contents.record, self._practice.today())
        self._clients_changed()
        return self._practice.client(client_id)

    def _open(self, folder: Path, password: str) -> _OpenedHandover:
        from alliance_desktop.exchange.fhir_bundle import read_bundle
        from alliance_desktop.exchange.handover_crypto import (
            Undecryptable,
            envelope_kdf,
            open_sealed,
        )
        from alliance_desktop.exchange.handover_manifest import (
            FHIR_ROLE,
            MANIFEST_NAME,
            read_files,
            read_manifest,
            signature_holds,
        )

        manifest = read_manifest(folder)
        entry = manifest.entry_for(FHIR_ROLE)
        if entry is None:
            raise NothingToImport()
        data = read_files(folder, manifest)
        keys = manifest.kdf.derive(password)
        if not keys.opens(manifest.password_check):
            raise WrongHandoverPassword()
        if not signature_holds(manifest, keys):
            raise HandoverFileAltered(MANIFEST_NAME)
        envelope = data[entry.file.name]
        kdf = envelope_kdf(envelope)
        try:
            plaintext = open_sealed(envelope, keys if kdf == manifest.kdf else kdf.derive(password))
        except Undecryptable:
            raise HandoverFileAltered(entry.file.name) from None
        return _OpenedHandover(manifest, read_bundle(plaintext))


def _future_sessions(
    record: ClientRecord, export_id: uuid.UUID, now: dt.datetime, stamp: dt.datetime
) -> tuple[bytes, int]:
    """The booked sessions still to come, for the receiver's diary: "Session", the time, how
    and what kind; no name, not even initials. The UID is the session's Encounter id in the
    bundle, so software can tie the two together."""
    from alliance_desktop.exchange.fhir_terms import BundleIds
    from alliance_desktop.exchange.icalendar_export import SingleEvent, build_icalendar

    ids = BundleIds(export_id)
    future: list[Session] = [
        s for s in record.sessions if s.status is SessionStatus.SCHEDULED and s.start >= now
    ]
    events = [
        SingleEvent(
            uid=f"{ids.of('Encounter', session.id or 0)}@alliance-desktop",
            title=calendar_title(record.client.name, CalendarNaming.LABEL, DEFAULT_LABEL),
            start=session.start,
            duration_minutes=session.duration_minutes,
            description=f"{session.modality.label} · {session.kind.label} session",
        )
        for session in future
    ]
    return build_icalendar(events, [], stamp), len(events)
