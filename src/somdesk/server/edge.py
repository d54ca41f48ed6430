"""The central store's edge: what every request meets before FastAPI reads or parses anything.

A pure ASGI middleware, outermost, that
- refuses a body larger than its route allows (413, with a plain message) from its declared length, or
  as soon as the bytes received pass the limit, never reading the rest;
- checks the Authorization header of a route that needs a sign-in (push, attachment bytes) before
  reading its body, so an anonymous caller cannot make the central store read and parse megabytes;
- adds the usual security headers to every answer (no sniffing, no caching, no referrer, no framing,
  a restrictive Content-Security-Policy).
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from anyio import to_thread

from somdesk.contract.sync import MAX_CASES, MAX_HEADS, MAX_PUSH_BYTES

__all__ = ["BODY_LIMITS", "LOGIN_LIMIT", "OTHER_LIMIT", "SECURITY_HEADERS", "Edge", "limit_for"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
# The Authorization header's value -> None if it may go on, else (status, message) to refuse it with.
Gate = Callable[[str | None], tuple[int, str] | None]

# Bytes of body each route reads at most: sign-in and refresh are a few short fields; a push is sized to
# the contract's largest batch (contract.sync.MAX_PUSH_BYTES). Every other route takes no body.
# A dry run of a push (/v1/sync/check) is held to the same limits as the push.
# A sign-in carries up to MAX_HEADS of the device's unsent audit entries (seq and hash, under 100 bytes
# each in JSON), so that another copy of the device is caught before its sign-in ends this one's.
LOGIN_LIMIT = 4096 + MAX_HEADS * 128
BODY_LIMITS = {
    "/v1/login": LOGIN_LIMIT,
    "/v1/refresh": 4096,
    "/v1/push": MAX_PUSH_BYTES,
    "/v1/sync/check": MAX_PUSH_BYTES,
    # A list of offender ids (contract.sync.CasesRequest): at most MAX_CASES of 36 characters, quoted.
    "/v1/pull/cases": 1024 + MAX_CASES * 40,
}
OTHER_LIMIT = 1024
SIGNED_IN = frozenset(
    {"/v1/push", "/v1/sync/check", "/v1/pull/cases"}
)  # the header is checked before the body is read
# Attachment bytes (server/attachments.py): /v1/attachments/{id}/content and .../thumbnail take raw
# bytes, signed in, checked before the body is read.
ATTACHMENT_PREFIX = "/v1/attachments/"
ATTACHMENT_LIMITS = {"/content": 4 * 1024 * 1024, "/thumbnail": 512 * 1024}


def limit_for(path: str) -> tuple[int, bool]:
    """The bytes of body a path takes at most, and whether its sign-in is checked before reading it."""
    if path.startswith(ATTACHMENT_PREFIX):
        for ending, limit in ATTACHMENT_LIMITS.items():
            if path.endswith(ending):
                return limit, True
    return BODY_LIMITS.get(path, OTHER_LIMIT), path in SIGNED_IN


SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"cache-control", b"no-store"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"content-security-policy", b"default-src 'none'; frame-ancestors 'none'"),
]
# The API documentation pages (served only when the administrator enables them) load their script and
# style from a CDN and run an inline script.
DOCS_POLICY = (
    b"default-src 'none'; script-src 'unsafe-inline' https://cdn.jsdelivr.net; "
    b"style-src 'unsafe-inline' https://cdn.jsdelivr.net https://fonts.googleapis.com; "
    b"font-src https://fonts.gstatic.com; img-src https://fastapi.tiangolo.com data:; "
    b"connect-src 'self'; worker-src blob:; frame-ancestors 'none'"
)
DOCS_PATHS = frozenset({"/docs", "/redoc"})


class _TooLarge(Exception):
    pass


async def _answer(send: Send, status: int, message: str) -> None:
    body = json.dumps({"detail": message}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _too_large(limit: int) -> str:
    if limit >= 1024 * 1024:
        size = f"{limit // (1024 * 1024)} MB"
    else:
        size = f"{limit // 1024} KB" if limit >= 1024 else f"{limit} bytes"
    return f"the request is too large: this address takes at most {size}"


class Edge:
    def __init__(self, app: ASGIApp, gate: Gate) -> None:
        self.app = app
        self.gate = gate

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        policy = DOCS_POLICY if path in DOCS_PATHS else None

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in _OURS]
                for name, value in SECURITY_HEADERS:
                    headers.append((name, policy if policy and name == b"content-security-policy" else value))
                message["headers"] = headers
            await send(message)

        limit, signed_in = limit_for(path)
        headers = dict(scope.get("headers", []))
        declared = headers.get(b"content-length")
        if declared is not None:
            try:
                too_long = int(declared) > limit
            except ValueError:
                await _answer(secured, 400, "the request's length is not a number")
                return
            if too_long:
                await _answer(secured, 413, _too_large(limit))
                return
        if signed_in:
            raw = headers.get(b"authorization")
            refusal = await to_thread.run_sync(self.gate, raw.decode("latin-1") if raw is not None else None)
            if refusal is not None:
                await _answer(secured, *refusal)
                return
        # The body is read here, up to the limit, then handed on whole.
        chunks: list[bytes] = []
        size = 0
        try:
            while True:
                message = await receive()
                if message["type"] != "http.request":
                    break  # the client went away: the application sees it
                chunk = message.get("body", b"")
                size += len(chunk)
                if size > limit:
                    raise _TooLarge
                chunks.append(chunk)
                if not message.get("more_body", False):
                    break
        except _TooLarge:
            await _answer(secured, 413, _too_large(limit))
            return
        else:
            if message["type"] != "http.request":
                await self.app(scope, receive, secured)
                return
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, secured)


_OURS = frozenset(name for name, _ in SECURITY_HEADERS)
