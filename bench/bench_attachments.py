"""Benchmark: photographs through the central store on a real PostgreSQL, over HTTP on loopback.

    scripts/with-postgres .venv/bin/python bench/bench_attachments.py [PHOTOS] [MB]   (default: 100 3)

The central store runs as its own process (`somdesk-server run`), the devices in this one. 100 files of
3 MB (random bytes behind a JPEG header: the transfer does not look inside) are prepared once, then:
- added on device A (kept inside its encrypted profile), synced up (records, then bytes in chunks of the
  policy's chunk_bytes), synced down to device B (records and thumbnails) and every full copy fetched
  on B, hash checked: the time from the first add to the last full copy kept;
- the same bytes through the same loopback, plainly: each file PUT to a trivial HTTP server and GET back.
Prints both and the ratio (the figure that matters; goal: the whole under 30 s on 2 cores).
"""

from __future__ import annotations

import hashlib
import os
import random
import sys
import tempfile
import threading
import time
from datetime import UTC, date, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.server.sync_helpers import CentralStoreProcess, new_database, new_device  # noqa: E402

from somdesk.domain.attachments import AttachmentLimits  # noqa: E402
from somdesk.server.demo import DEMO_PASSWORD, seed_demo  # noqa: E402
from somdesk.server.store import ServerStore  # noqa: E402
from somdesk.sync.attachments import fetch_full  # noqa: E402
from somdesk.sync.engine import sync_once  # noqa: E402

TODAY = date(2026, 11, 23)
THUMBNAIL = b"\xff\xd8\xff\xe0" + bytes(8 * 1024)
THUMBNAIL_SHA256 = hashlib.sha256(THUMBNAIL).hexdigest()


def prepared(count: int, size: int) -> list[bytes]:
    rng = random.Random(22)
    return [b"\xff\xd8\xff\xe0" + rng.randbytes(size - 4) for _ in range(count)]


class _Plain(BaseHTTPRequestHandler):
    """PUT keeps the body under its path; GET gives it back. Nothing else."""

    held: ClassVar[dict[str, bytes]] = {}

    def do_PUT(self) -> None:
        self.held[self.path] = self.rfile.read(int(self.headers["Content-Length"]))
        self.send_response(204)
        self.end_headers()

    def do_GET(self) -> None:
        body = self.held[self.path]
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def plain_copy(files: list[bytes]) -> float:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Plain)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    started = time.perf_counter()
    with httpx.Client(base_url=f"http://127.0.0.1:{server.server_address[1]}") as client:
        for n, body in enumerate(files):
            client.put(f"/{n}", content=body).raise_for_status()
        for n, body in enumerate(files):
            assert client.get(f"/{n}").content == body
    took = time.perf_counter() - started
    server.shutdown()
    return took


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    size = int(float(sys.argv[2]) * 1_000_000) if len(sys.argv) > 2 else 3_000_000
    files = prepared(count, size)
    total_mb = count * size / 1e6
    url = new_database(os.environ["SOMDESK_TEST_PG_URL"], "bench")
    store = ServerStore(url)
    store.migrate()
    seed_demo(store, 20, 2026, TODAY, soms=1)
    server = CentralStoreProcess(url)
    server.start()
    folder = Path(tempfile.mkdtemp(prefix="somdesk-bench-attach-"))
    limits = AttachmentLimits()
    try:
        a = new_device(folder / "a", server.url, "som1", DEMO_PASSWORD)
        b = new_device(folder / "b", server.url, "som1", DEMO_PASSWORD)
        a.sync(), b.sync()
        with a.opened.engine.connect() as conn:
            case = conn.exec_driver_sql("SELECT id FROM nominals LIMIT 1").scalar_one()

        started = time.perf_counter()
        ids = []
        for n, body in enumerate(files):
            with a.opened.unit_of_work(justification_required=False) as uow:
                values = {
                    "nominal_id": case, "category": "marks", "taken_on": TODAY, "taken_by": "DC Bench",
                    "caption": f"bench {n}", "media_type": "image/jpeg", "size": len(body),
                    "sha256": hashlib.sha256(body).hexdigest(), "width": 2000, "height": 1500,
                    "original_name": f"bench{n}.jpg", "source": "", "source_id": None,
                    "thumbnail_sha256": THUMBNAIL_SHA256,
                }  # fmt: skip
                ids.append(uow.add_attachment(values, body, THUMBNAIL, f"bench photograph {n}"))
        added = time.perf_counter() - started
        up = sync_once(a.local, a.remote, limits=limits)
        sent = time.perf_counter() - started
        down = sync_once(b.local, b.remote, limits=limits)
        for attachment_id in ids:
            assert fetch_full(b.local, b.remote, attachment_id, limits, lambda: datetime.now(UTC))
        took = time.perf_counter() - started
        # fetch_full kept each copy only once its hash matched the record; the cache (the policy's
        # full_cache_bytes, 200 MB) has since let the earliest go: those still held are the same bytes.
        kept = 0
        for attachment_id, body in zip(ids, files, strict=True):
            record = b.local.attachment(attachment_id)
            assert record is not None and record.sha256 == hashlib.sha256(body).hexdigest()
            full = b.local.held_bytes(attachment_id)[1]
            assert full is None or full == body
            kept += full is not None
        assert kept * size <= limits.full_cache_bytes and kept > 0
        assert up.attachments_sent == count and down.thumbnails == count, (up, down)

        plain = plain_copy(files)
        print(
            f"{count} photographs of {size / 1e6:.1f} MB ({total_mb:.0f} MB), chunks of "
            f"{limits.chunk_bytes // 1024} KB: added on A {added:.1f} s, sent by {sent:.1f} s, on B with "
            f"every full copy by {took:.1f} s (goal under 30 s)"
        )
        print(f"plain PUT and GET of the same bytes on the same loopback: {plain:.1f} s")
        print(f"ratio: {took / plain:.1f}x")
        a.close(), b.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
