"""Where a force policy comes from, and the one choice of which applies to an open profile: the force's
policy once sync has brought it, else the profile's file (`--policy`), else the built-in one.

A profile linked to a central store runs on the force's policy; a local file may only make its security
rules stricter (a shorter idle lock, justifications required, no passphrase-only profiles), and one that
would loosen a rule of the session (the idle lock, justifications) is refused when the profile opens.
Until the first policy arrives, a linked profile holds the local file to the built-in policy's security
rules instead."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from somdesk.domain.policy import Policy
from somdesk.domain.policy_text import PolicyFileError, parse_policy

if TYPE_CHECKING:  # checking a policy file needs no database
    from somdesk.store.profile import OpenProfile

__all__ = [
    "PolicyRefused",
    "default_policy",
    "default_policy_text",
    "effective_policy",
    "fallback_policy",
    "load_policy",
    "opening_policy",
]


class PolicyRefused(ValueError):
    """A local policy file that would loosen the force policy a linked profile runs on."""


def default_policy_text() -> str:
    return resources.files("somdesk.resources").joinpath("policy.toml").read_text(encoding="utf-8")


def default_policy() -> Policy:
    return _built_in()


@cache
def _built_in() -> Policy:  # frozen: one parse serves every caller
    return parse_policy(default_policy_text(), "default policy")


def load_policy(path: Path) -> Policy:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PolicyFileError(str(path), None, "", "no such file") from None
    except UnicodeDecodeError as e:
        raise PolicyFileError(str(path), None, "", f"not UTF-8 text ({e.reason} at byte {e.start})") from None
    except OSError as e:
        raise PolicyFileError(str(path), None, "", e.strerror or str(e)) from None
    return parse_policy(text, str(path))


def fallback_policy(path: Path | None = None) -> Policy:
    """The policy a profile runs with until sync brings the force's: the file given, else the built-in one."""
    return load_policy(path) if path else default_policy()


def effective_policy(opened: OpenProfile, fallback: Policy) -> Policy:
    """The policy an open profile works under, chosen when it opens (and again when sync brings a new
    one): the force's, as the central store last sent it, with only the security rules of a local file
    (`fallback`) that are stricter; `fallback` for a profile never linked to a central store."""
    force = _force_rules(opened)
    if force is None:
        return fallback
    if fallback == default_policy():
        return force
    own, mine = force.security, fallback.security
    return replace(
        force,
        security=replace(
            own,
            idle_lock_minutes=min(own.idle_lock_minutes, mine.idle_lock_minutes),
            passphrase_only_allowed=own.passphrase_only_allowed and mine.passphrase_only_allowed,
            justification_required=own.justification_required or mine.justification_required,
        ),
    )


def opening_policy(opened: OpenProfile, fallback: Policy) -> Policy:
    """effective_policy, refusing (PolicyRefused) a local file that would loosen the force's rules."""
    force = _force_rules(opened)
    if force is not None and fallback != default_policy():
        looser = _loosened(force, fallback)
        if looser:
            raise PolicyRefused(
                f"the policy file given (--policy) would loosen the force policy this profile is linked "
                f"to ({'; '.join(looser)}); a local file may only make it stricter: nothing was opened"
            )
    return effective_policy(opened, fallback)


def _force_rules(opened: OpenProfile) -> Policy | None:
    """What a local file is held to: the force's policy as sync brought it; for a profile linked to a
    central store that has not brought one yet, the built-in policy; None for a profile never linked."""
    from somdesk.sync.device import SERVER_URL, local_sync, synced_policy  # loads HTTP: only once open

    synced = synced_policy(opened)
    if synced is not None:
        return synced
    return default_policy() if not opened.demo and local_sync(opened).get(SERVER_URL) else None


def _loosened(force: Policy, local: Policy) -> list[str]:
    """The rules of an open session the local file would relax. (Allowing passphrase-only profiles is
    not one: it decides how a profile is made, and the central store checks the key mode at sign-in.)"""
    own, mine = force.security, local.security
    return [
        words
        for looser, words in (
            (
                mine.idle_lock_minutes > own.idle_lock_minutes,
                f"idle lock after {own.idle_lock_minutes} minutes",
            ),
            (own.justification_required and not mine.justification_required, "justifications required"),
            (local.visits.lone_exceptions and not force.visits.lone_exceptions, "no lone visit exceptions"),
        )
        if looser
    ]
