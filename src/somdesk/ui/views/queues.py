"""The prioritisation queues (ARMS, visits, notifications, missing and wanted, warrant decisions due,
not successfully seen): each item with the reason for its place."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPushButton, QVBoxLayout

from somdesk.app.session import Workspace
from somdesk.domain.queues import QueueItem, officers_items
from somdesk.domain.roles import Capability
from somdesk.ui.columns import queue_columns
from somdesk.ui.i18n import QT_TR_NOOP, tr
from somdesk.ui.models import TableModel
from somdesk.ui.views.base import View
from somdesk.ui.widgets import Heading, Subtitle, Table

__all__ = ["QueueView"]


_TEXTS = {
    "arms": (
        QT_TR_NOOP("ARMS queue ({0})"),
        QT_TR_NOOP("ARMS priority"),
        QT_TR_NOOP(
            "Releases and new registrations first (the ARMS deadline: {weeks} weeks, national guidance), "
            "then very high and high, medium, low risk; earliest deadline first within each, then higher "
            "risk, then a breach in the last {breach_days} days or a restricting order in force. Hover # "
            "or Tier to see why an item is in its place."
        ),
    ),
    "visits": (
        QT_TR_NOOP("Visits due ({0})"),
        QT_TR_NOOP("Home visits due"),
        QT_TR_NOOP(
            "Overdue visits first (higher risk, then a breach in the last {breach_days} days or a "
            "restricting order in force, then most overdue), then visits due within {visit_days} days; a "
            "missing or wanted person last in each, as no routine visit can be made."
        ),
    ),
    "notifications": (
        QT_TR_NOOP("Notifications ({0})"),
        QT_TR_NOOP("Notifications due"),
        QT_TR_NOOP(
            "Initial, annual and weekly notifications, foreign travel, indefinite reviews, civil order "
            "reviews and ends, name-change notice steps, MAPPA panel actions, and periods whose last day "
            "is within {notification_days} days. Overdue first."
        ),
    ),
    "missing": (
        QT_TR_NOOP("Missing and wanted ({0})"),
        QT_TR_NOOP("Missing and wanted"),
        QT_TR_NOOP(
            "People whose whereabouts are unknown, who are missing or wanted: overdue reviews first (most "
            "overdue first), then longest open first. Each is reviewed every {review_days} days (force "
            "policy) from the last review recorded, else from the date circulated, until found."
        ),
    ),
    "warrants": (
        QT_TR_NOOP("Warrant decisions ({0})"),
        QT_TR_NOOP("Warrant decisions due (s.96B)"),
        QT_TR_NOOP(
            "Two unsuccessful attempts at entry (no reply, refused entry) since the person was last seen, "
            "or since the attempts the last decision covered: a supervisor decides whether to apply for a "
            "warrant (SOA 2003 s.96B). Not while in custody, in hospital or abroad. Longest waiting first."
        ),
    ),
    "not_seen": (
        QT_TR_NOOP("Not seen ({0})"),
        QT_TR_NOOP("Not successfully seen"),
        QT_TR_NOOP(
            "People on routine visits not seen for longer than their visit interval plus {not_seen_days} "
            "days (force policy), the longest unseen first, with the days since and the attempts made."
        ),
    ),
}


class QueueView(View):
    export_csv = Signal(str, object)  # the queue's name; the officer whose items are shown, or None
    review_missing = Signal(str)  # the missing queue: the nominal whose open episode to record a review of

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        title = _TEXTS[name][1]
        self.heading = Heading(tr(title))
        self.heading.setWordWrap(True)  # a long queue's name on two lines where need be (Welsh at 200%)
        self.subtitle = Subtitle()
        self.officer_id: str | None = None
        self._items: list[QueueItem] = []
        self._shown: list[QueueItem] = []  # what the model shows, in queue order: its "#" is the position
        self.mine = QCheckBox(tr("Only my cases"))
        self.mine.setVisible(False)
        self.mine.toggled.connect(self._apply_mine)
        self.model: TableModel[QueueItem] = TableModel(queue_columns(name, lambda: self._shown))
        self.table = Table(self.model, tr(title), max_width=260)
        self.table.on_row(lambda item: self.open_record.emit(item.nominal_id))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.subtitle)
        self.export_button = QPushButton(tr("Export CSV…"))
        self.export_button.clicked.connect(lambda: self.export_csv.emit(self.name, self.shown_officer()))
        bar = QHBoxLayout()
        bar.addWidget(self.mine)
        bar.addStretch(1)
        self.review_button = QPushButton(tr("Record review…"))
        self.review_button.setToolTip(tr("Record a review of the selected person's missing or wanted record"))
        self.review_button.setVisible(False)
        self.review_button.clicked.connect(self._review)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        bar.addWidget(self.review_button)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)
        layout.addWidget(self.table)

    def nav_label(self, workspace: Workspace | None) -> str:
        if workspace is None:
            return tr(_TEXTS[self.name][0]).format(0)
        items = workspace.queues[self.name]
        if self._own(workspace) is not None:
            items = [i for i in items if i.officer_id == self._own(workspace)]
        return tr(_TEXTS[self.name][0]).format(len(items))

    @staticmethod
    def _own(workspace: Workspace) -> str | None:
        """A SOM's own officer id: their queues show their own cases."""
        identity = workspace.identity
        return identity.officer_id if identity.role.may(Capability.HOLD_OWN_CASELOAD) else None

    def show_workspace(self, workspace: Workspace) -> None:
        p = workspace.policy
        self.subtitle.setText(
            tr(_TEXTS[self.name][2]).format(
                weeks=p.arms.deadline_weeks,
                visit_days=p.visits.due_soon_days,
                notification_days=p.notifications.due_soon_days,
                review_days=p.whereabouts.review_days,
                breach_days=p.visits.breach_recent_days,
                not_seen_days=p.visits.not_seen_margin_days,
            )
        )
        self.officer_id = self._own(workspace)
        self.review_button.setVisible(
            self.name == "missing" and workspace.identity.role.may(Capability.RECORD)
        )
        self.mine.setVisible(self.officer_id is not None)
        self.mine.setChecked(self.officer_id is not None)
        self._items = workspace.queues[self.name]
        self._apply_mine()

    def _chosen(self) -> QueueItem | None:
        rows = self.table.selected_rows()
        return rows[0] if len(rows) == 1 else None

    def _selected(self) -> None:
        self.review_button.setEnabled(self._chosen() is not None)

    def _review(self) -> None:
        if (item := self._chosen()) is not None:
            self.review_missing.emit(item.nominal_id)

    def shown_officer(self) -> str | None:
        """The officer whose items alone are shown ("Only my cases"), or None for the whole queue."""
        return self.officer_id if self.mine.isChecked() else None

    def _apply_mine(self) -> None:
        officer = self.shown_officer()
        self._shown = self._items if officer is None else officers_items(self._items, officer)
        # Only the changed items are told (the selection and scroll stay); a whole new list is a
        # reset, after which the columns are sized to it.
        if not self.model.update_rows(self._shown):
            self.table.fit_columns()
        self._selected()

    def clear(self) -> None:
        self._items = self._shown = []
        self.model.set_rows([])
