"""Failed entry and s.96B on the record: after two unsuccessful attempts the Visits tab says a warrant
decision is due; a supervisor records it in the dialog (problems at their fields, Save disabled until
the decision keeps the rules), and the record then says the decision; a SOM sees the line, not the
button."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt

from somdesk.domain.model import Visit, VisitOutcome
from somdesk.domain.warrants import WarrantStatus
from somdesk.ui.record.warrant import WarrantDialog
from tests.conftest import TODAY
from tests.ui.test_visit_history import answer


def _unseen(controller):
    """A case in the community, not missing, with no attempt yet and not seen in the last month."""
    return next(
        s
        for s in controller.workspace.statuses
        if not s.case.attempts
        and not s.case.nominal.registration.in_custody
        and s.case.missing is None
        and not s.case.nominal.trips
        and (s.case.last_seen_visit is None or s.case.last_seen_visit < TODAY - timedelta(days=30))
    )


def _knock(controller, nid, days_ago, outcome=VisitOutcome.NOT_SEEN):
    at = datetime.combine(TODAY - timedelta(days=days_ago), datetime.min.time()) + timedelta(hours=10)
    return controller.session.record_visit(Visit(nid, at, outcome, officers=("DC Test", "PC Test")))


def _visits_tab(controller):
    record = controller.window.record
    record.tabs.setCurrentIndex(
        next(i for i in range(record.tabs.count()) if record.tabs.tabText(i) == "Visits")
    )
    return record.warrant


def test_a_supervisor_records_a_warrant_decision_after_two_failed_attempts(supervisor, monkeypatch):
    nid = _unseen(supervisor).case.nominal.id
    first = _knock(supervisor, nid, 14)
    second = _knock(supervisor, nid, 7, VisitOutcome.REFUSED_ENTRY)
    supervisor.refresh()
    assert nid in [i.nominal_id for i in supervisor.workspace.queues["warrants"]]
    supervisor.open_record(nid)
    section = _visits_tab(supervisor)
    assert section.line.text().startswith("Warrant decision due (s.96B): 2 unsuccessful attempts")
    assert "refused entry" in section.line.text()
    assert section.button.isVisible() and section.button.isEnabled()
    assert section.print_button.isEnabled()

    def fill(d: WarrantDialog):
        assert d.chosen_attempts() == (first, second)  # the attempts not yet decided on, ticked
        assert not d.save_button.isEnabled()  # no choice, no reason yet
        d.apply_yes.setChecked(True)
        assert "Reason: say why" in d.message.text() or not d.save_button.isEnabled()
        d.reason.setPlainText("two refusals; high risk; intelligence of devices at the address")
        d.decided_on.setText((TODAY + timedelta(days=1)).strftime("%d/%m/%Y"))
        assert "cannot be in the future" in d.decided_on.property("error")
        assert not d.save_button.isEnabled()
        d.decided_on.setText(TODAY.strftime("%d/%m/%Y"))
        assert d.save_button.isEnabled() and d.message.text() == ""

    answer(monkeypatch, WarrantDialog, fill)
    section.button.click()

    section = _visits_tab(supervisor)  # read again after the save
    assert "each covered by a decision" in section.line.text()
    assert "decided 23 Nov 2026 apply for a warrant: two refusals" in section.decisions.text()
    assert nid not in [i.nominal_id for i in supervisor.workspace.queues["warrants"]]
    with supervisor.session.opened.reader() as reader:
        kinds = [r.action for r in reader.audit_rows() if r.table_name == "warrant_decisions"]
    assert kinds == ["collection"]


def test_a_som_sees_the_prompt_but_may_not_decide(som):
    nid = _unseen(som).case.nominal.id
    _knock(som, nid, 14)
    _knock(som, nid, 7)
    som.refresh()
    som.open_record(nid)
    section = _visits_tab(som)
    assert section.line.text().startswith("Warrant decision due")
    assert not section.button.isVisible()
    assert section.print_button.isVisible() and section.print_button.isEnabled()  # a SOM may print it
    assert nid in [i.nominal_id for i in som.workspace.queues["warrants"]]


def test_the_dialog_unticks_attempts_already_decided_on(qtbot):
    from somdesk.domain.model import RecordedVisit

    at = datetime(2026, 11, 1, 10)
    a = RecordedVisit("n1", at, VisitOutcome.NOT_SEEN, id="a")
    b = RecordedVisit("n1", at + timedelta(days=7), VisitOutcome.NOT_SEEN, id="b")
    c = RecordedVisit("n1", at + timedelta(days=14), VisitOutcome.REFUSED_ENTRY, id="c")
    status = WarrantStatus((a, b, c), (b, c), True, "", "", None)
    d = WarrantDialog("QUENFORD, Liam", "n1", status, "DS Test", TODAY)
    qtbot.addWidget(d)
    assert d.decided_by.text() == "DS Test" and d.decided_by.isReadOnly()  # the signed-in user
    assert d.chosen_attempts() == ("b", "c")
    d.attempts.item(1).setCheckState(d.attempts.item(0).checkState())  # untick b
    assert d.chosen_attempts() == ("c",)
    d.apply_no.setChecked(True)
    d.reason.setPlainText("seen at the probation office")
    assert "at least two" in d.attempts.property("error") and not d.save_button.isEnabled()
    d.attempts.item(0).setCheckState(Qt.CheckState.Checked)  # a (decided on already) and c: b left behind
    assert "not yet decided on" in d.attempts.property("error") and not d.save_button.isEnabled()
    d.attempts.item(1).setCheckState(Qt.CheckState.Checked)
    assert d.save_button.isEnabled()


def test_the_warrant_pack_is_printed_from_the_visits_tab_and_logged(som, tmp_path):
    from tests.ui.test_printing import disclosures, text, wire

    answers = wire(som, tmp_path)
    nid = _unseen(som).case.nominal.id
    _knock(som, nid, 14)
    _knock(som, nid, 7, VisitOutcome.REFUSED_ENTRY)
    som.refresh()
    som.open_record(nid)
    _visits_tab(som).print_button.click()
    assert answers.offered == ()  # for the court: nothing offered to leave out
    content = " ".join(text(answers.paths[-1]).split())
    person = next(s for s in som.workspace.statuses if s.case.nominal.id == nid).case.nominal
    assert "Warrant application pack" in content and person.display_name in content
    assert "Refused entry" in content and "DC Test, PC Test" in content
    entry = disclosures(som)[-1]
    assert (entry.record_id, entry.detail) == (
        nid,
        "print warrant application pack: warrant-pack.pdf (in English)",
    )


def test_the_dialog_shows_the_s96b4_bar_before_the_choice_and_refuses_apply_at_the_field(qtbot):
    from dataclasses import replace

    from somdesk.domain.model import ForeignTrip, RecordedVisit, RiskLevel
    from tests.domain.test_queues import case

    nominal = case("n1", RiskLevel.HIGH).nominal
    trip = ForeignTrip(
        TODAY - timedelta(days=8), "Spain", TODAY - timedelta(days=20), "", TODAY + timedelta(days=22)
    )
    nominal = replace(nominal, trips=(trip,))
    at = datetime(2026, 11, 1, 10)
    a = RecordedVisit("n1", at, VisitOutcome.NOT_SEEN, id="a")
    b = RecordedVisit("n1", at + timedelta(days=7), VisitOutcome.NOT_SEEN, id="b")
    status = WarrantStatus((a, b), (a, b), False, "", "", None)
    d = WarrantDialog("QUENFORD, Liam", "n1", status, "DS Test", TODAY, None, nominal)
    qtbot.addWidget(d)
    assert d.bar.text().startswith("s.96B(4): no warrant while outside the UK (trip to Spain")
    assert not d.bar.isHidden()
    d.reason.setPlainText("abroad")
    d.apply_yes.setChecked(True)
    assert "s.96B(4)" in d.choice_box.property("error") and not d.save_button.isEnabled()
    d.apply_no.setChecked(True)
    assert d.save_button.isEnabled()
