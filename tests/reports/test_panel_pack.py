"""The panel pack a chair puts on the table (issue 20), read back with poppler page by page: the cover
with the meeting and its agenda, the contents' page numbers, what needs the panel's attention, the
chronology since the last meeting, previous decisions and open actions, redaction and the log."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pytest

from somdesk.app.profiles import demo_identity, open_demo_profile
from somdesk.app.session import Role, Session
from somdesk.domain.breaches import Breach, BreachAction, BreachKind
from somdesk.domain.details import DetailKind, NotifiedDetail
from somdesk.domain.meetings import ActionStatus, Meeting, PanelAction, PanelDecision
from somdesk.domain.model import Mappa
from somdesk.reports.disclose import Disclosure
from somdesk.reports.layout import render_paged
from somdesk.reports.panel_pack import PanelHistory, pack_free_texts, panel_pack_story
from somdesk.reports.service import Reports
from tests.conftest import TODAY
from tests.reports.test_documents import check_frame, disclosures, pages_text

MEETING = Meeting(
    "Northmere",
    2,
    date(2026, 12, 1),
    time(10, 0),
    "Northmere Police Station, room 2",
    "DCI Synthia Tables",
    ("Police", "Probation", "Housing"),
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("profiles")


@pytest.fixture
def session(folder, policy):
    opened = open_demo_profile(TODAY, folder, rsos=300, seed=8)
    s = Session(opened, demo_identity(opened, Role.PANEL_CHAIR), policy, lambda: TODAY, "demo")
    yield s
    s.lock()


@pytest.fixture
def reports(session):
    return Reports(session)


def level_2(session, count: int) -> list[str]:
    return [s.case.nominal.id for s in session.workspace().statuses if s.case.nominal.mappa.level == 2][
        :count
    ]


def test_the_contents_give_the_page_each_case_starts_on_and_the_pack_is_logged(reports, session, tmp_path):
    ids = level_2(session, 4)
    out = tmp_path / "pack.pdf"
    before = len(disclosures(session))
    reports.panel_pack(
        ids, MEETING, Disclosure("Northmere panel", "monthly panel", "panel pack"), reports.options(), out
    )
    pages = pages_text(out)
    check_frame(pages)
    contents = next(i for i, p in enumerate(pages, 1) if "Contents" in p)
    rows = subprocess.run(
        ["pdftotext", "-layout", "-f", str(contents), "-l", str(contents), str(out), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    names = [session.record(i, "check").status.case.nominal for i in ids]
    starts = []
    for number, n in enumerate(names, 1):
        row = next(line for line in rows if n.visor_ref in line)
        page = int(row.split()[-1])  # the last column: the page the case starts on
        starts.append(page)
        assert f"Case {number} of 4" in pages[page - 1] and n.display_name in pages[page - 1]
        assert f"Case {number} of 4" not in pages[page - 2]  # it starts there, not before
    assert starts == sorted(starts) and starts[0] == contents + 1
    assert len(disclosures(session)) == before + len(ids)


def test_the_cover_names_the_panel_the_meeting_and_the_agenda_with_why_each_case_is_there(
    reports, session, tmp_path
):
    ids = level_2(session, 2)
    out = tmp_path / "pack.pdf"
    reports.panel_pack(
        ids, MEETING, Disclosure("Northmere panel", "panel", "panel pack"), reports.options(), out
    )
    cover = " ".join(pages_text(out)[0].split())
    for words in (
        "Northmere MAPPA level 2 panel",
        "Tuesday 01 December 2026 at 10:00",
        "Northmere Police Station, room 2",
        "DCI Synthia Tables",
        "Police, Probation, Housing",
        "Agenda",
    ):
        assert words in cover
    for nid in ids:
        n = session.record(nid, "check").status.case.nominal
        assert n.visor_ref in cover
    assert re.search(r"Review (overdue|due)|New referral|Chosen by the chair", cover)


def test_a_crafted_case_shows_what_needs_attention_its_history_and_only_the_chronology_since_the_meeting(
    session, reports, tmp_path
):
    record = session.record(level_2(session, 1)[0], "check")
    n = record.status.case.nominal
    heard = Mappa(1, 2, last_meeting=date(2026, 8, 1), next_review=date(2026, 11, 1))  # review overdue
    status = record.status._replace(case=record.status.case._replace(nominal=replace(n, mappa=heard)))
    old = Breach(BreachKind.ORDER, date(2026, 6, 1), "DC Synth", BreachAction.WARNING, "Old internet term")
    new = Breach(BreachKind.LICENCE, date(2026, 9, 14), "DC Synth", BreachAction.RECALL_REQUEST, "Curfew")
    crafted = replace(record, status=status, rm2000=[], breaches=[new, old])
    decision = PanelDecision("m0", 2, "Risk to children remains high", date(2026, 11, 1), "Weekly visits")
    history = {
        n.id: PanelHistory(
            decisions=[(date(2026, 8, 1), decision)],
            actions=[
                PanelAction(
                    "m0", "Refer to the housing panel", "Probation", "A. Synthwright", date(2026, 9, 1)
                ),
                PanelAction(
                    "m0", "Closed already", "Police", "DC Synth", date(2026, 9, 1), ActionStatus.DONE
                ),
            ],
        )
    }
    options = reports.options()
    out = tmp_path / "crafted.pdf"
    render_paged(
        panel_pack_story([crafted], {}, MEETING, TODAY, session.policy, options, history),
        "pack",
        options,
        out,
    )
    text = " ".join(" ".join(pages_text(out)).split())

    attention = text[text.index("For the panel's attention") : text.index("Previous panel decisions")]
    assert "MAPPA review overdue: due 1 Nov 2026" in attention
    assert "No Risk Matrix 2000 assessment recorded for a level 2 case" in attention
    assert "Breach found 14 Sep 2026 since the last meeting: Licence: Curfew" in attention
    assert "Old internet term" not in attention  # found before the last meeting: the panel has heard it
    assert (
        "Panel action overdue: Refer to the housing panel (Probation, A. Synthwright), due 1 Sep 2026"
        in attention
    )
    assert "Risk to children remains high" in text and "Supervision: Weekly visits" in text
    actions = text[text.index("Open panel actions") : text.index("Identity")]
    assert "Refer to the housing panel" in actions and "Closed already" not in actions
    chronology = text[text.index("Chronology since the last meeting (1 Aug 2026)") :]
    assert "Breach found: Licence: Curfew" in chronology and "Old internet term" not in chronology
    # The chronology's free text is offered for checking with the summary's, as this pack prints it.
    keys = [t.key for t in pack_free_texts([crafted], [], MEETING.held_on)]
    assert any("/chronology/" in k for k in keys) and any("/breach/" in k for k in keys)


def test_a_pack_leaving_numbers_out_prints_no_bank_or_document_number(reports, session, tmp_path):
    nid = level_2(session, 1)[0]
    editor = Session(
        session.opened, demo_identity(session.opened, Role.SUPERVISOR), session.policy, lambda: TODAY
    )
    editor.save_detail(
        nid,
        NotifiedDetail(DetailKind.BANK_ACCOUNT, "Synthbank current account", date(2026, 9, 1), "83920174"),
    )
    editor.save_detail(
        nid, NotifiedDetail(DetailKind.PASSPORT, "British passport", date(2026, 9, 1), "559912347")
    )
    whole, redacted = tmp_path / "whole.pdf", tmp_path / "redacted.pdf"
    disclosure = Disclosure("Northmere panel", "panel", "panel pack")
    reports.panel_pack([nid], MEETING, disclosure, reports.options(), whole)
    reports.panel_pack([nid], MEETING, disclosure, reports.options(redact=["numbers"]), redacted)
    assert "83920174" in " ".join(pages_text(whole))
    text = " ".join(pages_text(redacted))
    assert "Synthbank current account" in text
    assert "83920174" not in text and "559912347" not in text


def test_the_command_line_pack_takes_the_meeting_and_names_a_bad_value(tmp_path, monkeypatch, capsys):
    from somdesk.cli.main import main

    monkeypatch.setenv("SOMDESK_PROFILES", str(tmp_path / "profiles"))
    out = tmp_path / "pack.pdf"
    argv = ["report", "panel-pack", "--profile", "demo", "--due-by", "2026-12-31", "--meeting", "2026-12-01"]
    argv += ["--panel", "Northmere", "--recipient", "Northmere panel", "--reason", "panel", "-o", str(out)]
    assert main([*argv, "--time", "half past ten"]) != 0
    assert "--time: 'half past ten' is not a time of day (HH:MM)" in capsys.readouterr().err
    assert main([*argv, "--level", "1"]) != 0
    assert "--level: a MAPPA panel meets for level 2 or 3 cases, not level 1" in capsys.readouterr().err
    assert not out.exists()
    meeting = [
        "--time",
        "10:00",
        "--venue",
        "Room 2",
        "--chair",
        "DCI Synthia Tables",
        "--invited",
        "Police,Health",
    ]
    assert main([*argv, *meeting]) == 0
    cover = " ".join(pages_text(out)[0].split())
    assert "Northmere MAPPA level 2 panel" in cover and "at 10:00" in cover and "Room 2" in cover
    assert "DCI Synthia Tables" in cover and "Police, Health" in cover


def test_a_previous_decision_without_reasons_reads_as_such_and_its_plan_changes_read_as_one_line(
    session, reports, tmp_path
):
    """A level kept needs no reasons (DOMAIN.md §7): the pack says none were recorded rather than printing
    "Level 2:" with nothing after it; each plan change's own full stop does not run into the next."""
    record = session.record(level_2(session, 1)[0], "check")
    kept = PanelDecision("m0", 2, "", date(2026, 11, 1), "Weekly visits.", victim_safety="School told.")
    history = {record.nominal_id: PanelHistory(decisions=[(date(2026, 8, 1), kept)], actions=[])}
    options = reports.options()
    out = tmp_path / "kept.pdf"
    render_paged(
        panel_pack_story([record], {}, MEETING, TODAY, session.policy, options, history), "p", options, out
    )
    text = " ".join(" ".join(pages_text(out)).split())
    decisions = text[text.index("Previous panel decisions") : text.index("Open panel actions")]
    assert "Level 2:" not in decisions and "2 None recorded" in decisions
    assert "Supervision: Weekly visits; Victim safety planning: School told" in decisions
    assert ".;" not in decisions


