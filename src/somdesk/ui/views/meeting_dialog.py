"""New meeting… / Edit meeting… (issue 20): the chair names a meeting of one of their panels (area and
level, from the level 2 and 3 cases they hold), its date, time, venue and chair, the agencies invited and
attending (one a line), and its cases, chosen from the panel's or every case of the panel due by the
meeting date (meetings.cases_due), each with why it is on the agenda (meetings.agenda_reason). Each
problem names its field (meeting_rules.meeting_problems, as the session and the central store apply it)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from somdesk.domain.mappa import mappa_review_due, panel_case
from somdesk.domain.meeting_rules import meeting_problems, recorded_meeting_problems
from somdesk.domain.meetings import Meeting, agenda_reason, cases_due
from somdesk.domain.status import CaseStatus
from somdesk.ui.i18n import tr
from somdesk.ui.record.fields import DateField, TimeField
from somdesk.ui.widgets import ErrorLabel, dialog_buttons, set_error

__all__ = ["MeetingDialog", "lines", "panels_of"]

Panel = tuple[str, int]  # (area, level)


def lines(text: str) -> tuple[str, ...]:
    """One agency or person a line, blank lines dropped."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def panels_of(statuses: Sequence[CaseStatus], also: Meeting | None = None) -> list[Panel]:
    """The panels (area, level) of the level 2 and 3 cases held: the chair's scope."""
    found = {
        (s.case.nominal.area, s.case.nominal.mappa.level)
        for s in statuses
        if s.active and panel_case(s.case.nominal.mappa) and s.case.nominal.area
    }
    if also is not None:
        found.add((also.area, also.level))
    return sorted(found)


