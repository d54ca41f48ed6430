"""A photograph or document made safe on the way in, in memory (bytes in, bytes out; nothing written).

The type comes from the bytes, never the name. The size is checked before anything is decoded; a
picture's pixel count is read from its header and a decompression bomb refused before decoding; then the
whole picture is decoded (a damaged one is refused), turned the way the camera meant and saved again
from its pixels, so its location, device and other metadata are gone; a HEIC from a phone becomes a
JPEG. A PDF is refused when it needs a password or holds anything that acts, and is saved again without
its metadata. Every refusal is a MediaRefused whose one line names the file and what is wrong.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass

from somdesk.app.media_errors import Unacceptable, size_words
from somdesk.app.media_images import clean_image, image_thumbnail
from somdesk.app.media_names import safe_name
from somdesk.app.media_pdfs import clean_pdf, pdf_thumbnail
from somdesk.domain.attachments import AttachmentLimits, MediaType

__all__ = ["ACCEPTED", "MediaRefused", "Prepared", "prepare", "safe_name", "sniff", "thumbnail_for"]

log = logging.getLogger("somdesk.media")

ACCEPTED = "JPEG, PNG, HEIC or PDF"

# HEIF brands a phone's photograph declares (ISO/IEC 23008-12): HEVC-coded images and sequences.
_HEIC_BRANDS = frozenset({b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"})

# Other kinds of file, recognised only to say what a refused file is.
_OTHER_KINDS = (
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"MZ", "a Windows program"),
    (b"\x7fELF", "a program"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"{\\rtf", "an RTF document"),
)


class MediaRefused(ValueError):
    """A file that is not added; str() is one line naming the file and what is wrong or the limit."""


@dataclass(frozen=True, slots=True)
class Prepared:
    """What is kept of an added file, and its thumbnail."""

    media_type: MediaType
    content: bytes
    thumbnail: bytes  # a JPEG, its longer side at most limits.thumbnail_px
    width: int | None  # images, after orientation; None for a PDF
    height: int | None
    sha256: str  # of content
    original_name: str  # safe_name of the name it was added with


def sniff(data: bytes) -> str | None:
    """ "jpeg", "png", "heic" or "pdf" from the file's first bytes, or None for anything else."""
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data[4:8] == b"ftyp" and data[8:12] in _HEIC_BRANDS:
        return "heic"
    if data.startswith(b"%PDF-"):
        return "pdf"
    return None


def _what_it_is(data: bytes) -> str:
    for magic, kind in _OTHER_KINDS:
        if data.startswith(magic):
            return f"is {kind}, not a {ACCEPTED} file"
    if data[4:8] == b"ftyp":
        return f"is a video or an image of a kind not accepted, not a {ACCEPTED} file"
    return f"is not a {ACCEPTED} file (the types accepted)"


def _refused(name: str, reason: str) -> MediaRefused:
    return MediaRefused(f"{name}: {reason}")


def prepare(name: str, data: bytes, limits: AttachmentLimits) -> Prepared:
    """The file `name` holding `data` checked and made safe to keep, or MediaRefused saying why not."""
    shown = safe_name(name)
    if not data:
        raise _refused(shown, "the file is empty")
    if len(data) > limits.max_bytes:
        raise _refused(
            shown, f"{size_words(len(data))} is over the {size_words(limits.max_bytes)} limit for a file"
        )
    kind = sniff(data)
    if kind is None:
        raise _refused(shown, _what_it_is(data))
    try:
        if kind == "pdf":
            content = clean_pdf(data)
            media_type, width, height = MediaType.PDF, None, None
            thumbnail = pdf_thumbnail(content, limits.thumbnail_px)
        else:
            image = clean_image(data, kind, limits.max_pixels, limits.thumbnail_px)
            media_type = MediaType.PNG if image.kept_as == "png" else MediaType.JPEG
            content, thumbnail, width, height = image.content, image.thumbnail, image.width, image.height
    except Unacceptable as problem:
        raise _refused(shown, problem.reason) from None
    except MemoryError:
        raise _refused(shown, "is too large to open in this computer's memory") from None
    except Exception as error:  # any decoder's failure on a hostile or damaged file: words, not a traceback
        # The exception's type only: a file's name, like its text, may name a person (docs/SECURITY.md).
        log.info("an added %s could not be read: %s", kind, type(error).__name__)
        raise _refused(shown, f"is damaged and cannot be read as a {kind.upper()} file") from None
    return Prepared(
        media_type=media_type,
        content=content,
        thumbnail=thumbnail,
        width=width,
        height=height,
        sha256=hashlib.sha256(content).hexdigest(),
        original_name=shown,
    )


_KINDS = {MediaType.JPEG: "jpeg", MediaType.PNG: "png", MediaType.PDF: "pdf"}


def check_kept(name: str, content: bytes, media_type: MediaType) -> None:
    """Before a kept file leaves somdesk (exported, opened in another program): it is what its record
    says, and a PDF still holds nothing active. A file received from the central store was checked only
    by the device that added it; this refuses one another device made hostile (MediaRefused)."""
    shown = safe_name(name) or "the file"
    if sniff(content) != _KINDS[media_type]:
        raise _refused(shown, f"is not the {media_type.extension[1:].upper()} file its record says it is")
    if media_type is MediaType.PDF:
        try:
            clean_pdf(content)
        except Unacceptable as problem:
            raise _refused(shown, problem.reason) from None
        except Exception:  # damaged in a way pikepdf cannot read: never handed to another program
            raise _refused(shown, "is damaged and cannot be read as a PDF file") from None


def thumbnail_for(content: bytes, media_type: MediaType, limits: AttachmentLimits) -> bytes:
    """The thumbnail of content already kept (made by `prepare`, here or on another device): a JPEG no
    more than limits.thumbnail_px on its longer side. MediaRefused if it cannot be read."""
    kind = {MediaType.JPEG: "jpeg", MediaType.PNG: "png", MediaType.PDF: "pdf"}[media_type]
    if sniff(content) != kind:
        raise MediaRefused(f"the stored {media_type.name} is not a {media_type.name} file")
    try:
        if kind == "pdf":
            return pdf_thumbnail(content, limits.thumbnail_px)
        return image_thumbnail(content, kind, limits.max_pixels, limits.thumbnail_px)
    except Unacceptable as problem:
        raise MediaRefused(f"the stored {media_type.name} {problem.reason}") from None
    except MemoryError:
        raise MediaRefused(
            f"the stored {media_type.name} is too large to open in this computer's memory"
        ) from None
    except Exception as error:
        log.info("a stored %s could not be read: %s", kind, type(error).__name__)
        raise MediaRefused(f"the stored {media_type.name} is damaged and cannot be read") from None
