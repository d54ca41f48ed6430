"""Locust users for the national-shape soak (bench/soak_national.py starts them; see its docstring).

Each `Device` is one laptop that already holds its SOM's caseload (a working day, not the first sync):
it signs in once, then does what the application's SyncLoop does (somdesk.sync.engine):

- a listener holds a long poll (GET /v1/wait, 25 s) from its cursor, asking for the first page with the
  news; when the central store holds a change after the cursor it hands the page to the worker, wakes
  it and, 50 ms later, polls again;
- the worker writes that page (pulling on only while `more`, or if it pushed first) when woken, and
  pulls (GET /v1/pull, page after page while `more`) every minute anyway;
- at field rates the officer saves something: a push (POST /v1/push) of 1-3 new visits on the
  device's own cases, each with its audit entry, at exponential intervals of mean PUSH_EVERY seconds.

A few `Supervisor`s do the same and, every minute or so, reallocate one of their teams' cases to another
SOM of the team (an update of the case's officer, as the reallocate dialog pushes it). They take their
teams' records once at the start (reported apart, as "first sync").

The driver hands the accounts over in a JSON file (SOMDESK_SOAK_ACCOUNTS); at the end each Locust process
writes what it measured to SOMDESK_SOAK_OUT (.<pid>.json added): every request's time by kind, so that
the long polls (which wait by design), the sign-ins (scrypt, by design slow) and the supervisors' first
sync stay out of the percentiles, and the ids of the visits the central store said it applied, which
the driver looks for in PostgreSQL.
"""

from __future__ import annotations

import json
import os
import random
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import gevent
from gevent.event import Event
from gevent.lock import BoundedSemaphore
from locust import FastHttpUser, constant, events, task

from somdesk.contract.sync import NEWS_PAGE
from somdesk.domain.audit import GENESIS, AuditEntry

SETUP = json.loads(Path(os.environ.get("SOMDESK_SOAK_ACCOUNTS", "/dev/null")).read_text() or "{}")
PUSH_EVERY = float(os.environ.get("SOMDESK_SOAK_PUSH_EVERY", "600"))  # seconds, per device, mean
PULL_EVERY = 60.0  # the SyncLoop's `every`
LONG_POLL = 25.0  # the SyncLoop's `long_poll`
SIGN_IN = os.environ.get("SOMDESK_SOAK_SIGN_IN") == "1"  # SOM devices sign in through the API too
SIGNING_IN = BoundedSemaphore(int(os.environ.get("SOMDESK_SOAK_SIGN_INS_AT_ONCE", "4")))

# Request names: the first word says whether it counts in the percentiles (see `measured`).
WAIT, LOGIN, FIRST = "wait (long poll)", "login (sign-in)", "first sync (pull)"
PULL, PUSH, REALLOCATE, POLICY = "pull", "push (visits)", "push (reallocate)", "policy"
UNMEASURED = {WAIT, LOGIN, FIRST}

times: dict[str, list[float]] = {}
failures: dict[str, list[str]] = {}
applied_visits: list[str] = []
reasons: list[str] = []  # the first reasons given for refused changes
tally = {"rejected": 0, "conflicts": 0, "news": 0, "pages with news": 0, "reallocated": 0}


stopping = Event()  # the run's time is up: requests cut short now are not the central store's failures


@events.test_stopping.add_listener
def _stopping(**_: Any) -> None:
    stopping.set()


@events.request.add_listener
def _record(name: str, response_time: float, exception: BaseException | None, **_: Any) -> None:
    if stopping.is_set():
        return
    times.setdefault(name, []).append(response_time)
    if exception is not None:
        failures.setdefault(name, []).append(f"{type(exception).__name__}: {str(exception)[:200]}")


@events.quitting.add_listener
def _write(**_: Any) -> None:
    out = os.environ.get("SOMDESK_SOAK_OUT")
    if out:
        Path(f"{out}.{os.getpid()}.json").write_text(
            json.dumps(
                {
                    "times": times,
                    "failures": failures,
                    "applied_visits": applied_visits,
                    "reasons": reasons,
                    **tally,
                }
            )
        )


