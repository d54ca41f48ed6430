"""The window after a saved change or a pulled page: only the touched cases evaluated again, every other
row the same object (so the views can update the rows that changed), and the same figures as a full load."""

from __future__ import annotations

from datetime import datetime, timedelta

from somdesk.app.session import Role
from somdesk.domain.model import Visit, VisitOutcome
from somdesk.domain.queues import QueueItem
from somdesk.store.replica import LocalSync
from somdesk.sync.engine import SyncReport
from somdesk.ui.controller import Controller
from somdesk.ui.ops import DbWorker
from somdesk.ui.views.queues import QueueView
from tests.conftest import NOW, TODAY
from tests.ui.conftest import DEMO_RSOS


def _same_figures(controller) -> None:
    full = controller.session.workspace()
    shown = controller.workspace
    assert shown.statuses == full.statuses and shown.queues == full.queues
    assert shown.caseload == full.caseload and shown.search_texts == full.search_texts


def _fresh(before: list, after: list) -> set[str]:
    kept = {id(row) for row in before}
    return {
        row.case.nominal.id if hasattr(row, "case") else row.nominal_id
        for row in after
        if id(row) not in kept
    }


def _rows(workspace):
    """Copies of the workspace's lists: the controller frees the replaced workspace's own lists."""
    return list(workspace.statuses), {name: list(items) for name, items in workspace.queues.items()}


def test_a_saved_change_reevaluates_only_its_case(supervisor):
    before = supervisor.workspace
    statuses, queues = _rows(before)
    status = next(
        s for s in before.statuses if s.visit.overdue and not s.case.nominal.registration.in_custody
    )
    nid = status.case.nominal.id
    visit = Visit(nid, datetime(2026, 11, 23, 10, 15), VisitOutcome.SEEN, False, ("DC Test", "PC B"), True)
    supervisor._write(lambda s: s.record_visit(visit), "saved", nid)
    after = supervisor.workspace
    assert after is not before
    assert _fresh(statuses, after.statuses) == {nid}
    for name, items in after.queues.items():
        assert _fresh(queues[name], items) <= {nid}, name
    assert nid not in {i.nominal_id for i in after.queues["visits"] if i.overdue}
    _same_figures(supervisor)
    queue = supervisor.window.view("visits")
    assert isinstance(queue, QueueView)
    model = queue.model
    shown: list[QueueItem] = model.rows()
    assert [model.data(model.index(r, 0)) for r in range(len(shown))] == [
        str(n) for n in range(1, len(shown) + 1)
    ]


def test_a_pulled_page_reevaluates_the_cases_it_brought(supervisor):
    before = supervisor.workspace
    statuses, _ = _rows(before)
    nids = [s.case.nominal.id for s in before.statuses[3:40:9] if not s.case.nominal.registration.in_custody]
    with supervisor.session.changes() as uow:  # what a pulled page writes: several cases at once
        uow.add_visits(
            Visit(nid, datetime(2026, 11, 22, 9), VisitOutcome.SEEN, officers=("DC T",)) for nid in nids
        )
    supervisor.sync._arrived(SyncReport(pulled=len(nids), touched=set(nids)))
    after = supervisor.workspace
    assert _fresh(statuses, after.statuses) == set(nids)
    assert all(
        s.case.last_seen_visit == datetime(2026, 11, 22).date()
        for s in after.statuses
        if s.case.nominal.id in nids
    )
    _same_figures(supervisor)


def test_a_case_gone_from_scope_leaves_the_window_without_f5(supervisor):
    """A case reallocated to another team comes back from the central store as "gone" alone, on a page
    with no records: it is purged from the device, and the window must let go of it at once (it was
    listed, counted and openable until F5)."""
    nid = supervisor.workspace.statuses[5].case.nominal.id
    applied = LocalSync(supervisor.session.opened).apply_page(
        {"records": [], "gone": [nid], "cursor": 10**9, "more": True, "conflicts": []}  # type: ignore[typeddict-item]
    )
    assert applied.records == 0 and applied.touched == {nid}
    supervisor.sync._arrived(SyncReport(pulled=applied.records, touched=set(applied.touched)))
    after = supervisor.workspace
    assert nid not in {s.case.nominal.id for s in after.statuses}
    assert all(i.nominal_id != nid for items in after.queues.values() for i in items)
    _same_figures(supervisor)


def test_a_page_with_records_of_no_offender_reads_everything(supervisor):
    statuses, _ = _rows(supervisor.workspace)
    supervisor.sync._arrived(SyncReport(pulled=1, touched=None))
    assert not {id(s) for s in supervisor.workspace.statuses} & {id(s) for s in statuses}
    assert supervisor.workspace.today == TODAY


def test_a_window_open_over_midnight_computes_everything_for_the_new_day(qtbot, policy, tmp_path, reasons):
    day = [TODAY]
    c = Controller(
        policy, tmp_path, today=lambda: day[0], worker=DbWorker(inline=True), demo_role=Role.SOM,
        demo_rsos=DEMO_RSOS, ask_reason=reasons, time_of_day=lambda: NOW,
    )  # fmt: skip
    qtbot.addWidget(c.window)
    c.show_start()
    c.open_demo()
    try:
        shown = c.workspace
        assert shown is not None and shown.today == TODAY
        c.check_day()  # the same day: nothing read again
        assert c.workspace is shown
        day[0] = TODAY + timedelta(days=1)
        c.check_day()
        assert c.workspace is not None and c.workspace.today == TODAY + timedelta(days=1)
        assert {id(s) for s in c.workspace.statuses}.isdisjoint(id(s) for s in shown.statuses)
    finally:
        c.shutdown()
