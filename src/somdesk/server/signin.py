"""Sign-in on the central store: the failed sign-in limit, refresh token chains, ending an account's
sessions, and the purge of what has expired. No HTTP (app.py answers); design in docs/SECURITY.md.

The limit. Every attempt is counted BEFORE its password is checked, in one transaction that holds a lock
on the username (PostgreSQL: an advisory lock; SQLite: the write lock its insert takes), so parallel guesses
are counted one after another and cannot slip past it. The attempt is written as a failure and removed only
when the password proves right. Three counts over the last 15 minutes, each with its own ceiling:

- the account from this device at this source address: 5 (a colleague's own laptop is its own count, so a
  stranger guessing elsewhere does not lock them out);
- the account from this source address, whatever device id is claimed: 20 (a guesser cannot reset the
  count by inventing device ids);
- the account from everywhere: 100 (a guesser with many addresses is stopped too; reaching it locks the
  account for 15 minutes everywhere, which the log shows the administrator).

A refused attempt is not written, so refusals never push the wider counts up: a stranger at one address can
add at most 20 attempts to the account's count in a window.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
from collections import Counter
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, and_, delete, func, insert, select, update

from somdesk.server.store import Account, _account, _digest, hash_password, verify_password
from somdesk.server.tables import login_failures, tokens, users

__all__ = [
    "LIMITS",
    "WINDOW",
    "Attempt",
    "claim_attempt",
    "disabled_holder",
    "end_sessions",
    "forget_attempt",
    "purge",
    "rotate",
    "set_disabled",
    "set_password",
    "sign_in",
    "start",
]

WINDOW = timedelta(minutes=15)
LIMITS = {"device": 5, "source": 20, "account": 100}
DISABLED = "this account has been disabled by the administrator: ask them if you need it again"
# A stored hash in the real shape and with the real cost, for names that have no account: an unknown name
# costs the same scrypt work as a known one, so the time of the answer does not tell which names exist.
_NOBODY = "scrypt$32768$8$1$" + "00" * 16 + "$" + "00" * 32


def _now() -> datetime:
    return datetime.now(UTC)


def _lock(conn: Connection, username: str) -> None:
    """Sign-ins for one username wait for each other here (until the transaction ends)."""
    if conn.dialect.name == "postgresql":
        key = int.from_bytes(hashlib.sha256(username.encode()).digest()[:8], "big", signed=True)
        conn.execute(select(func.pg_advisory_xact_lock(key)))


# SQLite (the demo store, one process) has no lock per username: its attempts are counted one at a time.
_SQLITE_ATTEMPTS = threading.Lock()


@dataclass(frozen=True)
class Attempt:
    id: int | None  # the failure row written for this attempt; None when refused
    refusal: str = ""  # why it was refused, in words


def claim_attempt(engine: Engine, username: str, device_id: str, source: str) -> Attempt:
    """Count this sign-in attempt, before its password is checked; refuse it when a limit is reached."""
    username, source, now = username[:64], source[:64], _now()
    one_at_a_time = _SQLITE_ATTEMPTS if engine.dialect.name == "sqlite" else nullcontext()
    with one_at_a_time, engine.begin() as conn:
        _lock(conn, username)
        recent = conn.execute(
            select(login_failures.c.device_id, login_failures.c.source).where(
                login_failures.c.username == username, login_failures.c.at > now - WINDOW
            )
        ).all()
        counts = Counter[str]()
        for row in recent:
            counts["account"] += 1
            if row.source == source:
                counts["source"] += 1
                if row.device_id == device_id:
                    counts["device"] += 1
        over = next((kind for kind, limit in LIMITS.items() if counts[kind] >= limit), None)
        if over is not None:
            return Attempt(None, over)
        attempt = conn.execute(
            insert(login_failures)
            .values(username=username, device_id=device_id, source=source, at=now)
            .returning(login_failures.c.id)
        ).scalar_one()
    return Attempt(int(attempt))


def forget_attempt(engine: Engine, username: str, device_id: str, source: str) -> None:
    """The password was right: this device's failures at this source no longer count (the wider counts,
    which may hold a stranger's guesses, stay until they age out)."""
    with engine.begin() as conn:
        conn.execute(
            delete(login_failures).where(
                login_failures.c.username == username[:64],
                login_failures.c.device_id == device_id,
                login_failures.c.source == source[:64],
            )
        )


