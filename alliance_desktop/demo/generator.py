"""Filling a practice with the demo records, and making a demo vault file safely."""

from __future__ import annotations

import os
import random
from dataclasses import dataclass
from pathlib import Path

from alliance_desktop.demo.clients import demo_clients, demo_profile
from alliance_desktop.domain.vault_errors import VaultAlreadyExists
from alliance_desktop.services.practice import Practice

DEMO_SIZES: dict[str, int] = {"small": 12, "large": 300}
DEFAULT_SEED = 7


@dataclass(frozen=True)
class DemoSummary:
    size: str
    seed: int
    clients: int
    archived: int


def generate_demo_practice(
    practice: Practice, size: str = "small", seed: int = DEFAULT_SEED
) -> DemoSummary:
    """Fill an empty practice with fictional records."""
    if size not in DEMO_SIZES:
        raise ValueError(f"Unknown demo size {size!r}; choose one of {', '.join(DEMO_SIZES)}.")
    rng = random.Random(seed)
    practice.save_profile(demo_profile())
    saved = [
        practice.add_client(client)
        for client in demo_clients(rng, DEMO_SIZES[size], practice.today())
    ]
    return DemoSummary(
        size=size,
        seed=seed,
        clients=len(saved),
        archived=sum(1 for client in saved if client.is_archived),
    )


def create_demo_vault(
    path: Path,
    passphrase: str,
    size: str = "small",
    seed: int = DEFAULT_SEED,
) -> DemoSummary:
    """Make a new vault holding a demo practice; never touches an existing file.

    The vault is built under a temporary name and moved into place when complete, so an
    interrupted run never leaves a half-filled demo behind.
    """
    path = Path(path)
    if path.exists():
        raise VaultAlreadyExists(path)
    partial = path.with_name(path.name + ".demo-partial")
    for leftover in (partial, *_sidecars(partial)):
        leftover.unlink(missing_ok=True)
    practice = Practice.create(partial, passphrase)
    try:
        summary = generate_demo_practice(practice, size, seed)
    except BaseException:
        practice.close()
        for leftover in (partial, *_sidecars(partial)):
            leftover.unlink(missing_ok=True)
        raise
    practice.close()
    if path.exists():
        partial.unlink()
        raise VaultAlreadyExists(path)
    os.replace(partial, path)
    return summary


def ensure_demo_vault(
    path: Path, passphrase: str, size: str = "small", seed: int = DEFAULT_SEED
) -> bool:
    """Create the demo vault unless it is already there; True when it was created now."""
    if Path(path).exists():
        return False
    create_demo_vault(path, passphrase, size, seed)
    return True


def _sidecars(path: Path) -> tuple[Path, Path]:
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")
