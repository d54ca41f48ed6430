"""The central store's edge, over real HTTP on PostgreSQL: a body larger than its route allows is refused
before it is read, a push is refused for want of a sign-in before its body is read, every answer carries
the security headers, and the API's schema is served only when the administrator enables it."""

from __future__ import annotations

import socket
import time
import uuid

import httpx
import pytest
from fastapi.testclient import TestClient

from somdesk.contract.sync import MAX_HEADS, MAX_PUSH_BYTES
from somdesk.server.app import PROTOCOL, create_app
from somdesk.server.edge import LOGIN_LIMIT, SECURITY_HEADERS

from .sync_helpers import LiveServer

pytestmark = pytest.mark.postgres
PASSWORD = "correct horse battery staple"


@pytest.fixture
def live(store):
    store.add_user("dc.okafor", "DC Sam Okafor", "som", PASSWORD, officer_id=str(uuid.uuid4()))
    with LiveServer(store) as server:
        yield server


def token(url: str) -> str:
    answer = httpx.post(
        f"{url}/v1/login",
        json={"username": "dc.okafor", "password": PASSWORD, "device_id": str(uuid.uuid4()),
              "device_name": "laptop 42", "protocol": PROTOCOL},
    )  # fmt: skip
    assert answer.status_code == 200, answer.text
    return str(answer.json()["access_token"])


def half_sent(port: int, path: str, length: int, extra: str = "", chunked: bool = False) -> tuple[str, float]:
    """Declare (or stream) a body of `length` bytes, send only part of it, and read the answer: it can
    come only if the central store refused the body without reading it whole."""
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        framing = "Transfer-Encoding: chunked" if chunked else f"Content-Length: {length}"
        head = f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: text/json\r\n{framing}\r\n{extra}\r\n"
        s.sendall(head.encode())
        part = b"[" + b"1," * 32_768
        try:
            if chunked:  # more than the limit, but never the end of the body
                for _ in range(length // len(part) + 1):
                    s.sendall(f"{len(part):x}\r\n".encode() + part + b"\r\n")
            else:
                s.sendall(part)
        except OSError:
            pass  # the central store answered and closed while we were still sending
        answer = b""
        while b"\r\n\r\n" not in answer or not answer.rstrip().endswith(b"}"):
            chunk = s.recv(65536)
            if not chunk:
                break
            answer += chunk
    return answer.decode("latin-1"), time.monotonic() - started


def test_an_anonymous_push_is_refused_before_its_body_is_read(live):
    answer, took = half_sent(live.port, "/v1/push", 10 * 1024 * 1024)
    assert answer.startswith("HTTP/1.1 401") and "sign in first" in answer, answer[:300]
    assert took < 2
    bad = "Authorization: Bearer not-a-token\r\n"
    answer, _ = half_sent(live.port, "/v1/push", 1024 * 1024, extra=bad)
    assert answer.startswith("HTTP/1.1 401") and "sign in again" in answer, answer[:300]


@pytest.mark.parametrize("path", ["/v1/login", "/v1/refresh", "/v1/me", "/v1/version"])
@pytest.mark.parametrize("chunked", [False, True], ids=["declared", "streamed"])
def test_a_body_larger_than_its_route_takes_is_refused_unread(live, path, chunked):
    answer, took = half_sent(live.port, path, 10 * 1024 * 1024, chunked=chunked)
    assert answer.startswith("HTTP/1.1 413"), answer[:300]
    assert "the request is too large: this address takes at most" in answer
    assert took < 2


def test_a_signed_in_push_is_capped_at_the_largest_batch(live):
    bearer = f"Authorization: Bearer {token(live.url)}\r\n"
    for chunked in (False, True):
        answer, _ = half_sent(live.port, "/v1/push", MAX_PUSH_BYTES + 1, extra=bearer, chunked=chunked)
        assert answer.startswith("HTTP/1.1 413") and "at most 16 MB" in answer, answer[:300]
    # Below the cap the push is read and validated as ever.
    ok = httpx.post(
        f"{live.url}/v1/push",
        json={"protocol": PROTOCOL, "schema_revision": "x", "mutations": []},
        headers={"Authorization": bearer.split(": ", 1)[1].strip()},
    )
    assert ok.status_code == 426


def test_an_anonymous_flood_does_not_stall_a_signed_in_device(live):
    """The stall that was: a 10 MB anonymous body read and parsed in the event loop held every device."""
    access = token(live.url)
    junk = b"[" + b"1," * (5 * 1024 * 1024) + b"1]"
    with httpx.Client(timeout=30) as c:
        for _ in range(3):
            assert c.post(f"{live.url}/v1/push", content=junk).status_code == 401
            assert c.post(f"{live.url}/v1/login", content=junk).status_code == 413
        started = time.monotonic()
        assert c.get(f"{live.url}/v1/me", headers={"Authorization": f"Bearer {access}"}).status_code == 200
        assert time.monotonic() - started < 1


def test_every_answer_carries_the_security_headers(live):
    access = token(live.url)
    answers = [
        httpx.get(f"{live.url}/v1/version"),
        httpx.get(f"{live.url}/v1/me", headers={"Authorization": f"Bearer {access}"}),
        httpx.get(f"{live.url}/v1/me"),
        httpx.post(f"{live.url}/v1/login", content=b'{"username": "\\ud800"}'),
        httpx.post(f"{live.url}/v1/login", content=b"x" * (LOGIN_LIMIT + 1)),
        httpx.get(f"{live.url}/nowhere"),
    ]
    for answer in answers:
        for name, value in SECURITY_HEADERS:
            assert answer.headers.get(name.decode()) == value.decode(), (answer.status_code, name)


def test_the_schema_is_served_only_when_the_administrator_enables_it(store):
    hidden = TestClient(create_app(store))
    for path in ("/docs", "/redoc", "/openapi.json", "/docs/oauth2-redirect"):
        assert hidden.get(path).status_code == 404
    shown = TestClient(create_app(store, api_docs=True))
    assert shown.get("/openapi.json").json()["paths"]["/v1/push"]
    page = shown.get("/docs")
    assert page.status_code == 200 and "default-src 'none'" in page.headers["content-security-policy"]


def test_a_sign_in_carrying_the_most_unsent_audit_heads_is_read(live):
    """A laptop with a long unsent log sends MAX_HEADS of its entries' heads at sign-in (to catch a second
    copy): the sign-in must not be refused as too large."""
    heads = [{"seq": 2**31 - 1 - n, "hash": "f" * 64} for n in range(MAX_HEADS)]
    answer = httpx.post(
        f"{live.url}/v1/login",
        json={"username": "dc.okafor", "password": PASSWORD, "device_id": str(uuid.uuid4()),
              "device_name": "laptop 42", "protocol": PROTOCOL, "audit": heads},
    )  # fmt: skip
    assert answer.status_code == 200, answer.text
