"""An added file read and made safe in one call (app/adding.py), as the window's worker processes run
it: a file over the policy's size limit is refused by its size, naming it and the limit, before it is
read; a path and pasted bytes give the same result."""

from __future__ import annotations

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
