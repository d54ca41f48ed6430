"""Every way opening or using a profile can fail, each with a message a user can act on."""

from __future__ import annotations

import errno
import math

from somdesk.domain.text import tr

__all__ = [
    "AuditLogError",
    "BackupError",
    "DatabaseDamaged",
    "DatabaseUnavailable",
    "DeviceSecretMissing",
    "DiskFull",
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
    "disk_full_message",
    "is_disk_full",
]


class StoreError(Exception):
    """Base class: str() is one line that says what is wrong and, where possible, what to do."""


class ProfileLocked(StoreError):
    """A step begun after the profile was locked (background sync meeting the lock): nothing to report."""


class DiskFull(StoreError):
    """The disk holding the profile is full: nothing was written, nothing was lost."""


class DatabaseUnavailable(StoreError):
    """The database file could not be read or written (an I/O error, not a wrong key)."""


# Below this much free space an I/O error opening a profile is taken to be a full disk.
LOW_SPACE = 16 * 1024 * 1024


# No room to write: the disk is full, the user's quota is used up, or a file passed the largest size the
# system allows this process (EFBIG: the file system's limit, or a resource limit on file size).
_NO_ROOM = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


def is_disk_full(error: BaseException) -> bool:
    """SQLite's "database or disk is full", or the system's ENOSPC (EDQUOT, EFBIG), however wrapped."""
    inner = getattr(error, "orig", None) or error
    return "database or disk is full" in str(inner) or getattr(inner, "errno", None) in _NO_ROOM


def disk_full_message(what: str) -> str:
    return tr("this computer's disk is full, so {0}; nothing was lost. Free some space and try again").format(
        what
    )


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
    def __init__(self, seconds: float, why: str = "too many failed unlocks") -> None:
        # Rounded up: "wait 0 s" for 0.4 s left would read as a mistake.
        super().__init__(f"{why}: wait {max(1, math.ceil(seconds))} s before trying again")
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


def no_case(nominal_id: str) -> NotFound:
    """A case asked for by its id that this computer does not hold (any longer), in words a user can act
    on; the id stays at the end for whoever reads the log."""
    return NotFound(
        "this case is no longer on this computer: it may have moved to another team or been removed"
        f" (press F5 to bring the lists up to date; case {nominal_id})"
    )
