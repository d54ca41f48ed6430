"""A table updated with a new list of rows: only what changed is signalled (no reset), the rows shown
are those a freshly filled model shows, and the selection, current row and scroll stay."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QModelIndex, Qt

from somdesk.domain.model import Visit, VisitOutcome
from somdesk.ui.models import Column, TableModel, position_column
from somdesk.ui.ops import Changes, write_op
from somdesk.ui.row_changes import kept_objects
from somdesk.ui.views.queues import QueueView
from somdesk.ui.widgets import Table


@dataclass(eq=False)  # rows are told apart by identity, as the workspace's are
class Person:
    name: str
    due: int
    area: str


COLUMNS: list[Column[Person]] = [
    position_column("#"),
    Column("Name", lambda p: p.name),
    Column("Due", lambda p: p.due),
    Column("Area", lambda p: p.area),
]


class Recorder:
    """The model's signals, and the shown rows as a view rebuilds them from those signals alone."""

    def __init__(self, model: TableModel[Person]) -> None:
        self.model = model
        self.shown = model.rows()
        self.events: list[tuple[str, int, int]] = []
        model.modelReset.connect(self._reset)
        model.rowsAboutToBeRemoved.connect(lambda _p, a, b: self.events.append(("remove", a, b)))
        model.rowsRemoved.connect(self._removed)
        model.rowsInserted.connect(self._inserted)
        model.dataChanged.connect(self._changed)

    def _reset(self) -> None:
        self.events.append(("reset", 0, 0))
        self.shown = self.model.rows()

    def _removed(self, _parent: QModelIndex, first: int, last: int) -> None:
        del self.shown[first : last + 1]

    def _inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        self.events.append(("insert", first, last))
        self.shown[first:first] = [self.model.row(r) for r in range(first, last + 1)]

    def _changed(self, top: QModelIndex, bottom: QModelIndex) -> None:
        if top.column() == 0 and bottom.column() == 0:
            return  # the numbers moving
        self.events.append(("change", top.row(), bottom.row()))
        for r in range(top.row(), bottom.row() + 1):
            self.shown[r] = self.model.row(r)

    def kinds(self) -> set[str]:
        return {kind for kind, _, _ in self.events}


def people(n: int) -> list[Person]:
    return [Person(f"Person {i:03}", (i * 7) % 11, "North" if i % 3 else "South") for i in range(n)]


def numbers(model: TableModel[Person]) -> list[str]:
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def test_one_removed_one_inserted_one_replaced_is_told_without_a_reset():
    rows = people(50)
    model = TableModel(COLUMNS, rows)
    seen = Recorder(model)
    new = list(rows)
    del new[10]  # removed
    new.insert(30, Person("Newcomer", 3, "North"))  # inserted
    new[40] = Person("Replacement", 5, "South")  # replaced where it stands
    assert model.update_rows(new) is True
    assert "reset" not in seen.kinds()
    # The replacement is told before the insertion above it, so at 39 then.
    assert seen.events == [("remove", 10, 10), ("change", 39, 39), ("insert", 30, 30)]
    assert model.rows() == new and seen.shown == new
    assert numbers(model) == [str(n) for n in range(1, 51)]  # numbered by place, as the queue is


def test_most_rows_changed_is_a_reset():
    rows = people(400)
    model = TableModel(COLUMNS, rows)
    seen = Recorder(model)
    new = people(400)  # a full reload: every row a new object
    assert model.update_rows(new) is False
    assert seen.kinds() == {"reset"} and model.rows() == new


def test_kept_rows_in_another_order_is_a_reset():
    rows = people(40)
    model = TableModel(COLUMNS, rows)
    seen = Recorder(model)
    assert model.update_rows(rows[::-1]) is False
    assert seen.kinds() == {"reset"} and model.rows() == rows[::-1]


