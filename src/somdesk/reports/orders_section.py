"""The case summary's "Orders and licence conditions" section (DOMAIN.md §6-7): each civil order with
its terms, and each licence with its conditions. The terms and conditions are the court's and
probation's words, printed as recorded; the curfew and exclusion zones name places, so a copy that
leaves out addresses leaves them out too."""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Flowable

from somdesk.domain.licences import Licence
from somdesk.domain.model import Nominal
from somdesk.domain.orders import CivilOrder, in_force
from somdesk.reports.layout import grid, para

__all__ = ["orders_story"]


def _d(value: date) -> str:
    return value.strftime("%d %b %Y")


def _order_heading(order: CivilOrder, today: date) -> str:
    state = "in force" if in_force(order, today) else "ended"
    ends = f"ends {_d(order.ends_on)}" if order.ends_on else "until further order"
    review = f"; next review {_d(order.next_review)}" if order.next_review else ""
    return f"{order.kind.label} ({state}): made {_d(order.made_on)} at {order.court}; {ends}{review}"


def _licence_heading(licence: Licence, today: date) -> str:
    state = "running" if licence.runs_on(today) else "not running"
    contact = f"; probation contact {licence.probation_contact}" if licence.probation_contact else ""
    return (
        f"Licence ({state}): {_d(licence.starts_on)} to "
        f"{_d(licence.ends_on) if licence.ends_on else 'life'}; electronic monitoring: "
        f"{licence.monitoring.label}{contact}"
    )


def orders_story(n: Nominal, today: date, no_addresses: bool) -> list[Flowable]:
    story: list[Flowable] = [para("Orders and licence conditions", "h2")]
    orders = sorted(n.orders, key=lambda o: o.made_on, reverse=True)
    if not orders:
        story.append(para("No civil orders recorded.", "body"))
    for order in orders:
        story.append(para(_order_heading(order, today), "body"))
        if order.terms:
            rows = [[t.kind.label, t.category.label, t.text] for t in order.terms]
            story.append(grid(["Term", "Category", "In the order's words"], rows, [30, 32, 118]))
        else:
            story.append(para("No terms recorded.", "body"))
    licences = sorted(n.licences, key=lambda lic: lic.starts_on, reverse=True)
    if not licences:
        story.append(para("No licence recorded.", "body"))
    for licence in licences:
        story.append(para(_licence_heading(licence, today), "body"))
        places = []
        if not no_addresses:
            places = [("Curfew", licence.curfew), ("Exclusion zones", licence.exclusion_zones)]
        rows = [[label, text] for label, text in places if text]
        rows += [[f"{c.kind.label} condition", c.text] for c in licence.conditions]
        if rows:
            story.append(grid(["Condition", "In the licence's words"], rows, [40, 140]))
    return story
