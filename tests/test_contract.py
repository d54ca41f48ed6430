"""The sync contract (somdesk.contract.sync): every message survives the wire as the client builds it,
the central store's validation (pydantic over the same types, strict) accepts exactly that, and refuses
what a hostile or broken client might send instead."""

from __future__ import annotations

import json
import typing
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError
from typing_extensions import is_typeddict

import somdesk.server.app  # noqa: F401  (validates requests strictly, as the central store does)
from somdesk.contract import sync as contract

UUID = "0190f5e2-7b1c-7d3e-8f00-123456789abc"
HASH = "ab" * 32
AUDIT: contract.AuditEntry = {
    "seq": 3, "id": UUID, "at": "2026-11-30T09:15:00.123456+00:00", "device_id": UUID, "user": "dc.a",
    "action": "consultation", "table_name": "nominals", "record_id": UUID, "justification": "visit",
    "recipient": "", "detail": "", "prev_hash": HASH, "hash": HASH,
}  # fmt: skip
MUTATION: contract.Mutation = {
    "id": UUID, "table": "visits", "record_id": UUID, "operation": "update", "base_version": 7,
    "fields": {"notes": "Seen at home", "announced": False, "priority": 2, "officer_id": None},
}  # fmt: skip
CONFLICT: contract.Conflict = {
    "id": UUID, "table": "nominals", "record_id": UUID, "field": "town", "theirs": "Marlby", "mine": None,
    "base_version": 4, "username": "som1", "created_at": "2026-11-30T09:15:00+00:00",
}  # fmt: skip
RECORD: contract.ServedRecord = {"t": "teams", "id": UUID, "v": 9, "x": False, "d": {"name": "North"}}
SAMPLES: dict[type, Any] = {
    contract.Versions: {"server": "0.1.0", "protocol": 1, "schema_revision": "0005"},
    contract.Login: {
        "username": "dc.a-b",
        "password": "p",
        "device_id": UUID,
        "device_name": "laptop",
        "protocol": 1,
        "key_mode": "keychain",
        "audit": [{"seq": 3, "hash": HASH}],
    },
    contract.AuditHead: {"seq": 3, "hash": HASH},
    contract.OwnAudit: {"head": 3, "entries": [AUDIT]},
    contract.Refresh: {"refresh_token": "t" * 43, "device_id": UUID},
    contract.Tokens: {"access_token": "a", "refresh_token": "r", "expires_in": 900, "token_type": "bearer"},
    contract.Me: {
        "username": "som1",
        "display_name": "A",
        "role": "som",
        "officer_id": None,
        "device_id": UUID,
        "teams": ["team-1", UUID],
    },
    contract.PolicyText: {"text": "[visits]\n", "hash": HASH},
    contract.WaitAnswer: {"latest": 12},
    contract.Mutation: MUTATION,
    contract.AuditEntry: AUDIT,
    contract.PushRequest: {
        "protocol": 1,
        "schema_revision": "0005",
        "mutations": [MUTATION],
        "audit": [AUDIT],
    },
    contract.Conflict: CONFLICT,
    contract.ServedRecord: RECORD,
    contract.MutationResult: {
        "id": UUID,
        "status": "rejected",
        "reason": "why",
        "version": None,
        "conflicts": [CONFLICT],
        "record": RECORD,
    },
    contract.PushResponse: {"results": [], "audit_seq": 3},
    contract.CheckRequest: {"protocol": 1, "schema_revision": "0005", "mutations": [MUTATION]},
    contract.CheckResult: {"id": UUID, "ok": False, "reason": "ViSOR reference already used"},
    contract.CheckResponse: {"results": [{"id": UUID, "ok": True, "reason": ""}]},
    contract.PullPage: {
        "records": [RECORD],
        "gone": [UUID],
        "cursor": 9,
        "more": False,
        "conflicts": [CONFLICT],
        "policy_hash": HASH,
        "scope": "f" * 32,
    },
    contract.Manifest: {
        "latest": 9,
        "scope": "f" * 32,
        "cases": [UUID],
        "priority": 1,
        "meetings": [],
    },
    contract.CasesRequest: {"protocol": 1, "schema_revision": "0005", "ids": [UUID], "loose": True},
}
MESSAGES = [getattr(contract, n) for n in contract.__all__ if is_typeddict(getattr(contract, n, None))]


def _adapter(message: type) -> TypeAdapter[Any]:
    return TypeAdapter(message)


def test_every_message_of_the_contract_has_a_round_trip_here():
    assert set(MESSAGES) == set(SAMPLES)


