"""The file system refusing, met for real: a read-only profile folder, a full disk during an export or a
backup, a folder where a file belongs. Each is one line that says what is wrong and that nothing was
changed, on the command line and in the window; nothing is left half-written."""

from __future__ import annotations

import contextlib
import errno
import os
import resource
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from somdesk.app.errors import plain_message
from somdesk.cli.main import main
from somdesk.store.errors import is_disk_full
from tests.test_cli_messages import plain_line

PDF = ("report", "case-summary", "--profile", "demo", "--visor", "SYN00000002", "--reason", "panel")


@pytest.fixture
def demo(tmp_path, monkeypatch, capsys) -> Path:
    """The demo profile, made in a folder of the test's own."""
    monkeypatch.setenv("SOMDESK_PROFILES", str(tmp_path / "profiles"))
    assert main(["audit", "verify", "--profile", "demo"]) == 0
    capsys.readouterr()
    return tmp_path / "profiles" / "demo"


def run(capsys, *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, plain_line(capsys.readouterr().err)


def _mounted(*argv: str) -> bool:
    if os.geteuid() != 0:
        return False
    return subprocess.run(["mount", *argv], capture_output=True, check=False).returncode == 0


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """`folder` read-only for this process: a read-only bind mount as root (root ignores permissions),
    its permissions otherwise."""
    if _mounted("--bind", str(folder), str(folder)):
        try:
            subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)], check=True)
            yield
        finally:
            subprocess.run(["umount", "-l", str(folder)], check=True)
        return
    mode = folder.stat().st_mode
    folder.chmod(0o500)
    for f in folder.iterdir():
        f.chmod(0o400)
    try:
        yield
    finally:
        for f in folder.iterdir():
            f.chmod(0o600)
        folder.chmod(mode)


@contextlib.contextmanager
def full_disk(folder: Path, how: str, limit: int = 32 * 1024) -> Iterator[str]:
    """`folder` with no room to write: a full 200 KB tmpfs (as root, where mounting works); or a limit on
    the size of any file this process writes (writes past it fail with EFBIG, as on a file system's
    limit), which needs no privilege: `limit` bytes, smaller than the file written. Yields how it was
    done."""
    folder.mkdir()
    if how == "tmpfs" and _mounted("-t", "tmpfs", "-o", "size=200k", "tmpfs", str(folder)):
        try:
            with contextlib.suppress(OSError), open(folder / "filler", "wb") as f:
                while True:
                    f.write(b"\0" * 4096)
                    f.flush()
            yield "tmpfs"
        finally:
            subprocess.run(["umount", "-l", str(folder)], check=True)
        return
    limits = resource.getrlimit(resource.RLIMIT_FSIZE)
    handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a killed process
    # Smaller than any document, larger than what opening a profile writes at the start of a file (its
    # write-ahead log); a log file already past it fails too, and must not show a traceback.
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limits[1]))
    try:
        yield "file size limit"
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, limits)
        signal.signal(signal.SIGXFSZ, handler)


def test_a_read_only_profile_folder_is_one_line_and_changes_nothing(demo, capsys, tmp_path):
    with read_only(demo):
        code, err = run(capsys, "rso", "SYN00000002", "--profile", "demo", "--reason", "visit planning")
        assert code == 2 and "nothing was changed" in err
        assert "read-only" in err or "permissions" in err
        code, err = run(capsys, "backup", str(tmp_path / "b.sdbk"), "--profile", "demo")
        assert code == 2 and "nothing was changed" in err
    assert not (tmp_path / "b.sdbk").exists()


@pytest.mark.parametrize("way", ["tmpfs", "file size limit"])
def test_a_full_disk_during_a_pdf_export_and_a_backup_is_one_line_and_leaves_nothing(
    demo, capsys, tmp_path, way
):
    full = tmp_path / "full"
    with full_disk(full, way) as how:
        code, err = run(capsys, *PDF, "--recipient", "MAPPA panel", "-o", str(full / "summary.pdf"))
        assert code == 2 and "disk is full" in err and "nothing was lost" in err, how
        code, err = run(capsys, "backup", str(full / "b.sdbk"), "--profile", "demo")
        assert code == 2 and ("nothing was lost" in err or "nothing was changed" in err), how
        left = sorted(p.name for p in full.iterdir())
    assert left in ([], ["filler"])  # no half-written PDF, backup or partial file
    # and the disclosure that failed was not logged: the audit log is as it was and verifies
    assert main(["audit", "verify", "--profile", "demo"]) == 0


def test_a_disk_full_in_any_of_its_forms_is_said_as_one():
    for code in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        error = OSError(code, os.strerror(code), "/exports/summary.pdf")
        assert is_disk_full(error)
        assert "disk is full" in plain_message(error) and "nothing was lost" in plain_message(error)


@pytest.mark.parametrize("name", ["keys.json", ".lock"])
def test_a_folder_where_a_profile_file_belongs_is_named_and_nothing_changes(demo, capsys, name):
    target = demo / name
    if target.exists():
        target.rename(demo / f"{name}.moved")
    target.mkdir()
    code, err = run(capsys, "audit", "verify", "--profile", "demo")
    assert code == 2 and str(target) in err
    assert "a folder is where this file should be" in err and "nothing was changed" in err
    target.rmdir()
    if (demo / f"{name}.moved").exists():
        (demo / f"{name}.moved").rename(target)
    assert main(["audit", "verify", "--profile", "demo"]) == 0


def test_a_folder_named_like_the_export_or_backup_is_named_and_nothing_is_written(demo, capsys, tmp_path):
    (tmp_path / "summary.pdf").mkdir()
    (tmp_path / "b.sdbk").mkdir()
    code, err = run(capsys, *PDF, "--recipient", "MAPPA panel", "-o", str(tmp_path / "summary.pdf"))
    assert code == 2 and "folder" in err and "nothing was written" in err
    code, err = run(capsys, "backup", str(tmp_path / "b.sdbk"), "--profile", "demo")
    assert code == 2 and f"{tmp_path / 'b.sdbk'}: a folder is there" in err and "nothing was written" in err
    assert not any((tmp_path / "b.sdbk").iterdir()) and not list(tmp_path.glob(".backup-*"))
