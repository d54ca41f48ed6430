"""Sign-in against an outside attacker, on a real PostgreSQL: the failed sign-in limit holds under parallel
guesses and cannot be turned against a colleague, unknown names cost the same work, a copied refresh token
ends its device's chain, the administrator can stop a leaver, and what has expired is purged."""

from __future__ import annotations

import hashlib
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, insert, select

from somdesk.cli.server import main as server_main
from somdesk.server import app as server_app
from somdesk.server.app import PROTOCOL, create_app
from somdesk.server.tables import devices, login_failures, tokens, users

from .sync_helpers import LiveServer

pytestmark = pytest.mark.postgres
PASSWORD = "correct horse battery staple"
PER_DEVICE = 5  # failed sign-ins a device may make for an account in 15 minutes (server/signin.py)
WRONG = "not the password at all"


@pytest.fixture
def client(store):
    store.add_user("dc.okafor", "DC Sam Okafor", "som", PASSWORD, officer_id=str(uuid.uuid4()))
    return TestClient(create_app(store))


def body(device_id: str, password: str = PASSWORD, username: str = "dc.okafor") -> dict[str, object]:
    return {
        "username": username,
        "password": password,
        "device_id": device_id,
        "device_name": "laptop 42",
        "protocol": PROTOCOL,
    }


def me(client, access: str) -> httpx.Response:
    return client.get("/v1/me", headers={"Authorization": f"Bearer {access}"})


def refresh(client, token: str, device_id: str) -> httpx.Response:
    return client.post("/v1/refresh", json={"refresh_token": token, "device_id": device_id})


# -- the limit


def test_fifty_parallel_wrong_passwords_do_not_slip_past_the_limit(store, monkeypatch):
    # The instance checks only a few passwords at once (the rest are turned away, test_sign_in_gate.py):
    # let all fifty through together, so what holds them to the limit is the limit's own locking.
    monkeypatch.setattr(server_app, "SIGN_INS_AT_ONCE", 50)
    store.add_user("dc.okafor", "DC Sam Okafor", "som", PASSWORD, officer_id=str(uuid.uuid4()))
    device = str(uuid.uuid4())
    with LiveServer(store) as server, httpx.Client(base_url=server.url, timeout=60) as http:
        with ThreadPoolExecutor(max_workers=50) as pool:
            answers = list(pool.map(lambda _: http.post("/v1/login", json=body(device, WRONG)), range(50)))
        codes = sorted(a.status_code for a in answers)
        assert codes.count(401) == PER_DEVICE, codes  # only five were ever checked
        assert set(codes) == {401, 429}
        right = http.post("/v1/login", json=body(device))
        assert right.status_code == 429, "the right password got in while the account was locked"
        assert "too many failed sign-ins" in right.json()["detail"]


def test_a_stranger_guessing_cannot_lock_a_colleague_out(client):
    stranger, colleague = str(uuid.uuid4()), str(uuid.uuid4())
    for _ in range(PER_DEVICE):
        assert client.post("/v1/login", json=body(stranger, WRONG)).status_code == 401
    assert client.post("/v1/login", json=body(stranger, WRONG)).status_code == 429
    assert client.post("/v1/login", json=body(colleague)).status_code == 200


def test_inventing_device_ids_meets_the_source_limit_and_many_sources_the_account_ceiling(store):
    from somdesk.server import signin

    engine = store.engine
    for _ in range(signin.LIMITS["source"]):
        assert signin.claim_attempt(engine, "dc.okafor", str(uuid.uuid4()), "203.0.113.5").id is not None
    refused = signin.claim_attempt(engine, "dc.okafor", str(uuid.uuid4()), "203.0.113.5")
    assert refused.id is None and refused.refusal == "source"
    assert signin.claim_attempt(engine, "dc.okafor", str(uuid.uuid4()), "198.51.100.7").id is not None
    # refused attempts are not written: the stranger at 203.0.113.5 added only 20 to the account's count
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(login_failures)).scalar_one() == 21
    for n in range(signin.LIMITS["account"] - 21):
        source = f"198.51.{n // 10}.{n % 10}"
        assert signin.claim_attempt(engine, "dc.okafor", str(uuid.uuid4()), source).id is not None
    ceiling = signin.claim_attempt(engine, "dc.okafor", str(uuid.uuid4()), "192.0.2.1")
    assert ceiling.id is None and ceiling.refusal == "account"


