"""The offender record's Travel tab: the trips abroad the person notified, and the dialog that records
or changes one. The dialog says, as the dates are typed, whether the notice came in time, at short
notice (a reason to record) or late (DOMAIN.md §5), so the officer knows a reason is needed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from somdesk.domain.invariants import MAX_DESTINATION, trip_problems
from somdesk.domain.model import ForeignTrip
from somdesk.domain.notification import TravelNotice, describe_travel_notice, travel_notice
from somdesk.domain.policy import Policy
from somdesk.ui.i18n import tr
from somdesk.ui.models import Column, TableModel
from somdesk.ui.palette import colours
from somdesk.ui.record.fields import DateField
from somdesk.ui.record.record_list import RecordList
from somdesk.ui.widgets import ErrorLabel, Label, Table, dialog_buttons, set_error

__all__ = ["TravelTab", "TripDialog", "notice_text"]


def _trip_columns(policy: Policy) -> list[Column[ForeignTrip]]:
    def notice(t: ForeignTrip) -> str:
        return describe_travel_notice(t, policy.notifications)

    return [
        Column(tr("Departs"), lambda t: t.departs_on),
        Column(tr("Destination"), lambda t: t.destination, tooltip=lambda t: t.destination),
        Column(tr("Returns"), lambda t: t.returns_on if t.returns_on is not None else tr("not known")),
        Column(tr("Notified"), lambda t: t.notified_on if t.notified_on is not None else tr("not notified")),
        Column(
            tr("Notice"),
            notice,
            tooltip=notice,
            alert=lambda t: (
                travel_notice(t, policy.notifications)
                in (TravelNotice.SHORT_NOTICE, TravelNotice.LATE, TravelNotice.NOT_NOTIFIED)
            ),
        ),
        Column(
            tr("Reason for short notice"),
            lambda t: t.short_notice_reason,
            tooltip=lambda t: t.short_notice_reason,
        ),
    ]


class TravelTab(RecordList):
    """The person's trips abroad, latest departure first; Record trip… and Edit trip… for a user who
    may change the record; double-click or Enter edits a trip."""

    record_trip = Signal()
    edit_trip = Signal(object)  # the ForeignTrip chosen

    def __init__(self, trips: tuple[ForeignTrip, ...], policy: Policy, may_record: bool) -> None:
        shown = sorted(trips, key=lambda t: t.departs_on, reverse=True)
        super().__init__(
            Table(TableModel(_trip_columns(policy), shown), tr("Trips abroad"), max_width=260),
            (tr("Record trip…"), tr("Record a trip abroad the person has notified")),
            (tr("Edit trip…"), tr("Change the selected trip: its return, a reason for short notice…")),
            may_record,
            lambda: self.record_trip.emit(),
            lambda trip: self.edit_trip.emit(trip),
            tr(
                "Notice is due at least 7 days before departure; notice inside the 7 days needs a "
                "reason, kept with the trip. Time abroad is left out of the initial notification, and "
                "an annual or weekly date falling abroad moves to the 3 days beginning with the return."
            ),
        )


def notice_text(trip: ForeignTrip | None, policy: Policy) -> str:
    """What the dialog says of the notice as the dates are typed."""
    if trip is None:
        return tr("Type the departure date to see whether notice came in time.")
    notice = travel_notice(trip, policy.notifications)
    if notice is TravelNotice.NOT_NOTIFIED:
        return tr("Not notified yet: type the date the person notified the trip.")
    if notice is TravelNotice.IN_TIME:
        return tr("Notice: in time (7 days or more before departure).")
    if notice is TravelNotice.LATE:
        return tr("Notice: late (notified after departure). Record why, if it is known.")
    if notice is TravelNotice.SHORT_NOTICE:
        return tr("Notice: short notice: reason to record (inside the 7 days before departure).")
    return tr("Notice: short notice: reason recorded.")


# The trip's fields as the rules name them -> this dialog's widgets' keys.
_FIELDS = ("departs_on", "destination", "notified_on", "returns_on", "short_notice_reason")


class TripDialog(QDialog):
    """Record a trip abroad, or (given `trip`) change one: every field starts as recorded. Save is
    enabled only while the trip keeps the rules; each problem is shown at its field."""

    def __init__(
        self, name: str, today: date, policy: Policy, trip: ForeignTrip | None = None, parent: object = None
    ) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.today, self.policy, self.recorded = today, policy, trip
        title = tr("Edit trip abroad: {0}") if trip is not None else tr("Record trip abroad: {0}")
        self.setWindowTitle(title.format(name))
        self.departs = DateField(tr("Departs on"), trip.departs_on if trip else None, required=True)
        self.destination = QLineEdit(trip.destination if trip else "")
        self.destination.setMaxLength(MAX_DESTINATION)
        self.destination.setPlaceholderText(tr("Country, and town if known"))
        self.destination.setAccessibleName(tr("Destination"))
        self.notified = DateField(tr("Notified on"), trip.notified_on if trip else today)
        self.returns = DateField(tr("Returns on"), trip.returns_on if trip else None)
        self.returns.setPlaceholderText(tr("dd/mm/yyyy (blank if not known)"))
        self.reason = QPlainTextEdit(trip.short_notice_reason if trip else "")
        self.reason.setTabChangesFocus(True)  # Tab moves on, never traps the keyboard
        self.reason.setAccessibleName(tr("Reason for short notice"))
        self.reason.setPlaceholderText(tr("Why notice came inside the 7 days before departure"))
        self.reason.setMaximumHeight(80)
        self.notice = Label()
        self.notice.setWordWrap(True)
        self.notice.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.notice.setAccessibleName(tr("Notice"))
        self.message = ErrorLabel()
        form = QFormLayout()
        form.addRow(tr("Departs on:"), self.departs)
        form.addRow(tr("Destination:"), self.destination)
        form.addRow(tr("Notified on:"), self.notified)
        form.addRow(tr("Returns on:"), self.returns)
        form.addRow(tr("Notice:"), self.notice)
        form.addRow(tr("Reason for short notice:"), self.reason)
        self.buttons = dialog_buttons(self, self._accept, QDialogButtonBox.StandardButton.Save)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        # A field is marked once the user has typed in it (or it was filled from the record), so an
        # empty new form is not all red; Save stays disabled until every problem is fixed.
        self._touched: set[str] = set(_FIELDS) if trip is not None else {"notified_on"}
        for key, field in self._fields().items():
            assert isinstance(field, QLineEdit | QPlainTextEdit)
            field.textChanged.connect(lambda *_, key=key: self._edited(key))
        self._update()
        self.resize(540, 380)

    def _fields(self) -> dict[str, QWidget]:
        return {
            "departs_on": self.departs,
            "destination": self.destination,
            "notified_on": self.notified,
            "returns_on": self.returns,
            "short_notice_reason": self.reason,
        }

    def _edited(self, key: str) -> None:
        self._touched.add(key)
        self._update()

    def problems(self) -> dict[str, str]:
        """What is wrong, by field; empty when the trip can be saved (the domain's rules, as the
        session and the central store apply them)."""
        typed = {
            key: typed_problem
            for key, field in (
                ("departs_on", self.departs),
                ("notified_on", self.notified),
                ("returns_on", self.returns),
            )
            if (typed_problem := field.problem())
        }
        if typed:
            return typed  # the rest is checked once the dates read
        out: dict[str, str] = {}
        for problem in trip_problems(self.trip(), self.today):
            out.setdefault(problem.field, tr("{0}: {1}").format(tr(problem.label), tr(problem.message)))
        return out

    def _update(self) -> None:
        problems = self.problems()
        for key, widget in self._fields().items():
            set_error(widget, problems.get(key) if key in self._touched else None)
        self.message.setText("\n".join(p for k, p in problems.items() if k in self._touched))
        self.save_button.setEnabled(not problems)
        self.notice.setText(notice_text(self._readable(), self.policy))
        wanted = self._readable()
        short = wanted is not None and travel_notice(wanted, self.policy.notifications) in (
            TravelNotice.SHORT_NOTICE,
            TravelNotice.LATE,
        )
        box = "padding: 6px; border-radius: 4px; background: "
        self.notice.setStyleSheet(
            box
            + (
                f"{colours().alert_fill}; color: {colours().alert}; font-weight: bold;"
                if short
                else f"{colours().info_fill};"
            )
        )

    def _readable(self) -> ForeignTrip | None:
        """The trip as typed when its dates read, else None (for what is said as the user types)."""
        if self.departs.readable() is None or self.notified.problem() or self.returns.problem():
            return None
        return self.trip()

    def trip(self) -> ForeignTrip:
        """The trip as entered; the departure must read (see `problems`)."""
        departs = self.departs.value()
        assert departs is not None, "the departure date is required"
        return ForeignTrip(
            departs,
            self.destination.text().strip(),
            self.notified.value(),
            self.reason.toPlainText().strip(),
            self.returns.value(),
            self.recorded.id if self.recorded is not None else "",
        )

    def _accept(self) -> None:
        self._touched.update(_FIELDS)
        self._update()
        if not self.problems():
            self.accept()
