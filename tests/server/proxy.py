"""A TCP proxy on loopback that a fault-injection test steers: pass traffic, delay it, cut connections
mid-stream, or refuse new ones. Seeded, so a failing run can be replayed."""

from __future__ import annotations

import random
import socket
import threading
import time
from contextlib import suppress


class FaultyProxy:
    """Forwards 127.0.0.1:port to 127.0.0.1:upstream. `mode` is one of "pass", "delay" (each chunk held
    up to `max_delay` seconds), "drop" (each chunk has a `drop_chance` of cutting both sides), "down"
    (new connections are closed at once)."""

    def __init__(self, upstream: int, seed: int, max_delay: float = 0.3, drop_chance: float = 0.05) -> None:
        self.upstream = upstream
        self.rng = random.Random(seed)
        self.lock = threading.Lock()
        self.mode = "pass"
        self.max_delay, self.drop_chance = max_delay, drop_chance
        self.cut = self.delayed = 0  # faults injected, for the report
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.open: set[socket.socket] = set()
        self.stopping = False
        threading.Thread(target=self._accept, daemon=True).start()

    def set_mode(self, mode: str) -> None:
        assert mode in ("pass", "delay", "drop", "down")
        self.mode = mode
        if mode == "down":
            self.cut_all()

    def cut_all(self) -> None:
        with self.lock:
            doomed, self.open = list(self.open), set()
            self.cut += len(doomed)
        for s in doomed:
            _close(s)

    def close(self) -> None:
        self.stopping = True
        _close(self.listener)
        self.cut_all()

    def _chance(self) -> float:
        with self.lock:
            return self.rng.random()

    def _accept(self) -> None:
        while not self.stopping:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if self.mode == "down":
                _close(client)
                continue
            try:
                server = socket.create_connection(("127.0.0.1", self.upstream), timeout=5)
            except OSError:
                _close(client)  # the central store is down: the client sees the connection end
                continue
            with self.lock:
                self.open |= {client, server}
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while True:
                chunk = source.recv(65536)
                if not chunk:
                    break
                if self.mode == "delay":
                    with self.lock:
                        self.delayed += 1
                    time.sleep(self._chance() * self.max_delay)
                elif self.mode == "drop" and self._chance() < self.drop_chance:
                    with self.lock:
                        self.cut += 1
                    break
                sink.sendall(chunk)
        except OSError:
            pass
        finally:
            with self.lock:
                self.open -= {source, sink}
            _close(source)
            _close(sink)


def _close(s: socket.socket) -> None:
    with suppress(OSError):
        s.shutdown(socket.SHUT_RDWR)
    with suppress(OSError):
        s.close()
