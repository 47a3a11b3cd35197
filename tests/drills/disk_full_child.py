"""The disk-full drill, run inside its own mount namespace (see test_disk_full.py) on a small
tmpfs mounted at argv[1]: fill the disk, write until a write fails, then check what is left.
Prints one JSON object."""

from __future__ import annotations

import errno
import json
import os
import sys
from pathlib import Path

from alliance_desktop.domain.client import Client
from alliance_desktop.domain.vault_errors import VaultError, VaultWriteFailed
from alliance_desktop.services import Practice
from tests.factories import PASSPHRASE


def fill(folder: Path) -> Path:
    """A file taking every free byte of the disk."""
    filler = folder / "filler"
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (1 << 16, 4096, 512, 1):
            while True:
                try:
                    if os.write(descriptor, b"\0" * size) < size:
                        break
                except OSError as error:
                    if error.errno != errno.ENOSPC:
                        raise
                    break
    finally:
        os.close(descriptor)
    return filler


def main(mount: Path) -> None:
    path = mount / "practice.vault"
    result: dict[str, object] = {}
    practice = Practice.create(path, PASSPHRASE)
    committed = [
        practice.add_client(Client(name=f"Before {n}", concerns=("x" * 2000,))).id
        for n in range(20)
    ]
    filler = fill(mount)
    # Give a little room back: some writes succeed, then one fails part-way.
    os.truncate(filler, max(0, filler.stat().st_size - 256 * 1024))
    failure: VaultError | None = None
    for attempt in range(2000):
        try:
            saved = practice.add_client(Client(name=f"Squeezed {attempt}", concerns=("y" * 20000,)))
        except VaultError as error:
            failure = error
            break
        committed.append(saved.id)
    result["failure_type"] = type(failure).__name__ if failure else None
    result["failure"] = str(failure) if failure else None
    result["write_failed"] = isinstance(failure, VaultWriteFailed)
    result["committed"] = len(committed)
    try:
        result["readable_while_full"] = practice.client_count()
    except VaultError as error:
        result["readable_while_full"] = f"{type(error).__name__}: {error}"
    try:
        practice.close()
        result["close"] = "ok"
    except Exception as error:  # the checkpoint at close may need space too
        result["close"] = f"{type(error).__name__} ({error})"
    try:
        reopened = Practice.open(path, PASSPHRASE)
        result["opens_while_full"] = f"opens with {reopened.client_count()} clients"
        try:
            reopened.close()
        except VaultError as error:
            result["opens_while_full"] += f", closing says {type(error).__name__}"
    except Exception as error:
        result["opens_while_full"] = f"{type(error).__name__}: {error}"
    filler.unlink()  # the clinician frees some space
    reopened = Practice.open(path, PASSPHRASE)
    try:
        health = reopened.health()
        present = {summary.id for summary in reopened.client_summaries()}
        result["healthy"] = health.is_healthy
        result["problems"] = list(health.problems)
        result["lost"] = sorted(set(committed) - present)
        result["extra"] = sorted(present - set(committed))
    finally:
        reopened.close()
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
