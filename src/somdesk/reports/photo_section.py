"""The person's current face photograph at the head of their section of a case summary or panel pack,
with a caption saying when and by whom it was taken. The image is drawn from memory (ImageReader over
the bytes): it is never written to a file of its own. The photographs redaction leaves it out whole.
"""

from __future__ import annotations

import io

from PIL import Image
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, TableStyle

from somdesk.app.attachment_work import PrintedPhoto
from somdesk.reports.language import short_date, tr
from somdesk.reports.layout import FONT, Options, para
from somdesk.reports.layout import table as flowing_table

__all__ = ["NO_PHOTO", "PHOTO_WIDTH", "PRINT_PX", "for_print", "photo_caption", "photo_story"]

NO_PHOTO = "No photograph held"
PHOTO_WIDTH = 32 * mm


PRINT_PX = 480  # the longer side printed: about 300 dpi at the photograph's printed size


def for_print(image: bytes) -> bytes:
    """A phone's full photograph (12 MP, several MB) made the size it prints at, in memory, so a pack of
    ten cases is not tens of MB; one already small enough is kept as it is."""
    with Image.open(io.BytesIO(image)) as picture:
        if max(picture.size) <= PRINT_PX:
            return image
        small = picture.convert("RGB")
        small.thumbnail((PRINT_PX, PRINT_PX))
        out = io.BytesIO()
        small.save(out, "JPEG", quality=88)
        return out.getvalue()


class _Picture(Flowable):  # type: ignore[misc]
    """An image drawn straight from its bytes, scaled to a width."""

    def __init__(self, image: bytes, width: float) -> None:
        super().__init__()
        self.reader = ImageReader(io.BytesIO(for_print(image)))
        w, h = self.reader.getSize()
        self.width, self.height = width, width * h / w

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.drawImage(self.reader, 0, 0, self.width, self.height)


def photo_caption(photo: PrintedPhoto) -> str:
    """E.g. "Photograph taken 3 Mar 2026 by DC A. Example" (and, if only the thumbnail is here, so)."""
    a = photo.attachment
    caption = tr("Photograph taken {date} by {who}").format(date=short_date(a.taken_on), who=a.taken_by)
    if a.caption:
        caption += f": {a.caption}"
    if not photo.full:
        caption += tr(" (small copy: the full photograph is not on this computer)")
    return caption


def photo_story(photo: PrintedPhoto | None, options: Options) -> list[Flowable]:
    """The photograph and its caption; a line saying none is held; nothing when redacted."""
    if options.leaves_out("photographs"):
        return []
    if photo is None or photo.image is None:
        text = tr("No photograph held.") if photo is None else tr("No photograph held on this computer yet.")
        return [para(text, "small")]
    table = flowing_table(
        [[_Picture(photo.image, PHOTO_WIDTH), para(photo_caption(photo), "small")]],
        [PHOTO_WIDTH + 4 * mm, 180 * mm - PHOTO_WIDTH - 4 * mm],
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("LEFTPADDING", (0, 0), (0, 0), 0),
            ]
        )
    )
    return [table]
