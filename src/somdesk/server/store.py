"""The central store's database: engine, migrations, passwords, accounts, devices and tokens. No HTTP."""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.resources import files
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, bindparam, create_engine, delete, insert, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from somdesk.domain.audit import ChainBreak, LoggedEntry, verify
from somdesk.domain.roles import Role
from somdesk.server.audit import findings
from somdesk.server.pull import latest as latest_change
from somdesk.server.scope import staff_tables
from somdesk.server.tables import audit_entries, devices, policy, records, tokens, users

__all__ = ["ROLES", "Account", "ServerStore", "database_problem", "hash_password", "verify_password"]

ROLES = tuple(role.value for role in Role)
# scrypt, as the local store uses for passphrases: memory-hard, in the standard library.
_N, _R, _P = 2**15, 8, 1


def hash_password(password: str) -> str:
    if not 12 <= len(password) <= 200:
        raise ValueError("a password needs 12 to 200 characters")
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=_N, r=_R, p=_P, maxmem=64 * 2**20, dklen=32)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        assert kind == "scrypt"
        got = hashlib.scrypt(
            password.encode()[:1000], salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p),
            maxmem=64 * 2**20, dklen=32,
        )  # fmt: skip
    except (ValueError, AssertionError):
        return False
    return hmac.compare_digest(got.hex(), digest)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class Account:
    id: int
    username: str
    display_name: str
    role: str
    officer_id: str | None
    team_ids: tuple[str, ...] = ()  # a supervisor's teams
    area: str | None = None  # a panel chair's area