def test_the_right_password_clears_only_its_own_devices_failures(client, store):
    stranger, mine = str(uuid.uuid4()), str(uuid.uuid4())
    for device in (stranger, stranger, mine):
        assert client.post("/v1/login", json=body(device, WRONG)).status_code == 401
    assert client.post("/v1/login", json=body(mine)).status_code == 200
    with store.engine.connect() as conn:
        left = conn.execute(select(login_failures.c.device_id)).scalars().all()
    assert left == [stranger, stranger]


# -- usernames by timing


def test_unknown_names_cost_the_same_scrypt_work_and_sign_in_answers_carry_no_timing(client, monkeypatch):
    calls: list[int] = []
    real = hashlib.scrypt

    def counting(*args, **kwargs):
        calls.append(kwargs["n"])
        return real(*args, **kwargs)

    monkeypatch.setattr(hashlib, "scrypt", counting)
    known = client.post("/v1/login", json=body(str(uuid.uuid4()), WRONG))
    unknown = client.post("/v1/login", json=body(str(uuid.uuid4()), WRONG, username="nobody.here"))
    assert known.status_code == unknown.status_code == 401
    assert known.json() == unknown.json()
    assert calls == [2**15, 2**15], "an unknown name skipped the password work"
    right = client.post("/v1/login", json=body(str(uuid.uuid4())))
    again = refresh(client, right.json()["refresh_token"], "00000000-0000-4000-8000-000000000000")
    for answer in (known, unknown, right, again):
        assert not any(h.lower() == "server-timing" for h in answer.headers), answer.headers
    assert "server-timing" in client.get("/v1/version").headers  # the benchmarks' figure stays elsewhere


# -- refresh token chains


def test_a_spent_refresh_token_coming_back_ends_the_devices_whole_chain(client):
    device = str(uuid.uuid4())
    first = client.post("/v1/login", json=body(device)).json()
    victim = refresh(client, first["refresh_token"], device)
    assert victim.status_code == 200
    thief = refresh(client, first["refresh_token"], device)  # the copy taken before the victim's refresh
    assert thief.status_code == 401
    assert "used twice" in thief.json()["detail"]
    # the whole chain ended: the victim's newer tokens too, so the thief's earlier pickings are worthless
    assert refresh(client, victim.json()["refresh_token"], device).status_code == 401
    assert me(client, victim.json()["access_token"]).status_code == 401
    assert client.post("/v1/login", json=body(device)).status_code == 200  # the owner signs in again


def test_two_parallel_refreshes_with_one_token_end_the_chain(store):
    store.add_user("dc.okafor", "DC Sam Okafor", "som", PASSWORD, officer_id=str(uuid.uuid4()))
    device = str(uuid.uuid4())
    with LiveServer(store) as server, httpx.Client(base_url=server.url, timeout=30) as http:
        token = http.post("/v1/login", json=body(device)).json()["refresh_token"]
        with ThreadPoolExecutor(max_workers=8) as pool:
            answers = list(pool.map(lambda _: refresh(http, token, device), range(8)))
        won = [a for a in answers if a.status_code == 200]
        assert len(won) <= 1
        for answer in won:
            assert refresh(http, answer.json()["refresh_token"], device).status_code == 401


def test_a_password_sign_in_ends_the_devices_earlier_chains(client):
    device, other = str(uuid.uuid4()), str(uuid.uuid4())
    stolen = client.post("/v1/login", json=body(device)).json()
    elsewhere = client.post("/v1/login", json=body(other)).json()
    assert client.post("/v1/login", json=body(device)).status_code == 200  # the owner signs in again
    assert refresh(client, stolen["refresh_token"], device).status_code == 401
    assert me(client, stolen["access_token"]).status_code == 401
    assert me(client, elsewhere["access_token"]).status_code == 200  # the account's other laptop is kept


# -- stopping a leaver


