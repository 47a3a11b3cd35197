"""Practice continuity: `practice.continuity` makes the custodian's package; `open_package`
turns one into a new vault, all or nothing.

Making a package writes into a hidden staging folder beside the target, verifies what it wrote
(every hash and the signature, with the password), and only then renames it into place, so a
missing, read-only or full folder leaves nothing half-written. The package password is made
once and kept in the vault (encrypted with it), so the weekly automatic packages open with the
password already in the custodian's sealed letter; it is shown when it is made, and can be
renewed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from alliance_desktop.domain.audit import VaultEvent
from alliance_desktop.domain.client import Client, ClientStatus
from alliance_desktop.domain.continuity import (
    CONTINUITY_CATEGORIES,
    ClientToContact,
    ContactReason,
    Custodian,
    CustodianFolderProblem,
    WrongPackagePassword,
    check_custodian,
    contact_order,
    is_due,
)
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.handover import HandoverDetails, HandoverOptions
from alliance_desktop.domain.share_consent import format_share_scope
from alliance_desktop.services.private_files import write_private_file
from alliance_desktop.vault.settings_repository import SettingsRepository

if TYPE_CHECKING:
    from alliance_desktop.services.practice import Practice

CUSTODIAN_KEY = "continuity_custodian"
PASSWORD_KEY = "continuity_password"
LAST_MADE_KEY = "continuity_last_made"
AT_RISK_LEVELS = ("moderate", "high")


@dataclass(frozen=True)
class ContinuityResult:
    folder: Path
    client_count: int
    password: str
    password_is_new: bool  # shown to the clinician only when it is new


@dataclass(frozen=True)
class OpenedPackage:
    vault_path: Path
    client_count: int
    custodian_name: str


class ContinuityService:
    def __init__(
        self,
        practice: Practice,
        settings: SettingsRepository,
        risk_level: Callable[[int], str | None] = lambda _client_id: None,
    ) -> None:
        self._practice = practice
        self._settings = settings
        self.risk_level = risk_level  # the latest risk review's level, where risk is recorded

    # The custodian and the password

    def custodian(self) -> Custodian | None:
        stored = self._settings.get(CUSTODIAN_KEY)
        return Custodian(stored["name"], stored.get("contact", "")) if stored else None

    def set_custodian(self, custodian: Custodian) -> Custodian:
        checked = check_custodian(custodian)
        self._settings.put(CUSTODIAN_KEY, {"name": checked.name, "contact": checked.contact})
        return checked

    def last_made(self) -> dt.date | None:
        stored = self._settings.get(LAST_MADE_KEY)
        return dt.date.fromisoformat(stored) if stored else None

    def automatic_due(self) -> bool:
        return self.custodian() is not None and is_due(self.last_made(), self._practice.today())

    def sealed_letter(self) -> bytes:
        """The letter to print, write the password on by hand, and seal."""
        custodian = self.custodian()
        if custodian is None:
            raise InvalidInput.single("custodian_name", "Name the custodian first.")
        from alliance_desktop.reports.custodian_letter import build_sealed_letter

        return build_sealed_letter(self._practice.profile(), custodian, self._practice.today())

    # Making a package

    def export(
        self,
        out_dir: Path,
        custodian: Custodian | None = None,
        *,
        include_archived: bool = False,
        renew_password: bool = False,
    ) -> ContinuityResult:
        practice = self._practice
        custodian = self.set_custodian(custodian) if custodian else self.custodian()
        if custodian is None:
            raise InvalidInput.single("custodian_name", "Name the custodian first.")
        out_dir = Path(out_dir).expanduser()
        self._check_folder(out_dir)
        password, is_new = self._password(renew_password)
        made_on = practice.today()
        # The letter's ReportLab, the PDF encryption and the manifest load with the first
        # package, not when the app starts.
        from alliance_desktop.exchange.continuity_manifest import (
            LETTER_NAME,
            MANIFEST_NAME,
            build_package_manifest,
        )
        from alliance_desktop.exchange.handover_crypto import KeyDerivation
        from alliance_desktop.exchange.pdf_encryption import encrypt_pdf
        from alliance_desktop.reports.custodian_letter import (
            CustodianLetterData,
            build_custodian_letter,
        )

        name = _free_name(out_dir, f"continuity-{made_on.isoformat()}")
        staging = out_dir / f".{name}.partial"
        try:
            staging.mkdir(mode=0o700)
            os.chmod(staging, 0o700)
            contacts = self._write_clients(staging, custodian, password, include_archived)
            letter = build_custodian_letter(
                CustodianLetterData(
                    practice.profile(),
                    custodian,
                    made_on,
                    name,
                    contact_order(contacts),
                    practice.retention.years(),
                )
            )
            write_private_file(staging / LETTER_NAME, encrypt_pdf(letter, password))
            kdf = KeyDerivation.fresh()
            manifest = build_package_manifest(
                staging,
                practice.local_now().astimezone(),
                custodian.name,
                [contact.folder for contact in contacts],
                kdf,
                kdf.derive(password),
            )
            write_private_file(staging / MANIFEST_NAME, manifest)
            verify_package(staging, password)
            staging.rename(out_dir / name)
        except OSError as error:
            _remove(staging)
            raise CustodianFolderProblem(out_dir, _reason(error)) from None
        except BaseException:
            _remove(staging)
            raise
        if is_new:
            self._settings.put(PASSWORD_KEY, password)
        self._settings.put(LAST_MADE_KEY, made_on.isoformat())
        practice.record_event(VaultEvent.CONTINUITY_EXPORTED)
        return ContinuityResult(out_dir / name, len(contacts), password, is_new)

    def _password(self, renew: bool) -> tuple[str, bool]:
        from alliance_desktop.exchange.handover_password import new_handover_password

        stored = self._settings.get(PASSWORD_KEY)
        if stored and not renew:
            return str(stored), False
        return new_handover_password(), True

    def _check_folder(self, folder: Path) -> None:
        if not folder.is_dir():
            raise CustodianFolderProblem(folder, "there is no such folder (is the drive in?)")
        if not os.access(folder, os.W_OK | os.X_OK):
            raise CustodianFolderProblem(folder, "the folder is read-only")
        vault_folder = self._practice.vault_path.resolve().parent
        resolved = folder.resolve()
        if resolved == vault_folder or vault_folder in resolved.parents:
            raise CustodianFolderProblem(
                folder,
                "it is inside the vault's own folder; keep the package on another drive or "
                "in a place the custodian can reach",
            )

    def _write_clients(
        self, staging: Path, custodian: Custodian, password: str, include_archived: bool
    ) -> list[ClientToContact]:
        practice = self._practice
        from alliance_desktop.exchange.continuity_manifest import client_folder_name

        (staging / "clients").mkdir(mode=0o700)
        options = HandoverOptions(categories=CONTINUITY_CATEGORIES)
        contacts = []
        summaries = [s for s in practice.client_summaries() if include_archived or not s.archived]
        for number, summary in enumerate(summaries, start=1):
            client = practice.client(summary.id)
            folder = client_folder_name(number)
            practice.handover.export(
                summary.id,
                staging / folder,
                _details(client, custodian, practice.today()),
                options,
                password=password,
                record_handover=False,
            )
            contacts.append(self._contact(client, folder))
        return contacts

    def _contact(self, client: Client, folder: str) -> ClientToContact:
        history = self._practice.calendar.client_history(client.id or 0)
        next_session = history.next_session.start if history.next_session else None
        if self.risk_level(client.id or 0) in AT_RISK_LEVELS:
            reason = ContactReason.AT_RISK
        elif next_session is not None:
            reason = ContactReason.BOOKED
        elif client.status in (ClientStatus.INTAKE, ClientStatus.ACTIVE, ClientStatus.ENDING):
            reason = ContactReason.CURRENT
        else:
            reason = ContactReason.FINISHED
        return ClientToContact(
            client.display_name,
            folder,
            reason,
            next_session,
            client.contact.phone,
            client.contact.email,
        )


def verify_package(folder: Path, password: str) -> int:
    """Every file present and unchanged and the manifest signed with this password; returns
    how many client folders it holds."""
    from alliance_desktop.exchange.continuity_manifest import (
        check_package_files,
        read_package_manifest,
        signature_holds,
    )

    manifest = read_package_manifest(folder)
    keys = manifest.kdf.derive(password)
    if not keys.opens(manifest.password_check) or not signature_holds(manifest, keys):
        raise WrongPackagePassword()
    check_package_files(folder, manifest)
    return len(manifest.client_folders)


def open_package(
    folder: Path,
    password: str,
    vault_path: Path,
    passphrase: str,
    create_practice: Callable[[Path, str], Practice],
) -> OpenedPackage:
    """Import every client of the package into a new vault at `vault_path`, or nothing: the
    vault is built under a temporary name and renamed into place only when all are in."""
    from alliance_desktop.exchange.continuity_manifest import read_package_manifest

    folder, vault_path = Path(folder), Path(vault_path)
    if vault_path.exists():
        raise InvalidInput.single(
            "vault",
            f"{vault_path} already exists: a continuity package opens into a new vault.",
        )
    manifest = read_package_manifest(folder)
    verify_package(folder, password)
    building = vault_path.with_name(f".{vault_path.name}.importing")
    _remove_vault_files(building)
    practice = create_practice(building, passphrase)
    try:
        for client_folder in manifest.client_folders:
            practice.handover.import_(folder / client_folder, password)
        practice.close()
        os.replace(building, vault_path)
        anchor = Path(f"{building}.anchor")  # the audit trail's anchor goes with its vault
        if anchor.exists():
            os.replace(anchor, Path(f"{vault_path}.anchor"))
        _remove_vault_files(building)  # an emptied log the close may have left behind
    except BaseException:
        if practice.is_open:
            practice.close()
        _remove_vault_files(building)
        raise
    return OpenedPackage(vault_path, len(manifest.client_folders), manifest.custodian_name)


def _details(client: Client, custodian: Custodian, today: dt.date) -> HandoverDetails:
    """A continuity copy is not a transfer of care: it says so, names the custodian, and rests
    on the client's informed consent to the practice keeping their record."""
    consented_on = min(
        (c.given_on for c in client.consents if c.withdrawn_on is None),
        default=today,
    )
    return HandoverDetails(
        receiver_name=custodian.name,
        receiver_contact=custodian.contact,
        handed_over_on=today,
        consent_given_on=min(consented_on, today),
        consent_scope=format_share_scope(CONTINUITY_CATEGORIES),
        reason=(
            "Practice continuity: a copy held by the practice's records custodian, to be "
            "opened only if the clinician cannot continue. Not a transfer of care."
        ),
    )


def _free_name(folder: Path, base: str) -> str:
    name, number = base, 2
    while (folder / name).exists() or (folder / f".{name}.partial").exists():
        name, number = f"{base}-{number}", number + 1
    return name


def _reason(error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        return "the drive is full"
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "the folder is read-only"
    return error.strerror or str(error)


def _remove(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def _remove_vault_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", ".lock", ".anchor"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{path}{suffix}").unlink()
