"""Table models without widgets: values, sorting by value, alerts, filtering."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from somdesk.domain.model import RiskLevel
from somdesk.ui.models import SORT_ROLE, Column, RowSortProxy, RowTableModel

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


def test_model_shows_dates_and_numbers_for_people():
    model = RowTableModel(COLUMNS, ROWS)
    assert (model.rowCount(), model.columnCount()) == (3, 3)
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Due"
    assert model.data(model.index(0, 1)) == "01 Dec 2026"
    assert model.data(model.index(2, 1)) == ""
    assert model.data(model.index(0, 2), Qt.ItemDataRole.ToolTipRole) == "n is 10"
    assert model.data(model.index(0, 2), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(1, 2), Qt.ItemDataRole.BackgroundRole) is None
    assert model.data(model.index(0, 1), Qt.ItemDataRole.FontRole).bold()
    assert model.data(model.index(1, 1), Qt.ItemDataRole.FontRole) is None


def sorted_names(column: int, order=Qt.SortOrder.AscendingOrder) -> list[str]:
    proxy = RowSortProxy()
    proxy.setSourceModel(RowTableModel(COLUMNS, ROWS))
    proxy.sort(column, order)
    return [proxy.data(proxy.index(r, 0)) for r in range(proxy.rowCount())]


def test_proxy_sorts_numbers_and_dates_by_value_and_text_case_blind():
    assert sorted_names(2) == ["alder", "Brackby", "Ossholt"]  # 9 < 10 < 100, not "10" < "100" < "9"
    assert sorted_names(1) == ["Ossholt", "alder", "Brackby"]  # unknown first, then by date
    assert sorted_names(0, Qt.SortOrder.DescendingOrder) == ["Ossholt", "Brackby", "alder"]


def test_proxy_filters_on_any_column_ignoring_case():
    proxy = RowSortProxy()
    proxy.setSourceModel(RowTableModel(COLUMNS, ROWS))
    proxy.setFilterFixedString("OSS")
    assert proxy.rowCount() == 1
    proxy.setFilterFixedString("dec 2026")
    assert proxy.rowCount() == 1 and proxy.data(proxy.index(0, 0)) == "Brackby"


def test_set_rows_replaces_the_data():
    model = RowTableModel(COLUMNS, ROWS)
    model.set_rows(ROWS[:1])
    assert model.rowCount() == 1
    assert model.data(model.index(0, 0), SORT_ROLE) == (2, "brackby")
