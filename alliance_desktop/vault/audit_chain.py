"""The audit trail's chain: keyed, and anchored outside the table.

Each row's hash is an HMAC-SHA256 over the previous row's hash and the row's content, keyed by
a key derived from a random secret kept inside the encrypted vault (table `vault_custody`), so
rows cannot be recomputed by anyone who does not hold the vault's key. Schemas 6-8 chained with
plain SHA-256; at the first opening on schema 9 that chain is verified and, if intact, every
row (the unchained ones from before schema 6 too) is re-chained with the HMAC in one
transaction. From then on a NULL hash anywhere is a break.

Deleting the last rows or rewriting the whole chain keeps a chain that verifies; the *anchor*
catches that: the count of rows and the head hash, signed with the same key, written beside the
vault (`<vault>.anchor`, 0600, nothing clinical) at every close, and carried inside every backup
(its `vault_custody` row, set on the copy only, so a restored vault carries the anchor of the
moment it was copied). `vault check` compares the chain with both anchors and names a truncation
or a rewrite relative to them.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3

CHAIN_START = "0" * 64
_KEY_LABEL = b"alliance-desktop audit chain v1"
_ANCHOR_LABEL = b"alliance-desktop audit anchor v1"


def audit_key(connection: sqlcipher3.Connection) -> bytes | None:
    """The chain's HMAC key, or None while the chain is still the unkeyed one (before 9)."""
    try:
        row = connection.execute(
            "SELECT audit_secret, audit_keyed FROM vault_custody WHERE id = 1"
        ).fetchone()
    except sqlcipher3.OperationalError:
        return None  # no custody table yet: migrating from before schema 9
    if row is None or not row[1]:
        return None
    return hmac.new(bytes(row[0]), _KEY_LABEL, hashlib.sha256).digest()


def chained_hash(
    key: bytes | None,
    previous_hash: str,
    at: str,
    kind: str,
    record_type: str,
    record_id: int | None,
) -> str:
    content = "\x1f".join((previous_hash, at, kind, record_type, str(record_id))).encode("utf-8")
    if key is None:
        return hashlib.sha256(content).hexdigest()
    return hmac.new(key, content, hashlib.sha256).hexdigest()


Row = tuple[int, str, str, str, "int | None", "str | None", "str | None"]


def read_rows(connection: sqlcipher3.Connection) -> list[Row]:
    return [
        tuple(row)
        for row in connection.execute(
            "SELECT id, at, kind, record_type, record_id, previous_hash, row_hash "
            "FROM audit_trail ORDER BY id"
        ).fetchall()
    ]


def first_broken(rows: list[Row], key: bytes | None) -> int | None:
    """The id of the first row whose hash or link does not verify, or None."""
    previous: str | None = None
    for row_id, at, kind, record_type, record_id, previous_hash, stored_hash in rows:
        if stored_hash is None:
            if key is not None or previous is not None:  # keyed: every row is chained
                return int(row_id)
            continue
        expected_previous = previous if previous is not None else CHAIN_START
        if previous_hash != expected_previous:
            return int(row_id)
        expected = chained_hash(key, previous_hash, at, kind, record_type, record_id)
        if not hmac.compare_digest(stored_hash, expected):
            return int(row_id)
        previous = stored_hash
    return None


def key_the_chain(connection: sqlcipher3.Connection) -> int | None:
    """Re-chain every row with the HMAC, once, if the unkeyed chain is intact. Returns the
    first broken row when it is not (then nothing is changed, and `vault check` says so).
    Runs inside the caller's transaction."""
    try:
        row = connection.execute("SELECT audit_keyed FROM vault_custody WHERE id = 1").fetchone()
    except sqlcipher3.OperationalError:
        return None
    if row is None or row[0]:
        return None
    rows = read_rows(connection)
    broken = first_broken(rows, None)
    if broken is not None:
        return broken
    connection.execute("UPDATE vault_custody SET audit_keyed = 1 WHERE id = 1")
    key = audit_key(connection)
    connection.execute("DROP TRIGGER audit_trail_no_update")
    previous = CHAIN_START
    for row_id, at, kind, record_type, record_id, _, _ in rows:
        digest = chained_hash(key, previous, at, kind, record_type, record_id)
        connection.execute(
            "UPDATE audit_trail SET previous_hash = ?, row_hash = ? WHERE id = ?",
            (previous, digest, row_id),
        )
        previous = digest
    connection.execute(
        "CREATE TRIGGER audit_trail_no_update BEFORE UPDATE ON audit_trail "
        "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END"
    )
    return None