def test_a_case_heard_at_the_meeting_printed_says_so_on_the_cover_not_why_it_came(session, reports, tmp_path):
    """A pack printed again after the meeting: the review date is the one the panel set there, so the
    agenda says the case was heard rather than "Chosen by the chair: review not due until …"."""
    record = session.record(level_2(session, 1)[0], "check")
    held = replace(MEETING, id="m-held")
    decided = PanelDecision(held.id, 2, "", date(2027, 3, 1), held_on=held.held_on, id="d-held")
    heard = replace(record, decisions=[decided, *record.decisions])
    options = reports.options()
    out = tmp_path / "heard.pdf"
    render_paged(panel_pack_story([heard], {}, held, TODAY, session.policy, options), "p", options, out)
    cover = " ".join(pages_text(out)[0].split())
    assert "Heard: the panel's decision is recorded" in cover and "Chosen by the chair" not in cover


def test_a_pack_for_cases_chosen_on_the_panel_list_shows_their_stored_previous_decisions(
    session, reports, tmp_path
):
    """Printed from the MAPPA panel list (no meeting saved), each case's earlier decisions and open
    actions are still the ones stored on its record, never "None recorded" for a case the panel heard."""
    heard = next(
        r
        for r in (session.record(i, "check") for i in level_2(session, 40))
        if any(d.held_on and d.held_on < MEETING.held_on for d in r.decisions)
    )
    out = tmp_path / "chosen.pdf"
    reports.panel_pack(
        [heard.nominal_id], MEETING, Disclosure("Panel", "panel", "pack"), reports.options(), out
    )
    text = " ".join(" ".join(pages_text(out)).split())
    decisions = text[text.index("Previous panel decisions") : text.index("Open panel actions")]
    latest = max(d.held_on for d in heard.decisions if d.held_on)
    assert "None recorded" not in decisions and f"{latest.day} {latest:%b %Y}" in decisions


