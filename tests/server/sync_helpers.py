"""A live central store on the test's PostgreSQL database, and devices that sync with it."""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import uvicorn
from sqlalchemy import text

from somdesk.server.app import create_app
from somdesk.server.store import ServerStore
from somdesk.store.profile import OpenProfile, Profile
from somdesk.sync.client import CentralStore, MemoryTokens
from somdesk.sync.engine import SyncReport, sync_once
from somdesk.sync.local import LocalSync

PASSPHRASE = "device passphrase 1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """uvicorn in a thread: real HTTP on loopback."""

    def __init__(self, store: ServerStore) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(
            create_app(store),
            host="127.0.0.1",
            port=self.port,
            log_level="warning",
            timeout_graceful_shutdown=1,
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            assert time.monotonic() < deadline, "the test server did not start"
            time.sleep(0.02)
        return self

    def __exit__(self, *_: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@dataclass
class Device:
    opened: OpenProfile
    local: LocalSync
    remote: CentralStore

    def sync(self) -> SyncReport:
        return sync_once(self.local, self.remote)

    def count(self, table: str, where: str = "1=1") -> int:
        with self.opened.engine.connect() as conn:
            return int(conn.execute(text(f"SELECT count(*) FROM {table} WHERE {where}")).scalar_one())

    def value(self, table: str, record_id: str, field: str) -> object:
        with self.opened.engine.connect() as conn:
            return conn.execute(text(f"SELECT {field} FROM {table} WHERE id = :i"), {"i": record_id}).scalar()

    def close(self) -> None:
        self.remote.close()
        self.opened.lock()


def new_device(folder: Path, url: str, username: str, password: str) -> Device:
    opened = Profile(folder).create(PASSPHRASE, username, None, passphrase_only=True)
    local = LocalSync(opened)
    remote = CentralStore(url, opened.device_id, MemoryTokens(), opened.profile_id)
    remote.login(username, password, folder.name)
    return Device(opened, local, remote)


def server_count(store: ServerStore, where: str = "1=1") -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(text(f"SELECT count(*) FROM records WHERE {where}")).scalar_one())
