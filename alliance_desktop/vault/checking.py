"""`vault check`: looking at a vault without changing a byte of it, its -wal or its -shm.

SQLite changes files just by opening them read-write (it merges a log, folds it in at close),
and even a read-only open may build an index. So the check opens the vault file alone with
`immutable` (SQLite then ignores the log, takes no locks and writes nothing). When a log that
provably belongs to the vault lies beside it (a crash's unsaved-to-file changes), the vault and
its log are copied into a private temporary folder and the copy is opened and checked there,
so the check sees what the next opening will see. A log that does not belong is reported, and
the vault file is checked alone. While the check runs it holds a shared lock, so no window can
start writing; a window already writing makes it refuse in words.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3

from alliance_desktop.domain.vault_errors import DamagedVault, StaleWriteAheadLog, VaultMissing
from alliance_desktop.vault.audit_chain import (
    Anchor,
    Row,
    audit_key,
    compare_with_anchor,
    first_broken,
    inner_anchor,
    read_anchor,
    read_rows,
)
from alliance_desktop.vault.client_repository import ClientRepository
from alliance_desktop.vault.connection import Vault, _diagnosed, _is_damage, system_clock
from alliance_desktop.vault.custody import foreign_log_reason
from alliance_desktop.vault.diagnosis import (
    check_file_shape,
    damaged_pages,
    diagnose_unreadable,
    sidecar,
    unmerged_log,
)
from alliance_desktop.vault.schema import latest_schema_version
from alliance_desktop.vault.sqlcipher_settings import apply_key, connect
from alliance_desktop.vault.vault_lock import held_for_reading


@dataclass(frozen=True)
class CheckFindings:
    path: Path
    schema_version: int
    client_count: int
    problems: tuple[str, ...]
    log_replayed: bool  # a crash's log was checked too (on a copy)


def check_vault(path: Path, passphrase: str) -> CheckFindings:
    """Check the vault at `path` for damage, a foreign log and audit-trail tampering. Raises
    WrongPassphrase, NotAVault, DamagedVault (unreadable) or VaultInUse; writes nothing."""
    path = Path(path)
    if not path.is_file():
        raise VaultMissing(path)
    check_file_shape(path)
    with held_for_reading(path, action="check it"):
        problems: list[str] = []
        reason = foreign_log_reason(path, passphrase)
        if reason is not None:
            raise StaleWriteAheadLog(path, sidecar(path, "-wal"), reason)
        if unmerged_log(path) is not None:
            with tempfile.TemporaryDirectory(prefix="alliance-check-") as folder:
                copy = Path(folder) / path.name
                for suffix in ("", "-wal"):
                    shutil.copyfile(sidecar(path, suffix), sidecar(copy, suffix))
                found = _examined(copy, passphrase, immutable=False, shown=path)
            return CheckFindings(path, found[0], found[1], tuple(problems + found[2]), True)
        found = _examined(path, passphrase, immutable=True, shown=path)
        return CheckFindings(path, found[0], found[1], tuple(problems + found[2]), False)


def _examined(
    path: Path, passphrase: str, *, immutable: bool, shown: Path
) -> tuple[int, int, list[str]]:
    """(schema, clients, problems) of the file at `path`; messages name `shown` (the vault,
    not its temporary copy), and unreadable files are diagnosed there, read-only."""
    connection = connect(path, immutable=immutable)
    try:
        apply_key(connection, passphrase)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as error:
            if _is_damage(error):
                raise _diagnosed(shown, passphrase, error) from None
            raise diagnose_unreadable(shown, passphrase) from None
        vault = Vault(shown, connection, system_clock)
        version = vault.schema_version
        pages = damaged_pages(connection)
        if pages:
            named = ", ".join(map(str, pages[:10]))
            raise DamagedVault(shown, f"page(s) {named} failed their integrity check", tuple(pages))
        problems = vault.integrity_problems()
        if version > latest_schema_version():
            problems.append(
                f"it was written by a newer version of Alliance Desktop (schema {version})"
            )
            return version, 0, problems
        key = audit_key(connection)
        rows = read_rows(connection)
        broken = first_broken(rows, key)
        if broken is not None:
            problems.append(f"the audit trail was altered at row {broken}")
        elif key is not None:
            problems += _anchor_problems(shown, rows, key, connection)
        try:
            clients = ClientRepository(vault).count()
        except Exception:  # a damaged table is already named among the problems
            clients = 0
        return version, clients, problems
    finally:
        connection.close()


def _anchor_problems(
    path: Path, rows: list[Row], key: bytes, connection: sqlcipher3.Connection
) -> list[str]:
    """Truncation or rewriting relative to the anchor beside the file and the one inside."""
    problems: list[str] = []
    beside = read_anchor(path, key)
    if isinstance(beside, str):
        problems.append(beside)
    for anchor in (beside, inner_anchor(connection)):
        if isinstance(anchor, Anchor):
            found = compare_with_anchor(rows, anchor)
            if found is not None and found not in problems:
                problems.append(found)
    return problems
