"""`Practice`: everything the clinician does with an unlocked vault, in typed calls."""

from __future__ import annotations

import datetime as dt
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from alliance_desktop.domain.audit import AuditEntry, VaultEvent
from alliance_desktop.domain.client import (
    Client,
    ClientStatus,
    ClientSummary,
    check_client,
)
from alliance_desktop.domain.client_search import ClientFinder
from alliance_desktop.domain.practice_profile import PracticeProfile, check_practice_profile
from alliance_desktop.vault import Vault, create_vault, open_vault
from alliance_desktop.vault.audit_trail import first_broken_link, recent_entries, record_events
from alliance_desktop.vault.client_repository import ClientRepository
from alliance_desktop.vault.connection import Clock, system_clock
from alliance_desktop.vault.practice_profile_repository import PracticeProfileRepository
from alliance_desktop.vault.settings_repository import SettingsRepository

if TYPE_CHECKING:
    from alliance_desktop.domain.flags import Flag
    from alliance_desktop.services.backup_diary import BackupDiary
    from alliance_desktop.services.calendar import SessionCalendar
    from alliance_desktop.services.client_boundaries import BoundariesWork
    from alliance_desktop.services.continuity import ContinuityService
    from alliance_desktop.services.drafts import DraftKeeping
    from alliance_desktop.services.ending_work import EndingWork
    from alliance_desktop.services.flag_review import FlagReview
    from alliance_desktop.services.goal_board import GoalBoard
    from alliance_desktop.services.handover import HandoverService
    from alliance_desktop.services.rating_corrections import RatingCorrections
    from alliance_desktop.services.record_retention import RecordRetention
    from alliance_desktop.services.reports import ReportMaker
    from alliance_desktop.services.risk_work import RiskWork
    from alliance_desktop.services.rupture_log import RuptureLog
    from alliance_desktop.services.safekeeping import Safekeeping
    from alliance_desktop.services.signed_notes import SignedNotes


@dataclass(frozen=True)
class VaultHealth:
    path: Path
    schema_version: int
    client_count: int
    problems: tuple[str, ...]

    @property
    def is_healthy(self) -> bool:
        return not self.problems


