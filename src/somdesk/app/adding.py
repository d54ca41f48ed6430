"""An added file read and made safe (app/media.py) in one call that can run in another process: the
window runs it in a process pool, so decoding a 12-megapixel photograph never holds the window's
interpreter lock (in a thread, Pillow's conversions held it for up to 300 ms at a time)."""

from __future__ import annotations

import os
import stat
import threading
import time
from pathlib import Path

from somdesk.app.media import MediaRefused, Prepared, prepare
from somdesk.app.media_errors import size_words
from somdesk.app.media_names import safe_name
from somdesk.domain.attachments import AttachmentLimits

__all__ = ["end_with_parent", "read_and_prepare"]


def read_and_prepare(name: str, source: str | bytes, limits: AttachmentLimits) -> Prepared:
    """The file at path `source` (or its bytes, when pasted) made safe to keep, added as `name`.
    A file over the size limit is refused before it is read into memory. MediaRefused says why not;
    OSError when the file cannot be read."""
    if isinstance(source, str):
        source = _read_file(name, Path(source), limits.max_bytes)
    return prepare(name, source, limits)


def _read_file(name: str, path: Path, max_bytes: int) -> bytes:
    """A regular file's bytes, never more than the limit: a device (/dev/zero reads for ever), a pipe
    (opening one waits for a writer), a folder or a socket is refused from its stat, before it is
    opened; a file that grows past the limit while it is read is refused too."""
    info = path.stat()  # follows a link to what it names, which is what would be read
    if not stat.S_ISREG(info.st_mode):
        raise MediaRefused(f"{safe_name(name)}: is not a file (a folder, a device or a pipe)")
    limit = size_words(max_bytes)
    if info.st_size > max_bytes:
        raise MediaRefused(
            f"{safe_name(name)}: {size_words(info.st_size)} is over the {limit} limit for a file"
        )
    with path.open("rb") as f:
        data = f.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise MediaRefused(f"{safe_name(name)}: it grew past the {limit} limit for a file while it was read")
    return data


def end_with_parent(parent_pid: int) -> None:
    """A worker process's initializer: it ends when the window's process does, even one killed outright
    (SIGKILL leaves no chance to shut the pool down), instead of living on under init holding files'
    bytes in its memory."""

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="end-with-parent", daemon=True).start()
