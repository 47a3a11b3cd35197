"""The continuity package's own manifest: which client folders and letter it holds, each
file's hash, signed with a key from the package password (scrypt, as a handover's).

Layout of a package folder:
    manifest.json            this file (format "alliance-desktop-continuity")
    letter.pdf               the custodian's letter (AES-256, the package password)
    clients/client-001/      a complete handover folder per client
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alliance_desktop import __version__
from alliance_desktop.domain.continuity import ContinuityTooNew, NotAContinuityPackage
from alliance_desktop.domain.handover_errors import (
    HandoverDamaged,
    HandoverFileAltered,
    HandoverFileMissing,
)
from alliance_desktop.exchange.handover_crypto import HandoverKeys, KeyDerivation, canonical_json

PACKAGE_FORMAT = "alliance-desktop-continuity"
PACKAGE_VERSION = 1
MANIFEST_NAME = "manifest.json"
LETTER_NAME = "letter.pdf"
CLIENTS_FOLDER = "clients"
_MAX_MANIFEST_BYTES = 16 * 1024 * 1024  # 300 clients take about 60 KB
_MAX_FILE_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True)
class PackageManifest:
    created_at: dt.datetime
    custodian_name: str
    client_folders: tuple[str, ...]
    files: dict[str, str]  # relative path -> sha256
    kdf: KeyDerivation
    password_check: str
    signature: str
    signed_part: bytes


def client_folder_name(number: int) -> str:
    return f"{CLIENTS_FOLDER}/client-{number:03d}"


def build_package_manifest(
    folder: Path,
    created_at: dt.datetime,
    custodian_name: str,
    client_folders: list[str],
    kdf: KeyDerivation,
    keys: HandoverKeys,
) -> bytes:
    """Hash every file under `folder` (the letter and each client's files) and sign the list."""
    top_manifest = folder / MANIFEST_NAME
    files = {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path != top_manifest
    }
    document: dict[str, Any] = {
        "format": PACKAGE_FORMAT,
        "format_version": PACKAGE_VERSION,
        "app_version": __version__,
        "created_at": created_at.isoformat(),
        "custodian": custodian_name,
        "clients": client_folders,
        "files": files,
        "integrity": {"kdf": kdf.to_document(), "password_check": keys.password_check},
    }
    document["integrity"]["hmac_sha256"] = keys.sign(_signed_part(document))
    return json.dumps(document, indent=2, ensure_ascii=False).encode("utf-8") + b"\n"


def read_package_manifest(folder: Path) -> PackageManifest:
    path = folder / MANIFEST_NAME
    if not folder.is_dir():
        raise NotAContinuityPackage(folder, "there is no such folder")
    if not path.is_file():
        raise NotAContinuityPackage(folder, f"it has no {MANIFEST_NAME}")
    if path.stat().st_size > _MAX_MANIFEST_BYTES:
        raise HandoverDamaged(f"{MANIFEST_NAME} is far larger than any continuity manifest")
    try:
        document = json.loads(path.read_bytes())
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise HandoverDamaged(f"{MANIFEST_NAME} is not valid JSON (cut short or damaged)") from None
    if not isinstance(document, dict) or document.get("format") != PACKAGE_FORMAT:
        raise NotAContinuityPackage(folder, "it is not an Alliance Desktop continuity package")
    version = document.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise HandoverDamaged(f"{MANIFEST_NAME} has no valid format version")
    if version > PACKAGE_VERSION:
        raise ContinuityTooNew(version, PACKAGE_VERSION)
    try:
        integrity = document["integrity"]
        return PackageManifest(
            created_at=dt.datetime.fromisoformat(document["created_at"]),
            custodian_name=str(document["custodian"]),
            client_folders=tuple(str(name) for name in document["clients"]),
            files={str(k): str(v) for k, v in dict(document["files"]).items()},
            kdf=KeyDerivation.from_document(integrity["kdf"]),
            password_check=str(integrity["password_check"]),
            signature=str(integrity["hmac_sha256"]),
            signed_part=_signed_part(document),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise HandoverDamaged(f"{MANIFEST_NAME} is incomplete ({error})") from None


def check_package_files(folder: Path, manifest: PackageManifest) -> None:
    """Every listed file present and unchanged; no client folder outside the package."""
    root = folder.resolve()
    for name, digest in manifest.files.items():
        path = (folder / name).resolve()
        if root not in path.parents:
            raise HandoverDamaged(f"{MANIFEST_NAME} lists a file outside the package: {name!r}")
        if not path.is_file():
            raise HandoverFileMissing(name)
        if path.stat().st_size > _MAX_FILE_BYTES:
            raise HandoverFileAltered(name)
        if hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            raise HandoverFileAltered(name)
    for client in manifest.client_folders:
        if root not in (folder / client).resolve().parents:
            raise HandoverDamaged(f"{MANIFEST_NAME} names a folder outside the package")


def signature_holds(manifest: PackageManifest, keys: HandoverKeys) -> bool:
    return keys.verifies(manifest.signed_part, manifest.signature)


def _signed_part(document: dict[str, Any]) -> bytes:
    integrity = {k: v for k, v in document["integrity"].items() if k != "hmac_sha256"}
    return canonical_json({**document, "integrity": integrity})
