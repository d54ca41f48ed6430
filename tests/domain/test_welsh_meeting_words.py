"""The words of meetings, name changes, the chronology, attendance, attachments, the trend and the bands
in Welsh once the window's language is Welsh: each sentence from its translated template, its dates with
Welsh month names; what is stored, compared or quoted from the record stays as it was written."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime

import pytest

from somdesk.domain import text
from somdesk.domain.attachments import Attachment, AttachmentCategory, MediaType
from somdesk.domain.attendance import attendance_problems
from somdesk.domain.bands import BandTable
from somdesk.domain.chronology import AUDIT_LOG, EventKind, chronology, in_panel_pack
from somdesk.domain.meeting_audit import figures_words, meeting_figures
from somdesk.domain.meetings import ActionStatus, Meeting, agenda_reason
from somdesk.domain.model import Mappa, Visit, VisitOutcome
from somdesk.domain.name_changes import NameChangeNotice, in_words, notice_values
from somdesk.domain.trend import SNAPSHOT_FIGURES
from tests.domain.test_chronology import PERSON
from tests.domain.test_name_changes import DECISION, NOTICE, RULES

CY = {
    # A few of the templates, as the translation file gives them (the month names are domain/language.py's).
    "Review overdue: due {0}": "Adolygiad yn hwyr: yn ddyledus {0}",
    "No MAPPA meeting held since {0}.": "Dim cyfarfod MAPPA wedi'i gynnal ers {0}.",
    "Done": "Wedi'i wneud",
    "{0} due {1} ({2}){3}": "{0}: yn ddyledus {1} ({2}){3}",
    "in {0}": "mewn {0}",
    "day": "diwrnod",
    "Home visit (unannounced) at {0:%H:%M}: {1}": "Ymweliad cartref (dirybudd) am {0:%H:%M}: {1}",
    "Travels to {0}, returning {1}": "Yn teithio i {0}, yn dychwelyd {1}",
    "Seen": "Gwelwyd",
    "Visits": "Ymweliadau",
    "Authorised by": "Awdurdodwyd gan",
    "not a supervisor of this force: {0}": "nid yw'n oruchwyliwr yn yr heddlu hwn: {0}",
    "Face": "Wyneb",
    "{0}, {1:%d %b %Y}": "{0}, {1:%d %b %Y}",
    "{0} or fewer": "{0} neu lai",
}


@pytest.fixture(autouse=True)
def welsh() -> Iterator[None]:
    text.use_language("cy", lambda s: CY.get(s, s))
    try:
        yield
    finally:
        text.use_language("en", lambda s: s)


def test_a_meetings_reasons_and_figures_are_welsh_and_an_action_status_label_stays_english():
    meeting = Meeting("North", 2, date(2026, 12, 10))
    overdue = Mappa(1, 2, next_review=date(2026, 11, 20))
    assert agenda_reason(overdue, meeting, date(2026, 11, 30), {2: 16, 3: 8}) == (
        "Adolygiad yn hwyr: yn ddyledus 20 Tach 2026"
    )
    figures = meeting_figures([], date(2026, 1, 1), date(2026, 11, 30))
    assert figures_words(figures) == "Dim cyfarfod MAPPA wedi'i gynnal ers 1 Ion 2026."
    # A label is kept in English (marked for translation) and translated where it is shown.
    assert ActionStatus.DONE.label == "Done" and text.tr(ActionStatus.DONE.label) == "Wedi'i wneud"


def test_a_name_change_notice_is_said_in_welsh_and_its_stored_steps_stay_the_policys():
    assert (
        in_words(NOTICE, RULES, date(2026, 11, 27))
        == "Police decision: yn ddyledus 30 Tach 2026 (mewn 3 diwrnod)"
    )
    done = NameChangeNotice(
        NOTICE.intended_name, NOTICE.received_on, NOTICE.change_on, {DECISION: date(2026, 11, 20)}
    )
    assert json.loads(notice_values(done)["steps"]) == {"Police decision": "2026-11-20"}


def test_the_chronology_is_welsh_while_its_sources_and_the_audit_logs_own_words_stay_as_stored():
    visit = Visit(
        "n1", datetime(2026, 11, 3, 10, 0), VisitOutcome.SEEN, announced=False, officers=("A B", "C D")
    )
    entry = {
        "at": datetime(2026, 11, 4, 9, 0),
        "action": "disclosure",
        "table_name": "nominals",
        "user": "",
        "detail": "",
        "recipient": "",
        "justification": "",
        "event": "Offender record printed or exported",
    }
    events = chronology(PERSON, [visit], audit=[entry])
    seen = next(e for e in events if e.kind is EventKind.VISIT)
    assert (seen.words, seen.source) == ("Ymweliad cartref (dirybudd) am 10:00: Gwelwyd", "Visits")
    trip = next(e for e in events if e.kind is EventKind.TRAVEL)
    assert trip.words == "Yn teithio i France, yn dychwelyd 8 Awst 2024"
    printed = next(e for e in events if e.source == AUDIT_LOG)
    assert printed.words == "Offender record printed or exported" and not in_panel_pack(printed)


def test_a_lone_visits_problem_is_welsh_and_its_field_stays_the_records():
    lone = Visit("n1", datetime(2026, 11, 30, 10), VisitOutcome.SEEN, officers=("DC Ash",), lone_reason="ill",
                 lone_authorised_by="DS Nobody")  # fmt: skip
    assert attendance_problems(lone, True, ["DS Grey"]) == [
        ("lone_authorised_by", "Awdurdodwyd gan", "nid yw'n oruchwyliwr yn yr heddlu hwn: DS Nobody")
    ]


def test_an_attachment_is_shown_in_welsh_and_the_audits_description_stays_english():
    face = Attachment(
        "a1", "n1", AttachmentCategory.FACE, date(2026, 11, 3), "DC Ash", "", MediaType.JPEG, 1, "x"
    )
    assert face.shown == "Wyneb, 3 Tach 2026"  # Welsh writes the day without a nought
    assert face.describe == "Face, 03 Nov 2026"  # quoted in the audit log's detail of a removal
    assert SNAPSHOT_FIGURES["visits_overdue"] == "Visits overdue"  # translated where shown
    assert BandTable.of([(4, 0), (None, 1)]).describe(3) == "4 neu lai"
