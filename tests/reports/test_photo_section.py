"""The current face photograph at the head of a case summary's and a panel pack's person section: the
image drawn into the PDF with its caption, a line when none is held, and nothing at all (image nor
caption) when the photographs redaction leaves it out, which the disclosure's audit entry names."""

from __future__ import annotations

import io
import subprocess
from datetime import date
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from somdesk.app.profiles import demo_identity, open_demo_profile
from somdesk.app.session import Role, Session
from somdesk.domain.attachments import current_face
from somdesk.domain.meetings import Meeting
from somdesk.reports.disclose import Disclosure
from somdesk.reports.photo_section import NO_PHOTO
from somdesk.reports.service import Reports
from tests.conftest import TODAY


@pytest.fixture(scope="module")
def session(tmp_path_factory, policy):
    opened = open_demo_profile(TODAY, tmp_path_factory.mktemp("photo"), rsos=200, seed=9)
    s = Session(opened, demo_identity(opened, Role.SOM), policy, lambda: TODAY, "demo")
    yield s
    s.lock()


def text_of(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(out.split())


def images_in(pdf: Path) -> list[tuple[int, int]]:
    """The size of every image XObject the file draws."""
    with pikepdf.open(pdf) as doc:
        return [
            (int(x.Width), int(x.Height))
            for page in doc.pages
            for x in page.Resources.get("/XObject", {}).values()
            if x.get("/Subtype") == "/Image"
        ]


def with_and_without_a_face(session: Session) -> tuple[str, str]:
    ids = [s.case.nominal.id for s in session.workspace().statuses]
    faced = next(n for n in ids if current_face(session.attachments(n)) is not None)
    bare = next(n for n in ids if not session.attachments(n))
    return faced, bare


def summary(session: Session, nominal_id: str, out: Path, redact: tuple[str, ...] = ()) -> Path:
    reports = Reports(session)
    disclosure = Disclosure("Level 2 panel", "panel on 1 Dec", "case summary")
    reports.case_summary(nominal_id, disclosure, reports.options(redact=redact), out)
    return out


def test_the_summary_prints_the_face_photograph_with_when_and_by_whom(session, tmp_path):
    faced, _ = with_and_without_a_face(session)
    face = current_face(session.attachments(faced))
    assert face is not None
    pdf = summary(session, faced, tmp_path / "s.pdf")
    text = text_of(pdf)
    assert f"Photograph taken {face.taken_on:%d %b %Y} by {face.taken_by}" in text
    assert NO_PHOTO not in text
    # The full copy is held in the demo profile, so it is the one drawn (at print size, 480 pixels on
    # its longer side), not the 256-pixel thumbnail.
    from somdesk.reports.photo_section import PRINT_PX

    ((width, height),) = images_in(pdf)
    assert max(width, height) == PRINT_PX > session.policy.attachments.thumbnail_px


def test_someone_without_a_photograph_gets_a_line_saying_so_and_no_image(session, tmp_path):
    _, bare = with_and_without_a_face(session)
    pdf = summary(session, bare, tmp_path / "s.pdf")
    assert f"{NO_PHOTO}." in text_of(pdf)
    assert images_in(pdf) == []


def test_the_photographs_redaction_leaves_image_and_caption_out_and_the_log_says_so(session, tmp_path):
    faced, _ = with_and_without_a_face(session)
    pdf = summary(session, faced, tmp_path / "s.pdf", ("photographs",))
    text = text_of(pdf)
    assert "Photograph taken" not in text and NO_PHOTO not in text
    assert "photographs left out of this document" in text
    assert images_in(pdf) == []
    with session.opened.reader() as reader:
        last = [r for r in reader.audit_rows() if r.action == "disclosure"][-1]
    assert last.record_id == faced and "(photographs left out)" in last.detail


def test_only_the_thumbnail_held_is_printed_and_the_caption_says_it_is_the_small_copy(session, tmp_path):
    faced, _ = with_and_without_a_face(session)
    photo = session.face_photo(faced)
    assert photo is not None and photo.image is not None
    thumbnail = session.attachment_thumbnail(photo.attachment.id)
    assert thumbnail is not None
    from dataclasses import replace

    from somdesk.reports.case_summary import case_summary_story
    from somdesk.reports.layout import render

    reports = Reports(session)
    (data,) = reports.read([faced], Disclosure("Level 2 panel", "panel", "case summary"))
    small = replace(photo, image=thumbnail, full=False)
    story = case_summary_story(data, "DC A. Example", TODAY, session.policy, reports.options(), small)
    pdf = tmp_path / "s.pdf"
    pdf.write_bytes(render(story, "MAPPA case summary", reports.options()))
    assert "small copy" in text_of(pdf)
    assert images_in(pdf) == [Image.open(io.BytesIO(thumbnail)).size]


def test_the_panel_pack_prints_each_case_s_photograph_unless_redacted(session, tmp_path):
    faced, bare = with_and_without_a_face(session)
    reports = Reports(session)
    meeting = Meeting("Northmere", 2, date(2026, 12, 1))
    disclosure = Disclosure("Northmere MAPPA level 2 panel", "monthly panel", "panel pack")
    pack = tmp_path / "pack.pdf"
    reports.panel_pack([faced, bare], meeting, disclosure, reports.options(), pack)
    text = text_of(pack)
    assert "Photograph taken" in text and f"{NO_PHOTO}." in text
    assert len(images_in(pack)) == 1
    redacted = tmp_path / "redacted.pdf"
    reports.panel_pack([faced, bare], meeting, disclosure, reports.options(redact=["photographs"]), redacted)
    assert "Photograph taken" not in text_of(redacted)
    assert images_in(redacted) == []


def test_three_redactions_read_as_a_sentence_lists_them(session, tmp_path):
    from somdesk.domain.words import listed

    assert [listed([]), listed(["a"]), listed(["a", "b"]), listed(["a", "b", "c"])] == [
        "",
        "a",
        "a and b",
        "a, b and c",
    ]
    faced, _ = with_and_without_a_face(session)
    text = text_of(summary(session, faced, tmp_path / "s.pdf", ("addresses", "photographs", "victims")))
    assert "Redacted copy: addresses, photographs and victim details left out of this document." in text


def test_a_phone_s_full_photograph_is_printed_at_print_size_not_whole(session, tmp_path):
    from somdesk.app.media import prepare
    from somdesk.reports.photo_section import PRINT_PX, for_print
    from tests import media_files

    big = prepare("phone.jpg", media_files.jpeg_with_gps(), session.policy.attachments).content
    small = for_print(big)
    assert max(Image.open(io.BytesIO(small)).size) == PRINT_PX and len(small) < len(big) // 10
    kept = media_files.face_photo(1, (300, 400))
    assert for_print(kept) is kept  # small enough already: printed as it is
