"""Every colour the window uses, in one place, in two palettes: the standard light one and a high-contrast
one chosen when the system asks for more contrast (or the user does: `SOMDESK_CONTRAST=high`).

Colours are named by what they do (alert text, the tint behind an alert, a risk level's tint), never by
their hue, and each pairing the window shows (text on its background, a border on the window) is held to
WCAG 2.2 AA by `tests/ui/test_palette.py`: 4.5:1 for text, 3:1 for graphics a user needs to see (input
borders, badge borders, chart bars). Decorative card borders are exempt: a card is also set apart by its
content. Colour is never the only cue: every tint comes with words.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import (
    QAccessibilityHints,
    QColor,
    QFont,
    QGuiApplication,
    QPalette,
    QStyleHints,
    QTextCharFormat,
)
from PySide6.QtWidgets import QCalendarWidget

from somdesk.domain.model import RiskLevel

__all__ = ["HIGH_CONTRAST", "LIGHT", "Palette", "apply", "calendar_colours", "colours", "contrast", "wanted"]


@dataclass(frozen=True)
class Palette:
    name: str
    # Qt's own roles (every standard widget draws with these)
    window: str
    base: str  # text fields, tables, lists
    alternate_base: str
    text: str
    button: str
    highlight: str  # a selected row or item
    highlighted_text: str
    placeholder: str
    disabled_text: str
    link: str
    mid: str  # frames and dividers Qt draws
    # somdesk's own
    muted: str  # secondary text: a tile's label, a caption
    accent: str  # headings in the accent colour, the selected navigation item
    on_accent: str  # text on the accent colour
    alert: str  # text that warns (overdue, failed, a refusal); also an input's error border
    alert_fill: str  # the tint behind a block of alert text
    error_fill: str  # the tint inside an input with an error
    info_fill: str  # the tint behind a worked-out value (next due date, the registration's dates)
    warn_fill: str  # the tint behind a warning that is not an alert (visit variety)
    neutral_fill: str  # the tint behind a quiet note; a badge of no assessed risk
    card: str  # the start screen's card and the dashboard's tiles
    page: str  # the start screen's background
    border: str  # a card's outline (decorative)
    strong_border: str  # a badge's outline
    risk: Mapping[RiskLevel, str]  # a risk level's tint behind its name
    chart_bar: str
    chart_alert: str
    chart_grid: str
    map_paper: str  # the rounds map's ground
    map_fixed: str  # a planned or pinned stop's marker (a diamond as well: never colour alone)
    map_area: str  # an area boundary's line

    def color(self, name: str) -> QColor:
        return QColor(getattr(self, name))

    def qpalette(self) -> QPalette:
        p = QPalette()
        roles = {
            QPalette.ColorRole.Window: self.window,
            QPalette.ColorRole.WindowText: self.text,
            QPalette.ColorRole.Base: self.base,
            QPalette.ColorRole.AlternateBase: self.alternate_base,
            QPalette.ColorRole.Text: self.text,
            QPalette.ColorRole.Button: self.button,
            QPalette.ColorRole.ButtonText: self.text,
            QPalette.ColorRole.ToolTipBase: self.base,
            QPalette.ColorRole.ToolTipText: self.text,
            QPalette.ColorRole.Highlight: self.highlight,
            QPalette.ColorRole.HighlightedText: self.highlighted_text,
            QPalette.ColorRole.PlaceholderText: self.placeholder,
            QPalette.ColorRole.Link: self.link,
            QPalette.ColorRole.LinkVisited: self.link,
            QPalette.ColorRole.Mid: self.mid,
            QPalette.ColorRole.Dark: self.mid,
            QPalette.ColorRole.Shadow: self.mid,
            QPalette.ColorRole.BrightText: self.on_accent,
        }
        for role, colour in roles.items():
            p.setColor(role, QColor(colour))
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
            p.setColor(QPalette.ColorGroup.Disabled, role, QColor(self.disabled_text))
        # A selection keeps its contrast when the window is not active.
        p.setColor(QPalette.ColorGroup.Inactive, QPalette.ColorRole.Highlight, QColor(self.highlight))
        p.setColor(
            QPalette.ColorGroup.Inactive, QPalette.ColorRole.HighlightedText, QColor(self.highlighted_text)
        )
        return p


LIGHT = Palette(
    name="light",
    window="#efefef",
    base="#ffffff",
    alternate_base="#f5f6f7",
    text="#1b1f24",
    button="#f3f3f3",
    highlight="#1d4f91",  # Qt's default blue (#308cc6) gives white text only 3.4:1
    highlighted_text="#ffffff",
    placeholder="#5f6368",
    disabled_text="#5f6368",
    link="#1d4f91",
    mid="#74787d",
    muted="#4a4f55",
    accent="#1d4f91",
    on_accent="#ffffff",
    alert="#a50e0e",
    alert_fill="#fbe9e7",
    error_fill="#fdecea",
    info_fill="#eef3fa",
    warn_fill="#fff4d6",
    neutral_fill="#e8eaed",
    card="#ffffff",
    page="#eef1f5",
    border="#d0d4d9",
    strong_border="#80868b",
    risk={
        RiskLevel.VERY_HIGH: "#f4c7c3",
        RiskLevel.HIGH: "#fce1c4",
        RiskLevel.MEDIUM: "#fdf3c4",
        RiskLevel.LOW: "#d9ead3",
    },
    chart_bar="#1d4f91",
    chart_alert="#b3261e",
    chart_grid="#d0d4d9",
    map_paper="#fbfbf8",
    map_fixed="#8a4b00",
    map_area="#9aa3ad",
)

# Black on white, with the tints kept only as faint hints and every outline black: what a user who has
# asked the system for more contrast reads best, whatever the hue.
HIGH_CONTRAST = Palette(
    name="high contrast",
    window="#ffffff",
    base="#ffffff",
    alternate_base="#f0f0f0",
    text="#000000",
    button="#ffffff",
    highlight="#00205b",
    highlighted_text="#ffffff",
    placeholder="#333333",
    disabled_text="#4d4d4d",
    link="#00205b",
    mid="#000000",
    muted="#1a1a1a",
    accent="#00205b",
    on_accent="#ffffff",
    alert="#8b0000",
    alert_fill="#ffffff",
    error_fill="#ffffff",
    info_fill="#ffffff",
    warn_fill="#ffffff",
    neutral_fill="#ffffff",
    card="#ffffff",
    page="#ffffff",
    border="#000000",
    strong_border="#000000",
    risk={level: "#ffffff" for level in RiskLevel},  # the level's name says it; no tint to read through
    chart_bar="#00205b",
    chart_alert="#8b0000",
    chart_grid="#000000",
    map_paper="#ffffff",
    map_fixed="#5c2e00",
    map_area="#000000",
)

_current = LIGHT
_hints: tuple[QStyleHints, QAccessibilityHints] | None = None


def colours() -> Palette:
    """The palette in use (LIGHT until `apply` chooses)."""
    return _current


def wanted(system_high_contrast: bool, setting: str | None) -> Palette:
    """The user's setting ("high" or "standard", from SOMDESK_CONTRAST) wins; otherwise the system's."""
    choice = (setting or "").strip().lower()
    if choice == "high":
        return HIGH_CONTRAST
    if choice == "standard":
        return LIGHT
    return HIGH_CONTRAST if system_high_contrast else LIGHT


def apply(app: QGuiApplication) -> Palette:
    """Choose the palette for this start and give Qt its roles. Widgets with tints read `colours()` when
    they are made, so a change of the system's preference applies to the standard widgets at once and to
    the rest as they are shown again."""
    global _hints
    first = _hints is None
    if _hints is None:
        # Both held for the life of the process: with PySide6 6.11, once a temporary wrapper of the
        # style hints is collected, their accessibility hints are gone and every later call fails.
        style_hints = app.styleHints()
        _hints = (style_hints, style_hints.accessibility())
    hints = _hints[1]

    def choose() -> None:
        global _current
        system = hints.contrastPreference() == Qt.ContrastPreference.HighContrast
        _current = wanted(system, os.environ.get("SOMDESK_CONTRAST"))
        app.setPalette(_current.qpalette())

    choose()
    if first:  # followed once per process, however often the window starts
        hints.contrastPreferenceChanged.connect(lambda _preference: choose())
    return _current


def _luminance(colour: str) -> float:
    c = QColor(colour)

    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast(foreground: str, background: str) -> float:
    """WCAG 2.2's contrast ratio of two colours, 1 to 21."""
    a, b = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def calendar_colours(calendar: QCalendarWidget, palette: Palette | None = None) -> QCalendarWidget:
    """A calendar (a date field's popup) in the palette's colours: Qt draws Saturday, Sunday and their
    names in pure red (#FF0000, 4.0:1 on white, below AA and the high-contrast 7:1), so weekends take the
    palette's alert text and the day names its text on the alternate base. Every calendar the window
    shows is passed through here when it is made (tests/ui/test_palette.py checks the formats)."""
    p = palette or colours()
    calendar.setLocale(QLocale())  # the window's language's day and month names (ui/language.py sets it)
    weekend = QTextCharFormat()
    weekend.setForeground(p.color("alert"))
    weekend.setBackground(p.color("base"))
    for day in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
        calendar.setWeekdayTextFormat(day, weekend)
    header = QTextCharFormat()
    header.setForeground(p.color("text"))
    header.setBackground(p.color("alternate_base"))
    header.setFontWeight(QFont.Weight.Bold)
    calendar.setHeaderTextFormat(header)
    return calendar