def fresh(rows: list[Person], sort: tuple[int, Qt.SortOrder] | None, south: bool, text: str) -> TableModel:
    model = TableModel(COLUMNS, rows)
    if sort is not None:
        model.sort(*sort)
    if south:
        model.set_keep(lambda p: p.area == "South")
    model.set_filter(text)
    return model


@settings(max_examples=150, deadline=None)
@given(
    n=st.integers(1, 60),
    removed=st.sets(st.integers(0, 59), max_size=8),  # with the added, within a small table's limit
    added=st.lists(st.tuples(st.integers(0, 60), st.integers(0, 10), st.booleans()), max_size=8),
    sort=st.sampled_from(
        [None, (0, Qt.SortOrder.AscendingOrder), (0, Qt.SortOrder.DescendingOrder)]
        + [(c, o) for c in (1, 2, 3) for o in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder)]
    ),
    south=st.booleans(),
    text=st.sampled_from(["", "person", "1", "north", "new 1"]),
)
def test_sort_and_filter_stay_as_a_fresh_model_gives_them(n, removed, added, sort, south, text):
    rows = people(n)
    model = fresh(rows, sort, south, text)
    seen = Recorder(model)
    new = [p for i, p in enumerate(rows) if i not in removed]
    for k, (at, due, north) in enumerate(added):
        new.insert(min(at, len(new)), Person(f"New {k}", due, "North" if north else "South"))
    assert model.update_rows(new) is True
    assert "reset" not in seen.kinds()
    expected = fresh(new, sort, south, text)
    assert model.rows() == expected.rows()
    assert seen.shown == expected.rows()  # what a view was told adds up to what is there
    assert numbers(model) == numbers(expected)
    assert model.total == len(new)
    # Later sorts and filters still work on the updated rows.
    model.set_filter("")
    expected.set_filter("")
    model.sort(2)
    expected.sort(2)
    assert model.rows() == expected.rows()


def test_the_search_texts_given_with_the_new_rows_are_used():
    rows = people(30)
    model = TableModel(COLUMNS, rows, search_texts=[p.name.casefold() for p in rows])
    model.set_filter("zebra")
    assert model.rowCount() == 0
    new = [*rows, Person("Striped", 1, "North")]
    model.update_rows(new, search_texts=[p.name.casefold() for p in rows] + ["zebra crossing"])
    assert [p.name for p in model.rows()] == ["Striped"]


def test_the_selection_current_row_and_scroll_stay(qtbot):
    rows = people(2000)
    model = TableModel(COLUMNS, rows)
    table = Table(model, "People")
    qtbot.addWidget(table)
    table.resize(500, 300)
    table.show()
    model.sort(2, Qt.SortOrder.AscendingOrder)  # a sort of the user's, by due
    chosen = model.row(900)
    table.selectRow(900)
    table.scrollTo(table.currentIndex())
    scrolled = table.verticalScrollBar().value()
    assert scrolled > 0
    new = list(rows)
    new.remove(model.row(5))  # above the selected row, on another screen
    new.insert(1500, Person("Newcomer", 4, "North"))
    new[1700] = Person("Replacement", 9, "South")
    model.update_rows(new)
    assert table.current_row() is chosen
    assert table.selected_rows() == [chosen]
    assert abs(table.verticalScrollBar().value() - scrolled) <= 1  # at most the row taken from above


