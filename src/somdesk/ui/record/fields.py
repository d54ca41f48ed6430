"""Form fields that say what is wrong: an optional date typed as 23/11/2026 or 2026-11-23."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLineEdit

from somdesk.domain.dates import NotARealDate, read_date
from somdesk.ui.widgets import set_error

__all__ = ["DateField", "parse_date"]


def tr(text: str) -> str:
    return QCoreApplication.translate("fields", text)


def parse_date(text: str) -> date | None:
    """'' is no date; otherwise the same day-first formats an import accepts, or ValueError."""
    text = text.strip()
    if not text:
        return None
    try:
        return read_date(text, date.today())  # today only settles two-digit years
    except NotARealDate as e:  # the right shape, no such day: say which, not how to type a date
        raise ValueError(tr("'{0}' is {1}").format(text, str(e))) from None
    except ValueError:
        raise ValueError(
            tr("'{0}' is not a date: type it as day/month/year, e.g. 23/11/2026").format(text)
        ) from None


class DateField(QLineEdit):
    """An optional date. `value()` raises ValueError naming the field when the text is not a date."""

    edited = Signal()

    def __init__(self, label: str, value: date | None = None, required: bool = False) -> None:
        super().__init__()
        self.label = label
        self.required = required
        self.setPlaceholderText(tr("dd/mm/yyyy") + ("" if required else tr(" (blank if none)")))
        self.setAccessibleName(label)
        self.set_value(value)
        self.textChanged.connect(self._check)

    def set_value(self, value: date | None) -> None:
        self.setText(value.strftime("%d/%m/%Y") if value else "")

    def value(self) -> date | None:
        try:
            parsed = parse_date(self.text())
        except ValueError as e:
            raise ValueError(f"{self.label}: {e}") from None
        if parsed is None and self.required:
            raise ValueError(tr("{0}: a date is required").format(self.label))
        if parsed is not None and not date(1900, 1, 1) <= parsed <= date(2100, 12, 31):
            raise ValueError(tr("{0}: {1:%d/%m/%Y} is out of range").format(self.label, parsed))
        return parsed

    def problem(self) -> str | None:
        try:
            self.value()
        except ValueError as e:
            return str(e)
        return None

    def _check(self) -> None:
        set_error(self, self.problem())
        self.edited.emit()
