"""Restoring a synced profile rejoins the central store's audit chain (or is refused, changing nothing),
and two live copies of one device are stopped: real encrypted profiles, a real central store on
PostgreSQL, real HTTP."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select, text

from somdesk.cli.main import main
from somdesk.domain.audit import LoggedEntry, verify
from somdesk.server.demo import DEMO_PASSWORD, seed_demo
from somdesk.server.tables import audit_entries, audit_forks
from somdesk.store.profile import OpenProfile, Profile
from somdesk.store.replica import AUDIT_SEQ
from somdesk.sync.client import Forked, SignInNeeded
from somdesk.sync.device import connect, linked_store, local_sync
from somdesk.sync.engine import SyncLoop, SyncReport, SyncState, SyncStatus, sync_once
from somdesk.sync.rejoin import RestoreRefused, restore_profile

from .sync_helpers import PASSPHRASE, LiveServer

pytestmark = pytest.mark.postgres
USER = "som1"


@pytest.fixture
def force(store):
    from datetime import date

    seed_demo(store, 120, 7, date(2026, 11, 23), soms=2)


def synced(folder: Path, url: str) -> OpenProfile:
    """A passphrase-only profile connected as som1 (its sign-in kept inside it), synced once."""
    opened = Profile(folder).create(PASSPHRASE, USER, None, passphrase_only=True)
    connect(opened, url, USER, DEMO_PASSWORD)
    once(opened)
    return opened


def once(opened: OpenProfile) -> SyncReport:
    remote = linked_store(opened)
    assert remote is not None
    try:
        return sync_once(local_sync(opened), remote)
    finally:
        remote.close()


def a_case(opened: OpenProfile, n: int = 0) -> str:
    with opened.engine.connect() as conn:
        return str(conn.execute(text("SELECT id FROM nominals ORDER BY visor_ref")).scalars().all()[n])


def edit(opened: OpenProfile, nominal_id: str, **changes: str) -> None:
    with opened.unit_of_work(justification_required=False) as uow:
        uow.update_nominal(nominal_id, changes)


def value(opened: OpenProfile, nominal_id: str, field: str) -> object:
    with opened.engine.connect() as conn:
        return conn.execute(text(f"SELECT {field} FROM nominals WHERE id = :i"), {"i": nominal_id}).scalar()


def central_chain(store, device_id: str) -> list[dict]:
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(audit_entries.c.seq, audit_entries.c.data)
            .where(audit_entries.c.device_id == device_id)
            .order_by(audit_entries.c.seq)
        ).all()
    return [{**json.loads(r.data), "seq": r.seq} for r in rows]


def local_chain(opened: OpenProfile) -> list:
    with opened.reader() as reader:
        return list(reader.audit_rows())


def said(capsys) -> list[str]:
    """What the command line told its user (the in-process central store logs to stderr too)."""
    return [line for line in capsys.readouterr().err.splitlines() if line.startswith("somdesk:")]


def fingerprint(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != ".lock"
    }


def test_a_restore_after_the_device_synced_more_rejoins_the_central_stores_chain(store, force, tmp_path):
    with LiveServer(store) as server:
        folder = tmp_path / "work"
        opened = synced(folder, server.url)
        first, second = a_case(opened, 0), a_case(opened, 1)
        edit(opened, first, town="Before the backup")
        backup = opened.backup(tmp_path / "work.sdbk")  # holding that change unsent, in its outbox
        backed_up = len(local_chain(opened))
        # after the backup: more changes, all sent
        edit(opened, first, town="After the backup")
        edit(opened, second, plan_rationale="Seen weekly")
        once(opened)
        device = opened.device_id
        head = len(central_chain(store, device))
        assert head == len(local_chain(opened)) > backed_up
        opened.lock()

        done = restore_profile(Profile(folder), backup, PASSPHRASE, None)
        assert (done.fetched, done.to_send, done.synced_with) == (head - backed_up, 0, server.url)

        again = Profile(folder).unlock(PASSPHRASE, USER, None)
        try:
            assert local_sync(again).get(AUDIT_SEQ) == str(head)
            edit(again, second, plan_rationale="Seen fortnightly")  # logged at head + 1, not a fork
            report = once(again)
            # the backup's unsent change went after it was made: sent again, it is a replay
            assert (report.pushed, report.refused, report.conflicts) == (2, 0, 0)
            assert local_sync(again).pending() == 0 and local_sync(again).conflicts() == []
            # the cursor went back with the backup: what was sent after it comes back in the pull
            assert value(again, first, "town") == "After the backup"
            assert value(again, second, "plan_rationale") == "Seen fortnightly"
            mine = local_chain(again)
        finally:
            again.lock()
    assert verify(mine)[1] is None
    theirs = central_chain(store, device)
    assert verify([LoggedEntry.from_wire(e) for e in theirs])[1] is None
    # every entry once on the central store, the same as the device's
    assert [e["seq"] for e in theirs] == list(range(1, head + 2))
    assert [(e["id"], e["hash"]) for e in theirs] == [(r.id, r.hash) for r in mine]
    with store.engine.connect() as conn:
        assert conn.execute(select(audit_forks)).first() is None


def test_a_restore_that_cannot_reach_the_central_store_is_refused_and_changes_nothing(
    store, force, tmp_path, capsys, monkeypatch
):
    folder = tmp_path / "profiles" / "work"
    with LiveServer(store) as server:
        opened = synced(folder, server.url)
        backup = opened.backup(tmp_path / "work.sdbk")
        edit(opened, a_case(opened), town="Sent after the backup")
        once(opened)
        opened.lock()
    before = fingerprint(folder)
    with pytest.raises(RestoreRefused, match=r"Connect and run the restore again\. Nothing was changed"):
        restore_profile(Profile(folder), backup, PASSPHRASE, None)
    assert fingerprint(folder) == before
    # the command line says the same in one line
    monkeypatch.setenv("SOMDESK_PASSPHRASE", PASSPHRASE)
    code = main(["restore", str(backup), "--profile", "work", "--profiles", str(folder.parent)])
    (err,) = said(capsys)
    assert code == 2
    assert f"this profile syncs with {server.url}" in err and "run the restore again" in err
    assert fingerprint(folder) == before


def test_a_damaged_profile_restores_from_the_backups_own_settings_with_the_password(store, force, tmp_path):
    with LiveServer(store) as server:
        folder = tmp_path / "work"
        opened = synced(folder, server.url)
        backup = opened.backup(tmp_path / "work.sdbk")
        case = a_case(opened)
        edit(opened, case, town="Sent after the backup")
        once(opened)  # spends the sign-in the backup holds
        opened.lock()
        (folder / "somdesk.db").write_bytes(b"\x00" * 8192)  # damaged beyond opening
        before = fingerprint(folder)
        with pytest.raises(RestoreRefused, match=r"give your central store password .*SOMDESK_PASSWORD"):
            restore_profile(Profile(folder), backup, PASSPHRASE, None)
        assert fingerprint(folder) == before
        done = restore_profile(Profile(folder), backup, PASSPHRASE, None, password=DEMO_PASSWORD)
        assert done.synced_with == server.url and done.fetched == 1
        again = Profile(folder).unlock(PASSPHRASE, USER, None)
        try:
            once(again)  # the new sign-in went into the restored profile
            assert value(again, case, "town") == "Sent after the backup"
        finally:
            again.lock()


def test_a_partly_damaged_profile_restores_and_its_database_is_kept_aside(store, force, tmp_path):
    """The common damage: the file opens, its first pages read, and pages further in do not."""
    with LiveServer(store) as server:
        folder = tmp_path / "work"
        opened = synced(folder, server.url)
        backup = opened.backup(tmp_path / "work.sdbk")
        case = a_case(opened)
        edit(opened, case, town="Sent after the backup")
        once(opened)
        opened.lock()
        db = folder / "somdesk.db"
        damaged = bytearray(db.read_bytes())
        middle = len(damaged) // 2
        damaged[middle : middle + 8192] = os.urandom(8192)
        db.write_bytes(bytes(damaged))
        restored = Profile(folder)
        done = restore_profile(restored, backup, PASSPHRASE, None, password=DEMO_PASSWORD)
        assert done.synced_with == server.url
        kept = restored.kept_unreadable
        assert kept is not None and (kept / "somdesk.db").read_bytes() == bytes(damaged)
        again = Profile(folder).unlock(PASSPHRASE, USER, None)
        try:
            once(again)
            assert value(again, case, "town") == "Sent after the backup"
        finally:
            again.lock()


def test_a_restore_that_would_lose_unsent_changes_is_refused_unless_they_are_kept(
    store, force, tmp_path, capsys, monkeypatch
):
    with LiveServer(store) as server:
        folder = tmp_path / "profiles" / "work"
        opened = synced(folder, server.url)
        backup = opened.backup(tmp_path / "work.sdbk")
        case = a_case(opened)
        edit(opened, case, town="Not sent yet")  # offline: not synced
        opened.lock()
        before = fingerprint(folder)
        with pytest.raises(
            RestoreRefused, match="1 change made on this computer has not reached the central"
        ):
            restore_profile(Profile(folder), backup, PASSPHRASE, None)
        assert fingerprint(folder) == before

        monkeypatch.setenv("SOMDESK_PASSPHRASE", PASSPHRASE)
        profiles = ["--profile", "work", "--profiles", str(folder.parent)]
        assert main(["restore", str(backup), *profiles, "--discard-unsent"]) == 0
    out = capsys.readouterr().out
    (kept,) = folder.glob("backups/unsent-before-restore-*.sdbk")
    assert f"the changes this computer had not sent are kept, encrypted, in {kept}" in out
    assert f"rejoined the central store at {server.url}: 0 audit entries fetched" in out
    with Profile(folder).unlock(PASSPHRASE, USER, None) as again:
        assert value(again, case, "town") != "Not sent yet"
        assert local_sync(again).pending() == 0
    # the kept file is the replaced profile, encrypted: it restores elsewhere with the unsent change
    look = Profile(tmp_path / "look")
    look.restore(kept, PASSPHRASE, None)
    with look.unlock(PASSPHRASE, USER, None) as kept:
        assert value(kept, case, "town") == "Not sent yet"
        assert local_sync(kept).pending() == 1


def test_a_backup_of_another_copy_is_refused(store, force, tmp_path):
    with LiveServer(store) as server:
        folder = tmp_path / "work"
        opened = synced(folder, server.url)
        opened.lock()
        shutil.copytree(folder, tmp_path / "copy")
        original = Profile(folder).unlock(PASSPHRASE, USER, None)
        edit(original, a_case(original), town="From the original")
        once(original)
        original.lock()
        copy = Profile(tmp_path / "copy").unlock(PASSPHRASE, USER, None)
        edit(copy, a_case(copy), town="From the copy")  # logged at the same place, differently
        backup = copy.backup(tmp_path / "copy.sdbk")
        copy.lock()
        with pytest.raises(RestoreRefused, match="a copy of the profile, not a backup"):
            restore_profile(Profile(folder), backup, PASSPHRASE, None, password=DEMO_PASSWORD)


def test_two_live_copies_of_one_profile_the_second_to_sync_is_stopped(
    store, force, tmp_path, capsys, monkeypatch
):
    with LiveServer(store) as server:
        first_folder = tmp_path / "profiles" / "laptop"
        first = synced(first_folder, server.url)
        first.lock()
        second_folder = tmp_path / "profiles" / "desktop"
        shutil.copytree(first_folder, second_folder)  # the profile copied to another computer
        first = Profile(first_folder).unlock(PASSPHRASE, USER, None)
        second = Profile(second_folder).unlock(PASSPHRASE, USER, None)
        case, other = a_case(first, 0), a_case(first, 1)
        edit(first, case, town="The first copy's")
        edit(second, case, town="The second copy's")
        edit(second, other, plan_rationale="Only on the second copy")
        assert once(first).pushed == 1

        # The second copy's sign-in was spent by the first: its background sync stops, for good.
        statuses: list[SyncStatus] = []
        remote = linked_store(second)
        assert remote is not None
        loop = SyncLoop(local_sync(second), remote, statuses.append, lambda _: None, every=0.05)
        loop.start()
        loop._threads[0].join(20)  # the worker ends: it does not try again
        assert not loop._threads[0].is_alive()
        loop.stop()
        assert statuses[-1].state is SyncState.STOPPED
        assert "sign-in was used by another copy of it" in statuses[-1].message
        assert "2 unsent changes are kept here" in statuses[-1].message
        # The central store ended the device's sign-ins: the first copy signs in again, and works.
        with pytest.raises(SignInNeeded):
            once(first)
        connect(first, server.url, USER, DEMO_PASSWORD).close()
        once(first)
        # Signing in again on the second copy is refused (it would end the first copy's sign-in).
        with pytest.raises(Forked, match="has forked"):
            connect(second, server.url, USER, DEMO_PASSWORD)
        second.lock()
        # and `somdesk sync` says so in one line, with its own exit status
        monkeypatch.setenv("SOMDESK_PASSPHRASE", PASSPHRASE)
        code = main(["sync", "now", "--profile", "desktop", "--profiles", str(second_folder.parent)])
        (err,) = said(capsys)
        assert code != 0 and "sign in" in err

        # the first copy keeps working; its change was not overwritten
        edit(first, other, plan_rationale="The first copy again")
        assert once(first).refused == 0
        with store.engine.connect() as conn:
            data = conn.execute(text("SELECT data FROM records WHERE id = :i"), {"i": case}).scalar_one()
            forks = conn.execute(select(audit_forks.c.device_id)).scalars().all()
        assert json.loads(data)["town"] == "The first copy's"
        assert forks == [first.device_id]
        first.lock()
    # the second copy still holds its unsent changes
    with Profile(second_folder).unlock(PASSPHRASE, USER, None) as second:
        assert local_sync(second).pending() == 2
        assert value(second, case, "town") == "The second copy's"
        assert value(second, other, "plan_rationale") == "Only on the second copy"


def test_two_copies_sharing_one_keychain_sign_in_the_second_to_push_is_stopped(
    store, force, tmp_path, capsys, monkeypatch
):
    """Two copies of a keychain profile on one computer share its sign-in (the keychain holds it), so
    no spent token gives them away: the push that would fork the log does, and stops that copy."""
    import keyring

    from somdesk.store.keychain import DeviceKeychain
    from tests.store.memory_keyring import MemoryKeyring

    monkeypatch.setattr(keyring.core, "_keyring_backend", MemoryKeyring())  # this computer's keychain
    with LiveServer(store) as server:
        first_folder = tmp_path / "profiles" / "work"
        first = Profile(first_folder).create(PASSPHRASE, USER, DeviceKeychain())
        connect(first, server.url, USER, DEMO_PASSWORD)
        once(first)
        first.lock()
        second_folder = tmp_path / "profiles" / "work-copy"
        shutil.copytree(first_folder, second_folder)
        first = Profile(first_folder).unlock(PASSPHRASE, USER, None)
        second = Profile(second_folder).unlock(PASSPHRASE, USER, None)
        case = a_case(first)
        edit(first, case, town="The first copy's")
        edit(second, case, town="The second copy's")
        assert once(first).pushed == 1
        second.lock()
        monkeypatch.setenv("SOMDESK_PASSPHRASE", PASSPHRASE)
        code = main(["sync", "now", "--profile", "work-copy", "--profiles", str(second_folder.parent)])
        (err,) = said(capsys)
        assert code == 4
        assert "another copy of this profile has synced as this computer" in err
        assert "1 unsent change are kept here" not in err and "Its 1 unsent change is kept here" in err

        edit(first, case, plan_rationale="Still working")
        assert once(first).refused == 0
        first.lock()
        with store.engine.connect() as conn:
            data = conn.execute(text("SELECT data FROM records WHERE id = :i"), {"i": case}).scalar_one()
        assert json.loads(data)["town"] == "The first copy's"
    with Profile(second_folder).unlock(PASSPHRASE, USER, None) as second:
        assert value(second, case, "town") == "The second copy's" and local_sync(second).pending() == 1


def test_a_device_is_served_only_its_own_audit_entries_and_hostile_queries_are_refused(
    store, force, tmp_path
):
    import httpx

    with LiveServer(store) as server:
        mine, other = synced(tmp_path / "mine", server.url), synced(tmp_path / "other", server.url)
        edit(other, a_case(other), town="Another device's change")
        once(other)
        remote = linked_store(mine)
        assert remote is not None
        try:
            assert remote.own_audit(0, 2000) == {"head": 0, "entries": []}
            token = remote._access
        finally:
            remote.close()
        url, auth = f"{server.url}/v1/audit/own", {"Authorization": f"Bearer {token}"}
        assert httpx.get(url, params={"after": 2**31 - 1}, headers=auth).json() == {"head": 0, "entries": []}
        for bad in ({"after": -1}, {"limit": 0}, {"limit": 2001}, {"after": "1; --"}, {"after": 2**31}):
            assert httpx.get(url, params=bad, headers=auth).status_code == 422
        assert httpx.get(url).status_code == 401
        remote = linked_store(other)
        assert remote is not None
        try:
            page = remote.own_audit(0, 1)
        finally:
            remote.close()
        assert page["head"] >= 1 and [e["device_id"] for e in page["entries"]] == [other.device_id]
        mine.lock(), other.lock()
