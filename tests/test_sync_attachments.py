"""Moving attachment bytes (sync/attachments.py) against an in-memory central store that speaks the agreed
API (PUT/GET content by offset, status, thumbnail): an upload resumes from what the central store holds
after a cut, restarts after a hash mismatch, waits for its record's insert to be taken, keeps a refused
record's bytes pinned until discarded; thumbnails come down checked as JPEGs; a full copy resumes, is
refused on a wrong hash and joins the bounded cache; failures back off, doubling to 10 minutes."""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from somdesk.app.profiles import demo_identity, open_demo_profile
from somdesk.app.session import Role, Session
from somdesk.domain.attachments import AttachmentLimits
from somdesk.store import attachments as attachment_store
from somdesk.store.replica import LocalSync
from somdesk.sync.attachments import NotMoved, fetch_full, move_bytes
from somdesk.sync.client import CentralStore, MemoryTokens, Offline, ServerFault
from somdesk.sync.engine import SyncState, SyncStatus
from tests.conftest import NOW, TODAY
from tests.test_session_attachments import face, made

DEVICE = "11111111-1111-4111-8111-111111111111"
LIMITS = AttachmentLimits(chunk_bytes=1000, full_cache_bytes=10_000)
JPEG = b"\xff\xd8\xff\xe0 synthetic thumbnail"
AT = datetime.combine(TODAY, NOW, UTC)


@dataclass
class Held:
    size: int
    sha256: str
    data: bytearray = field(default_factory=bytearray)
    complete: bool = False
    thumbnail: bytes | None = None


