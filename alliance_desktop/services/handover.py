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
from typing import Protocol

from alliance_desktop.domain.alliance_check_in import AllianceCheckIn
from alliance_desktop.domain.calendar_privacy import DEFAULT_LABEL, CalendarNaming, calendar_title
from alliance_desktop.domain.client import Client, ClientStatus, ClientSummary
from alliance_desktop.domain.errors import RecordNotFound
from alliance_desktop.domain.handover import (
    ClientRecord,
    Handover,
    HandoverDetails,
    HandoverOptions,
    HandoverResult,
    ImportPreview,
    check_handover_details,
    check_within_consent,
    receiving_status,
)
from alliance_desktop.domain.handover_errors import (
    HandoverAlreadyImported,
    HandoverFileAltered,
    NoHandoverToUndo,
    NothingToImport,
    WrongHandoverPassword,
)
from alliance_desktop.domain.practice_profile import PracticeProfile
from alliance_desktop.domain.session import Session, SessionStatus
from alliance_desktop.domain.share_consent import ShareCategory
from alliance_desktop.exchange.fhir_bundle import (
    BundleContents,
    bundle_bytes,
    export_id_of,
    handover_bundle,
    read_bundle,
)
from alliance_desktop.exchange.fhir_client import Recipient
from alliance_desktop.exchange.fhir_terms import BundleIds
from alliance_desktop.exchange.handover_crypto import (
    KeyDerivation,
    Undecryptable,
    envelope_kdf,
    open_sealed,
    seal,
)
from alliance_desktop.exchange.handover_manifest import (
    CALENDAR_NAME,
    CALENDAR_ROLE,
    FHIR_NAME,
    FHIR_ROLE,
    FORMAT_VERSION,
    MANIFEST_NAME,
    PDF_NAME,
    PDF_ROLE,
    Manifest,
    PackedFile,
    build_manifest,
    read_files,
    read_manifest,
    signature_holds,
)
from alliance_desktop.exchange.handover_password import new_handover_password
from alliance_desktop.exchange.icalendar_export import SingleEvent, build_icalendar
from alliance_desktop.exchange.local_zone import local_zone
from alliance_desktop.exchange.pdf_encryption import encrypt_pdf
from alliance_desktop.reports.handover_record import HandoverRecordData, build_handover_record
from alliance_desktop.services.calendar import SessionCalendar
from alliance_desktop.services.ending_work import EndingWork
from alliance_desktop.services.goal_board import GoalBoard
from alliance_desktop.services.handover_files import prepare_folder, write_files
from alliance_desktop.services.risk_work import RiskWork
from alliance_desktop.services.rupture_log import RuptureLog
from alliance_desktop.services.signed_notes import SignedNotes
from alliance_desktop.vault.handover_repository import HandoverRepository


class HandoverPractice(Protocol):
    """What a handover needs of the practice: the clock, the profile, the client and the
    other services' records. Named here so `handover` does not import `practice` (which
    builds it), and the two modules no longer import each other."""

    # Read-only: the practice builds these at first use.
    @property
    def calendar(self) -> SessionCalendar: ...

    @property
    def goals(self) -> GoalBoard: ...

    @property
    def ruptures(self) -> RuptureLog: ...

    @property
    def ending(self) -> EndingWork: ...

    @property
    def notes(self) -> SignedNotes: ...

    @property
    def risk(self) -> RiskWork: ...

    def today(self) -> dt.date: ...

    def local_now(self) -> dt.datetime: ...

    def profile(self) -> PracticeProfile: ...

    def client(self, client_id: int) -> Client: ...

    def client_summaries(self) -> list[ClientSummary]: ...


@dataclass(frozen=True)
class _OpenedHandover:
    manifest: Manifest
    contents: BundleContents
    export_id: str  # the sender's id for this handover ("" when the bundle has none)


