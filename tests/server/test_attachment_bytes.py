"""Photograph and document bytes on the central store (PostgreSQL): uploaded in chunks that resume from
what was received, checked against the record's size and hash, read back byte-identical by whoever holds
the record and nobody else, erased with the record, and safe against two uploads of the same chunk at once
and against hostile requests."""

from __future__ import annotations

import hashlib
import json
import os
import random
import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from somdesk.cli.server import main as server_main
from somdesk.domain.roles import Role
from somdesk.server import sync
from somdesk.server.app import create_app
from somdesk.server.demo import DEMO_PASSWORD, seed_demo
from somdesk.server.scope import SYSTEM, Scope
from somdesk.server.store import ServerStore
from tests.conftest import TODAY

from .sync_helpers import LiveServer, scratch_database
from .test_authorisation import bearer, login, mutation, push

pytestmark = pytest.mark.postgres
CHUNK = 256 * 1024


@pytest.fixture(scope="module")
def template() -> Iterator[str]:
    """A small force of two teams seeded once; each test gets its own copy. som-other is a SOM of the
    team that does not hold som1's cases."""
    with scratch_database(os.environ["SOMDESK_TEST_PG_URL"], "tpl") as url:
        seeded = ServerStore(url)
        seeded.migrate()
        seed_demo(seeded, 800, 7, TODAY, soms=1)
        with seeded.engine.connect() as conn:
            mine = conn.execute(text("SELECT officer_id FROM users WHERE username = 'som1'")).scalar_one()
            officers = {
                r.id: json.loads(r.data)["team_id"]
                for r in conn.execute(text("SELECT id, data FROM records WHERE table_name = 'officers'"))
            }
        other = next(o for o, team in officers.items() if team != officers[mine])
        seeded.add_user("som-other", "Other team SOM", Role.SOM, DEMO_PASSWORD, officer_id=other)
        seeded.engine.dispose()
        yield url


@pytest.fixture
def store(template) -> Iterator[ServerStore]:
    with scratch_database(os.environ["SOMDESK_TEST_PG_URL"], template=template) as url:
        copy = ServerStore(url)
        yield copy
        copy.engine.dispose()


@pytest.fixture
def client(store) -> TestClient:
    return TestClient(create_app(store))


def _token(client: TestClient, username: str) -> str:
    return str(login(client, username).json()["access_token"])


def _sql(store: ServerStore, query: str, **params: Any) -> Any:
    with store.engine.connect() as conn:
        return conn.execute(text(query), params).all()


def _case_of_som1(store: ServerStore, n: int = 0) -> str:
    """som1's n-th case."""
    return str(
        _sql(
            store,
            "SELECT r.id FROM records r JOIN users u ON u.username = 'som1' "
            "WHERE r.table_name = 'nominals' AND r.officer_id = u.officer_id ORDER BY r.id",
        )[n][0]
    )


def _supervisor_of(store: ServerStore, nominal_id: str) -> str:
    """The supervisor whose team holds the case's officer."""
    officer = _sql(store, "SELECT officer_id FROM records WHERE id = :i", i=nominal_id)[0][0]
    team = json.loads(_sql(store, "SELECT data FROM records WHERE id = :i", i=officer)[0][0])["team_id"]
    for username, teams in _sql(store, "SELECT username, team_ids FROM users WHERE role = 'supervisor'"):
        if team in json.loads(teams):
            return str(username)
    raise AssertionError("no supervisor of the case's team")


def _photo(size: int, seed: int = 1) -> bytes:
    return random.Random(seed).randbytes(size)


THUMB = b"\xff\xd8\xffthumb"  # the thumbnail made with each record pushed here


def _pushed(
    client: TestClient,
    token: str,
    nominal_id: str,
    content: bytes,
    sha: str | None = None,
    thumb: bytes = THUMB,
) -> str:
    """An attachment record for `content` (and its thumbnail `thumb`), pushed by the holder of `token`; its
    id."""
    record_id = str(uuid.uuid4())
    answer = push(
        client, token,
        mutation(
            "attachments", record_id, "insert", id=record_id, nominal_id=nominal_id, category="face",
            taken_on=date(2026, 11, 20).isoformat(), taken_by="PC Demo", caption="Front, at notification",
            media_type="image/jpeg", size=len(content), sha256=sha or hashlib.sha256(content).hexdigest(),
            original_name="face.jpg", thumbnail_sha256=hashlib.sha256(thumb).hexdigest(), source="",
            source_id=None, updated_at="2026-11-20T10:00:00+00:00",
            updated_by="som1",
        ),
    )  # fmt: skip
    assert answer.status_code == 200, answer.text
    assert answer.json()["results"][0]["status"] == "applied", answer.json()
    return record_id


