"""Calendar arithmetic used by the rules: whole months and years, ages.

Adding months to the 29th-31st clamps to the end of a shorter month (31 January + 1 month is
28 or 29 February), and 29 February + 1 year is 28 February. For deadlines the earlier date is
the safe reading: nobody misses a due date because the calendar has no 29th.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta

from somdesk.domain.text import day_text, language, tr

__all__ = [
    "FAR_FROM_CLOCK_YEARS",
    "NotARealDate",
    "add_days",
    "add_months",
    "add_years",
    "age_on",
    "days_between",
    "last_day_of_period",
    "nth_birthday",
    "read_date",
    "why_not_a_day",
    "working_day_problem",
]


def add_months(start: date, months: int) -> date:
    """The same day `months` later (or earlier), clamped to the end of a shorter month."""
    year, month0 = divmod(start.year * 12 + start.month - 1 + months, 12)
    day = start.day
    if day > 28:  # only the 29th-31st can overflow a month; this is a hot path for 100,000 cases
        day = min(day, _month_length(year, month0 + 1))
    return date(year, month0 + 1, day)


_MONTH_LENGTHS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _month_length(year: int, month: int) -> int:
    if month == 2 and calendar.isleap(year):
        return 29
    return _MONTH_LENGTHS[month - 1]


def last_day_of_period(start: date, months: int) -> date:
    """The last day of a period of `months` *beginning with* `start`: the day before the anniversary.

    A period beginning with 10 March 2020 of 5 years ends on 9 March 2025 (the anniversary is the
    first day outside it). Where the month of the anniversary has no such day (31 August + 6 months,
    29 February + 1 year) the anniversary is the 1st of the next month, so the last day is the
    month's last day.
    """
    year, month0 = divmod(start.year * 12 + start.month - 1 + months, 12)
    if start.day > _month_length(year, month0 + 1):
        return date(year, month0 + 1, _month_length(year, month0 + 1))
    return date(year, month0 + 1, start.day) - timedelta(days=1)


def add_years(start: date, years: int) -> date:
    """The same day `years` later; 29 February becomes 28 February in a common year."""
    return add_months(start, 12 * years)


def add_days(start: date, days: int) -> date:
    return start + timedelta(days=days)


def days_between(earlier: date, later: date) -> int:
    """Whole days from `earlier` to `later` (negative when `later` comes first)."""
    return (later - earlier).days


def nth_birthday(date_of_birth: date, years: int) -> date:
    """The date someone born on `date_of_birth` turns `years`.

    A person born on 29 February reaches an age on 1 March in a common year (the legal
    convention in England and Wales), so this is the day after 28 February there.
    """
    target_year = date_of_birth.year + years
    if date_of_birth.month == 2 and date_of_birth.day == 29 and not calendar.isleap(target_year):
        return date(target_year, 3, 1)
    return date(target_year, date_of_birth.month, date_of_birth.day)


def age_on(date_of_birth: date, on: date) -> int:
    """Age in whole years on a given date (0 before the first birthday)."""
    # Comparing (month, day) also gives the 1 March rule: (2, 28) < (2, 29) means not yet.
    return on.year - date_of_birth.year - ((on.month, on.day) < (date_of_birth.month, date_of_birth.day))


_DATE_FORMATS = (
    "%d/%m/%Y",
    "%d-%m-%Y",
    "%d.%m.%Y",
    "%Y-%m-%d",
    "%d %b %Y",
    "%d %B %Y",
    "%d-%b-%Y",
    "%Y/%m/%d",
)
_SHORT_YEAR = ("%d/%m/%y", "%d-%m-%y", "%d.%m.%y")


def read_date(text: str, today: date) -> date:
    """UK day-first dates as forces export them; two-digit years count back from today."""
    value = text.strip()
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            pass
    for fmt in _SHORT_YEAR:
        try:
            parsed = datetime.strptime(value, fmt).date()
        except ValueError:
            continue
        return parsed if parsed <= today else parsed.replace(year=parsed.year - 100)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ][\d:.]+", value):  # a timestamp: keep the day
        return date.fromisoformat(value[:10])
    if impossible := why_not_a_day(value):
        raise NotARealDate(tr("not a real date ({0})").format(impossible))
    raise ValueError("not a date (use day/month/year, e.g. 23/11/2026)")


class NotARealDate(ValueError):
    """Written the right way, but no such day: the format advice would be wrong."""


_DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})")
_YEAR_FIRST = re.compile(r"(\d{4})[/-](\d{1,2})[/-](\d{1,2})")


def why_not_a_day(value: str) -> str | None:
    """Why a date in a known shape is no real day ("February has no 31st"), or None if not that shape."""
    if found := _DAY_FIRST.fullmatch(value):
        day, month, year = (int(g) for g in found.groups())
    elif found := _YEAR_FIRST.fullmatch(value):
        year, month, day = (int(g) for g in found.groups())
    else:
        return None
    if not 1 <= month <= 12:
        return tr("there is no month {0}: type day/month/year").format(month)
    if day == 0:
        return tr("there is no day 0")
    year = year if year >= 100 else 2000 + year  # only whether it is a leap year matters here
    last = calendar.monthrange(year, month)[1]
    name = day_text(date(year, month, 1), "%B")  # in the current language
    if month == 2 and day == 29:
        return tr("February {0} has no 29th: {0} is not a leap year").format(year)
    shown = tr("{0} has no {1}").format(name, _ordinal(day))
    return shown + (tr("; its last day is the {0}").format(_ordinal(last)) if day <= 31 else "")


def _ordinal(n: int) -> str:
    """ "31st"; a plain number in Welsh (the sentence says "diwrnod 31")."""
    if language() != "en":
        return str(n)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# A day to compute for (the command line's --today) this far either side of the computer's clock is a
# wrong clock or a typing slip, not a day anyone needs figures for. [P]
FAR_FROM_CLOCK_YEARS = 5


def working_day_problem(day: date, clock: date, earliest: date | None = None) -> str | None:
    """Why `day`, given as "today" to compute for, cannot be trusted: before the earliest record
    (`earliest`, the first relevant date on the profile: no one was registered yet, so every figure
    would read nil), or more than FAR_FROM_CLOCK_YEARS either side of the computer's `clock`. None if
    it can be. Dates in the message are written as the user types them (YYYY-MM-DD)."""
    if earliest is not None and day < earliest:
        return (
            f"{day.isoformat()} is before the earliest record on the profile ({earliest.isoformat()}): "
            "no one was registered then, so every figure would read nil; give the day to compute for"
        )
    if abs((day - clock).days) > FAR_FROM_CLOCK_YEARS * 366:
        return (
            f"{day.isoformat()} is more than {FAR_FROM_CLOCK_YEARS} years from this computer's clock "
            f"({clock.isoformat()}): check the date given, or the computer's clock"
        )
    return None