class Practice:
    """One open vault. Methods that change data return the record as saved."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault
        self._clients = ClientRepository(vault)
        self._profile = PracticeProfileRepository(vault)
        self._settings = SettingsRepository(vault)
        self._finder: ClientFinder | None = None

    # The use cases are built at first use: the window shows Today, and a command its answer,
    # without loading (and their modules without importing) what they do not need.

    @cached_property
    def calendar(self) -> SessionCalendar:
        from alliance_desktop.services.calendar import SessionCalendar
        from alliance_desktop.vault.diary_repository import DiaryRepository
        from alliance_desktop.vault.session_repository import SessionRepository

        return SessionCalendar(
            SessionRepository(self._vault),
            self.local_now,
            record=self.record_event,
            diary=DiaryRepository(self._vault),
        )

    @cached_property
    def goals(self) -> GoalBoard:
        from alliance_desktop.services.goal_board import GoalBoard
        from alliance_desktop.vault.goal_repository import GoalRepository

        return GoalBoard(GoalRepository(self._vault), self.today)

    @cached_property
    def ruptures(self) -> RuptureLog:
        from alliance_desktop.services.rupture_log import RuptureLog
        from alliance_desktop.vault.rupture_repository import RuptureRepository

        return RuptureLog(
            RuptureRepository(self._vault), self._settings, self._client_names, self.today
        )

    @cached_property
    def safekeeping(self) -> Safekeeping:
        from alliance_desktop.services.safekeeping import Safekeeping

        return Safekeeping(self._vault, self._settings)

    @cached_property
    def drafts(self) -> DraftKeeping:
        from alliance_desktop.services.drafts import DraftKeeping
        from alliance_desktop.vault.draft_repository import DraftRepository

        return DraftKeeping(DraftRepository(self._vault), self.local_now)

    @cached_property
    def backups(self) -> BackupDiary:
        from alliance_desktop.services.backup_diary import BackupDiary

        return BackupDiary(self._vault, self.safekeeping, self._settings, self.local_now)

    @cached_property
    def flags(self) -> FlagReview:
        from alliance_desktop.services.flag_review import FlagReview
        from alliance_desktop.vault.flag_acknowledgement_repository import (
            FlagAcknowledgementRepository,
        )

        flags = FlagReview(
            FlagAcknowledgementRepository(self._vault),
            self.ruptures,
            self.calendar,
            self.local_now,
        )
        # Risk and consent flags go through the same card, count and acknowledgements; a high
        # level or an overdue review is current for every client, seen lately or not.
        flags.add_source(self.risk.flags_for, practice_wide=self._risk_flags_for_everyone)
        return flags

    @cached_property
    def risk(self) -> RiskWork:
        from alliance_desktop.services.risk_work import RiskWork
        from alliance_desktop.vault.risk_repository import RiskRepository

        return RiskWork(RiskRepository(self._vault), self.client, self.today)

    @cached_property
    def ending(self) -> EndingWork:
        from alliance_desktop.services.ending_work import EndingWork
        from alliance_desktop.vault.ending_plan_repository import EndingPlanRepository

        return EndingWork(
            EndingPlanRepository(self._vault), self.calendar, self.goals, self.ruptures
        )

    @cached_property
    def boundaries(self) -> BoundariesWork:
        from alliance_desktop.services.client_boundaries import BoundariesWork
        from alliance_desktop.vault.boundaries_repository import BoundariesRepository

        return BoundariesWork(BoundariesRepository(self._vault), self.today)

    @cached_property
    def reports(self) -> ReportMaker:
        from alliance_desktop.services.reports import ReportMaker

        reports = ReportMaker(
            self.profile,
            self.client,
            self.calendar,
            self.goals,
            self.ruptures,
            self.ending,
            self.today,
            record=self.record_event,
            risk=self.risk,
        )
        reports.signed_notes_of = self.notes.of_client
        return reports

    @cached_property
    def notes(self) -> SignedNotes:
        from alliance_desktop.services.signed_notes import SignedNotes
        from alliance_desktop.vault.note_versions import NoteVersionRepository

        return SignedNotes(NoteVersionRepository(self._vault))

    @cached_property
    def ratings(self) -> RatingCorrections:
        from alliance_desktop.services.rating_corrections import RatingCorrections
        from alliance_desktop.vault.rating_corrections import RatingCorrectionRepository

        return RatingCorrections(RatingCorrectionRepository(self._vault), self.today)

    @cached_property
    def retention(self) -> RecordRetention:
        from alliance_desktop.services.record_retention import RecordRetention

        return RecordRetention(self._vault, self._settings, self.today, self._forget_client_list)

    @cached_property
    def continuity(self) -> ContinuityService:
        from alliance_desktop.services.continuity import ContinuityService

        return ContinuityService(self, self._settings)

    @cached_property
    def handover(self) -> HandoverService:
        """Built at first use: the FHIR bundle, its cryptography and the record PDF load with
        the first handover, not when the app starts."""
        from alliance_desktop.services.handover import HandoverService
        from alliance_desktop.vault.handover_repository import HandoverRepository

        return HandoverService(HandoverRepository(self._vault), self, self._forget_client_list)

    @classmethod
    def open(cls, path: Path, passphrase: str, clock: Clock = system_clock) -> Practice:
        return cls(open_vault(path, passphrase, clock))

    @classmethod
    def create(cls, path: Path, passphrase: str, clock: Clock = system_clock) -> Practice:
        return cls(create_vault(path, passphrase, clock))

    @property
    def vault_path(self) -> Path:
        return self._vault.path

    @property
    def is_open(self) -> bool:
        return self._vault.is_open

    def local_now(self) -> dt.datetime:
        """Wall-clock time in the computer's timezone, without tzinfo, as sessions are stored."""
        moment = self._vault.clock()
        if moment.tzinfo is not None:
            moment = moment.astimezone().replace(tzinfo=None)
        return moment

    def today(self) -> dt.date:
        return self.local_now().date()

    def close(self) -> None:
        self._vault.close()

    # Practice profile

    def profile(self) -> PracticeProfile:
        return self._profile.get()

    def save_profile(self, profile: PracticeProfile) -> PracticeProfile:
        return self._profile.save(check_practice_profile(profile))

    # Clients

    def client_summaries(self) -> list[ClientSummary]:
        return list(self._client_finder().clients)

    def find_clients(
        self,
        query: str = "",
        status: ClientStatus | None = None,
        include_archived: bool = False,
    ) -> list[ClientSummary]:
        """Search as you type: served from memory, refreshed after every client change."""
        return self._client_finder().find(query, status, include_archived)

    def client(self, client_id: int) -> Client:
        return self._clients.get(client_id)

    def add_client(self, client: Client) -> Client:
        saved = self._clients.add(check_client(client, self.today()))
        self._finder = None
        return saved

    def update_client(self, client: Client) -> Client:
        saved = self._clients.update(check_client(client, self.today()))
        self._finder = None
        return saved

    def archive_client(self, client_id: int) -> Client:
        """Archived clients leave the everyday list; nothing is deleted."""
        saved = self._clients.set_archived(client_id, self.today())
        self._finder = None
        return saved

    def restore_client(self, client_id: int) -> Client:
        saved = self._clients.set_archived(client_id, None)
        self._finder = None
        return saved

    def client_count(self) -> int:
        return self._clients.count()

    # Vault

    def record_event(self, event: VaultEvent, client_id: int | None = None) -> None:
        """Put something done with the records (an export, a print, a lock) in the audit trail:
        its kind and the client's id, never what was in it."""
        if event is VaultEvent.UNLOCK_FAILED:
            raise ValueError("Failed unlocks are recorded by record_unlock(failed_attempts).")
        record_type = "vault" if client_id is None else "client"
        record_events(self._vault, (event.value, record_type, client_id))

    def record_unlock(self, failed_attempts: int = 0) -> None:
        """The vault was unlocked in the app, after `failed_attempts` wrong passphrases (counted
        outside the vault, which cannot be written to until it opens)."""
        events: list[tuple[str, str, int | None]] = []
        if failed_attempts > 0:
            events.append((VaultEvent.UNLOCK_FAILED.value, "failed_attempts", failed_attempts))
        events.append((VaultEvent.UNLOCKED.value, "vault", None))
        record_events(self._vault, *events)

    def audit_entries(self, limit: int = 200) -> list[AuditEntry]:
        return recent_entries(self._vault, limit)

    def health(self) -> VaultHealth:
        problems = self._vault.integrity_problems()
        broken = first_broken_link(self._vault)
        if broken is not None:
            problems.append(f"the audit trail was altered at row {broken}")
        return VaultHealth(
            path=self._vault.path,
            schema_version=self._vault.schema_version,
            client_count=self._clients.count(),
            problems=tuple(problems),
        )

    def _risk_flags_for_everyone(self, already: AbstractSet[int]) -> list[Flag]:
        others = [s.id for s in self.client_summaries() if not s.archived and s.id not in already]
        return self.risk.flags_for(others)

    def _client_names(self) -> dict[int, str]:
        return {summary.id: summary.display_name for summary in self._client_finder().clients}

    def _forget_client_list(self) -> None:
        """Clients changed elsewhere (a handover): rebuild the list when next asked."""
        self._finder = None

    def _client_finder(self) -> ClientFinder:
        if self._finder is None:
            self._finder = ClientFinder(self._clients.summaries())
        return self._finder
