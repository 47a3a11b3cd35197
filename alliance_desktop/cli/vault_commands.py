"""`vault create|check|passwd|backup|restore` and `demo`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from alliance_desktop.cli.passphrase import (
    given_passphrase,
    new_passphrase,
    opened_practice,
    replacement_passphrase,
    require_new_passphrase_source,
    unlocked_practice,
    with_passphrase,
)
from alliance_desktop.cli.running import CommandFailed
from alliance_desktop.cli.text_tables import counted
from alliance_desktop.domain.passphrase import check_new_passphrase, normalise_passphrase
from alliance_desktop.domain.vault_errors import VaultAlreadyExists, VaultError, VaultMissing
from alliance_desktop.services.safekeeping import restore_vault
from alliance_desktop.services.vault_check import check_vault_file
from alliance_desktop.services.vault_locations import DEMO_PASSPHRASE

if TYPE_CHECKING:
    pass


def vault_create(args: argparse.Namespace) -> int:
    path: Path = args.vault
    if path.exists():
        raise VaultAlreadyExists(path)
    from alliance_desktop.services.practice import Practice

    Practice.create(path, new_passphrase(args, path)).close()
    print(f"Created an empty vault at {path} (only you can read the file).")
    print("Keep the passphrase safe: without it nobody, not even you, can open these records.")
    return 0


def vault_check(args: argparse.Namespace) -> int:
    """Only reads: the vault, its -wal and -shm are left byte for byte as they were."""
    path: Path = args.vault
    if not path.exists():
        raise VaultMissing(path)
    health, _ = with_passphrase(args, path, lambda typed: check_vault_file(path, typed))
    if health.problems:
        raise CommandFailed(
            f"{health.path} failed its check: {'; '.join(health.problems)}. "
            "Nothing was changed: the vault and its log were only read."
        )
    print(
        f"ok: {health.path} — schema {health.schema_version}, "
        f"{counted(health.client_count, 'client')}, integrity check passed"
    )
    return 0


def vault_passwd(args: argparse.Namespace) -> int:
    path: Path = args.vault
    if not path.exists():
        raise VaultMissing(path)
    require_new_passphrase_source()  # before asking for the current one
    with unlocked_practice(args) as (practice, current):
        new, confirmation = replacement_passphrase(path)
        check_new_passphrase(new, confirmation)  # a mismatch is said before any backup is made
        if normalise_passphrase(new) == normalise_passphrase(current):
            raise CommandFailed("The new passphrase is the current one; nothing was changed.")
        folder = practice.safekeeping.backup_folder()
        try:
            backup = practice.safekeeping.change_passphrase(current, new, confirmation)
        except VaultError as error:
            raise CommandFailed(f"{error} The backup taken just before is in {folder}.") from None
    print(f"Changed the passphrase of {path}: the new one opens it, the old one no longer does.")
    print(f"Backup taken just before the change: {backup} (it opens with the OLD passphrase).")
    return 0


def vault_backup(args: argparse.Namespace) -> int:
    target: Path = args.out
    if target.exists() or target.is_symlink():  # said before unlocking
        raise CommandFailed(f"{target} already exists; choose a new file name for the backup.")
    with opened_practice(args) as practice:
        written = practice.safekeeping.back_up(target)
    print(
        f"Wrote an encrypted backup of {args.vault} to {written} "
        "(only you can read the file; it opens with the vault's current passphrase)."
    )
    return 0


def vault_restore(args: argparse.Namespace) -> int:
    path: Path = args.vault
    backup: Path = args.backup_file
    if not backup.is_file():  # said before asking for the passphrase
        raise CommandFailed(f"There is no backup at {backup}.")
    replaced, _ = with_passphrase(args, backup, lambda typed: restore_vault(path, backup, typed))
    kept = f"the vault it replaced is kept at {replaced}" if replaced else "no vault was there"
    print(f"Restored {path} from {backup} (checked first); {kept}.")
    logs = [f"{replaced}{suffix}" for suffix in ("-wal", "-shm")] if replaced else []
    moved = [log for log in logs if Path(log).exists()]
    if moved:
        print(
            f"Its journal went with it, never merged into the restored vault: {', '.join(moved)}."
        )
    return 0


def demo(args: argparse.Namespace) -> int:
    from alliance_desktop.demo import create_demo_vault

    path: Path = args.vault
    if path.exists():
        raise VaultAlreadyExists(path)
    given = given_passphrase(args)
    summary = create_demo_vault(path, given or DEMO_PASSPHRASE, args.size, args.seed)
    print(
        f"Created a {summary.size} demo practice at {path}: "
        f"{counted(summary.clients, 'fictional client')} ({summary.archived} archived), "
        f"{counted(summary.sessions, 'session')}, {counted(summary.goals, 'goal')}, "
        f"{counted(summary.ruptures, 'rupture entry', 'rupture entries')}, "
        f"seed {summary.seed}."
    )
    print(f"Passphrase: {DEMO_PASSPHRASE}" if given is None else "Passphrase: the one you gave")
    return 0
