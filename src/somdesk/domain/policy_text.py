"""A force policy's text: TOML in, a validated `Policy` out, or an error naming file and line. No I/O:
reading the file is somdesk.app.policy's job."""

from __future__ import annotations

import re
import tomllib

from somdesk.domain.policy import Policy, PolicyError, policy_from_mapping

__all__ = ["PolicyFileError", "parse_policy"]


class PolicyFileError(Exception):
    """A policy file that cannot be used. str() is one line: file:line: key: what is wrong."""

    def __init__(self, source: str, line: int | None, key: str, message: str) -> None:
        where = f"{source}:{line}" if line else source
        super().__init__(f"{where}: {key}: {message}" if key else f"{where}: {message}")
        self.source = source
        self.line = line
        self.key = key
        self.message = message


def parse_policy(text: str, source: str) -> Policy:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        # tomllib reports "... (at line N, column M)": keep the reason, move the line to the front.
        match = re.search(r"\(at line (\d+), column \d+\)", str(e))
        reason = str(e)[: match.start()].strip() if match else str(e)
        raise PolicyFileError(
            source, int(match.group(1)) if match else None, "", f"not valid TOML: {reason}"
        ) from None
    try:
        return policy_from_mapping(data)
    except PolicyError as e:
        raise PolicyFileError(source, _line_of(text, e.key), e.key, e.message) from None


def _line_of(text: str, dotted_key: str) -> int | None:
    """The line that sets `dotted_key` (or the nearest table header above it), best effort.

    tomllib gives no positions for values, so this finds the innermost table header on the path
    and the first line after it that assigns the next key.
    """
    parts = [re.sub(r"\[\d+\]$", "", p) for p in dotted_key.split(".")]
    lines = text.splitlines()
    start, depth = 0, 0
    for d in range(len(parts), 0, -1):
        header = re.compile(r"^\s*\[\[?\s*" + re.escape(".".join(parts[:d])) + r"\s*\]\]?\s*(#.*)?$")
        found = next((i for i, line in enumerate(lines) if header.match(line)), None)
        if found is not None:
            start, depth = found, d
            break
    if depth == len(parts):
        return start + 1
    for key in parts[depth:]:
        assign = re.compile(r"^\s*" + re.escape(key) + r"\s*=|[{,]\s*" + re.escape(key) + r"\s*=")
        for i in range(start, len(lines)):
            if i > start and depth and re.match(r"^\s*\[", lines[i]):
                break  # the next table: the key is not written in this one
            if assign.search(lines[i]):
                start = i
                break
        else:
            return start + 1 if depth else None
    return start + 1
