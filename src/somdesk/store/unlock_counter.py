"""The failed-unlock counter: each wrong passphrase makes the next try wait longer (none for 3, then 1,
2, 4 ... 300 s), and deleting or editing the counter does not help.

- It is authenticated: under a key made from the device secret in the OS keychain for keychain profiles
  (so only someone who can read the keychain can forge it); for passphrase-only profiles, from the
  profile id only, which stops edits by hand and nothing more (docs/SECURITY.md says so).
- A profile's key file marks that the profile keeps a counter (keys.py binds the mark into the key's
  tag), so a missing counter is itself suspicious.
- A counter that is missing where it should exist, unreadable, altered, negative or not a file at all
  counts as the ceiling (300 s), from the moment it is found so, and is repaired to say so: after that
  wait the right passphrase opens the profile. Never zero, never a traceback.

An attacker who can write the folder can still put back an older copy of the counter, or copy the key
file away and guess with their own program: the counter slows guessing through somdesk only.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import math
import os
import stat
from pathlib import Path

from somdesk.store.errors import UnlockThrottled
from somdesk.store.keys import KeyFile

__all__ = ["CEILING_FAILURES", "UnlockCounter", "unlock_delay"]

CEILING_FAILURES = 12  # unlock_delay(12) == 300: the longest wait
_LABEL = b"somdesk unlock counter/"


def unlock_delay(failures: int) -> float:
    """Seconds to wait after `failures` wrong passphrases in a row: none for 3, then 1, 2, 4 ... 300."""
    return 0.0 if failures < 3 else float(min(2 ** (min(failures, 64) - 3), 300))


class UnlockCounter:
    def __init__(self, path: Path, keys: KeyFile, device_secret: bytes | None) -> None:
        self.path = path
        self.expected = keys.counter  # the key file says a counter exists
        label = _LABEL + keys.profile_id.encode()
        self._key = (
            hmac.new(device_secret, label, hashlib.sha256).digest()
            if device_secret is not None
            else hashlib.sha256(label).digest()
        )

    def _mac(self, failures: int, last: float) -> str:
        return hmac.new(self._key, f"{failures}/{last!r}".encode(), hashlib.sha256).hexdigest()

    def check(self, now: float) -> None:
        """UnlockThrottled if the next try must wait (a damaged counter: the ceiling, from now)."""
        failures, last = self._read(now)
        wait = min(unlock_delay(failures) - (now - last), unlock_delay(failures))  # a clock set back
        if wait > 0:
            raise UnlockThrottled(wait)

    def failed(self, now: float) -> int:
        """One more wrong passphrase; the count so far."""
        failures = min(self._read(now)[0] + 1, 10**6)
        self.write(failures, now)
        return failures

    def write(self, failures: int, now: float) -> None:
        """Atomically, the owner's alone, never through a link planted in the folder."""
        body = json.dumps({"failures": failures, "last": now, "mac": self._mac(failures, now)})
        partial = self.path.with_name(self.path.name + ".partial")
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        with os.fdopen(os.open(partial, flags, 0o600), "w", encoding="utf-8") as f:
            f.write(body)
            f.flush()
            os.fsync(f.fileno())
        os.replace(partial, self.path)

    def _read(self, now: float) -> tuple[int, float]:
        try:
            kind: int | None = os.lstat(self.path).st_mode
        except FileNotFoundError:
            kind = None
        except OSError:
            kind = 0
        if kind is None:
            if not self.expected:  # a profile from before the mark: it had no counter yet
                return 0, 0.0
            return self._damaged(now, "is missing")
        if not stat.S_ISREG(kind):
            return self._damaged(now, "is not a file" if kind else "cannot be read")
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            failures, last, mac = data["failures"], data["last"], data["mac"]
            valid = (
                type(failures) is int
                and 0 <= failures <= 10**6
                and type(last) in (int, float)
                and math.isfinite(last)
                and isinstance(mac, str)
                and hmac.compare_digest(mac, self._mac(failures, last))
            )
        except (OSError, ValueError, KeyError, TypeError):
            valid = False
        if not valid:
            return self._damaged(now, "was altered or is damaged")
        return failures, float(last)

    def _damaged(self, now: float, why: str) -> tuple[int, float]:
        """Counted as the ceiling from now (UnlockThrottled), and repaired to say so: anything else in
        its place is kept beside it, renamed, never deleted."""
        wait = unlock_delay(CEILING_FAILURES)
        try:
            if os.path.lexists(self.path) and not stat.S_ISREG(os.lstat(self.path).st_mode):
                os.replace(self.path, self.path.with_name(f"{self.path.name}.damaged-{int(now)}"))
            self.write(CEILING_FAILURES, now)
        except OSError:
            raise UnlockThrottled(
                wait, f"this profile's failed-unlock counter {why} and cannot be repaired ({self.path})"
            ) from None
        raise UnlockThrottled(
            wait, f"this profile's failed-unlock counter {why}, which counts as many failed unlocks"
        )
