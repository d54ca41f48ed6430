"""What the window shows of a person's photographs and documents: each record with its thumbnail and
whether its full copy is on this computer, read in one go on the database worker; and the current face
photograph of every case held, for the caseload's hover. Reading these is not a consultation (a
thumbnail is part of the record, as the header shows it); viewing full size is (Session.view_attachment)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from somdesk.domain.attachments import Attachment

if TYPE_CHECKING:
    from somdesk.app.session import Session

__all__ = ["Shown", "face_thumbnails", "gallery"]


@dataclass(frozen=True, slots=True)
class Shown:
    """One photograph or document as the record shows it."""

    attachment: Attachment
    thumbnail: bytes | None  # a JPEG; None until sync has fetched it
    full_here: bool  # the full file is on this computer (else fetched on demand)


def gallery(session: Session, nominal_id: str) -> list[Shown]:
    """The person's photographs and documents, latest taken first, with thumbnails."""
    with session.opened.reader() as reader:
        held = reader.attachments_for(nominal_id)
        full = reader.attachments_full_here(nominal_id)
        return [Shown(a, reader.attachment_thumbnail(a.id), a.id in full) for a in held]


def face_thumbnails(session: Session) -> dict[str, bytes]:
    """Each case's current face photograph's thumbnail held here, by nominal id."""
    with session.opened.reader() as reader:
        return reader.face_thumbnails()
