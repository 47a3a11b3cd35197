"""`continuity export` and `continuity import`: the custodian's package, made and opened.

Export prints the package password under a line starting `Continuity password` when it is new
(the first package, or after --renew-password); later packages reuse it, so the custodian's
sealed letter stays right. Import opens the package into a new vault at --vault: the package
password from ALLIANCE_HANDOVER_PASSWORD or asked, the new vault's passphrase from
ALLIANCE_PASSPHRASE / --passphrase-file or asked twice.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from alliance_desktop.cli.handover_options import HANDOVER_PASSWORD_ENV
from alliance_desktop.cli.passphrase import new_passphrase, opened_practice
from alliance_desktop.cli.running import CommandFailed
from alliance_desktop.cli.text_tables import counted
from alliance_desktop.domain.continuity import Custodian
from alliance_desktop.services import Practice
from alliance_desktop.services.continuity import open_package, verify_package

_NOTHING_IMPORTED = "Nothing was imported."


def continuity_export(args: argparse.Namespace) -> int:
    custodian = Custodian(args.custodian_name, args.custodian_contact)
    with opened_practice(args) as practice:
        result = practice.continuity.export(
            args.out,
            custodian,
            include_archived=args.all,
            renew_password=args.renew_password,
        )
    print(
        f"Wrote a continuity package of {counted(result.client_count, 'client')} for "
        f"{custodian.name.strip()} to {result.folder}"
    )
    if result.password_is_new:
        print()
        print("Continuity password (printed only this once; write it in the sealed letter):")
        print(f"    {result.password}")
        print(
            "Print the sealed letter from the app (File › Continuity package…), write the "
            "password on it by hand, seal it and give it to the custodian."
        )
    else:
        print("It opens with the password already in the custodian's sealed letter.")
    return 0


def continuity_import(args: argparse.Namespace) -> int:
    folder: Path = args.package
    vault: Path = args.vault
    if not folder.is_dir():
        raise CommandFailed(f"There is no continuity package at {folder}. {_NOTHING_IMPORTED}")
    if vault.exists():
        raise CommandFailed(
            f"{vault} already exists: a continuity package opens into a new vault. "
            f"{_NOTHING_IMPORTED}"
        )
    password = _package_password(folder)
    clients = verify_package(folder, password)
    if _is_interactive() and not args.yes:
        answer = input(f"Create {vault} with {counted(clients, 'client')}? [y/N] ")
        if answer.strip().lower() not in {"y", "yes"}:
            raise CommandFailed(f"You chose not to import. {_NOTHING_IMPORTED}")
    passphrase = new_passphrase(args, vault)
    opened = open_package(folder, password, vault, passphrase, Practice.create)
    print(
        f"Opened the continuity package held by {opened.custodian_name}: "
        f"{counted(opened.client_count, 'client')} in the new vault {opened.vault_path}."
    )
    return 0


def _package_password(folder: Path) -> str:
    given = os.environ.get(HANDOVER_PASSWORD_ENV)
    if given:
        return given
    if not _is_interactive():
        raise CommandFailed(
            f"No package password given: set {HANDOVER_PASSWORD_ENV} (or run the command in "
            f"a terminal to be asked). {_NOTHING_IMPORTED}"
        )
    return getpass.getpass(f"Continuity package password for {folder}: ")


def _is_interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()
