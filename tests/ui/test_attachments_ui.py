"""Photographs and documents in the window (the record's Photos tab and ui/attachments.py), with real
files from tests/media_files: added from a file, dropped or pasted, made safe off the GUI thread and
shown in the strip with the current face in words and in the header; a damaged file refused in one line
naming it, with nothing written; viewed full size (a consultation), fetched first when only the
thumbnail is here; a PDF opened in the viewer from a private file (a disclosure) that goes at lock;
removed with a reason (an erasure)."""

from __future__ import annotations

import os
import stat
from datetime import timedelta

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QDialog, QLabel

from somdesk.domain.attachments import AttachmentCategory
from somdesk.ui.attachments import VIEWER_RECIPIENT
from somdesk.ui.record.attachment_dialog import AttachmentDialog
from somdesk.ui.record.remove import RemoveDialog
from tests import media_files
from tests.conftest import TODAY


def audit(c, action: str, record_id: str) -> list[dict]:
    with c.session.opened.reader() as reader:
        return [r._asdict() for r in reader.audit_rows() if r.action == action and r.record_id == record_id]


def answering(
    category=AttachmentCategory.FACE, caption="At notification", reason="Recorded on the wrong person"
):
    """Answers each dialog as a user would: the details of what is added, or why it is removed."""
    asked: list[QDialog] = []

    def run(dialog: QDialog) -> bool:
        asked.append(dialog)
        if isinstance(dialog, AttachmentDialog):
            dialog.category.setCurrentIndex(dialog.category.findData(category))
            dialog.caption.setText(caption)
        elif isinstance(dialog, RemoveDialog):
            dialog.reason.setText(reason)
        dialog._accept()  # type: ignore[attr-defined]
        return dialog.result() == QDialog.DialogCode.Accepted

    run.asked = asked  # type: ignore[attr-defined]
    return run


@pytest.fixture
def record(som):
    """A SOM on the record of one of their cases with no photographs yet."""
    status = som.window.views["caseload"].model.rows()[0]  # one shown in their caseload
    som.open_record(status.case.nominal.id)
    som.run_dialog = answering()
    return som


def photos(c):
    return c.window.record.photos


def strip_texts(c) -> list[str]:
    model = photos(c).strip_model
    return [model.item(i).text() for i in range(model.rowCount())]


def held(c) -> list:
    return c.session.attachments(c.window.record.nominal_id)


def add_files(c, qtbot, paths, expect: int) -> None:
    c.attachments.ask_files = lambda: [str(p) for p in paths]
    photos(c).add_button.click()
    qtbot.waitUntil(
        lambda: len(held(c)) == expect and len(c.window.record.attachments) == expect, timeout=20000
    )


def test_a_photograph_from_a_file_is_made_safe_shown_in_the_strip_and_the_header(record, qtbot, tmp_path):
    c = record
    assert c.window.record.face.text() == "No photograph"
    photo = tmp_path / "IMG_0042.jpg"
    photo.write_bytes(media_files.jpeg_with_gps(1600, 1200))
    add_files(c, qtbot, [photo], expect=1)
    (added,) = held(c)
    assert added.category is AttachmentCategory.FACE and added.caption == "At notification"
    assert added.taken_on == TODAY and added.taken_by == c.session.user
    assert (added.width, added.height) == (1200, 1600)  # orientation 6 applied: upright
    (text,) = strip_texts(c)
    assert "At notification" in text and "Face" in text and "Current face photo" in text
    assert not c.window.record.face.pixmap().isNull()
    tab = c.window.record.tabs
    assert "1 photograph" in tab.tabToolTip(tab.indexOf(photos(c)))
    assert len(audit(c, "collection", added.id)) == 1


def test_the_newest_face_is_the_current_one_and_the_strip_is_newest_first(record, qtbot, tmp_path):
    c = record
    older = tmp_path / "old.jpg"
    older.write_bytes(media_files.face_photo(1))
    add_files(c, qtbot, [older], expect=1)
    (first,) = held(c)
    c.session.change_attachment(
        c.window.record.nominal_id, first.id, _details(first, taken_on=TODAY - timedelta(days=300))
    )
    newer = tmp_path / "new.jpg"
    newer.write_bytes(media_files.face_photo(2))
    c.run_dialog = answering(caption="This year")
    add_files(c, qtbot, [newer], expect=2)
    texts = strip_texts(c)
    assert texts[0].startswith("This year") and "Current face photo" in texts[0]
    assert "Current face photo" not in texts[1]