def test_a_saved_visit_moves_the_visited_case_in_the_queue_without_a_reset(supervisor):
    window = supervisor.window
    queue = window.view("visits")
    assert isinstance(queue, QueueView)
    items = supervisor.workspace.queues["visits"]
    visited = next(i for i, item in enumerate(items) if item.overdue and i > 5)
    nid = items[visited].nominal_id
    chosen = next(item for item in items[visited + 1 :] if item.nominal_id != nid)
    queue.table.selectRow(queue.model.rows().index(chosen))
    resets: list[str] = []
    queue.model.modelReset.connect(lambda: resets.append("queue"))
    for name in ("caseload", "planner"):
        window.view(name).model.modelReset.connect(lambda name=name: resets.append(name))
    dashboard = window.view("dashboard")
    dashboard.officer_model.modelReset.connect(lambda: resets.append("officers"))
    planner = window.view("planner")
    assert planner.model.total > 0
    removed: list[int] = []
    queue.model.rowsRemoved.connect(lambda _p, first, _last: removed.append(first))

    visit = Visit(nid, datetime(2026, 11, 23, 10, 15), VisitOutcome.SEEN, False, ("DC Test", "PC B"), True)
    # The real refresh: only the visited case is read and evaluated again (Session.refreshed), every
    # other row stays the same object, so the views are told only what changed.
    write_op(supervisor.ctx, lambda s: s.record_visit(visit), Changes(cases=True, touched=frozenset({nid})))

    assert resets == []
    assert window.view("dashboard").officer_model is dashboard.officer_model  # the same model, updated
    after = supervisor.workspace.queues["visits"]
    assert [i.nominal_id for i in queue.model.rows()] == [i.nominal_id for i in after]
    assert visited in removed  # the visited case's row left its place: seen, no longer overdue
    assert all(i.nominal_id != nid or not i.overdue for i in queue.model.rows())
    assert queue.table.selected_rows() == [chosen] and queue.table.current_row() is chosen
    numbers = [queue.model.data(queue.model.index(r, 0)) for r in range(queue.model.rowCount())]
    assert numbers == [str(n) for n in range(1, len(after) + 1)]  # renumbered by place


def test_a_list_rebuilt_from_a_new_workspace_keeps_its_unchanged_rows_as_the_same_objects():
    old = [(1, "a"), (2, "b"), (3, "c")]
    new = [(1, "a"), (2, "B"), (4, "d"), (3, "c")]  # equal, changed, new, equal
    kept = kept_objects(old, new, lambda r: r[0])
    assert kept == new
    assert kept[0] is old[0] and kept[3] is old[2]
    assert kept[1] is new[1] and kept[2] is new[2]


def test_a_numbered_column_says_the_place_in_its_tooltip_and_sorts_by_it():
    rows = people(5)
    model = TableModel([position_column("#", place_tip="Stop {0} of the round"), *COLUMNS[1:]], rows)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert numbers(model) == ["5", "4", "3", "2", "1"]
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole) == "Stop 5 of the round"
    model.update_rows([Person("First", 1, "North"), *rows])
    assert numbers(model) == ["6", "5", "4", "3", "2", "1"] and model.row(5).name == "First"


def test_the_chosen_case_stays_chosen_when_its_own_change_moves_it_and_after_f5(supervisor):
    """The visited case's row is replaced (its item is new) and lands elsewhere: the choice goes with
    it. F5 makes every row new (a reset): the choice is found again by its case."""
    window = supervisor.window
    queue = window.view("visits")
    assert isinstance(queue, QueueView)
    items = supervisor.workspace.queues["visits"]
    visited = next(i for i, item in enumerate(items) if item.overdue and i > 5)
    old = items[visited]  # (the replaced workspace's lists are emptied once it is freed)
    nid = old.nominal_id
    queue.table.selectRow(queue.model.rows().index(old))
    visit = Visit(
        nid, datetime(2026, 11, 23, 10, 15), VisitOutcome.NOT_SEEN, False, ("DC Test", "PC B"), True
    )
    write_op(supervisor.ctx, lambda s: s.record_visit(visit), Changes(cases=True, touched=frozenset({nid})))
    chosen = queue.table.current_row()
    assert chosen is not None and chosen.nominal_id == nid and chosen is not old
    assert [i.nominal_id for i in queue.table.selected_rows()] == [nid]

    caseload = window.view("caseload")
    row = caseload.model.rows()[40]
    caseload.table.selectRow(40)
    supervisor.refresh()  # F5: everything read again, every row a new object
    again = caseload.table.current_row()
    assert again is not None and again is not row and again.case.nominal.id == row.case.nominal.id
