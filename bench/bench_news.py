"""Benchmark: a change saved on one device shown on another, through HAProxy in front of two central
store instances, with change news by LISTEN/NOTIFY and then by polling the change counter.

    scripts/with-postgres .venv/bin/python bench/bench_news.py [CHANGES]      (default: 300)

For each kind of news: a fresh database (demo force, 200 RSOs), two `somdesk-server run` processes and
HAProxy with packaging/haproxy/somdesk.cfg (tests/server/balancer.py). Device B runs the application's
background sync (SyncLoop: a long poll of 25 s, a pull when it answers) in a process of its own, as a
laptop of its own would (in A's process the two would take turns at one interpreter lock); device A
saves a change to a case both hold and syncs it. Both connect through HAProxy. For each change:

- news: from A's push being answered (the change is committed) to B's long poll answering (the
  commit comes first, then both answers: B may hear before A's answer arrives, a negative figure);
- shown: from A's push being answered to the change in B's encrypted database (news, pull, write);
- end to end: from A's save, A's push included, to the change in B's database.

p50/p95/worst of each; and which instance took A's push and which held B's long poll (HAProxy's
X-Somdesk-Instance header), the news split by same and other instance.
"""

from __future__ import annotations

import multiprocessing
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import date
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.server.balancer import Balancer  # noqa: E402
from tests.server.sync_helpers import new_database, new_device  # noqa: E402

from somdesk.server.demo import DEMO_PASSWORD, seed_demo  # noqa: E402
from somdesk.server.store import ServerStore  # noqa: E402
from somdesk.sync.engine import SyncLoop, sync_once  # noqa: E402

TODAY = date(2026, 11, 23)


class Timed(httpx.HTTPTransport):
    """When each answer came (perf_counter), from which instance, for which path."""

    def __init__(self) -> None:
        super().__init__()
        self.answers: list[tuple[float, str, str, str]] = []  # when, path, instance, spare

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        response.read()
        self.answers.append(
            (time.perf_counter(), request.url.path, response.headers.get("X-Somdesk-Instance", ""),
             "")
        )  # fmt: skip
        return response

    def after(self, moment: float, path: str) -> tuple[float, str, str]:
        return next((t, served, body) for t, p, served, body in self.answers if t >= moment and p == path)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def figures(name: str, ms: list[float]) -> str:
    return (
        f"{name}: p50 {pct(ms, 0.5):.1f} ms, p95 {pct(ms, 0.95):.1f} ms, worst {max(ms):.1f} ms "
        f"(mean {statistics.fmean(ms):.1f})"
    )


def device_b(folder: str, url: str, out: Connection) -> None:
    """Device B in a process of its own, as a laptop is: signs in, syncs, then runs the application's
    background sync; after each sync step that brought something, sends when it ended, the case's
    value then, and when the long poll before it answered (and from which instance)."""
    http = Timed()
    b = new_device(Path(folder), url, "som1", DEMO_PASSWORD, transport=http)
    b.sync()
    case = first_case(b)

    def changed(_report: object) -> None:
        there = time.perf_counter()
        heard = max((a for a in http.answers if a[1] == "/v1/wait" and a[0] <= there), default=None)
        value = b.value("nominals", case, "plan_rationale")
        out.send((there, value, heard[0] if heard else None, heard[2] if heard else ""))

    loop = SyncLoop(b.local, b.remote, lambda _s: None, changed, every=600, long_poll=25)
    loop.start()
    time.sleep(1.0)
    out.send("ready")
    out.recv()  # told to stop
    loop.stop()
    b.close()


def first_case(device: Any) -> str:
    with device.opened.engine.connect() as conn:
        return str(conn.exec_driver_sql("SELECT id FROM nominals ORDER BY id LIMIT 1").scalar_one())


def run(news: str, changes: int, folder: Path) -> None:
    url = new_database(os.environ["SOMDESK_TEST_PG_URL"], f"news_{news}")
    store = ServerStore(url)
    store.migrate()
    seed_demo(store, 200, 2026, TODAY, soms=1)
    (folder / news).mkdir()
    with Balancer(url, 2, folder / news, news=news) as balancer:
        a_http = Timed()
        a = new_device(folder / news / "a", balancer.url, "som1", DEMO_PASSWORD, transport=a_http)
        a.sync()
        mine, theirs = multiprocessing.get_context("spawn").Pipe()
        b = multiprocessing.get_context("spawn").Process(
            target=device_b, args=(str(folder / news / "b"), balancer.url, theirs)
        )
        b.start()
        if mine.recv() != "ready":
            raise SystemExit("device B did not start")
        case = first_case(a)
        told, shown, whole, pulled = [], [], [], []
        crossed: dict[bool, list[float]] = {True: [], False: []}
        for n in range(changes):
            value = f"bench news {news} {n}"
            saved = time.perf_counter()
            with a.opened.unit_of_work(justification_required=False) as uow:
                uow.update_nominal(case, {"plan_rationale": value})
            sync_once(a.local, a.remote)
            while True:  # B's sync steps until the one that brought this change
                if not mine.poll(60):
                    raise SystemExit(f"change {n} did not reach device B within a minute")
                there, seen, heard, held_by = mine.recv()
                if seen == value:
                    break
            pushed, pushed_by, _ = a_http.after(saved, "/v1/push")
            news_ms = (heard - pushed) * 1000
            told.append(news_ms)
            crossed[pushed_by != held_by].append(news_ms)
            shown.append((there - pushed) * 1000)
            whole.append((there - saved) * 1000)
            pulled.append((there - heard) * 1000)
            time.sleep(0.03)
        mine.send("stop")
        b.join(30)
        a.close()
    store.engine.dispose()
    print(f"\n== change news by {news}, {changes} changes, through HAProxy to 2 instances")
    print(figures("news (push answered -> B's long poll answered)", told))
    for other, ms in crossed.items():
        if ms:
            print(figures(f"   of which {'another' if other else 'the same'} instance ({len(ms)})", ms))
    print(figures("B's sync step (long poll answered -> pulled and written)", pulled))
    print(figures("shown (push answered -> the change in B's database)", shown))
    print(figures("end to end (A's save -> the change in B's database)", whole))


def main() -> None:
    changes = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    print(f"{platform.node()}: {os.cpu_count()} cores, {platform.python_implementation()} "
          f"{platform.python_version()}, load average {os.getloadavg()}")  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="somdesk-bench-news-") as folder:
        for news in ("listen", "poll"):
            run(news, changes, Path(folder))
    print(f"load average at the end {os.getloadavg()}")


if __name__ == "__main__":
    main()
