"""Binding an open profile to the central store: connect (sign in), reconnect, wipe on revocation."""

from __future__ import annotations

from somdesk.contract.sync import MAX_HEADS, AuditHead
from somdesk.domain.policy import Policy
from somdesk.store.keychain import DeviceKeychain
from somdesk.store.keys import KEYCHAIN, KeyFile
from somdesk.store.profile import OpenProfile, Profile, remove_profile
from somdesk.store.replica import SERVER_URL, SERVER_USER, LocalSync
from somdesk.sync.client import CentralStore, KeyringTokens, TokenStore

__all__ = [
    "SERVER_URL",
    "SERVER_USER",
    "ProfileTokens",
    "connect",
    "erase",
    "linked_store",
    "local_sync",
    "synced_policy",
    "tokens_for",
    "wipe",
]

REFRESH_TOKEN = "sync_refresh_token"


class ProfileTokens:
    """The refresh token inside the encrypted profile: for passphrase-only profiles (allowed by the
    force policy where there is no keychain), where the keychain is not there to hold it."""

    def __init__(self, local: LocalSync) -> None:
        self._local = local

    def load(self, key: str) -> str | None:
        return self._local.get(REFRESH_TOKEN) or None

    def save(self, key: str, token: str) -> None:
        self._local.set(REFRESH_TOKEN, token)

    def forget(self, key: str) -> None:
        self._local.set(REFRESH_TOKEN, "")


def local_sync(opened: OpenProfile) -> LocalSync:
    return LocalSync(opened)


def tokens_for(opened: OpenProfile) -> TokenStore:
    """The OS keychain for keychain profiles (DESIGN.md §5); the encrypted profile otherwise."""
    if KeyFile.load(opened.profile.keys_path).mode == KEYCHAIN:
        return KeyringTokens()
    return ProfileTokens(local_sync(opened))


def connect(opened: OpenProfile, url: str, username: str, password: str) -> CentralStore:
    """Sign in from this device and remember where and as whom. A demo profile never syncs: its data
    is its own synthetic force."""
    if opened.demo:
        raise ValueError("the demo profile cannot connect to a central store: create a profile for that")
    remote = CentralStore(url, opened.device_id, tokens_for(opened), opened.profile_id)
    # A second copy of this profile is refused here, before its sign-in ends the first copy's.
    unsent: list[AuditHead] = [
        {"seq": e["seq"], "hash": e["hash"]} for e in local_sync(opened).outgoing(0).audit[:MAX_HEADS]
    ]
    try:
        remote.login(username, password, key_mode=KeyFile.load(opened.profile.keys_path).mode, unsent=unsent)
    except BaseException:
        remote.close()
        raise
    local = local_sync(opened)
    local.set(SERVER_URL, remote.url)
    local.set(SERVER_USER, username)
    return remote


def linked_store(opened: OpenProfile) -> CentralStore | None:
    """The central store this profile syncs with, or None if it was never connected."""
    if opened.demo:
        return None
    url = local_sync(opened).get(SERVER_URL)
    return CentralStore(url, opened.device_id, tokens_for(opened), opened.profile_id) if url else None


def wipe(opened: OpenProfile, keychain: DeviceKeychain | None) -> None:
    """The central store revoked this device: its cache goes, key, sign-in and all."""
    tokens, profile = tokens_for(opened), opened.profile
    opened.lock()
    erase(profile, tokens, opened.profile_id, keychain)


def erase(profile: Profile, tokens: TokenStore, profile_id: str, keychain: DeviceKeychain | None) -> None:
    """Remove a locked profile and its sign-in (a token kept in the profile goes with the folder)."""
    if isinstance(tokens, KeyringTokens):
        tokens.forget(profile_id)
    remove_profile(profile, keychain)


def synced_policy(opened: OpenProfile) -> Policy | None:
    """The force policy the central store last sent this device, if any (checked when it arrived)."""
    from somdesk.domain.policy_text import PolicyFileError, parse_policy
    from somdesk.sync.engine import POLICY_TEXT

    if opened.demo:
        return None
    text = local_sync(opened).get(POLICY_TEXT)
    if not text:
        return None
    try:
        return parse_policy(text, "the force policy from the central store")
    except PolicyFileError:
        return None  # cannot happen for a policy checked on arrival; the built-in one then applies
