"""Where a force policy comes from, and the one choice of which applies to an open profile: the force's
policy once sync has brought it, else the profile's file (`--policy`), else the built-in one."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from somdesk.domain.policy import Policy
from somdesk.domain.policy_text import PolicyFileError, parse_policy

if TYPE_CHECKING:  # checking a policy file needs no database
    from somdesk.store.profile import OpenProfile

__all__ = ["default_policy", "default_policy_text", "effective_policy", "fallback_policy", "load_policy"]


def default_policy_text() -> str:
    return resources.files("somdesk.resources").joinpath("policy.toml").read_text(encoding="utf-8")


def default_policy() -> Policy:
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
    """The policy an open profile works under, chosen once when it opens (and again when sync brings a
    new one): the force's, as the central store last sent it, else `fallback`."""
    from somdesk.sync.device import synced_policy  # sync loads the HTTP client: only when a profile opens

    return synced_policy(opened) or fallback
