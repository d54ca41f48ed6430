"""Two officers at a home visit (DOMAIN.md §4): a lone visit is "contrary to authorised professional
practice" (it exposes the officer to grooming) unless it is an exception recorded with the visit, with
its reason and the supervisor who authorised it; the force policy says whether exceptions are allowed.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import date
from typing import NamedTuple

from somdesk.domain.dates import add_months
from somdesk.domain.model import Visit
from somdesk.domain.text import QT_TR_NOOP, tr

__all__ = [
    "LoneCounts",
    "attendance_problems",
    "is_authorised_exception",
    "is_lone",
    "lone_counts",
    "officer_name_problem",
    "officers_present",
    "same_person",
    "unrecorded_problems",
]

# The fields' labels, said through tr where a problem is made (a module constant is made once, in English).
_REASON, _BY = QT_TR_NOOP("Reason for a lone visit"), QT_TR_NOOP("Authorised by")


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def same_person(a: str, b: str) -> bool:
    """Two writings of one name (case and spaces aside)."""
    return _key(a) == _key(b)


def officer_name_problem(name: str) -> str | None:
    """Why `name` is not an officer's name (None when it is): a name has at least two letters, so
    "-", "?" or "12" cannot stand for the second officer at a home visit."""
    if sum(ch.isalpha() for ch in name) < 2:
        return tr("\u201c{0}\u201d is not a name: an officer's name has at least two letters").format(
            name.strip()
        )
    return None


def officers_present(visit: Visit) -> list[str]:
    """The officers named, each once (a name typed twice is one officer), in the order given."""
    seen: dict[str, str] = {}
    for name in visit.officers:
        if name.strip():
            seen.setdefault(_key(name), name.strip())
    return list(seen.values())


def is_lone(visit: Visit) -> bool:
    """Fewer than two officers attended (a visit whose attendance is not recorded is not one)."""
    return visit.attendance_recorded and len(officers_present(visit)) < 2


_NOT_RECORDED = QT_TR_NOOP(
    "attendance not recorded is only for a visit imported from a file that does not say who attended: "
    "name the officers who attended"
)


def unrecorded_problems(visit: Visit, imported: bool = False) -> list[tuple[str, str, str]]:
    """A visit whose attendance is not recorded: only the import makes one (`imported`), with no
    officer, no lone visit's reason and no authoriser (it is not an exception, authorised by no one)."""
    if visit.attendance_recorded:
        return []
    if not imported:
        return [("attendance_recorded", tr("Attendance"), tr(_NOT_RECORDED))]
    if visit.officers or visit.lone_reason.strip() or visit.lone_authorised_by.strip():
        return [
            (
                "attendance_recorded",
                tr("Attendance"),
                tr("attendance not recorded names no officer and no exception"),
            )
        ]
    return []


def is_authorised_exception(visit: Visit) -> bool:
    """A lone visit recorded with the supervisor who authorised it (one recorded before the rule, or
    in legacy data, has none: a lone visit without authorisation)."""
    return is_lone(visit) and bool(visit.lone_authorised_by.strip())


def attendance_problems(
    visit: Visit, exceptions_allowed: bool = True, supervisors: Collection[str] | None = None
) -> list[tuple[str, str, str]]:
    """What is wrong with who attended, as (field, label, message): each officer named by a name
    (`officer_name_problem`), two officers, or (where the force allows it) one with the exception's
    reason and the supervisor who authorised it: one of the force's `supervisors` (the officers list's
    supervisors, where it is known; None: not known here) and not the officer who went alone. An
    exception is only for a lone visit. (No officer at all is invariants.visit_problems' own problem.)"""
    for name in visit.officers:
        if problem := officer_name_problem(name):
            return [("officers", tr("Officers"), problem)]
    present = officers_present(visit)
    reason, by = visit.lone_reason.strip(), visit.lone_authorised_by.strip()
    if len(present) >= 2:
        out = []
        if reason:
            why = tr("two officers attended: a lone visit's reason is not needed")
            out.append(("lone_reason", tr(_REASON), why))
        if by:
            out.append(
                ("lone_authorised_by", tr(_BY), tr("two officers attended: no exception to authorise"))
            )
        return out
    if not present:
        return []
    if not exceptions_allowed:
        return [
            (
                "officers",
                tr("Officers"),
                tr(
                    "two officers attend a home visit (force policy allows no exception): "
                    "name the second officer"
                ),
            )
        ]
    out = []
    if not reason:
        out.append(
            (
                "lone_reason",
                tr(_REASON),
                tr(
                    "two officers attend a home visit: name the second officer, or give "
                    "the reason for the exception"
                ),
            )
        )
    if not by:
        out.append(("lone_authorised_by", tr(_BY), tr("name the supervisor who authorised the lone visit")))
    elif same_person(by, present[0]):
        why = tr("the officer who went alone cannot authorise their own visit")
        out.append(("lone_authorised_by", tr(_BY), why))
    elif supervisors is not None and not any(same_person(by, s) for s in supervisors):
        out.append(("lone_authorised_by", tr(_BY), tr("not a supervisor of this force: {0}").format(by)))
    return out


class LoneCounts(NamedTuple):
    """Visits attended by fewer than two officers: this calendar year and the last 12 months, and of
    those the ones recorded as an authorised exception (the rest: without authorisation)."""

    this_year: int
    last_12_months: int
    visits_12_months: int  # every visit in the last 12 months, to read the count against
    authorised_this_year: int = 0
    authorised_12_months: int = 0

    @property
    def unauthorised_12_months(self) -> int:
        return self.last_12_months - self.authorised_12_months

    @property
    def unauthorised_this_year(self) -> int:
        return self.this_year - self.authorised_this_year


def lone_counts(visits: Iterable[Visit], today: date) -> LoneCounts:
    """Lone visits made this year (from 1 January) and in the 12 months up to today."""
    year_start, since = date(today.year, 1, 1), add_months(today, -12)
    this_year = last = total = signed_year = signed_last = 0
    for v in visits:
        day = v.at.date()
        if day > today:
            continue
        lone, signed = is_lone(v), is_authorised_exception(v)
        if day >= year_start:
            this_year += lone
            signed_year += signed
        if day > since:
            total += 1
            last += lone
            signed_last += signed
    return LoneCounts(this_year, last, total, signed_year, signed_last)
