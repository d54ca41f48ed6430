"""The central store's HTTP API (FastAPI): versions, login and tokens, push, pull, waiting for changes,
the force policy. Every input is bounded and validated; the logic lives in store.py, scope.py,
sync.py (push) and pull.py.
"""

# No `from __future__ import annotations`: FastAPI reads the dependency annotations of the nested
# endpoints at runtime.
import asyncio
import logging
import os
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Path, Query, Request, Response, status
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ConfigDict, with_config

from somdesk import __version__
from somdesk.contract.sync import (
    FORKED_HEADER,
    MAX_PAGE,
    NO_NUL,
    PROTOCOL,
    REQUESTS,
    CasesRequest,
    CheckRequest,
    CheckResponse,
    Login,
    Manifest,
    Me,
    PolicyText,
    PushRequest,
    PushResponse,
    Refresh,
    Tokens,
    Versions,
    WaitAnswer,
)
from somdesk.domain.roles import Capability
from somdesk.server import attachments, own_audit, retention, signin, sync
from somdesk.server.audit import record_fork
from somdesk.server.changes import ChangeWatch
from somdesk.server.collisions import install as answer_collisions
from somdesk.server.collisions import retrying
from somdesk.server.edge import Edge
from somdesk.server.profiles import key_mode_problem
from somdesk.server.pull import cases as cases_page
from somdesk.server.pull import manifest as held_manifest
from somdesk.server.pull import pull as pull_page
from somdesk.server.scope import needs_staff, scope_for, scope_of
from somdesk.server.store import Account, ServerStore
from somdesk.store.migrate import head_revision

__all__ = ["PROTOCOL", "create_app"]
ACCESS_LIFETIME = timedelta(minutes=15)
REFRESH_LIFETIME = timedelta(days=14)
# Passwords checked at once by one instance: each check is an scrypt of 32 MiB and a core's work for a
# moment. More sign-ins at once (a morning's rush, or a flood of wrong passwords, which cost the same)
# are answered 503 at once rather than queued: queued, they held the thread pool and the memory, the
# balancer's health check went unanswered and the instance was taken out of service.
SIGN_INS_AT_ONCE = 2 * (os.cpu_count() or 2)
SIGN_IN_BUSY = "the central store is busy signing others in: try again in a few seconds"
SIGN_IN_PATHS = ("/v1/login", "/v1/refresh")  # answered without timing headers (they would time scrypt)
# Long polls one device may hold at once on an instance: a laptop holds one, and a second for a moment
# when it polls again before the instance has seen the first one's connection go (changes.GONE_EVERY).
WAITS_PER_DEVICE = 4
TOO_MANY_WAITS = "this device is already waiting for news on several connections: use one"
PURGE_EVERY = 60.0  # seconds: expired tokens and old failed sign-ins go at most this often, at a sign-in
TOO_MANY = {
    "device": "too many failed sign-ins for this user from this computer: try again in 15 minutes",
    "source": "too many failed sign-ins for this user from this network address: try again in 15 minutes",
    "account": "too many failed sign-ins for this user: try again in 15 minutes, or ask the administrator",
}
log = logging.getLogger("somdesk.server.api")  # ids and counts only (docs/SECURITY.md)
# An attachment's id in a path: a UUID in its usual lower-case text, nothing else (no dots, no slashes).
ATTACHMENT_ID = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
REFUSED_AS = {
    "too_large": 413,
    "not_jpeg": 415,
    "past_end": 416,
    "no_hash": 409,
    "thumbnail_mismatch": 422,
    "too_many_mismatches": 429,
}

# Requests are validated strictly against the contract: no coercion of "1" to 1 or 1.0 to 1.
for _request in REQUESTS:
    with_config(ConfigDict(strict=True))(_request)


def _printable(part: object) -> str | int:
    """A location or message part as JSON can carry it (a lone surrogate becomes "?"), at most 200 long."""
    if isinstance(part, int):
        return part
    return str(part).encode("utf-8", "replace").decode("utf-8")[:200]


def _plain(problem: Any) -> str | int:
    """Pydantic's message for a problem, in our words where it would show a pattern or a codec."""
    if problem.get("type") == "string_unicode":
        return "must be valid Unicode text (no lone surrogates)"
    if problem.get("type") == "string_pattern_mismatch" and problem.get("ctx", {}).get("pattern") == NO_NUL:
        return "must not contain NUL characters"
    return _printable(problem.get("msg", ""))