def _details(a, **changes):
    from dataclasses import replace

    from somdesk.app.attachment_work import AttachmentDetails

    return replace(
        AttachmentDetails(a.category, a.taken_on, a.taken_by, a.caption, a.source, a.source_id), **changes
    )


def test_a_damaged_file_is_refused_in_one_line_naming_it_and_the_good_one_is_added(record, qtbot, tmp_path):
    c = record
    broken = tmp_path / "cut-off.jpg"
    broken.write_bytes(media_files.truncated_jpeg())
    good = tmp_path / "tattoo.png"
    good.write_bytes(media_files.png_image(800, 600))
    c.run_dialog = answering(category=AttachmentCategory.MARKS, caption="Left forearm")
    add_files(c, qtbot, [broken, good], expect=1)
    message = photos(c).message.text()
    assert message.startswith("cut-off.jpg: ") and "\n" not in message and "Traceback" not in message
    (kept,) = held(c)
    assert kept.original_name == "tattoo.png" and kept.category is AttachmentCategory.MARKS


def test_a_damaged_file_alone_writes_nothing(record, qtbot, tmp_path):
    c = record
    broken = tmp_path / "cut-off.jpg"
    broken.write_bytes(media_files.truncated_jpeg())
    nid = c.window.record.nominal_id
    with c.session.opened.reader() as reader:
        before = len(list(reader.audit_rows()))
    c.attachments.ask_files = lambda: [str(broken)]
    photos(c).add_button.click()
    qtbot.waitUntil(lambda: photos(c).message.text() != "", timeout=20000)
    assert "cut-off.jpg" in photos(c).message.text()
    assert c.session.attachments(nid) == []
    with c.session.opened.reader() as reader:
        assert len(list(reader.audit_rows())) == before


def test_a_file_over_the_policy_limit_is_refused_naming_the_limit(record, qtbot, tmp_path, monkeypatch):
    c = record
    from dataclasses import replace

    policy = c.session.policy
    monkeypatch.setattr(
        c.session, "policy", replace(policy, attachments=replace(policy.attachments, max_bytes=100_000))
    )
    big = tmp_path / "big.jpg"
    big.write_bytes(media_files.jpeg_with_gps(1600, 1200))
    c.attachments.ask_files = lambda: [str(big)]
    photos(c).add_button.click()
    qtbot.waitUntil(lambda: photos(c).message.text() != "", timeout=20000)
    message = photos(c).message.text()
    assert message.startswith("big.jpg: ") and "limit" in message and "\n" not in message
    assert held(c) == []


def test_cancelling_the_details_adds_nothing(record, qtbot, tmp_path):
    c = record
    photo = tmp_path / "face.jpg"
    photo.write_bytes(media_files.face_photo(3))
    c.run_dialog = lambda dialog: False
    c.attachments.ask_files = lambda: [str(photo)]
    photos(c).add_button.click()
    qtbot.waitUntil(lambda: c.attachments.pool.activeThreadCount() == 0, timeout=20000)
    qtbot.wait(50)
    assert held(c) == []


def test_files_dropped_on_the_tab_are_added(record, qtbot, tmp_path):
    c = record
    photo = tmp_path / "vehicle.jpg"
    photo.write_bytes(media_files.jpeg_with_gps(1200, 900, orientation=1))
    c.run_dialog = answering(category=AttachmentCategory.VEHICLE, caption="Blue van")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo)), QUrl("https://example.invalid/not-a-file.jpg")])
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    photos(c).dropEvent(drop)
    qtbot.waitUntil(lambda: len(held(c)) == 1, timeout=20000)
    assert held(c)[0].category is AttachmentCategory.VEHICLE and held(c)[0].caption == "Blue van"


def test_a_pasted_image_and_pasted_files_are_added(record, qtbot, tmp_path):
    c = record
    image = QImage(640, 480, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkCyan)
    QGuiApplication.clipboard().setImage(image)
    photos(c).paste()
    qtbot.waitUntil(lambda: len(held(c)) == 1 or photos(c).message.text() != "", timeout=20000)
    assert photos(c).message.text() == ""
    assert held(c)[0].original_name == "pasted image.png" and held(c)[0].width == 640
    photo = tmp_path / "home.jpg"
    photo.write_bytes(media_files.jpeg_with_gps(1200, 900, orientation=1))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo))])
    QGuiApplication.clipboard().setMimeData(mime)
    try:
        photos(c).paste()
        qtbot.waitUntil(lambda: len(held(c)) == 2, timeout=20000)
    finally:
        QGuiApplication.clipboard().clear()  # Qt owns the data: let it go now, not at exit


