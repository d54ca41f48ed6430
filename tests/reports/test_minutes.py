"""The minutes of a MAPPA meeting and the action list per agency (issue 20), read back with poppler:
attendance, the confidentiality statement, each case's decision and actions in the order heard, the
marking on every page, the free-text redaction and password, and the disclosure in the audit log."""

from __future__ import annotations

from datetime import timedelta

import pytest

from somdesk.app.profiles import demo_identity, open_demo_profile
from somdesk.app.session import Role, Session
from somdesk.domain.meeting_audit import MeetingAudit
from somdesk.domain.meetings import ActionStatus, Meeting, PanelAction, PanelDecision
from somdesk.reports.action_list import action_list_free_texts
from somdesk.reports.disclose import Disclosure
from somdesk.reports.minutes import minutes_free_texts
from somdesk.reports.service import Reports
from tests.conftest import TODAY
from tests.reports.test_documents import check_frame, disclosures, pages_text
from tests.test_session_meetings import panel_cases

HELD = TODAY - timedelta(days=10)


@pytest.fixture(scope="module")
def held(tmp_path_factory, policy_module):
    """A chair's session with a meeting held ten days ago: two cases heard, decisions, actions, audit."""
    opened = open_demo_profile(TODAY, tmp_path_factory.mktemp("minutes"), rsos=300, seed=8)
    s = Session(opened, demo_identity(opened, Role.PANEL_CHAIR), policy_module, lambda: TODAY, "demo")
    rows = panel_cases(s)
    area = rows[0][1]
    second, first = [nid for nid, a in rows if a == area][:2]  # heard in this order
    meeting = Meeting(area, 2, HELD, venue="Northmere police station", chair="DCI Synthia Tables",
                      invited=("Police", "Probation", "Housing", "Children's services"),
                      attending=("Police", "Probation"), cases=(second, first))  # fmt: skip
    meeting_id = s.save_meeting(meeting)
    s.record_decision(
        second,
        PanelDecision(meeting_id, 2, "Stays at level 2: still unstable housing.", HELD + timedelta(weeks=16),
                      supervision="Fortnightly home visits", victim_safety="Exclusion zone reviewed"),
    )  # fmt: skip
    s.record_decision(
        first, PanelDecision(meeting_id, 2, "Compliant: no change.", HELD + timedelta(weeks=16))
    )
    s.save_action(
        second,
        PanelAction(
            meeting_id, "Find approved premises", "Probation", "PO Synth Adams", HELD + timedelta(days=5)
        ),
    )  # fmt: skip  (overdue)
    s.save_action(second, PanelAction(meeting_id, "Check the new address", "Police", "DC Synth Brown",
                                      TODAY + timedelta(days=20)))  # fmt: skip
    s.save_action(first, PanelAction(meeting_id, "Share the licence conditions", "Police", "PC Synth Clark",
                                     TODAY + timedelta(days=3)))  # fmt: skip
    done = PanelAction(meeting_id, "Done already", "Housing", "Synth Officer", HELD + timedelta(days=2),
                       ActionStatus.DONE, HELD + timedelta(days=1))  # fmt: skip
    s.save_action(first, done)
    s.record_meeting_audit(
        meeting_id,
        MeetingAudit(HELD, quorate=True, confidentiality_read=True, victim_issues=True, diversity=False,
                     summary="Two cases heard; housing to be chased.",
                     absent_without_apology=("Housing",)),
    )  # fmt: skip
    yield s, s.meeting(meeting_id), second, first
    s.lock()


@pytest.fixture(scope="module")
def policy_module():
    from somdesk.app.policy import default_policy

    return default_policy()


def names(session, *ids):
    return [session.record(i, "check").status.case.nominal for i in ids]


