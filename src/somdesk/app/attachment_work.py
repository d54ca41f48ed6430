"""Photographs and documents as Session methods (issue 22): adding one (its bytes already made safe by
app/media.py), reading thumbnails and full copies, editing what it says, exporting and removing it. Each
is an audit event of its s.62 kind: adding a collection, viewing full size a consultation, exporting or
opening in another program a disclosure, removing an erasure."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from somdesk.app.media import check_kept
from somdesk.domain.attachment_rules import attachment_problems
from somdesk.domain.attachments import Attachment, AttachmentCategory, MediaType, SourceKind, current_face
from somdesk.domain.invariants import BrokenRules, Problem
from somdesk.domain.records import ATTACHMENTS
from somdesk.domain.roles import Capability
from somdesk.domain.words import first_upper
from somdesk.store.errors import NotFound, no_case

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import datetime

    from somdesk.domain.policy import Policy
    from somdesk.store.profile import OpenProfile
    from somdesk.store.uow import UnitOfWork

__all__ = [
    "AttachmentDetails",
    "AttachmentWork",
    "PreparedFile",
    "PrintedPhoto",
    "keep_attachment",
    "size_text",
]


class PreparedFile(Protocol):
    """A file made safe to keep (app/media.py `Prepared`)."""

    @property
    def media_type(self) -> MediaType: ...
    @property
    def content(self) -> bytes: ...
    @property
    def thumbnail(self) -> bytes: ...
    @property
    def width(self) -> int | None: ...
    @property
    def height(self) -> int | None: ...
    @property
    def sha256(self) -> str: ...
    @property
    def original_name(self) -> str: ...


@dataclass(frozen=True, slots=True)
class AttachmentDetails:
    """What the user says about a photograph or document."""

    category: AttachmentCategory
    taken_on: date
    taken_by: str
    caption: str = ""
    source: SourceKind = SourceKind.NONE
    source_id: str | None = None


@dataclass(frozen=True, slots=True)
class PrintedPhoto:
    """The current face photograph as a document prints it: the full copy if held here, else the
    thumbnail; `image` None when neither has reached this computer yet."""

    attachment: Attachment
    image: bytes | None
    full: bool


def size_text(size: int) -> str:
    """A file's size as people read it: 640 KB, 3.2 MB."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


class AttachmentWork:
    """Session's photograph and document methods (mixed into Session)."""

    if TYPE_CHECKING:
        opened: OpenProfile
        policy: Policy
        today: Callable[[], date]
        now: Callable[[], datetime]

        @property
        def user(self) -> str: ...

        def changes(self, allowed: bool = True, capability: Capability = Capability.RECORD) -> UnitOfWork: ...

    def attachments(self, nominal_id: str) -> list[Attachment]:
        """The person's photographs and documents held here, latest taken first."""
        with self.opened.reader() as reader:
            return reader.attachments_for(nominal_id)

    def record_sync_state(self, nominal_id: str) -> str:
        """The case's sync state as the record header shows it (as RecordData.sync_state): read again
        after photographs are added, whose bytes keep it waiting until they are sent."""
        if self.opened.demo:
            return "local"
        with self.opened.reader() as reader:
            return reader.sync_state(nominal_id).value

    def attachment_thumbnail(self, attachment_id: str) -> bytes | None:
        """Its thumbnail (a JPEG) if held here; None until sync has fetched it."""
        with self.opened.reader() as reader:
            return reader.attachment_thumbnail(attachment_id)

    def face_photo(self, nominal_id: str) -> PrintedPhoto | None:
        """The current face photograph for a document (case summary, panel pack); None when the person
        has none. Not audited apart: the document that prints it is the disclosure."""
        with self.opened.reader() as reader:
            face = current_face(reader.attachments_for(nominal_id))
            if face is None:
                return None
            full = reader.attachment_content(face.id)  # no used_at: printing is not viewing
            if full is not None:
                return PrintedPhoto(face, full, True)
            return PrintedPhoto(face, reader.attachment_thumbnail(face.id), False)

    def add_attachment(self, nominal_id: str, prepared: PreparedFile, details: AttachmentDetails) -> str:
        """Keep a photograph or document with the person: its record written, queued for sync and
        audited as a collection; its bytes kept inside the encrypted file and queued to upload. Returns
        its id. BrokenRules (nothing written) when a rule is broken; NotFound for a person or
        source record not held here."""
        if hashlib.sha256(prepared.content).hexdigest() != prepared.sha256:
            raise ValueError("the file changed while it was being added: add it again")
        _refuse_broken(details, prepared.media_type, self.today())
        with self.changes() as uow:
            reader = uow.reader
            if reader.relevant_date(nominal_id) is None:
                raise no_case(nominal_id)
            _check_source(uow, nominal_id, details)
            return keep_attachment(uow, nominal_id, prepared, details)

    def change_attachment(self, nominal_id: str, attachment_id: str, details: AttachmentDetails) -> None:
        """Change what a photograph or document says (category, date, who took it, caption, source);
        its bytes never change. Audited as an alteration, queued for sync."""
        with self.changes() as uow:
            held = _held(uow, nominal_id, attachment_id)
            _refuse_broken(details, held.media_type, self.today())
            _check_source(uow, nominal_id, details)
            before = _details_values(
                AttachmentDetails(
                    held.category, held.taken_on, held.taken_by, held.caption, held.source, held.source_id
                )
            )
            changed = {k: v for k, v in _details_values(details).items() if before[k] != v}
            if changed:
                uow.change(ATTACHMENTS, attachment_id, changed)

    def view_attachment(self, nominal_id: str, attachment_id: str, justification: str) -> bytes | None:
        """The full file, to show from memory: audited as a consultation with the reason. None when it is
        not held here yet (the caller asks sync to fetch it, then calls again)."""
        with self.changes() as uow:
            _held(uow, nominal_id, attachment_id)
            content = uow.reader.attachment_content(attachment_id, self.now())
            if content is not None:
                uow.consult(ATTACHMENTS.name, attachment_id, justification or "viewed full size")
            return content

    def export_attachment(
        self, nominal_id: str, attachment_id: str, recipient: str, justification: str, disclose: bool = True
    ) -> tuple[Attachment, bytes]:
        """The file to save elsewhere or open in another program: audited as a disclosure (to whom, why),
        unless `disclose` is False (a file for a viewer that may not open: `disclosed_attachment` once it
        has). Refused (MediaRefused) when the bytes are not what the record says or a PDF holds anything
        active; NotFound when it is not held here yet."""
        with self.changes() as uow:
            held = _held(uow, nominal_id, attachment_id)
            content = uow.reader.attachment_content(attachment_id, self.now())
            if content is None:
                raise NotFound(f"the full {held.category.label.lower()} is not on this computer yet")
            check_kept(held.original_name or held.category.label, content, held.media_type)
            if not disclose:
                return held, content
            uow.disclose(
                ATTACHMENTS.name,
                attachment_id,
                recipient,
                justification,
                detail=f"{held.category.label.lower()} exported ({size_text(held.size)})",
            )
            return held, content

    def disclosed_attachment(
        self, nominal_id: str, attachment_id: str, recipient: str, justification: str
    ) -> None:
        """A file opened in another program (after export_attachment(..., disclose=False)): audited as a
        disclosure now that it has been."""
        with self.changes() as uow:
            held = _held(uow, nominal_id, attachment_id)
            detail = f"{held.category.label.lower()} opened in another program ({size_text(held.size)})"
            uow.disclose(ATTACHMENTS.name, attachment_id, recipient, justification, detail=detail)

    def remove_attachment(self, nominal_id: str, attachment_id: str, reason: str) -> None:
        """Remove a photograph or document (entered in error, or no longer to be kept): its record's
        tombstone synced, its bytes erased from this device, audited as an erasure with the reason."""
        if not reason.strip():
            raise BrokenRules([Problem("reason", "Reason", "say why it is removed")])
        with self.changes() as uow:
            held = _held(uow, nominal_id, attachment_id)
            detail = f"{first_upper(held.describe)} removed: {reason.strip()}"
            uow.erase_attachment(attachment_id, detail)


