"""A pull's statements are built once for each shape of scope and kept (server/pull.py `_kept`): pulled in
turn, every SOM, supervisor, panel chair and the system get exactly the page they get with nothing kept,
never the records of the scope the statement was first built for; a central store of one shape keeps one
statement for all of them."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from somdesk.server import pull as pulling
from somdesk.server.demo import DEMO_PASSWORD, seed_demo
from somdesk.server.scope import SYSTEM, Scope, scope_for
from somdesk.server.store import ServerStore
from somdesk.server.tables import records
from tests.conftest import TODAY

pytestmark = pytest.mark.postgres


def test_kept_statements_serve_each_scope_its_own_page(store: ServerStore):
    seed_demo(store, 300, 5, TODAY, soms=4)
    accounts = [
        store.check_password(name, DEMO_PASSWORD) for name in ("som1", "som2", "som3", "som4", "chair")
    ]
    accounts += [a for n in range(1, 6) if (a := store.check_password(f"sup{n}", DEMO_PASSWORD))]
    assert all(accounts) and len(accounts) == 6
    with store.engine.begin() as conn:
        scopes = [scope_for(conn, a) for a in accounts if a is not None]
        scopes.append(Scope(SYSTEM, "system", None))
        # A panel chair of one area (another shape) and a SOM account with no officer (holds no case).
        area = conn.execute(records.select().where(records.c.area.is_not(None)).limit(1)).one().area
        scopes += [Scope(scopes[4].role, "chair2", None, area=area), Scope(scopes[0].role, "nobody", None)]
        scopes.append(Scope(scopes[0].role, "blank", ""))  # an officer id of "" is none either
        # Supervisors of the same shape whose lists differ in length: one officer, none at all.
        sup = scopes[5]
        assert len(sup.officers) > 2
        scopes += [
            replace(sup, username="one", officers=frozenset(sorted(sup.officers)[:1])),
            replace(sup, username="none", officers=frozenset(), areas=frozenset()),
        ]
        top = pulling.latest(conn)
    cursors = (0, top - 40)

    def page(scope: Scope, cursor: int) -> dict[str, object]:
        with store.engine.begin() as conn:
            return json.loads(pulling.pull(conn, scope, cursor, 10_000))

    fresh = {}
    for n, scope in enumerate(scopes):
        for cursor in cursors:
            pulling._statements.clear()
            fresh[n, cursor] = page(scope, cursor)
    # Each SOM's page holds its own cases' records and no other's.
    soms = [n for n, s in enumerate(scopes[:4])]
    held = [{r["id"] for r in fresh[n, 0]["records"] if r["t"] == "nominals"} for n in soms]
    assert all(held) and not set.intersection(*held[:2])
    # Each scope in turn builds the statements (the first pulled after a restart), then all pull.
    for first in range(len(scopes)):
        pulling._statements.clear()
        order = [(first, c) for c in cursors] + [(n, c) for n in range(len(scopes)) for c in cursors]
        for n, cursor in order:
            assert page(scopes[n], cursor) == fresh[n, cursor], (scopes[first].username, scopes[n].username)
    shapes = {s.shape for s in scopes}
    assert len(shapes) < len(scopes)  # several scopes share a shape
    assert {key[1] for key in pulling._statements} == shapes  # one statement of each kind for each shape
