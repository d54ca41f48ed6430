"""The demo force's photographs and documents: drawn, deterministic, different per person, kept in the
demo profile (most of the demo SOM's caseload has a face photograph; a share of the rest)."""

from __future__ import annotations

import hashlib
import io
from collections import Counter

import pytest
from PIL import Image

from somdesk.app.profiles import demo_identity, open_demo_profile
from somdesk.app.session import Role, Session
from somdesk.demo import generate
from somdesk.demo.photos import PHOTO_SIZE, avatar, demo_attachments, order_pdf, photo_file
from somdesk.domain.attachments import AttachmentCategory, MediaType, current_face
from tests.conftest import TODAY


def test_the_same_seed_draws_the_same_face_and_another_seed_another():
    assert avatar(11).tobytes() == avatar(11).tobytes()
    assert avatar(11).tobytes() != avatar(12).tobytes()


def test_a_face_is_a_small_jpeg_with_no_metadata_and_a_thumbnail():
    made = photo_file(avatar(3), "face.jpg")
    image = Image.open(io.BytesIO(made.content))
    assert (image.format, image.size) == ("JPEG", PHOTO_SIZE)
    assert not image.getexif()
    assert made.sha256 == hashlib.sha256(made.content).hexdigest()
    assert max(Image.open(io.BytesIO(made.thumbnail)).size) == 256
    assert len(made.content) < 60_000


def test_the_order_is_a_pdf_marked_synthetic():
    made = order_pdf("Alex Example", "SYN000001", TODAY)
    assert made.media_type is MediaType.PDF and made.content.startswith(b"%PDF")
    assert made.content == order_pdf("Alex Example", "SYN000001", TODAY).content
    import pikepdf

    with pikepdf.open(io.BytesIO(made.content)) as pdf:
        text = b"".join(page.Contents.read_bytes() for page in pdf.pages)
    assert b"SYNTHETIC" in text


def test_most_of_the_som_caseload_and_the_panel_cases_have_a_face_and_a_share_of_the_rest():
    data = generate(600, 3, TODAY)
    som = sorted((o for o in data.officers if o.is_som), key=lambda o: o.name)[0].id
    made = demo_attachments(data.nominals, {o.id: o.name for o in data.officers}, som, 3, TODAY)
    again = demo_attachments(data.nominals, {o.id: o.name for o in data.officers}, som, 3, TODAY)
    assert [m.file.sha256 for m in made] == [m.file.sha256 for m in again]
    faces = {m.nominal_id for m in made if m.category is AttachmentCategory.FACE}
    own = [n.id for n in data.nominals if n.officer_id == som]
    panel = [n.id for n in data.nominals if n.mappa.level >= 2 and n.officer_id != som]
    rest = [n.id for n in data.nominals if n.officer_id != som and n.mappa.level == 1]
    assert panel and sum(1 for nid in panel if nid in faces) / len(panel) > 0.5
    assert sum(1 for nid in own if nid in faces) / len(own) > 0.7
    assert 0 < sum(1 for nid in rest if nid in faces) / len(rest) < 0.15
    assert all(m.taken_on <= TODAY for m in made)
    # Two people never share a face.
    current = Counter(m.file.sha256 for m in made if m.category is AttachmentCategory.FACE)
    assert max(current.values()) == 1


@pytest.fixture(scope="module")
def demo(tmp_path_factory, policy):
    opened = open_demo_profile(TODAY, tmp_path_factory.mktemp("photos"), rsos=200, seed=9)
    yield Session(opened, demo_identity(opened, Role.SOM), policy, lambda: TODAY, "demo")
    opened.lock()


def test_the_demo_profile_holds_the_photographs_with_their_thumbnails(demo):
    held = {n: demo.attachments(n) for n in (s.case.nominal.id for s in demo.workspace().statuses)}
    with_face = [n for n, items in held.items() if current_face(items) is not None]
    assert len(with_face) > 50
    face = current_face(held[with_face[0]])
    assert face is not None and face.taken_by.startswith(("DC ", "DS "))
    assert Image.open(io.BytesIO(demo.attachment_thumbnail(face.id) or b"")).format == "JPEG"
    kinds = {a.category for items in held.values() for a in items}
    assert AttachmentCategory.ORDER in kinds
    # A demo profile never syncs: nothing of it waits to be uploaded.
    with demo.opened.reader() as reader:
        queued = reader.conn.exec_driver_sql("SELECT count(*) FROM attachment_transfers").scalar()
    assert queued == 0


def test_an_earlier_photograph_shows_the_same_person_dressed_differently():
    from somdesk.demo.photos import avatar

    for seed in (3, 40, 977):
        now, earlier = avatar(seed), avatar(seed, look=1)
        cheek = (now.width // 2 - 60, int(now.height * 0.38))  # the same face: the same skin
        assert now.getpixel(cheek) == earlier.getpixel(cheek)
        assert now.getpixel((5, 5)) != earlier.getpixel((5, 5)) or now.tobytes() != earlier.tobytes()
