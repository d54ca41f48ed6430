"""The frame every somdesk document shares: protective marking at the top and bottom of every page,
"printed by … at …" and "Page x of y" in the footer, an optional watermark with the user's name,
an optional password (AES-256), and DejaVu Sans embedded so every name prints.
"""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence, Set
from dataclasses import dataclass, field
from datetime import datetime
from html import escape
from importlib.resources import files
from io import BytesIO
from pathlib import Path
from typing import Any

import pikepdf
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    FrameBreak,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from somdesk.domain.display import neutralised
from somdesk.domain.language import DEFAULT, language
from somdesk.reports.language import document_language, short_date, short_date_time, tr
from somdesk.store.keys import fsync_dir

__all__ = [
    "FONT",
    "FONT_BOLD",
    "INCLUSIONS",
    "LEFT_OUT",
    "REDACTIONS",
    "STYLES",
    "WITHHELD",
    "Options",
    "PageMark",
    "facts",
    "keep_headings",
    "left_out",
    "redactions_listed",
    "render",
    "render_paged",
    "table",
    "withheld",
    "withheld_by",
]

FONT, FONT_BOLD = "DejaVuSans", "DejaVuSans-Bold"
# What can be left out of a document; left-out content is never written to the file.
REDACTIONS = {
    "addresses": "addresses",
    "victims": "victim details",
    "free-text": "free text",
    "numbers": "bank and document numbers",
    "photographs": "photographs",
}
# Where a field a redaction leaves out stood.
WITHHELD = "[withheld]"
# The risk management plan's fields (a case's plan, a panel decision's plan changes) each redaction
# withholds wherever a document prints them: the one list the summary, pack and minutes read.
PLAN_REDACTIONS = {"victim_safety": "victims"}
# What a document prints only when asked (the opposite of a redaction): the printed oversight board is
# figures only unless its case lists are included.
INCLUSIONS = {"case-lists": "the case lists (each case by ViSOR reference)"}
# Where a free text the user left out of this copy stood.
LEFT_OUT = "[left out of this copy]"


def redactions_listed(redact: Collection[str]) -> str:
    """What this copy leaves out, in words, in the document's language."""
    names = {
        "addresses": tr("addresses"),
        "victims": tr("victim details"),
        "free-text": tr("free text"),
        "numbers": tr("bank and document numbers"),
        "photographs": tr("photographs"),
    }
    words = [names.get(k, REDACTIONS[k]) for k in sorted(redact)]
    if not words:
        return ""
    return words[0] if len(words) == 1 else tr("{0} and {1}").format(", ".join(words[:-1]), words[-1])


def withheld() -> str:
    """WITHHELD in the document's language."""
    return tr("[withheld]")


def left_out() -> str:
    """LEFT_OUT in the document's language."""
    return tr("[left out of this copy]")


NAVY = colors.HexColor("#1d4f91")
GREY = colors.HexColor("#4a4f55")
MARK = colors.HexColor("#a50e0e")


