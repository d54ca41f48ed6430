"""The offender record's Chronology tab: every significant event about the person (domain.chronology)
in a table, newest first or oldest first, filtered by kind, and Print chronology… which goes through
the same audited disclosure as the case summary."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QPushButton, QVBoxLayout, QWidget

from somdesk.domain.chronology import Event, EventKind, of_kinds
from somdesk.ui.i18n import tr
from somdesk.ui.models import Column, TableModel
from somdesk.ui.widgets import Table, WrappingRow

__all__ = ["ChronologyTab"]


def _columns() -> list[Column[Event]]:
    return [
        Column(tr("Date"), lambda e: e.on),
        Column(tr("Kind"), lambda e: tr(e.kind.label)),
        Column(tr("Source"), lambda e: tr(e.source)),
        Column(tr("Event"), lambda e: e.words, tooltip=lambda e: e.words),
    ]


class ChronologyTab(QWidget):
    """`events` oldest first, as domain.chronology gives them; shown newest first until the user ticks
    Oldest first. Print chronology… asks for the kinds shown (None: every kind)."""

    print_chronology = Signal(object)  # list[EventKind] | None

    def __init__(self, events: Sequence[Event]) -> None:
        super().__init__()
        self.events = list(events)
        self.kind = QComboBox()
        self.kind.setAccessibleName(tr("Kind of event"))
        self.kind.addItem(tr("All kinds of event"), None)
        for kind in EventKind:
            count = sum(1 for e in self.events if e.kind is kind)
            self.kind.addItem(tr("{0} ({1})").format(tr(kind.label), count), kind)
        self.oldest_first = QCheckBox(tr("Oldest first"))
        self.oldest_first.setToolTip(tr("List the events from the earliest; unticked, the latest come first"))
        self.print_button = QPushButton(tr("Print chronology…"))
        self.print_button.setToolTip(
            tr("Print the events shown, for someone and a reason (logged as a disclosure)")
        )
        self.table = Table(TableModel(_columns(), self.events), tr("Chronology"), max_width=700)
        self.kind.currentIndexChanged.connect(self._show)
        self.oldest_first.toggled.connect(self._show)
        self.print_button.clicked.connect(lambda: self.print_chronology.emit(self.kinds()))
        bar = WrappingRow()  # on more lines where one is too narrow (text at 200%)
        bar.add_group(QLabel(tr("Show:")), self.kind)
        bar.add_group(self.oldest_first)
        bar.add_group(None, self.print_button, stretch=1)
        layout = QVBoxLayout(self)
        layout.addWidget(bar)
        layout.addWidget(self.table, 1)
        self._show()

    def kinds(self) -> list[EventKind] | None:
        """The kinds shown; None when every kind is."""
        kind = self.kind.currentData()
        return None if kind is None else [kind]

    def shown(self) -> list[Event]:
        """The events in the table, in the order shown."""
        kinds = self.kinds()
        events = self.events if kinds is None else of_kinds(self.events, kinds)
        # Reversing the oldest-first list keeps one day's events in reverse of their order, so a
        # day reads the same way up in either direction.
        return events if self.oldest_first.isChecked() else events[::-1]

    def _show(self) -> None:
        self.table.sortByColumn(-1, self.table.horizontalHeader().sortIndicatorOrder())
        self.table.horizontalHeader().setSortIndicatorShown(False)
        self.table.table_model.set_rows(self.shown())
        self.table.fit_columns()
