"""The load balancer's health check (GET /v1/version) reaches the database on a connection of its own:
with every pooled connection serving requests it still answers, so a busy instance is not taken out of
service (in the national soak, busy instances failed their checks and HAProxy cut their sessions)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from somdesk.server.app import create_app

pytestmark = pytest.mark.postgres


def test_the_health_check_answers_while_every_pooled_connection_is_busy(store):
    client = TestClient(create_app(store, listen=False))
    held = [store.engine.connect() for _ in range(store.engine.pool.size() + store.engine.pool._max_overflow)]
    try:
        for conn in held:
            conn.exec_driver_sql("SELECT 1")
        answer = client.get("/v1/version")  # before: waited for a pooled connection, then failed
        assert answer.status_code == 200
        assert answer.json()["schema_revision"] == store.head()
    finally:
        for conn in held:
            conn.close()
