"""How a device's profile is protected, checked against the force policy when it signs in.

A device reports its profile's key mode at sign-in (contract Login.key_mode): "keychain" (the key needs
this computer's keychain as well as the passphrase) or "passphrase" (the passphrase alone). Where the
force policy set on the central store does not allow passphrase-only profiles
(`security.passphrase_only_allowed = false`), such a profile, or a device that does not say, is refused.
With no force policy set, nothing is checked here (each device applies its built-in policy).
"""

from __future__ import annotations

from somdesk.domain.policy_text import PolicyFileError, parse_policy

__all__ = ["key_mode_problem"]


def key_mode_problem(policy_text: str | None, key_mode: str | None) -> str:
    """Why a profile protected by `key_mode` may not sign in under the force policy ("" if it may)."""
    if policy_text is None:
        return ""
    try:
        allowed = parse_policy(policy_text, "the force policy").security.passphrase_only_allowed
    except PolicyFileError:
        return ""  # (`policy set` refuses a policy that does not check)
    if allowed or key_mode == "keychain":
        return ""
    if key_mode is None:
        return (
            "this somdesk does not say how its profile is protected, which your force's policy checks: "
            "install the version your force provides"
        )
    return (
        "this profile is protected by a passphrase only, which your force's policy does not allow: "
        "create a new profile that uses this computer's keychain (somdesk profile create, without "
        "--passphrase-only) and connect from it; ask your administrator if this computer has no keychain"
    )
