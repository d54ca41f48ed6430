"""The pulled-page writer (store/pulled.py: SQLCipher reads the page's JSON text, the per-row triggers
suspended and the computed fields recomputed once per page) against the per-row writer it replaced
(tests/server/per_row_writer.py), on PostgreSQL's pages of the demo force: a first sync through each
gives the same rows, byte for byte, in every synced table and the sync tables, computed fields
included, with a page that meets a pending local change and one that meets a unique-value clash."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import text

from somdesk.contract.sync import received
from somdesk.domain.model import ArmsAssessment, RiskLevel
from somdesk.domain.records import VISITS, record_types
from somdesk.server.demo import DEMO_PASSWORD, seed_demo
from somdesk.server.pull import pull
from somdesk.server.scope import scope_for
from somdesk.server.store import ServerStore
from somdesk.store.kept import REFUSED, keep
from somdesk.store.profile import OpenProfile, Profile
from somdesk.store.pulled import LATEST_ARMS, LATEST_SEEN
from somdesk.store.replica import LocalSync
from tests.conftest import TODAY

from .per_row_writer import PerRowSync, write_per_row
from .sync_helpers import PASSPHRASE

pytestmark = pytest.mark.postgres

PAGE = 150  # small pages: children come pages before their (since changed) parents
COMPARED = (*(r.name for r in record_types()), "sync_outbox", "sync_rejections", "sync_conflicts")


def _changed_late(store: ServerStore) -> None:
    """Some offenders and visits changed after the rest of the force was recorded: they come on the last
    pages, after their children (and, for a visit, after its offender)."""
    with store.engine.begin() as conn:
        top = conn.execute(text("SELECT seq FROM change_counter WHERE id = 1")).scalar_one()
        late = conn.execute(
            text("(SELECT id FROM records WHERE table_name = 'nominals' ORDER BY id LIMIT 8) UNION ALL "
                 "(SELECT id FROM records WHERE table_name = 'visits' ORDER BY id LIMIT 8)")
        ).scalars().all()  # fmt: skip
        for n, record_id in enumerate(late, start=1):
            conn.execute(
                text("UPDATE records SET version = :v WHERE id = :i"), {"v": top + n, "i": record_id}
            )
        conn.execute(text("UPDATE change_counter SET seq = :s WHERE id = 1"), {"s": top + len(late)})


def _pages(store: ServerStore) -> list[str]:
    """Every page of a first sync of the whole force, as the central store sends them."""
    _changed_late(store)
    teams = store.engine.connect().execute(text("SELECT id FROM records WHERE table_name = 'teams'"))
    store.add_user("all.teams", "Supervisor of every team", "supervisor", DEMO_PASSWORD, None,
                   tuple(r[0] for r in teams))  # fmt: skip
    account = store.check_password("all.teams", DEMO_PASSWORD)
    out, cursor, more = [], 0, True
    while more:
        with store.engine.connect() as conn, conn.begin():
            body = pull(conn, scope_for(conn, account), cursor, PAGE).decode()
        out.append(body)
        page = received(body)
        cursor, more = page.cursor, page.more
    return out


def _rows(opened: OpenProfile) -> dict[str, list[tuple[Any, ...]]]:
    """Every compared table, each value quoted as SQLite holds it (type and bytes)."""
    with opened.engine.connect() as conn:
        found = {}
        for table in COMPARED:
            columns = [c[1] for c in conn.exec_driver_sql(f"PRAGMA table_info({table})")]
            if table == "sync_outbox":
                columns.remove("seq")
            quoted = ", ".join(f"quote({c})" for c in columns)
            found[table] = [
                tuple(r) for r in conn.exec_driver_sql(f"SELECT {quoted} FROM {table} ORDER BY 1, 2")
            ]
        return found


def _records(body: str) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = json.loads(body)["records"]
    return records


def _prepare(local: LocalSync, pages: list[str]) -> None:
    """What a device meets halfway through its first sync: a change of its own to a record a later
    page brings (not yet pushed), and a record of its own the central store refused, holding the
    ViSOR reference of an offender a later page brings."""
    later = [r for body in pages[len(pages) // 2 :] for r in _records(body)]
    nominal = next(r for r in later if r["t"] == "nominals")
    visit = next(r for r in later if r["t"] == "visits")
    clash = next(r for r in reversed(later) if r["t"] == "nominals")
    now = datetime(2026, 11, 23, 9, tzinfo=UTC)
    with local._begin() as conn:
        for seq, (table, record_id, fields) in enumerate(
            [("nominals", nominal["id"], {"plan_rationale": "changed here, not yet sent"}),
             ("visits", visit["id"], {"notes": "noted here", "outcome": "not_seen"})]
        ):  # fmt: skip
            conn.exec_driver_sql(
                "INSERT INTO sync_outbox (mutation_id, table_name, record_id, operation, base_version, "
                "payload, created_at, failures) VALUES (?, ?, ?, 'update', 1, ?, ?, 0)",
                (f"00000000-0000-4000-8000-00000000000{seq}", table, record_id, json.dumps(fields),
                 now.isoformat()),
            )  # fmt: skip
        mine = {**clash["d"], "id": str(uuid.UUID(int=7)), "updated_by": "this.device"}
        write_per_row(conn, [{"t": "nominals", "id": mine["id"], "v": 0, "x": False, "d": mine}])
        mutation = {"id": str(uuid.UUID(int=8)), "table": "nominals", "record_id": mine["id"],
                    "operation": "insert", "base_version": 0, "fields": mine}  # fmt: skip
        keep(conn, mutation, REFUSED, "the central store holds that ViSOR reference", now)  # type: ignore[arg-type]


@pytest.fixture
def devices(store: ServerStore, tmp_path) -> Iterator[tuple[LocalSync, LocalSync, list[str]]]:
    seed_demo(store, 60, 2026, TODAY, soms=1)
    pages = _pages(store)
    made = [Profile(tmp_path / name).create(PASSPHRASE, "all.teams", None, passphrase_only=True)
            for name in ("new", "old")]  # fmt: skip
    yield LocalSync(made[0]), PerRowSync(made[1]), pages
    for opened in made:
        opened.lock()


def test_a_first_sync_through_either_writer_gives_the_same_rows_byte_for_byte(devices):
    new, old, pages = devices
    assert len(pages) > 4
    for local in (new, old):
        for n, body in enumerate(pages):
            if n == len(pages) // 2:
                _prepare(local, pages)
            local.apply_page(received(body))
    before, after = _rows(old._opened), _rows(new._opened)
    assert sum(len(rows) for rows in after.values()) > 1000
    for table in COMPARED:
        assert after[table] == before[table], table
    with new._connect() as conn:  # the page met what it had to
        assert (
            conn.exec_driver_sql("SELECT count(*) FROM nominals WHERE visor_ref LIKE '%(refused%'").scalar()
            == 1
        )
        assert (
            conn.exec_driver_sql(
                "SELECT count(*) FROM nominals WHERE plan_rationale = 'changed here, not yet sent'"
            ).scalar()
            == 1
        )
        assert (
            conn.exec_driver_sql("SELECT count(*) FROM nominals WHERE last_seen_visit IS NOT NULL").scalar()
            > 30
        )


def _latest(local: LocalSync) -> list[tuple[Any, ...]]:
    with local._connect() as conn:
        return [
            tuple(r)
            for r in conn.exec_driver_sql("SELECT id, last_seen_visit, last_arms FROM nominals ORDER BY id")
        ]


def test_after_a_sync_the_unit_of_work_still_keeps_the_latest_dates(devices):
    """The triggers a page suspends are back after it: a visit removed and an assessment added by hand
    move the latest dates on both devices alike, to what a recompute from every row gives."""
    new, old, pages = devices
    for local in (new, old):
        for body in pages:
            local.apply_page(received(body))
    with new._connect() as conn:
        visit_id = conn.exec_driver_sql(
            "SELECT v.id FROM visits v JOIN nominals n ON n.id = v.nominal_id WHERE v.outcome = 'seen' "
            "AND v.deleted = 0 AND substr(v.at, 1, 10) = n.last_seen_visit ORDER BY v.id LIMIT 1"
        ).scalar_one()
        nominal_id = conn.exec_driver_sql(
            "SELECT nominal_id FROM arms_assessments ORDER BY id LIMIT 1"
        ).scalar_one()
    added = ArmsAssessment(nominal_id, date(2026, 11, 22), "A. Assessor", "2", (), RiskLevel.HIGH)
    for local in (new, old):
        with local._opened.unit_of_work(justification_required=False) as uow:
            uow.remove(VISITS, visit_id, "recorded against the wrong person")
            uow.add_arms(added)
    assert _latest(new) == _latest(old)
    with new._connect() as conn:
        recomputed = [
            tuple(r)
            for r in conn.exec_driver_sql(
                f"SELECT id, {LATEST_SEEN}, {LATEST_ARMS} FROM nominals ORDER BY id"
            )
        ]
    assert _latest(new) == recomputed
    assert ("2026-11-22" in {r[2] for r in recomputed}) and visit_id
