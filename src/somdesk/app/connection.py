"""Connecting a profile to the central store, for the window and the command line alike: sign in, then
take who the central store says the user is (name, role, officer, a supervisor's teams) as the profile's
identity, and take it again when the account's scope changes. An account that does no casework (an
administrator's) is refused here, whichever way the user connects."""

from __future__ import annotations

from somdesk.app.session import Identity, save_identity
from somdesk.domain.roles import Capability, Role
from somdesk.store.profile import OpenProfile
from somdesk.sync.client import CentralStore
from somdesk.sync.device import SERVER_URL, SERVER_USER, connect, local_sync, tokens_for

__all__ = ["NotForDesktop", "connect_account", "identity_outdated", "not_for_desktop", "reread_identity"]


class NotForDesktop(ValueError):
    """The account signed in is not one that works cases (an administrator's)."""


def connect_account(opened: OpenProfile, url: str, username: str, password: str) -> Identity:
    """Sign in from this profile and adopt the account's identity, or nothing: refused (NotForDesktop)
    for an account the desktop cannot work as, and for an identity the central store did not give (it
    went offline between sign-in and asking), with the profile linked as before. A profile linked without
    its account's identity would sync a supervisor's teams as whatever role it was created with."""
    local = local_sync(opened)
    linked_before = local.get(SERVER_URL), local.get(SERVER_USER)
    remote = connect(opened, url, username, password)
    try:
        return reread_identity(opened, remote)
    except BaseException:
        local.set(SERVER_URL, linked_before[0])  # not as this account; sign in again as before
        local.set(SERVER_USER, linked_before[1])
        tokens_for(opened).forget(opened.profile_id)
        raise
    finally:
        remote.close()


def reread_identity(opened: OpenProfile, remote: CentralStore) -> Identity:
    """Who the signed-in account is now, kept as the profile's identity: after connecting, and after a
    sync that found the account's scope changed (moved to other teams, another officer, another role).
    NotForDesktop, with the identity left as it was, for an account the desktop cannot work as."""
    me = remote.me()
    role = next((r for r in Role if r.value == me["role"]), None)
    if role is None or not role.casework:
        raise NotForDesktop(not_for_desktop(me["username"], str(me["role"])))
    teams = me.get("teams")
    identity = Identity(me["display_name"], role, me["officer_id"], None if teams is None else tuple(teams))
    save_identity(opened, identity)
    return identity


def identity_outdated(identity: Identity) -> bool:
    """A supervisor's identity that does not name its teams (connected by an earlier version): read it
    again at the next sync, or their figures would cover the whole force."""
    return identity.teams is None and identity.role.may(Capability.SEE_TEAM_LOAD)


def not_for_desktop(user: str, role: str) -> str:
    if role == Role.ADMIN.value:
        return (
            f"{user} is an administrator account: administrators are managed on the central store and "
            "cannot work cases on the desktop client. Sign in with a SOM, supervisor or panel chair account."
        )
    return f"{user} has the role {role!r}, which this version of somdesk does not know: update somdesk."
