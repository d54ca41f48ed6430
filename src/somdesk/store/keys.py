"""The database key and how it is protected.

The database is encrypted with a random 256-bit key, used directly as SQLCipher's raw key (a
passphrase key would cost 100-180 ms of key derivation per connection). That key is never written
in clear: `keys.json` holds it wrapped with AES-256-GCM under a key-encryption key made from

    scrypt(passphrase)                              in "passphrase" mode (only where policy allows)
    HMAC-SHA256(device secret, scrypt(passphrase))  in "keychain" mode (the default)

so unlocking needs the user and, by default, this computer's keychain. A wrong passphrase fails the
GCM tag, which is told apart from a damaged database. Changing the passphrase re-wraps 32 bytes; the
database itself is not re-encrypted.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from somdesk.store.errors import DatabaseDamaged, WrongPassphrase

__all__ = ["KEYCHAIN", "PASSPHRASE_ONLY", "KeyFile", "fsync_dir", "new_database_key"]

KEYCHAIN = "keychain"
PASSPHRASE_ONLY = "passphrase"
FORMAT = 1
# scrypt cost: 2^16 x 8 x 128 bytes = 64 MiB and roughly 0.2 s per unlock, per guess for an attacker.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**16, 8, 1


def new_database_key() -> bytes:
    return secrets.token_bytes(32)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass(frozen=True)
class KeyFile:
    profile_id: str
    mode: str
    salt: bytes
    n: int
    r: int
    p: int
    nonce: bytes
    wrapped: bytes
    # The profile keeps a failed-unlock counter (profile.py): its absence is then itself suspicious.
    # Bound into the tag, so removing the mark makes every passphrase, the right one too, fail.
    counter: bool = False

    @property
    def _aad(self) -> bytes:
        # Binds the wrapped key to its profile and mode (and the counter's mark): swapping breaks the tag.
        marked = "/unlock-counter" if self.counter else ""
        return f"somdesk-key/{FORMAT}/{self.profile_id}/{self.mode}{marked}".encode()

    def _kek(self, passphrase: str, device_secret: bytes | None) -> bytes:
        stretched = hashlib.scrypt(
            passphrase.encode("utf-8"),
            salt=self.salt,
            n=self.n,
            r=self.r,
            p=self.p,
            maxmem=256 * 1024 * 1024,
            dklen=32,
        )
        if self.mode == PASSPHRASE_ONLY:
            return stretched
        if device_secret is None:
            raise ValueError("keychain mode needs the device secret")
        return hmac.new(device_secret, stretched, hashlib.sha256).digest()

    @classmethod
    def wrap(
        cls,
        profile_id: str,
        mode: str,
        database_key: bytes,
        passphrase: str,
        device_secret: bytes | None,
        counter: bool = True,
    ) -> KeyFile:
        if mode not in (KEYCHAIN, PASSPHRASE_ONLY):
            raise ValueError(f"unknown key mode {mode!r}")
        shell = cls(
            profile_id,
            mode,
            secrets.token_bytes(16),
            SCRYPT_N,
            SCRYPT_R,
            SCRYPT_P,
            secrets.token_bytes(12),
            b"",
            counter,
        )
        wrapped = AESGCM(shell._kek(passphrase, device_secret)).encrypt(shell.nonce, database_key, shell._aad)
        return cls(profile_id, mode, shell.salt, shell.n, shell.r, shell.p, shell.nonce, wrapped, counter)

    def unwrap(self, passphrase: str, device_secret: bytes | None) -> bytes:
        try:
            return AESGCM(self._kek(passphrase, device_secret)).decrypt(self.nonce, self.wrapped, self._aad)
        except InvalidTag:
            raise WrongPassphrase("wrong passphrase") from None
        except ValueError as e:  # a salt or nonce of the wrong size: only a damaged file has one
            raise DatabaseDamaged(f"the profile's key file is damaged ({e})") from None

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": FORMAT,
                "profile_id": self.profile_id,
                "mode": self.mode,
                "kdf": {"name": "scrypt", "n": self.n, "r": self.r, "p": self.p, "salt": _b64(self.salt)},
                "cipher": "AES-256-GCM",
                "nonce": _b64(self.nonce),
                "wrapped_key": _b64(self.wrapped),
                **({"unlock_counter": True} if self.counter else {}),
            },
            indent=2,
        )

    @classmethod
    def from_json(cls, text: str, source: str) -> KeyFile:
        try:
            data: dict[str, Any] = json.loads(text)
            if not isinstance(data, dict) or not isinstance(data.get("kdf"), dict):
                raise ValueError("not a key file (no key derivation settings)")
            if data.get("format") != FORMAT:
                raise ValueError(f"key file format {data.get('format')!r} is not {FORMAT}")
            kdf = data["kdf"]
            if kdf["name"] != "scrypt":
                raise ValueError(f"unknown key derivation {kdf['name']!r}")
            if data.get("mode") not in (KEYCHAIN, PASSPHRASE_ONLY):
                raise ValueError(f"unknown key mode {data.get('mode')!r}")
            n, r, p = int(kdf["n"]), int(kdf["r"]), int(kdf["p"])
            # A hostile file must not make unlocking take the machine's memory or hours.
            if not (2**10 <= n <= 2**20 and n & (n - 1) == 0 and 1 <= r <= 32 and 1 <= p <= 16):
                raise ValueError(f"key derivation settings out of range (n={n}, r={r}, p={p})")
            return cls(
                str(data["profile_id"]),
                str(data["mode"]),
                _unb64(kdf["salt"]),
                n,
                r,
                p,
                _unb64(data["nonce"]),
                _unb64(data["wrapped_key"]),
                data.get("unlock_counter") is True,
            )
        except (ValueError, KeyError, TypeError, AttributeError, OverflowError) as e:
            raise DatabaseDamaged(f"{source}: the profile's key file is damaged ({e})") from None

    def save(self, path: Path) -> None:
        """Write atomically: a crash leaves the old key file or the new one, never half of one."""
        tmp = path.with_suffix(".tmp")
        with open(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as f:
            f.write(self.to_json())
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
        fsync_dir(path.parent)

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        return cls.from_json(path.read_text(encoding="utf-8"), str(path))


def fsync_dir(folder: Path) -> None:
    if hasattr(os, "O_DIRECTORY"):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
