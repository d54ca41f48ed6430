"""The dialog that records a device check at a visit: the visit, the devices examined (those in use on
the register), the order terms checked against (the internet and devices terms of the orders in force),
the result and the findings, and the force policy's checklist for each examined device's operating
system. Save is enabled only while the check keeps its rules (device_rules.check_problems). A check with
concerns against a term can go on to record a breach of it (`open_breach`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from somdesk.domain.device_checks import CheckResult, DeviceCheck, DeviceChecklists
from somdesk.domain.device_rules import check_problems
from somdesk.domain.devices import Device
from somdesk.domain.model import RecordedVisit
from somdesk.domain.orders import CivilOrder, OrderTerm
from somdesk.ui.i18n import tr
from somdesk.ui.record.breaches import term_breached
from somdesk.ui.record.fields import DateField
from somdesk.ui.widgets import ErrorLabel, dialog_buttons, set_error

__all__ = ["DeviceCheckDialog"]


def _ticks(name: str, items: Sequence[tuple[str, str]], ticked: Sequence[str]) -> QListWidget:
    """A list of (words, key) each with a tick box, those in `ticked` ticked."""
    box = QListWidget()
    box.setAccessibleName(name)
    box.setWordWrap(True)
    for words, key in items:
        item = QListWidgetItem(words)
        item.setToolTip(words)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if key in ticked else Qt.CheckState.Unchecked)
        box.addItem(item)
    box.setMaximumHeight(max(40, min(140, 22 * len(items) + 8)))
    return box


def _ticked(box: QListWidget) -> tuple[str, ...]:
    return tuple(
        box.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(box.count())
        if box.item(i).checkState() is Qt.CheckState.Checked
    )


class DeviceCheckDialog(QDialog):
    """Record a device check at one of `visits` (latest first), or (given `check`) change one."""

    def __init__(
        self,
        name: str,
        today: date,
        user: str,
        visits: Sequence[RecordedVisit],
        devices: Sequence[Device],
        terms: Sequence[tuple[CivilOrder, OrderTerm]],
        checklists: DeviceChecklists,
        check: DeviceCheck | None = None,
        parent: object = None,
    ) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.today, self.recorded, self.checklists = today, check, checklists
        self.devices_known = list(devices)
        self.visits_known = {v.id: v for v in visits}
        self.terms_known = {t.id: (o, t) for o, t in terms}
        title = tr("Edit device check: {0}") if check is not None else tr("Record device check: {0}")
        self.setWindowTitle(title.format(name))
        self.visit = QComboBox()
        self.visit.setAccessibleName(tr("Visit"))
        for v in visits:
            self.visit.addItem(f"{v.at:%d/%m/%Y %H:%M}: {tr(v.outcome.label)}", v.id)
        if check is not None:
            self.visit.setCurrentIndex(max(0, self.visit.findData(check.visit_id)))
        first = self.visits_known.get(self.visit.currentData()) if self.visit.count() else None
        self.checked_on = DateField(
            tr("Checked on"),
            check.checked_on if check else (first.at.date() if first is not None else today),
            required=True,
        )
        shown = [d for d in devices if d.in_use or (check is not None and d.id in check.devices)]
        self.devices = _ticks(
            tr("Devices examined"),
            [(d.what + (f" ({tr(d.system.label)})" if d.system else ""), d.id) for d in shown],
            check.devices if check else (),
        )
        self.terms = _ticks(
            tr("Order terms checked against"),
            [(term_breached(o, t), t.id) for o, t in terms],
            check.terms if check else tuple(self.terms_known),
        )
        self.verdict = QComboBox()
        self.verdict.setAccessibleName(tr("Result"))
        for r in CheckResult:
            self.verdict.addItem(tr(r.label), r)
        if check is not None:
            self.verdict.setCurrentIndex(self.verdict.findData(check.result))
        self.findings = QPlainTextEdit(check.findings if check else "")
        self.findings.setTabChangesFocus(True)  # Tab moves on, never traps the keyboard
        self.findings.setAccessibleName(tr("Findings"))
        self.findings.setPlaceholderText(tr("What was examined and found, in words"))
        self.findings.setMaximumHeight(90)
        self.checked_by = QLineEdit(check.checked_by if check else user)
        self.checked_by.setAccessibleName(tr("Checked by"))
        self._involves: dict[str, set[str]] = {}  # the fields each problem shown turns on
        self._done_items: set[str] = set(check.checklist) if check else set()
        self.checklist = QListWidget()
        self.checklist.setAccessibleName(tr("Checklist"))
        self.checklist.setWordWrap(True)
        self.open_breach = QCheckBox(tr("Then record a breach of the term for these findings"))
        self.message = ErrorLabel()
        self.form = QFormLayout()
        self.form.addRow(tr("Visit:"), self.visit)
        self.form.addRow(tr("Checked on:"), self.checked_on)
        self.form.addRow(tr("Devices examined:"), self.devices)
        self.form.addRow(tr("Against the terms:"), self.terms)
        self.form.addRow(tr("Checklist:"), self.checklist)
        self.form.addRow(tr("Result:"), self.verdict)
        self.form.addRow(tr("Findings:"), self.findings)
        self.form.addRow(tr("Checked by:"), self.checked_by)
        self.form.addRow("", self.open_breach)
        self.buttons = dialog_buttons(self, self._accept, QDialogButtonBox.StandardButton.Save)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._touched: set[str] = set(self._fields()) if check is not None else set()
        self.devices.itemChanged.connect(lambda *_: self._devices_changed())
        self.terms.itemChanged.connect(lambda *_: self._edited("terms"))
        self.checklist.itemChanged.connect(lambda *_: self._edited("checklist"))
        self.visit.currentIndexChanged.connect(lambda *_: self._visit_changed())
        self.verdict.currentIndexChanged.connect(lambda *_: self._edited("result"))
        self.findings.textChanged.connect(lambda: self._edited("findings"))
        self.checked_on.textChanged.connect(lambda *_: self._edited("checked_on"))
        self.checked_by.textChanged.connect(lambda *_: self._edited("checked_by"))
        self._fill_checklist()
        self._update()
        self.resize(640, 680)

    def _fields(self) -> dict[str, QWidget]:
        return {
            "visit_id": self.visit,
            "checked_on": self.checked_on,
            "devices": self.devices,
            "checklist": self.checklist,
            "terms": self.terms,
            "result": self.verdict,
            "findings": self.findings,
            "checked_by": self.checked_by,
        }

    def _devices_changed(self) -> None:
        self._done_items |= set(_ticked(self.checklist))
        self._fill_checklist()
        self._touched.add("checklist")  # the checklist shown is the devices': say what it needs now
        self._edited("devices")

    def _visit_changed(self) -> None:
        """A check is made at its visit: its date follows the visit chosen."""
        visit = self.visits_known.get(self.visit.currentData())
        if visit is not None:
            self.checked_on.set_value(visit.at.date())
        self._edited("visit_id")

    def _fill_checklist(self) -> None:
        """The policy's checklist for each examined device's system, items done kept ticked."""
        chosen = set(_ticked(self.devices))
        examined = [d for d in self.devices_known if d.id in chosen]
        self.checklist.blockSignals(True)
        self.checklist.clear()
        for system, items in self.checklists.for_devices(examined):
            for text in items:
                item = QListWidgetItem(f"{tr(system.label)}: {text}")
                item.setData(Qt.ItemDataRole.UserRole, f"{system.label}: {text}")
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                done = f"{system.label}: {text}" in self._done_items
                item.setCheckState(Qt.CheckState.Checked if done else Qt.CheckState.Unchecked)
                self.checklist.addItem(item)
        self.checklist.blockSignals(False)
        if not self.checklist.count():
            self.checklist.addItem(tr("(no checklist: tick a device whose system the force policy lists)"))
        self.checklist.setMaximumHeight(max(40, min(180, 22 * self.checklist.count() + 8)))

    def _edited(self, key: str) -> None:
        self._touched.add(key)
        self._update()

    def problems(self) -> dict[str, str]:
        """What is wrong, by field; empty when the check can be saved."""
        if wrong := self.checked_on.problem():
            return {"checked_on": wrong}
        out: dict[str, str] = {}
        if self.visit.currentData() is None:
            out["visit"] = tr("Visit: record the visit first, then its device check")
        known = [d.id for d in self.devices_known]
        check = self.check()
        visit = self.visits_known.get(check.visit_id)
        examined = [d for d in self.devices_known if d.id in check.devices]
        checklist = self.checklists.items_for(examined)
        for problem in check_problems(check, self.today, known, list(self.terms_known), visit, checklist):
            if problem.field not in out:
                out[problem.field] = tr("{0}: {1}").format(tr(problem.label), tr(problem.message))
                self._involves[problem.field] = set(problem.fields)
        return out

    def _update(self) -> None:
        concerns = self.verdict.currentData() is CheckResult.CONCERNS and bool(_ticked(self.terms))
        self.form.setRowVisible(self.open_breach, concerns and self.recorded is None)
        problems = self.problems()
        touched = self._touched
        shown = {k: p for k, p in problems.items() if k == "visit" or self._involves.get(k, {k}) & touched}
        for key, widget in self._fields().items():
            set_error(widget, shown.get(key))
        self.message.setText("\n".join(shown.values()))
        self.save_button.setEnabled(not problems)

    def check(self) -> DeviceCheck:
        """The check as entered (the date must read: see `problems`)."""
        done = tuple(i for i in _ticked(self.checklist) if i)
        return DeviceCheck(
            self.visit.currentData() or "",
            self.checked_on.value() or self.today if not self.checked_on.problem() else self.today,
            self.verdict.currentData(),
            _ticked(self.devices),
            _ticked(self.terms),
            self.findings.toPlainText().strip(),
            self.checked_by.text().strip(),
            done,
            id=self.recorded.id if self.recorded is not None else "",
        )

    def breach_details(self) -> str:
        """A breach's details for the first term ticked and the findings (to prefill the breach)."""
        chosen = _ticked(self.terms)
        if not chosen:
            return self.findings.toPlainText().strip()
        order, term = self.terms_known[chosen[0]]
        check = tr("Device check")
        return f"{term_breached(order, term)}. {check}: {self.findings.toPlainText().strip()}"

    def wants_breach(self) -> bool:
        return (
            self.open_breach.isChecked()
            and not self.open_breach.isHidden()
            and self.form.isRowVisible(self.open_breach)
        )

    def _accept(self) -> None:
        self._touched.update(self._fields())
        self._update()
        if not self.problems():
            self.accept()
