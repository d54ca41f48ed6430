"""The central store's HTTP API (FastAPI): versions, login, devices. Every input bounded and validated.

Sync (push, pull, scopes) builds on these endpoints; see DESIGN.md §5.
"""

# No `from __future__ import annotations`: FastAPI reads the dependency annotations of the nested
# endpoints at runtime.
from datetime import timedelta
from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException, status
from pydantic import BaseModel, Field

from somdesk import __version__
from somdesk.server.store import Account, ServerStore

__all__ = ["PROTOCOL", "create_app"]

PROTOCOL = 1  # the sync protocol this server speaks; clients send theirs with every login
ACCESS_LIFETIME = timedelta(minutes=15)
REFRESH_LIFETIME = timedelta(days=14)
MAX_FAILURES, FAILURE_WINDOW = 5, timedelta(minutes=15)

Username = Annotated[str, Field(min_length=2, max_length=64, pattern=r"^[A-Za-z0-9.\-]+$")]
DeviceId = Annotated[str, Field(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]


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


class Me(BaseModel):
    username: str
    display_name: str
    role: str
    officer_id: str | None
    device_id: str


def create_app(store: ServerStore) -> FastAPI:
    app = FastAPI(title="somdesk central store", version=__version__)

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