def _register_fonts() -> None:
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    folder = files("somdesk.resources") / "fonts"
    pdfmetrics.registerFont(TTFont(FONT, str(folder / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(folder / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)
    # Charts start from this font: left as Helvetica it is referenced but never embedded.
    rl_config.defaultGraphicsFontName = FONT


_register_fonts()


def _style(name: str, **kw: Any) -> ParagraphStyle:
    base = {"fontName": FONT, "fontSize": 9.5, "leading": 12.5, "textColor": colors.black}
    return ParagraphStyle(name, **{**base, **kw})


STYLES = {
    "title": _style("title", fontName=FONT_BOLD, fontSize=18, leading=22, textColor=NAVY, spaceAfter=2 * mm),
    "subtitle": _style("subtitle", textColor=GREY, spaceAfter=4 * mm),
    "h2": _style(
        "h2",
        fontName=FONT_BOLD,
        fontSize=12,
        leading=15,
        textColor=NAVY,
        spaceBefore=4 * mm,
        spaceAfter=1.5 * mm,
        keepWithNext=1,  # a heading never ends a page without its section
    ),
    "h3": _style(
        "h3",
        fontName=FONT_BOLD,
        fontSize=10,
        leading=13,
        spaceBefore=2 * mm,
        spaceAfter=1 * mm,
        keepWithNext=1,
    ),
    "body": _style("body"),
    "small": _style("small", fontSize=8, leading=10, textColor=GREY),
    "cell": _style("cell", fontSize=8.5, leading=10.5),
    "cell_alert": _style("cell_alert", fontName=FONT_BOLD, fontSize=8.5, leading=10.5, textColor=MARK),
    "cell_bold": _style("cell_bold", fontName=FONT_BOLD, fontSize=8, leading=10),
    "cover": _style(
        "cover", fontName=FONT_BOLD, fontSize=26, leading=32, textColor=NAVY, alignment=TA_CENTER
    ),
    "cover_sub": _style("cover_sub", fontSize=12, leading=16, alignment=TA_CENTER, textColor=GREY),
}


def para(text: str, style: str = "cell") -> Paragraph:
    """Plain text (escaped, line breaks kept) in one of STYLES; no character in it can reorder or hide
    what prints (domain/display.py)."""
    return Paragraph(escape(neutralised(text)).replace("\n", "<br/>"), STYLES[style])


WIDOW_ROWS = 4  # at least this many of a table's rows go on to the next page, when it breaks


class _Grid(Table):  # type: ignore[misc]
    """A grid table that, breaking across pages, never leaves only a row or two on the next page
    alone (a near-empty overflow page at the end of a case): it takes rows back to this page's end
    until WIDOW_ROWS go over, when this page keeps at least two of its own."""

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        parts = list(super().split(available_width, available_height))
        if len(parts) != 2:
            return parts
        kept, rest = parts[0]._cellvalues, parts[1]._cellvalues
        over = len(rest) - self.repeatRows
        if not 0 < over < WIDOW_ROWS or len(self._cellvalues) - self.repeatRows <= WIDOW_ROWS:
            return parts
        take = WIDOW_ROWS - over
        small = len(self._cellvalues) - self.repeatRows <= 2 * WIDOW_ROWS
        again: list[Flowable] = []
        if len(kept) - take >= self.repeatRows + 2:
            heights = self._rowHeights[len(kept) - take : len(kept)]
            again = list(super().split(available_width, available_height - sum(heights)))
        if len(again) == 2 and len(again[1]._cellvalues) - self.repeatRows >= WIDOW_ROWS:
            # The rest starts the next page: left here, the frame would fill the room the rows left.
            return [again[0], FrameBreak(), again[1]]
        return [] if small else parts  # a small table goes on whole (with its heading) to the next page


def grid(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths_mm: Sequence[float],
    alerts: Set[int] = frozenset(),
) -> Table:
    """A table with a shaded header repeated on each page; rows in `alerts` in bold red. A heading wraps
    between words only (`heading_cell`)."""
    data = [[heading_cell(h, w * mm) for h, w in zip(header, widths_mm, strict=True)]] + [
        [para(str(c), "cell_alert" if i in alerts else "cell") for c in r] for i, r in enumerate(rows)
    ]
    # A row taller than the room left splits across pages, as `table`'s do.
    out = _Grid(data, colWidths=[w * mm for w in widths_mm], repeatRows=1, splitInRow=1)
    out.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef7")),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, NAVY),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#d0d4d9")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), FONT),  # else Helvetica is referenced, not embedded
            ]
        )
    )
    return out


def table(data: Sequence[Sequence[Any]], col_widths: Sequence[float], **kw: Any) -> Table:
    """Every table a document prints (widths in points): a row taller than the room left on a page
    splits across pages, a cell's text carrying on in the same column, so free text of any length
    prints (a visit concern of a few thousand characters was one cell taller than a page, and
    ReportLab's LayoutError stopped the whole document)."""
    return Table(data, colWidths=list(col_widths), splitInRow=1, **kw)


