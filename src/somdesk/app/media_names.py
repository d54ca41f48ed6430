"""A file's own name made safe to keep, show and later write: the base name only, without anything
that hides or reorders what a person sees (control characters, NUL, lone surrogates, bidi controls)."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["MAX_NAME_BYTES", "UNNAMED", "safe_name"]

MAX_NAME_BYTES = 255  # a file name's limit on every common file system (so also <= 255 characters)
UNNAMED = "unnamed file"

# Cc: control characters (NUL, newline, escape); Cf: format characters (bidi overrides such as U+202E,
# zero-width joiners); Cs: lone surrogates, which no file system or UTF-8 encoder accepts; Zl, Zp:
# line and paragraph separators.
_DROPPED = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_WINDOWS_RESERVED = re.compile(r'[<>:"|?*]')  # not allowed in a Windows file name


def safe_name(name: str) -> str:
    """The base name of `name` without path parts, hidden characters or Windows' reserved ones,
    at most 255 bytes in UTF-8 (the extension kept when it has to be shortened)."""
    base = re.split(r"[\\/]", name)[-1]
    kept = "".join(ch for ch in base if unicodedata.category(ch) not in _DROPPED)
    kept = unicodedata.normalize("NFC", kept)
    kept = _WINDOWS_RESERVED.sub("_", " ".join(kept.split()))
    kept = kept.strip(" .")  # a leading dot hides a file; "." and ".." are no names at all
    if not kept:
        return UNNAMED
    return _shortened(kept)


def _shortened(name: str) -> str:
    if len(name.encode()) <= MAX_NAME_BYTES:
        return name
    stem, dot, extension = name.rpartition(".")
    if not dot or not stem or len(extension.encode()) > 16:
        stem, extension = name, ""
    suffix = f".{extension}" if extension else ""
    room = MAX_NAME_BYTES - len(suffix.encode())
    while len(stem.encode()) > room:
        stem = stem[:-1]
    return stem.rstrip(" .") + suffix