@pytest.mark.parametrize("message", MESSAGES, ids=lambda m: m.__name__)
def test_a_message_survives_the_wire_and_the_central_store_s_validation_unchanged(message):
    sample = SAMPLES[message]
    hints = typing.get_type_hints(message, include_extras=True)
    # __required_keys__ cannot see NotRequired under postponed annotations: read the hints instead.
    required = {k for k, v in hints.items() if typing.get_origin(v) is not typing.NotRequired}
    assert set(hints) >= set(sample) and required <= set(sample)
    wired = json.loads(json.dumps(sample))
    assert wired == sample
    assert _adapter(message).validate_python(wired) == sample


@pytest.mark.parametrize(
    ("message", "change"),
    [
        (contract.Mutation, {"table": "visits; DROP TABLE records"}),  # names are [a-z_0-9]
        (contract.Mutation, {"id": "not-a-uuid"}),
        (contract.Mutation, {"base_version": "7"}),  # strict: no coercion of text to numbers
        (contract.Mutation, {"base_version": -1}),
        (contract.Mutation, {"operation": "drop"}),
        (
            contract.Mutation,
            {"fields": {"notes": 1.5}},
        ),  # a value is text, a whole number, true/false or null
        (contract.Mutation, {"fields": {"notes": "x" * (contract.MAX_TEXT + 1)}}),
        (contract.Mutation, {"fields": {f"f{i}": 1 for i in range(contract.MAX_FIELDS + 1)}}),
        (contract.AuditEntry, {"at": "yesterday"}),
        (contract.AuditEntry, {"hash": "Z" * 64}),
        (contract.AuditEntry, {"action": "deletion"}),
        (contract.Login, {"username": "robert'); --"}),
        (contract.Login, {"protocol": 0}),
        (contract.Login, {"key_mode": "none"}),
        (contract.Login, {"audit": [{"seq": 3, "hash": HASH}] * (contract.MAX_HEADS + 1)}),
        (contract.Login, {"audit": [{"seq": 0, "hash": HASH}]}),
        (contract.Login, {"audit": [{"seq": 3, "hash": "not a hash"}]}),
    ],
)
def test_the_central_store_refuses_what_a_hostile_client_might_send(message, change):
    with pytest.raises(ValidationError):
        _adapter(message).validate_python({**SAMPLES[message], **change})


def test_a_push_is_bounded():
    too_many = {**SAMPLES[contract.PushRequest], "mutations": [MUTATION] * (contract.MAX_BATCH + 1)}
    with pytest.raises(ValidationError):
        _adapter(contract.PushRequest).validate_python(too_many)


@pytest.mark.parametrize(
    ("table", "field", "value", "problem"),
    [
        ("visits", "at", "2026-11-30T10:00:00", ""),
        ("visits", "at", "tomorrow", "at must be a date and time (ISO 8601)"),
        ("nominals", "visor_ref", "x" * 41, "visor_ref must be at most 40 characters"),
        ("nominals", "mappa_level", True, "mappa_level must be a whole number"),
        ("nominals", "last_arms", "2026-01-01", "nominals.last_arms does not sync"),  # kept by the device
        ("nominals", "family_name", None, "family_name is required"),
        ("nominals", "id", None, "id is required"),
        ("no_such_table", "x", 1, "no_such_table.x does not sync"),
        # what a device could not read back (each once made every device in scope fail its pull)
        (
            "nominals",
            "disposal",
            "banana",
            "disposal must be one of imprisonment, detention_training, life_or_ipp, "
            "hospital_restricted, hospital, caution, conditional_discharge, other",
        ),
        ("nominals", "sex", "x", "sex must be one of male, female"),
        ("nominals", "risk_level", 99, "risk_level must be one of 1, 2, 3, 4"),
        ("nominals", "term_months", -5, "term_months must be at least 0"),
        ("nominals", "term_parts", '[{"months": -1}]', "term_parts is not in the form a device reads back"),
        ("nominals", "aliases", "not json", "aliases is not in the form a device reads back"),
        ("nominals", "aliases", '["Al", 3]', "aliases is not in the form a device reads back"),
        (
            "visits",
            "outcome",
            "exploded",
            "outcome must be one of seen, not_seen, refused_entry, not_resident",
        ),
        ("nominals", "area", "North\x00mere", "area must not contain NUL characters"),
        ("nominals", "family_name", "\ud800", "family_name must be valid Unicode text (no lone surrogates)"),
        ("rm2000_assessments", "inputs", '{"bogus": 1}', "inputs is not in the form a device reads back"),
        ("rm2000_assessments", "inputs", '{"burglary": 1}', "inputs is not in the form a device reads back"),
        ("rm2000_assessments", "inputs", '{"burglary": true, "age_at_commencement": 30}', ""),
        ("arms_assessments", "ratings", '{"a": 1}', "ratings is not in the form a device reads back"),
    ],
)
def test_field_values_are_checked_from_the_record_declarations(table, field, value, problem):
    assert contract.value_problem(table, field, value) == problem