def keep_attachment(
    uow: UnitOfWork, nominal_id: str, prepared: PreparedFile, details: AttachmentDetails
) -> str:
    """Write a checked photograph or document (its record, bytes and thumbnail) in `uow`: the one way
    a Session and the demo force's filling keep one."""
    values = {
        "nominal_id": nominal_id,
        **_details_values(details),
        "media_type": prepared.media_type.value,
        "size": len(prepared.content),
        "sha256": prepared.sha256,
        "thumbnail_sha256": hashlib.sha256(prepared.thumbnail).hexdigest(),
        "width": prepared.width,
        "height": prepared.height,
        "original_name": prepared.original_name,
    }
    name, size = prepared.original_name or "no file name", size_text(len(prepared.content))
    detail = f"{details.category.label.lower()} added ({name}, {size})"
    return uow.add_attachment(values, prepared.content, prepared.thumbnail, detail)


def _details_values(details: AttachmentDetails) -> dict[str, Any]:
    """What the user says about a photograph or document, as its record's fields (the one mapping for
    a new record and an edit)."""
    return {
        "category": details.category.value,
        "taken_on": details.taken_on,
        "taken_by": details.taken_by.strip(),
        "caption": details.caption.strip(),
        "source": details.source.value,
        "source_id": details.source_id if details.source is not SourceKind.NONE else None,
    }


def _refuse_broken(details: AttachmentDetails, media_type: MediaType, today: date) -> None:
    """BrokenRules (nothing written) when the details break an attachment's rules."""
    problems = attachment_problems(
        details.category, media_type, details.taken_on, details.taken_by, details.caption, today
    )
    if problems:
        raise BrokenRules(problems)


def _held(uow: UnitOfWork, nominal_id: str, attachment_id: str) -> Attachment:
    found = next((a for a in uow.reader.attachments_for(nominal_id) if a.id == attachment_id), None)
    if found is None:
        raise NotFound(
            "this photograph or document is no longer on this record: it may have been removed elsewhere"
        )
    return found


def _check_source(uow: UnitOfWork, nominal_id: str, details: AttachmentDetails) -> None:
    if details.source is SourceKind.NONE:
        return
    reader = uow.reader
    if details.source is SourceKind.VISIT:
        known = {v.id for v in reader.visits_for(nominal_id)}
    else:
        known = {d.id for d in reader.details_for(nominal_id)}
    if details.source_id not in known:
        raise BrokenRules(
            [
                Problem(
                    "source_id",
                    "Came from",
                    "that record is not on this person's record (removed elsewhere?)",
                )
            ]
        )
