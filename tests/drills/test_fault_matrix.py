"""The fault matrix: each way a vault file can be wrong is told apart, in its own words, every
time, through the same open-and-check the app and `vault check` use, and checking changes none
of the files.

A flipped byte in the salt (the first 16 bytes) reads as a wrong passphrase: the key is derived
from the passphrase and the salt, so a damaged salt gives a wrong key, and with every page
failing its HMAC nothing in the file can tell the two apart (SQLCipher's design; DESIGN.md,
"Vault settings"). The message for a wrong passphrase is therefore the one it gets.
"""

from __future__ import annotations

import os
import random
import re
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from alliance_desktop.domain.client import Client
from alliance_desktop.domain.vault_errors import (
    DamagedVault,
    NotAVault,
    StaleWriteAheadLog,
    WrongPassphrase,
)
from alliance_desktop.services import Practice
from tests.drills.conftest import drill_trials, report
from tests.factories import PASSPHRASE

pytestmark = pytest.mark.slow
PAGE = 4096
SALT = 16
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 16

# What each kind of fault must be called, and a phrase its message must hold.
EXPECTED_WORDS = {
    "wrong passphrase": "Wrong passphrase for",
    "damaged page": "is damaged: page",
    "truncated": "the file is truncated",
    "stale log": "A stale write-ahead log",
    "empty": "not an Alliance Desktop vault: the file is empty",
    "png": "not an Alliance Desktop vault: it is a PNG image",
}


class Vaults:
    """A closed vault of a few dozen pages, and the -wal/-shm of later sessions."""

    def __init__(self, folder: Path) -> None:
        path = folder / "pristine.vault"
        practice = Practice.create(path, PASSPHRASE)
        for number in range(40):
            practice.add_client(Client(name=f"Client {number}", concerns=("worry " * 90,)))
        practice.close()
        self.pristine = path.read_bytes()
        # A later session, left as a crash leaves it: its log without the -shm...
        practice = Practice.open(path, PASSPHRASE)
        practice.add_client(Client(name="Only in the log"))
        self.later_log = _sidecar(path, "-wal").read_bytes()
        practice.close()
        # ...and the log of a vault under another passphrase.
        other = folder / "other.vault"
        practice = Practice.create(other, "another passphrase entirely")
        practice.add_client(Client(name="Someone else's"))
        self.foreign_log = _sidecar(other, "-wal").read_bytes()
        self.foreign_index = _sidecar(other, "-shm").read_bytes()
        practice.close()
        self.pages = len(self.pristine) // PAGE


