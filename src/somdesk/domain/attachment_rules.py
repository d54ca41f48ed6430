"""The rules a photograph's or document's record keeps, whatever path it comes by (window, command line,
central store push)."""

from __future__ import annotations

from datetime import date

from somdesk.domain.attachments import AttachmentCategory, MediaType
from somdesk.domain.invariants import Problem

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
        problems.append(Problem("taken_on", "Date taken", "cannot be in the future"))
    if not taken_by.strip():
        problems.append(Problem("taken_by", "Taken by", "say who took or received it"))
    if len(caption) > MAX_CAPTION:
        problems.append(Problem("caption", "Caption", f"is longer than {MAX_CAPTION} characters"))
    if category.is_photo and media_type is MediaType.PDF:
        problems.append(Problem("category", "Category", "a PDF is a document, not a photograph"))
    return problems
