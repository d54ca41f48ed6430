"""The table model without widgets: values, sorting by value, alerts, filtering as you type."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from somdesk.domain.model import RiskLevel
from somdesk.ui.models import ROW_ROLE, SORT_ROLE, Column, TableModel

ROWS = [
    {"name": "Brackby", "due": date(2026, 12, 1), "n": 10, "risk": RiskLevel.HIGH, "late": True},
    {"name": "alder", "due": date(2026, 2, 1), "n": 9, "risk": None, "late": False},
    {"name": "Ossholt", "due": None, "n": 100, "risk": RiskLevel.LOW, "late": False},
]
COLUMNS = [
    Column("Name", lambda r: r["name"]),
    Column("Due", lambda r: r["due"], alert=lambda r: r["late"]),
    Column("N", lambda r: r["n"], risk=lambda r: r["risk"], tooltip=lambda r: f"n is {r['n']}"),
]


def names(model: TableModel) -> list[str]:
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def test_model_shows_dates_and_numbers_for_people():
    model = TableModel(COLUMNS, ROWS)
    assert (model.rowCount(), model.columnCount()) == (3, 3)
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Due"
    assert model.data(model.index(0, 1)) == "01 Dec 2026"
    assert model.data(model.index(2, 1)) == ""
    assert model.data(model.index(0, 2), Qt.ItemDataRole.ToolTipRole) == "n is 10"
    assert model.data(model.index(0, 2), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(1, 2), Qt.ItemDataRole.BackgroundRole) is None
    assert model.data(model.index(0, 1), Qt.ItemDataRole.FontRole).bold()
    assert model.data(model.index(1, 1), Qt.ItemDataRole.FontRole) is None
    assert model.data(model.index(1, 0), ROW_ROLE) is ROWS[1]


def test_sorts_numbers_and_dates_by_value_and_text_case_blind():
    model = TableModel(COLUMNS, ROWS)
    model.sort(2)
    assert names(model) == ["alder", "Brackby", "Ossholt"]  # 9 < 10 < 100, not "10" < "100" < "9"
    model.sort(1)
    assert names(model) == ["Ossholt", "alder", "Brackby"]  # unknown first, then by date
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert names(model) == ["Ossholt", "Brackby", "alder"]
    model.sort(-1)
    assert names(model) == ["Brackby", "alder", "Ossholt"]  # back to the given (priority) order


def test_filters_on_any_column_ignoring_case_and_keeps_the_sort():
    model = TableModel(COLUMNS, ROWS)
    model.sort(0)
    model.set_filter("OSS")
    assert names(model) == ["Ossholt"]
    model.set_filter("dec 2026")
    assert names(model) == ["Brackby"]
    model.set_filter("")
    assert names(model) == ["alder", "Brackby", "Ossholt"]


def test_typing_on_narrows_and_deleting_widens_again():
    rows = [
        {"name": n, "due": None, "n": i, "risk": None, "late": False}
        for i, n in enumerate(["Smith", "Smythe", "Smithers", "Jones", "Asmith"])
    ]
    model = TableModel(COLUMNS, rows, search=lambda r: r["name"])
    seen = []
    for text in ("s", "sm", "smi", "smith", "smit", "sm", "smy"):
        model.set_filter(text)
        seen.append(sorted(names(model)))
    assert seen == [
        ["Asmith", "Jones", "Smith", "Smithers", "Smythe"],
        ["Asmith", "Smith", "Smithers", "Smythe"],
        ["Asmith", "Smith", "Smithers"],
        ["Asmith", "Smith", "Smithers"],
        ["Asmith", "Smith", "Smithers"],
        ["Asmith", "Smith", "Smithers", "Smythe"],
        ["Smythe"],
    ]


def test_keep_condition_combines_with_search():
    model = TableModel(COLUMNS, ROWS)
    model.set_keep(lambda r: r["n"] >= 10)
    assert sorted(names(model)) == ["Brackby", "Ossholt"]
    model.set_filter("oss")
    assert names(model) == ["Ossholt"]
    model.set_keep(None)
    assert names(model) == ["Ossholt"]
    assert model.total == 3


def test_set_rows_replaces_the_data():
    model = TableModel(COLUMNS, ROWS)
    model.set_rows(ROWS[:1])
    assert model.rowCount() == 1
    assert model.data(model.index(0, 0), SORT_ROLE) == (2, "brackby")