def test_viewing_full_size_shows_it_from_memory_and_is_a_consultation(record, qtbot, tmp_path):
    c = record
    photo = tmp_path / "face.jpg"
    photo.write_bytes(media_files.face_photo(4))
    add_files(c, qtbot, [photo], expect=1)
    (added,) = held(c)
    photos(c).choose(added.id)
    photos(c).view_button.click()
    (viewer,) = c.attachments.viewers
    assert viewer.full and viewer.pixmap.width() == 600
    consulted = audit(c, "consultation", added.id)
    assert len(consulted) == 1 and consulted[0]["justification"] == "viewed full size"
    viewer.zoom_by(2.0)
    assert viewer.picture.pixmap().width() > 0


def test_only_a_thumbnail_here_shows_it_fetches_the_full_copy_then_shows_it(record, qtbot, tmp_path):
    c = record
    photo = tmp_path / "face.jpg"
    photo.write_bytes(media_files.face_photo(5))
    add_files(c, qtbot, [photo], expect=1)
    (added,) = held(c)
    engine = c.session.opened.engine
    with engine.begin() as conn:
        full = conn.exec_driver_sql(
            "SELECT content FROM attachment_bytes WHERE attachment_id = ?", (added.id,)
        ).scalar()
        conn.exec_driver_sql(
            "UPDATE attachment_bytes SET content = NULL WHERE attachment_id = ?", (added.id,)
        )
    fetched: list[str] = []

    def fetch(attachment_id: str) -> None:  # what sync does: the full copy into the store
        fetched.append(attachment_id)
        with engine.begin() as conn:
            conn.exec_driver_sql(
                "UPDATE attachment_bytes SET content = ? WHERE attachment_id = ?", (full, attachment_id)
            )

    c.attachments.fetch = fetch
    c.open_record(added.nominal_id)  # read again: the full copy is not here
    tab = photos(c)
    qtbot.waitUntil(lambda: len(c.window.record.attachments) == 1)
    assert "thumbnail only here" in strip_texts(c)[0]
    tab.choose(added.id)
    tab.view_button.click()
    viewer = c.attachments.viewers[-1]
    qtbot.waitUntil(lambda: viewer.full, timeout=10000)
    assert fetched == [added.id] and viewer.pixmap.width() == 600
    assert len(audit(c, "consultation", added.id)) == 1  # once, when it was shown


def test_a_pdf_opens_in_the_viewer_from_a_private_file_removed_at_lock(record, qtbot, tmp_path):
    c = record
    order = tmp_path / "SHPO order.pdf"
    order.write_bytes(media_files.pdf_document())
    c.run_dialog = answering(category=AttachmentCategory.ORDER, caption="SHPO, Northmere magistrates")
    add_files(c, qtbot, [order], expect=1)
    (added,) = held(c)
    tab = photos(c)
    assert tab.strip_model.rowCount() == 0 and tab.documents.table_model.rowCount() == 1
    opened: list[QUrl] = []
    c.attachments.open_url = lambda url: opened.append(url) or True
    tab.choose(added.id)
    assert tab.view_button.text() == "Open in viewer…"
    tab.view_button.click()
    (url,) = opened
    qtbot.waitUntil(lambda: len(audit(c, "disclosure", added.id)) == 1)  # recorded once it opened
    path = tmp_path.__class__(url.toLocalFile())
    assert path.read_bytes().startswith(b"%PDF-") and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    (disclosed,) = audit(c, "disclosure", added.id)
    assert disclosed["recipient"] == VIEWER_RECIPIENT
    c.lock()
    assert not path.exists()


def test_removing_asks_the_reason_and_is_an_erasure(record, qtbot, tmp_path):
    c = record
    photo = tmp_path / "face.jpg"
    photo.write_bytes(media_files.face_photo(6))
    add_files(c, qtbot, [photo], expect=1)
    (added,) = held(c)
    tab = photos(c)
    tab.choose(added.id)
    qtbot.keyClick(tab.strip, Qt.Key.Key_Delete)
    assert held(c) == []
    assert strip_texts(c) == [] and c.window.record.face.text() == "No photograph"
    (erased,) = audit(c, "erasure", added.id)
    assert "Recorded on the wrong person" in erased["detail"]