def facts(rows: Sequence[tuple[str, str]], widths_mm: Sequence[float], value_style: str = "cell") -> Table:
    """A two-column table of label and value (a record's facts), splitting across pages as `table`."""
    return table([[para(k, "cell_bold"), para(v, value_style)] for k, v in rows], [w * mm for w in widths_mm])


CELL_PADDING = 12  # points: a table cell's own padding, left and right together (ReportLab's 6 and 6)
SMALLEST_HEADING = 5.5  # points: a column heading is never shrunk below this


def heading_cell(text: str, width: float) -> Paragraph:
    """A column heading for a column `width` points wide: wrapped between words, never inside one (a
    narrow column's heading broke "whereabouts" or the Welsh "Ymweliadau" in two). Where its longest word
    is wider than the column, the heading is set smaller, so the word fits whole."""
    style = STYLES["cell_bold"]
    room = width - CELL_PADDING
    longest = max(
        (pdfmetrics.stringWidth(word, style.fontName, style.fontSize) for word in text.split()), default=0.0
    )
    size = style.fontSize
    if longest > room > 0:
        size = max(SMALLEST_HEADING, style.fontSize * room / longest * 0.98)
    fitted = ParagraphStyle(
        f"{style.name}_{size:.2f}",
        parent=style,
        fontSize=size,
        leading=style.leading * size / style.fontSize,
        splitLongWords=0,  # a word too long even so runs past the padding, whole, rather than split
    )
    return Paragraph(escape(neutralised(text)).replace("\n", "<br/>"), fitted)


def withheld_by(field: str, redact: Iterable[str]) -> bool:
    """Whether a plan field (PLAN_REDACTIONS) is withheld by these redactions: not printed, nor offered
    for checking as free text."""
    return PLAN_REDACTIONS.get(field) in set(redact)


@dataclass(frozen=True)
class Options:
    """How a document is produced: who prints it, the marking, and what protects or leaves out."""

    marking: str
    printed_by: str
    printed_at: datetime
    watermark: bool = False  # the printer's name across every page
    password: str | None = None  # AES-256; None leaves the file unencrypted
    redact: frozenset[str] = field(default_factory=frozenset)  # keys of REDACTIONS
    # Free texts changed for this copy only, by their key (case_summary.free_texts); None leaves one out.
    edits: Mapping[str, str | None] = field(default_factory=dict, hash=False)
    include: frozenset[str] = field(default_factory=frozenset)  # keys of INCLUSIONS
    language: str = DEFAULT  # the document's language ("en", "cy"), chosen when it is printed

    def __post_init__(self) -> None:
        unknown = set(self.redact) - set(REDACTIONS)
        if unknown:
            raise ValueError(f"unknown redaction: {', '.join(sorted(unknown))} (use {', '.join(REDACTIONS)})")
        if unknown := set(self.include) - set(INCLUSIONS):
            raise ValueError(f"unknown inclusion: {', '.join(sorted(unknown))} (use {', '.join(INCLUSIONS)})")
        language(self.language)
        if self.password is not None and len(self.password) < 8:
            raise ValueError("a document password needs at least 8 characters")

    def leaves_out(self, what: str) -> bool:
        return what in self.redact

    def withholds(self, field: str) -> bool:
        """Whether this copy withholds a plan field (PLAN_REDACTIONS) by one of its redactions."""
        return withheld_by(field, self.redact)

    def plan_written(self, key: str, field: str, text: str) -> str:
        """A plan field's words as this copy prints them: WITHHELD when a redaction leaves the field
        out, else as `written` gives them."""
        return withheld() if self.withholds(field) else self.written(key, text)

    def includes(self, what: str) -> bool:
        return what in self.include

    def written(self, key: str, text: str) -> str:
        """A free text as this copy prints it: as recorded, as the user changed it, or marked left out."""
        if self.leaves_out("free-text"):
            return left_out() if text.strip() else text
        if key not in self.edits:
            return text
        edited = self.edits[key]
        return left_out() if edited is None else edited


