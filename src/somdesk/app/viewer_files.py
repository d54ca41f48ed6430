"""A document opened in another program ("Open in viewer…"): the one time an attachment's bytes are
written out in clear, so the file is private and short-lived. It goes in a folder only the user may
enter (0700, under $XDG_RUNTIME_DIR, which is in memory and emptied at log-out, or else the profile's
own folder), under a random name, readable only by the user (0600), and is removed when the window
locks or quits and at the latest `max_age` after it was written. No Qt: the window calls `sweep`."""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import stat
import time
from collections.abc import Callable
from pathlib import Path

__all__ = ["MAX_AGE_SECONDS", "ViewerFiles", "viewer_folder"]

MAX_AGE_SECONDS = 10 * 60  # long enough to read or print a document, short enough not to linger
FOLDER_NAME = "somdesk-viewer"


def viewer_folder(profile_folder: Path, environ: dict[str, str] | None = None) -> Path:
    """Where viewer files go: under $XDG_RUNTIME_DIR when it is a private folder of this user (a
    tmpfs on Linux), otherwise inside the profile's own folder (already the user's alone)."""
    env = os.environ if environ is None else environ
    runtime = env.get("XDG_RUNTIME_DIR", "")
    if runtime:
        base = Path(runtime)
        with contextlib.suppress(OSError):
            info = base.stat()
            private = stat.S_ISDIR(info.st_mode) and not info.st_mode & 0o077
            if private and info.st_uid == os.getuid():
                # One folder per profile: a profile opening sweeps what a crashed run of it left,
                # never what another profile's window holds open.
                mark = hashlib.sha256(str(profile_folder.resolve()).encode()).hexdigest()[:12]
                return base / f"{FOLDER_NAME}-{mark}"
    return profile_folder / FOLDER_NAME


class ViewerFiles:
    """The private files written for a viewer, each removed by `sweep` (those older than `max_age`) or
    `remove_all` (lock and quit). Also removes any left by a run that crashed, at the first sweep."""

    def __init__(
        self,
        folder: Path,
        max_age: float = MAX_AGE_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.folder = folder
        self.max_age = max_age
        self.clock = clock
        self._written: dict[Path, float] = {}

    def write(self, content: bytes, extension: str) -> Path:
        """Write `content` to a new private file (0600, random name ending `extension`) and return it."""
        self._private_folder()
        path = self.folder / f"{secrets.token_hex(16)}{extension}"
        # O_EXCL: never follow or reuse a file someone else put there; 0600 from the first byte.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(content)
        except BaseException:
            _unlink(path)
            raise
        self._written[path] = self.clock()
        return path

    @property
    def held(self) -> list[Path]:
        """The files written and not yet removed."""
        return list(self._written)

    def sweep(self) -> int:
        """Remove the files older than `max_age`; returns how many went."""
        now = self.clock()
        old = [p for p, at in self._written.items() if now - at >= self.max_age]
        for path in old:
            _unlink(path)
            del self._written[path]
        return len(old)

    def discard(self, path: Path) -> None:
        """Remove one file now (no program could open it)."""
        _unlink(path)
        self._written.pop(path, None)

    def remove_all(self) -> int:
        """Remove every file written, and any other left in the folder (a run that crashed)."""
        gone = 0
        for path in list(self._written):
            _unlink(path)
            gone += 1
        self._written.clear()
        if self.folder.is_dir():
            for left in self.folder.iterdir():
                if left.is_file() or left.is_symlink():
                    _unlink(left)
                    gone += 1
        return gone

    def _private_folder(self) -> None:
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(self.folder, 0o700)  # an older folder made with a looser umask is closed again


def _unlink(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