def _put(client: Any, token: str, record_id: str, offset: int, data: bytes) -> Any:
    return client.put(
        f"/v1/attachments/{record_id}/content",
        params={"offset": offset},
        content=data,
        headers={**bearer(token), "Content-Type": "application/octet-stream"},
    )


def _upload(client: TestClient, token: str, record_id: str, content: bytes, first: int = 0) -> Any:
    answer = None
    for start in range(first, len(content), CHUNK):
        answer = _put(client, token, record_id, start, content[start : start + CHUNK])
        assert answer.status_code == 200, answer.text
    return answer


def _download(client: TestClient, token: str, record_id: str, size: int, length: int = 100_000) -> bytes:
    out = b""
    while len(out) < size:
        answer = client.get(
            f"/v1/attachments/{record_id}/content",
            params={"offset": len(out), "length": length},
            headers=bearer(token),
        )
        assert answer.status_code == 200, answer.text
        assert answer.headers["content-type"] == "application/octet-stream"
        out += answer.content
    return out


def _chunk_rows(store: ServerStore, record_id: str) -> int:
    found = _sql(store, "SELECT count(*) FROM attachment_chunks WHERE attachment_id = :i", i=record_id)
    return int(found[0][0])


def test_chunks_uploaded_in_order_download_byte_identical_and_a_retried_last_chunk_is_fine(store, client):
    token = _token(client, "som1")
    content = _photo(3 * CHUNK + 12345)
    record_id = _pushed(client, token, _case_of_som1(store), content)
    status = client.get(f"/v1/attachments/{record_id}/status", headers=bearer(token)).json()
    assert status == {"received": 0, "complete": False, "thumbnail": False}

    first = _put(client, token, record_id, 0, content[:CHUNK])
    assert first.json() == {"received": CHUNK, "complete": False}
    # Not complete yet: nothing to download.
    assert client.get(f"/v1/attachments/{record_id}/content", headers=bearer(token)).status_code == 404
    last = _upload(client, token, record_id, content, first=CHUNK)
    assert last.json() == {"received": len(content), "complete": True}
    # The last chunk sent again (its answer was lost): done, nothing added.
    again = _put(client, token, record_id, 3 * CHUNK, content[3 * CHUNK :])
    assert again.status_code == 200 and again.json() == {"received": len(content), "complete": True}
    assert _chunk_rows(store, record_id) == 4

    assert _download(client, token, record_id, len(content)) == content
    # A range in the middle, across a chunk boundary.
    middle = client.get(
        f"/v1/attachments/{record_id}/content",
        params={"offset": CHUNK - 10, "length": 20},
        headers=bearer(token),
    )
    assert middle.content == content[CHUNK - 10 : CHUNK + 10]
    assert client.get(f"/v1/attachments/{record_id}/status", headers=bearer(token)).json()["complete"]


def test_a_wrong_offset_is_answered_with_what_was_received_and_the_upload_resumes(store, client):
    token = _token(client, "som1")
    content = _photo(2 * CHUNK + 7)
    record_id = _pushed(client, token, _case_of_som1(store), content)
    assert _put(client, token, record_id, 0, content[:CHUNK]).status_code == 200
    for wrong in (0, CHUNK + 1, 2 * CHUNK):
        answer = _put(client, token, record_id, wrong, content[wrong : wrong + CHUNK])
        assert answer.status_code == 409
        assert answer.json()["received"] == CHUNK
        assert "continue from byte" in answer.json()["detail"]
    assert _put(client, token, record_id, CHUNK, content[CHUNK:]).json()["complete"] is True
    assert _download(client, token, record_id, len(content)) == content