def _entry(device: str, user: str, mutation: dict[str, Any], seq: int, prev: str) -> dict[str, Any]:
    action = "collection" if mutation["operation"] == "insert" else "alteration"
    row = AuditEntry(
        str(uuid.uuid4()), datetime.now(UTC), device, user, action, mutation["table"], mutation["record_id"],
        "", "", "", prev,
    ).row()  # fmt: skip
    return {**row, "at": row["at"].isoformat(), "seq": seq}


class Device(FastHttpUser):
    weight = 100
    wait_time = constant(0)  # the task is the listener: it paces itself on the long poll
    network_timeout = 90.0
    connection_timeout = 30.0

    def on_start(self) -> None:
        self.rng = random.Random()
        self.account, signed = self.choose_account()
        self.username = self.account["username"]
        self.device = signed["device_id"] if signed else str(uuid.uuid4())
        self.cases: list[str] = list(self.account.get("cases", []))
        self.cursor = 0
        self.news_page: tuple[int, dict[str, Any]] | None = None  # (cursor, page) that came with news
        self.chain = (0, GENESIS)
        self.wake = Event()
        self.token = ""
        self.refresh_token = ""
        if signed and not SIGN_IN:
            self.token, self.refresh_token = signed["access_token"], signed["refresh_token"]
        else:
            self.sign_in()
        self.prepare()
        self.worker = gevent.spawn(self.work)

    def prepare(self) -> None:
        self.cursor = self.latest()  # the caseload is on the laptop already: from here on, news only

    def on_stop(self) -> None:
        worker = getattr(self, "worker", None)
        if worker is not None:
            worker.kill(block=False)

    def choose_account(self) -> tuple[dict[str, Any], dict[str, str] | None]:
        """The account, and the device signed in already by the driver (None: sign in here)."""
        soms, n = SETUP["soms"], Device.next_index()
        som = soms[n // 2 % len(soms)]  # two laptops to an account
        devices = som.get("devices", [])
        return som, devices[n % 2] if n < 2 * len(soms) and len(devices) == 2 else None

    _count = 0

    @classmethod
    def next_index(cls) -> int:
        Device._count += 1
        return Device._count - 1

    # -- requests

    def call(self, method: str, path: str, name: str, **kwargs: Any) -> Any:
        """One request; on an expired access token, refresh once and send it again. None on failure
        (Locust has counted it)."""
        for attempt in (1, 2):
            with self.client.request(
                method, path, name=name, headers={"Authorization": f"Bearer {self.token}"},
                catch_response=True, **kwargs,
            ) as answer:  # fmt: skip
                if answer.status_code == 401 and attempt == 1 and self.refresh_token:
                    answer.success()  # not a failure: the application refreshes and sends it again
                    self.refresh()
                    continue
                if stopping.is_set():  # cut short by the end of the run, not the central store's doing
                    answer.success()
                    return None
                if not 200 <= (answer.status_code or 0) < 300:
                    answer.failure(f"{answer.status_code}: {(answer.text or '')[:200]}")
                    return None
                try:
                    return answer.json()
                except ValueError:
                    answer.failure(f"{answer.status_code}, not JSON: {(answer.text or '')[:200]!r}")
                    return None
        return None

    def sign_in(self) -> None:
        with SIGNING_IN:  # a few at a time: 2,000 scrypts at once would be a storm no fleet makes
            self._sign_in()

    def _sign_in(self) -> None:
        body = {"username": self.username, "password": SETUP["password"], "device_id": self.device,
                "device_name": "locust", "protocol": SETUP["protocol"], "key_mode": "keychain"}  # fmt: skip
        for _ in range(20):
            with self.client.post("/v1/login", json=body, name=LOGIN, catch_response=True) as answer:
                if answer.status_code == 503 and "Retry-After" in answer.headers:
                    # The instance is checking as many passwords as it takes at once: sign in
                    # again when told, as the officer would a few seconds later (not counted).
                    answer.success()
                    gevent.sleep(float(answer.headers["Retry-After"]))
                    continue
                if answer.status_code != 200:
                    answer.failure(f"{answer.status_code}: {(answer.text or '')[:200]}")
                    raise RuntimeError(f"sign-in failed for {self.username}")
                tokens = answer.json()
                break
        else:
            raise RuntimeError(f"sign-in turned away 20 times for {self.username}")
        self.token, self.refresh_token = tokens["access_token"], tokens["refresh_token"]

    def refresh(self) -> None:
        body = {"refresh_token": self.refresh_token, "device_id": self.device}
        with self.client.post("/v1/refresh", json=body, name="refresh", catch_response=True) as answer:
            if answer.status_code != 200:
                answer.failure(f"{answer.status_code}: {(answer.text or '')[:200]}")
                return
            tokens = answer.json()
        self.token, self.refresh_token = tokens["access_token"], tokens["refresh_token"]

    def latest(self) -> int:
        found = self.call("GET", "/v1/wait?after=0&timeout=0", WAIT)
        return int(found["latest"]) if found else 0

    def pull(self, name: str = PULL) -> list[dict[str, Any]]:
        """Pages after the cursor until the last (the first may have come with news); the records."""
        received: list[dict[str, Any]] = []
        came, self.news_page = self.news_page, None
        while True:
            if came is not None and came[0] == self.cursor:
                page: dict[str, Any] | None = came[1]
            else:
                query = f"protocol={SETUP['protocol']}&schema_revision={SETUP['schema_revision']}"
                page = self.call("GET", f"/v1/pull?{query}&cursor={self.cursor}", name)
            came = None
            if page is None:
                return received
            received += page["records"]
            gone = set(page["gone"])
            self.cases = [c for c in self.cases if c not in gone]
            self.cases += [
                r["id"] for r in page["records"]
                if r["t"] == "nominals" and not r["x"] and r["id"] not in self.cases
            ]  # fmt: skip
            self.cursor = page["cursor"]
            if not page["more"]:
                return received

    def push(self, mutations: list[dict[str, Any]], name: str) -> list[dict[str, Any]]:
        seq, prev = self.chain
        entries = []
        for m in mutations:
            seq += 1
            entries.append(_entry(self.device, self.username, m, seq, prev))
            prev = entries[-1]["hash"]
        body = {"protocol": SETUP["protocol"], "schema_revision": SETUP["schema_revision"],
                "mutations": mutations, "audit": entries}  # fmt: skip
        answer = self.call("POST", "/v1/push", name, json=body)
        if answer is None:
            return []
        self.chain = (seq, prev)
        results: list[dict[str, Any]] = answer["results"]
        tally["rejected"] += sum(r["status"] == "rejected" for r in results)
        reasons.extend(r["reason"][:200] for r in results if r["status"] == "rejected" and len(reasons) < 10)
        tally["conflicts"] += sum(r["status"] == "conflict" for r in results)
        return results

    @staticmethod
    def mutation(
        table: str, record_id: str, operation: str, base: int, fields: dict[str, Any]
    ) -> dict[str, Any]:
        return {"id": str(uuid.uuid4()), "table": table, "record_id": record_id, "operation": operation,
                "base_version": base, "fields": fields}  # fmt: skip

    def push_visits(self) -> None:
        if not self.cases:
            return
        mutations = []
        for _ in range(self.rng.randint(1, 3)):
            at = datetime(2026, 11, 1, 8) + timedelta(minutes=self.rng.randrange(40_000))
            fields = {"nominal_id": self.rng.choice(self.cases), "at": at.isoformat(), "outcome": "seen",
                      "announced": True, "officers": json.dumps(["DC Soak", "DC Field"]),
                      "address_checked": True,
                      "concerns": "", "notes": "national soak", "deleted": False,
                      "updated_at": datetime.now(UTC).isoformat(), "updated_by": self.username}  # fmt: skip
            mutations.append(self.mutation("visits", str(uuid.uuid4()), "insert", 0, fields))
        for m, r in zip(mutations, self.push(mutations, PUSH), strict=False):
            if r["status"] == "applied" and r["id"] == m["id"]:
                applied_visits.append(m["record_id"])

    # -- the two loops of a device

    @task
    def listen(self) -> None:
        query = f"protocol={SETUP['protocol']}&schema_revision={SETUP['schema_revision']}&page={NEWS_PAGE}"
        after = self.cursor
        found = self.call("GET", f"/v1/wait?after={after}&timeout={LONG_POLL:g}&{query}", WAIT)
        if found is None:
            gevent.sleep(2.0)  # as the SyncLoop's listener after a failure
            return
        if int(found["latest"]) > self.cursor:
            tally["news"] += 1
            if "records" in found:  # the first page came with the news: the worker writes it
                tally["pages with news"] += 1
                self.news_page = (after, found)
            self.wake.set()
            gevent.sleep(0.05)  # let the worker take the change before polling again

    def work(self) -> None:
        next_push = time.monotonic() + self.rng.expovariate(1 / PUSH_EVERY)
        next_pull = time.monotonic() + self.rng.uniform(0, PULL_EVERY)
        while True:
            self.wake.wait(max(0.0, min(next_push, next_pull) - time.monotonic()))
            self.wake.clear()
            if time.monotonic() >= next_push:
                self.push_visits()
                self.news_page = None  # as the SyncLoop: after a push, pull (the page may be out of date)
                next_push = time.monotonic() + self.rng.expovariate(1 / PUSH_EVERY)
            self.pull()
            if self.rng.random() < 0.02:
                self.call("GET", "/v1/policy", POLICY)
            self.extra()
            next_pull = time.monotonic() + PULL_EVERY

    def extra(self) -> None:
        """More work after each sync (a supervisor's reallocations)."""


class Supervisor(Device):
    weight = 0
    fixed_count = int(os.environ.get("SOMDESK_SOAK_SUPERVISORS", "4"))
    REALLOCATE_EVERY = float(os.environ.get("SOMDESK_SOAK_REALLOCATE_EVERY", "60"))

    _taken = 0

    def choose_account(self) -> tuple[dict[str, Any], dict[str, str] | None]:
        supervisors = SETUP["supervisors"]
        Supervisor._taken += 1
        return supervisors[(Supervisor._taken - 1) % len(supervisors)], None

    def on_start(self) -> None:
        self.held: dict[str, tuple[int, str]] = {}  # case: (version, officer)
        self.soms: set[str] = set()
        self.team_of: dict[str, str] = {}  # a SOM's team
        self.next_move = time.monotonic() + random.uniform(1, self.REALLOCATE_EVERY)
        super().on_start()

    def prepare(self) -> None:
        self.pull(FIRST)  # the teams' records, once (kept by `pull`)

    def keep(self, received: list[dict[str, Any]]) -> None:
        for r in received:
            if r["t"] == "nominals" and not r["x"]:
                self.held[r["id"]] = (r["v"], r["d"].get("officer_id") or "")
            elif r["t"] == "officers" and r["d"].get("is_som"):
                self.soms.add(r["id"])
                self.team_of[r["id"]] = r["d"].get("team_id") or ""

    def pull(self, name: str = PULL) -> list[dict[str, Any]]:
        received = super().pull(name)
        self.keep(received)
        return received

    def extra(self) -> None:
        if time.monotonic() < self.next_move or not self.held or len(self.soms) < 2:
            return
        self.next_move = time.monotonic() + self.rng.expovariate(1 / self.REALLOCATE_EVERY)
        case = self.rng.choice(sorted(self.held))
        version, officer = self.held[case]
        # To another SOM of the case's team: the supervisor's own teams (every device holds every officer,
        # and the central store refuses a move out of the supervisor's teams).
        team = self.team_of.get(officer)
        others = sorted(s for s in self.soms - {officer} if self.team_of.get(s) == team)
        if not others:
            return
        to = self.rng.choice(others)
        moved = self.mutation("nominals", case, "update", version, {"officer_id": to})
        for r in self.push([moved], REALLOCATE):
            if r["status"] in ("applied", "conflict") and r.get("version"):
                self.held[case] = (int(r["version"]), to)
                tally["reallocated"] += 1