def _tokens(access: str, refresh: str) -> Tokens:
    return {
        "access_token": access,
        "refresh_token": refresh,
        "expires_in": int(ACCESS_LIFETIME.total_seconds()),
        "token_type": "bearer",
    }


class ServerTiming:
    """Time spent in the application (`Server-Timing: app;dur=`), for load balancers' logs and the
    benchmarks; none on a sign-in (the time would tell whether a username exists). A plain ASGI
    middleware: Starlette's BaseHTTPMiddleware wraps every request in task groups and streams, and each
    long poll's look at whether its device went away then cost several tasks."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["path"] in SIGN_IN_PATHS:
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()

        async def timed(message: Any) -> None:
            if message["type"] == "http.response.start":
                spent = f"app;dur={(time.perf_counter() - started) * 1000:.2f}".encode()
                message = {**message, "headers": [*message.get("headers", []), (b"server-timing", spent)]}
            await send(message)

        await self.app(scope, receive, timed)


def create_app(store: ServerStore, api_docs: bool = False, listen: bool = True) -> FastAPI:
    """`api_docs`: serve /docs, /redoc and /openapi.json (`somdesk-server run --api-docs`); off, they
    do not exist. `listen`: change news by LISTEN/NOTIFY on PostgreSQL; off, by polling (changes.py)."""
    docs = {} if api_docs else {"docs_url": None, "redoc_url": None, "openapi_url": None}
    app = FastAPI(title="somdesk central store", version=__version__, **docs)  # type: ignore[arg-type]
    client_schema = head_revision()
    watch = ChangeWatch(store.latest, store.listen_url() if listen else None)
    app.state.change_watch = watch  # tests look at whether it listens or polls
    checking = app.state.sign_ins = threading.BoundedSemaphore(SIGN_INS_AT_ONCE)
    answer_collisions(app)

    @app.exception_handler(RequestValidationError)
    async def refused(request: Request, error: RequestValidationError) -> JSONResponse:
        """What is wrong and where, never the value sent back (it may be huge, personal or not even
        encodable: a lone surrogate once made this answer itself fail with a 500)."""
        problems = error.errors()
        log.info("%s %s refused: %d problems in the request", request.method, request.url.path, len(problems))
        detail = [
            {"loc": [_printable(part) for part in e.get("loc", ())], "msg": _plain(e),
             "type": _printable(e.get("type", ""))}
            for e in problems[:20]
        ]  # fmt: skip
        return JSONResponse({"detail": detail}, status_code=status.HTTP_422_UNPROCESSABLE_CONTENT)

    app.add_middleware(ServerTiming)

    def check_versions(protocol: int, schema_revision: str) -> None:
        if protocol != PROTOCOL:
            raise HTTPException(
                status.HTTP_426_UPGRADE_REQUIRED,
                f"this somdesk speaks sync protocol {protocol}; the central store speaks {PROTOCOL}: "
                "install the version your force provides",
            )
        if schema_revision != client_schema:
            raise HTTPException(
                status.HTTP_426_UPGRADE_REQUIRED,
                f"this somdesk's database is at schema {schema_revision}; the central store expects "
                f"{client_schema}: install the version your force provides",
            )

    def current(authorization: Annotated[str | None, Header(max_length=200)] = None) -> tuple[Account, str]:
        if authorization is None or not authorization.startswith("Bearer "):
            raise HTTPException(status.HTTP_401_UNAUTHORIZED, "sign in first (no access token)")
        token = authorization.removeprefix("Bearer ").strip()
        found = store.account_for(token)
        if found is None and signin.disabled_holder(store.engine, token):
            raise HTTPException(status.HTTP_401_UNAUTHORIZED, signin.DISABLED)
        if found is None:
            raise HTTPException(
                status.HTTP_401_UNAUTHORIZED, "the access token has expired or is not valid: sign in again"
            )
        account, device, revoked = found
        if revoked:
            raise HTTPException(
                status.HTTP_410_GONE, "this device has been revoked: its local data must be wiped"
            )
        return account, device

    # Long polls held by each device on this instance (counted on its one event loop; tests look).
    waiting: Counter[str] = Counter()
    app.state.waiting = waiting

    # The health check's own thread: it never waits behind requests for one of the thread pool's.
    checks = ThreadPoolExecutor(1, thread_name_prefix="somdesk-health")

    @app.get("/v1/version")
    async def version() -> Versions:
        revision = await asyncio.get_running_loop().run_in_executor(checks, store.health_revision)
        return {"server": __version__, "protocol": PROTOCOL, "schema_revision": revision or ""}

    last_purge = [0.0]

    def purge_now() -> None:
        """Expired tokens and old failed sign-ins, and stored mutation results and departures older than
        the policy's retention, at most once a minute (deletes by indexed times), at a sign-in or a
        token refresh (each device refreshes every 15 minutes)."""
        if time.monotonic() - last_purge[0] >= PURGE_EVERY:
            last_purge[0] = time.monotonic()
            ended, aged = signin.purge(store.engine)
            if ended or aged:
                log.info("purged %d expired tokens and %d old failed sign-ins", ended, aged)
            with store.engine.begin() as conn:
                old = retention.purge(conn, datetime.now(UTC))
            if old.mutations or old.departures:
                log.info("purged %d stored push results and %d departures past the retention",
                         old.mutations, old.departures)  # fmt: skip

    @app.post("/v1/login")
    def login(body: Login, request: Request) -> Tokens:
        if body["protocol"] != PROTOCOL:
            raise HTTPException(
                status.HTTP_426_UPGRADE_REQUIRED,
                f"this somdesk speaks sync protocol {body['protocol']}; the central store speaks {PROTOCOL}: "
                "install the version your force provides",
            )
        purge_now()
        username, device_id = body["username"], body["device_id"]
        source = request.client.host if request.client else ""
        if not checking.acquire(blocking=False):  # before the attempt is counted: it is not one
            log.warning("sign-in of device %s turned away: %d passwords being checked", device_id,
                        SIGN_INS_AT_ONCE)  # fmt: skip
            raise HTTPException(
                status.HTTP_503_SERVICE_UNAVAILABLE, SIGN_IN_BUSY, headers={"Retry-After": "5"}
            )
        try:
            attempt = signin.claim_attempt(store.engine, username, device_id, source)  # before the password
            if attempt.id is None:
                log.warning(
                    "sign-in refused for device %s: the %s limit is reached", device_id, attempt.refusal
                )
                raise HTTPException(status.HTTP_429_TOO_MANY_REQUESTS, TOO_MANY[attempt.refusal])
            signed = signin.sign_in(store.engine, username, body["password"])
        finally:
            checking.release()
        if signed is None:
            raise HTTPException(status.HTTP_401_UNAUTHORIZED, "wrong username or password")
        signin.forget_attempt(store.engine, username, device_id, source)
        if isinstance(signed, str):
            raise HTTPException(status.HTTP_403_FORBIDDEN, signed)
        if store.device_revoked(device_id):
            raise HTTPException(
                status.HTTP_410_GONE, "this device has been revoked: its local data must be wiped"
            )
        found = store.policy()
        if problem := key_mode_problem(found[0] if found else None, body.get("key_mode")):
            raise HTTPException(status.HTTP_403_FORBIDDEN, problem)
        try:  # the same new device signing in twice at once: the second finds it registered
            named = device_id, body["device_name"]
            retrying(store.engine, lambda: store.register_device(signed.account, *named))
        except PermissionError as e:
            raise HTTPException(status.HTTP_403_FORBIDDEN, str(e)) from None
        with store.engine.begin() as conn:  # before the sign-in ends the device's other one
            if fork := own_audit.fork_in(conn, device_id, body.get("audit", [])):
                record_fork(conn, fork, signed.account.username, datetime.now(UTC))
        if fork is not None:
            log.warning("sign-in refused for device %s: its audit log has forked", device_id)
            raise HTTPException(
                status.HTTP_409_CONFLICT, f"sign-in refused: {fork}", headers={FORKED_HEADER: "audit-forked"}
            )
        pair = signin.start(store.engine, signed, device_id, (ACCESS_LIFETIME, REFRESH_LIFETIME))
        if isinstance(pair, str):
            raise HTTPException(status.HTTP_403_FORBIDDEN, pair)
        if pair is None:
            raise HTTPException(
                status.HTTP_401_UNAUTHORIZED, "the password was changed a moment ago: sign in again"
            )
        return _tokens(*pair)

    @app.post("/v1/refresh")
    def refresh(body: Refresh) -> Tokens:
        purge_now()
        if store.device_revoked(body["device_id"]):
            raise HTTPException(
                status.HTTP_410_GONE, "this device has been revoked: its local data must be wiped"
            )
        rotated = signin.rotate(
            store.engine, body["refresh_token"], body["device_id"], (ACCESS_LIFETIME, REFRESH_LIFETIME)
        )
        if rotated.disabled:
            raise HTTPException(status.HTTP_401_UNAUTHORIZED, signin.DISABLED)
        if rotated.reused:
            log.warning("a spent refresh token of device %s came back: the device's sign-in was ended",
                        body["device_id"])  # fmt: skip
            raise HTTPException(
                status.HTTP_401_UNAUTHORIZED,
                "this sign-in was ended because its refresh token was used twice (it may have been copied): "
                "sign in again with your password",
                headers={FORKED_HEADER: "token-reused"},  # client.SignInCopied
            )
        if rotated.pair is None:
            raise HTTPException(
                status.HTTP_401_UNAUTHORIZED, "the sign-in has expired or was ended: sign in again"
            )
        return _tokens(*rotated.pair)

    @app.post("/v1/push")
    def push(body: PushRequest, who: Annotated[tuple[Account, str], Depends(current)]) -> PushResponse:
        check_versions(body["protocol"], body["schema_revision"])
        account, device = who
        batch = [
            sync.Mutation(m["id"], m["table"], m["record_id"], m["operation"], m["base_version"], m["fields"])
            for m in body["mutations"]
        ]
        audit = body.get("audit", [])

        def apply() -> tuple[list[Any], int]:
            with store.engine.begin() as conn:  # the scope is read in the push's own transaction
                scope = scope_for(conn, account)
                return sync.push(conn, scope, device, batch, audit, datetime.now(UTC))

        try:  # the same change pushed twice at once: the second finds it done (collisions.py)
            results, audit_seq = retrying(store.engine, apply)
        except sync.AuditRejected as e:
            forked = isinstance(e, sync.AuditForked)
            if isinstance(e, sync.AuditForked):  # kept for `audit verify`, though the push is refused
                with store.engine.begin() as conn:
                    record_fork(conn, e, account.username, datetime.now(UTC))
            log.warning("push from device %s refused whole: its audit chain does not continue", device)
            raise HTTPException(
                status.HTTP_409_CONFLICT,
                f"audit log refused, nothing was applied: {e}",
                # the device stops syncing on this one (another copy of it synced first): see client.Forked
                headers={FORKED_HEADER: "audit-forked"} if forked else None,
            ) from None
        refused = sum(r["status"] == "rejected" for r in results)
        if refused:
            log.info("push from device %s: %d of %d changes refused", device, refused, len(results))
        return {"results": results, "audit_seq": audit_seq}

    @app.post("/v1/sync/check")
    def check(body: CheckRequest, who: Annotated[tuple[Account, str], Depends(current)]) -> CheckResponse:
        """A dry run of a push: each change ok or refused, with the reason in words, by the push's own
        rules; nothing is written (the transaction is rolled back) and no audit entry is needed, since
        nothing is collected. An import asks it before committing anything on the device."""
        check_versions(body["protocol"], body["schema_revision"])
        account, device = who
        batch = [
            sync.Mutation(m["id"], m["table"], m["record_id"], m["operation"], m["base_version"], m["fields"])
            for m in body["mutations"]
        ]
        with store.engine.connect() as conn:
            tx = conn.begin()
            try:
                results = sync.check(conn, scope_for(conn, account), device, batch, datetime.now(UTC))
            finally:
                tx.rollback()
        refused = sum(not r["ok"] for r in results)
        log.info("check from device %s: %d of %d changes would be refused", device, refused, len(results))
        return {"results": results}

    @app.get("/v1/pull", response_class=Response, responses={200: {"content": {"application/json": {}}}})
    def pull(
        who: Annotated[tuple[Account, str], Depends(current)],
        protocol: Annotated[int, Query(ge=1, le=1000)],
        schema_revision: Annotated[str, Query(min_length=1, max_length=40)],
        cursor: Annotated[int, Query(ge=0, le=2**62)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = MAX_PAGE,
    ) -> Response:
        check_versions(protocol, schema_revision)
        return Response(page_after(who[0], cursor, limit), media_type="application/json")

    def page_after(account: Account, cursor: int, limit: int) -> bytes:
        """The page after `cursor` in the account's scope: a pull's, and the one that comes with news."""
        with store.engine.connect() as conn, conn.begin():
            return pull_page(conn, scope_for(conn, account), cursor, limit)

    @app.get("/v1/pull/manifest")
    def pull_manifest(
        who: Annotated[tuple[Account, str], Depends(current)],
        protocol: Annotated[int, Query(ge=1, le=1000)],
        schema_revision: Annotated[str, Query(min_length=1, max_length=40)],
    ) -> Manifest:
        """The offender records the account holds now, highest priority first (a first sync, a resync,
        a changed scope: the device then fetches only the cases it lacks)."""
        check_versions(protocol, schema_revision)
        with store.engine.connect() as conn, conn.begin():
            return held_manifest(conn, scope_for(conn, who[0]), datetime.now(UTC).date())

    @app.post(
        "/v1/pull/cases", response_class=Response, responses={200: {"content": {"application/json": {}}}}
    )
    def pull_cases(body: CasesRequest, who: Annotated[tuple[Account, str], Depends(current)]) -> Response:
        check_versions(body["protocol"], body["schema_revision"])
        with store.engine.connect() as conn, conn.begin():
            page = cases_page(conn, scope_for(conn, who[0]), body["ids"], body["loose"])
        return Response(page, media_type="application/json")

    @app.get("/v1/wait", response_model=WaitAnswer)
    async def wait(
        request: Request,
        who: Annotated[tuple[Account, str], Depends(current)],
        after: Annotated[int, Query(ge=0, le=2**62)] = 0,
        timeout: Annotated[float, Query(ge=0, le=60)] = 25,
        page: Annotated[int, Query(ge=0, le=MAX_PAGE)] = 0,
        protocol: Annotated[int | None, Query(ge=1, le=1000)] = None,
        schema_revision: Annotated[str | None, Query(min_length=1, max_length=40)] = None,
    ) -> Any:
        """Long poll: answers as soon as the central store holds a change after `after` in the account's
        scope (its number), or at the timeout (`after`: nothing new for it). See changes.ChangeWatch.

        With `page` (and the device's `protocol` and `schema_revision`), news comes as the first page of
        up to `page` records after `after`, exactly as `/v1/pull` would serve it, with `latest` first: the
        device writes it at once, with no pull of its own (one round trip less between a change saved
        on one laptop and shown on another, and one request less for every device woken)."""

        account, device = who
        if page:
            check_versions(protocol or 0, schema_revision or "")
        if waiting[device] >= WAITS_PER_DEVICE:
            raise HTTPException(status.HTTP_429_TOO_MANY_REQUESTS, TOO_MANY_WAITS)
        waiting[device] += 1  # counted before any await: polls arriving together are counted together
        try:
            if needs_staff(account):  # a supervisor's teams' officers are read from the database
                scope = await run_in_threadpool(lambda: scope_of(store.engine, account))
            else:
                scope = scope_of(None, account)
            gone = request.is_disconnected
            latest = await watch.wait(after, timeout, gone, scope.hears, scope.only_officer)
        finally:
            waiting[device] -= 1
            if not waiting[device]:
                del waiting[device]
        if latest <= after:  # nothing new for it: nothing told
            answer: WaitAnswer = {"latest": latest}
            return answer
        # News: the sign-in is checked again, as a new request's would be, and the page built in the
        # account's scope as it is now. The device may have been revoked, its account disabled or moved
        # to another officer or team while the poll waited (up to a minute).
        account, _device = await run_in_threadpool(current, request.headers.get("authorization"))
        if not page:
            return {"latest": latest}
        served = await run_in_threadpool(page_after, account, after, page)
        return Response(b'{"latest":%d,' % latest + served[1:], media_type="application/json")

    @app.get("/v1/policy")
    def force_policy(who: Annotated[tuple[Account, str], Depends(current)]) -> PolicyText:
        found = store.policy()
        if found is None:
            raise HTTPException(
                status.HTTP_404_NOT_FOUND, "no force policy has been set on the central store"
            )
        return {"text": found[0], "hash": found[1]}

    @app.get("/v1/me")
    def me(who: Annotated[tuple[Account, str], Depends(current)]) -> Me:
        account, device = who
        with store.engine.connect() as conn, conn.begin():
            scope = scope_for(conn, account)
        return {
            "username": account.username,
            "display_name": account.display_name,
            "role": account.role,
            "officer_id": account.officer_id,
            "device_id": device,
            # The teams the pulls hold, from the same scope: a supervisor's figures cover these.
            "teams": sorted(scope.teams) if scope.may(Capability.SEE_TEAM_LOAD) else None,
        }

    # -- photograph and document bytes (logic in attachments.py; see docs/SECURITY.md)

    Who = Annotated[tuple[Account, str], Depends(current)]
    AttachmentId = Annotated[str, Path(pattern=ATTACHMENT_ID)]

    @app.exception_handler(attachments.WrongOffset)
    async def resume_from(request: Request, error: attachments.WrongOffset) -> JSONResponse:
        """The client resumes from `received` (the bytes the central store already holds)."""
        return JSONResponse({"detail": str(error), "received": error.received}, status_code=409)

    def bytes_call(who: tuple[Account, str], work: Any, write: bool = False) -> Any:
        """`work(conn, scope)` in one transaction (a write retried if it collided), its refusals in words."""

        def run() -> Any:
            with store.engine.begin() as conn:
                return work(conn, scope_for(conn, who[0]))

        try:
            return retrying(store.engine, run) if write else run()
        except attachments.NotHeld:
            raise HTTPException(
                status.HTTP_404_NOT_FOUND, "no such photograph or document that you may have"
            ) from None
        except attachments.Refused as e:
            raise HTTPException(REFUSED_AS[e.kind], str(e)) from None

    @app.put("/v1/attachments/{attachment_id}/content")
    async def upload(
        request: Request,
        who: Who,
        attachment_id: AttachmentId,
        offset: Annotated[int, Query(ge=0, le=2**40)],
    ) -> JSONResponse:
        data = await request.body()  # at most 4 MiB: the edge refused more
        now = datetime.now(UTC)

        def work(conn: Any, scope: Any) -> attachments.Progress:
            return attachments.upload(conn, scope, attachment_id, offset, data, now)

        done = await run_in_threadpool(bytes_call, who, work, True)
        log.info("device %s sent %d bytes of attachment %s", who[1], len(data), attachment_id)
        if done.mismatch:
            log.warning(
                "attachment %s from device %s did not match its hash: discarded", attachment_id, who[1]
            )
            return JSONResponse(
                {"detail": "the bytes received do not match the attachment's content hash: all were "
                 "discarded, send them again from the start", "received": 0},
                status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
            )  # fmt: skip
        return JSONResponse({"received": done.received, "complete": done.complete})

    @app.get("/v1/attachments/{attachment_id}/status")
    def attachment_status(who: Who, attachment_id: AttachmentId) -> dict[str, Any]:
        found = bytes_call(who, lambda conn, scope: attachments.status(conn, scope, attachment_id))
        return {"received": found.received, "complete": found.complete, "thumbnail": found.thumbnail}

    @app.put("/v1/attachments/{attachment_id}/thumbnail")
    async def upload_thumbnail(request: Request, who: Who, attachment_id: AttachmentId) -> dict[str, bool]:
        data = await request.body()  # at most 512 KiB: the edge refused more
        now = datetime.now(UTC)

        def work(conn: Any, scope: Any) -> None:
            attachments.put_thumbnail(conn, scope, attachment_id, data, now)

        await run_in_threadpool(bytes_call, who, work, True)
        log.info("device %s sent the thumbnail of attachment %s", who[1], attachment_id)
        return {"thumbnail": True}

    @app.get("/v1/attachments/{attachment_id}/thumbnail", response_class=Response)
    def download_thumbnail(who: Who, attachment_id: AttachmentId) -> Response:
        found = bytes_call(who, lambda conn, scope: attachments.thumbnail(conn, scope, attachment_id))
        log.info("device %s received the thumbnail of attachment %s", who[1], attachment_id)
        return Response(found, media_type="image/jpeg")

    @app.get("/v1/attachments/{attachment_id}/content", response_class=Response)
    def download(
        who: Who,
        attachment_id: AttachmentId,
        offset: Annotated[int, Query(ge=0, le=2**40)] = 0,
        length: Annotated[int, Query(ge=1, le=attachments.MAX_PIECE)] = attachments.MAX_PIECE,
    ) -> Response:
        found = bytes_call(
            who, lambda conn, scope: attachments.download(conn, scope, attachment_id, offset, length)
        )
        log.info("device %s received %d bytes of attachment %s", who[1], len(found), attachment_id)
        return Response(found, media_type="application/octet-stream")

    own_audit.install(app, lambda: store.engine, current)

    def gate(authorization: str | None) -> tuple[int, str] | None:
        """The sign-in a push needs, checked before its body is read (edge.Edge)."""
        try:
            current(authorization[:201] if authorization is not None else None)
        except HTTPException as e:
            return e.status_code, str(e.detail)
        return None

    app.add_middleware(Edge, gate=gate)  # added last: outermost, before anything reads the body
    return app
