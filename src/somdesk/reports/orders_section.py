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
from somdesk.reports.labels import label
from somdesk.reports.language import short_date, tr
from somdesk.reports.layout import grid, para

__all__ = ["orders_story"]


def _d(value: date) -> str:
    return short_date(value)


def _order_heading(order: CivilOrder, today: date) -> str:
    state = tr("in force") if in_force(order, today) else tr("ended")
    ends = tr("ends {0}").format(_d(order.ends_on)) if order.ends_on else tr("until further order")
    review = tr("; next review {0}").format(_d(order.next_review)) if order.next_review else ""
    return tr("{kind} ({state}): made {made} at {court}; {ends}{review}").format(
        kind=label(order.kind),
        state=state,
        made=_d(order.made_on),
        court=order.court,
        ends=ends,
        review=review,
    )


def _licence_heading(licence: Licence, today: date) -> str:
    state = tr("running") if licence.runs_on(today) else tr("not running")
    contact = (
        tr("; probation contact {0}").format(licence.probation_contact) if licence.probation_contact else ""
    )
    return tr("Licence ({state}): {starts} to {ends}; electronic monitoring: {monitoring}{contact}").format(
        state=state,
        starts=_d(licence.starts_on),
        ends=_d(licence.ends_on) if licence.ends_on else tr("life"),
        monitoring=label(licence.monitoring),
        contact=contact,
    )


def orders_story(n: Nominal, today: date, no_addresses: bool) -> list[Flowable]:
    story: list[Flowable] = [para(tr("Orders and licence conditions"), "h2")]
    orders = sorted(n.orders, key=lambda o: o.made_on, reverse=True)
    if not orders:
        story.append(para(tr("No civil orders recorded."), "body"))
    for order in orders:
        story.append(para(_order_heading(order, today), "body"))
        if order.terms:
            rows = [[label(t.kind), label(t.category), t.text] for t in order.terms]
            story.append(grid([tr("Term"), tr("Category"), tr("In the order's words")], rows, [30, 32, 118]))
        else:
            story.append(para(tr("No terms recorded."), "body"))
    licences = sorted(n.licences, key=lambda lic: lic.starts_on, reverse=True)
    if not licences:
        story.append(para(tr("No licence recorded."), "body"))
    for licence in licences:
        story.append(para(_licence_heading(licence, today), "body"))
        places = []
        if not no_addresses:
            places = [(tr("Curfew"), licence.curfew), (tr("Exclusion zones"), licence.exclusion_zones)]
        rows = [[name, text] for name, text in places if text]
        rows += [[tr("{0} condition").format(label(c.kind)), c.text] for c in licence.conditions]
        if rows:
            story.append(grid([tr("Condition"), tr("In the licence's words")], rows, [40, 140]))
    return story
