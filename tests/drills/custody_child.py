"""Children for the custody drills (test_custody_drills.py), each printing what it confirmed:

backup PATH OUT       back up PATH into OUT again and again (`backup N` after each)
restore PATH BACKUP   restore BACKUP over PATH again and again (`restored N` after each)
hold PATH             open PATH and save clients until killed (`client ID` after each commit)
fullrestore MOUNT N   on a small disk at MOUNT: N failed restores on a full disk (JSON line)
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sys
from pathlib import Path

from alliance_desktop.domain.client import Client
from alliance_desktop.domain.vault_errors import VaultError
from alliance_desktop.services import Practice
from alliance_desktop.services.safekeeping import restore_vault
from tests.drills.disk_full_child import fill
from tests.factories import PASSPHRASE


def backups(path: Path, out: Path) -> None:
    practice = Practice.open(path, PASSPHRASE)
    print("ready", flush=True)
    for number in range(10**6):
        target = out / f"copy-{number}.vault-backup"
        practice.safekeeping.back_up(target)
        print(f"backup {number}", flush=True)


def restores(path: Path, backup: Path) -> None:
    print("ready", flush=True)
    for number in range(10**6):
        restore_vault(path, backup, PASSPHRASE, lambda n=number: _stamp(n))
        print(f"restored {number}", flush=True)


def hold(path: Path) -> None:
    practice = Practice.open(path, PASSPHRASE)
    print("ready", flush=True)
    for number in range(10**6):
        client = practice.add_client(Client(name=f"Held {number}", concerns=("z" * 300,)))
        print(f"client {client.id}", flush=True)


def full_restores(mount: Path, trials: int) -> None:
    """Committed records in the -wal, a full disk, a restore: nothing may be stranded."""
    stranded, refused, completed = 0, 0, 0
    details = []
    for trial in range(trials):
        folder = mount / f"trial-{trial}"
        folder.mkdir()
        path = folder / "practice.vault"
        practice = Practice.create(path, PASSPHRASE)
        backup = practice.safekeeping.back_up(folder / "copy.vault-backup")
        committed = {
            practice.add_client(Client(name=f"After {n}", concerns=("w" * 3000,))).id
            for n in range(5 + trial % 7)
        }
        # As a crash leaves it: the commits only in the -wal, the lock and its marks beside.
        crash = folder / "crash"
        crash.mkdir()
        for suffix in ("", "-wal", "-shm", ".lock"):
            shutil.copyfile(f"{path}{suffix}", crash / f"practice.vault{suffix}")
        practice.close()
        for file in folder.glob("practice.vault*"):
            file.unlink()
        filler = fill(mount)
        os.truncate(filler, max(0, filler.stat().st_size - (trial % 4) * 8192))
        target = crash / "practice.vault"
        before = {s: Path(f"{target}{s}").read_bytes() for s in ("", "-wal", "-shm")}
        try:
            restore_vault(target, backup, PASSPHRASE, lambda t=trial: _stamp(t))
            completed += 1
            kept = sorted(crash.glob("practice.vault.replaced-*"))
            where = next(p for p in kept if p.name.count("-") == 2)
        except VaultError as error:
            refused += 1
            after = {s: Path(f"{target}{s}").read_bytes() for s in ("", "-wal", "-shm")}
            details.append(str(error)[:120])
            if after != before:
                stranded += 1
            where = target
        filler.unlink()
        reopened = Practice.open(where, PASSPHRASE)
        present = {summary.id for summary in reopened.client_summaries()}
        reopened.close()
        if not committed <= present:
            stranded += 1
        shutil.rmtree(folder)
    print(
        json.dumps(
            {
                "trials": trials,
                "stranded": stranded,
                "refused": refused,
                "completed": completed,
                "said": sorted(set(details))[:3],
            }
        ),
        flush=True,
    )


def _stamp(number: int) -> dt.datetime:
    return dt.datetime(2026, 3, 14, 9, 30, tzinfo=dt.UTC) + dt.timedelta(seconds=number)


if __name__ == "__main__":
    mode, first, second = sys.argv[1], Path(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else ""
    if mode == "backup":
        backups(first, Path(second))
    elif mode == "restore":
        restores(first, Path(second))
    elif mode == "hold":
        hold(first)
    elif mode == "fullrestore":
        full_restores(first, int(second))
