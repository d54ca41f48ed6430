"""The dialog that adds a prohibition or positive requirement to a civil order, or changes one: the
term in the order's words is required (domain.invariants.order_term_problems)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QPlainTextEdit, QVBoxLayout

from somdesk.domain.invariants import order_term_problems
from somdesk.domain.orders import CivilOrder, OrderTerm, TermCategory, TermKind
from somdesk.ui.i18n import tr
from somdesk.ui.widgets import ErrorLabel, dialog_buttons, set_error

__all__ = ["TermDialog"]


class TermDialog(QDialog):
    """Add a term to `order`, or (given `term`) change one."""

    def __init__(self, order: CivilOrder, term: OrderTerm | None = None, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.recorded = term
        title = (
            tr("Edit term of the {0} made {1:%d %b %Y}")
            if term
            else tr("Add term to the {0} made {1:%d %b %Y}")
        )
        self.setWindowTitle(title.format(order.kind.short, order.made_on))
        self.kind = QComboBox()
        for kind in TermKind:
            self.kind.addItem(tr(kind.label), kind)
        self.kind.setAccessibleName(tr("Prohibition or requirement"))
        self.category = QComboBox()
        for category in TermCategory:
            self.category.addItem(tr(category.label), category)
        self.category.setAccessibleName(tr("Category"))
        if term is not None:
            self.kind.setCurrentIndex(list(TermKind).index(term.kind))
            self.category.setCurrentIndex(list(TermCategory).index(term.category))
        self.text = QPlainTextEdit(term.text if term else "")
        self.text.setTabChangesFocus(True)  # Tab moves on, never traps the keyboard
        self.text.setAccessibleName(tr("Term"))
        self.text.setPlaceholderText(tr("The term in the order's words"))
        self.message = ErrorLabel()
        form = QFormLayout()
        form.addRow(tr("Kind:"), self.kind)
        form.addRow(tr("Category:"), self.category)
        form.addRow(tr("Term:"), self.text)
        self.buttons = dialog_buttons(self, self._accept, QDialogButtonBox.StandardButton.Save)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._touched = term is not None
        self.text.textChanged.connect(self._edited)
        self._update()
        self.resize(560, 320)

    def _edited(self) -> None:
        self._touched = True
        self._update()

    def problems(self) -> dict[str, str]:
        return {
            p.field: tr("{0}: {1}").format(tr(p.label), tr(p.message))
            for p in order_term_problems(self.term())
        }

    def _update(self) -> None:
        problems = self.problems()
        shown = problems.get("text") if self._touched else None
        set_error(self.text, shown)
        self.message.setText(shown or "")
        self.save_button.setEnabled(not problems)

    def term(self) -> OrderTerm:
        kind, category = self.kind.currentData(), self.category.currentData()
        assert isinstance(kind, TermKind) and isinstance(category, TermCategory)
        return OrderTerm(
            kind, category, self.text.toPlainText().strip(), self.recorded.id if self.recorded else ""
        )

    def _accept(self) -> None:
        self._touched = True
        self._update()
        if not self.problems():
            self.accept()
