"""Property-based fuzzing of the files a profile reads (hypothesis): the key file and backups. Whatever
they hold, the answer is a StoreError naming the file, never a crash, and nothing already saved
changes. (The policy file: tests/test_policy_file.py; import files: tests/imports/test_import.py.)"""

from __future__ import annotations

import io
import json
import tarfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from somdesk.store.errors import StoreError
from somdesk.store.keys import KeyFile

from .conftest import PASSPHRASE
from .test_store import fingerprint

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))


def mutated_key_file(good: dict, draw_key: str, value: object) -> str:
    """The real key file with one field (top level or in "kdf") replaced."""
    data = json.loads(json.dumps(good))
    where = data["kdf"] if draw_key in data["kdf"] and draw_key not in data else data
    where[draw_key] = value
    return json.dumps(data)


@FUZZ
@given(text=st.text(max_size=300) | json_values.map(json.dumps))
def test_any_key_file_text_is_refused_as_damaged_or_read(text):
    try:
        KeyFile.from_json(text, "keys.json")
    except StoreError as e:
        assert "keys.json" in str(e)


def test_a_key_file_with_any_field_changed_is_refused_or_unwraps_nothing_it_should_not(
    opened, profile, keychain
):
    good = json.loads(profile.keys_path.read_text())
    opened.lock()
    keys = sorted(set(good) | set(good["kdf"]))

    @FUZZ
    @given(key=st.sampled_from(keys), value=json_values)
    def fuzz(key, value):
        text = mutated_key_file(good, key, value)
        try:
            KeyFile.from_json(text, "keys.json").unwrap(PASSPHRASE, keychain.load(good["profile_id"]))
        except StoreError as e:
            assert str(e)

    fuzz()


def backup_with(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return out.getvalue()


def test_a_hostile_backup_is_refused_and_the_profile_is_untouched(opened, profile, keychain, tmp_path):
    real = opened.backup(tmp_path / "real.sdbk")
    opened.lock()
    with tarfile.open(real) as tar:
        parts = {m.name: tar.extractfile(m).read() for m in tar.getmembers()}
    before = fingerprint(profile.folder)
    candidate = tmp_path / "candidate.sdbk"

    @FUZZ
    @given(
        member=st.sampled_from(sorted(parts)),
        replacement=st.binary(max_size=200) | json_values.map(lambda v: json.dumps(v).encode()),
        flip=st.integers(0, 10**9),
        how=st.sampled_from(["replace", "flip", "raw"]),
    )
    def fuzz(member, replacement, flip, how):
        if how == "raw":
            candidate.write_bytes(replacement)
        elif how == "flip":
            data = bytearray(real.read_bytes())
            data[flip % len(data)] ^= 0x5A
            candidate.write_bytes(bytes(data))
        else:
            candidate.write_bytes(backup_with({**parts, member: replacement}))
        try:
            profile.restore(candidate, PASSPHRASE, keychain)
        except StoreError as e:
            assert str(e)
            assert fingerprint(profile.folder) == before
            assert not list(profile.folder.glob(".restore-*"))
        else:  # a change that left the backup valid (a flipped bit in tar padding): restored whole
            with profile.unlock(PASSPHRASE, "check", keychain) as again, again.engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"
            before.update(fingerprint(profile.folder))  # the new state, for the next refusal

    fuzz()
