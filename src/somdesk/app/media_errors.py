"""What is wrong with an added file, in words, before the file's name is put in front of them."""

from __future__ import annotations

__all__ = ["Unacceptable", "size_words"]


class Unacceptable(Exception):
    """Raised by the image and PDF checks with the reason only ("holds JavaScript, ..."); `prepare`
    turns it into MediaRefused naming the file."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def size_words(size: int) -> str:
    """A size as a person reads it: "31.2 MB", "25 MB", "900 KB", "12 bytes" (MB of 1024 x 1024 bytes,
    as the policy's max_file_mb counts them)."""
    for unit, name in ((1024 * 1024, "MB"), (1024, "KB")):
        if size >= unit:
            whole, rest = divmod(size, unit)
            return f"{whole} {name}" if rest == 0 else f"{size / unit:.1f} {name}"
    return "1 byte" if size == 1 else f"{size} bytes"
