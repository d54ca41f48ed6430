"""The window's colours: one owner (ui/palette.py), WCAG 2.2 AA contrast in the standard and the
high-contrast palettes for every pairing the window shows, and the high-contrast palette chosen when the
system or the user asks for it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QPalette

from somdesk.domain.model import RiskLevel
from somdesk.ui import palette
from somdesk.ui.palette import HIGH_CONTRAST, LIGHT, Palette, contrast

UI = Path(palette.__file__).parent

# Text and the backgrounds it is shown on, by palette attribute (WCAG 1.4.3: 4.5:1).
TEXT_ON = {
    "text": (
        "window",
        "base",
        "alternate_base",
        "button",
        "card",
        "page",
        "info_fill",
        "warn_fill",
        "neutral_fill",
    ),
    "muted": ("window", "base", "card"),
    "alert": ("window", "base", "card", "alert_fill", "error_fill"),
    "accent": ("card", "window", "base"),  # headings in the accent colour
    "on_accent": ("accent", "map_fixed", "chart_alert"),  # the selected view; numbers on map markers
    "highlighted_text": ("highlight",),  # a selected row
    "placeholder": ("base",),  # WCAG counts a placeholder as text
    "link": ("base", "window"),
    "disabled_text": ("window", "base"),
}
# Graphics a user needs to see, against what is around them (WCAG 1.4.11: 3:1).
GRAPHIC_ON = {
    "alert": ("base", "window"),  # an input's error border
    "strong_border": ("window", "card"),  # a badge's outline
    "chart_bar": ("card",),
    "chart_alert": ("card", "map_paper"),  # an alert bar; the chosen stop's ring on the rounds map
    "highlight": ("base",),  # a selected row against the rows
    "mid": ("window",),  # frames Qt draws
    "accent": ("map_paper",),  # a stop's marker and the route on the rounds map
    "map_fixed": ("map_paper",),
}
PALETTES = [pytest.param(LIGHT, id="standard"), pytest.param(HIGH_CONTRAST, id="high contrast")]


@pytest.mark.parametrize("colours", PALETTES)
def test_every_text_pairing_reaches_aa(colours: Palette) -> None:
    failures = [
        f"{fg} on {bg}: {contrast(getattr(colours, fg), getattr(colours, bg)):.2f}"
        for fg, backgrounds in TEXT_ON.items()
        for bg in backgrounds
        if contrast(getattr(colours, fg), getattr(colours, bg)) < 4.5
    ]
    failures += [
        f"text on the {level.name} tint: {contrast(colours.text, tint):.2f}"
        for level, tint in colours.risk.items()
        if contrast(colours.text, tint) < 4.5
    ]
    assert failures == []


@pytest.mark.parametrize("colours", PALETTES)
def test_every_graphic_a_user_needs_reaches_three_to_one(colours: Palette) -> None:
    failures = [
        f"{fg} on {bg}: {contrast(getattr(colours, fg), getattr(colours, bg)):.2f}"
        for fg, backgrounds in GRAPHIC_ON.items()
        for bg in backgrounds
        if contrast(getattr(colours, fg), getattr(colours, bg)) < 3.0
    ]
    assert failures == []


def test_the_high_contrast_palette_is_higher_wherever_it_matters() -> None:
    for fg, backgrounds in TEXT_ON.items():
        for bg in backgrounds:
            high = contrast(getattr(HIGH_CONTRAST, fg), getattr(HIGH_CONTRAST, bg))
            assert high >= 7.0, (fg, bg, high)  # AAA for text (1.4.6)
    assert all(tint == HIGH_CONTRAST.base for tint in HIGH_CONTRAST.risk.values())
    assert set(LIGHT.risk) == set(HIGH_CONTRAST.risk) == set(RiskLevel)


def test_contrast_is_wcags_ratio() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the known AA grey
    assert contrast("#308cc6", "#ffffff") < 4.5  # Qt's default selection blue: why somdesk sets its own


def test_no_colour_is_written_anywhere_else_in_the_window() -> None:
    """One owner: a hex colour or a named one in a style sheet outside palette.py would escape both
    the contrast checks and the high-contrast palette."""
    found = []
    for path in UI.rglob("*.py"):
        if path.name == "palette.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(
                r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b(?![\w-])|QColor\(\"[a-z]+\"\)|: ?(white|black|red);",
                line,
            ):
                found.append(f"{path.relative_to(UI)}:{number}: {line.strip()}")
    assert found == []


@pytest.mark.parametrize(
    ("system", "setting", "chosen"),
    [
        (False, None, LIGHT),
        (True, None, HIGH_CONTRAST),
        (False, "high", HIGH_CONTRAST),
        (True, "standard", LIGHT),
        (True, " HIGH ", HIGH_CONTRAST),
        (True, "nonsense", HIGH_CONTRAST),  # an unknown setting leaves the system's choice
    ],
)
def test_the_system_or_the_user_chooses(system: bool, setting: str | None, chosen: Palette) -> None:
    assert palette.wanted(system, setting) is chosen


def test_applying_gives_qt_the_roles(qapp, monkeypatch) -> None:
    monkeypatch.setenv("SOMDESK_CONTRAST", "high")
    try:
        assert palette.apply(qapp) is HIGH_CONTRAST
        assert palette.colours() is HIGH_CONTRAST
        roles = qapp.palette()
        assert roles.color(QPalette.ColorRole.Highlight).name() == HIGH_CONTRAST.highlight
        assert roles.color(QPalette.ColorRole.Window).name() == HIGH_CONTRAST.window
        assert (
            roles.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text).name()
            == HIGH_CONTRAST.disabled_text
        )
    finally:
        monkeypatch.setenv("SOMDESK_CONTRAST", "standard")
        palette.apply(qapp)
    assert palette.colours() is LIGHT


def test_every_control_of_every_view_is_at_least_24_pixels(supervisor, qtbot) -> None:
    """WCAG 2.5.8, in the window as a supervisor (who has the most views) sees it at 1280 x 800."""
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit

    from somdesk.ui.targets import MIN_TARGET

    w = supervisor.window
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    small, seen = [], 0
    for row in range(w.nav.count()):
        w.nav.setCurrentRow(row)
        qtbot.wait(50)
        for kind in (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox):
            for control in w.findChildren(kind):
                if not control.isVisible():
                    continue
                seen += 1
                if control.width() < MIN_TARGET or control.height() < MIN_TARGET:
                    small.append(
                        f"{w.nav.item(row).text()}: {type(control).__name__} "
                        f"'{control.accessibleName()}' {control.width()}x{control.height()}"
                    )
    assert seen > 40
    assert small == []


def _calendar_pairs(calendar, colours: Palette) -> dict[str, tuple[str, str]]:
    """What a calendar draws as text on what: each weekday's numbers and the day names (header)."""
    from PySide6.QtCore import Qt

    out = {}
    for day in Qt.DayOfWeek:
        fmt = calendar.weekdayTextFormat(day)
        fg = (
            fmt.foreground().color().name()
            if fmt.foreground().style() != Qt.BrushStyle.NoBrush
            else colours.text
        )
        bg = (
            fmt.background().color().name()
            if fmt.background().style() != Qt.BrushStyle.NoBrush
            else colours.base
        )
        out[day.name] = (fg, bg)
    header = calendar.headerTextFormat()
    out["day names"] = (
        header.foreground().color().name()
        if header.foreground().style() != Qt.BrushStyle.NoBrush
        else colours.text,
        header.background().color().name()
        if header.background().style() != Qt.BrushStyle.NoBrush
        else colours.button,
    )
    return out