def test_the_minutes_give_attendance_the_statement_and_each_cases_decision_and_actions_in_order(
    held, tmp_path
):
    session, meeting, second, first = held
    out = tmp_path / "minutes.pdf"
    before = len(disclosures(session))
    Reports(session).minutes(meeting, Disclosure("Northmere panel", "minutes", "minutes"),
                             Reports(session).options(), out)  # fmt: skip
    pages = pages_text(out)
    check_frame(pages)  # OFFICIAL-SENSITIVE top and bottom, page x of y
    text = "\n".join(pages)
    flat = " ".join(text.split())
    assert "Minutes of the MAPPA meeting" in text
    assert "Attending Police, Probation" in flat
    assert "Apologies Children's services" in flat
    assert "Absent without apology Housing" in flat
    assert "Read at the start of the meeting" in flat
    assert "Diversity considered No" in flat and "Two cases heard; housing to be chased." in flat
    a, b = names(session, second, first)
    assert flat.index(f"Case 1 of 2: {a.display_name} ({a.visor_ref})") < flat.index(
        f"Case 2 of 2: {b.display_name} ({b.visor_ref})"
    )
    case_1 = flat[flat.index("Case 1 of 2") : flat.index("Case 2 of 2")]
    assert "Stays at level 2: still unstable housing." in case_1
    assert "Plan: supervision Fortnightly home visits" in case_1
    assert "Plan: monitoring and control No change" in case_1
    assert "Plan: victim safety planning Exclusion zone reviewed" in case_1
    review = HELD + timedelta(weeks=16)
    assert f"Next review {review.day} {review:%b %Y}" in case_1
    assert "Find approved premises Probation PO Synth Adams" in case_1
    assert "Check the new address Police DC Synth Brown" in case_1
    due = HELD + timedelta(days=5)  # past: the overdue action says so, not only in red
    assert f"PO Synth Adams {due.day} {due:%b %Y} Open, OVERDUE" in case_1
    assert case_1.count("OVERDUE") == 1
    case_2 = flat[flat.index("Case 2 of 2") :]
    assert "Share the licence conditions" in case_2 and "Done already" in case_2 and "Done" in case_2
    # one disclosure per case and one of the meeting
    logged = disclosures(session)[before:]
    assert sorted(r.table_name for r in logged) == ["meetings", "nominals", "nominals"]


def test_minutes_leaving_out_free_text_and_with_a_password(held, tmp_path):
    session, meeting, _second, _first = held
    reports = Reports(session)
    out = tmp_path / "redacted.pdf"
    options = reports.options(password="correct horse battery", redact=["free-text"])
    reports.minutes(meeting, Disclosure("Northmere panel", "minutes", "minutes"), options, out)
    flat = " ".join(" ".join(pages_text(out, "correct horse battery")).split())
    assert "still unstable housing" not in flat and "housing to be chased" not in flat
    assert "[left out of this copy]" in flat
    assert "Absent without apology Housing" in flat  # attendance is not free text


def test_minutes_leaving_out_victim_details_withhold_victim_safety_planning_as_the_pack_does(held, tmp_path):
    """The minutes apply the pack's redactions through its owner (layout.PLAN_REDACTIONS): with victim
    details left out the victim safety planning prints "[withheld]" and is not offered for checking."""
    session, meeting, _second, _first = held
    reports = Reports(session)
    out = tmp_path / "no-victims.pdf"
    reports.minutes(
        meeting, Disclosure("Panel", "minutes", "minutes"), reports.options(redact=["victims"]), out
    )
    flat = " ".join(" ".join(pages_text(out)).split())
    assert "Exclusion zone" not in flat
    assert "Plan: victim safety planning [withheld]" in flat
    assert "Fortnightly home visits" in flat  # the other headings print as written
    records = [session.record(i, "check") for i in meeting.cases]
    offered = [
        t.text for t in minutes_free_texts(records, ["victims"], meeting, session.meeting_audit(meeting.id))
    ]
    assert "Exclusion zone reviewed" not in offered and "Fortnightly home visits" in offered


def test_every_free_text_the_minutes_print_is_offered_for_checking_and_an_edit_is_printed(held, tmp_path):
    """What the user checks is what the minutes print: the chair's summary, each rationale and plan
    change, each action's words; an edit or a text left out shows in the copy, the rest as written."""
    session, meeting, _second, _first = held
    records = [session.record(i, "check") for i in meeting.cases]
    audit = session.meeting_audit(meeting.id)
    items = minutes_free_texts(records, [], meeting, audit)
    texts = [t.text for t in items]
    assert texts == [
        "Two cases heard; housing to be chased.",
        "Stays at level 2: still unstable housing.",
        "Fortnightly home visits",
        "Exclusion zone reviewed",
        "Find approved premises",
        "Check the new address",
        "Compliant: no change.",
        "Done already",
        "Share the licence conditions",
    ]  # in the order printed: the meeting's, each case's decision then its actions, soonest due first
    assert minutes_free_texts(records, ["free-text"], meeting, audit) == []
    by_text = {t.text: t.key for t in items}
    edits = {
        by_text["Fortnightly home visits"]: "Weekly home visits",
        by_text["Two cases heard; housing to be chased."]: "Two cases heard.",
        by_text["Find approved premises"]: None,
    }
    reports = Reports(session)
    out = tmp_path / "edited.pdf"
    reports.minutes(meeting, Disclosure("Panel", "minutes", "minutes"), reports.options(edits=edits), out)
    flat = " ".join(" ".join(pages_text(out)).split())
    assert "Weekly home visits" in flat and "Fortnightly home visits" not in flat
    assert "Two cases heard." in flat and "housing to be chased" not in flat
    assert "Find approved premises" not in flat and "[left out of this copy]" in flat
    assert "Check the new address" in flat and "Compliant: no change." in flat


