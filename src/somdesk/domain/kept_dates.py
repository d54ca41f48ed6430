"""The notification dates that follow from the registration alone, as one value a store may keep.

The period's last day, the initial and periodic notification dates and the indefinite-review date change
only when the registration (or a trip abroad, which moves them) changes, not from day to day; working
them out for every case on every refresh is a third of the notification rules' time. A store keeps the
result with `rule_of(rules)`, the rule version and the policy values they were worked out under, and
drops it when one of `DEPENDS_ON` or a trip changes (store/kept_dates.py). This module stays the one
owner of the rule: `notification.notification_status` takes kept dates only when their rule matches,
else works them out here.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from somdesk.domain.notification import NotificationRules

__all__ = ["DEPENDS_ON", "RULE_VERSION", "RegistrationDates", "rule_of"]

# Raised whenever the rule below (or what it reads) changes: every kept value is then worked out again.
RULE_VERSION = 1

# The offender record's fields the dates are worked out from (domain/records.py names), besides the
# person's trips abroad. A test changes each other field and finds the dates unchanged.
DEPENDS_ON = (
    "date_of_birth",
    "relevant_date",
    "disposal",
    "term_months",
    "term_days",
    "term_parts",
    "discharge_months",
    "registered_on",
    "last_notification",
    "in_custody",
    "released_on",
    "custody_from",
    "first_notification_after_release",
    "review_refused_on",
    "review_further_on",
    "address_line1",  # none: no fixed abode, so the periodic notification is weekly
)


class RegistrationDates(NamedTuple):
    """What `notification_status` works out from the registration, before today and orders apply."""

    rule: str  # rule_of() of the rules they were worked out under
    last_day: date | None  # the period's own last day (None: indefinite or unknown)
    initial: date | None  # the initial notification's last day after absences (awaited and free only)
    unmoved: date | None  # the next periodic date from the last notification (free only)
    periodic: date | None  # the same, moved past custody, hospital or a trip abroad (s.85(3)-(4))
    start_unknown: bool  # moved by custody whose start is not recorded
    review: date | None  # the indefinite-review qualifying date, before any order bars it


def rule_of(rules: NotificationRules) -> str:
    """The rule version and the policy values the dates depend on, as kept beside them: dates kept
    under another policy or an older rule are worked out again."""
    global _last
    if _last[0] is rules:  # asked once per case: the policy in force is one object
        return _last[1]
    rule = (
        f"{RULE_VERSION};dto_half={int(rules.dto_counts_half)};"
        f"discharge_halved={int(rules.discharge_halved_under_18)};further={rules.further_review_years}"
    )
    _last = (rules, rule)
    return rule


_last: tuple[object, str] = (None, "")
