"""Pull pages assembled by PostgreSQL (server/pull.py `_records`) are byte for byte the pages Python
formats from the same rows (the SQLite demo store's way, and PostgreSQL's before): awkward stored text
(unicode, quotes, backslashes, escapes), deleted rows, every record type, each scope, every page of a
cursor pull at several limits (one reached exactly, an empty last page) with the last page's gone and
conflicts, a purged cursor's resync, and the cases pages."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from unittest import mock

import pytest
from sqlalchemy import Connection, select, update

from somdesk.domain.records import record_types
from somdesk.server import pull as pulling
from somdesk.server.demo import DEMO_PASSWORD, seed_demo
from somdesk.server.scope import SYSTEM, Scope, scope_for
from somdesk.server.store import ServerStore
from somdesk.server.tables import change_counter, conflicts, departures, policy, records
from tests.conftest import TODAY

pytestmark = pytest.mark.postgres

AWKWARD = [
    {"text": 'O\'Brien "the" \\ back\\slash \\" \\\\ /', "n": 1, "x": None},
    {"text": "é ñ ß 日本語 🎉 \u2028 \u00a0 tab\there", "list": [1, "two", {"three": 3}]},
    {
        "text": "\u001f \u007f \ud83c\udf89 escaped (NUL is refused at the door)",
        "deep": {"a": {"b": ["c", 1.5e300, -0, True]}},
    },
    {},
]


def _awkward_rows(table_names: list[str], officer_id: str, area: str, first: int) -> list[dict[str, object]]:
    """Rows straight into the records table: every record type, each with awkward data (stored as the
    central store stores it, ASCII-escaped, and as raw UTF-8 with spaces), some deleted."""
    rows = []
    version = first
    for n, table in enumerate(table_names):
        for m, data in enumerate(AWKWARD):
            raw = json.dumps(data, ensure_ascii=False) if m % 2 else json.dumps(data, separators=(",", ":"))
            nominal = None if table in ("teams", "officers", "meetings") else str(uuid.uuid4())
            rows.append(
                {
                    "id": str(uuid.uuid4()), "table_name": table, "nominal_id": nominal,
                    "officer_id": officer_id if nominal else None, "area": area, "mappa_level": 2 + m % 2,
                    "data": raw, "field_meta": "{}", "version": version, "deleted": (n + m) % 3 == 0,
                }
            )  # fmt: skip
            version += 1
    return rows


@contextmanager
def by_python() -> Iterator[None]:
    with mock.patch.object(pulling, "_in_database", return_value=False):
        yield


def _both(
    store: ServerStore, page: Callable[..., bytes], scope: Callable[[Connection], Scope], *args: object
) -> bytes:
    """`page(conn, scope, *args)` both ways, in a transaction each: the same bytes, and valid JSON."""
    with store.engine.connect() as conn, conn.begin():
        assert pulling._in_database(conn)
        in_sql = page(conn, scope(conn), *args)
    with store.engine.connect() as conn, conn.begin(), by_python():
        in_python = page(conn, scope(conn), *args)
    assert in_sql == in_python
    json.loads(in_sql)
    return in_sql


@pytest.fixture
def world(store: ServerStore):
    seed_demo(store, 40, 7, TODAY, soms=1)
    som = store.check_password("som1", DEMO_PASSWORD)
    supervisor = store.check_password("sup1", DEMO_PASSWORD)
    assert som is not None and supervisor is not None and som.officer_id
    with store.engine.begin() as conn:
        area = conn.execute(
            select(records.c.area).where(records.c.officer_id == som.officer_id, records.c.area.is_not(None))
        ).scalar()
        top = pulling.latest(conn)
        awkward = _awkward_rows([r.name for r in record_types()], som.officer_id, str(area), top + 1)
        conn.execute(records.insert(), awkward)
        end = top + len(awkward)
        conn.execute(update(change_counter).where(change_counter.c.id == 1).values(seq=end + 2))
        held = [r for r in awkward if r["nominal_id"]]
        # A case that left the SOM after its records (gone on a later page) and two open conflicts.
        conn.execute(
            departures.insert(),
            [{"version": end + 1, "nominal_id": held[0]["id"], "officer_id": som.officer_id, "area": area,
              "mappa_level": 3}],
        )  # fmt: skip
        conn.execute(
            records.update().where(records.c.id == held[0]["id"]).values(officer_id=None, area="elsewhere")
        )
        conn.execute(
            conflicts.insert(),
            [
                {"id": str(uuid.uuid4()), "table_name": row["table_name"], "record_id": row["id"],
                 "field": "text", "base_version": 1, "theirs": json.dumps("tiers \"é\""),
                 "mine": json.dumps({"a": "\\"}), "username": "som1", "device_id": str(uuid.uuid4()),
                 "created_at": datetime(2026, 11, 20, 9, n, tzinfo=UTC)}
                for n, row in enumerate(held[1:3])
            ],
        )  # fmt: skip
    scopes = {
        "system": lambda conn: Scope(SYSTEM, "system", None),
        "som": lambda conn: scope_for(conn, som),
        "supervisor": lambda conn: scope_for(conn, supervisor),
    }
    return store, scopes, top, end + 2


def world_gone(store: ServerStore, top: int) -> str:
    with store.engine.connect() as conn:
        return str(
            conn.execute(select(departures.c.nominal_id).where(departures.c.version > top)).scalar_one()
        )


def _cursor_pages(store: ServerStore, scope, cursor: int, limit: int) -> list[dict[str, object]]:
    out = []
    more = True
    while more:
        page = json.loads(_both(store, pulling.pull, scope, cursor, limit))
        out.append(page)
        cursor, more = page["cursor"], page["more"]
        assert len(page["records"]) == limit if more else len(page["records"]) <= limit
    return out


def test_cursor_pages_are_the_same_bytes_assembled_by_postgresql_as_by_python(world):
    store, scopes, top, latest = world
    for name, scope in scopes.items():
        with store.engine.connect() as conn:
            held = len(conn.execute(select(records.c.id).where(scope(conn).clause())).all())
            after = len(
                conn.execute(select(records.c.id).where(records.c.version > top, scope(conn).clause())).all()
            )
        for cursor, limit, count in ((0, 10_000, held), (0, 97, held), (0, held, held), (top, 1, after),
                                     (top, after, after), (top, 3, after), (latest, 10, 0)):  # fmt: skip
            pages = _cursor_pages(store, scope, cursor, limit)
            got = [r["v"] for p in pages for r in p["records"]]
            assert got == sorted(set(got)) and len(got) == count, (name, cursor, limit)  # in order, once each
            if count % limit == 0:
                # The limit reached exactly (or nothing after the cursor): the last page is empty.
                assert pages[-1]["records"] == [], (name, cursor, limit)
            assert all(p["cursor"] == p["records"][-1]["v"] for p in pages[:-1])
            assert pages[-1]["more"] is False and pages[-1]["cursor"] == latest
            assert [len(p["conflicts"]) for p in pages[:-1]] == [0] * (len(pages) - 1)
            if name == "som":
                assert len(pages[-1]["conflicts"]) == 2
                # The case that left (at latest - 1): told by a page after a cursor before it.
                told = cursor < latest - 1 and (cursor > 0 or len(pages) > 1)
                assert [g for p in pages for g in p["gone"]] == ([world_gone(store, top)] if told else [])


def test_every_record_type_and_awkward_text_arrive_as_stored(world):
    store, scopes, top, _latest = world
    pages = _cursor_pages(store, scopes["system"], top, 7)
    got = {r["id"]: r for p in pages for r in p["records"]}
    with store.engine.connect() as conn:
        stored = conn.execute(select(records).where(records.c.version > top)).all()
    assert {r.table_name for r in stored} == {r.name for r in record_types()}
    for row in stored:
        served = got[row.id]
        assert (served["t"], served["v"], served["x"], served["d"]) == (
            row.table_name, row.version, row.deleted, json.loads(row.data),
        )  # fmt: skip


def test_a_purged_cursor_answers_resync_the_same_both_ways(world):
    store, scopes, top, _latest = world
    with store.engine.begin() as conn:
        conn.execute(update(change_counter).where(change_counter.c.id == 1).values(purged_upto=top))
    page = json.loads(_both(store, pulling.pull, scopes["som"], top - 5, 100))
    assert page["resync"] is True and page["records"] == [] and page["more"] is False


def test_cases_pages_are_the_same_bytes_both_ways(world):
    store, scopes, _top, _latest = world
    for name, scope in scopes.items():
        with store.engine.connect() as conn:
            held = pulling.manifest(conn, scope(conn), TODAY)
        ids = held["cases"]
        for chunk, loose in (
            (ids[:5], True),
            (ids[5:40], False),
            ([], True),
            ([], False),
            (held["meetings"], False),
        ):
            page = json.loads(_both(store, pulling.cases, scope, chunk, loose))
            assert page["more"] is False, name
        assert ids or name != "som"


def test_the_sqlite_demo_store_serves_the_same_pages(world, tmp_path: Path):
    """The same rows in a SQLite demo store (Python's way) give the same pages as PostgreSQL's."""
    store, _scopes, top, _latest = world
    lite = ServerStore(f"sqlite:///{tmp_path / 'central.db'}")
    lite.migrate()
    with store.engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(select(records).where(records.c.version > top))]
        counter = dict(conn.execute(select(change_counter)).one()._mapping)
        held_policy = [dict(r._mapping) for r in conn.execute(select(policy))]
    with lite.engine.begin() as conn:
        conn.execute(records.insert(), rows)
        if held_policy:
            conn.execute(policy.delete())
            conn.execute(policy.insert(), held_policy)
        conn.execute(update(change_counter).where(change_counter.c.id == 1).values(seq=counter["seq"]))
    scope = Scope(SYSTEM, "system", None)
    ids = [r["id"] for r in rows[:30]]
    with store.engine.connect() as pg, lite.engine.connect() as sqlite:
        # Without the conflicts (SQLite hands their times back without a zone), rolled back.
        pg.execute(conflicts.delete())
        for cursor, limit in ((top, 10_000), (top, 9), (top + 50, 1)):
            assert pulling.pull(pg, scope, cursor, limit) == pulling.pull(sqlite, scope, cursor, limit)
        assert pulling.cases(pg, scope, ids, False) == pulling.cases(sqlite, scope, ids, False)
        pg.rollback()
    lite.dispose()