def test_bytes_that_do_not_match_the_hash_are_all_discarded(store, client):
    token = _token(client, "som1")
    content = _photo(CHUNK + 100)
    record_id = _pushed(client, token, _case_of_som1(store), content)
    assert _put(client, token, record_id, 0, content[:CHUNK]).status_code == 200
    tampered = b"\x00" + content[CHUNK + 1 :]
    answer = _put(client, token, record_id, CHUNK, tampered)
    assert answer.status_code == 422
    assert answer.json()["received"] == 0 and "hash" in answer.json()["detail"]
    assert _chunk_rows(store, record_id) == 0
    status = client.get(f"/v1/attachments/{record_id}/status", headers=bearer(token)).json()
    assert status["received"] == 0 and not status["complete"]
    # Sent again right, from the start, it completes.
    assert _upload(client, token, record_id, content).json()["complete"] is True


def test_after_five_uploads_that_do_not_match_more_are_refused_until_cleared_or_a_day_passes(store, client):
    token = _token(client, "som1")
    content = _photo(1000)
    record_id = _pushed(client, token, _case_of_som1(store), content)
    wrong = b"\x00" + content[1:]
    for _ in range(5):
        assert _put(client, token, record_id, 0, wrong).status_code == 422
    # The sixth is refused before its bytes are stored or hashed, and so are right ones: 429, in words.
    for data in (wrong, content):
        refused = _put(client, token, record_id, 0, data)
        assert refused.status_code == 429, refused.text
        assert "did not match its record 5 times; ask your administrator" in refused.json()["detail"]
    assert _chunk_rows(store, record_id) == 0

    # An administrator clears it: taken again at once.
    server_main(["--database-url", store.engine.url.render_as_string(hide_password=False),
                 "attachments", "clear", record_id])  # fmt: skip
    assert _put(client, token, record_id, 0, content).json() == {"received": 1000, "complete": True}

    # Or a day after the last mismatch, the count starts again.
    again = _pushed(client, token, _case_of_som1(store), content)
    for _ in range(5):
        assert _put(client, token, again, 0, wrong).status_code == 422
    assert _put(client, token, again, 0, content).status_code == 429
    with store.engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE attachment_bytes SET mismatch_at = mismatch_at - interval '1 day' "
                "WHERE attachment_id = :i"
            ),
            {"i": again},
        )
    assert _put(client, token, again, 0, wrong).status_code == 422  # counted from one again
    assert _put(client, token, again, 0, content).json()["complete"] is True


def test_bytes_past_the_record_s_size_and_oversized_requests_are_refused(store, client):
    token = _token(client, "som1")
    content = _photo(1000)
    record_id = _pushed(client, token, _case_of_som1(store), content)
    answer = _put(client, token, record_id, 0, content + b"more")
    assert answer.status_code == 413 and "size of 1000 bytes" in answer.json()["detail"]
    assert _chunk_rows(store, record_id) == 0
    big = _photo(4 * 1024 * 1024 + 1)
    too_big = _put(client, token, record_id, 0, big)
    assert too_big.status_code == 413 and "4 MB" in too_big.json()["detail"]
    thumb = client.put(
        f"/v1/attachments/{record_id}/thumbnail", content=b"\xff\xd8\xff" + big[: 512 * 1024],
        headers=bearer(token),
    )  # fmt: skip
    assert thumb.status_code == 413


def test_only_the_thumbnail_made_with_the_record_is_kept_and_never_replaced(store, client):
    token = _token(client, "som1")
    content = _photo(500)
    made = b"\xff\xd8\xff\xe0" + bytes([1]) * 2000
    record_id = _pushed(client, token, _case_of_som1(store), content, thumb=made)
    path = f"/v1/attachments/{record_id}/thumbnail"
    assert client.get(path, headers=bearer(token)).status_code == 404
    png = client.put(path, content=b"\x89PNG\r\n\x1a\n" + b"x" * 100, headers=bearer(token))
    assert png.status_code == 415 and "JPEG" in png.json()["detail"]
    # Another JPEG (an attacker's face, or 8 bytes of junk) is refused in words: the record's hash says.
    for other in (b"\xff\xd8\xff\xe0" + bytes([2]) * 2000, b"\xff\xd8\xffjunk"):
        refused = client.put(path, content=other, headers=bearer(token))
        assert refused.status_code == 422 and "thumbnail hash" in refused.json()["detail"]
    assert client.get(path, headers=bearer(token)).status_code == 404
    for _ in (1, 2):  # the right one, and the same again (its answer lost): both fine
        assert client.put(path, content=made, headers=bearer(token)).status_code == 200
        got = client.get(path, headers=bearer(token))
        assert got.content == made and got.headers["content-type"] == "image/jpeg"
    # Once the upload is complete, still nobody replaces it.
    _upload(client, token, record_id, content)
    late = client.put(path, content=b"\xff\xd8\xffjunk", headers=bearer(token))
    assert late.status_code == 422
    assert client.get(path, headers=bearer(token)).content == made
    status = client.get(f"/v1/attachments/{record_id}/status", headers=bearer(token)).json()
    assert status == {"received": 500, "complete": True, "thumbnail": True}


