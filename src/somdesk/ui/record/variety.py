"""Unannounced and varied visits, shown before a visit is booked or recorded (the visit dialog, the
planner) and on the record's Visits tab: the person's and the officer's figures and any warning
(domain/visit_variety.py)."""

from __future__ import annotations

from collections.abc import Iterable

from somdesk.domain.model import Visit
from somdesk.domain.visit_variety import VarietyRules, by_officer, variety
from somdesk.ui.i18n import QT_TR_NOOP, tr
from somdesk.ui.palette import colours
from somdesk.ui.widgets import Label

__all__ = ["ALL_RECORDED", "LAST_12_MONTHS", "VarietyPanel", "variety_text"]


# The period the officer's figures read: the workspace's visit log (Session.workspace) holds the
# visits of the last 12 months.
LAST_12_MONTHS = QT_TR_NOOP("in the last 12 months")
ALL_RECORDED = QT_TR_NOOP("all recorded")


def variety_text(
    person: Iterable[Visit],
    officer: str,
    everyone: Iterable[Visit],
    rules: VarietyRules,
    person_period: str = LAST_12_MONTHS,
) -> tuple[str, bool]:
    """The person's figures, then the officer's (the visits they attended among `everyone`, the last
    12 months), and whether any warns; each says the period it reads (`person_period`: the person's
    visits given, the last 12 months unless all recorded are)."""
    mine = variety(person, rules)
    theirs = variety(by_officer(everyone, officer), rules) if officer else None
    parts = [tr("This person's visits {0} — {1}").format(tr(person_period), mine.text.replace("\n", " · "))]
    warnings = [tr("This person: {0}.").format(w) for w in mine.warnings]
    if theirs is not None:
        words = theirs.text.replace("\n", " · ")
        parts.append(tr("{0}'s visits {1} — {2}").format(officer, tr(LAST_12_MONTHS), words))
        warnings += [tr("{0}: {1}.").format(officer, w) for w in theirs.warnings]
    return "\n".join([*("⚠ " + w for w in warnings), *parts]), bool(warnings)


class VarietyPanel(Label):
    """The figures in a box; amber while a warning stands."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setAccessibleName(tr("Announced and varied visits"))
        self.warns = False

    def show_for(
        self,
        person: Iterable[Visit],
        officer: str,
        everyone: Iterable[Visit],
        rules: VarietyRules,
        person_period: str = LAST_12_MONTHS,
    ) -> None:
        text, self.warns = variety_text(person, officer, everyone, rules, person_period)
        colour = f"{colours().warn_fill}" if self.warns else f"{colours().neutral_fill}"
        self.setStyleSheet(f"background: {colour}; padding: 6px; border-radius: 4px;")
        self.setText(text)
