"""Writes that collide with another made at the same moment: the same change pushed twice at once, the same
new device signing in twice at once. Such a write is tried again (it then finds the other's work done: a
replayed push returns its stored result); on SQLite (the demo store) writes are also taken one at a time,
since SQLite refuses a second writer outright. What still collides is answered in words (409, or 503 for
a database busy past the retries), and the database's own message, which may quote the row's values,
is never logged: only the kind of error.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Awaitable, Callable
from contextlib import AbstractContextManager, nullcontext
from typing import TypeVar
from weakref import WeakKeyDictionary

from fastapi import FastAPI, Request, status
from fastapi.responses import JSONResponse
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, OperationalError

__all__ = ["ATTEMPTS", "install", "retrying"]
ATTEMPTS = 5
T = TypeVar("T")
log = logging.getLogger("somdesk.server.api")
_locks: WeakKeyDictionary[Engine, threading.Lock] = WeakKeyDictionary()
_guard = threading.Lock()


def _busy(error: BaseException) -> bool:
    text = str(getattr(error, "orig", "")).lower()
    return isinstance(error, OperationalError) and ("locked" in text or "busy" in text)


def collided(error: BaseException) -> bool:
    """Another write got there first: a unique key or primary key taken, or SQLite's lock held."""
    return isinstance(error, IntegrityError) or _busy(error)


def _one_at_a_time(engine: Engine) -> AbstractContextManager[object]:
    if engine.dialect.name != "sqlite":
        return nullcontext()  # PostgreSQL orders pushes itself (the change counter's row lock)
    with _guard:
        return _locks.setdefault(engine, threading.Lock())


def retrying(engine: Engine, work: Callable[[], T]) -> T:
    """`work()` (which runs its own transaction), tried again if it collided with another write."""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            with _one_at_a_time(engine):
                return work()
        except DBAPIError as e:
            if not collided(e) or attempt == ATTEMPTS:
                raise
            log.info("a write collided with another (%s): trying again", type(e.orig).__name__)
            time.sleep(0.02 * attempt)
    raise AssertionError("unreachable")


def _refused(what: str, detail: str, code: int) -> Callable[[Request, Exception], Awaitable[JSONResponse]]:
    """An answer to a database refusal: its kind in the log, never the database's message."""

    async def answer(request: Request, error: Exception) -> JSONResponse:
        kind = type(getattr(error, "orig", error)).__name__
        log.warning("%s %s: the database refused %s (%s)", request.method, request.url.path, what, kind)
        return JSONResponse({"detail": detail}, status_code=code)

    return answer


def install(app: FastAPI) -> None:
    """Answers for a collision the retries did not settle, and for any other database refusal of a
    value: in words, with nothing of the database's message (which quotes the row)."""

    collided = "the change collided with another made at the same moment: send it again"
    app.add_exception_handler(IntegrityError, _refused("a write", collided, status.HTTP_409_CONFLICT))
    outside = "a value is outside what the central store keeps: nothing was changed"
    app.add_exception_handler(DataError, _refused("a value", outside, status.HTTP_422_UNPROCESSABLE_CONTENT))

    @app.exception_handler(OperationalError)
    async def busy(request: Request, error: OperationalError) -> JSONResponse:
        if not _busy(error):
            raise error
        log.warning("%s %s: the database stayed busy", request.method, request.url.path)
        return JSONResponse(
            {"detail": "the central store is busy: try again in a moment"},
            status_code=status.HTTP_503_SERVICE_UNAVAILABLE,
        )
