"""Benchmark: what one page written costs encrypted, apart from somdesk's own work.

    .venv/bin/python bench/bench_cipher_pages.py [PAGES ...]      (default: 1 6 11)

Each commit inserts one small row into each of PAGES tables (so it writes about PAGES pages to the WAL),
on plain SQLite and on SQLCipher 4 with the pragmas somdesk uses, with HMAC-SHA512 (SQLCipher's default,
profiles made before issue 26) and with HMAC-SHA256 (profiles made since), one connection each, in turns
(medians of the rounds). Times are CPU time of this process per commit: on a shared machine they move
less with the load than wall time. The slope over PAGES is the cost of a page; what is left at one page,
the cost of a commit."""

from __future__ import annotations

import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

from somdesk.store.engine import CIPHER_PRAGMAS

KEY = "PRAGMA key = \"x'" + "2a" * 32 + "'\""
SETTINGS = ("PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA cache_size = -32000")
STORES: dict[str, tuple[str, ...] | None] = {  # None: plain SQLite
    "plain": None,
    "sqlcipher (HMAC-SHA512)": ("PRAGMA cipher_hmac_algorithm = HMAC_SHA512",),
    "sqlcipher (HMAC-SHA256)": ("PRAGMA cipher_hmac_algorithm = HMAC_SHA256",),
}
COMMITS, ROUNDS = 300, 9


def connect(path: Path, cipher: tuple[str, ...] | None, tables: int) -> Any:
    if cipher is None:
        conn: Any = sqlite3.connect(path, isolation_level=None)
    else:
        conn = sqlcipher.connect(str(path), isolation_level=None)
        for pragma in (KEY, *CIPHER_PRAGMAS, *cipher):
            conn.execute(pragma)
    for pragma in SETTINGS:
        conn.execute(pragma)
    for t in range(tables):
        conn.execute(f"CREATE TABLE t{t} (id TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID")
    return conn


def commits(conn: Any, tables: int, round_: int) -> float:
    """CPU microseconds per commit."""
    start = time.process_time()
    for i in range(COMMITS):
        conn.execute("BEGIN IMMEDIATE")
        for t in range(tables):
            conn.execute(f"INSERT INTO t{t} VALUES (?, ?)", (f"{round_:03d}{i:06d}", "x" * 200))
        conn.execute("COMMIT")
    return (time.process_time() - start) / COMMITS * 1e6


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [1, 6, 11]
    with tempfile.TemporaryDirectory() as tmp:
        for tables in sizes:
            conns = {
                name: connect(Path(tmp) / f"{tables}-{n}.db", c, tables)
                for n, (name, c) in enumerate(STORES.items())
            }
            times: dict[str, list[float]] = {name: [] for name in conns}
            for round_ in range(ROUNDS):
                for name, conn in conns.items():
                    times[name].append(commits(conn, tables, round_))
            plain = statistics.median(times["plain"])
            print(f"{tables} tables a commit")
            for name, runs in times.items():
                us = statistics.median(runs)
                extra = f"{us - plain:+5.0f} us   {us / plain:4.2f}x plain"
                print(f"  {name:<24} {us:6.0f} us CPU a commit   {extra}")
            for conn in conns.values():
                conn.close()


if __name__ == "__main__":
    main()