def test_an_attachment_not_on_the_central_store_is_not_found(store, client):
    token = _token(client, "som1")
    unknown = str(uuid.uuid4())
    assert _put(client, token, unknown, 0, b"abc").status_code == 404
    assert client.get(f"/v1/attachments/{unknown}/status", headers=bearer(token)).status_code == 404
    assert client.get(f"/v1/attachments/{unknown}/content", headers=bearer(token)).status_code == 404
    thumb = client.put(f"/v1/attachments/{unknown}/thumbnail", content=b"\xff\xd8\xff", headers=bearer(token))
    assert thumb.status_code == 404
    # A record of another type by its id is not an attachment either.
    case = _case_of_som1(store)
    assert _put(client, token, case, 0, b"abc").status_code == 404
    assert _sql(store, "SELECT count(*) FROM attachment_bytes")[0][0] == 0


def test_only_holders_of_the_case_read_and_only_writers_write(store, client):
    som = _token(client, "som1")
    content = _photo(CHUNK + 1)
    case = _case_of_som1(store)
    record_id = _pushed(client, som, case, content)
    _upload(client, som, record_id, content)
    kept = client.put(f"/v1/attachments/{record_id}/thumbnail", content=THUMB, headers=bearer(som))
    assert kept.status_code == 200

    other = _token(client, "som-other")
    for path in ("status", "content", "thumbnail"):
        assert client.get(f"/v1/attachments/{record_id}/{path}", headers=bearer(other)).status_code == 404
    assert _put(client, other, record_id, 0, content[:10]).status_code == 404
    assert (
        client.put(
            f"/v1/attachments/{record_id}/thumbnail", content=b"\xff\xd8\xffmine", headers=bearer(other)
        ).status_code
        == 404
    )
    mine = client.get(f"/v1/attachments/{record_id}/thumbnail", headers=bearer(som))
    assert mine.content.endswith(b"thumb")

    supervisor = _token(client, _supervisor_of(store, case))
    assert _download(client, supervisor, record_id, len(content)) == content
    # The administrator holds no cases, so no photographs.
    admin = _token(client, "admin")
    assert client.get(f"/v1/attachments/{record_id}/content", headers=bearer(admin)).status_code == 404
    # No sign-in, no bytes: refused before the body is read.
    assert _put(client, "not-a-token", record_id, 0, content[:10]).status_code == 401


def test_removing_the_record_erases_its_bytes(store, client):
    token = _token(client, "som1")
    content = _photo(2 * CHUNK)
    record_id = _pushed(client, token, _case_of_som1(store), content)
    _upload(client, token, record_id, content)
    kept = client.put(f"/v1/attachments/{record_id}/thumbnail", content=THUMB, headers=bearer(token))
    assert kept.status_code == 200
    assert _chunk_rows(store, record_id) == 2
    version = _sql(store, "SELECT version FROM records WHERE id = :i", i=record_id)[0][0]
    removed = push(client, token, mutation("attachments", record_id, "update", version, deleted=True))
    assert removed.json()["results"][0]["status"] == "applied", removed.json()

    assert _chunk_rows(store, record_id) == 0
    rows = _sql(store, "SELECT count(*) FROM attachment_bytes WHERE attachment_id = :i", i=record_id)
    assert rows[0][0] == 0
    assert client.get(f"/v1/attachments/{record_id}/content", headers=bearer(token)).status_code == 404
    assert client.get(f"/v1/attachments/{record_id}/thumbnail", headers=bearer(token)).status_code == 404
    assert _put(client, token, record_id, 0, content[:CHUNK]).status_code == 404