def test_disable_enable_and_password_end_every_sign_in_of_the_account(pg_url, store, capsys, monkeypatch):
    server = ["--database-url", pg_url]
    store.add_user("dc.okafor", "DC Sam Okafor", "som", PASSWORD, officer_id=str(uuid.uuid4()))
    client = TestClient(create_app(store))
    laptop, desktop = str(uuid.uuid4()), str(uuid.uuid4())
    held = [client.post("/v1/login", json=body(d)).json() for d in (laptop, desktop)]

    assert server_main([*server, "users", "disable", "dc.okafor"]) == 0
    assert "disabled: cannot sign in; signed in on 2 devices" in capsys.readouterr().out
    for device, pair in zip((laptop, desktop), held, strict=True):
        told = me(client, pair["access_token"])
        assert told.status_code == 401 and "disabled" in told.json()["detail"]
        told = refresh(client, pair["refresh_token"], device)
        assert told.status_code == 401 and "disabled" in told.json()["detail"]
    refused = client.post("/v1/login", json=body(laptop))
    assert refused.status_code == 403 and "disabled" in refused.json()["detail"]
    assert client.post("/v1/login", json=body(laptop, WRONG)).json()["detail"] == "wrong username or password"
    assert server_main([*server, "users", "list"]) == 0
    assert "(disabled)" in capsys.readouterr().out

    assert server_main([*server, "users", "enable", "dc.okafor"]) == 0
    assert me(client, held[0]["access_token"]).status_code == 401  # enabling brings no old sign-in back
    assert refresh(client, held[1]["refresh_token"], desktop).status_code == 401
    fresh = client.post("/v1/login", json=body(desktop)).json()
    assert me(client, fresh["access_token"]).status_code == 200

    monkeypatch.setenv("SOMDESK_NEW_PASSWORD", "a brand new passphrase")
    assert server_main([*server, "users", "password", "dc.okafor"]) == 0
    assert "password changed; signed in on 1 device," in capsys.readouterr().out
    assert me(client, fresh["access_token"]).status_code == 401
    assert refresh(client, fresh["refresh_token"], desktop).status_code == 401
    assert client.post("/v1/login", json=body(desktop)).status_code == 401
    assert client.post("/v1/login", json=body(desktop, "a brand new passphrase")).status_code == 200


def test_account_commands_refuse_in_plain_words(pg_url, store, capsys, monkeypatch):
    server = ["--database-url", pg_url]
    store.add_user("dc.okafor", "DC Sam Okafor", "som", PASSWORD, officer_id=str(uuid.uuid4()))
    for action in ("disable", "enable", "password"):
        monkeypatch.setenv("SOMDESK_NEW_PASSWORD", PASSWORD)
        assert server_main([*server, "users", action, "nobody.here"]) == 2
        err = capsys.readouterr().err
        assert "no user 'nobody.here'" in err and "Error" not in err
        assert server_main([*server, "users", action]) == 2
        assert "needs the username" in capsys.readouterr().err
    monkeypatch.setenv("SOMDESK_NEW_PASSWORD", "short")
    assert server_main([*server, "users", "password", "dc.okafor"]) == 2
    assert "12 to 200 characters" in capsys.readouterr().err
    assert store.check_password("dc.okafor", PASSWORD) is not None  # nothing changed
    monkeypatch.delenv("SOMDESK_NEW_PASSWORD")
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert server_main([*server, "users", "password", "dc.okafor"]) == 2
    assert "SOMDESK_NEW_PASSWORD" in capsys.readouterr().err


# -- purge


def test_expired_tokens_and_old_failed_sign_ins_are_purged_at_a_sign_in(client, store):
    device = str(uuid.uuid4())
    client.post("/v1/login", json=body(device, WRONG))  # a fresh failure: kept
    now = datetime.now(UTC)
    with store.engine.begin() as conn:
        user_id = conn.execute(select(users.c.id)).scalar_one()
        conn.execute(insert(devices).values(id=device, user_id=user_id, name="old", registered_at=now))
        conn.execute(
            insert(tokens).values(
                token_hash="e" * 64, kind="refresh", user_id=user_id, device_id=device,
                expires_at=now - timedelta(seconds=1),
            )
        )  # fmt: skip
        conn.execute(
            insert(login_failures).values(
                username="dc.okafor", device_id=device, source="x", at=now - timedelta(hours=1)
            )
        )
    fresh = TestClient(create_app(store))  # a server just started purges at its first sign-in
    assert fresh.post("/v1/login", json=body(str(uuid.uuid4()))).status_code == 200
    with store.engine.connect() as conn:
        hashes = conn.execute(select(tokens.c.token_hash)).scalars().all()
        failures = conn.execute(select(login_failures.c.source)).scalars().all()
    assert "e" * 64 not in hashes and len(hashes) == 2  # the new pair stays
    assert "x" not in failures and len(failures) == 1


