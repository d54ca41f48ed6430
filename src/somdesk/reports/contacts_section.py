"""The case summary's Household and contacts: who lives at, stays at or visits the address, the
children the person has access to (flagged), a decision under the child sex offender disclosure scheme,
and their online identities. The children's services
contact and employment or education details are free text, printed as this copy prints them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.platypus import Flowable

from somdesk.domain.contacts import Contact, ContactKind, describe_decision
from somdesk.reports.labels import label
from somdesk.reports.language import tr
from somdesk.reports.layout import Options, grid, para

__all__ = ["contact_free_texts", "contacts_story"]


def _key(nominal_id: str, index: int, name: str) -> str:
    return f"{nominal_id}/contact/{index}/{name}"


def contact_free_texts(nominal_id: str, contacts: Sequence[Contact]) -> list[tuple[str, str, str]]:
    """(key, where it prints, text) for each contact's free text, in the order printed."""
    return [
        (
            _key(nominal_id, i, name),
            tr("Household and contacts: {0}, {1}").format(c.name or c.identity, label),
            text,
        )
        for i, c in enumerate(contacts)
        for name, label, text in (
            ("childrens_services", tr("children's services contact"), c.childrens_services),
            ("employment", tr("employment or education"), c.employment),
        )
    ]


def contacts_story(
    nominal_id: str, contacts: Sequence[Contact], today: date, options: Options
) -> list[Flowable]:
    out: list[Flowable] = [para(tr("Household and contacts"), "h3")]
    if not contacts:
        return [*out, para(tr("No household members or contacts recorded."), "body")]
    rows, alerts = [], set()
    for i, c in enumerate(contacts):
        if c.kind is ContactKind.PERSON:
            age = c.age_on(today)
            facts = ", ".join(label(x) for x in (c.relationship, c.presence) if x is not None)
            access = "" if c.has_access is None else (tr("Yes") if c.has_access else tr("No"))
            if c.has_access and c.under_18(today):
                alerts.add(i)
                access = tr("Yes: child under 18 with access")
            who, years = c.name, "" if age is None else str(age)
        else:
            facts, access, years = label(c.kind), "", ""
            who = f"{c.identity} ({c.platform})" if c.platform else c.identity
        notes = "; ".join(
            written
            for name, text in (("childrens_services", c.childrens_services), ("employment", c.employment))
            if (written := options.written(_key(nominal_id, i, name), text))
        )
        if decision := describe_decision(c):  # a decision under the disclosure scheme
            notes = "; ".join(t for t in (notes, tr("Disclosure scheme: {0}").format(decision)) if t)
        rows.append([who, facts, years, access, notes])
    header = [
        tr("Who"),
        tr("Relationship"),
        tr("Age"),
        tr("Access"),
        tr("Children's services, employment, disclosure"),
    ]
    return [*out, grid(header, rows, [38, 38, 12, 32, 60], alerts)]
