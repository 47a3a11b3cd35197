"""Changing a vault's passphrase, proven: afterwards the new one opens it and the old one not.

SQLCipher's `PRAGMA rekey` can answer "ok" and change nothing while another connection reads,
so success is never taken from its answer; it is checked by opening the file again.
"""

from __future__ import annotations

from pathlib import Path

import sqlcipher3

from alliance_desktop.domain.passphrase import check_new_passphrase, normalise_passphrase
from alliance_desktop.domain.vault_errors import VaultError, WrongPassphrase
from alliance_desktop.vault.audit_trail import record_change
from alliance_desktop.vault.connection import Vault
from alliance_desktop.vault.custody import hold_checkpoints
from alliance_desktop.vault.sqlcipher_settings import (
    apply_connection_settings,
    apply_key,
    connect,
)


def change_passphrase(
    vault: Vault, current: str, new: str, confirmation: str | None = None
) -> None:
    """Rekey the open vault; afterwards it is open again under the new passphrase."""
    new = check_new_passphrase(new, confirmation)
    if not opens_with(vault.path, current):
        raise WrongPassphrase(vault.path)
    if normalise_passphrase(current) == new:
        raise VaultError("The new passphrase is the same as the current one.")
    connection = vault.connection
    if vault.release_log_salts is not None:
        vault.release_log_salts()
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    literal = new.replace("'", "''")
    connection.execute(f"PRAGMA rekey = '{literal}'").fetchall()
    vault.close_keeping_lock()  # no other window may open it between the rekey and the proof
    new_opens, old_opens = opens_with(vault.path, new), opens_with(vault.path, current)
    if old_opens or not new_opens:
        if old_opens:
            _reconnect(vault, current)
        raise VaultError(
            "The passphrase could not be changed (another program may be reading the vault). "
            "Close other copies of Alliance Desktop and try again; the old passphrase still "
            "works."
            if old_opens
            else "The passphrase change failed and the vault no longer opens; restore the "
            "backup taken just before the change."
        )
    _reconnect(vault, new)
    problems = vault.integrity_problems()
    if problems:
        raise VaultError(f"After changing the passphrase the vault check failed: {problems[0]}.")
    now = vault.clock()
    with vault.transaction() as tx:
        record_change(tx, now, "vault.passphrase_changed", "vault", None)


def opens_with(path: Path, passphrase: str) -> bool:
    """Whether the vault file opens with this passphrase (checked on a separate read)."""
    probe = connect(path, read_only=True)
    try:
        apply_key(probe, passphrase)
        probe.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher3.DatabaseError:
        return False
    finally:
        probe.close()


def _reconnect(vault: Vault, passphrase: str) -> None:
    connection = connect(vault.path)
    try:
        apply_key(connection, passphrase)
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        apply_connection_settings(connection)
        hold_checkpoints(connection)
    except BaseException:
        connection.close()
        raise
    vault.replace_connection(connection)
    if vault.restamp is not None:
        vault.restamp()  # the rekey rewrote every page: a new mark and log for the new key