@dataclass(frozen=True)
class SignedIn:
    account: Account
    stamp: str  # the password hash the password was checked against (a reset since then refuses the issue)


def sign_in(engine: Engine, username: str, password: str) -> SignedIn | str | None:
    """The account when the password is right; DISABLED's words when it is right but the account is
    disabled; None otherwise. The same scrypt work runs whether or not the name exists."""
    with engine.connect() as conn:
        row = conn.execute(select(users).where(users.c.username == username)).first()
    right = verify_password(password, row.password_hash if row is not None else _NOBODY)
    if row is None or not right:
        return None
    return DISABLED if row.disabled else SignedIn(_account(row), row.password_hash)


def _hold(conn: Connection, user_id: int) -> Any:
    """The account's row, held (FOR SHARE) until the transaction ends: an administrator's disable or
    password change (FOR UPDATE, then deleting tokens) waits for a sign-in in flight, or it for them, so no
    token is issued that outlives them. Locks are taken account first, then tokens, everywhere."""
    return conn.execute(
        select(users.c.disabled, users.c.password_hash)
        .where(users.c.id == user_id)
        .with_for_update(read=True)
    ).first()


def _pair(
    conn: Connection, user_id: int, device_id: str, lifetimes: tuple[timedelta, timedelta]
) -> tuple[str, str]:
    now, pair = _now(), (secrets.token_urlsafe(32), secrets.token_urlsafe(32))
    for token, kind, lifetime in zip(pair, ("access", "refresh"), lifetimes, strict=True):
        conn.execute(
            insert(tokens).values(
                token_hash=_digest(token), kind=kind, user_id=user_id, device_id=device_id,
                expires_at=now + lifetime,
            )
        )  # fmt: skip
    return pair


def start(
    engine: Engine, signed: SignedIn, device_id: str, lifetimes: tuple[timedelta, timedelta]
) -> tuple[str, str] | str | None:
    """A new access and refresh token for a password sign-in, ending the device's earlier chains; DISABLED
    or None (sign in again) when the administrator disabled the account or changed its password since the
    password was checked."""
    with engine.begin() as conn:
        held = _hold(conn, signed.account.id)
        if held is None or held.password_hash != signed.stamp:
            return None
        if held.disabled:
            return DISABLED
        end_sessions(conn, signed.account.id, device_id)
        return _pair(conn, signed.account.id, device_id, lifetimes)


def end_sessions(conn: Connection, user_id: int, device_id: str | None = None) -> int:
    """Every token of the account (or of one device of it): access and refresh, spent or not."""
    where = tokens.c.user_id == user_id
    if device_id is not None:
        where = and_(where, tokens.c.device_id == device_id)
    return int(conn.execute(delete(tokens).where(where)).rowcount)


def _user_id(conn: Connection, username: str) -> int:
    found = conn.execute(select(users.c.id).where(users.c.username == username).with_for_update()).scalar()
    if found is None:
        raise ValueError(f"no user {username!r}: see `somdesk-server users list`")
    return int(found)


def _signed_in(conn: Connection, user_id: int) -> int:
    """On how many devices the account holds a live sign-in (an unspent, unexpired refresh token)."""
    return int(
        conn.execute(
            select(func.count(func.distinct(tokens.c.device_id))).where(
                tokens.c.user_id == user_id, tokens.c.kind == "refresh", tokens.c.spent_at.is_(None),
                tokens.c.expires_at > _now(),
            )
        ).scalar_one()
    )  # fmt: skip