class FakeCentral:
    """The agreed bytes API, in memory, with faults on demand."""

    def __init__(self) -> None:
        self.held: dict[str, Held] = {}
        self.cut_after: int | None = None  # requests answered before the connection drops
        self.lose_reply = False  # the cut comes after the central store did the work
        self.corrupt_once: set[str] = set()  # an upload whose first chunk arrives damaged
        self.too_many: set[str] = set()  # uploads refused after too many that did not match (429)
        self.fail_5xx = False
        self.requests: list[str] = []

    def handle(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path == "/v1/refresh":
            return httpx.Response(200, json={"access_token": "a", "refresh_token": "r"})
        self.requests.append(f"{request.method} {path.rsplit('/', 1)[-1]}")
        if self.fail_5xx:
            return httpx.Response(503, json={"detail": "down"})
        if self.cut_after is not None:
            if self.cut_after <= 0:
                if self.lose_reply:
                    self._answer(request)
                raise httpx.ConnectError("connection reset by peer", request=request)
            self.cut_after -= 1
        return self._answer(request)

    def _answer(self, request: httpx.Request) -> httpx.Response:
        _, _, _, attachment_id, what = request.url.path.split("/")
        found = self.held.get(attachment_id)
        if found is None:
            return httpx.Response(404, json={"detail": "no such attachment in your scope"})
        params = request.url.params
        if what == "status":
            return httpx.Response(
                200,
                json={
                    "received": len(found.data),
                    "complete": found.complete,
                    "thumbnail": bool(found.thumbnail),
                },
            )
        if what == "thumbnail" and request.method == "PUT":
            found.thumbnail = request.content
            return httpx.Response(200, json={})
        if what == "thumbnail":
            if found.thumbnail is None:
                return httpx.Response(404, json={"detail": "no thumbnail yet"})
            return httpx.Response(200, content=found.thumbnail)
        if request.method == "GET":
            if not found.complete:
                return httpx.Response(404, json={"detail": "not complete"})
            offset, length = int(params["offset"]), int(params["length"])
            return httpx.Response(200, content=bytes(found.data[offset : offset + length]))
        if found.complete:
            return httpx.Response(200, json={"received": found.size, "complete": True})
        if attachment_id in self.too_many:
            detail = (
                "the bytes sent for this attachment did not match its record 5 times; ask your administrator"
            )
            return httpx.Response(429, json={"detail": detail})
        offset = int(params["offset"])
        if offset != len(found.data):
            return httpx.Response(409, json={"detail": "wrong offset", "received": len(found.data)})
        body = request.content
        if attachment_id in self.corrupt_once:
            self.corrupt_once.discard(attachment_id)
            body = b"X" + body[1:]
        found.data += body
        if len(found.data) == found.size:
            if hashlib.sha256(found.data).hexdigest() != found.sha256:
                found.data.clear()
                return httpx.Response(422, json={"detail": "the hash does not match", "received": 0})
            found.complete = True
        return httpx.Response(200, json={"received": len(found.data), "complete": found.complete})


@pytest.fixture
def opened(tmp_path):
    opened = open_demo_profile(TODAY, tmp_path, rsos=3, seed=7)
    opened.demo = False  # a synthetic force, but changes queue for sync as on a real profile
    yield opened
    opened.lock()


@pytest.fixture
def central() -> FakeCentral:
    return FakeCentral()


@pytest.fixture
def remote(central):
    tokens = MemoryTokens()
    tokens.save("p", "r")
    store = CentralStore(
        "http://127.0.0.1:1", DEVICE, tokens, "p", transport=httpx.MockTransport(central.handle)
    )
    yield store
    store.close()


def clock_at(offset_s: float = 0):
    return lambda: AT + timedelta(seconds=offset_s)


def add_photo(opened, policy, size: int = 4500, seed: int = 1) -> tuple[str, bytes]:
    som = Session(opened, demo_identity(opened, Role.SOM), policy, lambda: TODAY, "demo", lambda: NOW)
    content = b"\xff\xd8\xff" + random.Random(seed).randbytes(size - 3)
    nid = som.workspace().statuses[0].case.nominal.id
    return som.add_attachment(nid, made(content), face()), content


def sql(opened, statement: str, *params: Any) -> list[Any]:
    with opened.in_use() as engine, engine.begin() as conn:
        result = conn.exec_driver_sql(statement, params)
        return list(result) if result.returns_rows else []


def taken_by_central(opened, central: FakeCentral, aid: str, content: bytes) -> None:
    """The record's push was acknowledged: its insert left the outbox; the central store knows it."""
    sql(opened, "DELETE FROM sync_outbox WHERE record_id = ?", aid)
    central.held[aid] = Held(len(content), hashlib.sha256(content).hexdigest())


def transfer(opened, aid: str, direction: str = "up") -> Any:
    rows = sql(
        opened,
        "SELECT done, attempts, next_try_at, last_error FROM attachment_transfers "
        "WHERE attachment_id = ? AND direction = ?",
        aid,
        direction,
    )
    return rows[0] if rows else None


def pinned(opened, aid: str) -> bool:
    return bool(sql(opened, "SELECT pinned FROM attachment_bytes WHERE attachment_id = ?", aid)[0][0])


def test_upload_waits_for_its_record_then_goes_whole_and_unpins(opened, policy, central, remote):
    aid, content = add_photo(opened, policy)
    local = LocalSync(opened)
    assert move_bytes(local, remote, LIMITS, clock_at()).sent == 0  # its insert is still in the outbox
    assert central.requests == []
    taken_by_central(opened, central, aid, content)
    report = move_bytes(local, remote, LIMITS, clock_at())
    assert report.sent == 1 and local.uploads_waiting() == 0
    assert bytes(central.held[aid].data) == content and central.held[aid].complete
    assert central.held[aid].thumbnail == local.held_bytes(aid)[0]
    assert central.requests.count("PUT content") == 5  # 4,500 bytes in chunks of 1,000
    assert transfer(opened, aid) is None and not pinned(opened, aid)


def test_one_pass_sends_every_upload_due_and_fetches_every_thumbnail_not_only_the_first_batch(
    opened, policy, central, remote
):
    # 60 uploads (the queue is read 50 at a time) and 210 thumbnails (read 200 at a time).
    ups = [add_photo(opened, policy, size=1000, seed=n) for n in range(60)]
    for aid, content in ups:
        taken_by_central(opened, central, aid, content)
    downs = [pulled(opened, central, n.to_bytes(4, "big") * 300) for n in range(210)]
    local = LocalSync(opened)
    report = move_bytes(local, remote, LIMITS, clock_at())
    assert (report.sent, report.thumbnails, report.failed) == (60, 210, 0)
    assert local.uploads_waiting() == 0 and all(central.held[a].complete for a, _ in ups)
    assert all(local.held_bytes(a)[0] == JPEG for a in downs)


def test_a_cut_mid_upload_resumes_from_what_the_central_store_holds(opened, policy, central, remote):
    aid, content = add_photo(opened, policy)
    taken_by_central(opened, central, aid, content)
    local = LocalSync(opened)
    # status, the thumbnail, 2 chunks; the 3rd arrives, its reply is lost
    central.cut_after, central.lose_reply = 4, True
    with pytest.raises(Offline):
        move_bytes(local, remote, LIMITS, clock_at())
    assert len(central.held[aid].data) == 3000
    # The thumbnail went first: colleagues see the picture while the file is still on its way.
    assert central.held[aid].thumbnail is not None
    failed = transfer(opened, aid)
    assert failed.attempts == 1 and "cannot reach" in failed.last_error and pinned(opened, aid)
    central.cut_after = None
    assert move_bytes(local, remote, LIMITS, clock_at(1)).sent == 0  # backing off: not due for 2 s
    central.requests.clear()
    assert move_bytes(local, remote, LIMITS, clock_at(3)).sent == 1
    assert central.requests[:3] == ["GET status", "PUT content", "PUT content"]  # 3000.., not from 0
    assert bytes(central.held[aid].data) == content and not pinned(opened, aid)


def test_a_hash_mismatch_on_the_central_store_restarts_the_upload_from_nothing(
    opened, policy, central, remote
):
    aid, content = add_photo(opened, policy)
    taken_by_central(opened, central, aid, content)
    central.corrupt_once.add(aid)
    assert move_bytes(local := LocalSync(opened), remote, LIMITS, clock_at()).sent == 1
    assert central.held[aid].complete and bytes(central.held[aid].data) == content
    assert central.requests.count("PUT content") == 10  # once damaged (422 -> from 0), once whole
    assert local.uploads_waiting() == 0


def test_uploads_refused_after_too_many_mismatches_back_off_and_are_not_sent_again_at_once(
    opened, policy, central, remote
):
    aid, content = add_photo(opened, policy)
    taken_by_central(opened, central, aid, content)
    central.too_many.add(aid)
    report = move_bytes(local := LocalSync(opened), remote, LIMITS, clock_at())
    assert (report.sent, report.failed) == (0, 1)
    assert central.requests.count("PUT content") == 1  # refused once, not resent in a loop
    assert "ask your administrator" in transfer(opened, aid).last_error and pinned(opened, aid)
    central.requests.clear()
    move_bytes(local, remote, LIMITS, clock_at(1))
    assert central.requests == []  # it waits out its back-off
    central.too_many.clear()  # cleared by an administrator
    assert move_bytes(local, remote, LIMITS, clock_at(3600)).sent == 1
    assert bytes(central.held[aid].data) == content


def test_a_record_the_central_store_does_not_know_backs_off_and_others_still_go(
    opened, policy, central, remote
):
    first, _ = add_photo(opened, policy, seed=1)
    second, content = add_photo(opened, policy, seed=2)
    sql(opened, "DELETE FROM sync_outbox WHERE record_id IN (?, ?)", first, second)
    central.held[second] = Held(len(content), hashlib.sha256(content).hexdigest())
    report = move_bytes(LocalSync(opened), remote, LIMITS, clock_at())
    assert (report.sent, report.failed) == (1, 1)
    assert "no such attachment" in transfer(opened, first).last_error and pinned(opened, first)


def test_failures_back_off_doubling_to_ten_minutes():
    waits = [attachment_store.backoff(n).total_seconds() for n in (1, 2, 3, 9, 10, 40)]
    assert waits == [2, 4, 8, 512, 600, 600]


def test_a_server_fault_stops_the_pass_and_keeps_the_bytes(opened, policy, central, remote):
    aid, content = add_photo(opened, policy)
    taken_by_central(opened, central, aid, content)
    central.fail_5xx = True
    with pytest.raises(ServerFault):
        move_bytes(LocalSync(opened), remote, LIMITS, clock_at())
    assert transfer(opened, aid).attempts == 1 and pinned(opened, aid)
    ((failing, tries, reason),) = LocalSync(opened).failing_uploads()  # what `sync status` lists
    assert failing == aid and tries == 1 and reason


def test_refused_record_keeps_its_bytes_pinned_until_discarded(opened, policy, central, remote):
    aid, content = add_photo(opened, policy)
    som = Session(opened, demo_identity(opened, Role.SOM), policy, lambda: TODAY, "demo", lambda: NOW)
    local = LocalSync(opened)
    mutation = local.outgoing(500).mutations
    insert = next(m for m in mutation if m["record_id"] == aid)
    local.acknowledge([insert], [{"id": insert["id"], "status": "rejected", "reason": "not yours"}], 0, AT)
    assert move_bytes(local, remote, LIMITS, clock_at()).sent == 0 and central.requests == []
    assert local.held_bytes(aid)[1] == content and pinned(opened, aid)
    som.discard_refused(insert["id"])
    assert sql(opened, "SELECT count(*) FROM attachment_bytes WHERE attachment_id = ?", aid) == [(0,)]
    assert transfer(opened, aid) is None


def pulled(opened, central: FakeCentral, content: bytes, thumb: bytes | None = JPEG) -> str:
    """An attachment made on another device arrives with a pull; the central store holds it whole."""
    aid = f"22222222-2222-4222-8222-{random.Random(content[:8]).randrange(10**12):012d}"
    nid = sql(opened, "SELECT id FROM nominals LIMIT 1")[0][0]
    digest = hashlib.sha256(content).hexdigest()
    record = {
        "id": aid, "nominal_id": nid, "category": "face", "taken_on": TODAY.isoformat(),
        "taken_by": "DC Other", "caption": "", "media_type": "image/jpeg", "size": len(content),
        "sha256": digest, "thumbnail_sha256": hashlib.sha256(JPEG).hexdigest(), "width": 10, "height": 10,
        "original_name": "other.jpg", "source": "",
        "source_id": None, "updated_at": AT.isoformat(), "updated_by": "other",
    }  # fmt: skip
    page = {"records": [{"t": "attachments", "id": aid, "v": 1, "x": False, "d": record}], "gone": [],
            "cursor": int(LocalSync(opened).cursor()) + 1, "more": False, "conflicts": [], "policy_hash": "",
            "scope": ""}  # fmt: skip
    LocalSync(opened).apply_page(json.loads(json.dumps(page)))
    central.held[aid] = Held(len(content), digest, bytearray(content), True, thumb)
    return aid


def test_thumbnails_come_down_with_the_record_and_a_non_jpeg_is_refused(opened, central, remote):
    good = pulled(opened, central, b"one" * 900)
    bad = pulled(opened, central, b"two" * 900, thumb=b"<html>not a picture</html>")
    # A JPEG, but not the one made with the record (put there by someone who may write the case).
    swapped = pulled(opened, central, b"six" * 900, thumb=b"\xff\xd8\xff\xe0 another face")
    local = LocalSync(opened)
    report = move_bytes(local, remote, LIMITS, clock_at())
    assert (report.thumbnails, report.failed) == (1, 2)
    assert local.held_bytes(good) == (JPEG, None)  # the thumbnail only: the full copy on demand
    assert local.held_bytes(bad) == (None, None) and local.held_bytes(swapped) == (None, None)
    assert "not a JPEG" in transfer(opened, bad, "thumb").last_error
    assert "thumbnail hash" in transfer(opened, swapped, "thumb").last_error
    central.requests.clear()
    move_bytes(local, remote, LIMITS, clock_at(1))
    assert central.requests == []  # the bad ones wait out their back-off; the good one is held


def test_a_full_copy_resumes_after_a_cut_and_is_kept_once_its_hash_matches(opened, central, remote):
    content = random.Random(3).randbytes(LIMITS.chunk_bytes * 5000)  # 5 MB: saved as it comes
    aid = pulled(opened, central, content)
    local = LocalSync(opened)
    central.cut_after = 4100
    with pytest.raises(Offline):
        fetch_full(local, remote, aid, LIMITS, clock_at())
    kept_so_far = local.received_so_far(aid, "full")
    assert len(kept_so_far) == 4_100_000 and content.startswith(kept_so_far)
    central.cut_after = None
    central.requests.clear()
    assert fetch_full(
        local, remote, aid, LIMITS.__class__(chunk_bytes=1000, full_cache_bytes=10**8), clock_at()
    )
    assert len(central.requests) == 900  # the rest only
    assert local.held_bytes(aid)[1] == content and transfer(opened, aid, "full") is None


def test_a_full_copy_with_the_wrong_hash_is_not_kept(opened, central, remote):
    content = b"the real file " * 200
    aid = pulled(opened, central, content)
    central.held[aid].data[5:6] = b"#"
    with pytest.raises(NotMoved, match="did not match"):
        fetch_full(LocalSync(opened), remote, aid, LIMITS, clock_at())
    assert LocalSync(opened).held_bytes(aid)[1] is None
    assert LocalSync(opened).received_so_far(aid, "full") == b""


def test_full_copies_stay_within_the_cache_least_recently_fetched_leaving_first(opened, central, remote):
    local = LocalSync(opened)
    ids = [pulled(opened, central, bytes([n]) * 4000) for n in range(1, 4)]
    for n, aid in enumerate(ids):
        assert fetch_full(local, remote, aid, LIMITS, clock_at(n))
    assert [local.held_bytes(aid)[1] is not None for aid in ids] == [False, True, True]  # 10,000 bytes


def test_the_status_line_counts_what_waits_to_go():
    assert SyncStatus(SyncState.IDLE, attachments_waiting=3).attachments_text == (
        "3 photographs or documents to send"
    )
    assert SyncStatus(SyncState.IDLE).attachments_text == ""


def test_a_retry_set_by_a_clock_that_was_ahead_does_not_wait_for_that_date(opened, policy, central, remote):
    aid, content = add_photo(opened, policy)
    taken_by_central(opened, central, aid, content)
    central.fail_5xx = True
    with pytest.raises(ServerFault):
        move_bytes(LocalSync(opened), remote, LIMITS, lambda: AT + timedelta(days=365))  # clock a year ahead
    central.fail_5xx = False
    assert move_bytes(LocalSync(opened), remote, LIMITS, clock_at()).sent == 1  # clock put right
    assert central.held[aid].complete


def _removed_elsewhere(opened, aid: str, conflicted: bool) -> None:
    """A pull brings the attachment's tombstone; `conflicted`: with an open conflict on the removal
    (this device edited it meanwhile)."""
    (row,) = sql(
        opened, "SELECT nominal_id, size, sha256, thumbnail_sha256 FROM attachments WHERE id = ?", aid
    )
    record = {
        "id": aid, "nominal_id": row[0], "category": "face", "taken_on": TODAY.isoformat(),
        "taken_by": "DC Other", "caption": "", "media_type": "image/jpeg", "size": row[1], "sha256": row[2],
        "thumbnail_sha256": row[3], "width": 10, "height": 10, "original_name": "other.jpg", "source": "",
        "source_id": None,
        "updated_at": AT.isoformat(), "updated_by": "other",
    }  # fmt: skip
    conflicts = [
        {"id": "33333333-3333-4333-8333-333333333333", "table": "attachments", "record_id": aid,
         "field": "deleted", "theirs": True, "mine": False, "username": "som1", "created_at": AT.isoformat()}
    ] if conflicted else []  # fmt: skip
    page = {"records": [{"t": "attachments", "id": aid, "v": 9, "x": True, "d": record}], "gone": [],
            "cursor": int(LocalSync(opened).cursor()) + 1, "more": False, "conflicts": conflicts,
            "policy_hash": "", "scope": ""}  # fmt: skip
    LocalSync(opened).apply_page(json.loads(json.dumps(page)))


def test_a_removal_in_conflict_keeps_the_bytes_and_keeping_the_record_sends_them_again(
    opened, policy, central, remote
):
    content = b"the only copy left " * 300
    aid = pulled(opened, central, content)
    local = LocalSync(opened)
    assert move_bytes(local, remote, LIMITS, clock_at()).thumbnails == 1
    assert fetch_full(local, remote, aid, LIMITS, clock_at())
    _removed_elsewhere(opened, aid, conflicted=True)
    assert local.held_bytes(aid) == (JPEG, content)  # the user has not decided yet
    som = Session(opened, demo_identity(opened, Role.SOM), policy, lambda: TODAY, "demo", lambda: NOW)
    (conflict,) = som.sync_issues().conflicts
    som.resolve_conflict(conflict, False)
    assert transfer(opened, aid) is not None and pinned(opened, aid)  # queued to go back up
    sql(opened, "DELETE FROM sync_outbox WHERE record_id = ?", aid)  # the answer was taken
    central.held[aid] = Held(len(content), hashlib.sha256(content).hexdigest())  # erased there: nothing
    assert move_bytes(local, remote, LIMITS, clock_at()).sent == 1
    assert bytes(central.held[aid].data) == content and central.held[aid].complete
    assert central.held[aid].thumbnail == JPEG and transfer(opened, aid) is None


def test_a_removal_without_a_conflict_or_confirmed_erases_the_bytes(opened, policy, central, remote):
    plain, disputed = pulled(opened, central, b"one " * 900), pulled(opened, central, b"two " * 900)
    local = LocalSync(opened)
    for aid in (plain, disputed):
        assert fetch_full(local, remote, aid, LIMITS, clock_at())
    _removed_elsewhere(opened, plain, conflicted=False)
    assert local.held_bytes(plain) == (None, None)
    _removed_elsewhere(opened, disputed, conflicted=True)
    som = Session(opened, demo_identity(opened, Role.SOM), policy, lambda: TODAY, "demo", lambda: NOW)
    (conflict,) = som.sync_issues().conflicts
    som.resolve_conflict(conflict, True)  # removed after all
    assert local.held_bytes(disputed) == (None, None) and transfer(opened, disputed) is None


def test_the_record_says_waiting_until_its_photographs_bytes_are_sent(opened, policy, central, remote):
    """The record header's sync state: a photograph whose record the central store took but whose bytes
    are not all sent is still waiting, not "Synced"."""
    from somdesk.store.read import RecordState

    aid, content = add_photo(opened, policy)
    nid = sql(opened, "SELECT nominal_id FROM attachments WHERE id = ?", aid)[0][0]
    sql(opened, "DELETE FROM sync_outbox")  # every record taken by the central store
    central.held[aid] = Held(len(content), hashlib.sha256(content).hexdigest())
    with opened.reader() as reader:
        assert reader.sync_state(nid) is RecordState.PENDING
    assert move_bytes(LocalSync(opened), remote, LIMITS, clock_at()).sent == 1
    with opened.reader() as reader:
        assert reader.sync_state(nid) is RecordState.SYNCED


def test_a_profile_locked_under_background_sync_ends_it_quietly(tmp_path, remote, caplog):
    """The window locks the profile while its sync loop works: the loop ends without an error in the
    support log (it read as a crash: three chained tracebacks)."""
    import logging
    import threading

    from somdesk.sync.engine import SyncLoop

    opened = open_demo_profile(TODAY, tmp_path / "locking", rsos=3, seed=7)
    local = LocalSync(opened)
    opened.lock()
    loop = SyncLoop(local, remote, lambda status: None, lambda report: None)
    with caplog.at_level(logging.INFO, logger="somdesk"):
        worker = threading.Thread(target=loop._work, daemon=True)
        worker.start()
        worker.join(20)
    assert not worker.is_alive()
    assert "sync failed" not in caplog.text and "the profile was locked" in caplog.text
