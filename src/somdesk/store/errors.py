"""Every way opening or using a profile can fail, each with a message a user can act on."""

from __future__ import annotations

__all__ = [
    "AuditLogError",
    "BackupError",
    "DatabaseDamaged",
    "DeviceSecretMissing",
    "KeychainError",
    "KeychainLocked",
    "NewerSchema",
    "NoSecureKeychain",
    "NotASomdeskDatabase",
    "NotFound",
    "ProfileExists",
    "ProfileInUse",
    "ProfileMissing",
    "StoreError",
    "UnlockThrottled",
    "WrongPassphrase",
]


class StoreError(Exception):
    """Base class: str() is one line that says what is wrong and, where possible, what to do."""


class ProfileMissing(StoreError):
    pass


class ProfileExists(StoreError):
    pass


class ProfileInUse(StoreError):
    pass


class NoSecureKeychain(StoreError):
    pass


class KeychainLocked(StoreError):
    pass


class KeychainError(StoreError):
    pass


class DeviceSecretMissing(StoreError):
    pass


class WrongPassphrase(StoreError):
    pass


class UnlockThrottled(StoreError):
    def __init__(self, seconds: float) -> None:
        super().__init__(f"too many failed unlocks: wait {seconds:.0f} s before trying again")
        self.seconds = seconds


class NotASomdeskDatabase(StoreError):
    pass


class DatabaseDamaged(StoreError):
    pass


class NewerSchema(StoreError):
    pass


class AuditLogError(StoreError):
    pass


class BackupError(StoreError):
    pass


class NotFound(StoreError):
    pass
