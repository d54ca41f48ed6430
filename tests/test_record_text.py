"""The plain-text record (`somdesk rso`): notification dates worded as the Act reads them."""

from datetime import date

from somdesk.app.policy import default_policy
from somdesk.app.record_text import record_summary
from somdesk.domain.model import Address, Disposal, Nominal, Registration, Sex, Term

ADDRESS = Address("1 Quill Street", "Kettleby", "ZZ3 1AB", "Kettleby")


def _nominal(reg: Registration) -> Nominal:
    return Nominal("n", "SYN1", "SYN/1", "Fenby", "Ian", date(1980, 1, 1), Sex.MALE, reg, ADDRESS)


def test_the_text_record_gives_the_last_day_of_the_period_not_the_anniversary():
    reg = Registration(date(2020, 3, 10), Disposal.OTHER, registered_on=date(2020, 3, 11))
    nominal = _nominal(reg)
    text = record_summary(nominal, None, None, date(2024, 6, 1), default_policy())
    assert "last day of the notification period 2025-03-09" in text
    assert "2025-03-10" not in text


def test_the_text_record_gives_the_further_review_date_from_the_notice_and_says_so():
    reg = Registration(
        date(2005, 1, 1), Disposal.IMPRISONMENT, Term(60), registered_on=date(2005, 1, 2),
        first_notification_after_release=date(2008, 2, 1), review_refused_on=date(2023, 6, 1),
        review_further_on=date(2028, 6, 1),
    )  # fmt: skip
    text = record_summary(_nominal(reg), None, None, date(2026, 11, 23), default_policy())
    assert "reviewable from 2028-06-01 (the date in the chief officer's notice" in text
