"""The force's area boundaries for the rounds map, read from the GeoJSON file its policy names
([rounds] boundaries): optional, never fetched from anywhere, and a file the map cannot use is said in
words (file, place in it, why) while the rounds plan and draw without it."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from somdesk.domain.boundaries import Boundary, BoundaryError, boundaries_from_document

__all__ = ["MAX_BOUNDARY_BYTES", "read_boundaries"]

MAX_BOUNDARY_BYTES = 20 * 1024 * 1024  # a division's areas, finely drawn, are a few megabytes


def read_boundaries(named: str, folder: Path) -> tuple[list[Boundary], str]:
    """(the areas, "") from the file `named` (relative paths from `folder`, the profiles' folder), or
    ([], what is wrong) when it cannot be used; ([], "") when the policy names none."""
    if not named.strip():
        return [], ""
    path = Path(named).expanduser()
    if not path.is_absolute():
        path = folder / path
    try:
        # Opened without blocking and checked to be a regular file before a byte is read: a pipe or a
        # device named in the policy would otherwise wait for ever and take the database worker with it.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return [], f"area boundaries not drawn: {path} is not a regular file"
            os.set_blocking(fd, True)
            with os.fdopen(fd, "rb") as f:
                fd = -1
                data = f.read(MAX_BOUNDARY_BYTES + 1)
        finally:
            if fd >= 0:
                os.close(fd)
    except OSError as error:
        return [], f"area boundaries not drawn: {path}: {error.strerror or error}"
    if len(data) > MAX_BOUNDARY_BYTES:
        return [], f"area boundaries not drawn: {path} is over {MAX_BOUNDARY_BYTES // 2**20} MB"
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        return [], f"area boundaries not drawn: {path} is not GeoJSON text ({error})"
    except RecursionError:
        return [], f"area boundaries not drawn: {path} is nested too deeply to be GeoJSON"
    try:
        return boundaries_from_document(document), ""
    except BoundaryError as error:
        return [], f"area boundaries not drawn: {path}, {error}"