def test_every_new_control_is_named(record):
    tab = photos(record)
    for widget in (tab.strip, tab.documents, tab.message):
        assert widget.accessibleName()
    for button in (tab.add_button, tab.view_button, tab.export_button, tab.edit_button, tab.remove_button):
        assert button.text()
    face = record.window.record.face  # read as it shows: the photograph, or the words in its place
    assert face.accessibleName() == (face.text() or "Current face photograph")


def test_the_caseload_shows_the_current_face_on_hover_from_memory(record, qtbot, tmp_path):
    c = record
    nid = c.window.record.nominal_id
    photo = tmp_path / "face.jpg"
    photo.write_bytes(media_files.face_photo(7))
    add_files(c, qtbot, [photo], expect=1)
    caseload = c.window.views["caseload"]
    qtbot.waitUntil(lambda: nid in caseload.hover.faces)
    rows = caseload.model.rows()
    mine = next(i for i, s in enumerate(rows) if s.case.nominal.id == nid)
    html = caseload.hover.tooltip_at(caseload.model.index(mine, 0))
    assert html is not None and html.startswith("<img src='data:image/jpeg;base64,")
    # Someone with no photograph (the demo force gives most of a SOM's caseload one): no picture.
    other = next(i for i, s in enumerate(rows) if s.case.nominal.id not in caseload.hover.faces)
    assert caseload.hover.tooltip_at(caseload.model.index(other, 0)) is None
    c.lock()
    assert caseload.hover.faces == {}


def test_export_asks_who_and_why_saves_the_file_and_is_a_disclosure(record, qtbot, tmp_path):
    c = record
    photo = tmp_path / "face.jpg"
    photo.write_bytes(media_files.face_photo(8))
    add_files(c, qtbot, [photo], expect=1)
    (added,) = held(c)
    target = tmp_path / "out" / "for-court.jpg"
    target.parent.mkdir()
    c.printing.ask_disclosure = lambda *a: {
        "recipient": "Northmere Crown Court",
        "justification": "SHPO hearing",
    }
    c.printing.ask_path = lambda suggested, pdf: target
    photos(c).choose(added.id)
    photos(c).export_button.click()
    assert target.read_bytes() == c.session.view_attachment(added.nominal_id, added.id, "test")
    (disclosed,) = audit(c, "disclosure", added.id)
    assert (disclosed["recipient"], disclosed["justification"]) == ("Northmere Crown Court", "SHPO hearing")


def test_edit_details_changes_what_it_says_not_the_file(record, qtbot, tmp_path):
    c = record
    photo = tmp_path / "tattoo.png"
    photo.write_bytes(media_files.png_image(640, 480))
    c.run_dialog = answering(category=AttachmentCategory.MARKS, caption="Left arm")
    add_files(c, qtbot, [photo], expect=1)
    (before,) = held(c)
    c.run_dialog = answering(category=AttachmentCategory.MARKS, caption="Left forearm, a swallow")
    photos(c).choose(before.id)
    photos(c).edit_button.click()
    qtbot.waitUntil(lambda: held(c)[0].caption == "Left forearm, a swallow")
    (after,) = held(c)
    assert after.sha256 == before.sha256 and after.id == before.id
    assert "Left forearm, a swallow" in strip_texts(c)[0]


def test_with_no_program_for_pdfs_the_copy_goes_at_once_and_the_user_is_told(record, qtbot, tmp_path):
    c = record
    order = tmp_path / "order.pdf"
    order.write_bytes(media_files.pdf_document())
    c.run_dialog = answering(category=AttachmentCategory.ORDER, caption="SHPO")
    add_files(c, qtbot, [order], expect=1)
    (added,) = held(c)
    tried: list[QUrl] = []
    c.attachments.open_url = lambda url: tried.append(url) or False  # no launcher on this computer
    tab = photos(c)
    tab.choose(added.id)
    tab.view_button.click()
    (url,) = tried
    assert not tmp_path.__class__(url.toLocalFile()).exists()  # not left in clear for ten minutes
    assert "No program on this computer opens PDF files" in tab.message.text()
    assert audit(c, "disclosure", added.id) == []  # nothing was disclosed: nothing recorded as such


def test_a_viewer_copy_left_by_a_killed_run_goes_when_the_profile_opens_again(record, qtbot, tmp_path):
    from somdesk.app.viewer_files import ViewerFiles, viewer_folder

    c = record
    folder = viewer_folder(c.session.opened.profile.folder)
    left = ViewerFiles(folder).write(b"%PDF-1.7 left by a run that was killed", ".pdf")
    c.services.current.opened.emit(c.session)  # as when the profile is unlocked again
    assert not left.exists()


