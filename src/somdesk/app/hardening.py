"""What a process holding personal data sets up before anything else (no Qt): files private from the
start, and no core dump (it would hold the database key, decrypted records, passphrases and tokens)."""

from __future__ import annotations

import contextlib
import os
import sys

__all__ = ["PR_SET_DUMPABLE", "harden_process"]

PR_SET_DUMPABLE = 4  # linux/prctl.h


def harden_process() -> None:
    """Called first by `somdesk` (the command line and the window) and `somdesk-server`.

    - umask 077: every file and folder the program makes (profiles, their database, WAL and lock files,
      exports, backups, logs, a restore's unpacked copy) is its owner's alone from the moment it exists,
      with no window between creating a file and a chmod;
    - RLIMIT_CORE 0, and on Linux not dumpable (no core file whatever the system's core pattern, and
      other processes of the same user cannot attach to read its memory)."""
    os.umask(0o077)
    with contextlib.suppress(ImportError, ValueError, OSError):  # no resource module on Windows
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
