"""A live central store on the test's PostgreSQL database, and devices that sync with it."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from somdesk.domain.audit import GENESIS, AuditEntry
from somdesk.server.app import create_app
from somdesk.server.demo import DEMO_PASSWORD, seed_demo
from somdesk.server.store import ServerStore
from somdesk.store.profile import OpenProfile, Profile
from somdesk.store.replica import LocalSync
from somdesk.sync.client import CentralStore, MemoryTokens
from somdesk.sync.engine import SyncReport, sync_once
from tests.conftest import TODAY

PASSPHRASE = "device passphrase 1"
ROOT = Path(__file__).resolve().parents[2]


def new_database(base: str, prefix: str = "t", template: str | None = None) -> str:
    """A new database on the PostgreSQL server at `base` (a copy of `template` if given); its URL."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    copy = f' TEMPLATE "{make_url(template).database}"' if template else ""
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"{copy}'))
    admin.dispose()
    return make_url(base).set(database=name).render_as_string(hide_password=False)


@contextmanager
def scratch_database(base: str, prefix: str = "t", template: str | None = None) -> Iterator[str]:
    """new_database, dropped afterwards."""
    url = new_database(base, prefix, template)
    yield url
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE "{make_url(url).database}" WITH (FORCE)'))
    admin.dispose()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """uvicorn in a thread: real HTTP on loopback."""

    def __init__(self, store: ServerStore) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.app = create_app(store)
        config = uvicorn.Config(
            self.app,
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


class CentralStoreProcess:
    """`somdesk-server run` in its own process on loopback, as in production: a test can kill it."""

    def __init__(self, database_url: str, port: int | None = None, news: str = "listen") -> None:
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.command = [sys.executable, "-m", "somdesk.cli.server", "--database-url", database_url, "run",
                        "--port", str(self.port), "--change-news", news]  # fmt: skip
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def start(self) -> None:
        self.launch()
        self.ready()

    def launch(self) -> None:
        self.proc = subprocess.Popen(
            self.command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )

    def ready(self) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/v1/version", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.1)
        raise AssertionError("the central store did not start")

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            self.proc.wait(30)


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


def new_device(
    folder: Path, url: str, username: str, password: str, transport: httpx.BaseTransport | None = None
) -> Device:
    opened = Profile(folder).create(PASSPHRASE, username, None, passphrase_only=True)
    local = LocalSync(opened)
    remote = CentralStore(url, opened.device_id, MemoryTokens(), opened.profile_id, transport=transport)
    remote.login(username, password, folder.name, key_mode="passphrase")
    return Device(opened, local, remote)


def server_count(store: ServerStore, where: str = "1=1") -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(text(f"SELECT count(*) FROM records WHERE {where}")).scalar_one())


# Each test device's audit chain as the central store holds it: raw pushes carry an entry per change.
_chains: dict[str, tuple[int, str]] = {}
_ACTIONS = {"insert": "collection", "delete": "erasure"}


def _loggable(text_: object, longest: int) -> bool:
    return (
        isinstance(text_, str)
        and len(text_) <= longest
        and "\x00" not in text_
        and not any("\ud800" <= c <= "\udfff" for c in text_)
    )


def audit_entries_for(
    device: str, user: str, mutations: list[dict[str, Any]], seq: int = 0, prev: str = GENESIS
) -> tuple[list[dict[str, Any]], tuple[int, str]]:
    """An audit entry for each change (as a device logs it) after entry `seq` whose hash is `prev`;
    and the chain's new (seq, hash)."""
    entries = []
    for m in mutations:
        if not (_loggable(m.get("table"), 50) and _loggable(m.get("record_id"), 36)):
            continue  # no device could log it either
        seq += 1
        row = AuditEntry(
            str(uuid.uuid4()), datetime.now(UTC), device, user, _ACTIONS.get(m["operation"], "alteration"),
            m["table"], m["record_id"], "", "", "", prev,
        ).row()  # fmt: skip
        prev = row["hash"]
        entries.append({**row, "at": row["at"].isoformat(), "seq": seq})
    return entries, (seq, prev)


def audited(client: Any, token: str, mutations: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], Any]:
    """An audit entry for each change (as a device logs it), continuing the device's chain; and a
    function to call once the central store accepted the push."""
    me = client.get("/v1/me", headers={"Authorization": f"Bearer {token}"}).json()
    device, user = me["device_id"], me["username"]
    entries, state = audit_entries_for(device, user, mutations, *_chains.get(device, (0, GENESIS)))

    def accepted() -> None:
        _chains[device] = state

    return entries, accepted


def with_its_entry(
    device: Any, table: str, record_id: str, action: str = "alteration"
) -> list[dict[str, Any]]:
    """The device's audit log the central store lacks, with a new entry for a hand-made change to that
    record (the central store accepts a change only with its own entry)."""
    from somdesk.domain.audit import Action

    with device.opened.unit_of_work(justification_required=False) as uow:
        uow.audit.entry(Action(action), table, record_id, uow.now)
    return list(device.local.outgoing(0).audit)


def som_devices(folder: Path, store: ServerStore, rsos: int, seed: int) -> Iterator[dict[str, Device]]:
    """A seeded force of two SOMs and three synced devices: som1's "laptop" and "desktop", and som2's
    "colleague" (whose caseload is another's); closed after the test. For a fixture to `yield from`."""
    seed_demo(store, rsos, seed, TODAY, soms=2)
    with LiveServer(store) as server:
        made = {
            name: new_device(folder / name, server.url, account, DEMO_PASSWORD)
            for name, account in (("laptop", "som1"), ("desktop", "som1"), ("colleague", "som2"))
        }
        for device in made.values():
            device.sync()
        yield made
        for device in made.values():
            device.close()
