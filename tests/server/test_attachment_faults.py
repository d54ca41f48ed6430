"""Attachment bytes through faults, end to end: the central store on PostgreSQL in its own process behind
the faulty loopback proxy. A SOM's laptop adds real photographs and a document, and its sync process is
killed (SIGKILL) in the middle of an upload; the uploads then finish through dropped connections, the
SOM's desktop adds one more, and the desktop and the team's supervisor receive thumbnails and fetch full
copies through drops and delays. At the end every attachment is on the central store exactly once (one
bytes row, complete, its chunks covering it once), its hash equal to its record's; every device in scope
holds every thumbnail and a byte-identical full copy; nothing is left in any device's transfer queue.

Seeded (the proxy's faults); back-offs are skipped by a clock that moves on ten minutes per attempt.
"""

from __future__ import annotations

import hashlib
import json
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from somdesk.app.attachment_work import AttachmentDetails
from somdesk.app.media import prepare
from somdesk.app.policy import default_policy
from somdesk.app.session import Identity, Role, Session
from somdesk.domain.attachments import AttachmentCategory, AttachmentLimits
from somdesk.server.demo import DEMO_PASSWORD, seed_demo
from somdesk.server.store import ServerStore
from somdesk.store.profile import Profile
from somdesk.store.replica import LocalSync
from somdesk.sync.attachments import fetch_full
from somdesk.sync.client import CentralStore, MemoryTokens, Offline
from somdesk.sync.engine import sync_once
from tests.conftest import NOW, TODAY
from tests.media_files import face_photo, jpeg_with_gps, pdf_document, png_image

from .proxy import FaultyProxy
from .sync_helpers import PASSPHRASE, ROOT, CentralStoreProcess, Device, new_device

pytestmark = pytest.mark.postgres
SEED = 20261201
LIMITS = AttachmentLimits()
ATTEMPTS = 80  # syncs or fetches through the faults before the test gives up


class Clock:
    """Real time, moved on ten minutes at each attempt: a failed transfer's back-off (at most ten
    minutes) is over by the next one, so the test never sleeps through it."""

    def __init__(self) -> None:
        self.ahead = timedelta()

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.ahead

    def tick(self) -> None:
        self.ahead += timedelta(minutes=10, seconds=1)


def _open(folder: Path, url: str, username: str) -> Device:
    opened = Profile(folder).unlock(PASSPHRASE, username, None)
    remote = CentralStore(url, opened.device_id, MemoryTokens(), opened.profile_id, timeout=5)
    return Device(opened, LocalSync(opened), remote)


def _until(what: str, work: Callable[[], bool], clock: Clock) -> int:
    """`work()` again until it says it is done; Offline (a cut) tried again. Returns the cuts ridden."""
    cuts = 0
    for _ in range(ATTEMPTS):
        clock.tick()
        try:
            if work():
                return cuts
        except Offline:
            cuts += 1
    raise AssertionError(f"{what}: not done after {ATTEMPTS} attempts through the faults")


def _synced(device: Device, username: str, clock: Clock) -> Callable[[], bool]:
    """One sync (signing in again if a cut lost the sign-in); done when nothing is left to move."""

    def once() -> bool:
        if device.remote._access is None:  # a cut during the sign-in itself
            device.remote.login(username, DEMO_PASSWORD, "faults")
        sync_once(device.local, device.remote, clock=clock)
        return device.count("attachment_transfers") == 0 and device.count("sync_outbox") == 0

    return once


def _team_supervisor(store: ServerStore, username: str) -> str:
    with store.engine.connect() as conn:
        team = conn.execute(
            text(
                "SELECT r.data::json->>'team_id' FROM users u JOIN records r ON r.id = u.officer_id "
                "WHERE u.username = :u"
            ),
            {"u": username},
        ).scalar_one()
        for name, teams in conn.execute(
            text("SELECT username, team_ids FROM users WHERE role = 'supervisor'")
        ):
            if team in json.loads(teams):
                return str(name)
    raise AssertionError("no supervisor of the team")


def _add(device: Device, files: dict[str, tuple[bytes, AttachmentCategory]]) -> dict[str, str]:
    """Each file made safe and added to the device's first case; {id: sha256}."""
    som = Session(
        device.opened, Identity("DC Test", Role.SOM), default_policy(), lambda: TODAY, "", lambda: NOW
    )
    with device.opened.engine.connect() as conn:
        nid = str(conn.execute(text("SELECT id FROM nominals ORDER BY visor_ref LIMIT 1")).scalar_one())
    added = {}
    for name, (data, category) in files.items():
        made = prepare(name, data, LIMITS)
        details = AttachmentDetails(category, date(2026, 11, 20), "DC Test", name)
        added[som.add_attachment(nid, made, details)] = made.sha256
    return added


def _server_holds(store: ServerStore) -> dict[str, tuple[bool, int, list[tuple[int, int]], str]]:
    """Each attachment_bytes row: (complete, received, its chunks' (start, length), their sha256 in order)."""
    held = {}
    with store.engine.connect() as conn:
        for row in conn.execute(text("SELECT attachment_id, complete, received FROM attachment_bytes")):
            chunks = conn.execute(
                text(
                    "SELECT start, length, data FROM attachment_chunks "
                    "WHERE attachment_id = :i ORDER BY start"
                ),
                {"i": row.attachment_id},
            ).all()
            digest = hashlib.sha256(b"".join(bytes(c.data) for c in chunks)).hexdigest()
            held[row.attachment_id] = (
                bool(row.complete),
                int(row.received),
                [(int(c.start), int(c.length)) for c in chunks],
                digest,
            )
    return held