def test_the_earlier_decisions_and_open_actions_free_text_is_offered_for_checking_and_printed_as_checked(
    session, reports, tmp_path
):
    """The pack prints the earlier meetings' rationales, plan changes and open actions as written: they
    are in the list the user checks first, and an edit or a text left out shows in the copy."""
    record = session.record(level_2(session, 1)[0], "check")
    decision = PanelDecision(
        "m0", 2, "Risk to children remains high", date(2026, 11, 1), "Weekly visits", id="d0"
    )
    action = PanelAction(
        "m0", "Refer to the housing panel", "Probation", "A. Synthwright", date(2026, 9, 1), id="a0"
    )
    history = {record.nominal_id: PanelHistory(decisions=[(date(2026, 8, 1), decision)], actions=[action])}
    items = pack_free_texts([record], [], MEETING.held_on, history)
    by_text = {t.text: t for t in items}
    for words in ("Risk to children remains high", "Weekly visits", "Refer to the housing panel"):
        assert words in by_text
    assert [t.text for t in items][:3] == [
        "Risk to children remains high",
        "Weekly visits",
        "Refer to the housing panel",
    ]
    assert pack_free_texts([record], ["free-text"], MEETING.held_on, history) == []
    edits = {
        by_text["Risk to children remains high"].key: "Risk remains",
        by_text["Weekly visits"].key: "Fortnightly visits",
        by_text["Refer to the housing panel"].key: None,
    }
    options = reports.options(edits=edits)
    out = tmp_path / "checked.pdf"
    render_paged(
        panel_pack_story([record], {}, MEETING, TODAY, session.policy, options, history), "p", options, out
    )
    text = " ".join(" ".join(pages_text(out)).split())
    past = text[text.index("Previous panel decisions") : text.index("Identity")]
    assert "Risk remains" in past and "remains high" not in past
    assert "Supervision: Fortnightly visits" in past and "Weekly visits" not in past
    assert "Refer to the housing panel" not in past and "[left out of this copy]" in past


