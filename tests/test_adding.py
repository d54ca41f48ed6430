"""An added file read and made safe in one call (app/adding.py), as the window's worker processes run
it: a file over the policy's size limit is refused by its size, naming it and the limit, before it is
read; a path and pasted bytes give the same result."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from somdesk.app.adding import read_and_prepare
from somdesk.app.media import MediaRefused
from somdesk.domain.attachments import AttachmentLimits, MediaType
from tests import media_files


def test_a_path_and_the_same_bytes_are_made_safe_alike(tmp_path):
    data = media_files.png_image(400, 300)
    path = tmp_path / "marks.png"
    path.write_bytes(data)
    from_path = read_and_prepare("marks.png", str(path), AttachmentLimits())
    from_bytes = read_and_prepare("marks.png", data, AttachmentLimits())
    assert from_path.media_type is MediaType.PNG and from_path.sha256 == from_bytes.sha256


def test_a_file_over_the_limit_is_refused_by_its_size_without_being_read(tmp_path, monkeypatch):
    path = tmp_path / "video.jpg"
    path.write_bytes(b"\xff\xd8\xff" + bytes(3 * 1024 * 1024))
    read: list[object] = []
    monkeypatch.setattr(type(path), "read_bytes", lambda self: read.append(self) or b"")
    with pytest.raises(MediaRefused) as refused:
        read_and_prepare("video.jpg", str(path), AttachmentLimits(max_bytes=1024 * 1024))
    assert str(refused.value) == "video.jpg: 3.0 MB is over the 1 MB limit for a file"
    assert read == []


_WINDOW = """
import os, sys, time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from somdesk.app.adding import end_with_parent

def pid():
    return os.getpid()

if __name__ == "__main__":
    pool = ProcessPoolExecutor(2, mp_context=get_context("spawn"), initializer=end_with_parent,
                               initargs=(os.getpid(),))
    pids = {pool.submit(pid).result() for _ in range(8)}
    print(" ".join(map(str, pids)), flush=True)
    time.sleep(600)
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie waiting for init to reap it is gone for our purposes.
    with contextlib.suppress(OSError):
        if Path(f"/proc/{pid}/stat").read_text().split(") ")[-1].startswith("Z"):
            return False
    return True


def test_the_worker_processes_end_when_the_window_is_killed_outright(tmp_path):
    """kill -9 of the window gives it no chance to shut its pool down: the workers (which hold the
    bytes of the files being added) notice their parent is gone and end, not live on under init."""
    script = tmp_path / "window.py"
    script.write_text(_WINDOW)
    window = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    try:
        assert window.stdout is not None
        workers = [int(p) for p in window.stdout.readline().split()]
        assert workers and all(_alive(p) for p in workers)
    finally:
        window.kill()
        window.wait()
    deadline = time.monotonic() + 30
    while any(_alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(p) for p in workers)
