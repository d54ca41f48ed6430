"""The offender record's Identity tab: the names the person is or was known by (aliases, previous
names, changes of name) with the source of each and the dates used (DOMAIN.md §7), and the dialog that
records or changes one. The aliases held on the offender record itself (from before names were
recorded one by one) are listed too, read only."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from somdesk.domain.details import NameKind, RecordedName
from somdesk.domain.invariants import MAX_NAME, MAX_NAME_SOURCE, name_problems
from somdesk.domain.name_changes import NameChangeNotice, NameChangeRules
from somdesk.ui.i18n import tr
from somdesk.ui.models import Column, TableModel
from somdesk.ui.record.fields import DateField
from somdesk.ui.record.name_changes import NameChangeList
from somdesk.ui.record.record_list import RecordList
from somdesk.ui.widgets import ErrorLabel, Table, dialog_buttons, set_error

__all__ = ["IdentityTab", "NameDialog"]


def _columns() -> list[Column[RecordedName]]:
    return [
        Column(tr("Name"), lambda n: n.name, tooltip=lambda n: n.name),
        Column(tr("Kind"), lambda n: tr(n.kind.label)),
        Column(tr("Source"), lambda n: n.source, tooltip=lambda n: n.source),
        Column(tr("From"), lambda n: n.from_on if n.from_on is not None else ""),
        Column(tr("Until"), lambda n: n.to_on if n.to_on is not None else ""),
    ]


class IdentityTab(RecordList):
    """The person's recorded names, alphabetical; Record name… and Edit name… for a user who may change
    the record; under them the aliases held on the offender record, then the name-change notices."""

    record_name = Signal()
    edit_name = Signal(object)  # the RecordedName chosen

    def __init__(
        self,
        names: list[RecordedName],
        aliases: tuple[str, ...],
        may_record: bool,
        notices: list[NameChangeNotice] | None = None,
        rules: NameChangeRules | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(
            Table(TableModel(_columns(), names), tr("Names and aliases"), max_width=320),
            (tr("Record name…"), tr("Record an alias, a previous name or a change of name")),
            (tr("Edit name…"), tr("Change the selected name: its source, its dates…")),
            may_record,
            lambda: self.record_name.emit(),
            lambda name: self.edit_name.emit(name),
        )
        held = "; ".join(aliases) if aliases else tr("none")
        self.aliases = QLabel(tr("Aliases on the offender record: {0}").format(held))
        self.aliases.setWordWrap(True)
        self.rows.addWidget(self.aliases)
        self.notices = NameChangeList(
            notices or [], rules or NameChangeRules(), today or date.today(), may_record
        )
        self.notices.rows.setContentsMargins(0, 0, 0, 0)  # lined up with the names above
        self.rows.addWidget(self.notices, 1)


_FIELDS = ("name", "kind", "source", "from_on", "to_on")


class NameDialog(QDialog):
    """Record a name, or (given `recorded`) change one: every field starts as recorded."""

    def __init__(
        self, person: str, today: date, recorded: RecordedName | None = None, parent: object = None
    ) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.today, self.recorded = today, recorded
        title = tr("Edit name: {0}") if recorded is not None else tr("Record name: {0}")
        self.setWindowTitle(title.format(person))
        self.name = QLineEdit(recorded.name if recorded else "")
        self.name.setMaxLength(MAX_NAME)
        self.name.setAccessibleName(tr("Name"))
        self.kind = QComboBox()
        for k in NameKind:
            self.kind.addItem(tr(k.label), k)
        self.kind.setAccessibleName(tr("Kind of name"))
        if recorded is not None:
            self.kind.setCurrentIndex(list(NameKind).index(recorded.kind))
        self.source = QLineEdit(recorded.source if recorded else "")
        self.source.setMaxLength(MAX_NAME_SOURCE)
        self.source.setAccessibleName(tr("Source"))
        self.source.setPlaceholderText(tr("e.g. PNC, self-declared, deed poll"))
        self.from_on = DateField(tr("Used from"), recorded.from_on if recorded else None)
        self.to_on = DateField(tr("Used until"), recorded.to_on if recorded else None)
        self.message = ErrorLabel()
        form = QFormLayout()
        form.addRow(tr("Name:"), self.name)
        form.addRow(tr("Kind:"), self.kind)
        form.addRow(tr("Source:"), self.source)
        form.addRow(tr("Used from:"), self.from_on)
        form.addRow(tr("Used until:"), self.to_on)
        self.buttons = dialog_buttons(self, self._accept, QDialogButtonBox.StandardButton.Save)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._touched: set[str] = set(_FIELDS) if recorded is not None else set()
        self.kind.currentIndexChanged.connect(lambda *_: self._edited("kind"))
        for key, widget in (
            ("name", self.name),
            ("source", self.source),
            ("from_on", self.from_on),
            ("to_on", self.to_on),
        ):
            widget.textChanged.connect(lambda *_, key=key: self._edited(key))
        self._update()
        self.resize(460, 280)

    def _fields(self) -> dict[str, QWidget]:
        return {
            "name": self.name,
            "kind": self.kind,
            "source": self.source,
            "from_on": self.from_on,
            "to_on": self.to_on,
        }

    def _edited(self, key: str) -> None:
        self._touched.add(key)
        self._update()

    def problems(self) -> dict[str, str]:
        """What is wrong, by field; empty when the name can be saved."""
        typed = {
            key: typed_problem
            for key, field in (("from_on", self.from_on), ("to_on", self.to_on))
            if (typed_problem := field.problem())
        }
        if typed:
            return typed
        out: dict[str, str] = {}
        for problem in name_problems(self.entered(), self.today):
            out.setdefault(problem.field, tr("{0}: {1}").format(tr(problem.label), tr(problem.message)))
        return out

    def _update(self) -> None:
        problems = self.problems()
        for key, widget in self._fields().items():
            set_error(widget, problems.get(key) if key in self._touched else None)
        self.message.setText("\n".join(p for k, p in problems.items() if k in self._touched))
        self.save_button.setEnabled(not problems)

    def entered(self) -> RecordedName:
        """The name as entered (the dates must read: see `problems`)."""
        return RecordedName(
            self.name.text().strip(),
            self.kind.currentData(),
            self.source.text().strip(),
            self.from_on.value(),
            self.to_on.value(),
            self.recorded.id if self.recorded is not None else "",
        )

    def _accept(self) -> None:
        self._touched.update(_FIELDS)
        self._update()
        if not self.problems():
            self.accept()
