"""Nothing a user needs to read is cut off at 1280x800 on the demo profile: labels, buttons and check
boxes in every view, record tab and dialog, dialog titles, and status bar messages."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel, QSizeGrip

from somdesk.reports.case_summary import free_texts
from somdesk.ui import language
from somdesk.ui.dialogs.arms import ArmsDialog
from somdesk.ui.dialogs.disclose import DiscloseDialog
from somdesk.ui.dialogs.free_text import FreeTextDialog
from somdesk.ui.dialogs.reallocate import ReallocateDialog
from somdesk.ui.dialogs.visit import PlanDialog, VisitDialog
from tests.conftest import TODAY
from tests.ui.clipping import assert_nothing_clipped, clipped
from tests.ui.test_printing import wire
from tests.ui.test_record import opened_record


@pytest.fixture(params=["en", "cy"])
def in_language(request, supervisor):
    """The supervisor's window in English, then in Welsh (longer words), chosen as the user does."""
    if request.param != "en":
        supervisor.switch_language(request.param)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    yield supervisor
    language.install("en")
    QSettings().remove("language")


def test_every_view_and_record_tab_at_1280_by_800(in_language, qtbot):
    supervisor = in_language
    w = supervisor.window
    w.show()
    assert (w.width(), w.height()) == (1280, 800)
    for name in w.views:
        w.show_view(name)
        qtbot.wait(5)
        assert_nothing_clipped(w)
    record = opened_record(supervisor, lambda s: s.case.nominal.mappa.level >= 2)
    for i in range(record.tabs.count()):
        record.tabs.setCurrentIndex(i)
        qtbot.wait(5)
        assert_nothing_clipped(w)


def dialogs(c, status):
    s, parent = c.session, c.window
    nominal = status.case.nominal
    return [
        # As the window opens it: the day's visits and the supervisors who may authorise a lone visit.
        VisitDialog(
            status,
            "DC Test",
            s.now,
            s.policy,
            parent,
            log=c.workspace.visit_log,
            supervisors=c._supervisors(),
        ),
        PlanDialog(status, TODAY, parent),
        ArmsDialog(nominal, "DC Test", TODAY, s.policy, parent),
        DiscloseDialog("Print case summary…", s.policy.marking, True, [], True, parent, True),
        FreeTextDialog(free_texts([s.record(nominal.id, None)], []), parent),
        ReallocateDialog(c.workspace, c.workspace.officers[0].id, parent),
    ]


def test_every_dialog_and_its_title(in_language, qtbot):
    supervisor = in_language
    for dialog in dialogs(supervisor, supervisor.workspace.statuses[0]):
        dialog.show()
        qtbot.wait(5)
        assert_nothing_clipped(dialog)
        dialog.close()


def test_a_long_name_in_a_dialog_title_widens_the_dialog(supervisor, qtbot):
    status = supervisor.workspace.statuses[0]
    long = replace(
        status.case.nominal, family_name="Abercrombie-Fotherington-Smythe", given_names="Maximilian Alexander"
    )
    status = status._replace(case=status.case._replace(nominal=long))
    dialog = PlanDialog(status, TODAY, supervisor.window)
    dialog.show()
    qtbot.wait(5)
    assert "ABERCROMBIE" in dialog.windowTitle() and clipped(dialog) == []
    dialog.close()


def test_a_status_message_is_not_covered_by_the_permanent_widgets(supervisor, tmp_path, qtbot):
    w = supervisor.window
    w.show()
    answers = wire(supervisor, tmp_path)
    answers.answer["recipient"] = "Northmere and Southmere joint MAPPA level 2 panel"
    w.view("planner").print_button.click()
    bar = w.statusBar()
    message = bar.currentMessage()
    assert message.startswith("Saved visit-plan")
    qtbot.wait(5)
    permanent = [x for x in bar.findChildren(QLabel) if x.isVisible() and x.text()]
    left = min([x.x() for x in permanent if not isinstance(x, QSizeGrip)] or [bar.width()])
    assert bar.fontMetrics().horizontalAdvance(message) + 12 <= left, (message, left)
    bar.clearMessage()
    qtbot.wait(5)
    assert bar.user.isVisible() and bar.lock_state.isVisible()  # back once the message has gone


def test_a_table_cell_too_narrow_for_its_text_shows_it_on_hover(supervisor):
    """The caseload's flags are cut at the column's width; hovering the cell shows them all."""
    view = supervisor.window.view("caseload")
    model = view.table.table_model
    column = next(
        i for i in range(model.columnCount()) if model.headerData(i, Qt.Orientation.Horizontal) == "Flags"
    )
    row = next(r for r in range(model.rowCount()) if model.data(model.index(r, column)))
    index = model.index(row, column)
    assert model.data(index, Qt.ItemDataRole.ToolTipRole) == model.data(index)


def test_the_connect_dialog_shows_its_title_intro_and_a_long_problem_whole(qtbot):
    from somdesk.ui.dialogs.connect import ConnectDialog

    dialog = ConnectDialog("https://somdesk.force.example", "som1")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.show_problem(
        "Could not reach the central store at https://somdesk.force.example: nothing answered there. "
        "Check the address and that the central store is running, then try again."
    )
    QApplication.processEvents()
    assert_nothing_clipped(dialog)
    assert dialog.message.height() >= dialog.message.heightForWidth(dialog.message.width())
