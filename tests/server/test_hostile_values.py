"""Values no device could read back, and requests built to break the answer itself: each is refused with
what is wrong and where, never a 500, never the value echoed back, and the central store unchanged."""

from __future__ import annotations

import json
import logging
import uuid
from datetime import datetime

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from somdesk.domain.audit import GENESIS, AuditEntry
from somdesk.server.demo import DEMO_PASSWORD

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
        (
            {"term_parts": '[{"months": 3, "days": 0, "concurrent": "yes", "starts_on": null}]'},
            "term_parts is not in the form a device reads back",
        ),
        ({"aliases": "not json"}, "aliases is not in the form a device reads back"),
        ({"area": "North\x00mere"}, "area must not contain NUL characters"),  # was a 500 (psycopg)
        ({"visor_ref": "SYN\x00"}, "visor_ref must not contain NUL characters"),
        # The preferred language (DOMAIN.md §9): English, Welsh or null (not recorded), nothing else.
        ({"preferred_language": "klingon"}, "preferred_language must be one of english, welsh"),
        ({"preferred_language": "Welsh"}, "preferred_language must be one of english, welsh"),
        ({"preferred_language": "welsh\x00"}, "preferred_language must not contain NUL characters"),
        ({"preferred_language": "w" * 50}, "preferred_language must be at most 10 characters"),
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


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        ("\ud800", "must be valid Unicode text (no lone surrogates)"),
        ("w" * 100_000, "at most 20000 characters"),
        (["welsh"], "a valid string"),
    ],
    ids=["lone surrogate", "huge string", "not text"],
)
def test_a_preferred_language_no_request_may_carry_refuses_the_push_naming_the_field(
    store, world, bad, words
):
    """What is not text at all, or far longer than any value, is refused with the request, as every field
    is: the field named, the value not echoed, nothing stored."""
    client, tokens, force = world
    before = snapshot(store)
    answer = push(
        client, tokens["som"], mutation("nominals", som_case(force), "update", preferred_language=bad)
    )
    assert answer.status_code == 422, answer.text
    assert len(answer.content) < 5000 and "w" * 100 not in answer.text
    detail = answer.json()["detail"]
    field = ["body", "mutations", 0, "fields", "preferred_language"]
    assert detail and all(d["loc"][:5] == field for d in detail)
    assert any(words in d["msg"] for d in detail), detail
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


def sign_in(client, **change):
    body = {"username": "som1", "password": DEMO_PASSWORD, "device_id": str(uuid.uuid4()),
            "device_name": "laptop", "protocol": PROTOCOL, **change}  # fmt: skip
    return client.post("/v1/login", content=json.dumps(body), headers={"content-type": "application/json"})


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"device_name": "laptop\x00"}, "device_name", "must not contain NUL characters"),  # was a 500
        ({"device_name": "\ud800"}, "device_name", "must be valid Unicode text (no lone surrogates)"),
        ({"password": "\udfff"}, "password", "must be valid Unicode text (no lone surrogates)"),
    ],
)
def test_a_sign_in_holding_what_no_column_takes_is_refused_naming_the_field(
    store, world, change, field, words
):
    client, _, _ = world
    answer = sign_in(client, **change)
    assert answer.status_code == 422, answer.text
    assert answer.json()["detail"] == [
        {"loc": ["body", field], "msg": words, "type": answer.json()["detail"][0]["type"]}
    ]
    assert sign_in(client).status_code == 200  # and no failed attempt was counted against the account


def chained(device: str, seq: int) -> dict[str, object]:
    """A first audit entry of `device` that links up, numbered `seq`."""
    entry = AuditEntry(str(uuid.uuid4()), datetime(2026, 1, 1, 10, 0), device, "som1", "consultation",
                       "nominals", "", "", "", "", GENESIS)  # fmt: skip
    return {**entry.row(), "at": entry.at.isoformat(), "seq": seq}


def test_an_audit_sequence_number_past_what_the_store_keeps_is_refused_naming_it(store, world):
    """2^31, in a chain that links up, was a 500 (a 32-bit column): the contract's bound is the column's."""
    client, _, _ = world
    device = str(uuid.uuid4())
    access = sign_in(client, device_id=device).json()["access_token"]
    before = snapshot(store)

    def push_audit(seq: int):
        body = {"protocol": PROTOCOL, "schema_revision": head_revision(), "mutations": [],
                "audit": [chained(device, seq)]}  # fmt: skip
        return client.post("/v1/push", json=body, headers=bearer(access))

    answer = push_audit(2**31)
    assert answer.status_code == 422, answer.text
    (problem,) = answer.json()["detail"]
    assert (
        problem["loc"] == ["body", "audit", 0, "seq"] and "less than or equal to 2147483647" in problem["msg"]
    )
    assert snapshot(store) == before
    answer = push_audit(2**31 - 1)  # the largest the column keeps: passes the edge, then the gap check
    assert answer.status_code == 409 and "the entries between are missing" in answer.text, answer.text
    assert snapshot(store) == before


def test_a_database_refusal_is_answered_in_words_and_its_values_never_logged(
    store, world, caplog, monkeypatch
):
    """Whatever write the database refuses (here a duplicate username, whose message quotes it), the answer
    is a 409 in words and neither the answer nor the log holds the value."""
    client, _, _ = world
    caplog.set_level(logging.DEBUG)

    def duplicate(*_: object) -> None:
        row = (
            "INSERT INTO users (username, display_name, role, password_hash, disabled, created_at, team_ids) "
            "VALUES ('QUENFORD', 'x', 'som', 'x', false, now(), '[]')"
        )
        with store.engine.begin() as conn:
            conn.execute(text(row))
            conn.execute(text(row))

    monkeypatch.setattr(store, "register_device", duplicate)
    answer = TestClient(client.app, raise_server_exceptions=False).post(
        "/v1/login",
        json={"username": "som1", "password": DEMO_PASSWORD, "device_id": str(uuid.uuid4()),
              "device_name": "laptop", "protocol": PROTOCOL},
    )  # fmt: skip
    assert answer.status_code == 409 and "collided with another" in answer.text, answer.text
    assert "QUENFORD" not in answer.text
    logged = "\n".join(f"{r.getMessage()} {r.exc_text or ''}" for r in caplog.records)
    assert "database refused a write" in logged and "QUENFORD" not in logged
