"""Attachment bytes on the SQLite demo store (`somdesk-server demo`): the same routes, its own dialect's
insert of the progress row; the full behaviour is proved on PostgreSQL (test_attachment_bytes.py)."""

from __future__ import annotations

import hashlib
import uuid

from fastapi.testclient import TestClient
from sqlalchemy import text

from somdesk.server.app import create_app
from somdesk.server.demo import seed_demo
from somdesk.server.store import ServerStore
from tests.conftest import TODAY

from .test_authorisation import bearer, login, mutation, push


def test_a_photograph_is_uploaded_resumed_and_read_back_on_the_demo_store(tmp_path):
    store = ServerStore(f"sqlite:///{tmp_path / 'central.db'}")
    store.migrate()
    seed_demo(store, 60, 7, TODAY, soms=1)
    client = TestClient(create_app(store))
    token = login(client, "som1").json()["access_token"]
    with store.engine.connect() as conn:
        case = conn.execute(
            text(
                "SELECT r.id FROM records r JOIN users u ON u.username = 'som1' "
                "WHERE r.table_name = 'nominals' AND r.officer_id = u.officer_id LIMIT 1"
            )
        ).scalar_one()
    content = bytes(range(256)) * 1200
    record_id = str(uuid.uuid4())
    pushed = push(
        client, token,
        mutation(
            "attachments", record_id, "insert", id=record_id, nominal_id=case, category="vehicle",
            taken_on="2026-11-20", taken_by="PC Demo", caption="Van", media_type="image/jpeg",
            size=len(content), sha256=hashlib.sha256(content).hexdigest(), original_name="van.jpg",
            thumbnail_sha256=hashlib.sha256(b"\xff\xd8\xff van").hexdigest(),
            source="", source_id=None, updated_at="2026-11-20T10:00:00+00:00", updated_by="som1",
        ),
    )  # fmt: skip
    assert pushed.json()["results"][0]["status"] == "applied"
    path, headers = f"/v1/attachments/{record_id}/content", bearer(token)
    assert client.put(path, params={"offset": 0}, content=content[:200_000], headers=headers).json() == {
        "received": 200_000, "complete": False,
    }  # fmt: skip
    again = client.put(path, params={"offset": 0}, content=content[:200_000], headers=headers)
    assert again.status_code == 409 and again.json()["received"] == 200_000
    last = client.put(path, params={"offset": 200_000}, content=content[200_000:], headers=headers)
    assert last.json() == {"received": len(content), "complete": True}
    assert client.get(path, params={"length": len(content)}, headers=headers).content == content
