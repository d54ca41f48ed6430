"""The record's "Breaches and whereabouts" tab: breaches, missing and wanted, and risk of serious
harm, one section each with its own table and buttons."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from somdesk.app.session import RecordData
from somdesk.ui.i18n import tr
from somdesk.ui.record.breaches import BreachesSection
from somdesk.ui.record.rosh import RoshSection
from somdesk.ui.record.whereabouts import WhereaboutsSection
from somdesk.ui.text_scale import relative

__all__ = ["BreachesAndWhereaboutsTab"]


def _section(title: str) -> QLabel:
    label = QLabel(title)
    relative(label, 11 / 9, bold=True)  # 11 points beside the usual 9, at any text size
    return label


class BreachesAndWhereaboutsTab(QWidget):
    record_breach = Signal()
    edit_breach = Signal(object)  # Breach
    record_whereabouts = Signal()
    edit_whereabouts = Signal(object)  # Whereabouts
    review_whereabouts = Signal(object)  # the open Whereabouts to record a review of
    record_rosh = Signal()

    def __init__(self, data: RecordData, today: date, may_record: bool, review_days: int = 7) -> None:
        super().__init__()
        self.whereabouts = WhereaboutsSection(data.whereabouts, today, may_record, review_days)
        self.whereabouts.review_episode.connect(self.review_whereabouts.emit)
        self.whereabouts.record_episode.connect(self.record_whereabouts.emit)
        self.whereabouts.edit_episode.connect(self.edit_whereabouts.emit)
        self.rosh = RoshSection(data.rosh, may_record)
        self.rosh.record_rosh.connect(self.record_rosh.emit)
        self.breaches = BreachesSection(data.breaches, may_record)
        self.breaches.record_breach.connect(self.record_breach.emit)
        self.breaches.edit_breach.connect(self.edit_breach.emit)
        layout = QVBoxLayout(self)
        layout.addWidget(_section(tr("Breaches")))
        layout.addWidget(self.breaches, 3)
        layout.addWidget(_section(tr("Missing and wanted")))
        layout.addWidget(self.whereabouts, 2)
        layout.addWidget(_section(tr("Risk of serious harm (RoSH)")))
        layout.addWidget(self.rosh, 2)

    @property
    def title(self) -> str:
        return tr("Breaches and whereabouts")
