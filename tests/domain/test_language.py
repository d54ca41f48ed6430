from datetime import date, datetime

import pytest

from somdesk.domain.language import (
    LANGUAGES,
    format_date,
    language,
    long_date,
    month_year,
    plain_date,
    short_date,
    short_date_time,
    short_weekday_date,
    short_weekday_date_time,
    weekday_date,
    weekday_day_month,
)

DAY = date(2026, 12, 1)  # a Tuesday
AT = datetime(2026, 12, 1, 14, 5)


def test_the_languages_by_their_own_names() -> None:
    assert {code: lang.name for code, lang in LANGUAGES.items()} == {"en": "English", "cy": "Cymraeg"}


def test_english_dates_as_the_documents_have_always_printed_them() -> None:
    assert short_date(DAY) == f"{DAY:%d %b %Y}" == "01 Dec 2026"
    assert long_date(DAY) == "01 December 2026"
    assert weekday_date(DAY) == "Tuesday 01 December 2026"
    assert weekday_day_month(DAY) == "Tuesday 01 December"
    assert short_weekday_date(DAY) == "Tue 01 Dec"
    assert short_date_time(AT) == "01 Dec 2026 14:05"
    assert short_weekday_date_time(AT) == "Tue 01 Dec 2026 14:05"
    assert month_year(DAY) == "December 2026"
    assert plain_date(DAY) == "1 Dec 2026"


def test_welsh_dates() -> None:
    assert long_date(DAY, "cy") == "1 Rhagfyr 2026"
    assert weekday_date(DAY, "cy") == "Dydd Mawrth 1 Rhagfyr 2026"
    assert short_date(DAY, "cy") == plain_date(DAY, "cy") == "1 Rhag 2026"
    assert short_weekday_date(DAY, "cy") == "Maw 1 Rhag"
    assert short_weekday_date_time(AT, "cy") == "Maw 1 Rhag 2026 14:05"
    assert month_year(date(2027, 2, 3), "cy") == "Chwefror 2027"
    assert weekday_date(date(2026, 11, 29), "cy") == "Dydd Sul 29 Tachwedd 2026"


def test_every_month_and_day_in_welsh() -> None:
    months = [long_date(date(2026, m, 1), "cy").split()[1] for m in range(1, 13)]
    assert " ".join(months) == (
        "Ionawr Chwefror Mawrth Ebrill Mai Mehefin Gorffennaf Awst Medi Hydref Tachwedd Rhagfyr"
    )
    days = [weekday_date(date(2026, 11, 30 + i) if i < 1 else date(2026, 12, i), "cy") for i in range(7)]
    assert [" ".join(d.split()[:2]) for d in days] == [
        "Dydd Llun",
        "Dydd Mawrth",
        "Dydd Mercher",
        "Dydd Iau",
        "Dydd Gwener",
        "Dydd Sadwrn",
        "Dydd Sul",
    ]


def test_unknown_language_form_or_missing_time_refused() -> None:
    with pytest.raises(ValueError, match="unknown language 'fr': use one of en, cy"):
        language("fr")
    with pytest.raises(ValueError, match="unknown date form"):
        format_date(DAY, "ancient")
    with pytest.raises(ValueError, match="needs a time"):
        format_date(DAY, "short_time")
