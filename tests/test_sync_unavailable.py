"""A central store that cannot answer just now (a load balancer with no instance up, an instance killed
mid-request, a busy database: 502, 503, 504) is not a change's fault: nothing is set aside for it, however
often it happens; a 500 on one change still is, after its tries."""

from __future__ import annotations

import json

import httpx
import pytest
from sqlalchemy import text

from somdesk.store.replica import LocalSync
from somdesk.sync.client import CentralStore, MemoryTokens, ServerFault, Unavailable
from somdesk.sync.engine import FAILURES_BEFORE_SET_ASIDE, sync_once
from tests.test_sync_attachments import DEVICE, add_photo, opened  # noqa: F401 (a fixture)


def central(status: int) -> CentralStore:
    """Takes the audit log alone (the instance answering it was up), then answers `status` to every push
    carrying changes (the instances have gone), as when the balancer lost its instances mid-sync."""

    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/refresh":
            return httpx.Response(200, json={"access_token": "a", "refresh_token": "r"})
        body = json.loads(request.content or b"{}")
        if request.url.path == "/v1/push" and not body.get("mutations"):
            return httpx.Response(
                200, json={"results": [], "audit_seq": max(e["seq"] for e in body["audit"])}
            )
        return httpx.Response(status, json={"detail": "no server is available"})

    tokens = MemoryTokens()
    tokens.save("p", "r")
    return CentralStore("http://127.0.0.1:1", DEVICE, tokens, "p", transport=httpx.MockTransport(handle))


def set_aside(opened) -> int:  # noqa: F811
    with opened.engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM sync_rejections")).scalar_one())


@pytest.mark.parametrize("status", [502, 503, 504])
def test_no_instance_answering_never_sets_a_change_aside(opened, policy, status):  # noqa: F811
    add_photo(opened, policy)
    local = LocalSync(opened)
    waiting = local.pending()
    assert waiting > 0
    for _ in range(FAILURES_BEFORE_SET_ASIDE + 2):
        with pytest.raises(Unavailable):
            sync_once(local, central(status))
    assert local.pending() == waiting and set_aside(opened) == 0


def test_a_change_the_central_store_fails_on_is_still_set_aside_after_its_tries(opened, policy):  # noqa: F811
    add_photo(opened, policy)
    local = LocalSync(opened)
    for _ in range(FAILURES_BEFORE_SET_ASIDE - 1):
        with pytest.raises(ServerFault):
            sync_once(local, central(500))
    with pytest.raises(ServerFault):
        sync_once(local, central(500))  # the last try sets the failing changes aside, then pulls (500)
    assert set_aside(opened) > 0
