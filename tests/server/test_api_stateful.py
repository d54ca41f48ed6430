"""schemathesis in stateful mode against the central store on PostgreSQL: its state machine (driven
through hypothesis, as test_api_fuzz.py drives its strategies) follows the links below from one answer
to the next request: sign in, then push, pull, resolve a conflict the pull showed, refresh the sign-in,
and again. Whatever the sequence, no answer is a server error (5xx) and no pulled record, nor any record
a refused change sends back, lies outside the signed-in account's scope."""

from __future__ import annotations

import copy
import json
import uuid
from datetime import UTC, datetime
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from sqlalchemy import insert

from somdesk.server.app import PROTOCOL, create_app
from somdesk.server.tables import conflicts
from somdesk.store.migrate import head_revision

from . import test_authorisation as matrix

template, store = matrix.template, matrix.store
pytestmark = pytest.mark.postgres
ACCOUNTS = [("som1", "som"), ("sup1", "supervisor"), ("chair", "panel_chair"), ("admin", "admin")]
VERSIONS = {"protocol": PROTOCOL, "schema_revision": head_revision()}
SIGNED_IN = {"header.authorization": "Bearer {$response.body#/access_token}"}


def linked(schema: dict[str, Any]) -> dict[str, Any]:
    """The API's schema with the links a device follows: sign-in -> push, pull, refresh; pull -> resolve
    the first conflict it shows; refresh -> pull."""
    schema = copy.deepcopy(schema)
    ids = {path: next(iter(ops.values()))["operationId"] for path, ops in schema["paths"].items()}

    def links(path: str, found: dict[str, Any], status: str = "200") -> None:
        op = next(iter(schema["paths"][path].values()))
        op["responses"].setdefault(status, {"description": "ok"})["links"] = found

    pull = {"operationId": ids["/v1/pull"], "parameters": {**SIGNED_IN, "query.protocol": PROTOCOL,
            "query.schema_revision": head_revision()}}  # fmt: skip
    # Every sequence starts from the open address a device asks first, then signs in.
    links("/v1/version", {"SignIn": {"operationId": ids["/v1/login"], "requestBody": {"protocol": PROTOCOL}}})
    links("/v1/login", {
        "Pull": pull,
        "Push": {"operationId": ids["/v1/push"], "parameters": SIGNED_IN, "requestBody": VERSIONS},
        "Me": {"operationId": ids["/v1/me"], "parameters": SIGNED_IN},
        "Refresh": {"operationId": ids["/v1/refresh"], "requestBody": {
            "refresh_token": "$response.body#/refresh_token", "device_id": "$request.body#/device_id"}},
    })  # fmt: skip
    links("/v1/refresh", {
        "Pull": pull,
        "RefreshAgain": {"operationId": ids["/v1/refresh"], "requestBody": {
            "refresh_token": "$response.body#/refresh_token", "device_id": "$request.body#/device_id"}},
    })  # fmt: skip
    links("/v1/pull", {
        "Resolve": {"operationId": ids["/v1/push"],
                    "parameters": {"header.authorization": "$request.header.authorization"},
                    "requestBody": {**VERSIONS, "mutations": [{
                        "id": "$response.body#/conflicts/0/id", "operation": "resolve",
                        "table": "$response.body#/conflicts/0/table",
                        "record_id": "$response.body#/conflicts/0/record_id", "base_version": 0,
                        "fields": {"conflict_id": "$response.body#/conflicts/0/id",
                                   "value": "$response.body#/conflicts/0/theirs"}}]}},
        "PullAgain": {"operationId": ids["/v1/pull"], "parameters": {
            "header.authorization": "$request.header.authorization", "query.protocol": PROTOCOL,
            "query.schema_revision": head_revision(), "query.cursor": "$response.body#/cursor"}},
    })  # fmt: skip
    return schema


def open_conflicts(store, force: matrix.Force) -> None:
    """An open conflict on one case of each role's scope, for pulls to show and resolves to close."""
    now = datetime.now(UTC)
    cases = {force.of("nominals", lambda d: d["officer_id"] == force.som_officer)[0],
             *force.of("nominals", lambda d: d["mappa_level"] == 2)[:1]}  # fmt: skip
    with store.engine.begin() as conn:
        conn.execute(insert(conflicts), [
            {"id": str(uuid.uuid4()), "table_name": "nominals", "record_id": case, "field": "postcode",
             "base_version": 1, "theirs": json.dumps("ZZ1 1ZZ"), "mine": json.dumps("ZZ2 2ZZ"),
             "username": "som1", "device_id": str(uuid.uuid4()), "created_at": now}
            for case in cases
        ])  # fmt: skip


