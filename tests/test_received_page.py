"""A pulled page as the device receives it (contract.sync.received): the fields other than the records
are read from the text before the records, which the store's writer reads from the text itself."""

from __future__ import annotations

import json

from somdesk.contract.sync import RECORDS_LAST, ReceivedPage, received

RECORD = {"t": "nominals", "id": "a", "v": 3, "x": False, "d": {"notes": 'said ,"records":[ "more":true'}}
FIELDS = {"gone": ["b"], "cursor": 3, "more": False, "conflicts": [], "policy_hash": "h", "scope": "s"}


def test_the_fields_are_read_from_before_the_records_whatever_the_records_hold():
    body = json.dumps(FIELDS, separators=(",", ":"))[:-1] + RECORDS_LAST + json.dumps(RECORD) + "]}"
    page = received(body)
    assert page == ReceivedPage(body, ["b"], 3, False, [], "h", "s")
    assert json.loads(page.text)["records"] == [RECORD]


def test_a_page_with_its_records_first_is_read_whole():
    body = json.dumps({"records": [RECORD, RECORD], **FIELDS} | {"more": True, "cursor": 9})
    page = received(body)
    assert (page.cursor, page.more, page.gone, page.scope) == (9, True, ["b"], "s")


def test_a_page_built_by_hand_reads_as_received():
    page = ReceivedPage.of({"records": [RECORD], "gone": [], "cursor": 1, "more": True})  # type: ignore[typeddict-item]
    assert (page.cursor, page.more, page.conflicts, page.scope) == (1, True, [], "")
    assert json.loads(page.text) == {"records": [RECORD]}
