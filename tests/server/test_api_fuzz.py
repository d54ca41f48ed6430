"""schemathesis against the central store's OpenAPI document, on PostgreSQL: whatever it sends, signed
in or not, the answer is never a server error (5xx)."""

from __future__ import annotations

import uuid

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from somdesk.server.app import PROTOCOL, create_app
from somdesk.server.demo import DEMO_PASSWORD, seed_demo
from tests.conftest import TODAY

pytestmark = pytest.mark.postgres


@pytest.fixture
def api(store):
    seed_demo(store, 40, 3, TODAY, soms=1)
    app = create_app(store, api_docs=True)  # the schema schemathesis reads
    answer = TestClient(app).post(
        "/v1/login",
        json={"username": "som1", "password": DEMO_PASSWORD, "device_id": str(uuid.uuid4()),
              "device_name": "fuzz", "protocol": PROTOCOL},
    )  # fmt: skip
    assert answer.status_code == 200
    return {"app": app, "token": answer.json()["access_token"]}


def test_no_input_makes_the_central_store_fail(api):
    """Every operation, each with generated inputs, valid and not. (schemathesis' own pytest plugin does
    not run on pytest 9, so its strategies are driven through hypothesis here.)"""
    schema = schemathesis.openapi.from_asgi("/openapi.json", api["app"])
    operations = [result.ok() for result in schema.get_all_operations()]
    # The long poll waits up to its timeout by design: it is tested on its own, not fuzzed.
    operations = [op for op in operations if op.path != "/v1/wait"]
    assert {op.path for op in operations} >= {"/v1/login", "/v1/push", "/v1/pull", "/v1/refresh", "/v1/me"}
    checked = 0
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
        def fuzz(case) -> None:
            nonlocal checked
            case.call_and_validate(
                headers={"Authorization": f"Bearer {api['token']}"}, checks=[not_a_server_error]
            )
            checked += 1

        fuzz()
    assert checked >= 5 * len(operations)