class MeetingDialog(QDialog):
    """A new meeting, or (given `meeting`) a change to one: every field starts as recorded. Save checks
    the meeting against its rules and shows each problem at its field."""

    def __init__(
        self,
        statuses: Sequence[CaseStatus],
        today: date,
        review_weeks: dict[int, int],
        meeting: Meeting | None = None,
        parent: QWidget | None = None,
        decided: Collection[str] = (),
        heard: Mapping[str, tuple[str, str]] | None = None,
        audited: bool = False,
    ) -> None:
        """`decided`: the cases whose decision at `meeting` is recorded (said to be heard, not why
        they came: their review dates are the ones the panel set there). `heard` (id -> name and what
        was recorded) and `audited`: what is on the record of `meeting`, which keeps its date, panel
        and the cases heard (meeting_rules.recorded_meeting_problems, as the session applies it)."""
        super().__init__(parent)
        self.today, self.weeks, self.recorded = today, review_weeks, meeting
        self.decided = frozenset(decided)
        self.heard, self.audited = dict(heard or {}), audited
        self.statuses = [s for s in statuses if s.active and panel_case(s.case.nominal.mappa)]
        self.setWindowTitle(tr("Edit MAPPA meeting") if meeting else tr("New MAPPA meeting"))
        self.panel = QComboBox()
        self.panel.setAccessibleName(tr("Panel"))
        for area, level in panels_of(self.statuses, meeting):
            self.panel.addItem(tr("{0}, level {1}").format(area, level), (area, level))
        if meeting is not None:  # Qt hands a tuple back as a list: compared as a tuple
            held = [tuple(self.panel.itemData(i)) for i in range(self.panel.count())]
            self.panel.setCurrentIndex(held.index((meeting.area, meeting.level)))
        self.held_on = DateField(tr("Meeting date"), meeting.held_on if meeting else None, required=True)
        self.starts_at = TimeField(tr("Start time"), meeting.starts_at if meeting else None)
        self.venue = QLineEdit(meeting.venue if meeting else "")
        self.venue.setAccessibleName(tr("Venue"))
        self.chair = QLineEdit(meeting.chair if meeting else "")
        self.chair.setAccessibleName(tr("Chair"))
        self.invited = QPlainTextEdit("\n".join(meeting.invited) if meeting else "")
        self.invited.setAccessibleName(tr("Agencies invited"))
        self.invited.setPlaceholderText(tr("One agency (or person) a line"))
        self.attending = QPlainTextEdit("\n".join(meeting.attending) if meeting else "")
        self.attending.setAccessibleName(tr("Attending"))
        self.attending.setPlaceholderText(tr("One agency (or person) a line: who came"))
        for box in (self.invited, self.attending):
            box.setTabChangesFocus(True)
            box.setMaximumHeight(90)
        self.cases = QListWidget()
        self.cases.setAccessibleName(tr("Cases"))
        self.select_due = QPushButton(tr("Every case of the panel due by the meeting date"))
        self.select_due.setToolTip(
            tr("Ticks every case of this panel whose review falls due by the meeting date, or not yet heard")
        )
        self.select_due.clicked.connect(self.tick_due)
        self.message = ErrorLabel()
        form = QFormLayout()
        form.addRow(tr("Panel:"), self.panel)
        when = QHBoxLayout()
        when.addWidget(self.held_on)
        when.addWidget(QLabel(tr("at")))
        when.addWidget(self.starts_at)
        form.addRow(tr("Date:"), when)
        form.addRow(tr("Venue:"), self.venue)
        form.addRow(tr("Chair:"), self.chair)
        form.addRow(tr("Agencies invited:"), self.invited)
        form.addRow(tr("Attending:"), self.attending)
        cases_head = QHBoxLayout()
        cases_head.addWidget(QLabel(tr("Cases on the agenda, in the order heard (tick to include):")))
        cases_head.addStretch(1)
        cases_head.addWidget(self.select_due)
        self.buttons = dialog_buttons(self, self._accept, QDialogButtonBox.StandardButton.Save)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(cases_head)
        layout.addWidget(self.cases, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._fill_cases(list(meeting.cases) if meeting else [])
        self.panel.currentIndexChanged.connect(lambda _: self._fill_cases(self.chosen()))
        self.held_on.edited.connect(lambda: self._fill_cases(self.chosen()))
        self.resize(760, 640)

    # -- the cases

    def _panel(self) -> Panel | None:
        data = self.panel.currentData()
        return (str(data[0]), int(data[1])) if data is not None else None

    def _meeting_day(self) -> date:
        day = self.held_on.readable()
        return day if day is not None else self.today

    def _fill_cases(self, ticked: list[str]) -> None:
        """The panel's cases: those on the agenda first in their order, then the rest, longest due first."""
        self.cases.clear()
        panel = self._panel()
        if panel is None:
            return
        area, level = panel
        mine = {
            s.case.nominal.id: s
            for s in self.statuses
            if s.case.nominal.area == area and s.case.nominal.mappa.level == level
        }
        rest = sorted(
            (nid for nid in mine if nid not in ticked),
            key=lambda nid: (
                mappa_review_due(mine[nid].case.nominal.mappa, self.weeks) or date.min,
                mine[nid].case.nominal.display_name,
            ),
        )
        meeting = Meeting(area, level, self._meeting_day())
        for nid in [t for t in ticked if t in mine] + rest:
            n = mine[nid].case.nominal
            reason = agenda_reason(n.mappa, meeting, self.today, self.weeks, decided=nid in self.decided)
            item = QListWidgetItem(tr("{0} ({1}): {2}").format(n.display_name, n.visor_ref, reason))
            item.setData(Qt.ItemDataRole.UserRole, nid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if nid in ticked else Qt.CheckState.Unchecked)
            self.cases.addItem(item)

    def chosen(self) -> list[str]:
        """The ticked cases' ids, in the list's order (the order heard)."""
        out = []
        for i in range(self.cases.count()):
            item = self.cases.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def tick_due(self) -> None:
        """Tick every case of the panel due by the meeting date (and only those), longest due first."""
        panel = self._panel()
        if panel is None:
            return
        mappas = [(s.case.nominal.id, s.case.nominal.mappa, s.case.nominal.area) for s in self.statuses]
        self._fill_cases(cases_due(mappas, Meeting(panel[0], panel[1], self._meeting_day()), self.weeks))

    # -- the meeting

    def problems(self) -> dict[str, str]:
        """What is wrong, by field; empty when the meeting can be saved."""
        typed = {
            key: problem
            for key, field in (("held_on", self.held_on), ("starts_at", self.starts_at))
            if (problem := field.problem())
        }
        if self._panel() is None:
            typed["area"] = tr("Panel: you hold no level 2 or 3 case, so no panel to meet")
        if typed:
            return typed
        out: dict[str, str] = {}
        entered = self.meeting()
        found = meeting_problems(entered)
        if self.recorded is not None:
            found += recorded_meeting_problems(self.recorded, entered, self.heard, self.audited)
        for p in found:
            out.setdefault(p.field, tr("{0}: {1}").format(tr(p.label), tr(p.message)))
        if not self.chosen():
            out["cases"] = tr("Cases: tick at least one case for the agenda")
        return out

    def meeting(self) -> Meeting:
        """The meeting as entered (the panel chosen and the date reading: see `problems`)."""
        panel = self._panel()
        day = self.held_on.value()
        assert panel is not None and day is not None
        return Meeting(
            panel[0],
            panel[1],
            day,
            self.starts_at.value(),
            self.venue.text().strip(),
            self.chair.text().strip(),
            lines(self.invited.toPlainText()),
            lines(self.attending.toPlainText()),
            tuple(self.chosen()),
            id=self.recorded.id if self.recorded is not None else "",
        )

    def _widgets(self) -> dict[str, QWidget]:
        return {
            "area": self.panel,
            "held_on": self.held_on,
            "starts_at": self.starts_at,
            "venue": self.venue,
            "chair": self.chair,
            "invited": self.invited,
            "attending": self.attending,
            "cases": self.cases,
        }

    def _accept(self) -> None:
        problems = self.problems()
        for key, widget in self._widgets().items():
            set_error(widget, problems.get(key))
        self.message.setText("\n".join(problems.values()))
        if not problems:
            self.accept()