class HandoverService:
    def __init__(
        self,
        handovers: HandoverRepository,
        practice: HandoverPractice,
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
        *,
        password: str | None = None,
        record_handover: bool = True,
    ) -> HandoverResult:
        """Write the handover folder and record the handover (the client becomes handed over).

        A continuity package passes its own `password` (one for every client in it) and
        `record_handover=False`: the files are written, the client stays where they are.
        """
        practice = self._practice
        details = check_handover_details(details, practice.today())
        options = check_within_consent(options, details.consented)
        target = prepare_folder(Path(out_dir))
        client = practice.client(client_id)
        status_before = self._handovers.status_before_handover(client_id, client.status)
        consents = client.consents
        if details.consent not in consents:
            consents = (*consents, details.consent)
        record = self.record_for(replace(client, status=status_before, consents=consents), options)
        created_at = practice.local_now().astimezone()
        export_id = uuid.uuid4()
        password = password or new_handover_password()
        kdf = KeyDerivation.fresh()
        keys = kdf.derive(password)
        pdf = encrypt_pdf(
            build_handover_record(
                HandoverRecordData(
                    practice.profile(),
                    record,
                    details,
                    options,
                    practice.today(),
                    latest_risk_review=practice.risk.latest_review(client_id)
                    if options.includes(ShareCategory.RISK)
                    else None,
                    safety_plan=practice.risk.safety_plan(client_id)
                    if options.includes(ShareCategory.RISK)
                    else None,
                    now=practice.local_now(),
                )
            ),
            password,
        )
        files = [PackedFile(PDF_NAME, PDF_ROLE, pdf)]
        if options.include_fhir:
            recipient = Recipient(
                details.receiver_name, details.receiver_organisation, details.consent
            )
            bundle = handover_bundle(
                record,
                practice.profile(),
                created_at,
                export_id,
                recipient,
                self._handovers.vault_identifier(),
            )
            files.append(PackedFile(FHIR_NAME, FHIR_ROLE, seal(bundle_bytes(bundle), keys, kdf)))
        calendar, future = _future_sessions(record, export_id, practice.local_now(), created_at)
        files.append(PackedFile(CALENDAR_NAME, CALENDAR_ROLE, calendar))
        manifest = build_manifest(files, options, created_at, kdf, keys)
        write_files(target, files, manifest)
        listed = (
            *(f.listed for f in files),
            PackedFile(MANIFEST_NAME, "manifest", manifest).listed,
        )
        if not record_handover:
            return HandoverResult(
                client=client,
                handover_id=None,
                folder=target.folder,
                files=listed,
                password=password,
                future_sessions=future,
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
            booked_ahead=self._booked_ahead(client_id),
        )

    def record_for(self, client: Client, options: HandoverOptions) -> ClientRecord:
        """The client's record with every category not in the handover left out: the one
        place that decides, for the PDF and the FHIR bundle alike."""
        practice = self._practice
        client_id = client.id or 0
        sessions = self._handovers.client_sessions(client_id)
        if not options.includes(ShareCategory.NOTES):
            sessions = [replace(s, agenda="", progress_note="") for s in sessions]
        if not options.includes(ShareCategory.PROCESS_NOTES):
            sessions = [replace(s, private_note="") for s in sessions]
        if not options.includes(ShareCategory.MEASURES):
            sessions = [replace(s, check_in=AllianceCheckIn()) for s in sessions]
        if not options.includes(ShareCategory.SESSIONS):
            # Without the sessions, only what another consented category hangs on a session
            # (a check-in, a note) keeps its session, and only its date.
            sessions = [s for s in sessions if _carries_consented_content(s)]
        ruptures = (
            practice.ruptures.timeline(client_id).ruptures
            if options.includes(ShareCategory.RUPTURES)
            else []
        )
        goals = practice.goals.board(client_id) if options.includes(ShareCategory.GOALS) else []
        if not options.includes(ShareCategory.GOALS):
            sessions = [replace(s, goal_ids=()) for s in sessions]
        ending = practice.ending
        summary = options.includes(ShareCategory.SUMMARY)
        if not summary:
            client = replace(client, values=(), concerns=())
        sent = {s.id for s in sessions}
        in_series = {s.series_id for s in sessions if s.series_id is not None}
        if not options.includes(ShareCategory.SESSIONS):
            in_series = set()
            sessions = [replace(s, series_id=None, series_date=None) for s in sessions]
        return ClientRecord(
            client=client,
            sessions=tuple(sessions),
            goals=tuple(goals),
            ruptures=tuple(ruptures),
            ending_plan=ending.plan(client_id) if summary and ending.has_plan(client_id) else None,
            signed_notes=practice.notes.of_client(client_id)
            if options.include_session_notes
            else {},
            series=tuple(
                series
                for series in self._handovers.client_series(client_id)
                if series.id in in_series
            ),
            rating_sessions=tuple(
                (rating_id, session_id)
                for rating_id, session_id in sorted(
                    self._handovers.rating_sessions(client_id).items()
                )
                if goals and session_id in sent
            ),
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
            status=receiving_status(record, now),
            imported_before=self._imported_before(opened.export_id),
            export_id=opened.export_id,
        )

    def import_(self, folder: Path, password: str, *, again: bool = False) -> Client:
        """Create the client with sessions, goals, ratings, check-ins, ruptures and the ending
        plan, all in one transaction: a bundle that fails leaves the vault as it was. The
        client is active when sessions are booked ahead, else in intake. A handover imported
        before is refused unless `again` (the clinician confirmed a second copy)."""
        opened = self._open(Path(folder), password)
        before = self._handovers.received(opened.export_id) if opened.export_id else []
        if before and not again:
            raise HandoverAlreadyImported(
                tuple(dict.fromkeys(name for _, name in before)), before[0][0][:10]
            )
        record = opened.contents.record
        status = receiving_status(record, self._practice.local_now())
        client_id = self._handovers.import_record(
            replace(record, client=replace(record.client, status=status)),
            self._practice.today(),
            opened.export_id,
        )
        self._clients_changed()
        return self._practice.client(client_id)

    def cancel_future_sessions(self, client_id: int) -> int:
        """After a handover: the sender's booked sessions with the client from now on are
        cancelled (by the clinician), so their diary no longer holds them. Returns how many."""
        count = self._handovers.cancel_future_sessions(client_id, self._practice.local_now())
        self._clients_changed()
        return count

    def _booked_ahead(self, client_id: int) -> int:
        now = self._practice.local_now()
        return sum(
            1
            for s in self._handovers.client_sessions(client_id)
            if s.status is SessionStatus.SCHEDULED and s.start >= now
        )

    def _imported_before(self, export_id: str) -> tuple[str, ...]:
        if not export_id:
            return ()
        return tuple(f"{at[:10]} ({name})" for at, name in self._handovers.received(export_id))

    def _open(self, folder: Path, password: str) -> _OpenedHandover:
        from alliance_desktop.exchange.handover_manifest import (
            FHIR_ROLE,
            MANIFEST_NAME,
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
        return _OpenedHandover(manifest, read_bundle(plaintext), export_id_of(plaintext) or "")


def _carries_consented_content(session: Session) -> bool:
    return bool(
        not session.check_in.is_empty
        or session.agenda
        or session.progress_note
        or session.private_note
    )


def _future_sessions(
    record: ClientRecord, export_id: uuid.UUID, now: dt.datetime, stamp: dt.datetime
) -> tuple[bytes, int]:
    """The booked sessions still to come, for the receiver's diary: "Session", the time, how
    and what kind; no name, not even initials. The UID is the session's Appointment id in the
    bundle, so software can tie the two together."""

    ids = BundleIds(export_id)
    future: list[Session] = [
        s for s in record.sessions if s.status is SessionStatus.SCHEDULED and s.start >= now
    ]
    events = [
        SingleEvent(
            uid=f"{ids.of('Appointment', session.id or 0)}@alliance-desktop",
            title=calendar_title(record.client.name, CalendarNaming.LABEL, DEFAULT_LABEL),
            start=session.start,
            duration_minutes=session.duration_minutes,
            description=f"{session.modality.label} · {session.kind.label} session",
        )
        for session in future
    ]
    return build_icalendar(events, stamp, local_zone()), len(events)