@dataclass(frozen=True)
class Anchor:
    count: int
    head: str
    at: str

    def signed(self, key: bytes) -> str:
        text = f"{self.count}\x1f{self.head}\x1f{self.at}".encode()
        return hmac.new(key, _ANCHOR_LABEL + text, hashlib.sha256).hexdigest()


def anchor_path(path: Path) -> Path:
    return path.with_name(path.name + ".anchor")


def current_anchor(connection: sqlcipher3.Connection, at: str) -> Anchor | None:
    rows = connection.execute(
        "SELECT count(*), (SELECT row_hash FROM audit_trail ORDER BY id DESC LIMIT 1) "
        "FROM audit_trail"
    ).fetchone()
    if rows is None or not rows[0] or rows[1] is None:
        return None
    return Anchor(int(rows[0]), str(rows[1]), at)


def write_anchor(connection: sqlcipher3.Connection, path: Path, at: str) -> None:
    """Record the chain's count and head beside `path` (a vault or a backup), signed."""
    key = audit_key(connection)
    if key is None:
        return  # an unkeyed chain (during an upgrade) has nothing to sign its anchor with
    anchor = current_anchor(connection, at)
    if anchor is None:
        return
    kept = read_anchor(path, key)
    if isinstance(kept, Anchor) and (kept.count, kept.head) == (anchor.count, anchor.head):
        return  # nothing was recorded since: a session that only read leaves the file alone
    data = {"count": anchor.count, "head": anchor.head, "at": at, "sig": anchor.signed(key)}
    target = anchor_path(path)
    partial = target.with_name(target.name + ".partial")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as out:
        out.write(json.dumps(data, sort_keys=True) + "\n")
        out.flush()
        os.fsync(out.fileno())
    os.replace(partial, target)


def read_anchor(path: Path, key: bytes) -> Anchor | str | None:
    """The anchor beside `path`; a sentence when it is there but forged or unreadable."""
    try:
        raw = json.loads(anchor_path(path).read_text("ascii")[:4096])
        anchor = Anchor(int(raw["count"]), str(raw["head"]), str(raw["at"]))
        signature = str(raw["sig"])
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError):
        return f"its audit anchor {anchor_path(path)} is unreadable"
    if not hmac.compare_digest(signature, anchor.signed(key)):
        return f"its audit anchor {anchor_path(path)} was not written by this vault"
    return anchor


def inner_anchor(connection: sqlcipher3.Connection) -> Anchor | None:
    """The anchor a backup carries inside (None in a vault that was never a copy)."""
    try:
        row = connection.execute(
            "SELECT anchor_count, anchor_head, anchor_at FROM vault_custody WHERE id = 1"
        ).fetchone()
    except sqlcipher3.OperationalError:
        return None
    if row is None or row[0] is None:
        return None
    return Anchor(int(row[0]), str(row[1]), str(row[2]))


def compare_with_anchor(rows: list[Row], anchor: Anchor) -> str | None:
    """Truncation or rewriting relative to the anchor, in words; None when consistent."""
    if len(rows) < anchor.count:
        return (
            f"the audit trail has {len(rows)} rows but held {anchor.count} when it was "
            f"anchored ({anchor.at}): {anchor.count - len(rows)} row(s) are missing (deleted, "
            "or this file is an older copy of the vault)"
        )
    if rows[anchor.count - 1][6] != anchor.head:
        return (
            f"the audit trail was rewritten: row {anchor.count} no longer matches the anchor "
            f"taken {anchor.at}"
        )
    return None


def remove_anchor(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        anchor_path(path).unlink()
