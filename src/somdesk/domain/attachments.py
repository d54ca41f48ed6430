"""Photographs and documents held with a person (SOA 2003 s.87(4): "any part of him" may be photographed
at each notification): what each is, where it came from, the limits on what may be added, and which
photograph is the current face. No I/O: the bytes are checked and made safe by app/media.py, kept
encrypted by store/attachments.py and moved by sync.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from somdesk.domain.text import QT_TR_NOOP, tr


class AttachmentCategory(StrEnum):
    """What a photograph or document shows. The first four are photographs; the rest documents."""

    FACE = "face"
    MARKS = "marks"  # scars, marks and tattoos
    VEHICLE = "vehicle"
    HOME = "home"
    ORDER = "order"
    LICENCE = "licence"
    LETTER = "letter"
    OTHER = "other"

    @property
    def label(self) -> str:
        """In English (marked for translation: shown through tr)."""
        return _CATEGORY_LABELS[self]

    @property
    def is_photo(self) -> bool:
        return self in PHOTO_CATEGORIES


_CATEGORY_LABELS = {
    AttachmentCategory.FACE: QT_TR_NOOP("Face"),
    AttachmentCategory.MARKS: QT_TR_NOOP("Scars, marks and tattoos"),
    AttachmentCategory.VEHICLE: QT_TR_NOOP("Vehicle"),
    AttachmentCategory.HOME: QT_TR_NOOP("Home"),
    AttachmentCategory.ORDER: QT_TR_NOOP("Order"),
    AttachmentCategory.LICENCE: QT_TR_NOOP("Licence"),
    AttachmentCategory.LETTER: QT_TR_NOOP("Letter"),
    AttachmentCategory.OTHER: QT_TR_NOOP("Other document"),
}
PHOTO_CATEGORIES = frozenset(
    {AttachmentCategory.FACE, AttachmentCategory.MARKS, AttachmentCategory.VEHICLE, AttachmentCategory.HOME}
)


class MediaType(StrEnum):
    """What is stored. A phone's HEIC is converted to JPEG on the way in; nothing else is kept."""

    JPEG = "image/jpeg"
    PNG = "image/png"
    PDF = "application/pdf"

    @property
    def extension(self) -> str:
        return {MediaType.JPEG: ".jpg", MediaType.PNG: ".png", MediaType.PDF: ".pdf"}[self]


class SourceKind(StrEnum):
    """The record an attachment came from, if any: taken at a visit, or handed in at a notification."""

    NONE = ""
    VISIT = "visits"
    NOTIFICATION = "notified_details"


@dataclass(frozen=True, slots=True)
class AttachmentLimits:
    """What may be added, from the force policy's [attachments] [P]."""

    max_bytes: int = 25 * 1024 * 1024  # a file as added (a phone photo is 2-6 MB; a scanned order 1-10 MB)
    max_pixels: int = 50_000_000  # decoded image size: more is refused as a decompression bomb
    thumbnail_px: int = 256  # the longer side of a thumbnail
    full_cache_bytes: int = 200 * 1024 * 1024  # full-size copies received from the central store, kept
    # An upload or download in pieces of this size: 1 MiB (a 256 KiB piece made 100 photographs of 3 MB
    # spend most of their time in per-request costs; bench/bench_attachments.py, docs/PERFORMANCE.md).
    chunk_bytes: int = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Attachment:
    """A photograph or document's record (the bytes are kept apart, by sha256)."""

    id: str
    nominal_id: str
    category: AttachmentCategory
    taken_on: date
    taken_by: str
    caption: str
    media_type: MediaType
    size: int
    sha256: str
    width: int | None = None  # images only
    height: int | None = None
    original_name: str = ""
    source: SourceKind = SourceKind.NONE
    source_id: str | None = None
    thumbnail_sha256: str = ""  # of the thumbnail made with the record

    @property
    def is_photo(self) -> bool:
        return self.category.is_photo

    @property
    def describe(self) -> str:
        """In English, always: the audit's detail of a removal quotes it (app/attachment_work.py)."""
        what = self.category.label
        caption = f": {self.caption}" if self.caption else ""
        return f"{what}{caption}, {self.taken_on:%d %b %Y}"

    @property
    def shown(self) -> str:
        """`describe` in the current language, for the window (a tooltip, a title): never stored."""
        what = tr(self.category.label)
        if self.caption:
            return tr("{0}: {1}, {2:%d %b %Y}").format(what, self.caption, self.taken_on)
        return tr("{0}, {1:%d %b %Y}").format(what, self.taken_on)


def current_face(attachments: list[Attachment]) -> Attachment | None:
    """The face photograph to show: the latest taken (the latest added on the same day)."""
    faces = [
        a for a in attachments if a.category is AttachmentCategory.FACE and a.media_type is not MediaType.PDF
    ]
    return max(faces, key=lambda a: (a.taken_on, a.id), default=None)
