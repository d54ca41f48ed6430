"""Photographs and documents through the session (app/attachment_work.py): an added file's record and
bytes are kept in one transaction and audited as a collection; viewing full size is a consultation,
exporting a disclosure, removing an erasure that takes the bytes from this computer; the rules refuse a
future date, a PDF filed as a face, a source record that is not the person's; the hash, size and type
are fixed once made."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import timedelta

import pytest

from somdesk.app.attachment_work import AttachmentDetails
from somdesk.app.profiles import demo_identity, open_demo_profile
from somdesk.app.session import BrokenRules, Role, Session
from somdesk.domain.attachments import AttachmentCategory, MediaType, SourceKind
from somdesk.domain.records import ATTACHMENTS
from somdesk.store.errors import NotFound
from tests.conftest import NOW, TODAY


@dataclass(frozen=True)
class Made:
    media_type: MediaType
    content: bytes
    thumbnail: bytes
    width: int | None
    height: int | None
    sha256: str
    original_name: str


def made(content: bytes, media_type: MediaType = MediaType.JPEG, name: str = "face.jpg") -> Made:
    return Made(
        media_type, content, b"thumb:" + content[:8], 30, 40, hashlib.sha256(content).hexdigest(), name
    )


@pytest.fixture(scope="module")
def opened(tmp_path_factory):
    opened = open_demo_profile(TODAY, tmp_path_factory.mktemp("attach"), rsos=60, seed=5)
    yield opened
    opened.lock()


@pytest.fixture
def som(opened, policy) -> Session:
    return Session(opened, demo_identity(opened, Role.SOM), policy, lambda: TODAY, "demo", lambda: NOW)


def a_person(session: Session) -> str:
    """Someone the demo force gave no photograph or document, so what a test adds is all they hold."""
    ids = (s.case.nominal.id for s in session.workspace().statuses)
    return next(nid for nid in ids if not session.attachments(nid))


def audit_actions(session: Session, record_id: str) -> list[str]:
    with session.opened.reader() as reader:
        rows = reader.conn.exec_driver_sql(
            "SELECT action FROM audit_log WHERE record_id = ? ORDER BY seq", (record_id,)
        ).fetchall()
    return [r[0] for r in rows]


def face(on=TODAY) -> AttachmentDetails:
    return AttachmentDetails(AttachmentCategory.FACE, on, "DC Synthetic", "at notification")


def test_added_photo_is_kept_with_its_bytes_and_audited_through_to_erasure(som):
    nid = a_person(som)
    photo = made(b"\xff\xd8\xff a synthetic photograph \xff\xd9" * 50)
    aid = som.add_attachment(nid, photo, face())
    held = som.attachments(nid)
    assert [a.id for a in held] == [aid]
    assert held[0].sha256 == photo.sha256 and held[0].size == len(photo.content)
    assert som.attachment_thumbnail(aid) == photo.thumbnail
    assert som.view_attachment(nid, aid, "checking likeness") == photo.content
    _, exported = som.export_attachment(nid, aid, "Court", "order application")
    assert exported == photo.content
    som.remove_attachment(nid, aid, "wrong person")
    assert som.attachments(nid) == []
    assert som.attachment_thumbnail(aid) is None
    assert audit_actions(som, aid) == ["collection", "consultation", "disclosure", "alteration", "erasure"]
    with som.opened.reader() as reader:
        left = reader.conn.exec_driver_sql(
            "SELECT count(*) FROM attachment_bytes WHERE attachment_id = ?", (aid,)
        ).scalar()
    assert left == 0


def test_rules_refuse_nothing_written(som):
    nid = a_person(som)
    before = len(som.attachments(nid))
    with pytest.raises(BrokenRules) as future:
        som.add_attachment(nid, made(b"x" * 40), face(TODAY + timedelta(days=1)))
    assert future.value.problems[0].field == "taken_on"
    with pytest.raises(BrokenRules) as pdf_face:
        som.add_attachment(nid, made(b"%PDF-1.7 x", MediaType.PDF, "order.pdf"), face())
    assert pdf_face.value.problems[0].field == "category"
    elsewhere = AttachmentDetails(AttachmentCategory.HOME, TODAY, "DC S", "", SourceKind.VISIT, "not-a-visit")
    with pytest.raises(BrokenRules) as source:
        som.add_attachment(nid, made(b"y" * 40), elsewhere)
    assert source.value.problems[0].field == "source_id"
    tampered = Made(MediaType.JPEG, b"abc", b"t", 1, 1, "0" * 64, "x.jpg")
    with pytest.raises(ValueError, match="changed while"):
        som.add_attachment(nid, tampered, face())
    assert len(som.attachments(nid)) == before


def test_linked_to_a_visit_and_details_edited_but_never_its_bytes(som):
    nid = a_person(som)
    visit = som.record(nid, None).visits[0] if som.record(nid, None).visits else None
    source = (SourceKind.VISIT, visit.id) if visit else (SourceKind.NONE, None)
    details = AttachmentDetails(AttachmentCategory.VEHICLE, TODAY, "DC S", "blue van", *source)
    aid = som.add_attachment(nid, made(b"vehicle" * 30), details)
    changed = AttachmentDetails(AttachmentCategory.VEHICLE, TODAY, "DC S", "blue van, new plates", *source)
    som.change_attachment(nid, aid, changed)
    assert som.attachments(nid)[0].caption == "blue van, new plates"
    assert "sha256" not in ATTACHMENTS.editable and "size" in ATTACHMENTS.fixed
    with som.changes() as uow, pytest.raises(ValueError, match="not editable"):
        uow.change(ATTACHMENTS, aid, {"sha256": "1" * 64})
    with pytest.raises(NotFound):
        som.view_attachment(nid, "no-such-id", "x")


def test_gallery_gives_thumbnails_what_is_here_and_the_current_faces(som):
    from somdesk.app.gallery import face_thumbnails, gallery

    nid = a_person(som)
    older = som.add_attachment(nid, made(b"older face" * 40), face(TODAY - timedelta(days=400)))
    newer = som.add_attachment(nid, made(b"newer face" * 40), face(TODAY - timedelta(days=3)))
    shown = gallery(som, nid)
    assert [s.attachment.id for s in shown] == [newer, older]
    assert all(s.full_here for s in shown)
    assert shown[0].thumbnail == b"thumb:" + (b"newer face" * 40)[:8]
    assert face_thumbnails(som)[nid] == shown[0].thumbnail
    som.remove_attachment(nid, newer, "test over")
    assert face_thumbnails(som)[nid] == b"thumb:" + (b"older face" * 40)[:8]
    som.remove_attachment(nid, older, "test over")
    assert nid not in face_thumbnails(som)


def test_a_hostile_file_from_another_device_never_leaves_somdesk(som):
    """Bytes another device made hostile (a PDF with JavaScript, a 'photograph' that is a program) pass
    the central store's hash check; they are refused when exported or opened in another program, and
    nothing is recorded as disclosed."""
    from somdesk.app.media import MediaRefused
    from tests.media_files import pdf_with_javascript

    nid = a_person(som)
    letter = AttachmentDetails(AttachmentCategory.LETTER, TODAY, "DC S", "from elsewhere")
    hostile = som.add_attachment(nid, made(pdf_with_javascript(), MediaType.PDF, "letter.pdf"), letter)
    program = som.add_attachment(nid, made(b"MZ\x90\x00 not a photo" * 20), face())
    for aid in (hostile, program):
        with pytest.raises(MediaRefused):
            som.export_attachment(nid, aid, "PDF viewer on this computer", "reading it")
        assert "disclosure" not in audit_actions(som, aid)
