"""The languages somdesk speaks (English and Welsh: Welsh Language Standards, DOMAIN.md §9) and dates as a
printed document writes them in each. Pure: no locale, no I/O (strftime's month names follow the machine's
locale, and no machine has a Welsh one to rely on).

English keeps the forms the documents have always printed ("01 Dec 2026", "Tuesday 01 December 2026");
Welsh writes the day without a leading nought ("1 Rhag 2026", "Dydd Mawrth 1 Rhagfyr 2026")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

__all__ = [
    "DEFAULT",
    "LANGUAGES",
    "Language",
    "format_date",
    "language",
    "long_date",
    "month_year",
    "plain_date",
    "short_date",
    "short_date_time",
    "short_weekday_date",
    "short_weekday_date_time",
    "soft_mutation",
    "weekday_date",
    "weekday_day_month",
    "welsh_years",
]


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1: "en", "cy"
    name: str  # in the language itself, as a choice between languages shows it
    months: tuple[str, ...]  # January first
    short_months: tuple[str, ...]
    weekdays: tuple[str, ...]  # Monday first (date.weekday)
    short_weekdays: tuple[str, ...]
    padded_day: bool  # "01" rather than "1"


ENGLISH = Language(
    "en",
    "English",
    (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    padded_day=True,
)
WELSH = Language(
    "cy",
    "Cymraeg",
    (
        "Ionawr",
        "Chwefror",
        "Mawrth",
        "Ebrill",
        "Mai",
        "Mehefin",
        "Gorffennaf",
        "Awst",
        "Medi",
        "Hydref",
        "Tachwedd",
        "Rhagfyr",
    ),
    ("Ion", "Chwef", "Maw", "Ebr", "Mai", "Meh", "Gorff", "Awst", "Medi", "Hyd", "Tach", "Rhag"),
    ("Dydd Llun", "Dydd Mawrth", "Dydd Mercher", "Dydd Iau", "Dydd Gwener", "Dydd Sadwrn", "Dydd Sul"),
    ("Llun", "Maw", "Mer", "Iau", "Gwe", "Sad", "Sul"),
    padded_day=False,
)
LANGUAGES: dict[str, Language] = {lang.code: lang for lang in (ENGLISH, WELSH)}
DEFAULT = "en"

# The forms a document prints, by name: fields are {day} {d} (never padded) {month} {mon} {weekday} {wkd}
# {year} {time}.
FORMS = {
    "plain": "{d} {mon} {year}",  # 1 Dec 2026 / 1 Rhag 2026 (as the reasons on screen say a day)
    "short": "{day} {mon} {year}",  # 01 Dec 2026 / 1 Rhag 2026
    "long": "{day} {month} {year}",  # 01 December 2026 / 1 Rhagfyr 2026
    "weekday": "{weekday} {day} {month} {year}",  # Tuesday 01 December 2026 / Dydd Mawrth 1 Rhagfyr 2026
    "weekday_day_month": "{weekday} {day} {month}",  # Tuesday 01 December
    "short_weekday": "{wkd} {day} {mon}",  # Tue 01 Dec / Maw 1 Rhag
    "short_time": "{day} {mon} {year} {time}",  # 01 Dec 2026 14:30
    "short_weekday_time": "{wkd} {day} {mon} {year} {time}",  # Tue 01 Dec 2026 14:30
    "month_year": "{month} {year}",  # December 2026 / Rhagfyr 2026
}


def language(code: str) -> Language:
    """The language with this code; a ValueError naming the known ones otherwise."""
    try:
        return LANGUAGES[code]
    except KeyError:
        raise ValueError(f"unknown language {code!r}: use one of {', '.join(LANGUAGES)}") from None


def format_date(value: date, form: str, code: str = DEFAULT) -> str:
    """`value` (a date, or a datetime for the forms with a time) in one of FORMS, in language `code`."""
    lang = language(code)
    if form not in FORMS:
        raise ValueError(f"unknown date form {form!r}: use one of {', '.join(FORMS)}")
    time = f"{value:%H:%M}" if isinstance(value, datetime) else ""
    if "{time}" in FORMS[form] and not time:
        raise ValueError(f"the date form {form!r} needs a time")
    return FORMS[form].format(
        day=f"{value.day:02d}" if lang.padded_day else str(value.day),
        d=str(value.day),
        month=lang.months[value.month - 1],
        mon=lang.short_months[value.month - 1],
        weekday=lang.weekdays[value.weekday()],
        wkd=lang.short_weekdays[value.weekday()],
        year=f"{value.year:04d}",
        time=time,
    )


def plain_date(value: date, code: str = DEFAULT) -> str:
    return format_date(value, "plain", code)


def short_date(value: date, code: str = DEFAULT) -> str:
    return format_date(value, "short", code)


def long_date(value: date, code: str = DEFAULT) -> str:
    return format_date(value, "long", code)


def weekday_date(value: date, code: str = DEFAULT) -> str:
    return format_date(value, "weekday", code)


def weekday_day_month(value: date, code: str = DEFAULT) -> str:
    return format_date(value, "weekday_day_month", code)


def short_weekday_date(value: date, code: str = DEFAULT) -> str:
    return format_date(value, "short_weekday", code)


def short_date_time(value: datetime, code: str = DEFAULT) -> str:
    return format_date(value, "short_time", code)


def short_weekday_date_time(value: datetime, code: str = DEFAULT) -> str:
    return format_date(value, "short_weekday_time", code)


def month_year(value: date, code: str = DEFAULT) -> str:
    return format_date(value, "month_year", code)


# Welsh soft mutation (treiglad meddal) of a word's first letters, longest first: after "i", "o", "ar",
# "dau"/"dwy", … ("i blant", "i Ddydd Sul"). Names a user typed are not passed through it.
_SOFT = (
    ("ll", "l"),
    ("rh", "r"),
    ("p", "b"),
    ("t", "d"),
    ("c", "g"),
    ("b", "f"),
    ("d", "dd"),
    ("g", ""),
    ("m", "f"),
)


def soft_mutation(text: str) -> str:
    """`text` with its first word softly mutated (case kept): "plant" -> "blant", "Dydd Sul" -> "Ddydd
    Sul", "gwener" -> "wener"; a word starting otherwise (a vowel, a digit, "ff", "ch") as it is."""
    lower = text.lower()
    for radical, mutated in _SOFT:
        if lower.startswith(radical) and not lower.startswith(("ff", "ph", "ch", "th", "dd")):
            if mutated and text[:1].isupper():
                mutated = mutated[:1].upper() + mutated[1:]
            elif not mutated and text[:1].isupper():
                return text[len(radical) :][:1].upper() + text[len(radical) + 1 :]
            return mutated + text[len(radical) :]
    return text


# "blwyddyn" after a number (the noun after a Welsh numeral, written in figures as said): 1 flwyddyn,
# 2 flynedd, 3 blynedd, 5 mlynedd (nasal after pump, saith, wyth, naw, deng, deuddeng, pymtheng, deunaw,
# ugain, hanner can, can); any other number "o flynyddoedd" ("11 o flynyddoedd").
_YEARS = {1: "flwyddyn", 2: "flynedd", 3: "blynedd", 4: "blynedd", 6: "blynedd"}
_YEARS.update(dict.fromkeys((5, 7, 8, 9, 10, 12, 15, 18, 20, 50, 100), "mlynedd"))


def welsh_years(n: int) -> str:
    """A number of years in Welsh: "2 flynedd", "7 mlynedd", "1 flwyddyn", "11 o flynyddoedd"."""
    return f"{n:,} {_YEARS.get(n, 'o flynyddoedd')}"