def _account(row: Any) -> Account:
    return Account(
        row.id, row.username, row.display_name, row.role, row.officer_id,
        tuple(json.loads(row.team_ids or "[]")), row.area,
    )  # fmt: skip


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(moment: datetime) -> datetime:
    """SQLite (the demo server) returns naive times; they were written in UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


URL_SHAPE = "postgresql+psycopg://USER:PASSWORD@HOST:5432/DATABASE (or sqlite:///FILE for a demo)"
# The database's own words, and what to tell the administrator (never the URL: it may hold a password).
_MIGRATE = "the database has no somdesk tables yet: run `somdesk-server migrate` first"
_DATABASE_WORDS = (
    ("no such table", _MIGRATE),
    ("undefinedtable", _MIGRATE),
    ("password authentication failed", "the database refused the user name or password in the database URL"),
    (
        'role "',
        "the database user in the database URL does not exist: create it (administrator's guide, section 1)",
    ),
    (
        'database "',
        "the database named in the database URL does not exist: create it (administrator's guide, section 1)",
    ),
    ("refused", "no database answers at {where}: check the host and port, and that PostgreSQL is running"),
    ("resolve host", "the database host {where} was not found: check the database URL"),
    (
        "unable to open database file",
        "the SQLite file in the database URL cannot be opened: check its folder exists and can be written",
    ),
)


def database_problem(error: BaseException, url: str) -> str | None:
    """What is wrong with the database at `url`, in words, or None when `error` is not about it."""
    if not isinstance(error, DBAPIError):
        return None
    parsed = make_url(url)
    where = f"{parsed.host or 'this computer'}:{parsed.port or 5432}"
    text = f"{type(error.orig).__name__} {error.orig}".lower()
    found = next((words for needle, words in _DATABASE_WORDS if needle in text), None)
    if found is None:
        first = str(error.orig).strip().splitlines()[0] if str(error.orig).strip() else "no reason given"
        return f"the database could not be used: {first}"
    return found.format(where=where)


# Connections an instance keeps open to PostgreSQL, and more it may open at a peak (then closes). A request
# on the thread pool (40 threads) may hold two at once (its sign-in check, then its work); with the 5
# kept by default, a soak of 800 devices spent a tenth of an instance's time waiting for one, and more
# opening and closing them. Two instances use at most 84 of PostgreSQL's default 100 (the admin guide).
POOL_SIZE, POOL_OVERFLOW = 30, 10


# The account, device and expiry behind a token: built once (every request asks).
_TOKEN_HOLDER = (
    select(users, tokens.c.device_id, tokens.c.expires_at, devices.c.revoked_at)
    .join(tokens, tokens.c.user_id == users.c.id)
    .outerjoin(devices, devices.c.id == tokens.c.device_id)
    .where(
        tokens.c.token_hash == bindparam("token_hash"),
        tokens.c.kind == bindparam("kind"),
        tokens.c.spent_at.is_(None),
    )
)


class ServerStore:
    def __init__(self, url: str) -> None:
        try:
            pooled = {"pool_size": POOL_SIZE, "max_overflow": POOL_OVERFLOW}
            sizes = pooled if make_url(url).get_backend_name() == "postgresql" else {}
            self.engine: Engine = create_engine(url, pool_pre_ping=True, hide_parameters=True, **sizes)
            self._health: Engine | None = None
        except (ArgumentError, NoSuchModuleError, ModuleNotFoundError):  # no such kind, or no driver for it
            raise ValueError(
                f"the database URL is not one somdesk-server can use: give {URL_SHAPE}"
            ) from None

    # -- schema

    def _alembic(self) -> Config:
        config = Config()
        config.set_main_option("script_location", str(files("somdesk.migrations") / "server"))
        return config

    def migrate(self) -> str:
        config = self._alembic()
        with self.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
        return self.revision() or ""

    def revision(self) -> str | None:
        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def health_revision(self) -> str | None:
        """revision() on a connection of its own, for the load balancer's health check: when every
        pooled connection serves a request, the check still reaches the database at once instead of
        queueing, so a busy instance is not taken for a dead one (a database it cannot reach still is)."""
        if self._health is None:
            self._health = create_engine(
                self.engine.url, pool_size=1, max_overflow=0, pool_timeout=2, pool_pre_ping=True,
                hide_parameters=True,
            )  # fmt: skip
        with self._health.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def dispose(self) -> None:
        self.engine.dispose()
        if self._health is not None:
            self._health.dispose()

    def head(self) -> str:
        head = ScriptDirectory.from_config(self._alembic()).get_current_head()
        assert head is not None
        return head

    # -- accounts

    def add_user(
        self,
        username: str,
        display_name: str,
        role: str,
        password: str,
        officer_id: str | None = None,
        team_ids: tuple[str, ...] = (),
        area: str | None = None,
    ) -> int:
        if role not in ROLES:
            raise ValueError(f"role {role!r}: use one of {', '.join(ROLES)}")
        if (
            not username.isascii()
            or not 2 <= len(username) <= 64
            or not username.replace(".", "").replace("-", "").isalnum()
        ):
            raise ValueError("username: 2-64 letters, digits, dots or dashes")
        with self.engine.begin() as conn:
            if conn.execute(select(users.c.id).where(users.c.username == username)).first():
                raise ValueError(f"user {username!r} already exists")
            return int(
                conn.execute(
                    insert(users).values(
                        username=username, display_name=display_name, role=role, officer_id=officer_id,
                        password_hash=hash_password(password), disabled=False, created_at=_now(),
                        team_ids=json.dumps(list(team_ids)), area=area,
                    ).returning(users.c.id)
                ).scalar_one()
            )  # fmt: skip

    def check_password(self, username: str, password: str) -> Account | None:
        """The account when the password is right and the account enabled (for tests and tools: the API
        signs in through server/signin.py, which also counts attempts)."""
        with self.engine.connect() as conn:
            row = conn.execute(select(users).where(users.c.username == username)).first()
        if row is None or not verify_password(password, row.password_hash) or row.disabled:
            return None
        return _account(row)

    # -- devices and tokens

    def register_device(self, account: Account, device_id: str, name: str) -> None:
        with self.engine.begin() as conn:
            row = conn.execute(select(devices).where(devices.c.id == device_id)).first()
            if row is None:
                conn.execute(
                    insert(devices).values(id=device_id, user_id=account.id, name=name, registered_at=_now())
                )
            elif row.user_id != account.id:
                raise PermissionError("this device is registered to another user")

    def device_revoked(self, device_id: str) -> bool:
        with self.engine.connect() as conn:
            return (
                conn.execute(select(devices.c.revoked_at).where(devices.c.id == device_id)).scalar()
                is not None
            )

    def revoke_device(self, device_id: str) -> bool:
        with self.engine.begin() as conn:
            done = conn.execute(
                update(devices)
                .where(devices.c.id == device_id, devices.c.revoked_at.is_(None))
                .values(revoked_at=_now())
            ).rowcount
            conn.execute(delete(tokens).where(tokens.c.device_id == device_id))
        return bool(done)

    def account_for(self, token: str, kind: str = "access") -> tuple[Account, str, bool] | None:
        """The account and device a valid, unexpired, unspent token belongs to, and whether that device
        is revoked (one query: every request asks); None otherwise. Tokens are issued only by
        server/signin.py (holding the account's row, so none outlives a reset)."""
        with self.engine.connect() as conn:
            row = conn.execute(_TOKEN_HOLDER, {"token_hash": _digest(token), "kind": kind}).first()
        if row is None or _aware(row.expires_at) <= _now() or row.disabled:
            return None
        return _account(row), row.device_id, row.revoked_at is not None

    def devices(self) -> list[Any]:
        with self.engine.connect() as conn:
            return list(
                conn.execute(
                    select(devices.c.id, devices.c.name, users.c.username, devices.c.registered_at,
                           devices.c.revoked_at)
                    .join(users, users.c.id == devices.c.user_id)
                    .order_by(users.c.username, devices.c.registered_at)
                )
            )  # fmt: skip

    def set_scope(
        self, username: str, team_ids: tuple[str, ...] | None = None, area: str | None = None
    ) -> None:
        values: dict[str, Any] = {"area": area}
        if team_ids is not None:
            values["team_ids"] = json.dumps(list(team_ids))
        with self.engine.begin() as conn:
            if not conn.execute(update(users).where(users.c.username == username).values(**values)).rowcount:
                raise ValueError(f"no user {username!r}")

    # -- force policy

    def set_policy(self, text: str) -> str:
        digest = hashlib.sha256(text.encode()).hexdigest()
        with self.engine.begin() as conn:
            conn.execute(delete(policy).where(policy.c.id == 1))
            conn.execute(insert(policy).values(id=1, text=text, hash=digest, set_at=_now()))
        return digest

    def policy(self) -> tuple[str, str] | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(policy.c.text, policy.c.hash).where(policy.c.id == 1)).first()
        return (row.text, row.hash) if row else None

    def latest(self) -> int:
        """The change number of the last committed change."""
        with self.engine.connect() as conn:
            return latest_change(conn)

    def listen_url(self) -> str | None:
        """The database's libpq URL for the change news' listening connection (server/changes.py);
        None on SQLite, which has no LISTEN."""
        if self.engine.dialect.name != "postgresql":
            return None
        return self.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)

    def usernames(self) -> list[Any]:
        with self.engine.connect() as conn:
            return list(
                conn.execute(
                    select(users.c.username, users.c.role, users.c.display_name, users.c.disabled).order_by(
                        users.c.id
                    )
                )
            )

    def verify_audit(self) -> tuple[int, ChainBreak | None]:
        """Every device's chain, entry by entry, as stored (see domain.audit.verify)."""

        def entries() -> Iterator[LoggedEntry]:
            with self.engine.connect() as conn:
                for row in conn.execution_options(yield_per=2000).execute(
                    select(audit_entries.c.data).order_by(audit_entries.c.device_id, audit_entries.c.seq)
                ):
                    yield LoggedEntry.from_wire(json.loads(row.data))

        return verify(entries())

    def audit_findings(self) -> list[str]:
        """Forked chains and entries flagged on arrival (see server.audit.findings)."""
        with self.engine.connect() as conn:
            return findings(conn)

    def teams(self) -> list[dict[str, Any]]:
        """Teams as synced from the devices (or the demo), with how many officers each has."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(records.c.id, records.c.table_name, records.c.data).where(
                    records.c.table_name.in_(staff_tables()), records.c.deleted.is_(False)
                )
            ).all()
        found = {
            r.id: {"id": r.id, **json.loads(r.data), "officers": 0} for r in rows if r.table_name == "teams"
        }
        for r in rows:
            team = found.get(json.loads(r.data).get("team_id")) if r.table_name == "officers" else None
            if team is not None:
                team["officers"] += 1
        return sorted(found.values(), key=lambda t: (t.get("area") or "", t.get("name") or ""))
