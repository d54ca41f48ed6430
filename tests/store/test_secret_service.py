"""The device secret in the real Secret Service (GNOME Keyring over D-Bus), not a stand-in.

Run through scripts/with-secret-service (scripts/run-tests does): a private D-Bus session, an
unlocked throwaway keyring. Deselected from the plain pytest run by the `secret_service` marker.
"""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import SecretService

from somdesk.store.errors import DeviceSecretMissing
from somdesk.store.keychain import SERVICE, DeviceKeychain
from somdesk.store.keys import KeyFile
from somdesk.store.profile import Profile, remove_profile

pytestmark = pytest.mark.secret_service
PASSPHRASE = "secret service passphrase"


@pytest.fixture
def real_keychain() -> DeviceKeychain:
    chain = DeviceKeychain()
    if not isinstance(chain.backend, SecretService.Keyring):
        pytest.fail(
            f"expected the real Secret Service, got {chain.description}: run through "
            "scripts/with-secret-service"
        )
    chain.check_secure()
    return chain


def test_a_keychain_profile_keeps_its_device_secret_in_the_secret_service(tmp_path, real_keychain):
    profile = Profile(tmp_path / "ss")
    profile.create(PASSPHRASE, "dc.test", real_keychain).lock()
    profile_id = KeyFile.load(profile.keys_path).profile_id
    stored = keyring.get_password(SERVICE, f"device-secret/{profile_id}")
    assert stored is not None and len(stored) >= 40  # base64 of 32 random bytes
    assert stored not in profile.keys_path.read_text()
    profile.unlock(PASSPHRASE, "dc.test", DeviceKeychain()).lock()


def test_without_its_device_secret_a_profile_will_not_open(tmp_path, real_keychain):
    profile = Profile(tmp_path / "ss2")
    profile.create(PASSPHRASE, "dc.test", real_keychain).lock()
    profile_id = KeyFile.load(profile.keys_path).profile_id
    real_keychain.delete(profile_id)
    assert keyring.get_password(SERVICE, f"device-secret/{profile_id}") is None
    with pytest.raises(DeviceSecretMissing):
        profile.unlock(PASSPHRASE, "dc.test", real_keychain)


def test_removing_a_profile_removes_its_secret(tmp_path, real_keychain):
    profile = Profile(tmp_path / "ss3")
    profile.create(PASSPHRASE, "dc.test", real_keychain).lock()
    profile_id = KeyFile.load(profile.keys_path).profile_id
    remove_profile(profile, real_keychain)
    assert not profile.folder.exists()
    assert keyring.get_password(SERVICE, f"device-secret/{profile_id}") is None


def test_sync_refresh_tokens_live_in_the_real_keychain():
    from somdesk.sync.client import KeyringTokens

    tokens = KeyringTokens()
    key = "test-profile-" + __import__("uuid").uuid4().hex
    assert tokens.load(key) is None
    tokens.save(key, "refresh-token-1")
    assert KeyringTokens().load(key) == "refresh-token-1"  # another instance, the same keychain
    tokens.forget(key)
    assert tokens.load(key) is None
    tokens.forget(key)  # forgetting twice is not an error