def test_the_packs_earlier_decisions_withhold_victim_safety_planning_with_victim_details_left_out():
    """The earlier decisions' plan changes follow the same redaction as the case's plan (one owner,
    layout.PLAN_REDACTIONS): not offered for checking, printed "[withheld]"."""
    from somdesk.reports.layout import Options
    from somdesk.reports.panel_pack import _decisions, history_free_texts

    decision = PanelDecision(
        "m1", 2, "Kept at level 2", date(2026, 12, 1), victim_safety="Keep away from 4 Elm Rd"
    )
    decision = replace(decision, id="d1")
    history = PanelHistory(decisions=[(date(2026, 8, 1), decision)])
    assert "Keep away from 4 Elm Rd" in [t.text for t in history_free_texts("n1", "A", history)]
    assert "Keep away from 4 Elm Rd" not in [
        t.text for t in history_free_texts("n1", "A", history, ["victims"])
    ]
    options = Options(
        "OFFICIAL-SENSITIVE", "Tester", datetime(2026, 12, 1, 9, 0), redact=frozenset({"victims"})
    )
    table = _decisions("n1", history, options)[-1]
    printed = str(table._cellvalues)
    assert "Elm Rd" not in printed and "[withheld]" in printed


def test_the_command_line_pack_of_a_stored_meeting_is_the_windows_its_cases_cover_and_history(
    tmp_path, monkeypatch, capsys
):
    """`panel-pack --meeting DATE --panel AREA` finds the stored meeting as `minutes` does and prints its
    pack as the window's Print pack… does: its cases in the order heard, its cover as stored, its history;
    a cover option typed as well is refused, naming it."""
    from somdesk.cli.main import main

    profiles = tmp_path / "profiles"
    monkeypatch.setenv("SOMDESK_PROFILES", str(profiles))
    base = ["report", "panel-pack", "--profile", "demo", "--recipient", "Panel", "--reason", "panel"]
    assert main([*base, "--meeting", "2001-01-01", "-o", str(tmp_path / "none.pdf")]) != 0
    assert "choose at least one case" in capsys.readouterr().err  # no stored meeting, no case chosen
    opened = open_demo_profile(date.today(), profiles)
    with opened.reader() as reader:
        stored = max((m for m in reader.panel().meetings() if len(m.cases) > 1), key=lambda m: m.held_on)
        names = [reader.nominal(i).display_name for i in stored.cases]
    opened.lock()
    at = ["--meeting", stored.held_on.isoformat(), "--panel", stored.area, "--level", str(stored.level)]
    window = tmp_path / "window.pdf"
    assert main([*base, *at, "-o", str(window)]) == 0, capsys.readouterr().err
    cover = " ".join(pages_text(window)[0].split())
    assert stored.venue in cover and stored.chair in cover and "To be confirmed" not in cover
    assert [cover.index(n) for n in names] == sorted(cover.index(n) for n in names)  # in the order heard
    assert main([*base, *at, "--venue", "Elsewhere", "-o", str(tmp_path / "v.pdf")]) != 0
    assert "--venue: the " in capsys.readouterr().err