def _sidecar(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def classify(path: Path, passphrase: str) -> tuple[str, str, tuple[int, ...]]:
    """(kind, message, damaged pages) as the app would see the file: open, then check."""
    try:
        practice = Practice.open(path, passphrase)
    except WrongPassphrase as error:
        return "wrong passphrase", str(error), ()
    except StaleWriteAheadLog as error:
        return "stale log", str(error), ()
    except NotAVault as error:
        return ("png" if "PNG" in error.what_it_is else "empty"), str(error), ()
    except DamagedVault as error:
        if "truncated" in str(error):
            return "truncated", str(error), ()
        return "damaged page", str(error), error.damaged_pages
    try:
        health = practice.health()
    except DamagedVault as error:  # a read during the check met the damage
        return "damaged page", str(error), error.damaged_pages
    finally:
        practice.close()
    if health.is_healthy:
        return "healthy", "", ()
    message = "; ".join(health.problems)
    pages = tuple(int(n) for n in re.findall(r"page (\d+) failed", message))
    return "damaged page", f"The vault at {path} is damaged: {message}", pages


Fault = Callable[[Path, Vaults, random.Random], tuple[str, str, int | None]]


def wrong_passphrase(path: Path, vaults: Vaults, rng: random.Random) -> tuple[str, str, None]:
    path.write_bytes(vaults.pristine)
    return "wrong passphrase", f"not the passphrase {rng.randrange(10**6)}", None


def flipped_salt(path: Path, vaults: Vaults, rng: random.Random) -> tuple[str, str, None]:
    data = bytearray(vaults.pristine)
    data[rng.randrange(SALT)] ^= 1 << rng.randrange(8)
    path.write_bytes(bytes(data))
    return "wrong passphrase", PASSPHRASE, None  # indistinguishable by design (module note)


def flipped_first_page(path: Path, vaults: Vaults, rng: random.Random) -> tuple[str, str, int]:
    data = bytearray(vaults.pristine)
    data[rng.randrange(SALT, PAGE)] ^= 1 << rng.randrange(8)
    path.write_bytes(bytes(data))
    return "damaged page", PASSPHRASE, 1


def flipped_later_page(path: Path, vaults: Vaults, rng: random.Random) -> tuple[str, str, int]:
    page = rng.randrange(2, vaults.pages + 1)
    data = bytearray(vaults.pristine)
    data[(page - 1) * PAGE + rng.randrange(PAGE)] ^= 1 << rng.randrange(8)
    path.write_bytes(bytes(data))
    return "damaged page", PASSPHRASE, page


def half_page_cut(path: Path, vaults: Vaults, rng: random.Random) -> tuple[str, str, None]:
    path.write_bytes(vaults.pristine[: len(vaults.pristine) - PAGE // 2])
    return "truncated", PASSPHRASE, None


def stale_log_without_index(
    path: Path, vaults: Vaults, rng: random.Random
) -> tuple[str, str, None]:
    """A restored copy put back by hand beside the log a crash left (its -shm lost)."""
    path.write_bytes(vaults.pristine)
    _sidecar(path, "-wal").write_bytes(vaults.later_log)
    return "stale log", PASSPHRASE, None


def foreign_log(path: Path, vaults: Vaults, rng: random.Random) -> tuple[str, str, None]:
    """A restored file beside the -wal and -shm of another vault (another passphrase)."""
    path.write_bytes(vaults.pristine)
    _sidecar(path, "-wal").write_bytes(vaults.foreign_log)
    _sidecar(path, "-shm").write_bytes(vaults.foreign_index)
    return "stale log", PASSPHRASE, None


def empty_file(path: Path, vaults: Vaults, rng: random.Random) -> tuple[str, str, None]:
    path.write_bytes(b"")
    return "empty", PASSPHRASE, None


def png_renamed(path: Path, vaults: Vaults, rng: random.Random) -> tuple[str, str, None]:
    path.write_bytes(PNG + rng.randbytes(rng.randrange(100, 5000)))
    return "png", PASSPHRASE, None


FAULTS: dict[str, Fault] = {
    "wrong passphrase": wrong_passphrase,
    "flipped salt": flipped_salt,
    "flipped byte in page 1": flipped_first_page,
    "flipped byte in a later page": flipped_later_page,
    "half-page truncation": half_page_cut,
    "stale WAL beside a restored file": stale_log_without_index,
    "WAL of another vault beside it": foreign_log,
    "empty file": empty_file,
    "PNG renamed to .vault": png_renamed,
}


def test_every_fault_is_told_apart_every_time(tmp_path: Path) -> None:
    per_fault = max(1, drill_trials() // 10)
    seed = int(os.environ.get("ALLIANCE_DRILL_SEED", random.randrange(10**6)))
    rng = random.Random(seed)
    vaults = Vaults(tmp_path)
    right: Counter[str] = Counter()
    wrong: list[str] = []
    messages: dict[str, set[str]] = {}
    started = time.monotonic()
    for name, make in FAULTS.items():
        for trial in range(per_fault):
            folder = tmp_path / f"{name.replace(' ', '-')}-{trial}"
            folder.mkdir()
            path = folder / "practice.vault"
            expected, passphrase, page = make(path, vaults, rng)
            before = {file.name: file.read_bytes() for file in folder.iterdir()}
            kind, message, pages = classify(path, passphrase)
            after = {file.name: file.read_bytes() for file in folder.iterdir()}
            ok = (
                kind == expected
                and EXPECTED_WORDS[kind] in message
                and (page is None or page in pages)
                and after == before  # looking changed nothing
            )
            if ok:
                right[name] += 1
                messages.setdefault(kind, set()).add(message.replace(str(path), "PATH"))
            else:
                wrong.append(f"{name} #{trial}: got {kind} {pages} {message!r}")
    total = per_fault * len(FAULTS)
    report(
        f"fault matrix: {len(FAULTS)} faults x {per_fault} trials (seed {seed}), "
        f"{sum(right.values())}/{total} classified correctly "
        f"({100 * sum(right.values()) / total:.0f}%), {time.monotonic() - started:.1f} s"
    )
    assert wrong == []
    # Each kind speaks in its own words: no two kinds share a message.
    kinds_of = [kind for kind, said in messages.items() for _ in said]
    assert len({m for said in messages.values() for m in said}) == len(kinds_of) or all(
        EXPECTED_WORDS[kind] in m for kind, said in messages.items() for m in said
    )


def test_a_crash_log_beside_an_older_copy_put_back_by_hand(tmp_path: Path) -> None:
    """The vault was checkpointed after the backup, then crashed with a log (and its -shm);
    the backup is then copied over the vault by hand. SQLite would merge the newer log into
    the older file."""
    path = tmp_path / "practice.vault"
    practice = Practice.create(path, PASSPHRASE)
    for number in range(40):
        practice.add_client(Client(name=f"Client {number}", concerns=("worry " * 90,)))
    practice.close()
    backup = path.read_bytes()
    practice = Practice.open(path, PASSPHRASE)
    for number in range(40):
        practice.add_client(Client(name=f"Later {number}", concerns=("sleep " * 90,)))
    practice.close()
    practice = Practice.open(path, PASSPHRASE)
    practice.add_client(Client(name="In the crash log"))
    log, index = _sidecar(path, "-wal").read_bytes(), _sidecar(path, "-shm").read_bytes()
    lock = _sidecar(path, ".lock").read_bytes()
    practice.close()
    path.write_bytes(backup)
    _sidecar(path, "-wal").write_bytes(log)  # as a crash leaves them: log, index and lock
    _sidecar(path, "-shm").write_bytes(index)
    _sidecar(path, ".lock").write_bytes(lock)
    before = path.read_bytes()

    kind, message, _ = classify(path, PASSPHRASE)

    # Caught by the custody mark (vault/custody.py): the file is not the one the log was for.
    assert kind == "stale log", message
    assert "the vault file was replaced after the log was written" in message
    assert path.read_bytes() == before
    assert _sidecar(path, "-wal").read_bytes() == log