@pytest.mark.parametrize("action", ["password", "disable"])
def test_a_sign_in_in_flight_when_the_administrator_acts_gets_no_token(store, monkeypatch, action):
    """The administrator resets the password (or disables the account) just after a sign-in's password
    was checked and before its tokens are issued: the sign-in must not come away with tokens."""
    from somdesk.server import signin

    store.add_user("dc.okafor", "DC Sam Okafor", "som", PASSWORD, officer_id=str(uuid.uuid4()))
    client = TestClient(create_app(store))
    real = signin.verify_password

    def then_the_administrator_acts(password: str, stored: str) -> bool:
        right = real(password, stored)
        if action == "password":
            signin.set_password(store.engine, "dc.okafor", "a brand new passphrase")
        else:
            signin.set_disabled(store.engine, "dc.okafor", True)
        return right

    monkeypatch.setattr(signin, "verify_password", then_the_administrator_acts)
    answer = client.post("/v1/login", json=body(str(uuid.uuid4())))
    assert answer.status_code in (401, 403), answer.json()
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(tokens)).scalar_one() == 0


def test_parallel_refreshes_and_sign_ins_during_a_password_reset_leave_no_old_session(store, monkeypatch):
    """Threads refresh and sign in with the old password while the administrator resets it: afterwards
    nothing the old password or an old refresh token bought still works, and nothing answered 500."""
    from somdesk.server import signin

    monkeypatch.setattr(server_app, "SIGN_INS_AT_ONCE", 50)  # every sign-in checked, none turned away
    store.add_user("dc.okafor", "DC Sam Okafor", "som", PASSWORD, officer_id=str(uuid.uuid4()))
    with LiveServer(store) as server, httpx.Client(base_url=server.url, timeout=60) as http:
        laptops = [str(uuid.uuid4()) for _ in range(6)]
        held = {d: http.post("/v1/login", json=body(d)).json()["refresh_token"] for d in laptops}

        def keep_refreshing(device: str) -> list[int]:
            codes, token = [], held[device]
            for _ in range(15):
                answer = refresh(http, token, device)
                codes.append(answer.status_code)
                if answer.status_code != 200:
                    answer = http.post("/v1/login", json=body(device))  # the old password
                    codes.append(answer.status_code)
                    if answer.status_code != 200:
                        break
                token = answer.json()["refresh_token"]
            return codes

        with ThreadPoolExecutor(max_workers=7) as pool:
            running = [pool.submit(keep_refreshing, d) for d in laptops]
            signin.set_password(store.engine, "dc.okafor", "a brand new passphrase")
            codes = [c for f in running for c in f.result()]
        assert not [c for c in codes if c >= 500], codes
    with store.engine.connect() as conn:
        left = conn.execute(select(func.count()).select_from(tokens)).scalar_one()
    assert left == 0, "a token bought with the old password or an old refresh token outlived the reset"


def test_the_server_trusts_forwarded_addresses_only_from_loopback_and_named_proxies(pg_url, monkeypatch):
    import uvicorn

    seen: dict[str, object] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: seen.update(options))
    assert server_main(["--database-url", pg_url, "migrate"]) == 0
    assert server_main(["--database-url", pg_url, "run"]) == 0
    assert seen["forwarded_allow_ips"] == ["127.0.0.1"]  # never "*": a laptop could claim any address
    assert server_main(["--database-url", pg_url, "run", "--trusted-proxy", "10.0.0.5"]) == 0
    assert seen["forwarded_allow_ips"] == ["127.0.0.1", "10.0.0.5"]