def _kill_mid_upload(store: ServerStore, folder: Path, url: str) -> None:
    """The laptop's sync in its own process, killed once the central store holds part of an upload."""
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.server.sync_child", str(folder), url, "som1", DEMO_PASSWORD],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and child.poll() is None:
            with store.engine.connect() as conn:
                partial = conn.execute(
                    text("SELECT count(*) FROM attachment_bytes WHERE received > 0 AND NOT complete")
                ).scalar_one()
            if partial:
                break
            time.sleep(0.05)
        assert child.poll() is None, f"the sync finished before it could be killed: {child.communicate()}"
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(10)
    assert child.returncode == -signal.SIGKILL


def test_uploads_and_downloads_survive_a_killed_device_dropped_and_delayed_connections(
    store, pg_url, tmp_path
):
    seed_demo(store, 300, 5, TODAY, soms=2)
    supervisor = _team_supervisor(store, "som1")
    central = CentralStoreProcess(pg_url)
    central.start()
    proxy = FaultyProxy(central.port, SEED, max_delay=0.2, drop_chance=0.04)
    folders = {name: tmp_path / name for name in ("laptop", "desktop", "supervisor")}
    users = {"laptop": "som1", "desktop": "som1", "supervisor": supervisor}
    clock = Clock()
    devices: dict[str, Device] = {}
    try:
        for name, folder in folders.items():
            made = new_device(folder, proxy.url, users[name], DEMO_PASSWORD)
            made.sync()
            made.close()
        laptop = _open(folders["laptop"], proxy.url, "som1")
        added = _add(
            laptop,
            {
                "front.jpg": (jpeg_with_gps(), AttachmentCategory.FACE),
                "tattoo.png": (png_image(), AttachmentCategory.MARKS),
                "van.jpg": (jpeg_with_gps(3000, 2000, 1), AttachmentCategory.VEHICLE),
                "order.pdf": (pdf_document(), AttachmentCategory.ORDER),
            },
        )
        laptop.close()

        # Killed mid-upload: the central store holds part of one attachment and the rest of none.
        proxy.set_mode("delay")
        _kill_mid_upload(store, folders["laptop"], proxy.url)
        cut_short = [h for h in _server_holds(store).values() if not h[0]]
        assert cut_short and all(h[1] > 0 for h in cut_short)

        # The uploads finish through dropped connections, resuming where they stopped; the desktop adds one.
        proxy.set_mode("drop")
        devices = {name: _open(folder, proxy.url, users[name]) for name, folder in folders.items()}
        cuts = _until("the laptop's uploads", _synced(devices["laptop"], "som1", clock), clock)
        added |= _add(
            devices["desktop"], {"face.jpg": (face_photo(3, (1800, 2400)), AttachmentCategory.FACE)}
        )
        cuts += _until("the desktop's upload", _synced(devices["desktop"], "som1", clock), clock)

        # Thumbnails with the records and full copies on demand, through drops, then delays.
        for name, mode in (("desktop", "drop"), ("supervisor", "delay"), ("laptop", "drop")):
            proxy.set_mode(mode)
            device = devices[name]
            cuts += _until(f"the {name}'s sync", _synced(device, users[name], clock), clock)
            for attachment_id in added:
                fetch = lambda d=device, a=attachment_id: fetch_full(d.local, d.remote, a, LIMITS, clock)  # noqa: E731
                cuts += _until(f"the {name}'s full copy of {attachment_id}", fetch, clock)
        proxy.set_mode("pass")
        for name, device in devices.items():  # a last quiet sync each: nothing left to move
            _synced(device, users[name], clock)()
        print(f"\nattachment faults: {proxy.cut} connections cut, {proxy.delayed} delays, {cuts} ridden out")
        assert proxy.cut > 0 and proxy.delayed > 0 and cuts > 0

        # The central store: each attachment once, complete, its chunks covering it once, hash as recorded.
        held = _server_holds(store)
        assert set(held) == set(added)
        with store.engine.connect() as conn:
            records = {
                r.id: json.loads(r.data)
                for r in conn.execute(
                    text("SELECT id, data FROM records WHERE table_name = 'attachments' AND NOT deleted")
                )
            }
        assert set(records) == set(added)
        for attachment_id, (complete, received, chunks, digest) in held.items():
            size = records[attachment_id]["size"]
            assert complete and received == size
            assert [start for start, _ in chunks] == [0] + [
                s + n for s, n in chunks[:-1]
            ]  # no gap, no overlap
            assert chunks[-1][0] + chunks[-1][1] == size
            assert digest == records[attachment_id]["sha256"] == added[attachment_id]

        # Every device in scope: every thumbnail, a byte-identical full copy, an empty transfer queue.
        for name, device in devices.items():
            with device.opened.reader() as reader:
                for attachment_id, sha in added.items():
                    thumb = reader.attachment_thumbnail(attachment_id)
                    full = reader.attachment_content(attachment_id)
                    assert thumb is not None and thumb.startswith(b"\xff\xd8\xff"), (name, attachment_id)
                    assert full is not None and hashlib.sha256(full).hexdigest() == sha, (name, attachment_id)
            assert device.count("attachment_transfers") == 0, name
    finally:
        for device in devices.values():
            device.close()
        proxy.close()
        central.stop()
