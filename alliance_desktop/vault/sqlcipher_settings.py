"""How every SQLCipher connection is keyed and tuned (see DESIGN.md, "Vault settings")."""

from __future__ import annotations

import threading
from pathlib import Path

import sqlcipher3

from alliance_desktop.domain.custody_errors import WrongPassphraseForm
from alliance_desktop.domain.passphrase import is_raw_key_form, normalise_passphrase

BUSY_TIMEOUT_MS = 5000

_process_settings_done = False
_process_settings_lock = threading.Lock()


def apply_process_settings() -> None:
    """Process-wide SQLCipher settings, applied once before any key is used."""
    global _process_settings_done
    with _process_settings_lock:
        if _process_settings_done:
            return
        scratch = sqlcipher3.connect(":memory:")
        try:
            # A wrong key otherwise prints HMAC errors straight onto the user's terminal.
            scratch.execute("PRAGMA cipher_log_level = NONE")
            # Lock and wipe key material and page buffers (never swapped to disk). Reads cost
            # about 5% more; bulk inserts about 8x more (each IN-list CHECK allocates per row),
            # which one-at-a-time clinical writes never notice.
            scratch.execute("PRAGMA cipher_memory_security = ON")
        finally:
            scratch.close()
        _process_settings_done = True


def connect(
    path: Path, *, read_only: bool = False, immutable: bool = False
) -> sqlcipher3.Connection:
    """An unkeyed connection in autocommit mode: transactions are always explicit.

    `immutable` reads the file alone: SQLite ignores any -wal/-shm beside it, takes no locks
    and writes nothing (used to check a vault without changing a byte of it or its log).
    """
    apply_process_settings()
    if read_only or immutable:
        uri = f"{path.resolve().as_uri()}?{'immutable=1' if immutable else 'mode=ro'}"
        return sqlcipher3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    # check_same_thread is off because the UI hands the connection to its single database
    # worker thread; only one thread ever uses it at a time.
    return sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)


def apply_key(connection: sqlcipher3.Connection, passphrase: str) -> None:
    """Key the connection; must come before any other statement touches the file."""
    normalised = normalise_passphrase(passphrase)
    if is_raw_key_form(normalised) or "\x00" in normalised:
        # SQLCipher would take x'…' as raw key bytes, and a NUL would cut the key short.
        raise WrongPassphraseForm()
    # PRAGMA takes no bound parameters, so the passphrase is quoted as an SQL string literal.
    literal = normalised.replace("'", "''")
    connection.execute(f"PRAGMA key = '{literal}'")


def apply_connection_settings(connection: sqlcipher3.Connection) -> None:
    """Per-connection settings, run right after the first successful read."""
    version = connection.execute("PRAGMA cipher_version").fetchone()
    # An empty answer would mean plain SQLite was loaded and nothing would be encrypted.
    if not version or not version[0]:
        raise RuntimeError("SQLCipher is not active: refusing to store records unencrypted")
    # Temporary tables and sort spills stay in RAM: a file temp store wrote plaintext to /var/tmp.
    connection.execute("PRAGMA temp_store = MEMORY")
    if connection.execute("PRAGMA temp_store").fetchone()[0] != 2:
        raise RuntimeError("could not keep SQLCipher temporary data in memory")
    # WAL: a crash mid-write leaves the last committed state, and readers never block the writer.
    connection.execute("PRAGMA journal_mode = WAL")
    # FULL: a commit the user saw succeed survives a power cut, not only an app crash.
    connection.execute("PRAGMA synchronous = FULL")
    # The schema's references are rules, not decoration.
    connection.execute("PRAGMA foreign_keys = ON")
    # Deleted text is overwritten, not left readable in free pages.
    connection.execute("PRAGMA secure_delete = ON")
    # Wait briefly for another connection (a backup, a check) instead of failing at once.
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
