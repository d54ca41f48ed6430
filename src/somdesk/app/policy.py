"""Where a force policy comes from: the built-in file shipped with somdesk, or a file a force supplies."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from somdesk.domain.policy import Policy
from somdesk.domain.policy_text import PolicyFileError, parse_policy

__all__ = ["default_policy", "default_policy_text", "load_policy"]


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