def test_the_same_chunk_sent_at_once_by_several_devices_is_kept_once(store):
    with LiveServer(store) as server, httpx.Client(base_url=server.url, timeout=30) as http:
        token = str(login(http, "som1").json()["access_token"])  # type: ignore[arg-type]
        content = _photo(2 * CHUNK + 3)
        record_id = _pushed(http, token, _case_of_som1(store), content)  # type: ignore[arg-type]
        answers: list[Any] = []

        def send(offset: int) -> None:
            with httpx.Client(base_url=server.url, timeout=30) as own:
                answers.append(_put(own, token, record_id, offset, content[offset : offset + CHUNK]))

        for offset in (0, CHUNK, 2 * CHUNK):
            threads = [threading.Thread(target=send, args=(offset,)) for _ in range(6)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
        codes = sorted(a.status_code for a in answers)
        assert set(codes) <= {200, 409} and codes.count(200) >= 3, codes
        assert all(a.json()["received"] in (CHUNK, 2 * CHUNK, len(content)) for a in answers)
        assert _chunk_rows(store, record_id) == 3
        status = http.get(f"/v1/attachments/{record_id}/status", headers=bearer(token)).json()
        assert status["complete"] and status["received"] == len(content)
        got = http.get(
            f"/v1/attachments/{record_id}/content", params={"length": len(content)}, headers=bearer(token)
        )
        assert got.content == content


@pytest.mark.parametrize(
    ("method", "path", "params"),
    [
        ("put", "/v1/attachments/{id}/content", {"offset": -1}),
        ("put", "/v1/attachments/{id}/content", {"offset": "ten"}),
        ("put", "/v1/attachments/{id}/content", {"offset": 2**70}),
        ("put", "/v1/attachments/{id}/content", {}),
        ("get", "/v1/attachments/{id}/content", {"length": 4 * 1024 * 1024 + 1}),
        ("get", "/v1/attachments/{id}/content", {"length": 0}),
        ("get", "/v1/attachments/{id}/content", {"offset": -5}),
        ("get", "/v1/attachments/{id}/content", {"offset": 10**6}),
        ("get", "/v1/attachments/not-a-uuid/status", {}),
        ("get", "/v1/attachments/{ID}/status", {}),
        ("get", "/v1/attachments/..%2F..%2Fetc%2Fpasswd/content", {}),
        ("get", "/v1/attachments/{id}/../../pull/content", {}),
        ("put", "/v1/attachments/%00{id}/content", {"offset": 0}),
        ("get", "/v1/attachments/{id}%20OR%201=1/status", {}),
    ],
)
def test_hostile_values_are_refused_cleanly(store, client, method, path, params):
    token = _token(client, "som1")
    content = _photo(300)
    record_id = _pushed(client, token, _case_of_som1(store), content)
    _upload(client, token, record_id, content)
    url = path.replace("{id}", record_id).replace("{ID}", record_id.upper())
    if method == "put":
        answer = client.put(url, params=params, content=b"x", headers=bearer(token))
    else:
        answer = client.get(url, params=params, headers=bearer(token))
    assert 400 <= answer.status_code < 500, (answer.status_code, answer.text)
    assert "detail" in answer.json()
    # Nothing changed.
    assert _download(client, token, record_id, len(content)) == content


def test_erasing_a_case_erases_the_bytes_of_its_attachments_only(store, client):
    """Only the central store's own writes erase a case (no device may): its photographs go with it."""
    token = _token(client, "som1")
    case, other_case = _case_of_som1(store), _case_of_som1(store, 1)
    content = _photo(CHUNK + 5)
    record_id = _pushed(client, token, case, content)
    _upload(client, token, record_id, content)
    kept = _pushed(client, token, other_case, content)
    _upload(client, token, kept, content)
    system = Scope(SYSTEM, "erasure", None)
    with store.engine.begin() as conn:
        erased = sync.Mutation(str(uuid.uuid4()), "nominals", case, "delete", 0, {})
        results, _ = sync.push(conn, system, "server", [erased], [], datetime.now(UTC))
    assert results[0]["status"] == "applied", results
    assert _chunk_rows(store, record_id) == 0
    assert _download(client, token, kept, len(content)) == content