def test_sequences_of_requests_never_fail_nor_leave_the_callers_scope(store):
    force = matrix.read_force(store)
    open_conflicts(store, force)
    app = create_app(store, api_docs=True)
    schema = schemathesis.openapi.from_dict(linked(app.openapi()))
    schema.app = app
    schema.config.phases.stateful.inference.algorithms = []  # the links above, none guessed
    roles: dict[str, str] = {}  # access token -> role
    seen = {"steps": 0, "pulled": 0, "signed_in": 0}

    class Machine(schema.as_state_machine()):  # type: ignore[misc]
        def setup(self) -> None:
            self.steps = 0  # this sequence's: each sequence behaves alike whenever hypothesis replays it
            self.latest: list[str] = []

        def before_call(self, case) -> None:
            if case.operation.path in ("/v1/me", "/v1/pull", "/v1/push", "/v1/policy") and self.latest:
                # Signed in as the latest sign-in, unless the link carried a sign-in already.
                headers = case.headers if case.headers is not None else {}
                if str(headers.get("authorization", "")).removeprefix("Bearer ") not in roles:
                    headers["authorization"] = f"Bearer {self.latest[-1]}"
                case.headers = headers
            self.steps += 1
            if self.steps % 5:  # most requests speak the central store's versions; the rest as generated
                if case.operation.path == "/v1/pull":
                    case.query = {**(case.query or {}), **VERSIONS}
                elif case.operation.path == "/v1/push" and isinstance(case.body, dict):
                    case.body.update(VERSIONS)
            if case.operation.path == "/v1/login" and isinstance(case.body, dict):
                # Most sign-ins are real ones (as each account in turn); the rest as generated.
                index = self.steps % (len(ACCOUNTS) + 1)
                if index < len(ACCOUNTS):
                    case.body.update(username=ACCOUNTS[index][0], password=matrix.DEMO_PASSWORD,
                                     protocol=PROTOCOL, device_id=str(uuid.uuid4()))  # fmt: skip
                    name = case.body.get("device_name")
                    if not isinstance(name, str) or not 0 < len(name) <= 100 or "\x00" in name:
                        case.body["device_name"] = "stateful"

        def after_call(self, response, case) -> None:
            seen["steps"] += 1
            key = f"{case.operation.path} {response.status_code}"
            seen[key] = seen.get(key, 0) + 1
            if case.operation.path in ("/v1/login", "/v1/refresh") and response.status_code == 200:
                seen["signed_in"] += 1
                body = json.loads(response.content)
                if case.operation.path == "/v1/login":
                    role = dict(ACCOUNTS)[case.body["username"]]
                else:
                    role = roles.get(f"refresh:{case.body['refresh_token']}", "")
                roles[body["access_token"]] = roles[f"refresh:{body['refresh_token']}"] = role
                self.latest.append(body["access_token"])
            if case.operation.path == "/v1/push" and response.status_code == 200:
                results = json.loads(response.content)["results"]
                seen["resolved"] = seen.get("resolved", 0) + sum(r["status"] == "applied" for r in results)
            if response.status_code == 200 and case.operation.path in ("/v1/pull", "/v1/push"):
                token = str((case.headers or {}).get("authorization", "")).removeprefix("Bearer ")
                role = roles.get(token)
                assert role, "an answer with records to a request without a known sign-in"
                body = json.loads(response.content)
                served = body.get("records") or [r["record"] for r in body.get("results", []) if r["record"]]
                seen["pulled"] += len(served)
                allowed = matrix.read_force(store).expected_cases(role)
                for record in served:
                    case_id = record["id"] if record["t"] == "nominals" else record["d"].get("nominal_id")
                    assert case_id is None or case_id in allowed, (role, record["t"], "outside the scope")

        def validate_response(self, response, case, additional_checks=None, **kwargs) -> None:
            case.validate_response(response, checks=[not_a_server_error])

    Machine.run(
        settings=settings(
            max_examples=40, stateful_step_count=8, deadline=None, suppress_health_check=list(HealthCheck)
        )
    )
    assert seen["signed_in"] >= 10 and seen["pulled"] > 0, json.dumps(seen)