def set_disabled(engine: Engine, username: str, disabled: bool) -> int:
    """Disable or enable an account. Disabling ends every sign-in at once: a disabled account's tokens
    are refused everywhere (account_for, rotate) and are kept only until they expire, so that its devices
    are told why at their next contact. Enabling deletes them all: an old sign-in never comes back.
    Returns on how many devices the account was signed in."""
    with engine.begin() as conn:
        user_id = _user_id(conn, username)
        devices = _signed_in(conn, user_id)
        conn.execute(update(users).where(users.c.id == user_id).values(disabled=disabled))
        if not disabled:
            end_sessions(conn, user_id)
        return devices


def set_password(engine: Engine, username: str, password: str) -> int:
    """A new password (12 to 200 characters); every token of the account ends and its failed sign-ins are
    forgotten. Returns on how many devices the account was signed in."""
    digest = hash_password(password)  # refuses a bad length before anything changes
    with engine.begin() as conn:
        user_id = _user_id(conn, username)
        devices = _signed_in(conn, user_id)
        conn.execute(update(users).where(users.c.id == user_id).values(password_hash=digest))
        conn.execute(delete(login_failures).where(login_failures.c.username == username))
        end_sessions(conn, user_id)
        return devices


@dataclass(frozen=True)
class Rotated:
    pair: tuple[str, str] | None = None  # the new access and refresh tokens
    reused: bool = False  # a spent refresh token came back: the device's chain was ended
    disabled: bool = False


def rotate(
    engine: Engine, refresh_token: str, device_id: str, lifetimes: tuple[timedelta, timedelta]
) -> Rotated:
    """Spend a refresh token of this device for a new pair, in one transaction. A token already spent
    coming back means two holders (the device and a thief): every token of that device ends, and the
    device must sign in again with its password."""
    now, digest = _now(), _digest(refresh_token)
    with engine.begin() as conn:
        owner = conn.execute(
            select(tokens.c.user_id).where(tokens.c.token_hash == digest, tokens.c.kind == "refresh")
        ).scalar()
        held = None if owner is None else _hold(conn, owner)  # the account first, then the token
        row = conn.execute(
            select(tokens.c.user_id, tokens.c.device_id, tokens.c.expires_at)
            .where(tokens.c.token_hash == digest, tokens.c.kind == "refresh")
            .with_for_update()
        ).first()
        if held is None or row is None or row.device_id != device_id or _aware(row.expires_at) <= now:
            return Rotated()
        if held.disabled:
            return Rotated(disabled=True)
        spent = conn.execute(
            update(tokens)
            .where(tokens.c.token_hash == digest, tokens.c.spent_at.is_(None))
            .values(spent_at=now)
        ).rowcount
        if not spent:  # spent before, or by a parallel request a moment ago
            end_sessions(conn, row.user_id, row.device_id)
            return Rotated(reused=True)
        return Rotated(_pair(conn, row.user_id, device_id, lifetimes))


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def purge(engine: Engine, now: datetime | None = None) -> tuple[int, int]:
    """Delete expired tokens (spent or not) and failed sign-ins older than the window. Returns the counts.
    Cheap: both by an indexed time."""
    now = now or _now()
    with engine.begin() as conn:
        ended = conn.execute(delete(tokens).where(tokens.c.expires_at <= now)).rowcount
        aged = conn.execute(delete(login_failures).where(login_failures.c.at <= now - WINDOW)).rowcount
    return int(ended), int(aged)


def disabled_holder(engine: Engine, token: str) -> bool:
    """Whether `token` is one of a disabled account's (kept until it expires, so that its device is told
    why it was refused rather than only to sign in again)."""
    with engine.connect() as conn:
        found = conn.execute(
            select(users.c.disabled)
            .join(tokens, tokens.c.user_id == users.c.id)
            .where(tokens.c.token_hash == _digest(token), tokens.c.expires_at > _now())
        ).scalar()
    return bool(found)
