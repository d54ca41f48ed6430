"""Connections to the encrypted database (SQLCipher 4) or, for comparison only, plain SQLite.

The raw 256-bit key makes a connection cost under a millisecond (no per-connection key derivation).
A wrong key is accepted by `PRAGMA key` and only fails on the first read, so every new connection
reads `sqlite_master` at once: a damaged or foreign file is reported when it is opened, not later.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from somdesk.domain.text import tr
from somdesk.store.errors import (
    LOW_SPACE,
    DatabaseDamaged,
    DatabaseUnavailable,
    DiskFull,
    disk_full_message,
    is_disk_full,
)

__all__ = [
    "CIPHER_PRAGMAS",
    "HMAC_NEW",
    "HMAC_READ",
    "IMMEDIATE",
    "STATEMENT_CACHE",
    "plain_engine",
    "sqlcipher_engine",
    "writing",
]

IMMEDIATE = "somdesk_immediate"  # execution option: begin with the write lock


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A write transaction that holds the write lock from its BEGIN. A deferred transaction that reads
    first and writes later fails at once ("database is locked", no wait) if another connection wrote
    in between: SQLite cannot move a read snapshot forward. Every write in the profile goes through
    here (or asks for IMMEDIATE itself), so writers queue on busy_timeout instead."""
    with engine.connect().execution_options(**{IMMEDIATE: True}) as conn, conn.begin():
        yield conn


# Tried for the encrypted/plain ratio (docs/PERFORMANCE.md): memory security off saves most; the
# page size is SQLCipher 4's default (4096) and HMAC integrity checks stay on.
CIPHER_PRAGMAS = ("PRAGMA cipher_memory_security = OFF",)
# Each page's HMAC: HMAC-SHA256 in files made from this version on (issue 26), SQLCipher 4's default
# HMAC-SHA512 in files made before, read as they are (nothing converts them). Both are HMACs keyed
# from the database key with 256-bit tags or longer; SHA-256 costs about a third less a page here
# (SHA-NI), and every page a commit writes is authenticated (docs/PERFORMANCE.md). A file's algorithm
# is found by reading its first page with each in turn: a wrong one fails its HMAC like a wrong key.
HMAC_NEW = "HMAC_SHA256"
HMAC_READ = (HMAC_NEW, "HMAC_SHA512")
# Prepared statements each connection keeps (docs/PERFORMANCE.md, "The driver's statement cache").
# sqlcipher3's cache is not LRU like the standard library's: it evicts its least *counted* entry, the
# newest, so once 128 statements have each run twice, every statement new to the connection is
# prepared again at each use. A unit of work's statements are then compiled each time (a visit's
# INSERT with its triggers: about 150 us of its 1.5 ms). 2,000 is well past what one connection runs
# (at most about 400 distinct statements a connection in the store tests, 714 in all), at a few
# kilobytes each.
STATEMENT_CACHE = 2000
COMMON_PRAGMAS = (
    "PRAGMA journal_mode = WAL",  # readers never block the writer; the WAL is encrypted too
    "PRAGMA synchronous = NORMAL",  # with WAL: durable across a killed process, fsync at checkpoints
    "PRAGMA foreign_keys = ON",
    "PRAGMA busy_timeout = 5000",
    "PRAGMA cache_size = -32000",  # 32 MB
)


def _engine(connect: Callable[[], Any], driver: Any) -> Engine:
    # `module` tells the SQLite dialect which driver it talks to, so that driver's exceptions are
    # wrapped as SQLAlchemy's; `connect` opens the file and sets the key.
    # LIFO: reuse the connection used last. Its page cache is warm, whereas a connection that
    # missed another's write must re-read (and, encrypted, re-decrypt) the pages it touches.
    engine = create_engine(
        "sqlite://",
        module=driver,
        creator=connect,
        poolclass=QueuePool,
        pool_size=4,
        max_overflow=4,
        pool_use_lifo=True,
        hide_parameters=True,  # errors and logs never carry record values
    )

    # pysqlite's own transaction handling delays BEGIN and breaks SAVEPOINTs; let SQLAlchemy decide.
    @event.listens_for(engine, "connect")
    def _no_implicit_begin(dbapi_connection: Any, _: Any) -> None:
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # Writers ask for IMMEDIATE: they take the write lock up front, so two writers queue on
        # busy_timeout instead of failing on a read-to-write upgrade. Readers stay deferred.
        immediate = conn.get_execution_options().get(IMMEDIATE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def sqlcipher_engine(
    path: Path, key: bytes, statement_cache: int = STATEMENT_CACHE, new_hmac: str = HMAC_NEW
) -> Engine:
    """`statement_cache` and `new_hmac` (the HMAC of a file made here) other than their defaults: only
    for a benchmark's "before"."""
    if len(key) != 32:
        raise ValueError("the database key must be 32 bytes")
    pragma_key = f"PRAGMA key = \"x'{key.hex()}'\""
    found: list[str] = []  # the file's HMAC algorithm, once a connection has read it

    def open_with(hmac: str) -> Any:
        conn = sqlcipher.connect(str(path), check_same_thread=False, cached_statements=statement_cache)
        try:
            conn.execute(pragma_key)
            conn.execute("PRAGMA cipher_log_level = NONE")
            # cipher settings must come before the first read
            for pragma in (f"PRAGMA cipher_hmac_algorithm = {hmac}", *CIPHER_PRAGMAS):
                conn.execute(pragma)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except BaseException:
            conn.close()
            raise
        return conn

    def connect() -> Any:
        try:
            if found:
                conn = open_with(found[0])
            else:
                # A new file is made with HMAC_NEW; a file that exists is read with whichever it has.
                made = path.exists() and path.stat().st_size > 0
                for hmac in HMAC_READ if made else (new_hmac,):
                    try:
                        conn = open_with(hmac)
                        found.append(hmac)
                        break
                    except sqlcipher.OperationalError:
                        raise
                    except sqlcipher.DatabaseError:  # not this algorithm's (or not this key's)
                        if hmac == HMAC_READ[-1]:
                            raise
        except sqlcipher.OperationalError as e:  # I/O trouble, not the key: say which, change nothing
            free = shutil.disk_usage(path.parent).free
            if is_disk_full(e) or free < LOW_SPACE:
                raise DiskFull(
                    f"{path.parent}: "
                    + disk_full_message(
                        tr("the profile cannot be opened ({0:,} KB free)").format(free // 1024)
                    )
                ) from None
            raise DatabaseUnavailable(
                f"{path}: could not be read ({e}); nothing was changed: check the disk and try again"
            ) from None
        except sqlcipher.DatabaseError as e:
            raise DatabaseDamaged(
                f"{path}: cannot be read with this profile's key ({e}): the file is damaged "
                "or is not this profile's database; restore it from a backup"
            ) from None
        for pragma in COMMON_PRAGMAS:
            conn.execute(pragma)
        return conn

    return _engine(connect, sqlcipher)


def plain_engine(path: Path) -> Engine:
    """Unencrypted SQLite with the same settings: for benchmarks only, never for personal data."""

    def connect() -> Any:
        conn = sqlite3.connect(str(path), check_same_thread=False)
        for pragma in COMMON_PRAGMAS:
            conn.execute(pragma)
        return conn

    return _engine(connect, sqlite3)
