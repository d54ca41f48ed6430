"""A profile's key mode is checked against the force policy when its device signs in (issue 16): where
the policy does not allow passphrase-only profiles, one is refused with what to do, and so is a device
that does not say; a keychain profile signs in."""

from __future__ import annotations

import uuid

import pytest
from fastapi.testclient import TestClient

from somdesk.app.policy import default_policy_text
from somdesk.server.app import PROTOCOL, create_app
from somdesk.server.demo import DEMO_PASSWORD, seed_demo
from tests.conftest import TODAY

pytestmark = pytest.mark.postgres


def sign_in(client: TestClient, **extra: str):
    body = {"username": "som1", "password": DEMO_PASSWORD, "device_id": str(uuid.uuid4()),
            "device_name": "key mode", "protocol": PROTOCOL, **extra}  # fmt: skip
    return client.post("/v1/login", json=body)


def test_a_passphrase_only_profile_is_refused_where_the_force_policy_forbids_it(store):
    seed_demo(store, 10, 2, TODAY, soms=1)
    client = TestClient(create_app(store))
    # No force policy on the central store: each device follows its built-in one.
    assert sign_in(client, key_mode="passphrase").status_code == 200
    policy = default_policy_text()
    assert "passphrase_only_allowed = false" in policy
    store.set_policy(policy)
    answer = sign_in(client, key_mode="passphrase")
    assert answer.status_code == 403
    detail = answer.json()["detail"]
    assert "passphrase only" in detail and "keychain" in detail and "Error" not in detail
    assert sign_in(client).status_code == 403  # a device that does not say
    assert sign_in(client, key_mode="keychain").status_code == 200
    assert sign_in(client, key_mode="anything else").status_code == 422
    store.set_policy(policy.replace("passphrase_only_allowed = false", "passphrase_only_allowed = true"))
    assert sign_in(client, key_mode="passphrase").status_code == 200


def test_a_local_policy_file_cannot_bring_a_passphrase_only_profile_past_the_force(
    store, tmp_path, monkeypatch, capsys
):
    """`somdesk --policy` allowing passphrase-only profiles makes one on the laptop; connecting it where
    the force forbids them is refused in words, and the profile is left unlinked (the key mode comes from
    the key file, which no policy file changes)."""
    from somdesk.cli.main import main
    from somdesk.store.profile import Profile
    from somdesk.sync.device import SERVER_URL, local_sync
    from tests.server.sync_helpers import LiveServer

    seed_demo(store, 10, 2, TODAY, soms=1)
    store.set_policy(default_policy_text())  # passphrase_only_allowed = false
    allow = tmp_path / "allow.toml"
    allow.write_text(
        default_policy_text().replace("passphrase_only_allowed = false", "passphrase_only_allowed = true")
    )
    monkeypatch.setenv("SOMDESK_PASSPHRASE", "a long passphrase")
    monkeypatch.setenv("SOMDESK_PASSWORD", DEMO_PASSWORD)
    where = ["--profiles", str(tmp_path / "profiles")]
    assert main(["profile", "create", "laptop", "--passphrase-only", "--policy", str(allow), *where]) == 0
    capsys.readouterr()
    with LiveServer(store) as live:
        connect = ["sync", "connect", live.url, "--username", "som1", "--profile", "laptop", *where]
        assert main(["--policy", str(allow), *connect]) == 2
    err = capsys.readouterr().err
    assert "passphrase only" in err and "keychain" in err and err.count("\n") == 1
    with Profile(tmp_path / "profiles" / "laptop").unlock("a long passphrase", "t", None) as opened:
        assert not local_sync(opened).get(SERVER_URL)
