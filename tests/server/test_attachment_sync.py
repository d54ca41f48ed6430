"""Photographs and documents end to end on PostgreSQL, both sides of moving the bytes together: a SOM adds
real files on one device (made safe by app/media.py), syncs; the SOM's other device and the team's
supervisor receive thumbnails with the records and fetch full copies byte-identical on demand, and no
piece of any file is in clear in any device's folder; a SOM of
another team holds neither record nor bytes; a removal erases the bytes everywhere; a case reallocated
to another team takes its bytes off the first team's devices and reaches the new one's."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import text

from somdesk.app.attachment_work import AttachmentDetails
from somdesk.app.media import prepare
from somdesk.app.policy import default_policy
from somdesk.app.session import Identity, Role, Session
from somdesk.domain.attachments import AttachmentCategory, AttachmentLimits, MediaType
from somdesk.server.demo import DEMO_PASSWORD, seed_demo
from somdesk.server.store import ServerStore
from somdesk.sync.attachments import fetch_full
from tests.conftest import NOW, TODAY
from tests.media_files import face_photo, jpeg_with_gps, pdf_document, png_image
from tests.test_attachment_scan import found_in, windows

from .sync_helpers import Device, LiveServer, new_device

pytestmark = pytest.mark.postgres
LIMITS = AttachmentLimits()
AT = datetime.combine(TODAY, NOW, UTC)


def _team_of(store: ServerStore, username: str) -> str:
    with store.engine.connect() as conn:
        return str(
            conn.execute(
                text(
                    "SELECT r.data::json->>'team_id' FROM users u JOIN records r ON r.id = u.officer_id "
                    "WHERE u.username = :u"
                ),
                {"u": username},
            ).scalar_one()
        )


def _supervisor_of(store: ServerStore, team: str) -> str:
    with store.engine.connect() as conn:
        for username, teams in conn.execute(
            text("SELECT username, team_ids FROM users WHERE role = 'supervisor'")
        ):
            if team in json.loads(teams):
                return str(username)
    raise AssertionError("no supervisor of the team")


@pytest.fixture
def devices(tmp_path, store) -> Iterator[dict[str, Device]]:
    """som1 on a laptop and a desktop, som1's supervisor, som2 (another team), and a supervisor of both
    teams (who reallocates between them)."""
    seed_demo(store, 1000, 11, TODAY, soms=2)
    mine, theirs = _team_of(store, "som1"), _team_of(store, "som2")
    assert mine != theirs
    store.add_user(
        "sup-both", "Supervisor of both teams", Role.SUPERVISOR, DEMO_PASSWORD, None, (mine, theirs)
    )
    with LiveServer(store) as server:
        made = {
            name: new_device(tmp_path / name, server.url, account, DEMO_PASSWORD)
            for name, account in (
                ("laptop", "som1"),
                ("desktop", "som1"),
                ("supervisor", _supervisor_of(store, mine)),
                ("colleague", "som2"),
                ("both", "sup-both"),
            )
        }
        for device in made.values():
            device.sync()
        yield made
        for device in made.values():
            device.close()


def _session(device: Device, identity: Identity) -> Session:
    return Session(device.opened, identity, default_policy(), lambda: TODAY, "", lambda: NOW)


def _a_case(device: Device) -> str:
    with device.opened.engine.connect() as conn:
        return str(conn.execute(text("SELECT id FROM nominals ORDER BY visor_ref LIMIT 1")).scalar_one())


def _bytes_rows(device: Device, where: str = "1=1") -> int:
    return device.count("attachment_bytes", where)


def _server_bytes(store: ServerStore, attachment_id: str) -> tuple[int, int, bool] | None:
    """(chunks, bytes received, complete) the central store holds of one attachment, None without a row."""
    with store.engine.connect() as conn:
        row = conn.execute(
            text("SELECT received, complete FROM attachment_bytes WHERE attachment_id = :i"),
            {"i": attachment_id},
        ).first()
        chunks = conn.execute(
            text("SELECT count(*) FROM attachment_chunks WHERE attachment_id = :i"), {"i": attachment_id}
        ).scalar_one()
    return None if row is None else (int(chunks), int(row.received), bool(row.complete))


def _full_copy(device: Device, attachment_id: str) -> bytes | None:
    with device.opened.reader() as reader:
        return reader.attachment_content(attachment_id)


def _thumbnail(device: Device, attachment_id: str) -> bytes | None:
    with device.opened.reader() as reader:
        return reader.attachment_thumbnail(attachment_id)


def test_photos_and_a_document_reach_the_soms_devices_and_supervisor_and_leave_with_the_case(
    store, devices, tmp_path
):
    laptop, desktop, supervisor = devices["laptop"], devices["desktop"], devices["supervisor"]
    colleague, both = devices["colleague"], devices["both"]
    nid = _a_case(laptop)
    som = _session(laptop, Identity("DC Test", Role.SOM))
    files = {
        "front.jpg": (jpeg_with_gps(), AttachmentCategory.FACE),
        "tattoo.png": (png_image(), AttachmentCategory.MARKS),
        "order.pdf": (pdf_document(), AttachmentCategory.ORDER),
    }
    added: dict[str, tuple[str, str, int]] = {}  # name: (id, sha256, size)
    pieces: dict[str, list[bytes]] = {}  # what a scan of a device's folder looks for
    for name, (data, category) in files.items():
        made = prepare(name, data, LIMITS)
        pieces[f"{name} as added"] = windows(data)
        pieces[f"{name} as kept"] = windows(made.content)
        pieces[f"{name} thumbnail"] = windows(made.thumbnail)
        aid = som.add_attachment(nid, made, AttachmentDetails(category, date(2026, 11, 20), "DC Test", name))
        added[name] = (aid, made.sha256, len(made.content))
    assert {prepare(n, d, LIMITS).media_type for n, (d, _) in files.items()} == set(MediaType)

    report = laptop.sync()
    assert report.refused == 0 and report.attachments_sent == 3 and report.attachments_waiting == 0
    for aid, _sha, size in added.values():
        held = _server_bytes(store, aid)
        assert held is not None and held[1:] == (size, True), held
    assert laptop.count("attachment_transfers") == 0

    # The SOM's other device and the supervisor: thumbnails with the records, full copies on demand.
    for device in (desktop, supervisor):
        assert device.sync().thumbnails == 3
        for aid, sha, size in added.values():
            thumb = _thumbnail(device, aid)
            assert (
                thumb is not None and thumb.startswith(b"\xff\xd8\xff") and thumb == _thumbnail(laptop, aid)
            )
            assert _full_copy(device, aid) is None  # not until asked for
            assert fetch_full(device.local, device.remote, aid, LIMITS, lambda: AT)
            full = _full_copy(device, aid)
            assert full is not None and len(full) == size and hashlib.sha256(full).hexdigest() == sha
        assert device.count("attachment_transfers") == 0
    # What the devices received is inside their encrypted files only: no piece of any file in clear.
    assert found_in([tmp_path], pieces) == []

    # Another team's SOM: neither the records nor any byte.
    colleague.sync()
    for aid, _sha, _size in added.values():
        assert colleague.count("attachments", f"id = '{aid}'") == 0
    assert _bytes_rows(colleague) == 0 and colleague.count("attachment_transfers") == 0

    # A removal erases the bytes on the central store and every device.
    gone = added["tattoo.png"][0]
    som.remove_attachment(nid, gone, "photographed the wrong person's arm")
    assert laptop.sync().refused == 0
    assert _server_bytes(store, gone) is None
    for device in (laptop, desktop, supervisor):
        device.sync()
        assert _bytes_rows(device, f"attachment_id = '{gone}'") == 0
        assert device.count("attachment_transfers", f"attachment_id = '{gone}'") == 0
    left = [aid for name, (aid, _s, _n) in added.items() if name != "tattoo.png"]

    # Reallocated to a SOM of the other team: off som1's devices and their supervisor's, onto som2's.
    som2_officer = store.check_password("som2", DEMO_PASSWORD).officer_id
    moving = _session(
        both,
        Identity(
            "DS Both", Role.SUPERVISOR, None, tuple(store.check_password("sup-both", DEMO_PASSWORD).team_ids)
        ),
    )
    both.sync()
    assert moving.reallocate({nid: som2_officer}, "moved to the north team") == 1
    assert both.sync().refused == 0
    for device in (laptop, desktop, supervisor):
        device.sync()
        assert device.count("nominals", f"id = '{nid}'") == 0
        assert device.count("attachments", f"nominal_id = '{nid}'") == 0
        assert _bytes_rows(device) == 0 and device.count("attachment_transfers") == 0
    assert colleague.sync().thumbnails == 2
    for aid in left:
        sha = next(s for a, s, _n in added.values() if a == aid)
        assert fetch_full(colleague.local, colleague.remote, aid, LIMITS, lambda: AT)
        full = _full_copy(colleague, aid)
        assert full is not None and hashlib.sha256(full).hexdigest() == sha


def test_a_removal_undone_by_a_conflict_answer_brings_the_bytes_back_to_the_central_store(store, devices):
    # The laptop removes a photograph (its bytes erased there and on the central store) while the
    # desktop, which holds the full copy, edits its caption; the desktop's user keeps the photograph.
    laptop, desktop = devices["laptop"], devices["desktop"]
    nid = _a_case(laptop)
    som, there = (
        _session(laptop, Identity("DC Test", Role.SOM)),
        _session(desktop, Identity("DC Test", Role.SOM)),
    )
    made = prepare("front.jpg", face_photo(1, (1200, 1600)), LIMITS)
    taken = AttachmentDetails(AttachmentCategory.FACE, date(2026, 11, 20), "DC Test", "front")
    aid = som.add_attachment(nid, made, taken)
    laptop.sync()
    desktop.sync()
    assert fetch_full(desktop.local, desktop.remote, aid, LIMITS, lambda: AT)
    there.change_attachment(
        nid, aid, AttachmentDetails(taken.category, taken.taken_on, "DC Test", "front, again")
    )
    som.remove_attachment(nid, aid, "the wrong person's photograph")
    laptop.sync()
    assert _server_bytes(store, aid) is None

    assert desktop.sync().conflicts == 1
    (conflict,) = there.sync_issues().conflicts
    assert conflict.field == "deleted"
    there.resolve_conflict(conflict, False)
    desktop.sync()
    held = _server_bytes(store, aid)
    assert held is not None and held[1:] == (len(made.content), True), held
    assert desktop.count("attachment_transfers") == 0
    laptop.sync()
    assert _thumbnail(laptop, aid) is not None
    assert fetch_full(laptop.local, laptop.remote, aid, LIMITS, lambda: AT)
    full = _full_copy(laptop, aid)
    assert full is not None and hashlib.sha256(full).hexdigest() == made.sha256


def test_the_command_line_says_what_photographs_wait_and_what_it_sent(devices, tmp_path, capsys, monkeypatch):
    from somdesk.cli.main import main
    from somdesk.store.profile import Profile
    from somdesk.sync.device import connect

    from .sync_helpers import PASSPHRASE

    folder = tmp_path / "profiles" / "work"
    opened = Profile(folder).create(PASSPHRASE, "som1", None, passphrase_only=True)
    connect(opened, devices["laptop"].remote.url, "som1", DEMO_PASSWORD).close()
    monkeypatch.setenv("SOMDESK_PASSPHRASE", PASSPHRASE)
    profile = ["--profile", "work", "--profiles", str(folder.parent)]
    opened.lock()
    assert main(["sync", "now", *profile]) == 0
    opened = Profile(folder).unlock(PASSPHRASE, "som1", None)
    device = Device(opened, None, None)  # type: ignore[arg-type]
    som = _session(device, Identity("DC Test", Role.SOM))
    made = prepare("front.jpg", face_photo(3), LIMITS)
    som.add_attachment(_a_case(device), made, AttachmentDetails(AttachmentCategory.FACE, TODAY, "DC Test"))
    opened.lock()
    capsys.readouterr()
    assert main(["sync", "status", *profile]) == 0
    assert "photographs or documents waiting to be sent: 1" in capsys.readouterr().out
    assert main(["sync", "now", *profile]) == 0
    out = capsys.readouterr().out
    assert "1 photograph or document sent" in out and "0 still to send" in out, out
    assert main(["sync", "status", *profile]) == 0
    assert "waiting to be sent: 1" not in capsys.readouterr().out
