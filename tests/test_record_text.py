"""The plain-text record (`somdesk rso`): notification dates worded as the Act reads them."""

from datetime import date

from somdesk.app.policy import default_policy
from somdesk.app.record_text import record_summary
from somdesk.domain.model import Address, Disposal, Nominal, Registration, Sex


def test_the_text_record_gives_the_last_day_of_the_period_not_the_anniversary():
    reg = Registration(date(2020, 3, 10), Disposal.OTHER, registered_on=date(2020, 3, 11))
    address = Address("1 Quill Street", "Kettleby", "ZZ3 1AB", "Kettleby")
    nominal = Nominal("n", "SYN1", "SYN/1", "Fenby", "Ian", date(1980, 1, 1), Sex.MALE, reg, address)
    text = record_summary(nominal, None, None, date(2024, 6, 1), default_policy())
    assert "last day of the notification period 2025-03-09" in text
    assert "2025-03-10" not in text
