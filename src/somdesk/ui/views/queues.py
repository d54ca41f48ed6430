"""The three prioritisation queues: each item with the reason for its place."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QVBoxLayout

from somdesk.domain.queues import QueueItem
from somdesk.session import Workspace
from somdesk.ui.columns import queue_columns
from somdesk.ui.models import TableModel
from somdesk.ui.views.base import View
from somdesk.ui.widgets import Heading, Subtitle, Table

__all__ = ["QueueView"]


def tr(text: str) -> str:
    return QCoreApplication.translate("queues", text)


_TEXTS = {
    "arms": (
        "ARMS queue ({0})",
        "ARMS priority",
        "Releases and new registrations first (national {weeks}-week deadline), then very high and high, "
        "medium, low risk; earliest deadline first within each. Hover # or Tier to see why an item is "
        "in its place.",
    ),
    "visits": (
        "Visits due ({0})",
        "Home visits due",
        "Overdue visits first (higher risk, then most overdue), then visits due within {visit_days} days.",
    ),
    "notifications": (
        "Notifications ({0})",
        "Notifications due",
        "Initial, annual and weekly notifications, foreign travel, indefinite reviews and periods ending "
        "within {notification_days} days. Overdue first.",
    ),
}


class QueueView(View):
    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        title = _TEXTS[name][1]
        self.heading = Heading(tr(title))
        self.subtitle = Subtitle()
        self.model: TableModel[QueueItem] = TableModel(queue_columns())
        self.table = Table(self.model, tr(title), max_width=260)
        self.table.on_row(lambda item: self.open_record.emit(item.nominal_id))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.table)

    def nav_label(self, workspace: Workspace | None) -> str:
        count = len(workspace.queues[self.name]) if workspace is not None else 0
        return tr(_TEXTS[self.name][0]).format(count)

    def show_workspace(self, workspace: Workspace) -> None:
        p = workspace.policy
        self.subtitle.setText(
            tr(_TEXTS[self.name][2]).format(
                weeks=p.arms.deadline_weeks,
                visit_days=p.visits.due_soon_days,
                notification_days=p.notifications.due_soon_days,
            )
        )
        self.model.set_rows(workspace.queues[self.name])
        self.table.fit_columns()

    def clear(self) -> None:
        self.model.set_rows([])
