"""An added file read and made safe (app/media.py) in one call that can run in another process: the
window runs it in a process pool, so decoding a 12-megapixel photograph never holds the window's
interpreter lock (in a thread, Pillow's conversions held it for up to 300 ms at a time)."""

from __future__ import annotations

import os
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
        size = Path(source).stat().st_size
        if size > limits.max_bytes:
            limit = size_words(limits.max_bytes)
            raise MediaRefused(f"{safe_name(name)}: {size_words(size)} is over the {limit} limit for a file")
        source = Path(source).read_bytes()
    return prepare(name, source, limits)


def end_with_parent(parent_pid: int) -> None:
    """A worker process's initializer: it ends when the window's process does, even one killed outright
    (SIGKILL leaves no chance to shut the pool down), instead of living on under init holding files'
    bytes in its memory."""

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="end-with-parent", daemon=True).start()
