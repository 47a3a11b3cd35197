"""`vault create`, `vault check` and `demo`."""

from __future__ import annotations

import argparse
from pathlib import Path

from alliance_desktop import __version__
from alliance_desktop.cli.passphrase import given_passphrase, new_passphrase, opened_practice
from alliance_desktop.cli.running import CommandFailed
from alliance_desktop.cli.text_tables import counted
from alliance_desktop.demo import create_demo_vault
from alliance_desktop.domain.vault_errors import VaultAlreadyExists
from alliance_desktop.services.practice import Practice
from alliance_desktop.services.vault_locations import DEMO_PASSPHRASE


def vault_create(args: argparse.Namespace) -> int:
    path: Path = args.vault
    if path.exists():
        raise VaultAlreadyExists(path)
    Practice.create(path, new_passphrase(args, path)).close()
    print(f"Created an empty vault at {path} (only you can read the file).")
    print("Keep the passphrase safe: without it nobody, not even you, can open these records.")
    return 0


def vault_check(args: argparse.Namespace) -> int:
    with opened_practice(args) as practice:
        health = practice.health()
    if health.problems:
        raise CommandFailed(f"{health.path} failed its check: {'; '.join(health.problems)}.")
    print(
        f"ok: {health.path} — schema {health.schema_version}, "
        f"{counted(health.client_count, 'client')}, integrity check passed"
    )
    return 0


def demo(args: argparse.Namespace) -> int:
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


def not_available(name: str, args: argparse.Namespace) -> int:
    raise CommandFailed(f"'{name}' is not available yet in this version ({__version__}).")
