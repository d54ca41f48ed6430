"""The central store's HTTP API (FastAPI): versions, login and tokens, push, pull, waiting for changes,
the force policy. Every input is bounded and validated; the logic lives in store.py, scope.py,
sync.py (push) and pull.py.
"""

# No `from __future__ import annotations`: FastAPI reads the dependency annotations of the nested
# endpoints at runtime.
import logging
import time
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request, Response, status
from pydantic import BaseModel, Field, StrictBool, StrictInt

from somdesk import __version__
from somdesk.server import sync
from somdesk.server.changes import ChangeWatch
from somdesk.server.pull import pull as pull_page
from somdesk.server.scope import scope_for
from somdesk.server.store import Account, ServerStore
from somdesk.store.migrate import head_revision
from somdesk.sync.protocol import MAX_BATCH, MAX_PAGE, MAX_TEXT, PROTOCOL

__all__ = ["PROTOCOL", "create_app"]
ACCESS_LIFETIME = timedelta(minutes=15)
REFRESH_LIFETIME = timedelta(days=14)
MAX_FAILURES, FAILURE_WINDOW = 5, timedelta(minutes=15)
log = logging.getLogger("somdesk.server.api")  # ids and counts only (docs/SECURITY.md)

Username = Annotated[str, Field(min_length=2, max_length=64, pattern=r"^[A-Za-z0-9.\-]+$")]
DeviceId = Annotated[str, Field(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
Uuid = DeviceId
Name = Annotated[str, Field(min_length=1, max_length=60, pattern=r"^[a-z_][a-z0-9_]*$")]
Value = (
    StrictBool
    | Annotated[StrictInt, Field(ge=-(2**53), le=2**53)]
    | Annotated[str, Field(max_length=MAX_TEXT)]
    | None
)
Short = Annotated[str, Field(max_length=100)]
Long = Annotated[str, Field(max_length=MAX_TEXT)]
Hash = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
Version = Annotated[int, Field(ge=0, le=2**62)]
ProtocolNumber = Annotated[int, Field(ge=1, le=1000)]
SchemaName = Annotated[str, Field(min_length=1, max_length=40)]


class Versions(BaseModel):
    server: str
    protocol: int
    schema_revision: str


class Login(BaseModel):
    username: Username
    password: Annotated[str, Field(min_length=1, max_length=200)]
    device_id: DeviceId
    device_name: Annotated[str, Field(min_length=1, max_length=100)]
    protocol: Annotated[int, Field(ge=1, le=1000)]


class Tokens(BaseModel):
    access_token: str
    refresh_token: str
    expires_in: int
    token_type: str = "bearer"


class Refresh(BaseModel):
    refresh_token: Annotated[str, Field(min_length=1, max_length=200)]
    device_id: DeviceId


class MutationIn(BaseModel):
    id: Uuid
    table: Name
    record_id: Uuid
    operation: Literal["insert", "update", "delete", "resolve"]
    base_version: Version
    fields: Annotated[dict[Name, Value], Field(max_length=80)]


class AuditIn(BaseModel):
    seq: Annotated[int, Field(ge=1, le=2**62)]
    id: Uuid
    at: Annotated[datetime, Field()]
    device_id: DeviceId
    user: Short
    action: Literal["collection", "alteration", "consultation", "disclosure", "combination", "erasure"]
    table_name: Annotated[str, Field(max_length=50)]
    record_id: Annotated[str, Field(max_length=36)]
    justification: Long
    recipient: Long
    detail: Long
    prev_hash: Hash
    hash: Hash


class PushIn(BaseModel):
    protocol: ProtocolNumber
    schema_revision: SchemaName
    mutations: Annotated[list[MutationIn], Field(max_length=MAX_BATCH)]
    audit: Annotated[list[AuditIn], Field(max_length=5000)] = []


class PushOut(BaseModel):
    results: list[dict[str, Any]]
    audit_seq: int


class Latest(BaseModel):
    latest: int


class Policy(BaseModel):
    text: str
    hash: str


class Me(BaseModel):
    username: str
    display_name: str
    role: str
    officer_id: str | None
    device_id: str


def create_app(store: ServerStore) -> FastAPI:
    app = FastAPI(title="somdesk central store", version=__version__)
    client_schema = head_revision()
    watch = ChangeWatch(store.latest)

    @app.middleware("http")
    async def server_timing(request: Request, call_next: Any) -> Any:
        """Time spent in the application, for load balancers' logs and the benchmarks."""
        started = time.perf_counter()
        response = await call_next(request)
        response.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.2f}"
        return response

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
        found = store.account_for(authorization.removeprefix("Bearer ").strip())
        if found is None:
            raise HTTPException(
                status.HTTP_401_UNAUTHORIZED, "the access token has expired or is not valid: sign in again"
            )
        if store.device_revoked(found[1]):
            raise HTTPException(
                status.HTTP_410_GONE, "this device has been revoked: its local data must be wiped"
            )
        return found

    @app.get("/v1/version")
    def version() -> Versions:
        return Versions(server=__version__, protocol=PROTOCOL, schema_revision=store.revision() or "")

    @app.post("/v1/login")
    def login(body: Login) -> Tokens:
        if body.protocol != PROTOCOL:
            raise HTTPException(
                status.HTTP_426_UPGRADE_REQUIRED,
                f"this somdesk speaks sync protocol {body.protocol}; the central store speaks {PROTOCOL}: "
                "install the version your force provides",
            )
        if store.recent_failures(body.username, FAILURE_WINDOW) >= MAX_FAILURES:
            raise HTTPException(
                status.HTTP_429_TOO_MANY_REQUESTS,
                "too many failed sign-ins for this user: try again in 15 minutes",
            )
        account = store.check_password(body.username, body.password)
        if account is None:
            raise HTTPException(status.HTTP_401_UNAUTHORIZED, "wrong username or password")
        if store.device_revoked(body.device_id):
            raise HTTPException(
                status.HTTP_410_GONE, "this device has been revoked: its local data must be wiped"
            )
        try:
            store.register_device(account, body.device_id, body.device_name)
        except PermissionError as e:
            raise HTTPException(status.HTTP_403_FORBIDDEN, str(e)) from None
        return Tokens(
            access_token=store.issue(account, body.device_id, "access", ACCESS_LIFETIME),
            refresh_token=store.issue(account, body.device_id, "refresh", REFRESH_LIFETIME),
            expires_in=int(ACCESS_LIFETIME.total_seconds()),
        )

    @app.post("/v1/refresh")
    def refresh(body: Refresh) -> Tokens:
        if store.device_revoked(body.device_id):
            raise HTTPException(
                status.HTTP_410_GONE, "this device has been revoked: its local data must be wiped"
            )
        pair = store.rotate(body.refresh_token, body.device_id, ACCESS_LIFETIME, REFRESH_LIFETIME)
        if pair is None:
            raise HTTPException(
                status.HTTP_401_UNAUTHORIZED, "the sign-in has expired or was ended: sign in again"
            )
        return Tokens(
            access_token=pair[0], refresh_token=pair[1], expires_in=int(ACCESS_LIFETIME.total_seconds())
        )

    @app.post("/v1/push")
    def push(body: PushIn, who: Annotated[tuple[Account, str], Depends(current)]) -> PushOut:
        check_versions(body.protocol, body.schema_revision)
        account, device = who
        batch = [
            sync.Mutation(m.id, m.table, m.record_id, m.operation, m.base_version, dict(m.fields))
            for m in body.mutations
        ]
        audit = [{**e.model_dump(), "at": e.at.isoformat()} for e in body.audit]
        try:
            with store.engine.begin() as conn:  # the scope is read in the push's own transaction
                scope = scope_for(conn, account)
                results, audit_seq = sync.push(conn, scope, device, batch, audit, datetime.now(UTC))
        except sync.AuditRejected as e:
            log.warning("push from device %s refused whole: its audit chain does not continue", device)
            raise HTTPException(
                status.HTTP_409_CONFLICT, f"audit log refused, nothing was applied: {e}"
            ) from None
        refused = sum(r["status"] == "rejected" for r in results)
        if refused:
            log.info("push from device %s: %d of %d changes refused", device, refused, len(results))
        return PushOut(results=results, audit_seq=audit_seq)

    @app.get("/v1/pull", response_class=Response, responses={200: {"content": {"application/json": {}}}})
    def pull(
        who: Annotated[tuple[Account, str], Depends(current)],
        protocol: Annotated[int, Query(ge=1, le=1000)],
        schema_revision: Annotated[str, Query(min_length=1, max_length=40)],
        cursor: Annotated[int, Query(ge=0, le=2**62)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = MAX_PAGE,
    ) -> Response:
        check_versions(protocol, schema_revision)
        with store.engine.connect() as conn, conn.begin():
            page = pull_page(conn, scope_for(conn, who[0]), cursor, limit)
        return Response(page, media_type="application/json")

    @app.get("/v1/wait")
    async def wait(
        request: Request,
        who: Annotated[tuple[Account, str], Depends(current)],
        after: Annotated[int, Query(ge=0, le=2**62)] = 0,
        timeout: Annotated[float, Query(ge=0, le=60)] = 25,
    ) -> Latest:
        """Long poll: answers as soon as the central store holds a change after `after`, or at the
        timeout (see changes.ChangeWatch)."""
        return Latest(latest=await watch.wait(after, timeout, request.is_disconnected))

    @app.get("/v1/policy")
    def force_policy(who: Annotated[tuple[Account, str], Depends(current)]) -> Policy:
        found = store.policy()
        if found is None:
            raise HTTPException(
                status.HTTP_404_NOT_FOUND, "no force policy has been set on the central store"
            )
        return Policy(text=found[0], hash=found[1])

    @app.get("/v1/me")
    def me(who: Annotated[tuple[Account, str], Depends(current)]) -> Me:
        account, device = who
        return Me(
            username=account.username,
            display_name=account.display_name,
            role=account.role,
            officer_id=account.officer_id,
            device_id=device,
        )

    return app
