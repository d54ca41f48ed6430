"""The failed-unlock counter cannot be reset by deleting or editing it: a missing, altered, negative or
folder-shaped counter counts as the longest wait, said in one line, and is repaired, so the right
passphrase opens the profile after that wait. Times come from an injected clock; nothing is timed."""

from __future__ import annotations

import json
import os
from collections.abc import Callable

import pytest

from somdesk.store.errors import UnlockThrottled, WrongPassphrase
from somdesk.store.keys import KeyFile
from somdesk.store.profile import Profile
from tests.store.conftest import PASSPHRASE

CEILING = 300.0


def guessed(profile: Profile, keychain, wall: Callable[[], float], times: int = 3) -> None:
    for _ in range(times):
        with pytest.raises(WrongPassphrase):
            profile.unlock("a wrong guess", "dc.test", keychain, wall=wall)


def tampered(profile: Profile, keychain, how: Callable[[], None]) -> None:
    """After three wrong guesses and `how`, the next try waits the longest, whatever it holds."""
    now = [1000.0]
    guessed(profile, keychain, lambda: now[0])
    now[0] += 10  # past the one second the guesses earned
    how()
    with pytest.raises(UnlockThrottled) as waited:
        profile.unlock(PASSPHRASE, "dc.test", keychain, wall=lambda: now[0])
    assert waited.value.seconds == CEILING and "\n" not in str(waited.value)
    now[0] += CEILING / 2
    with pytest.raises(UnlockThrottled):  # still waiting: the repair says so
        profile.unlock(PASSPHRASE, "dc.test", keychain, wall=lambda: now[0])
    now[0] += CEILING
    profile.unlock(PASSPHRASE, "dc.test", keychain, wall=lambda: now[0]).lock()


def test_deleting_the_counter_gives_the_longest_wait_not_none(opened, profile, keychain):
    opened.lock()
    tampered(profile, keychain, profile.failures_path.unlink)


@pytest.mark.parametrize(
    "text",
    [
        '{"failures": -100, "last": 0}',
        '{"failures": 0, "last": 0}',
        '{"failures": 0, "last": 0, "mac": "00"}',
        "not json",
        "",
    ],
)
def test_an_edited_counter_gives_the_longest_wait(opened, profile, keychain, text):
    opened.lock()
    tampered(profile, keychain, lambda: profile.failures_path.write_text(text))


def test_a_counter_copied_from_another_profile_does_not_pass(opened, profile, keychain, tmp_path):
    other = Profile(tmp_path / "profiles" / "other")
    other.create(PASSPHRASE, "dc.test", keychain).lock()
    opened.lock()
    tampered(profile, keychain, lambda: profile.failures_path.write_bytes(other.failures_path.read_bytes()))


def test_a_counter_that_is_a_folder_is_the_longest_wait_in_one_line_and_moved_aside(
    opened, profile, keychain
):
    opened.lock()

    def folder() -> None:
        profile.failures_path.unlink()
        profile.failures_path.mkdir()
        (profile.failures_path / "kept.txt").write_text("whatever was put here")

    tampered(profile, keychain, folder)
    aside = [p for p in profile.folder.iterdir() if p.name.startswith("unlock-failures.json.damaged-")]
    assert len(aside) == 1 and (aside[0] / "kept.txt").read_text() == "whatever was put here"
    assert profile.failures_path.is_file()


def test_a_passphrase_only_profile_is_held_to_its_counter_too(tmp_path):
    profile = Profile(tmp_path / "profiles" / "laptop")
    profile.create(PASSPHRASE, "dc.test", None, passphrase_only=True).lock()
    tampered(profile, None, profile.failures_path.unlink)


def test_removing_the_counter_s_mark_from_the_key_file_makes_every_passphrase_fail(opened, profile, keychain):
    opened.lock()
    data = json.loads(profile.keys_path.read_text())
    assert data.pop("unlock_counter") is True
    profile.keys_path.write_text(json.dumps(data))
    profile.failures_path.unlink()
    with pytest.raises(WrongPassphrase):  # the mark is bound into the key's tag
        profile.unlock(PASSPHRASE, "dc.test", keychain)


def test_changing_the_passphrase_counts_wrong_guesses_like_an_unlock(opened, profile, keychain):
    opened.lock()
    for _ in range(3):
        with pytest.raises(WrongPassphrase):
            profile.change_passphrase("a wrong guess", "a new passphrase", keychain, wall=lambda: 1000.0)
    with pytest.raises(UnlockThrottled):
        profile.change_passphrase(PASSPHRASE, "a new passphrase", keychain, wall=lambda: 1000.0)
    profile.change_passphrase(PASSPHRASE, "a new passphrase", keychain, wall=lambda: 1002.0)
    profile.unlock("a new passphrase", "dc.test", keychain).lock()


def test_a_profile_made_before_the_counter_s_mark_is_marked_at_its_next_unlock(opened, profile, keychain):
    opened.lock()
    keys = KeyFile.load(profile.keys_path)
    secret = keychain.load(keys.profile_id)
    opened_again = profile.unlock(PASSPHRASE, "dc.test", keychain)
    opened_again.lock()
    key = KeyFile.load(profile.keys_path).unwrap(PASSPHRASE, secret)
    KeyFile.wrap(keys.profile_id, keys.mode, key, PASSPHRASE, secret, counter=False).save(profile.keys_path)
    profile.failures_path.unlink()  # as such a profile was: no counter yet
    profile.unlock(PASSPHRASE, "dc.test", keychain).lock()  # no wait: it never had one
    assert json.loads(profile.keys_path.read_text())["unlock_counter"] is True
    assert profile.failures_path.is_file() and os.stat(profile.failures_path).st_mode & 0o077 == 0
    profile.failures_path.unlink()
    with pytest.raises(UnlockThrottled):  # from now on its absence is suspicious
        profile.unlock(PASSPHRASE, "dc.test", keychain)
