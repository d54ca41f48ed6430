"""Encryption at rest and every way unlocking can fail, each with its own error, changing nothing."""

from __future__ import annotations

import base64
import json
import sqlite3
import subprocess
import sys

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from keyring.backends import fail

from somdesk.store.errors import (
    DatabaseDamaged,
    DeviceSecretMissing,
    NewerSchema,
    NoSecureKeychain,
    NotASomdeskDatabase,
    ProfileExists,
    ProfileInUse,
    ProfileMissing,
    StoreError,
    UnlockThrottled,
    WrongPassphrase,
)
from somdesk.store.keychain import DeviceKeychain
from somdesk.store.keys import KeyFile
from somdesk.store.profile import Profile, unlock_delay
from tests.store.conftest import PASSPHRASE, fingerprint


def test_the_database_file_has_no_plaintext_header_and_no_readable_names(opened, profile, force):
    opened.lock()  # checkpoint the WAL into the file
    raw = profile.db_path.read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    for n in force.nominals[:20]:
        for text in (n.family_name, n.visor_ref, n.pnc_id):
            assert text.encode() not in raw
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(profile.db_path).execute("SELECT * FROM sqlite_master").fetchall()


def test_the_database_key_is_nowhere_on_disk_in_clear(opened, profile, keychain):
    opened.lock()
    keys = KeyFile.load(profile.keys_path)
    key = keys.unwrap(PASSPHRASE, keychain.load(keys.profile_id))
    assert len(key) == 32 and keys.mode == "keychain"
    for path in profile.folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert key not in data and key.hex().encode() not in data and base64.b64encode(key) not in data, (
                path
            )


def test_a_wrong_passphrase_is_refused_and_changes_nothing(opened, profile, keychain):
    opened.lock()
    before = fingerprint(profile.folder)
    with pytest.raises(WrongPassphrase, match="wrong passphrase"):
        profile.unlock("not the passphrase", "dc.test", keychain)
    assert fingerprint(profile.folder) == before
    profile.unlock(PASSPHRASE, "dc.test", keychain).lock()


def test_failed_unlocks_make_the_next_try_wait_longer(opened, profile, keychain):
    opened.lock()
    now = [1000.0]
    for _ in range(3):
        with pytest.raises(WrongPassphrase):
            profile.unlock("guess", "dc.test", keychain, wall=lambda: now[0])
    with pytest.raises(UnlockThrottled) as waited:
        profile.unlock(PASSPHRASE, "dc.test", keychain, wall=lambda: now[0])
    assert waited.value.seconds == pytest.approx(1.0)
    now[0] += 1.5
    with pytest.raises(WrongPassphrase, match="4 failed attempts; next try in 2 s"):
        profile.unlock("guess", "dc.test", keychain, wall=lambda: now[0])
    now[0] += 2.5
    profile.unlock(PASSPHRASE, "dc.test", keychain, wall=lambda: now[0]).lock()  # success resets the count
    assert json.loads(profile.failures_path.read_text())["failures"] == 0
    assert [unlock_delay(n) for n in (0, 2, 3, 4, 5, 20)] == [0, 0, 1, 2, 4, 300]


def test_no_secure_keychain_is_refused_plainly(profile, opened, keychain):
    missing = DeviceKeychain(fail.Keyring())
    with pytest.raises(NoSecureKeychain, match="no secure keychain"):
        Profile(profile.folder.parent / "other").create(PASSPHRASE, "dc.test", missing)
    assert not (profile.folder.parent / "other" / "keys.json").exists()
    opened.lock()
    before = fingerprint(profile.folder)
    with pytest.raises(NoSecureKeychain):
        profile.unlock(PASSPHRASE, "dc.test", missing)
    assert fingerprint(profile.folder) == before


def test_a_profile_from_another_computer_needs_its_keychain(opened, profile):
    opened.lock()
    from tests.store.memory_keyring import MemoryKeyring

    with pytest.raises(DeviceSecretMissing, match="not in this computer's keychain"):
        profile.unlock(PASSPHRASE, "dc.test", DeviceKeychain(MemoryKeyring()))


def test_a_damaged_database_is_reported_and_left_alone(opened, profile, keychain):
    opened.lock()
    data = bytearray(profile.db_path.read_bytes())
    data[100:164] = bytes(64)  # scribble over page 1
    profile.db_path.write_bytes(bytes(data))
    before = fingerprint(profile.folder)
    with pytest.raises(DatabaseDamaged, match="damaged or is not this profile's database"):
        profile.unlock(PASSPHRASE, "dc.test", keychain)
    assert fingerprint(profile.folder) == before


def test_a_foreign_database_with_the_right_key_is_not_taken_for_ours(opened, profile, keychain):
    opened.lock()
    key = KeyFile.load(profile.keys_path).unwrap(
        PASSPHRASE, keychain.load(KeyFile.load(profile.keys_path).profile_id)
    )
    profile.db_path.unlink()
    conn = sqlcipher.connect(str(profile.db_path))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    with pytest.raises(NotASomdeskDatabase, match="is not a somdesk database"):
        profile.unlock(PASSPHRASE, "dc.test", keychain)


def test_a_database_from_a_newer_somdesk_is_refused_untouched(opened, profile, keychain):
    with opened.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0099_future'")
    opened.lock()
    before = fingerprint(profile.folder)
    with pytest.raises(NewerSchema, match="newer version of somdesk"):
        profile.unlock(PASSPHRASE, "dc.test", keychain)
    assert fingerprint(profile.folder) == before


