"""The rules a photograph's or document's record keeps, whatever path it comes by (window, command line,
central store push)."""

from __future__ import annotations

import re
from datetime import date

from somdesk.domain.attachments import AttachmentCategory, MediaType
from somdesk.domain.invariants import Problem
from somdesk.domain.text import tr

MAX_CAPTION = 500


def attachment_problems(
    category: AttachmentCategory,
    media_type: MediaType,
    taken_on: date,
    taken_by: str,
    caption: str,
    today: date,
) -> list[Problem]:
    """The rules an attachment's record keeps, whatever path it comes by."""
    problems: list[Problem] = []
    if taken_on > today:
        problems.append(Problem("taken_on", tr("Date taken"), tr("cannot be in the future")))
    if not taken_by.strip():
        problems.append(Problem("taken_by", tr("Taken by"), tr("say who took or received it")))
    if len(caption) > MAX_CAPTION:
        problems.append(
            Problem("caption", tr("Caption"), tr("is longer than {0} characters").format(MAX_CAPTION))
        )
    if category.is_photo and media_type is MediaType.PDF:
        problems.append(Problem("category", tr("Category"), tr("a PDF is a document, not a photograph")))
    return problems


_SHA256 = re.compile(r"[0-9a-f]{64}")


def hash_problems(sha256: str, thumbnail_sha256: str) -> list[Problem]:
    """The content's and the thumbnail's hashes name their bytes everywhere (upload, download, cache):
    each must be one."""
    words = tr("must be 64 lower-case hexadecimal characters (SHA-256)")
    problems = []
    if not _SHA256.fullmatch(sha256):
        problems.append(Problem("sha256", tr("Content hash"), words))
    if not _SHA256.fullmatch(thumbnail_sha256):
        problems.append(Problem("thumbnail_sha256", tr("Thumbnail hash"), words))
    return problems
