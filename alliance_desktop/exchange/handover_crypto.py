"""Keys from the handover password, the encrypted envelope around the FHIR record, and the
keyed check on the manifest.

One scrypt derivation gives 64 bytes: the first 32 are the AES-256-GCM key for the envelope,
the last 32 an HMAC-SHA256 key that signs the manifest (so a file swapped together with its
hash in the manifest is caught too) and makes a "password check" value, which tells a wrong
password apart from a damaged file.

The envelope (`record.fhir.json.enc`) is a small JSON document, readable with any
AES-GCM/scrypt library:
    {"format": "alliance-desktop-encrypted", "version": 1, "cipher": "AES-256-GCM",
     "compression": "zlib", "kdf": {"name": "scrypt", "n": 32768, "r": 8, "p": 1,
     "salt": <base64>}, "nonce": <base64, 12 bytes>,
     "ciphertext": <base64 of AES-GCM(zlib(bundle JSON)), the 16-byte tag at the end>}
Everything but the ciphertext is bound to it as associated data (the canonical JSON of the
header: sorted keys, no spaces).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import zlib
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from alliance_desktop.domain.handover_errors import HandoverDamaged
from alliance_desktop.exchange.handover_password import canonical_password

ENVELOPE_FORMAT = "alliance-desktop-encrypted"
ENVELOPE_VERSION = 1
CIPHER = "AES-256-GCM"
COMPRESSION = "zlib"  # RFC 1950, applied before encryption
_MAX_PLAINTEXT = 512 * 1024 * 1024  # refuse to unpack a "record" larger than this

# About 0.1 s and 32 MiB. The password carries ~83 random bits, so the work factor is a
# margin, not the protection itself.
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
# Parameters come from files that may be hostile: refuse ones that would take minutes or
# gigabytes, and ones too weak to be ours.
# The settings come from an unsigned file and are used before the password can be checked, so
# each is capped: at most 64 MiB of memory (128·n·r bytes) and twice our own work per try
# (n = 2^16, r = 8, p = 1 is ~0.3 s here), never the 4 GiB and 18 s a hostile file could ask for.
_N_RANGE = (2**14, 2**16)
_R_RANGE = (1, 8)
_P_RANGE = (1, 2)
_MAX_SCRYPT_MEMORY = 64 * 1024 * 1024
_MAX_SCRYPT_WORK = 2**16 * 8

_PASSWORD_CHECK = b"alliance-desktop handover password check"


class Undecryptable(Exception):
    """The envelope's tag did not verify: a wrong key, or altered bytes."""


@dataclass(frozen=True)
class KeyDerivation:
    salt: bytes
    n: int = SCRYPT_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P

    @classmethod
    def fresh(cls) -> KeyDerivation:
        return cls(salt=os.urandom(16))

    def to_document(self) -> dict[str, Any]:
        return {"name": "scrypt", "n": self.n, "r": self.r, "p": self.p, "salt": _b64(self.salt)}

    @classmethod
    def from_document(cls, document: Any) -> KeyDerivation:
        if not isinstance(document, dict) or document.get("name") != "scrypt":
            raise HandoverDamaged("the key derivation is not scrypt")
        n, r, p = document.get("n"), document.get("r"), document.get("p")
        for value, (low, high) in ((n, _N_RANGE), (r, _R_RANGE), (p, _P_RANGE)):
            if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
                raise HandoverDamaged("the key derivation settings are out of range")
        assert isinstance(n, int) and isinstance(r, int) and isinstance(p, int)
        if n & (n - 1) or 128 * n * r > _MAX_SCRYPT_MEMORY or n * r * p > _MAX_SCRYPT_WORK:
            raise HandoverDamaged("the key derivation settings are out of range")
        salt = _unb64(document.get("salt"), "salt")
        if len(salt) < 16:
            raise HandoverDamaged("the key derivation salt is too short")
        return cls(salt=salt, n=n, r=r, p=p)

    def derive(self, password: str) -> HandoverKeys:
        material = Scrypt(salt=self.salt, length=64, n=self.n, r=self.r, p=self.p).derive(
            canonical_password(password).encode("utf-8")
        )
        return HandoverKeys(encryption=material[:32], integrity=material[32:])


