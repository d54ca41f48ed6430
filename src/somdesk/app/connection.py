"""Connecting a profile to the central store, for the window and the command line alike: sign in, then
take who the central store says the user is (name, role, officer) as the profile's identity. An account
that does no casework (an administrator's) is refused here, whichever way the user connects."""

from __future__ import annotations

from somdesk.app.session import Identity, save_identity
from somdesk.domain.roles import Role
from somdesk.store.profile import OpenProfile
from somdesk.sync.device import SERVER_URL, SERVER_USER, connect, local_sync, tokens_for

__all__ = ["NotForDesktop", "connect_account", "not_for_desktop"]


class NotForDesktop(ValueError):
    """The account signed in is not one that works cases (an administrator's)."""


def connect_account(opened: OpenProfile, url: str, username: str, password: str) -> Identity:
    """Sign in from this profile and adopt the account's identity; refused (NotForDesktop, the profile
    linked as before) for an account the desktop cannot work as."""
    local = local_sync(opened)
    linked_before = local.get(SERVER_URL), local.get(SERVER_USER)
    remote = connect(opened, url, username, password)
    try:
        me = remote.me()
    finally:
        remote.close()
    role = next((r for r in Role if r.value == me["role"]), None)
    if role is None or not role.casework:
        local.set(SERVER_URL, linked_before[0])  # not as this account; sign in again as before
        local.set(SERVER_USER, linked_before[1])
        tokens_for(opened).forget(opened.profile_id)
        raise NotForDesktop(not_for_desktop(username, str(me["role"])))
    identity = Identity(me["display_name"], role, me["officer_id"])
    save_identity(opened, identity)
    return identity


def not_for_desktop(user: str, role: str) -> str:
    if role == Role.ADMIN.value:
        return (
            f"{user} is an administrator account: administrators are managed on the central store and "
            "cannot work cases on the desktop client. Sign in with a SOM, supervisor or panel chair account."
        )
    return f"{user} has the role {role!r}, which this version of somdesk does not know: update somdesk."
