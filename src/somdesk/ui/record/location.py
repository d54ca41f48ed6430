"""Where a person's address is, in their record: the point rounds use (easting and northing, and where
it came from), a point set by hand that no longer applies, and for a role that records, "Set point by
hand…" and "Clear". The dialog takes whole metres on the British National Grid and says at the field
what is wrong."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from somdesk.app.locations import HandPoint
from somdesk.domain.locations import Located, entered_point
from somdesk.domain.rounds import GridPoint
from somdesk.ui.i18n import tr
from somdesk.ui.palette import colours
from somdesk.ui.widgets import ErrorLabel, Label, dialog_buttons, set_error

__all__ = ["HandPointDialog", "LocationSection", "location_text"]


def location_text(location: Located | None, hand: HandPoint | None) -> str:
    """The point in words: "E 401200, N 281300 (postcode file)", or why there is none."""
    if location is None:
        said = tr("No point: the postcode file does not place this address; set one by hand")
    elif hand is not None and hand.applies:  # who set it, so the other officer of the pair knows
        e, n = location.point
        said = tr("E {0}, N {1} (set by hand by {2}, {3:%d %b %Y})").format(
            e, n, hand.set_by, hand.set_at.astimezone()
        )
    else:
        e, n = location.point
        said = tr("E {0}, N {1} ({2})").format(e, n, tr(location.source))
    if hand is not None and not hand.applies:
        said += " · " + tr("A point was {0}").format(hand.note)
    return said


class LocationSection(QWidget):
    """The record's location line and its two buttons (shown only to a role that may record)."""

    set_requested = Signal()
    clear_requested = Signal()

    def __init__(self, location: Located | None, hand: HandPoint | None, may: bool) -> None:
        super().__init__()
        self.text = Label(location_text(location, hand))
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # names typed by officers: never markup
        self.text.setWordWrap(True)
        self.text.setAccessibleName(tr("Location for rounds"))
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.set_button = QPushButton(tr("Set point by hand…"))
        self.set_button.setToolTip(
            tr("Where the postcode file places this address badly: type its easting and northing in metres")
        )
        self.clear_button = QPushButton(tr("Clear"))
        self.clear_button.setToolTip(tr("Clear the point set by hand: the postcode file's is used again"))
        self.set_button.setVisible(may)
        self.clear_button.setVisible(may and hand is not None)
        self.set_button.clicked.connect(self.set_requested.emit)
        self.clear_button.clicked.connect(self.clear_requested.emit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        name = QLabel(tr("Location"))
        name.setStyleSheet(f"color: {colours().muted};")
        layout.addWidget(name)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.set_button)
        layout.addWidget(self.clear_button)


class HandPointDialog(QDialog):
    """Easting and northing typed in whole metres; each field says what is wrong with it."""

    def __init__(
        self, name: str, postcode: str, current: GridPoint | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Set point by hand: {0}").format(name))
        self.easting = QLineEdit(str(current.easting) if current else "")
        self.northing = QLineEdit(str(current.northing) if current else "")
        for field, label in ((self.easting, tr("Easting")), (self.northing, tr("Northing"))):
            field.setAccessibleName(label)
            field.setPlaceholderText(tr("metres, e.g. 401200"))
            field.setMaxLength(12)
        self.message = ErrorLabel()
        self.point: GridPoint | None = None
        form = QFormLayout()
        form.addRow(tr("Easting (m):"), self.easting)
        form.addRow(tr("Northing (m):"), self.northing)
        about = QLabel(
            tr(
                "British National Grid metres, as a map or Code-Point Open gives them. The point is kept "
                "for {0} and stops applying if the address's postcode changes."
            ).format(postcode or tr("an address without a postcode"))
        )
        about.setTextFormat(Qt.TextFormat.PlainText)
        about.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(dialog_buttons(self, self._accept))

    def _accept(self) -> None:
        point, problems = entered_point(self.easting.text(), self.northing.text())
        set_error(self.easting, problems.get("easting"))
        set_error(self.northing, problems.get("northing"))
        self.message.setText("\n".join(problems.values()))
        if point is not None:
            self.point = point
            self.accept()
