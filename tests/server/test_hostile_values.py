"""Values no device could read back, and requests built to break the answer itself: each is refused with
what is wrong and where, never a 500, never the value echoed back, and the central store unchanged."""

from __future__ import annotations

import json
import uuid

import pytest

from . import test_authorisation as matrix
from .sync_helpers import audited
from .test_authorisation import PROTOCOL, bearer, head_revision, mutation, snapshot
from .test_invariants import som_case

# The authorisation matrix's seeded force, one copy per test.
template, store, world = matrix.template, matrix.store, matrix.world

pytestmark = pytest.mark.postgres


def push(client, token, *mutations):
    """As a client would send it, JSON with escapes: a lone surrogate travels as \\ud800."""
    entries, accepted = audited(client, token, list(mutations))
    body = {"protocol": PROTOCOL, "schema_revision": head_revision(), "mutations": list(mutations),
            "audit": entries}  # fmt: skip
    headers = {**bearer(token), "content-type": "application/json"}
    answer = client.post("/v1/push", content=json.dumps(body), headers=headers)
    if answer.status_code == 200:
        accepted()
    return answer


def refused(store, client, token, m, reason):
    before = snapshot(store)
    answer = push(client, token, m)
    assert answer.status_code == 200, answer.text
    (result,) = answer.json()["results"]
    assert result["status"] == "rejected" and reason in result["reason"], result
    assert snapshot(store) == before


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"disposal": "banana"}, "disposal must be one of"),
        ({"sex": "x"}, "sex must be one of male, female"),
        ({"risk_level": 99}, "risk_level must be one of 1, 2, 3, 4"),
        ({"term_months": -5}, "term_months must be at least 0"),
        ({"aliases": "not json"}, "aliases is not in the form a device reads back"),
        ({"area": "North\x00mere"}, "area must not contain NUL characters"),  # was a 500 (psycopg)
        ({"visor_ref": "SYN\x00"}, "visor_ref must not contain NUL characters"),
    ],
)
def test_a_value_no_device_could_read_back_is_refused_naming_the_field(store, world, fields, reason):
    client, tokens, force = world
    refused(
        store, client, tokens["supervisor"], mutation("nominals", som_case(force), "update", **fields), reason
    )


def test_nobody_deletes_an_offender_record_or_its_history_by_sync(store, world):
    client, tokens, force = world
    case = som_case(force)
    visit = next(i for i in force.of("visits") if force.rows[i]["d"]["nominal_id"] == case)
    for role in ("som", "supervisor"):
        refused(store, client, tokens[role], mutation("nominals", case, "delete"), "never deleted")
        refused(store, client, tokens[role], mutation("visits", visit, "delete"), "never deleted")


@pytest.mark.parametrize(
    "bad",
    [
        {"fields": {"\ud800": 1}},  # a field name the answer could not encode (was a 500)
        {"fields": {"family_name": "\ud800"}},  # not text at all
        {"base_version": "x" * 100_000},  # a huge value where a number goes
        {"table": "visits; DROP TABLE records"},
    ],
    ids=["surrogate name", "surrogate value", "huge value", "sql in a name"],
)
def test_a_malformed_push_is_refused_whole_without_echoing_what_was_sent(store, world, bad):
    client, tokens, force = world
    before = snapshot(store)
    m = {**mutation("nominals", som_case(force), "update", postcode="ZZ9 9ZZ"), **bad}
    answer = push(client, tokens["som"], m)
    assert answer.status_code == 422
    assert len(answer.content) < 5000 and "x" * 100 not in answer.text
    detail = answer.json()["detail"]
    assert detail and all({"loc", "msg"} <= set(d) for d in detail)
    json.dumps(detail)  # plain JSON, whatever was sent
    assert snapshot(store) == before


def test_an_id_holding_nul_names_no_record_and_is_refused(store, world):
    client, tokens, force = world
    case = som_case(force)
    visit = next(i for i in force.of("visits") if force.rows[i]["d"]["nominal_id"] == case)
    data = {k: v for k, v in force.rows[visit]["d"].items() if k != "id"}
    new_visit = mutation("visits", str(uuid.uuid4()), "insert", **{**data, "nominal_id": case[:-1] + "\x00"})
    refused(store, client, tokens["som"], new_visit, "nominal_id must not contain NUL characters")
    resolve = mutation("nominals", case, "resolve", conflict_id="\x00", value="x")
    refused(store, client, tokens["som"], resolve, "the conflict is not open")
