"""The oversight board in the window: computed on the worker when shown, every figure drills down to
the cases behind it, a case opens its record, and the board prints and exports through the
disclosure path."""

from __future__ import annotations

import csv
import io

from somdesk.ui.dialogs.disclose import DisclosureAnswers
from somdesk.ui.views.board import BoardView
from somdesk.ui.widgets import qdate
from tests.ui.test_printing import disclosures, text, wire


def opened_board(c) -> BoardView:
    c.window.show()
    c.window.show_view("board")
    view = c.window.view("board")
    assert isinstance(view, BoardView)
    return view


def test_the_board_is_computed_when_shown_and_each_figure_drills_down_to_its_cases(supervisor):
    view = opened_board(supervisor)
    board = view.board
    assert board is not None and view.print_button.isEnabled()
    o = board.oversight
    assert view.case_model.total == len(o.cases) == supervisor.workspace.caseload.force.rsos
    # Every case, most overdue first: the first row is the most overdue visit or ARMS.
    assert view.case_model.row(0).worst == max(r.worst for r in o.cases)
    labels = [f.label for f in view.figure_model.rows()]
    assert "Visits overdue: High risk" in labels and "Warrant decisions outstanding" in labels

    view.drill("visits_high")
    shown = {view.case_model.row(i).nominal_id for i in range(view.case_model.rowCount())}
    assert shown == set(o.figure("visits_high").ids) and shown
    assert all(view.case_model.row(i).risk.label == "High" for i in range(view.case_model.rowCount()))
    assert view.showing.text().startswith("Visits overdue: High risk:") and view.show_all.isEnabled()

    # Choosing a row of the figures table drills down as well: the ageing bucket over a year.
    keys = [f.key for f in view.figure_model.rows()]
    view.figure_table.selectRow(keys.index("age_visits_31"))
    bucket = next(a for a in o.ageing if a.low == 31)
    assert view.case_model.rowCount() == len(bucket.visits)
    assert all(
        31 <= view.case_model.row(i).visit_days_overdue <= 90 for i in range(view.case_model.rowCount())
    )

    view.show_all.click()
    assert view.case_model.rowCount() == len(o.cases) and not view.show_all.isEnabled()

    # A case opens its record (double-click or Enter), as from any list.
    worst = view.case_model.row(0)
    view.case_table.activated.emit(view.case_model.index(0, 0))
    assert supervisor.window.record.nominal_id == worst.nominal_id


def test_a_new_target_date_recomputes_the_burn_down(supervisor):
    view = opened_board(supervisor)
    first = view.board
    assert first is not None and first.burn_down.target is not None
    later = first.burn_down.target.replace(year=first.burn_down.target.year + 1)
    view.target.setDate(qdate(later))
    assert view.board is not first and view.board.burn_down.target == later
    assert later.strftime("%d %B %Y") in view.burn_down.text()


def test_the_board_prints_and_exports_through_the_disclosure_path(supervisor, tmp_path):
    answers = wire(supervisor, tmp_path)
    view = opened_board(supervisor)
    before = len(disclosures(supervisor))
    view.print_button.click()
    content = text(answers.paths[-1])
    assert "Oversight board" in content and "MAPPA annual report and FOI figures" in content
    # Figures only unless the case lists are ticked: offered, and recorded with the disclosure.
    assert answers.includable == ("case-lists",) and "Figures only" in content
    assert len(disclosures(supervisor)) == before + 1 and "figures only" in disclosures(supervisor)[-1].detail
    answers.answer = DisclosureAnswers({**answers.answer, "include": ["case-lists"]})
    view.print_button.click()
    content = text(answers.paths[-1])
    assert view.board is not None and view.board.oversight.cases[0].visor_ref in content
    assert "with case lists" in disclosures(supervisor)[-1].detail
    view.annual_button.click()
    rows = list(csv.reader(io.StringIO(answers.paths[-1].read_text())))
    assert rows[0] == ["Figure", "Value"] and rows[1][0] == "RSOs managed"
    assert answers.offered == ()
    assert disclosures(supervisor)[-1].record_id == "annual-report"


def test_a_som_is_not_offered_the_board(som):
    assert "board" not in som.window.views


def test_lone_visits_authorised_and_without_authorisation_are_shown_apart(supervisor):
    """Issue 21 review: the board and the dashboard separate authorised exceptions from lone visits
    with no authorisation (legacy data)."""
    view = opened_board(supervisor)
    o = view.board.oversight
    words = f"({o.lone_authorised:,} authorised, {o.lone_unauthorised:,} without authorisation)"
    assert words in view.subtitle.text()
    keys = [f.key for f in view.figure_model.rows()]
    assert keys.index("lone_unauthorised") == keys.index("lone") + 1
    supervisor.window.show_view("dashboard")
    tile = supervisor.window.view("dashboard").tiles["lone"]
    lone = supervisor.workspace.lone_visits
    expected = (
        f"{lone.authorised_12_months:,} authorised, {lone.unauthorised_12_months:,} without authorisation"
    )
    assert expected in tile.toolTip()