def _numbered_canvas(options: Options, title: str) -> type[Canvas]:
    """A canvas that waits for the last page, so each footer can say "Page x of y"."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                _decorate(self, options, title, self._pageNumber, total)
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


def _decorate(c: Canvas, options: Options, title: str, page: int, total: int) -> None:
    width, height = A4
    c.saveState()
    if options.watermark:
        c.setFont(FONT_BOLD, 30)
        c.setFillColor(colors.Color(0.6, 0.6, 0.6, alpha=0.18))
        c.translate(width / 2, height / 2)
        c.rotate(45)
        c.drawCentredString(0, 0, neutralised(f"{options.printed_by} · {short_date(options.printed_at)}"))
        c.rotate(-45)
        c.translate(-width / 2, -height / 2)
    c.setFillColor(MARK)
    c.setFont(FONT_BOLD, 10)
    c.drawCentredString(width / 2, height - 10 * mm, options.marking)
    c.drawCentredString(width / 2, 8 * mm, options.marking)
    c.setFillColor(GREY)
    c.setFont(FONT, 7.5)
    footer = tr("{title} · printed by {who} at {when}").format(
        title=title, who=options.printed_by, when=short_date_time(options.printed_at)
    )
    c.drawString(15 * mm, 14 * mm, neutralised(footer))
    c.drawRightString(width - 15 * mm, 14 * mm, tr("Page {page} of {total}").format(page=page, total=total))
    c.setStrokeColor(colors.HexColor("#d0d4d9"))
    c.line(15 * mm, 17 * mm, width - 15 * mm, 17 * mm)
    c.line(15 * mm, height - 13 * mm, width - 15 * mm, height - 13 * mm)
    c.restoreState()


class PageMark(Flowable):  # type: ignore[misc]
    """Takes no room: notes the page it lands on under `key` (render_paged's contents read them)."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key
        self.width = self.height = 0
        self.pages: dict[str, int] | None = None

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        if self.pages is not None:
            self.pages[self.key] = self.canv.getPageNumber()


def render_paged(
    make_story: Callable[[Mapping[str, int]], Sequence[Flowable]],
    title: str,
    options: Options,
    target: Path | BytesIO | None = None,
) -> bytes:
    """A story that prints the pages its own parts start on (a contents page): laid out, then laid out
    again with the pages the PageMarks found, until they settle (two passes when the contents keep
    their size, which they do: a page number prints as wide on the first pass as on the last)."""
    with document_language(options.language):
        return _render_paged(make_story, title, options, target)


def _render_paged(
    make_story: Callable[[Mapping[str, int]], Sequence[Flowable]],
    title: str,
    options: Options,
    target: Path | BytesIO | None = None,
) -> bytes:
    pages: dict[str, int] = {}
    for _ in range(4):
        story = list(make_story(dict(pages)))
        found: dict[str, int] = {}
        for flowable in story:
            if isinstance(flowable, PageMark):
                flowable.pages = found
        data = _build(story, title, options)
        if found == pages:
            break
        pages = found
    else:
        raise RuntimeError(f"{title}: the page numbers did not settle")
    return _finish(data, options, target)


def render(
    story: Sequence[Flowable], title: str, options: Options, target: Path | BytesIO | None = None
) -> bytes:
    """Lay out `story` in the shared frame; write it to `target` (if given) and return the bytes."""
    with document_language(options.language):
        return _finish(_build(story, title, options), options, target)


def _finish(data: bytes, options: Options, target: Path | BytesIO | None) -> bytes:
    if options.password:
        data = _encrypt(data, options.password)
    if isinstance(target, BytesIO):
        target.write(data)
    elif target is not None:
        write_whole(target, data)
    return data


class KeepWithStart(KeepTogether):  # type: ignore[misc]
    """Headings kept with the start of what follows them (a table's first rows, a paragraph's first
    lines) rather than all of it: ReportLab's KeepTogether moves a heading and a long table whole to the
    next page, leaving most of this one empty. When the whole does not fit here, the headings and as
    much of the last part as fits (its own rules: a table's NOSPLIT rows, a paragraph's orphans) stay."""

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        *heads, last = self._content
        if heads and not isinstance(last, KeepTogether):
            used = 0.0
            for f in heads:
                used += f.wrapOn(self.canv, available_width, available_height)[1]
                used += f.getSpaceBefore() + f.getSpaceAfter()
            if used < available_height:
                parts = last.splitOn(
                    self.canv, available_width, available_height - used - last.getSpaceBefore()
                )
                if len(parts) > 1:
                    return [*heads, *parts]
        return list(super().split(available_width, available_height))


def keep_headings(story: Sequence[Flowable]) -> list[Flowable]:
    """The story with each heading (a style with keepWithNext) that stands before a KeepTogether moved
    into it: ReportLab keeps a heading with what follows only when that is not itself a KeepTogether,
    so "Risk management plan" could end a page with its first part on the next."""
    out: list[Flowable] = []
    for flowable in reversed(story):
        following = out[-1] if out else None
        if isinstance(following, KeepTogether) and flowable.getKeepWithNext():
            out[-1] = KeepTogether([flowable, *following._content], following._maxHeight)
        else:
            out.append(flowable)
    return out[::-1]


def _build(story: Sequence[Flowable], title: str, options: Options) -> bytes:
    buffer = BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=18 * mm,
        bottomMargin=22 * mm,
        title=title,
        author=options.printed_by,
        subject=options.marking,
        creator="somdesk",
        # DejaVu from the first byte: the default Helvetica would be referenced but not embedded.
        initialFontName=FONT,
        initialFontSize=9.5,
        keepTogetherClass=KeepWithStart,  # a heading with its section's start (keepWithNext)
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(keep_headings(story), canvasmaker=_numbered_canvas(options, title))
    return buffer.getvalue()


def _encrypt(data: bytes, password: str) -> bytes:
    """AES-256 (PDF 2.0, R6) with a random owner password: the reader needs `password` to open it,
    and may print but not copy or change it. (ReportLab's own AES-256 writes R5, which poppler and
    current readers refuse.)"""
    out = BytesIO()
    with pikepdf.open(BytesIO(data)) as pdf:
        pdf.save(
            out,
            encryption=pikepdf.Encryption(
                user=password,
                owner=secrets.token_urlsafe(24),
                R=6,
                allow=pikepdf.Permissions(
                    extract=False,
                    modify_annotation=False,
                    modify_assembly=False,
                    modify_form=False,
                    modify_other=False,
                ),
            ),
        )
    return out.getvalue()


def write_whole(path: Path, data: bytes) -> None:
    """Write beside the target then rename: a full disk or a crash never leaves half a document. Only a
    regular file is ever replaced (never a device such as /dev/null, a link or a folder), and what is
    written is readable by its owner alone."""
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        pass
    else:
        if not stat.S_ISREG(found.st_mode):
            raise ValueError(
                f"{path} is not a regular file (a device, link or folder): choose another name; "
                "nothing was written"
            )
    if not path.parent.is_dir():  # say so, rather than name the partial file beside it
        raise ValueError(f"{path.parent}: no such folder; choose a folder that exists; nothing was written")
    if not os.access(path.parent, os.W_OK):
        raise ValueError(
            f"{path.parent}: this folder cannot be written to; choose another; nothing was written"
        )
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)  # left by a crash (a link planted there goes, not what it points at)
    try:
        with os.fdopen(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        partial.replace(path)
        fsync_dir(path.parent)  # the rename itself survives a power cut
    finally:
        partial.unlink(missing_ok=True)
