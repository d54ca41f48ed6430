"""Outside review: "a recipient typed as RLO+'LIVE' is displayed as 'EVIL' in the Recipient column". Stored
text in any table cell (the audit trail's recipient, justification and detail among them) shows every
invisible format character as its escape; the disclosure dialog refuses one in a recipient or reason."""

from __future__ import annotations

from datetime import datetime

from somdesk.ui.dialogs.disclose import DiscloseDialog
from somdesk.ui.record.view import _audit_columns

RLO = "\u202e"


def test_the_audit_trail_shows_a_bidi_override_as_its_escape(qtbot):
    row = {
        "at": datetime(2026, 12, 1, 9),
        "user": "DC \u2067One",
        "event": "disclosure",
        "action": "disclosure",
        "justification": "panel\u200b",
        "recipient": RLO + "LIVE",
        "detail": "printed \u2066x",
    }
    shown = {c.title: c.text(row) for c in _audit_columns()}
    assert shown["Recipient"] == "\\u202eLIVE"
    assert shown["Justification"] == "panel\\u200b" and shown["Who"] == "DC \\u2067One"
    assert shown["Detail"] == "printed \\u2066x"


def test_the_disclosure_dialog_refuses_a_bidi_override_in_the_recipient_or_reason(qtbot):
    dialog = DiscloseDialog("Print case summary…", "OFFICIAL-SENSITIVE", True, [], True)
    qtbot.addWidget(dialog)
    dialog.recipient.setCurrentText(RLO + "LIVE")
    dialog.justification.setText("panel\u2066")
    problems = dialog.problems()
    assert (
        "invisible character" in problems["recipient"] and "type the recipient again" in problems["recipient"]
    )
    assert "invisible character" in problems["justification"]
    dialog.recipient.setCurrentText("Northmere MAPPA panel")
    dialog.justification.setText("panel on 1 December")
    assert dialog.problems() == {}