def test_the_action_list_groups_open_actions_by_agency_and_marks_the_overdue(held, tmp_path):
    session, meeting, second, _first = held
    out = tmp_path / "actions.pdf"
    before = len(disclosures(session))
    reports = Reports(session)
    reports.action_list(meeting, Disclosure("Agencies", "actions", "action list"), reports.options(), out)
    pages = pages_text(out)
    check_frame(pages)
    flat = " ".join(" ".join(pages).split())
    assert "3 open actions, 1 overdue, for 2 agencies" in flat
    assert flat.index("Police (2 actions)") < flat.index("Probation (1 action)")
    police = flat[flat.index("Police (2 actions)") : flat.index("Probation (1 action)")]
    assert "Share the licence conditions" in police and "Check the new address" in police
    assert "Find approved premises" not in police
    (a,) = names(session, second)
    assert f"{a.display_name} ({a.visor_ref}) Find approved premises PO Synth Adams" in flat
    assert "(OVERDUE, 5 days)" in flat
    assert "Done already" not in flat and "Housing (" not in flat
    logged = disclosures(session)[before:]
    assert sorted(r.table_name for r in logged) == ["meetings", "nominals", "nominals"]


def test_an_action_list_for_one_agency_holds_only_its_actions_and_its_words_are_checked(held, tmp_path):
    session, meeting, _second, _first = held
    reports = Reports(session)
    rows = reports.action_rows(meeting, "  police ")  # the same agency whatever its case and spacing
    assert sorted(r.action.what for r in rows) == ["Check the new address", "Share the licence conditions"]
    assert [t.text for t in action_list_free_texts(rows, [])] == [
        "Share the licence conditions",
        "Check the new address",
    ]  # in the order printed: soonest due first
    assert action_list_free_texts(rows, ["free-text"]) == []
    out = tmp_path / "police.pdf"
    edits = {action_list_free_texts(rows, [])[1].key: None}
    reports.action_list(meeting, Disclosure("Police", "actions", "action list"), reports.options(edits=edits),
                        out, "Police")  # fmt: skip
    flat = " ".join(" ".join(pages_text(out)).split())
    assert "MAPPA actions for Police" in flat and "2 open actions" in flat
    assert "Find approved premises" not in flat and "Probation" not in flat
    assert "Share the licence conditions" in flat and "Check the new address" not in flat
    assert "[left out of this copy]" in flat
    free = tmp_path / "no-free-text.pdf"
    options = reports.options(redact=["free-text"])
    reports.action_list(meeting, Disclosure("Police", "actions", "action list"), options, free, "Police")
    assert "Share the licence conditions" not in " ".join(" ".join(pages_text(free)).split())


def test_the_command_line_prints_a_stored_meetings_minutes_and_names_a_meeting_not_held(
    tmp_path, monkeypatch, capsys
):
    from somdesk.cli.main import main

    monkeypatch.setenv("SOMDESK_PROFILES", str(tmp_path / "profiles"))
    out = tmp_path / "minutes.pdf"
    argv = ["report", "minutes", "--profile", "demo", "--recipient", "Panel", "--reason", "minutes"]
    assert main([*argv, "--meeting", "2001-01-01", "-o", str(out)]) != 0
    assert "--meeting: no level 2 MAPPA meeting on 2001-01-01 on this computer" in capsys.readouterr().err
    assert not out.exists()
    actions = tmp_path / "actions.pdf"
    assert main(["report", "action-list", "--profile", "demo", "--recipient", "Agencies", "--reason", "x",
                 "-o", str(actions)]) == 0  # fmt: skip
    flat = " ".join(" ".join(pages_text(actions)).split())
    assert "Every open action of the panel's cases" in flat and "open actions" in flat
    assert "were printed as written" in capsys.readouterr().out  # the actions' words are free text
    agency = tmp_path / "agency.pdf"
    assert main(["report", "action-list", "--profile", "demo", "--recipient", "Police", "--reason", "x",
                 "--agency", "No Such Agency", "-o", str(agency)]) != 0  # fmt: skip
    assert "--agency: no open action owned by 'No Such Agency'" in capsys.readouterr().err
    assert not agency.exists()
    assert main(["report", "action-list", "--profile", "demo", "--recipient", "Police", "--reason", "x",
                 "--agency", "police", "-o", str(agency)]) == 0  # fmt: skip
    flat = " ".join(" ".join(pages_text(agency)).split())
    assert "MAPPA actions for Police" in flat and "for 1 agency" in flat
