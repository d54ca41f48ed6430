"""The private, short-lived files "Open in viewer…" writes (app/viewer_files.py): a folder only the
user may enter, a file only they may read under a random name, removed after max_age, on lock and quit,
and any left by a crashed run swept away."""

from __future__ import annotations

import os
import stat

from somdesk.app.viewer_files import FOLDER_NAME, ViewerFiles, viewer_folder


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_file_is_private_random_and_holds_the_bytes(tmp_path):
    files = ViewerFiles(tmp_path / "viewer")
    first = files.write(b"%PDF-1.7 synthetic order", ".pdf")
    second = files.write(b"%PDF-1.7 synthetic order", ".pdf")
    assert first.read_bytes() == b"%PDF-1.7 synthetic order"
    assert first.suffix == ".pdf" and first.name != second.name
    assert mode(first) == 0o600
    assert mode(first.parent) == 0o700


def test_a_looser_folder_left_from_before_is_closed_again(tmp_path):
    folder = tmp_path / "viewer"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    ViewerFiles(folder).write(b"x", ".pdf")
    assert mode(folder) == 0o700


def test_sweep_removes_only_files_past_their_age(tmp_path):
    clock = Clock()
    files = ViewerFiles(tmp_path / "viewer", max_age=600, clock=clock)
    old = files.write(b"old", ".pdf")
    clock.now = 300
    young = files.write(b"young", ".pdf")
    clock.now = 600
    assert files.sweep() == 1
    assert not old.exists() and young.exists()
    assert files.held == [young]


def test_remove_all_takes_every_file_and_those_a_crashed_run_left(tmp_path):
    folder = tmp_path / "viewer"
    folder.mkdir(mode=0o700)
    left = folder / "left-from-a-crash.pdf"
    left.write_bytes(b"left")
    files = ViewerFiles(folder)
    mine = files.write(b"mine", ".pdf")
    assert files.remove_all() == 2
    assert not mine.exists() and not left.exists() and files.held == []


def test_the_folder_is_the_private_runtime_folder_else_the_profiles(tmp_path):
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    os.chmod(runtime, 0o700)
    profile = tmp_path / "profile"
    mine = viewer_folder(profile, {"XDG_RUNTIME_DIR": str(runtime)})
    assert mine.parent == runtime and mine.name.startswith(f"{FOLDER_NAME}-")
    other = viewer_folder(tmp_path / "another profile", {"XDG_RUNTIME_DIR": str(runtime)})
    assert other.parent == runtime and other != mine  # each profile sweeps only its own
    os.chmod(runtime, 0o755)  # others may look in: not private, so not used
    assert viewer_folder(profile, {"XDG_RUNTIME_DIR": str(runtime)}) == profile / FOLDER_NAME
    assert viewer_folder(profile, {}) == profile / FOLDER_NAME
