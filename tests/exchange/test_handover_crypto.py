"""The handover password, the encrypted envelope around the FHIR record, and the manifest."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from pathlib import Path

import pytest

from alliance_desktop.domain.handover import HandoverOptions
from alliance_desktop.domain.handover_errors import (
    HandoverDamaged,
    HandoverFileAltered,
    HandoverFileMissing,
    HandoverTooNew,
    NotAHandover,
)
from alliance_desktop.exchange.handover_crypto import (
    KeyDerivation,
    Undecryptable,
    envelope_kdf,
    open_sealed,
    seal,
)
from alliance_desktop.exchange.handover_manifest import (
    FORMAT_VERSION,
    PackedFile,
    build_manifest,
    read_files,
    read_manifest,
    signature_holds,
)
from alliance_desktop.exchange.handover_password import (
    canonical_password,
    new_handover_password,
    password_bits,
)

SHAPE = re.compile(
    r"^([bdfghjklmnprstvz][aeiou][bdfghjklmnprstvz][aeiou][bdfghjklmnprstvz]-){4}"
    r"[bdfghjklmnprstvz][aeiou][bdfghjklmnprstvz][aeiou][bdfghjklmnprstvz]$"
)
CREATED = dt.datetime(2026, 3, 14, 9, 30, tzinfo=dt.UTC)


def test_a_generated_password_is_readable_and_strong_enough() -> None:
    passwords = {new_handover_password() for _ in range(200)}
    assert len(passwords) == 200
    assert all(SHAPE.match(password) for password in passwords)
    assert password_bits() >= 80


def test_a_password_read_back_over_the_phone_still_counts() -> None:
    assert (
        canonical_password("  Bafok Telum\tRISAV-donek  pumiz ") == "bafok-telum-risav-donek-pumiz"
    )
    assert canonical_password("bafok-telum-risav-donek-pumiz") == "bafok-telum-risav-donek-pumiz"


def test_sealed_data_opens_only_with_the_right_password() -> None:
    kdf = KeyDerivation.fresh()
    sealed = seal(b'{"resourceType": "Bundle"}', kdf.derive("bafok-telum"), kdf)
    assert b"Bundle" not in sealed
    assert envelope_kdf(sealed) == kdf
    assert open_sealed(sealed, kdf.derive("BAFOK TELUM")) == b'{"resourceType": "Bundle"}'
    with pytest.raises(Undecryptable):
        open_sealed(sealed, kdf.derive("bafok-telux"))


def test_the_envelope_header_is_bound_to_the_ciphertext() -> None:
    kdf = KeyDerivation.fresh()
    keys = kdf.derive("bafok-telum")
    document = json.loads(seal(b"record", keys, kdf))
    document["version"] = 1
    document["kdf"]["n"] = 2**14  # weaker settings smuggled in: the tag no longer verifies
    with pytest.raises(Undecryptable):
        open_sealed(json.dumps(document).encode(), keys)


@pytest.mark.parametrize(
    "change",
    [
        {"n": 2**30},  # minutes of work and gigabytes of memory: refused before deriving
        {"r": 0},
        {"salt": "c2hvcnQ="},
        {"name": "pbkdf2"},
    ],
)
def test_hostile_key_derivation_settings_are_refused(change: dict[str, object]) -> None:
    document = {**KeyDerivation.fresh().to_document(), **change}
    with pytest.raises(HandoverDamaged):
        KeyDerivation.from_document(document)


def _folder_with(tmp_path: Path, files: list[PackedFile]) -> tuple[Path, KeyDerivation]:
    kdf = KeyDerivation.fresh()
    keys = kdf.derive("bafok-telum")
    manifest = build_manifest(files, HandoverOptions(), CREATED, kdf, keys)
    for packed in files:
        (tmp_path / packed.name).write_bytes(packed.data)
    (tmp_path / "manifest.json").write_bytes(manifest)
    return tmp_path, kdf


def test_the_manifest_lists_hashes_and_options_and_nothing_clinical(tmp_path: Path) -> None:
    folder, kdf = _folder_with(tmp_path, [PackedFile("record.pdf", "record-pdf", b"%PDF")])
    document = json.loads((folder / "manifest.json").read_text())
    assert document["format_version"] == FORMAT_VERSION == 1
    assert document["files"] == [
        {
            "name": "record.pdf",
            "role": "record-pdf",
            "bytes": 4,
            "sha256": hashlib.sha256(b"%PDF").hexdigest(),
        }
    ]
    assert document["options"] == {
        "categories": ["summary", "goals", "sessions", "measures", "risk"],
        "beyond_consent": False,
        "session_notes": False,
        "ruptures": False,
        "private_notes": False,
        "fhir": True,
    }
    manifest = read_manifest(folder)
    assert read_files(folder, manifest) == {"record.pdf": b"%PDF"}
    assert signature_holds(manifest, kdf.derive("bafok-telum"))
    assert not signature_holds(manifest, kdf.derive("bafok-telux"))


def test_a_file_swapped_with_its_hash_fails_the_signature(tmp_path: Path) -> None:
    folder, kdf = _folder_with(tmp_path, [PackedFile("record.pdf", "record-pdf", b"%PDF")])
    document = json.loads((folder / "manifest.json").read_text())
    forged = PackedFile("record.pdf", "record-pdf", b"%PDF forged").listed
    document["files"][0].update(bytes=forged.size, sha256=forged.sha256)
    (folder / "manifest.json").write_text(json.dumps(document))
    (folder / "record.pdf").write_bytes(b"%PDF forged")
    manifest = read_manifest(folder)
    assert read_files(folder, manifest)  # the hashes agree with the forged file...
    assert not signature_holds(manifest, kdf.derive("bafok-telum"))  # ...the signature does not


def test_missing_altered_and_unreadable_files_each_say_so(tmp_path: Path) -> None:
    folder, _ = _folder_with(tmp_path, [PackedFile("record.pdf", "record-pdf", b"%PDF")])
    (folder / "record.pdf").write_bytes(b"%PDX")
    with pytest.raises(HandoverFileAltered, match=r"record\.pdf"):
        read_files(folder, read_manifest(folder))
    (folder / "record.pdf").unlink()
    with pytest.raises(HandoverFileMissing, match=r"record\.pdf is missing"):
        read_files(folder, read_manifest(folder))
    (folder / "manifest.json").write_text('{"format": "alliance-desktop-handover", "format_ve')
    with pytest.raises(HandoverDamaged, match=r"manifest\.json is not valid JSON"):
        read_manifest(folder)
    (folder / "manifest.json").unlink()
    with pytest.raises(NotAHandover, match=r"no manifest\.json"):
        read_manifest(folder)


def test_a_newer_format_is_refused_before_anything_else(tmp_path: Path) -> None:
    folder, _ = _folder_with(tmp_path, [])
    document = json.loads((folder / "manifest.json").read_text())
    document["format_version"] = FORMAT_VERSION + 1
    document["files"] = "whatever a later version puts here"
    (folder / "manifest.json").write_text(json.dumps(document))
    with pytest.raises(HandoverTooNew, match="newer version of Alliance Desktop"):
        read_manifest(folder)


@pytest.mark.parametrize("name", ["../outside.pdf", "/etc/passwd", "manifest.json", "sub/x.pdf"])
def test_file_names_outside_the_folder_are_refused(tmp_path: Path, name: str) -> None:
    folder, _ = _folder_with(tmp_path, [PackedFile("record.pdf", "record-pdf", b"%PDF")])
    document = json.loads((folder / "manifest.json").read_text())
    document["files"][0]["name"] = name
    (folder / "manifest.json").write_text(json.dumps(document))
    with pytest.raises(HandoverDamaged, match="invalid file name"):
        read_manifest(folder)
