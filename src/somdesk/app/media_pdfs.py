"""A PDF document made safe: opened with pikepdf, refused when it needs a password or holds anything
that acts (JavaScript, launching programs, sending or importing data, rich media, embedded files, XFA
forms), its document information and XMP metadata removed, saved again in one revision (earlier
revisions of an edited PDF are dropped), and its first page drawn with pypdfium2 as the thumbnail."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterable, Iterator

import pikepdf
import pypdfium2  # type: ignore[import-untyped]  # ships no type information

from somdesk.app.media_errors import Unacceptable
from somdesk.app.media_images import thumbnail_of

__all__ = ["MAX_PAGES", "PDFIUM_LOCK", "clean_pdf", "pdf_thumbnail"]

MAX_PAGES = 500  # a scanned order or licence is a few pages; a bundle of hundreds is no one document

# PDFium is not thread-safe: one page drawn at a time in the process (a thumbnail takes milliseconds).
PDFIUM_LOCK = threading.Lock()

_PLAIN = "which is not accepted (save it again as a plain PDF or scan it)"

# Action types (/S) that do more than move within the document, and what they are in words.
_ACTIVE_ACTIONS = {
    "/JavaScript": "JavaScript",
    "/Launch": "an action that starts a program (Launch)",
    "/SubmitForm": "a form that sends data elsewhere (SubmitForm)",
    "/ImportData": "an action that imports data from another file (ImportData)",
    "/RichMedia": "rich media (Flash or video)",
    "/GoToE": "a link into an embedded file (GoToE)",
    "/GoToR": "a link that opens another file (GoToR)",
    "/Rendition": "a media player action (Rendition)",
}
# Keys whose presence alone is active content.
_ACTIVE_KEYS = {
    "/JS": "JavaScript",
    "/JavaScript": "JavaScript",
    "/RichMedia": "rich media (Flash or video)",
    "/RichMediaContent": "rich media (Flash or video)",
    "/EmbeddedFiles": "embedded files",
    "/EmbeddedFile": "embedded files",
    "/EF": "embedded files",
    "/XFA": "an XFA form (which can run scripts)",
}
_ACTIVE_TYPES = {
    "/EmbeddedFile": "embedded files",
    "/FileAttachment": "embedded files",
    "/RichMedia": "rich media (Flash or video)",
    "/Movie": "a movie",
    "/Sound": "a sound",
    "/Screen": "a media player (Screen annotation)",
}
# Metadata that travels with any object: XMP streams and applications' private data.
_METADATA_KEYS = ("/Metadata", "/PieceInfo")


def _dictionaries(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Dictionary | pikepdf.Stream]:
    """Every dictionary in the file: each object's, and those nested directly inside them."""
    pending: list[pikepdf.Object] = [pdf.trailer, *pdf.objects]
    while pending:
        obj = pending.pop()
        if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
            yield obj
            pending.extend(_nested(value for _key, value in obj.items()))
        elif isinstance(obj, pikepdf.Array):
            pending.extend(_nested(obj))


def _nested(values: Iterable[object]) -> list[pikepdf.Object]:
    """The containers held directly (an indirect one is among pdf.objects already; numbers and names
    hold nothing)."""
    return [
        value
        for value in values
        if isinstance(value, pikepdf.Dictionary | pikepdf.Array | pikepdf.Stream) and not value.is_indirect
    ]


def _active(obj: pikepdf.Dictionary | pikepdf.Stream) -> str | None:
    for key, what in _ACTIVE_KEYS.items():
        if key in obj:
            return what
    for key, table in (("/S", _ACTIVE_ACTIONS), ("/Type", _ACTIVE_TYPES), ("/Subtype", _ACTIVE_TYPES)):
        value = obj.get(key)
        if isinstance(value, pikepdf.Name) and str(value) in table:
            return table[str(value)]
    return None


def _opened(data: bytes) -> pikepdf.Pdf:
    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PasswordError as error:
        raise Unacceptable(
            "is protected by a password, which is not accepted (save or print it again without one)"
        ) from error
    except pikepdf.PdfError as error:
        raise Unacceptable("is damaged and cannot be read as a PDF") from error
    if pdf.is_encrypted:
        pdf.close()
        raise Unacceptable("is encrypted, which is not accepted (save or print it again without a password)")
    return pdf


def clean_pdf(data: bytes) -> bytes:
    """The document checked and saved again without its document information and XMP metadata."""
    with _opened(data) as pdf:
        pages = len(pdf.pages)
        if pages == 0:
            raise Unacceptable("has no pages")
        if pages > MAX_PAGES:
            raise Unacceptable(f"has {pages} pages, over the {MAX_PAGES}-page limit for a document")
        for obj in _dictionaries(pdf):
            what = _active(obj)
            if what is not None:
                raise Unacceptable(f"holds {what}, {_PLAIN}")
            for key in _METADATA_KEYS:
                if key in obj:
                    del obj[key]
        if "/Info" in pdf.trailer:
            del pdf.trailer["/Info"]
        out = io.BytesIO()
        # deterministic_id: the file identifier comes from the content, not from when or where it was saved.
        pdf.save(out, deterministic_id=True, fix_metadata_version=False)
        return out.getvalue()


def pdf_thumbnail(content: bytes, thumbnail_px: int) -> bytes:
    """The first page drawn at no more than `thumbnail_px` on its longer side, as a JPEG."""
    with PDFIUM_LOCK:
        document = pypdfium2.PdfDocument(content)
        try:
            page = document[0]
            width, height = page.get_size()
            if width <= 0 or height <= 0:
                raise Unacceptable("has a first page of no size")
            drawn = page.render(scale=thumbnail_px / max(width, height)).to_pil().copy()
        finally:
            document.close()
    return thumbnail_of(drawn, thumbnail_px)
