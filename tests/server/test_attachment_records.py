"""A photograph's record reaches the same SOM's other device through a live central store and never a
SOM of another team; the central store refuses one no form would write (a future date, a PDF filed as a
face, a hash that is not one) and any change to its hash, size or type once made."""

from __future__ import annotations

import hashlib
import uuid

import pytest

from somdesk.app.attachment_work import AttachmentDetails
from somdesk.domain.attachments import AttachmentCategory, MediaType
from tests.test_session_attachments import Made

from .sync_helpers import with_its_entry
from .test_orders_sync import _push, a_case_without_orders, devices, session_on

__all__ = ["devices"]

pytestmark = pytest.mark.postgres


def test_a_photo_record_reaches_the_soms_other_device_and_no_other_team(devices):
    laptop, desktop, colleague = devices["laptop"], devices["desktop"], devices["colleague"]
    nid = a_case_without_orders(laptop)
    here = session_on(laptop)
    content = b"\xff\xd8\xff synthetic" * 100
    made = Made(
        MediaType.JPEG, content, b"\xff\xd8\xff t", 10, 20, hashlib.sha256(content).hexdigest(), "a.jpg"
    )
    details = AttachmentDetails(AttachmentCategory.FACE, here.today(), "DC Synth", "at notification")
    aid = here.add_attachment(nid, made, details)
    assert laptop.sync().refused == 0
    desktop.sync()
    with desktop.opened.reader() as reader:
        (there,) = [a for a in reader.attachments_for(nid) if a.id == aid]
    assert there.sha256 == made.sha256 and there.caption == "at notification"
    colleague.sync()
    assert colleague.count("attachments", f"id = '{aid}'") == 0


def test_the_central_store_refuses_an_attachment_no_form_would_write(devices):
    laptop = devices["laptop"]
    nid = a_case_without_orders(laptop)
    photo = {
        "nominal_id": nid, "category": "face", "taken_on": "2026-11-02", "taken_by": "DC Synth",
        "caption": "", "media_type": "image/jpeg", "size": 1000, "sha256": "a" * 64,
        "thumbnail_sha256": "c" * 64, "width": 10, "height": 10, "original_name": "a.jpg", "source": "",
        "source_id": None,
    }  # fmt: skip
    result = _push(laptop, "attachments", {**photo, "taken_on": "2099-01-01"})
    assert result["status"] == "rejected" and "taken_on" in result["reason"]
    result = _push(laptop, "attachments", {**photo, "media_type": "application/pdf"})
    assert result["status"] == "rejected" and "category" in result["reason"]
    result = _push(laptop, "attachments", {**photo, "sha256": "Z" * 64})
    assert result["status"] == "rejected" and "sha256" in result["reason"]
    result = _push(laptop, "attachments", {**photo, "thumbnail_sha256": "Z" * 64})
    assert result["status"] == "rejected" and "thumbnail_sha256" in result["reason"]
    result = _push(laptop, "attachments", {**photo, "media_type": "image/gif"})
    assert result["status"] == "rejected" and "media_type" in result["reason"]
    applied = _push(laptop, "attachments", photo)
    assert applied["status"] == "applied", applied


def test_its_hash_size_and_type_never_change_once_made(devices):
    laptop = devices["laptop"]
    nid = a_case_without_orders(laptop)
    here = session_on(laptop)
    content = b"\xff\xd8\xff another" * 50
    made = Made(
        MediaType.JPEG, content, b"\xff\xd8\xff", 10, 20, hashlib.sha256(content).hexdigest(), "b.jpg"
    )
    aid = here.add_attachment(nid, made, AttachmentDetails(AttachmentCategory.HOME, here.today(), "DC S"))
    laptop.sync()
    with laptop.opened.reader() as reader:
        version = reader.conn.exec_driver_sql("SELECT version FROM attachments WHERE id = ?", (aid,)).scalar()
    changes = ({"sha256": "b" * 64}, {"thumbnail_sha256": "b" * 64}, {"size": 5}, {"media_type": "image/png"})
    for change in changes:
        mutation = {
            "id": str(uuid.uuid4()), "table": "attachments", "record_id": aid, "operation": "update",
            "base_version": version, "fields": {**change, "updated_at": "2026-11-23T10:00:00+00:00",
                                                "updated_by": "x"},
        }  # fmt: skip
        entries = with_its_entry(laptop, "attachments", aid, "alteration")
        (result,) = laptop.remote.push([mutation], entries)["results"]
        assert result["status"] == "rejected" and "cannot be changed once it is made" in result["reason"]