def test_a_command_line_pack_of_the_cases_due_is_one_panels_most_pressing_first(
    tmp_path, monkeypatch, capsys
):
    from somdesk.cli.main import main

    profiles = tmp_path / "profiles"
    monkeypatch.setenv("SOMDESK_PROFILES", str(profiles))
    out = tmp_path / "due.pdf"
    argv = ["report", "panel-pack", "--profile", "demo", "--recipient", "Panel", "--reason", "panel"]
    # Far enough ahead that every level 3 case of the panel is due, whatever day the test runs.
    ahead = (date.today() + timedelta(days=200)).isoformat()
    argv += ["--due-by", ahead, "--meeting", ahead, "--level", "3", "-o", str(out)]
    assert main(argv) != 0
    assert "--panel: the cases due by a date are one panel's" in capsys.readouterr().err
    opened = open_demo_profile(date.today(), profiles)
    with opened.reader() as reader:
        area = next(m.area for m in reader.panel().meetings() if m.level == 3)
    opened.lock()
    assert main([*argv, "--panel", area]) == 0, capsys.readouterr().err
    pages = pages_text(out)
    contents = " ".join(pages[1].split())
    assert "Level 2" not in contents and "Level 3" in contents  # the panel's level only
    agenda = " ".join(pages[0].split())
    reasons = re.findall(r"(New referral|Review overdue|Review due)", agenda)
    ranks = [{"New referral": 0, "Review overdue": 1, "Review due": 2}[r] for r in reasons]
    assert reasons and ranks == sorted(ranks)


def test_the_plans_old_free_text_actions_print_only_as_earlier_notes_before_any_decision(
    session, reports, tmp_path
):
    """One record of the panel's actions: with decisions recorded the pack never prints the plan's old
    free-text "Decisions and actions" beside them; before any, it prints it as earlier notes."""
    from somdesk.domain.meetings import EARLIER_NOTES

    record = session.record(level_2(session, 1)[0], "check")
    old = "Police to visit weekly, written before meetings were recorded"
    decided = PanelDecision("m0", 2, "Kept at level 2.", date(2027, 1, 1), held_on=date(2026, 9, 1))
    options = reports.options()
    for decisions, printed in (([decided], False), ([], True)):
        data = replace(record, plan=replace(record.plan, actions=old), decisions=decisions)
        out = tmp_path / f"notes-{printed}.pdf"
        render_paged(panel_pack_story([data], {}, MEETING, TODAY, session.policy, options), "p", options, out)
        text = " ".join(" ".join(pages_text(out)).split())
        assert (old in text) is printed and (EARLIER_NOTES in text) is printed
        assert any(t.text == old for t in pack_free_texts([data], [], MEETING.held_on)) is printed


def test_the_packs_chronology_leaves_out_the_records_own_printing_the_records_chronology_keeps_it(
    session, reports, tmp_path
):
    """Printing a pack logs a disclosure of each case; the next pack's chronology since the last meeting
    does not list it (noise, and it names the file), while the record's chronology does."""
    nid = level_2(session, 1)[0]
    disclosure = Disclosure("Northmere panel", "panel", "panel pack")
    reports.panel_pack([nid], MEETING, disclosure, reports.options(), tmp_path / "first-pack.pdf")
    record = session.record(nid, "check")
    assert any("first-pack.pdf" in e.words for e in record.chronology())  # the record keeps it
    again = tmp_path / "again.pdf"
    reports.panel_pack([nid], MEETING, disclosure, reports.options(), again)
    text = " ".join(" ".join(pages_text(again)).split())
    assert "first-pack.pdf" not in text and "printed or exported" not in text
    assert not [t for t in pack_free_texts([record], [], MEETING.held_on) if "first-pack" in t.text]