def test_a_profile_open_elsewhere_cannot_be_opened_again(opened, profile, keychain):
    with pytest.raises(ProfileInUse, match="already open"):
        profile.unlock(PASSPHRASE, "dc.test", keychain)
    code = (
        "import sys; from pathlib import Path; from somdesk.store.profile import Profile\n"
        "from somdesk.store.errors import ProfileInUse\n"
        f"try: Profile(Path({str(profile.folder)!r})).unlock('x', 'u', None)\n"
        "except ProfileInUse: sys.exit(7)\n"
    )
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 7
    opened.lock()
    profile.unlock(PASSPHRASE, "dc.test", keychain).lock()


def test_missing_and_existing_profiles(profile, keychain, opened):
    with pytest.raises(ProfileMissing):
        Profile(profile.folder.parent / "nobody").unlock(PASSPHRASE, "u", keychain)
    opened.lock()
    with pytest.raises(ProfileExists):
        profile.create(PASSPHRASE, "u", keychain)
    with pytest.raises(ValueError, match="at least 8"):
        Profile(profile.folder.parent / "short").create("short", "u", keychain)


def test_locking_closes_the_database(opened):
    opened.lock()
    assert not opened.is_open
    with pytest.raises(StoreError, match="locked"):
        opened.unit_of_work()


def test_changing_the_passphrase(opened, profile, keychain):
    opened.lock()
    profile.change_passphrase(PASSPHRASE, "a brand new passphrase", keychain)
    with pytest.raises(WrongPassphrase):
        profile.unlock(PASSPHRASE, "u", keychain)
    with profile.unlock("a brand new passphrase", "u", keychain) as again, again.reader() as r:
        assert r.counts()["nominals"] == 60
    with pytest.raises(WrongPassphrase):
        profile.change_passphrase("wrong old one", "whatever else", keychain)


def test_passphrase_only_profiles_need_no_keychain(tmp_path):
    p = Profile(tmp_path / "travel")
    p.create(PASSPHRASE, "u", None, passphrase_only=True).lock()
    assert KeyFile.load(p.keys_path).mode == "passphrase"
    p.unlock(PASSPHRASE, "u", DeviceKeychain(fail.Keyring())).lock()


def test_a_locked_keychain_is_reported_as_locked(opened, profile):
    from keyring.errors import KeyringLocked

    from somdesk.store.errors import KeychainLocked
    from tests.store.memory_keyring import MemoryKeyring

    class LockedKeyring(MemoryKeyring):
        def get_password(self, service: str, username: str) -> str | None:
            raise KeyringLocked("Failed to unlock the collection!")

    opened.lock()
    before = fingerprint(profile.folder)
    with pytest.raises(KeychainLocked, match="the keychain is locked"):
        profile.unlock(PASSPHRASE, "dc.test", DeviceKeychain(LockedKeyring()))
    assert fingerprint(profile.folder) == before


def _database_key(profile, keychain) -> bytes:
    keys = KeyFile.load(profile.keys_path)
    return keys.unwrap(PASSPHRASE, keychain.load(keys.profile_id))


def _opens_with(path, key: bytes, hmac: str | None) -> bool:
    """Whether the file's pages authenticate with `hmac` (None: SQLCipher 4's default, HMAC-SHA512)."""
    conn = sqlcipher.connect(str(path))
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        if hmac:
            conn.execute(f"PRAGMA cipher_hmac_algorithm = {hmac}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher.DatabaseError:
        return False
    finally:
        conn.close()


def test_a_new_profile_authenticates_its_pages_with_hmac_sha256(opened, profile, keychain):
    opened.lock()
    key = _database_key(profile, keychain)
    assert _opens_with(profile.db_path, key, "HMAC_SHA256")
    assert not _opens_with(profile.db_path, key, None)  # not SQLCipher's default
    cipher = sqlcipher.connect(str(profile.db_path))
    cipher.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    cipher.execute("PRAGMA cipher_hmac_algorithm = HMAC_SHA256")
    assert cipher.execute("PRAGMA cipher_integrity_check").fetchall() == []
    assert cipher.execute("PRAGMA cipher_use_hmac").fetchone() == ("1",)
    cipher.close()


def test_a_profile_made_before_with_hmac_sha512_opens_and_stays_so(opened, profile, keychain, force):
    opened.lock()
    key = _database_key(profile, keychain)
    # The profile as an earlier somdesk made it: the same data, pages under SQLCipher 4's default HMAC.
    older = profile.db_path.with_name("older.db")
    conn = sqlcipher.connect(str(profile.db_path))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("PRAGMA cipher_hmac_algorithm = HMAC_SHA256")
    conn.execute(f"ATTACH DATABASE '{older}' AS older KEY \"x'{key.hex()}'\"")  # the default: SHA-512
    conn.execute("SELECT sqlcipher_export('older')")
    conn.execute("DETACH DATABASE older")
    conn.close()
    older.replace(profile.db_path)
    assert _opens_with(profile.db_path, key, None) and not _opens_with(profile.db_path, key, "HMAC_SHA256")

    reopened = profile.unlock(PASSPHRASE, "dc.test", keychain)
    nominal = force.cases[0].nominal.id
    with reopened.unit_of_work() as uow:
        uow.update_nominal(nominal, {"family_name": "Hmacson"}, "spelling")
    with reopened.engine.connect() as c:
        assert (
            c.exec_driver_sql("SELECT family_name FROM nominals WHERE id = ?", (nominal,)).scalar()
            == "Hmacson"
        )
    reopened.lock()
    assert _opens_with(profile.db_path, key, None)  # still SHA-512: nothing converted it
