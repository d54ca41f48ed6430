"""Intelligence that the person may offend, set in the real window beside the visit plan: while
"Reactive management" is ticked the form says which criterion fails, and once saved the reactive case
goes back to routine visits with "reactive management to be reviewed (…)" on the record and queue."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton

from somdesk.domain.visits import VisitState


def visits_tab(controller):
    record = controller.window.record
    return next(
        record.tabs.widget(i)
        for i in range(record.tabs.count())
        if record.tabs.tabText(i).startswith("Visits")
    )


def test_intelligence_typed_in_the_window_sends_a_reactive_case_to_review(som):
    case = next(s for s in som.workspace.statuses if s.visit.state is VisitState.REACTIVE).case
    nid = case.nominal.id
    som.open_record(nid)
    tab = visits_tab(som)
    fields = som.window.record.intelligence
    reactive = next(w for w in tab.findChildren(QCheckBox) if w.text().startswith("Reactive management"))
    criteria = next(
        w
        for w in tab.findChildren(QLabel)
        if w.accessibleName().startswith("Reactive management criteria: ")  # and what it shows
    )
    assert reactive.isChecked() and criteria.text() == "Meets all four criteria for reactive management"

    fields.on.setText("01/10/2026")  # seven weeks before TODAY: within the 3 years
    fields.note.setText("seen waiting outside a primary school")
    assert criteria.text() == (
        "Not eligible for reactive management: intelligence that they may offend recorded 1 Oct 2026"
    )
    reactive.setChecked(False)
    assert criteria.text() == "" and not criteria.isVisible()
    reactive.setChecked(True)  # the plan stays reactive: the officer has not reviewed it yet

    next(w for w in tab.findChildren(QPushButton) if w.text() == "Save visit plan").click()
    assert som.window.statusBar().currentMessage().startswith("Visit plan saved")
    with som.session.opened.reader() as reader:
        stored = reader.nominal(nid)
    assert (str(stored.intelligence_on), stored.visit_plan.reactive) == ("2026-10-01", True)

    status = next(s for s in som.workspace.statuses if s.case.nominal.id == nid)
    assert status.case.nominal.intelligence_note == "seen waiting outside a primary school"
    assert status.visit.state is VisitState.ROUTINE and status.visit.review_reactive
    why = "reactive management to be reviewed (intelligence that they may offend recorded 1 Oct 2026)"
    assert status.visit.basis.endswith(why)
    shown = "\n".join(w.text() for w in som.window.record.findChildren(QLabel))
    assert why in shown and "recorded 1 Oct 2026: seen waiting outside a primary school" in shown
    queued = [i for i in som.workspace.queues["visits"] if i.nominal_id == nid]
    assert all(why in i.reason for i in queued)


def test_an_intelligence_date_in_the_future_is_shown_at_its_field_and_not_saved(som):
    nid = som.workspace.statuses[0].case.nominal.id
    som.open_record(nid)
    tab = visits_tab(som)
    fields = som.window.record.intelligence
    fields.on.setText("24/11/2026")  # tomorrow
    next(w for w in tab.findChildren(QPushButton) if w.text() == "Save visit plan").click()
    assert "cannot be in the future" in (fields.on.property("error") or "")
    assert not som.window.statusBar().currentMessage().startswith("Visit plan saved")
    with som.session.opened.reader() as reader:
        assert reader.nominal(nid).intelligence_on is None  # nothing saved