@dataclass(frozen=True)
class HandoverKeys:
    encryption: bytes
    integrity: bytes

    def __repr__(self) -> str:  # never print key material, even in a traceback
        return "HandoverKeys(...)"

    @property
    def password_check(self) -> str:
        return self.sign(_PASSWORD_CHECK)

    def opens(self, password_check: str) -> bool:
        """Whether these keys come from the password the handover was made with."""
        return hmac.compare_digest(self.password_check, password_check)

    def sign(self, data: bytes) -> str:
        return hmac.new(self.integrity, data, hashlib.sha256).hexdigest()

    def verifies(self, data: bytes, signature: str) -> bool:
        return hmac.compare_digest(self.sign(data), signature)


def seal(plaintext: bytes, keys: HandoverKeys, kdf: KeyDerivation) -> bytes:
    """Compress (a long record's JSON shrinks about tenfold), then encrypt."""
    nonce = os.urandom(12)
    header = _header(kdf, nonce)
    compressed = zlib.compress(plaintext, 6)
    ciphertext = AESGCM(keys.encryption).encrypt(nonce, compressed, _canonical(header))
    return json.dumps({**header, "ciphertext": _b64(ciphertext)}, indent=1).encode("utf-8")


def envelope_kdf(envelope: bytes) -> KeyDerivation:
    """The key derivation an envelope was sealed with (read before asking for keys)."""
    return KeyDerivation.from_document(_envelope_document(envelope).get("kdf"))


def open_sealed(envelope: bytes, keys: HandoverKeys) -> bytes:
    document = _envelope_document(envelope)
    kdf = KeyDerivation.from_document(document.get("kdf"))
    nonce = _unb64(document.get("nonce"), "nonce")
    ciphertext = _unb64(document.get("ciphertext"), "ciphertext")
    if len(nonce) != 12:
        raise HandoverDamaged("the encrypted record has a malformed nonce")
    header = _header(kdf, nonce)
    try:
        compressed = AESGCM(keys.encryption).decrypt(nonce, ciphertext, _canonical(header))
    except InvalidTag:
        raise Undecryptable() from None
    inflater = zlib.decompressobj()
    try:
        plaintext = inflater.decompress(compressed, _MAX_PLAINTEXT)
    except zlib.error:
        raise HandoverDamaged("the encrypted record does not unpack") from None
    if inflater.unconsumed_tail or not inflater.eof:
        raise HandoverDamaged("the encrypted record is cut short or far too large")
    return plaintext


def aes_cbc_encrypt(key: bytes, iv: bytes, plaintext: bytes) -> bytes:
    """AES-CBC with PKCS#7 padding: what PDF encryption (AESV3) does to each string and stream.
    Handed to the PDF builder, which would otherwise use pure-Python pyaes (~0.2 MB/s)."""
    padder = padding.PKCS7(128).padder()
    padded = padder.update(plaintext) + padder.finalize()
    encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return encryptor.update(padded) + encryptor.finalize()


def canonical_json(document: Any) -> bytes:
    """One byte-exact form of a JSON document, for signing."""
    return _canonical(document)


def _envelope_document(envelope: bytes) -> dict[str, Any]:
    try:
        document = json.loads(envelope)
    except (ValueError, UnicodeDecodeError):
        raise HandoverDamaged("the encrypted record is not a readable envelope") from None
    if not isinstance(document, dict) or document.get("format") != ENVELOPE_FORMAT:
        raise HandoverDamaged("the encrypted record is not an Alliance Desktop envelope")
    if (
        document.get("version") != ENVELOPE_VERSION
        or document.get("cipher") != CIPHER
        or document.get("compression") != COMPRESSION
    ):
        raise HandoverDamaged("the encrypted record uses an unknown cipher or version")
    return document


def _header(kdf: KeyDerivation, nonce: bytes) -> dict[str, Any]:
    return {
        "format": ENVELOPE_FORMAT,
        "version": ENVELOPE_VERSION,
        "cipher": CIPHER,
        "compression": COMPRESSION,
        "kdf": kdf.to_document(),
        "nonce": _b64(nonce),
    }


def _canonical(document: Any) -> bytes:
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: Any, what: str) -> bytes:
    if not isinstance(value, str):
        raise HandoverDamaged(f"the encrypted record's {what} is missing")
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise HandoverDamaged(f"the encrypted record's {what} is not valid base64") from None
