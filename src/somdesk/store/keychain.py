"""The device secret in the OS keychain (Secret Service, macOS Keychain, Windows Credential Locker).

Without a secure keychain this says so and refuses; it never falls back to a file. A profile is
unlocked by the user's passphrase *and* this secret, so a copied database and key file are not
enough to open it on another machine.
"""

from __future__ import annotations

import base64
import logging
import secrets
from collections.abc import Callable
from typing import TypeVar

import keyring
import keyring.backend
import keyring.errors
from keyring.backends import chainer, fail, null

from somdesk.store.errors import DeviceSecretMissing, KeychainError, KeychainLocked, NoSecureKeychain

__all__ = ["SERVICE", "DeviceKeychain", "guarded"]

SERVICE = "somdesk"
log = logging.getLogger("somdesk.keychain")
T = TypeVar("T")
_INSECURE_MODULES = ("keyrings.alt",)  # base64 or plain files: not a secure store


def _backends(backend: keyring.backend.KeyringBackend) -> list[keyring.backend.KeyringBackend]:
    if isinstance(backend, chainer.ChainerBackend):
        return list(backend.backends)
    return [backend]


class DeviceKeychain:
    """Reads and writes one profile's device secret; every failure becomes a clear StoreError."""

    def __init__(self, backend: keyring.backend.KeyringBackend | None = None) -> None:
        self.backend = backend or keyring.get_keyring()

    @property
    def description(self) -> str:
        names = [type(b).__module__ + "." + type(b).__name__ for b in _backends(self.backend)]
        return ", ".join(names) or "none"

    def check_secure(self) -> None:
        usable = [
            b
            for b in _backends(self.backend)
            if not isinstance(b, fail.Keyring | null.Keyring)
            and not type(b).__module__.startswith(_INSECURE_MODULES)
        ]
        if not usable:
            log.info("no secure keychain: found %s", self.description)  # for support, not for the user
            raise NoSecureKeychain(
                "no secure keychain is available on this computer, and somdesk will not keep its key in "
                "a plain file. Start a desktop session with a keychain (GNOME Keyring, KWallet), or ask "
                "your administrator about passphrase-only profiles"
            )

    def _entry(self, profile_id: str) -> str:
        return f"device-secret/{profile_id}"

    def create(self, profile_id: str) -> bytes:
        self.check_secure()
        secret = secrets.token_bytes(32)
        guarded(
            lambda: self.backend.set_password(
                SERVICE, self._entry(profile_id), base64.b64encode(secret).decode()
            )
        )
        return secret

    def load(self, profile_id: str) -> bytes:
        self.check_secure()
        value = guarded(lambda: self.backend.get_password(SERVICE, self._entry(profile_id)))
        if value is None:
            raise DeviceSecretMissing(
                "this profile's device key is not in this computer's keychain: the profile was made on "
                "another computer or the keychain was reset; restore the profile from its backup on the "
                "computer it was made on, or sync a new profile"
            )
        return base64.b64decode(value)

    def delete(self, profile_id: str) -> None:
        try:
            self.backend.delete_password(SERVICE, self._entry(profile_id))
        except keyring.errors.PasswordDeleteError:
            pass  # already gone
        except keyring.errors.KeyringError as e:
            raise KeychainError(f"the keychain refused to delete the device key: {e}") from None


def guarded(action: Callable[[], T]) -> T:
    """A keychain call whose every failure becomes a StoreError that says what to do."""
    try:
        return action()
    except keyring.errors.KeyringLocked:
        raise KeychainLocked(
            "the keychain is locked: unlock it (log in to your desktop session) and try again"
        ) from None
    except keyring.errors.NoKeyringError:
        raise NoSecureKeychain("no secure keychain is available on this computer") from None
    except keyring.errors.KeyringError as e:
        text = str(e) or "it gave no reason"
        if "locked" in text.lower() or "dismissed" in text.lower():
            raise KeychainLocked(f"the keychain is locked ({text}): unlock it and try again") from None
        raise KeychainError(f"the keychain failed: {text}") from None
