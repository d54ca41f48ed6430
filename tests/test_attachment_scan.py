"""No attachment bytes in clear anywhere on disk (issue 22): a real profile (not the demo) is given real
files (a phone JPEG with GPS, a PNG, a HEIC, a PDF), each viewed, a case summary printed with the
photograph, the profile locked; then every file under the profile folder, the home folder, the
temporary folder, the cache and the runtime folder is searched for pieces of the bytes as added, as
kept and of the thumbnails. A control shows the search finds bytes that are there.
The PDF is also opened "in the viewer" (its private file, written and removed as the window does on
lock); the bytes a second device receives through sync are searched for in
tests/server/test_attachment_sync.py.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pikepdf
import pytest

from somdesk.app.attachment_work import AttachmentDetails
from somdesk.app.media import prepare
from somdesk.app.session import Identity, Role, Session
from somdesk.app.viewer_files import ViewerFiles, viewer_folder
from somdesk.demo import generate
from somdesk.domain.attachments import AttachmentCategory
from somdesk.reports.disclose import Disclosure
from somdesk.reports.service import Reports
from somdesk.store.profile import Profile
from tests import media_files
from tests.conftest import TODAY

WINDOW = 32  # bytes: long enough that a match is never chance
WINDOWS = 6  # taken from each piece of bytes, spread from its start to its end


@dataclass(frozen=True)
class Folders:
    profile: Path
    home: Path
    temp: Path
    cache: Path
    runtime: Path
    out: Path  # where the printed summary goes: a disclosure, outside the searched folders

    def searched(self) -> list[Path]:
        return [self.profile, self.home, self.temp, self.cache, self.runtime]


@pytest.fixture
def folders(tmp_path, monkeypatch) -> Folders:
    """Fresh home, temporary, cache and runtime folders for everything this process writes."""
    f = Folders(*(tmp_path / name for name in ("profiles", "home", "tmp", "cache", "runtime", "out")))
    for folder in (f.profile, f.home, f.temp, f.cache, f.runtime, f.out):
        folder.mkdir(mode=0o700)
    monkeypatch.setenv("HOME", str(f.home))
    monkeypatch.setenv("XDG_CACHE_HOME", str(f.cache))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(f.runtime))
    monkeypatch.setenv("XDG_DATA_HOME", str(f.home / ".local" / "share"))
    monkeypatch.setenv("XDG_STATE_HOME", str(f.home / ".local" / "state"))
    monkeypatch.setenv("TMPDIR", str(f.temp))
    monkeypatch.setenv("SOMDESK_PROFILES", str(f.profile))
    monkeypatch.setattr(tempfile, "tempdir", str(f.temp))
    return f


def windows(data: bytes) -> list[bytes]:
    """Pieces of `data` from its start to its end; runs of few distinct bytes (padding, a flat colour's
    run) are skipped: they could be anywhere by chance."""
    last = len(data) - WINDOW
    starts = sorted({round(last * i / (WINDOWS - 1)) for i in range(WINDOWS)})
    pieces = []
    for start in starts:
        for shift in range(0, min(4096, last - start + 1), WINDOW):  # the next varied piece
            piece = data[start + shift : start + shift + WINDOW]
            if len(set(piece)) >= 12:
                pieces.append(piece)
                break
    assert len(pieces) >= 3, "too few varied pieces to look for"
    return pieces


def found_in(folders: list[Path], needles: dict[str, list[bytes]]) -> list[str]:
    """Which needles are in which files, e.g. "face.jpg as kept: profiles/scan/somdesk.db"."""
    hits = []
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()):
            data = path.read_bytes()
            for what, pieces in needles.items():
                if any(piece in data for piece in pieces):
                    hits.append(f"{what}: {path}")
    return hits


def files_added() -> dict[str, tuple[bytes, AttachmentCategory]]:
    return {
        "face.jpg": (media_files.jpeg_with_gps(1600, 1200), AttachmentCategory.FACE),
        "tattoo.png": (media_files.png_image(800, 600), AttachmentCategory.MARKS),
        "car.heic": (media_files.heic_photo(1008, 756), AttachmentCategory.VEHICLE),
        "order.pdf": (media_files.pdf_document(2), AttachmentCategory.ORDER),
    }


def use_attachments_as_a_som_would(folders: Folders, policy) -> dict[str, list[bytes]]:
    """Add, view and print; lock. Returns the pieces of every file's bytes to look for."""
    opened = Profile(folders.profile / "scan").create(
        "a long scan passphrase", "DC Scan", None, passphrase_only=True
    )
    data = generate(3, 41, TODAY)
    with opened.unit_of_work() as uow:
        uow.import_force(data.teams, data.officers, data.cases, data.visits, data.arms, "scan test")
    nominal_id = data.nominals[0].id
    session = Session(opened, Identity("DC Scan", Role.SOM), policy, lambda: TODAY, "DC Scan")
    needles: dict[str, list[bytes]] = {}
    try:
        for name, (raw, category) in files_added().items():
            prepared = prepare(name, raw, policy.attachments)
            details = AttachmentDetails(category, date(2026, 11, 20), "DC Scan", f"{name} for the scan")
            added = session.add_attachment(nominal_id, prepared, details)
            assert session.view_attachment(nominal_id, added, "scan test") == prepared.content
            assert session.attachment_thumbnail(added) == prepared.thumbnail
            needles[f"{name} as added"] = windows(raw)
            needles[f"{name} as kept"] = windows(prepared.content)
            needles[f"{name} thumbnail"] = windows(prepared.thumbnail)
        # Open in viewer: the one file written in clear, on purpose, private and removed after use.
        pdf = next(a for a in session.attachments(nominal_id) if a.category is AttachmentCategory.ORDER)
        _, content = session.export_attachment(nominal_id, pdf.id, "PDF viewer on this computer", "reading")
        viewer = ViewerFiles(viewer_folder(folders.profile / "scan"))
        shown = viewer.write(content, ".pdf")
        assert shown.read_bytes() == content and shown.is_relative_to(folders.runtime)
        assert viewer.remove_all() == 1 and not shown.exists()
        reports = Reports(session)
        disclosure = Disclosure("Level 2 panel", "scan test", "case summary")
        printed = folders.out / "summary.pdf"
        reports.case_summary(nominal_id, disclosure, reports.options(), printed)
        # The printed copy (a disclosure, saved where the user chose) holds the photograph, drawn from
        # memory: the way it was drawn is under the search too.
        with pikepdf.open(printed) as pdf:
            drawn = [x.Subtype for page in pdf.pages for x in page.Resources.get("/XObject", {}).values()]
            assert drawn.count("/Image") == 1
    finally:
        session.lock()
    return needles


def test_no_attachment_bytes_are_in_clear_anywhere_on_disk(folders, policy):
    needles = use_attachments_as_a_som_would(folders, policy)
    assert (folders.profile / "scan").is_dir() and any((folders.profile / "scan").iterdir())
    assert found_in(folders.searched(), needles) == []


def test_the_search_finds_a_photograph_written_in_clear_to_the_temporary_folder(folders, policy):
    needles = use_attachments_as_a_som_would(folders, policy)
    raw, _ = files_added()["face.jpg"]
    # As a careless viewer would: the photograph as added, in clear, in the temporary folder.
    with tempfile.NamedTemporaryFile(suffix=".jpg", delete=False) as leaked:
        leaked.write(raw[len(raw) // 3 :])  # a part only: the search looks beyond the start
    hits = found_in(folders.searched(), needles)
    assert hits == [f"face.jpg as added: {leaked.name}"]
    assert Path(leaked.name).parent == folders.temp
