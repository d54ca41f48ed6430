"""The offender record's Orders tab: the civil orders the person is subject to (in force or ended), and
the prohibitions and positive requirements of the order chosen (DOMAIN.md §7). Record order… and
Edit order… open the order dialog (order_dialog.py); Add term… and Edit term… the term dialog
(term_dialog.py). Below them, the person's licences and their conditions (licences.py)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from somdesk.domain.licences import Licence
from somdesk.domain.orders import CivilOrder, OrderTerm, in_force
from somdesk.ui.i18n import tr
from somdesk.ui.models import Column, TableModel
from somdesk.ui.record.licences import LicencePanel
from somdesk.ui.record.remove import remove_button
from somdesk.ui.widgets import Table, WrappingRow

__all__ = ["OrdersTab"]


def _order_columns(today: date) -> list[Column[CivilOrder]]:
    return [
        Column(tr("Order"), lambda o: tr(o.kind.short), tooltip=lambda o: tr(o.kind.label)),
        Column(tr("Court"), lambda o: o.court, tooltip=lambda o: o.court),
        Column(tr("Made"), lambda o: o.made_on),
        Column(
            tr("Ends"),
            lambda o: o.ends_on if o.ends_on is not None else tr("until further order"),
        ),
        Column(tr("In force"), lambda o: tr("in force") if in_force(o, today) else tr("ended")),
        Column(
            tr("Next review"),
            lambda o: o.next_review,
            alert=lambda o: o.next_review is not None and o.next_review < today and in_force(o, today),
        ),
        Column(tr("Terms"), lambda o: len(o.terms)),
    ]


def _term_columns() -> list[Column[OrderTerm]]:
    return [
        Column(tr("Kind"), lambda t: tr(t.kind.label)),
        Column(tr("Category"), lambda t: tr(t.category.label)),
        Column(tr("Term"), lambda t: t.text, tooltip=lambda t: t.text),
    ]


class OrdersTab(QWidget):
    """The person's civil orders, latest made first, and the terms of the one chosen."""

    record_order = Signal()
    edit_order = Signal(object)  # the CivilOrder chosen
    add_term = Signal(object)  # the CivilOrder the term is for
    edit_term = Signal(object, object)  # CivilOrder, OrderTerm
    remove_order = Signal(object, str)  # the CivilOrder chosen, as the table shows it
    remove_term = Signal(object, str)  # the OrderTerm chosen, likewise

    def __init__(
        self,
        orders: tuple[CivilOrder, ...],
        today: date,
        may_record: bool,
        licences: tuple[Licence, ...] = (),
    ) -> None:
        super().__init__()
        self.licence_panel = LicencePanel(licences, today, may_record)
        shown = sorted(orders, key=lambda o: o.made_on, reverse=True)
        self.orders = Table(TableModel(_order_columns(today), shown), tr("Civil orders"), max_width=260)
        self.terms = Table(TableModel(_term_columns(), []), tr("Terms of the order"), max_width=700)
        self.record_button = QPushButton(tr("Record order…"))
        self.record_button.setToolTip(tr("Record a civil order the court made: SHPO, SRO, …"))
        self.edit_button = QPushButton(tr("Edit order…"))
        self.edit_button.setToolTip(tr("Change the selected order: its end, its next review…"))
        self.add_term_button = QPushButton(tr("Add term…"))
        self.add_term_button.setToolTip(tr("Add a prohibition or positive requirement to the selected order"))
        self.edit_term_button = QPushButton(tr("Edit term…"))
        buttons = (self.record_button, self.edit_button, self.add_term_button, self.edit_term_button)
        for button in buttons:
            button.setVisible(may_record)
        self.record_button.clicked.connect(self.record_order.emit)
        self.edit_button.clicked.connect(self._edit_order)
        self.add_term_button.clicked.connect(self._add_term)
        self.edit_term_button.clicked.connect(self._edit_term)
        self.remove_button = remove_button(self.orders, may_record, self.remove_order.emit)
        self.remove_term_button = remove_button(self.terms, may_record, self.remove_term.emit)
        self.orders.selectionModel().selectionChanged.connect(self._order_selected)
        self.terms.selectionModel().selectionChanged.connect(self._term_selected)
        if may_record:
            self.orders.on_row(self.edit_order.emit)
            self.terms.on_row(lambda term: self._emit_term(term))
        note = QLabel(
            tr(
                "An SHPO, interim SHPO, SOPO or interim SOPO in force bars an application to review an "
                "indefinite notification requirement; any order restricting the person bars reactive "
                "management. Breach without reasonable excuse is an offence."
            )
        )
        note.setWordWrap(True)
        # Each row's buttons under its words where one line is too narrow (text at 200%).
        bar = WrappingRow()
        bar.add_group(note, stretch=1)
        bar.add_group(self.record_button, self.edit_button, self.remove_button)
        term_bar = WrappingRow()
        self.terms_heading = QLabel(tr("Select an order to see its terms."))
        self.terms_heading.setWordWrap(True)
        term_bar.add_group(self.terms_heading, stretch=1)
        term_bar.add_group(self.add_term_button, self.edit_term_button, self.remove_term_button)
        layout = QVBoxLayout(self)
        layout.addWidget(bar)
        layout.addWidget(self.orders, 1)
        layout.addWidget(term_bar)
        layout.addWidget(self.terms, 1)
        layout.addWidget(self.licence_panel, 2)
        if shown:
            self.orders.selectRow(0)
        self._order_selected()

    def chosen(self) -> CivilOrder | None:
        rows = self.orders.selected_rows()
        return rows[0] if len(rows) == 1 else None

    def kept_from(self, before: OrdersTab) -> None:
        """After a change the record is shown afresh: keep the order the user was on (not the first),
        and select the term just added to it (a term id it did not have), else the term selected."""
        order = before.chosen()
        if order is None or not order.id:
            return
        rows = self.orders.table_model.rows()
        at = next((i for i, o in enumerate(rows) if o.id == order.id), None)
        if at is None:
            return
        self.orders.selectRow(at)
        had = {t.id for t in order.terms}
        term = before.chosen_term()
        terms = self.terms.table_model.rows()
        new = [i for i, t in enumerate(terms) if t.id not in had]
        if new:
            self.terms.selectRow(new[-1])
        elif (
            term is not None
            and (i := next((i for i, t in enumerate(terms) if t.id == term.id), None)) is not None
        ):
            self.terms.selectRow(i)

    def chosen_term(self) -> OrderTerm | None:
        rows = self.terms.selected_rows()
        return rows[0] if len(rows) == 1 else None

    def _order_selected(self) -> None:
        order = self.chosen()
        self.edit_button.setEnabled(order is not None)
        self.add_term_button.setEnabled(order is not None)
        self.terms.table_model.set_rows(order.terms if order is not None else ())
        self.terms.fit_columns()
        if order is None:
            self.terms_heading.setText(tr("Select an order to see its terms."))
        elif order.terms:
            self.terms_heading.setText(
                tr("Terms of the {0} made {1:%d %b %Y}:").format(order.kind.short, order.made_on)
            )
        else:
            self.terms_heading.setText(tr("No terms recorded for this order yet."))
        self._term_selected()

    def _term_selected(self) -> None:
        self.edit_term_button.setEnabled(self.chosen() is not None and self.chosen_term() is not None)

    def _edit_order(self) -> None:
        if (order := self.chosen()) is not None:
            self.edit_order.emit(order)

    def _add_term(self) -> None:
        if (order := self.chosen()) is not None:
            self.add_term.emit(order)

    def _edit_term(self) -> None:
        if (term := self.chosen_term()) is not None:
            self._emit_term(term)

    def _emit_term(self, term: OrderTerm) -> None:
        if (order := self.chosen()) is not None:
            self.edit_term.emit(order, term)
