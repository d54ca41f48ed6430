"""Accounts, login and devices on a real PostgreSQL: clear answers for every refusal."""

from __future__ import annotations

import uuid

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from fastapi.testclient import TestClient
from sqlalchemy import text, update

from somdesk.cli.server import main as server_main
from somdesk.server.app import PROTOCOL, create_app
from somdesk.server.tables import metadata, tokens

pytestmark = pytest.mark.postgres
PASSWORD = "correct horse battery staple"


@pytest.fixture
def client(store):
    store.add_user("dc.okafor", "DC Sam Okafor", "som", PASSWORD, officer_id=str(uuid.uuid4()))
    return TestClient(create_app(store))


def login(client, device_id: str | None = None, password: str = PASSWORD, protocol: int = PROTOCOL):
    return client.post(
        "/v1/login",
        json={
            "username": "dc.okafor",
            "password": password,
            "device_id": device_id or str(uuid.uuid4()),
            "device_name": "laptop 42",
            "protocol": protocol,
        },
    )


def test_migrations_create_exactly_the_tables_in_code(store):
    assert store.revision() == store.head() == "s0009_scoped_news"
    with store.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []


def test_login_gives_tokens_and_me_tells_who_and_which_device(client):
    device = str(uuid.uuid4())
    answer = login(client, device)
    assert answer.status_code == 200
    body = answer.json()
    assert body["token_type"] == "bearer" and body["expires_in"] == 900
    me = client.get("/v1/me", headers={"Authorization": f"Bearer {body['access_token']}"})
    assert me.status_code == 200 and me.json()["role"] == "som" and me.json()["device_id"] == device
    refresh_as_access = client.get("/v1/me", headers={"Authorization": f"Bearer {body['refresh_token']}"})
    assert refresh_as_access.status_code == 401


def test_passwords_are_stored_as_scrypt_hashes(store, client):
    with store.engine.connect() as conn:
        stored = conn.execute(text("SELECT password_hash FROM users")).scalar_one()
    assert stored.startswith("scrypt$") and PASSWORD not in stored


def test_wrong_password_expired_token_old_client_each_get_a_clear_answer(store, client):
    wrong = login(client, password="not the password at all")
    assert wrong.status_code == 401 and wrong.json()["detail"] == "wrong username or password"
    old = login(client, protocol=PROTOCOL + 1)
    assert old.status_code == 426 and "install the version your force provides" in old.json()["detail"]
    token = login(client).json()["access_token"]
    with store.engine.begin() as conn:
        conn.execute(update(tokens).values(expires_at=text("now() - interval '1 minute'")))
    expired = client.get("/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert expired.status_code == 401 and "expired" in expired.json()["detail"]
    assert client.get("/v1/me").status_code == 401


def test_repeated_failures_are_rate_limited(client):
    device = str(uuid.uuid4())  # the limit counts per device and source too (test_sign_in.py)
    for _ in range(5):
        assert login(client, device, password="wrong password!!").status_code == 401
    limited = login(client, device)  # even the right password waits
    assert limited.status_code == 429 and "15 minutes" in limited.json()["detail"]


def test_a_revoked_device_is_told_to_wipe_its_data(store, client):
    device = str(uuid.uuid4())
    token = login(client, device).json()["access_token"]
    assert store.revoke_device(device)
    assert (
        client.get("/v1/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    )  # tokens gone
    again = login(client, device)
    assert again.status_code == 410 and "wiped" in again.json()["detail"]


@pytest.mark.parametrize(
    ("field", "value"),
    [("username", "dc okafor"), ("device_id", "not-a-uuid"), ("protocol", 10**12), ("password", "x" * 201)],
)
def test_inputs_are_bounded_and_validated(client, field, value):
    body = {"username": "dc.okafor", "password": PASSWORD, "device_id": str(uuid.uuid4()), "device_name": "x",
            "protocol": PROTOCOL}  # fmt: skip
    body[field] = value
    assert client.post("/v1/login", json=body).status_code == 422


def test_version_endpoint_and_openapi_document(client):
    version = client.get("/v1/version").json()
    assert version["protocol"] == PROTOCOL and version["schema_revision"] == "s0009_scoped_news"
    assert client.get("/openapi.json").status_code == 404  # served only with --api-docs (test_edge.py)


def test_admin_commands(pg_url, capsys, monkeypatch):
    assert server_main(["--database-url", pg_url, "migrate"]) == 0
    monkeypatch.setenv("SOMDESK_NEW_PASSWORD", PASSWORD)
    assert (
        server_main(
            ["--database-url", pg_url, "users", "add", "ds.lee", "--name", "DS Lee", "--role", "supervisor"]
        )
        == 0
    )
    assert (
        server_main(
            ["--database-url", pg_url, "users", "add", "ds.lee", "--name", "DS Lee", "--role", "supervisor"]
        )
        == 2
    )
    assert "already exists" in capsys.readouterr().err
    assert server_main(["--database-url", pg_url, "run", "--host", "0.0.0.0"]) == 2
    assert "refusing plain HTTP on 0.0.0.0" in capsys.readouterr().err
