"""A rendered document's pages as pictures, drawn by PDFium from the very bytes that would be saved, so
what is printed is what was disclosed (the same marking, redactions and watermark)."""

from __future__ import annotations

from collections.abc import Iterator

import pypdfium2  # type: ignore[import-untyped]  # ships no type information
from PIL import Image

from somdesk.app.media_pdfs import PDFIUM_LOCK

__all__ = ["page_count", "page_images"]


def page_count(data: bytes, password: str | None = None) -> int:
    with PDFIUM_LOCK:
        document = pypdfium2.PdfDocument(data, password=password)
        try:
            return len(document)
        finally:
            document.close()


def page_images(
    data: bytes, dpi: float, password: str | None = None, first: int = 1, last: int = 0
) -> Iterator[Image.Image]:
    """Pages `first` to `last` (1-based; 0: to the end) drawn at `dpi`, one at a time (a long pack is
    never held whole in memory). `password` opens a protected document, so printing one asks nothing
    more of the user."""
    with PDFIUM_LOCK:
        document = pypdfium2.PdfDocument(data, password=password)
        count = len(document)
    try:
        stop = count if last <= 0 else min(last, count)
        for index in range(max(first, 1) - 1, stop):
            with PDFIUM_LOCK:  # PDFium is not thread-safe: one page at a time in the process
                page = document[index]
                try:
                    image = page.render(scale=dpi / 72).to_pil().convert("RGB")
                finally:
                    page.close()
            yield image
    finally:
        with PDFIUM_LOCK:
            document.close()
