"""`manifest.json`: which files a handover holds, their sizes and SHA-256 hashes, the format
version, the app version, when it was made and which parts were included. Never a name or any
clinical content: it is the one file anyone can read.

The hashes catch damage on the way; the HMAC under `integrity` (keyed by the password, see
handover_crypto) catches a file deliberately swapped along with its hash.

Format versions (convention 8): a newer manifest is refused with a clear message; older ones
are brought up to date in `_upgrade` before anything else reads them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alliance_desktop import __version__
from alliance_desktop.domain.handover import HandoverFile, HandoverOptions
from alliance_desktop.domain.handover_errors import (
    HandoverDamaged,
    HandoverFileAltered,
    HandoverFileMissing,
    HandoverTooNew,
    NotAHandover,
)
from alliance_desktop.exchange.handover_crypto import HandoverKeys, KeyDerivation, canonical_json

MANIFEST_NAME = "manifest.json"
MAX_MANIFEST_BYTES = 1024 * 1024
MANIFEST_FORMAT = "alliance-desktop-handover"
FORMAT_VERSION = 1

# What each file is for, so the import finds the record by role rather than by name.
PDF_ROLE = "record-pdf"
FHIR_ROLE = "fhir-bundle-encrypted"
CALENDAR_ROLE = "future-sessions-icalendar"

PDF_NAME = "record.pdf"
FHIR_NAME = "record.fhir.json.enc"
CALENDAR_NAME = "sessions.ics"

_MAX_FILE_BYTES = 512 * 1024 * 1024  # no handover is this large; refuse before reading


@dataclass(frozen=True)
class PackedFile:
    name: str
    role: str
    data: bytes

    @property
    def listed(self) -> HandoverFile:
        return HandoverFile(self.name, len(self.data), hashlib.sha256(self.data).hexdigest())


@dataclass(frozen=True)
class ManifestEntry:
    file: HandoverFile
    role: str


@dataclass(frozen=True)
class Manifest:
    format_version: int
    app_version: str
    created_at: dt.datetime
    options: HandoverOptions
    entries: tuple[ManifestEntry, ...]
    kdf: KeyDerivation
    password_check: str
    signature: str
    signed_part: bytes  # the canonical bytes the signature covers

    def entry_for(self, role: str) -> ManifestEntry | None:
        return next((entry for entry in self.entries if entry.role == role), None)


def build_manifest(
    files: Sequence[PackedFile],
    options: HandoverOptions,
    created_at: dt.datetime,
    kdf: KeyDerivation,
    keys: HandoverKeys,
) -> bytes:
    document: dict[str, Any] = {
        "format": MANIFEST_FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "created_at": created_at.isoformat(),
        "options": options.as_document(),
        "files": [
            {
                "name": f.listed.name,
                "role": f.role,
                "bytes": f.listed.size,
                "sha256": f.listed.sha256,
            }
            for f in files
        ],
        "integrity": {"kdf": kdf.to_document(), "password_check": keys.password_check},
    }
    document["integrity"]["hmac_sha256"] = keys.sign(_signed_part(document))
    return json.dumps(document, indent=2, ensure_ascii=False).encode("utf-8") + b"\n"


def read_manifest(folder: Path) -> Manifest:
    """Parse and check the manifest's shape and version; files are checked by `read_files`."""
    path = folder / MANIFEST_NAME
    if not folder.is_dir():
        raise NotAHandover(folder, "there is no such folder")
    if not path.is_file():
        raise NotAHandover(folder, f"it has no {MANIFEST_NAME}")
    # Sized before it is read: a manifest lists a handful of files in a few kilobytes.
    if path.stat().st_size > MAX_MANIFEST_BYTES:
        raise HandoverDamaged(f"{MANIFEST_NAME} is far too large to be a handover manifest")
    try:
        with path.open("rb") as file:
            document = json.loads(file.read(MAX_MANIFEST_BYTES + 1))
    except RecursionError:
        raise HandoverDamaged(f"{MANIFEST_NAME} is nested too deeply to be a manifest") from None
    except (ValueError, UnicodeDecodeError):
        raise HandoverDamaged(f"{MANIFEST_NAME} is not valid JSON (cut short or damaged)") from None
    if not isinstance(document, dict) or document.get("format") != MANIFEST_FORMAT:
        raise NotAHandover(folder, f"its {MANIFEST_NAME} is not an Alliance Desktop manifest")
    version = document.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise HandoverDamaged(f"{MANIFEST_NAME} has no valid format version")
    if version > FORMAT_VERSION:
        raise HandoverTooNew(version, FORMAT_VERSION)
    document = _upgrade(document)
    try:
        return _parse(document)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise HandoverDamaged(f"{MANIFEST_NAME} is incomplete ({error})") from None


def read_files(folder: Path, manifest: Manifest) -> dict[str, bytes]:
    """Every listed file, read once and checked against its size and hash."""
    found: dict[str, bytes] = {}
    for entry in manifest.entries:
        listed = entry.file
        path = folder / listed.name
        if not path.is_file():
            raise HandoverFileMissing(listed.name)
        if path.stat().st_size != listed.size or listed.size > _MAX_FILE_BYTES:
            raise HandoverFileAltered(listed.name)
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != listed.sha256:
            raise HandoverFileAltered(listed.name)
        found[listed.name] = data
    return found


def signature_holds(manifest: Manifest, keys: HandoverKeys) -> bool:
    return keys.verifies(manifest.signed_part, manifest.signature)


def _signed_part(document: dict[str, Any]) -> bytes:
    """Everything but the signature itself."""
    integrity = {k: v for k, v in document["integrity"].items() if k != "hmac_sha256"}
    return canonical_json({**document, "integrity": integrity})


def _upgrade(document: dict[str, Any]) -> dict[str, Any]:
    """Bring an older manifest to the current format. Format 1 is the first: nothing yet."""
    return document


def _parse(document: dict[str, Any]) -> Manifest:
    entries = []
    seen: set[str] = set()
    for item in document["files"]:
        name = str(item["name"])
        # Names come from a file that may be hostile: a plain name in this folder, nothing else.
        if Path(name).name != name or name in (".", "..", MANIFEST_NAME) or name in seen:
            raise HandoverDamaged(f"{MANIFEST_NAME} lists an invalid file name")
        seen.add(name)
        size, sha256 = item["bytes"], item["sha256"]
        if not isinstance(size, int) or not isinstance(sha256, str) or len(sha256) != 64:
            raise HandoverDamaged(f"{MANIFEST_NAME} lists {name} without a valid hash")
        entries.append(ManifestEntry(HandoverFile(name, size, sha256.lower()), str(item["role"])))
    integrity = document["integrity"]
    created_at = dt.datetime.fromisoformat(str(document["created_at"]))
    return Manifest(
        format_version=int(document["format_version"]),
        app_version=str(document.get("app_version", "")),
        created_at=created_at,
        options=HandoverOptions.from_document(dict(document.get("options") or {})),
        entries=tuple(entries),
        kdf=KeyDerivation.from_document(integrity["kdf"]),
        password_check=str(integrity["password_check"]),
        signature=str(integrity["hmac_sha256"]),
        signed_part=_signed_part(document),
    )