def test_devices_pipes_and_folders_are_refused_and_adding_still_works_after(record, qtbot, tmp_path):
    c = record
    fifo = tmp_path / "fifo.jpg"
    os.mkfifo(fifo)
    folder = tmp_path / "a folder.jpg"
    folder.mkdir()
    good = tmp_path / "tattoo.png"
    good.write_bytes(media_files.png_image(400, 300))
    c.run_dialog = answering(category=AttachmentCategory.MARKS, caption="After the bad paste")
    add_files(c, qtbot, ["/dev/zero", fifo, folder, good], expect=1)
    message = photos(c).message.text()
    assert "zero: is not a file" in message and "fifo.jpg: is not a file" in message, message
    assert held(c)[0].original_name == "tattoo.png"


def test_photographs_and_a_pdf_chosen_together_are_filed_each_with_their_own_categories(
    record, qtbot, tmp_path
):
    c = record
    face = tmp_path / "face.jpg"
    face.write_bytes(media_files.face_photo(4))
    order = tmp_path / "order.pdf"
    order.write_bytes(media_files.pdf_document())
    offered: list[list[str]] = []
    answer = answering(category=AttachmentCategory.FACE, caption="Both")

    def run(dialog):
        if isinstance(dialog, AttachmentDialog):
            offered.append([dialog.category.itemData(i) for i in range(dialog.category.count())])
            photo = AttachmentCategory.FACE in offered[-1]
            wanted = AttachmentCategory.FACE if photo else AttachmentCategory.ORDER
            dialog.category.setCurrentIndex(dialog.category.findData(wanted))
            dialog._accept()
            return dialog.result() == QDialog.DialogCode.Accepted
        return answer(dialog)

    c.run_dialog = run
    add_files(c, qtbot, [order, face], expect=2)
    assert (
        len(offered) == 2 and AttachmentCategory.FACE in offered[0] and AttachmentCategory.ORDER in offered[1]
    )
    assert {a.category for a in held(c)} == {AttachmentCategory.FACE, AttachmentCategory.ORDER}


def test_names_shown_while_adding_carry_no_bidi_controls(record, qtbot, tmp_path):
    c = record
    disguised = tmp_path / "rtl_\u202egpj.exe"
    disguised.write_bytes(media_files.png_image(300, 200))
    shown: list[str] = []
    answer = answering(category=AttachmentCategory.MARKS)

    def run(dialog):
        if isinstance(dialog, AttachmentDialog):
            shown.append(" ".join(label.text() for label in dialog.findChildren(QLabel)))
        return answer(dialog)

    c.run_dialog = run
    add_files(c, qtbot, [disguised], expect=1)
    assert shown and "\u202e" not in shown[0] and "rtl_gpj.exe" in shown[0]


def test_locking_clears_a_passing_message_that_names_the_person(record, qtbot, tmp_path):
    c = record
    photo = tmp_path / "face.jpg"
    photo.write_bytes(media_files.face_photo(9))
    add_files(c, qtbot, [photo], expect=1)
    qtbot.waitUntil(lambda: "added to the record of" in c.window.status.currentMessage())
    c.lock()
    assert c.window.status.currentMessage() == ""


def test_a_refusal_among_photographs_stays_when_the_documents_chosen_with_them_are_saved(
    record, qtbot, tmp_path
):
    c = record
    broken = tmp_path / "cut-off.jpg"
    broken.write_bytes(media_files.truncated_jpeg())
    face = tmp_path / "face.jpg"
    face.write_bytes(media_files.face_photo(5))
    order = tmp_path / "order.pdf"
    order.write_bytes(media_files.pdf_document())
    answer = answering(category=AttachmentCategory.FACE)

    def run(dialog):
        if isinstance(dialog, AttachmentDialog) and dialog.category.findData(AttachmentCategory.FACE) < 0:
            dialog.category.setCurrentIndex(dialog.category.findData(AttachmentCategory.ORDER))
            dialog._accept()
            return dialog.result() == QDialog.DialogCode.Accepted
        return answer(dialog)

    c.run_dialog = run
    add_files(c, qtbot, [broken, face, order], expect=2)
    assert photos(c).message.text().startswith("cut-off.jpg: ")  # not wiped by the second step