@pytest.mark.parametrize("colours", PALETTES)
def test_a_calendar_s_weekends_and_day_names_reach_the_palette_s_contrast(qapp, colours: Palette) -> None:
    """Outside review: Qt draws Saturday, Sunday and "Sad/Sul" in pure red (#FF0000, 4.0:1 on white) in
    both palettes. A calendar made by the window reaches AA, and 7:1 in high contrast."""
    from PySide6.QtWidgets import QCalendarWidget

    wanted = 7.0 if colours is HIGH_CONTRAST else 4.5
    calendar = palette.calendar_colours(QCalendarWidget(), colours)
    low = {w: round(contrast(fg, bg), 2) for w, (fg, bg) in _calendar_pairs(calendar, colours).items()}
    assert {w: r for w, r in low.items() if r < wanted} == {}
    plain = _calendar_pairs(QCalendarWidget(), colours)  # Qt's own: the check finds its red
    assert plain["Saturday"][0] == "#ff0000" and contrast(*plain["Saturday"]) < 4.5


def test_every_calendar_the_window_shows_takes_the_palette(qtbot) -> None:
    """A date field's popup and the board's target date: each calendar the window makes is coloured by
    the palette (and no calendar is made elsewhere without it)."""
    from somdesk.ui.record.fields import DateField

    field = DateField("Due")
    qtbot.addWidget(field)
    field.show()
    field.pick()
    assert field.calendar is not None
    calendars = [field.calendar]
    made = [
        p for p in UI.rglob("*.py") if re.search(r"QCalendarWidget\(|setCalendarPopup\(True\)", p.read_text())
    ]
    for path in made:
        text = path.read_text()
        assert text.count("calendar_colours(") >= len(re.findall(r"QCalendarWidget\(", text)), path
    assert {p.name for p in made} >= {"fields.py", "board.py"}
    for calendar in calendars:
        pairs = _calendar_pairs(calendar, palette.colours())
        assert all(contrast(fg, bg) >= 4.5 for fg, bg in pairs.values()), pairs
    field.calendar.hide()
