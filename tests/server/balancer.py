"""Several central store instances behind HAProxy, as a force would run them: `somdesk-server run`
processes on loopback ports, one database, and Debian's HAProxy in front with
packaging/haproxy/somdesk.cfg (written to a temporary folder with the addresses filled in).

    with Balancer(database_url, instances=3, folder=tmp) as balancer:
        device = new_device(..., balancer.url, ...)
        balancer.kill(1)      # SIGKILL one instance; balancer.start(1) starts it again

By hand, on the throwaway PostgreSQL (prints the address, runs until Ctrl+C):

    scripts/with-postgres .venv/bin/python -m tests.server.balancer [INSTANCES]
"""

from __future__ import annotations

import csv
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import httpx

from .sync_helpers import ROOT, CentralStoreProcess, free_port

CONFIG = ROOT / "packaging" / "haproxy" / "somdesk.cfg"


def haproxy_config(bind: str, servers: list[tuple[str, str]], stats: Path | None = None) -> str:
    """The packaged configuration with its two places filled in: `bind` (host:port) and a `server`
    line per (name, host:port); logging to standard output; `stats`: a socket for HAProxy's state."""
    text = CONFIG.read_text(encoding="utf-8")
    lines = "\n    ".join(f"server {name} {address}" for name, address in servers)
    assert text.count("    bind BIND\n") == 1 and text.count("    SERVERS\n") == 1
    assert text.count("    log /dev/log local0\n") == 1
    logs = "    log stdout format raw local0\n"
    if stats is not None:
        logs += f"    stats socket {stats} mode 600 level user\n"
    return (
        text.replace("bind BIND\n", f"bind {bind}\n")
        .replace("    SERVERS\n", f"    {lines}\n")
        .replace("    log /dev/log local0\n", logs)
    )


class Balancer:
    def __init__(self, database_url: str, instances: int, folder: Path, news: str = "listen") -> None:
        self.haproxy = shutil.which("haproxy") or "/usr/sbin/haproxy"
        if not Path(self.haproxy).exists():
            raise RuntimeError(
                "HAProxy is not installed (Debian package: haproxy; scripts/setup installs it)"
            )
        self.instances = [CentralStoreProcess(database_url, news=news) for _ in range(instances)]
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.folder = folder
        self.config = folder / "haproxy.cfg"
        self.log = folder / "haproxy.log"  # a line per request (option httplog)
        self.stats = folder / "haproxy.sock"
        self.proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Balancer:
        try:
            for instance in self.instances:  # side by side: each takes a few seconds to import and start
                instance.launch()
            for instance in self.instances:
                instance.ready()
            servers = [(f"s{i + 1}", f"127.0.0.1:{s.port}") for i, s in enumerate(self.instances)]
            self.config.write_text(
                haproxy_config(f"127.0.0.1:{self.port}", servers, self.stats), encoding="utf-8"
            )
            log = self.log.open("wb")
            # -db: in the foreground, not as a daemon, so this process owns it and can stop it.
            self.proc = subprocess.Popen(
                [self.haproxy, "-db", "-f", str(self.config)], stdout=log, stderr=log
            )
            self.ready()
        except BaseException:
            self.__exit__()
            raise
        return self

    def _servers(self) -> list[dict[str, str]]:
        """HAProxy's figures for each instance (its stats socket's `show stat`)."""
        with socket.socket(socket.AF_UNIX) as conn:
            conn.connect(str(self.stats))
            conn.sendall(b"show stat\n")
            answer = b""
            while chunk := conn.recv(65536):
                answer += chunk
        rows = list(csv.DictReader(answer.decode().lstrip("# ").splitlines()))
        return [r for r in rows if r["pxname"] == "central_store" and r["svname"] not in ("BACKEND", "")]

    def up(self) -> set[str]:
        """The instances HAProxy sends requests to (their health checks pass): s1, s2 ..."""
        return {r["svname"] for r in self._servers() if r["status"] == "UP"}

    def busy(self) -> list[int]:
        """The instances (0-based) answering a request now: a long poll in flight, for instance."""
        return [int(r["svname"][1:]) - 1 for r in self._servers() if int(r["scur"] or 0) > 0]

    def ready(self, seconds: float = 30) -> None:
        """HAProxy answers, with every live instance in service."""
        deadline = time.monotonic() + seconds
        wanted = {f"s{i + 1}" for i, s in enumerate(self.instances) if s.proc and s.proc.poll() is None}
        while time.monotonic() < deadline:
            assert self.proc is not None and self.proc.poll() is None, "HAProxy stopped: see haproxy.log"
            try:
                if self.up() == wanted and httpx.get(f"{self.url}/v1/version", timeout=2).status_code == 200:
                    return
            except (OSError, httpx.TransportError):
                pass
            time.sleep(0.05)
        raise AssertionError("HAProxy did not put every instance in service")

    def heal(self) -> None:
        """Start again every instance that was killed, side by side; back when HAProxy uses them all."""
        dead = [s for s in self.instances if s.proc is None or s.proc.poll() is not None]
        for instance in dead:
            instance.launch()
        for instance in dead:
            instance.ready()
        self.ready()

    def kill(self, index: int) -> None:
        """SIGKILL instance `index` (0-based): no goodbye, as a crashed process or host."""
        self.instances[index].kill()

    def start(self, index: int) -> None:
        self.instances[index].start()

    def __exit__(self, *_: object) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        for instance in self.instances:
            instance.stop()


def main() -> None:
    import os
    import sys
    import tempfile

    from somdesk.server.store import ServerStore

    from .sync_helpers import new_database

    url = new_database(os.environ["SOMDESK_TEST_PG_URL"], "balancer")
    ServerStore(url).migrate()
    count = int((sys.argv[1:] or ["2"])[0])
    with tempfile.TemporaryDirectory() as folder, Balancer(url, count, Path(folder)) as b:
        print(f"HAProxy on {b.url}, instances on ports {', '.join(str(i.port) for i in b.instances)}")
        print(f"configuration: {b.config}; the database: {url}; Ctrl+C stops")
        try:
            while True:
                time.sleep(1)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
