"""The custodial term that counts for the s.82 notification period (DOMAIN.md §5).

- Consecutive terms are added together (s.82(3)-(4)(a)): 3 and 10 months consecutive count as 13.
- Partly concurrent terms X and Y overlapping for Z count as X + Y - Z (s.82(4)(b)): the length of
  the period from the start of the first term to the end of the last.
- A detention and training order counts as the period of detention the person is liable to serve,
  half the order (s.131(a)) [S; a lawyer to confirm: the force policy's `dto_counts_half`].

A record whose parts were never entered keeps the term as entered (its sum) as the counted term.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from somdesk.domain.dates import add_days, add_months
from somdesk.domain.model import Disposal, Registration, Term, TermPart
from somdesk.domain.text import QT_TR_NOOP, tr
from somdesk.domain.words import day

__all__ = [
    "TERMED",
    "TERM_UNITS",
    "CountedTerm",
    "aggregate_term",
    "counted_term",
    "half_term",
    "on_the_calendar",
    "parse_term_parts",
    "sentence_words",
    "sum_of_parts",
    "term_between",
    "term_end",
    "term_kept_with_parts",
    "term_parts_document",
    "term_parts_from_document",
    "term_parts_problem",
    "term_parts_text",
]

# The disposals whose notification period turns on a term.
TERMED = (Disposal.IMPRISONMENT, Disposal.DETENTION_TRAINING)
# Bounds on what a record may hold: more parts than any sentencing record has, 100 years.
MAX_PARTS = 20
MAX_MONTHS = 1200
MAX_DAYS = 36_600


@dataclass(frozen=True, slots=True)
class CountedTerm:
    term: Term
    reason: str  # which term was counted and why, as the record screen says it

    @property
    def text(self) -> str:
        return tr("Counted term: {0} ({1})").format(self.term, self.reason)


def term_end(start: date, term: Term) -> date:
    """The day after the last day of a term beginning with `start` (where a consecutive term begins)."""
    return add_days(add_months(start, term.months), term.days)


def term_between(start: date, end: date) -> Term:
    """The length from `start` up to (not including) `end`, in whole months and then days, so that
    `term_end(start, term_between(start, end)) == end`."""
    months = (end.year - start.year) * 12 + end.month - start.month
    while months > 0 and add_months(start, months) > end:
        months -= 1
    months = max(months, 0)
    return Term(months, (end - add_months(start, months)).days)


def sum_of_parts(parts: tuple[TermPart, ...]) -> Term:
    """The terms added together, months with months and days with days (s.82(4)(a))."""
    return Term(sum(p.term.months for p in parts), sum(p.term.days for p in parts))


def term_kept_with_parts(parts: tuple[TermPart, ...]) -> Term:
    """The single term a record keeps beside its parts: the aggregate that counts (s.82(3)-(4)), so a
    device that reads only the term works out the same period; the sum while the parts cannot count."""
    if term_parts_problem(parts):
        return sum_of_parts(parts)
    return aggregate_term(parts).term


def half_term(term: Term) -> Term:
    """Half a term. Orders are whole even months (4 to 24), so this is exact for any real order; an
    odd month halves to 15 days, the shorter reading."""
    months, odd = divmod(term.months, 2)
    return Term(months, term.days // 2 + 15 * odd)


def term_parts_problem(parts: tuple[TermPart, ...]) -> str:
    """What is wrong with the terms as entered ("" if nothing), worded for the field they came from."""
    if not parts:
        return ""
    dated = any(p.concurrent for p in parts)
    for n, part in enumerate(parts, 1):
        if part.term.months == part.term.days == 0:
            return tr("term {0} has no length").format(n)
        if n == 1 and part.concurrent:
            return tr("the first term has nothing before it to run concurrently with")
        if n > 1 and not part.concurrent and part.starts_on is not None:
            return tr(
                "term {0} is consecutive, so it begins when term {1} ends: leave its start empty"
            ).format(n, n - 1)
        if part.concurrent and part.starts_on is None:
            return tr("term {0} is concurrent: enter the day it began").format(n)
    first = parts[0].starts_on
    if not dated:
        return ""
    if first is None:
        return tr("term 1: enter the day it began (concurrent terms are measured from it)")
    end = previous_end = term_end(first, parts[0].term)
    for n, part in enumerate(parts[1:], 2):
        start = (part.starts_on if part.concurrent else None) or previous_end
        if start < first:
            return tr("term {0} begins before term 1: enter the earliest term first").format(n)
        if start > end:
            return tr(
                "term {0} begins after the terms before it end, so it is not concurrent with them: "
                "record it as consecutive, or as a separate sentence"
            ).format(n)
        previous_end = term_end(start, part.term)
        end = max(end, previous_end)
    return ""


def aggregate_term(parts: tuple[TermPart, ...]) -> CountedTerm:
    """The single term the parts count as (s.82(3)-(4)); the parts must have no `term_parts_problem`."""
    if len(parts) == 1:
        return CountedTerm(parts[0].term, tr("the term as entered"))
    total = sum_of_parts(parts)
    listed = _listed([str(p.term) for p in parts])
    first = parts[0].starts_on
    if not any(p.concurrent for p in parts) or first is None:
        return CountedTerm(total, tr("{0} consecutive, added together (s.82(4)(a))").format(listed))
    ends: list[date] = []
    for n, part in enumerate(parts):
        start = first if n == 0 else (part.starts_on if part.concurrent else None) or ends[-1]
        ends.append(term_end(start, part.term))
    last = max(ends)
    if last == ends[0]:  # every other term ran within the first: nothing is added (s.82(4) does not apply)
        return CountedTerm(
            parts[0].term, tr("{0}, the later wholly concurrent: the first counts").format(listed)
        )
    why = tr(
        "{0}, partly concurrent: the period from the start of the first ({1}) "
        "to the end of the last ({2}) (s.82(4)(b))"
    ).format(listed, day(first), day(add_days(last, -1)))
    # Calendar months do not add exactly; the period never counts for more than the terms added up.
    if last > term_end(first, total):
        return CountedTerm(total, tr("{0}, no more than the terms added together").format(why))
    return CountedTerm(term_between(first, last), why)


def counted_term(reg: Registration, dto_counts_half: bool) -> CountedTerm | None:
    """The term that decides the s.82 period, and why; None when no term applies or none is recorded."""
    if reg.disposal not in TERMED:
        return None
    if reg.term_parts and not term_parts_problem(reg.term_parts):
        counted = aggregate_term(reg.term_parts)
    elif reg.term is not None:
        counted = CountedTerm(reg.term, tr("the term as entered"))
    else:
        return None
    start = (reg.term_parts[0].starts_on if reg.term_parts else None) or reg.relevant_date
    if reg.disposal is not Disposal.DETENTION_TRAINING:
        return on_the_calendar(counted, start)
    order = counted.term
    if not dto_counts_half:
        return on_the_calendar(
            CountedTerm(
                order, tr("detention and training order of {0}: the whole order (force policy)").format(order)
            ),
            start,
        )
    half = half_term(order)
    return on_the_calendar(
        CountedTerm(
            half,
            tr("detention and training order of {0}: the detention half, {1}, counts (s.131(a))").format(
                order, half
            ),
        ),
        start,
    )


# Fewer days than the shortest month are less than a month whatever the start; from 28 days on, a
# term of months and days is only comparable with "6 months" or "30 months" on the calendar.
_SHORTEST_MONTH_DAYS = 28


def on_the_calendar(counted: CountedTerm, start: date) -> CountedTerm:
    """The counted term in whole months and then fewer days than a month, measured from `start`
    (the sentence's first day, else the relevant date), so that s.82's "6 months" and "30 months" compare
    rightly: 29 months and 40 days is more than 30 months, though 29 < 30."""
    term = counted.term
    if term.days < _SHORTEST_MONTH_DAYS:
        return counted
    measured = term_between(start, term_end(start, term))
    return CountedTerm(
        measured,
        tr("{0}; {1} from {2} is {3} on the calendar").format(counted.reason, term, day(start), measured),
    )


def sentence_words(reg: Registration) -> str:
    """The sentence as a record or summary prints it: "Imprisonment, 3 months; 10 months consecutive"."""
    if reg.term_parts:
        words = []
        for n, part in enumerate(reg.term_parts):
            how = tr(" concurrent") if part.concurrent else tr(" consecutive") if n else ""
            since = tr(" from {0}").format(day(part.starts_on)) if part.starts_on else ""
            words.append(f"{part.term}{how}{since}")
        return f"{tr(reg.disposal.label)}, {'; '.join(words)}"
    return tr(reg.disposal.label) + (f", {reg.term}" if reg.term else "")


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else tr("{0} and {1}").format(", ".join(items[:-1]), items[-1])


# The terms as one line of text (import column, command line, case summary):
#   "3m; 10m"                                   consecutive
#   "12m from 2024-01-10; 12m concurrent from 2024-04-10"   partly concurrent
# A term may be read in years (12 months each: "2y", "2 years") and weeks (7 days each: "18w"), as
# courts pass them; it is kept, and written back, in months and days.
_PART = re.compile(
    r"^(?:(?P<y>\d{1,3})\s*y(?:ears?|rs?)?)?\s*(?:(?P<m>\d{1,4})\s*m(?:onths?|ths?)?)?"
    r"\s*(?:(?P<w>\d{1,4})\s*w(?:eeks?|ks?)?)?\s*(?:(?P<d>\d{1,5})\s*d(?:ays?)?)?"
    r"\s*(?P<how>consecutive|concurrent)?\s*(?:from\s+(?P<on>\d{4}-\d{2}-\d{2}))?$",
    re.IGNORECASE,
)
# Every unit a term may be written in, for the message that refuses one.
TERM_UNITS = QT_TR_NOOP(
    "years (2y, 2 years), months (10m), weeks (18w) or days (14d), or these together (1y 6m)"
)


def parse_term_parts(text: str) -> tuple[TermPart, ...]:
    """Read terms written as `term_parts_text` writes them, or in years and weeks too; ValueError says
    which part is wrong."""
    parts: list[TermPart] = []
    for n, piece in enumerate((p.strip() for p in text.split(";")), 1):
        if not piece and not text.strip():
            return ()
        match = _PART.match(piece)
        if not piece or match is None or not (match["y"] or match["m"] or match["w"] or match["d"]):
            raise ValueError(
                tr(
                    'term {0} ("{1}") is not a length in {2}, optionally with "concurrent from 2024-04-10"'
                ).format(n, piece, tr(TERM_UNITS))
            )
        try:
            starts_on = date.fromisoformat(match["on"]) if match["on"] else None
        except ValueError:
            raise ValueError(tr("term {0}: {1} is not a real date").format(n, match["on"])) from None
        months = 12 * int(match["y"] or 0) + int(match["m"] or 0)
        term = Term(months, 7 * int(match["w"] or 0) + int(match["d"] or 0))
        if term.months > MAX_MONTHS or term.days > MAX_DAYS:
            raise ValueError(
                tr("term {0} is longer than {1} months or {2} days").format(n, MAX_MONTHS, MAX_DAYS)
            )
        parts.append(TermPart(term, (match["how"] or "").lower() == "concurrent", starts_on))
    if len(parts) > MAX_PARTS:
        raise ValueError(tr("more than {0} terms").format(MAX_PARTS))
    return tuple(parts)


def term_parts_text(parts: tuple[TermPart, ...]) -> str:
    """The terms as one line: "3m; 10m", "12m from 2024-01-10; 12m concurrent from 2024-04-10"."""
    out = []
    for part in parts:
        words = [f"{part.term.months}m" if part.term.months or not part.term.days else ""]
        if part.term.days:
            words.append(f"{part.term.days}d")
        if part.concurrent:
            words.append("concurrent")
        if part.starts_on is not None:
            words.append(f"from {part.starts_on.isoformat()}")
        out.append(" ".join(w for w in words if w))
    return "; ".join(out)


def term_parts_document(parts: tuple[TermPart, ...]) -> list[dict[str, Any]]:
    """The terms as the record holds them (a JSON list, field `term_parts`)."""
    return [
        {
            "months": p.term.months,
            "days": p.term.days,
            "concurrent": p.concurrent,
            "starts_on": p.starts_on.isoformat() if p.starts_on else None,
        }
        for p in parts
    ]


def term_parts_from_document(document: Any) -> tuple[TermPart, ...]:
    """Read `term_parts_document`'s form back, or raise ValueError: a record from another device or
    the central store is checked before anything uses it."""
    if not isinstance(document, list) or len(document) > MAX_PARTS:
        raise ValueError(f"a list of at most {MAX_PARTS} terms")
    parts = []
    for item in document:
        if not isinstance(item, dict) or set(item) != {"months", "days", "concurrent", "starts_on"}:
            raise ValueError("each term has months, days, concurrent and starts_on")
        months, days, concurrent, starts_on = (
            item["months"],
            item["days"],
            item["concurrent"],
            item["starts_on"],
        )
        for value, top in ((months, MAX_MONTHS), (days, MAX_DAYS)):
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= top:
                raise ValueError(f"months and days are whole numbers from 0 to {top}")
        if not isinstance(concurrent, bool):
            raise ValueError("concurrent is true or false")
        if starts_on is not None and (not isinstance(starts_on, str) or len(starts_on) != 10):
            raise ValueError("starts_on is a date (YYYY-MM-DD) or null")
        parts.append(
            TermPart(Term(months, days), concurrent, date.fromisoformat(starts_on) if starts_on else None)
        )
    return tuple(parts)
