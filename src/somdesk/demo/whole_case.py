"""Synthetic breaches, whereabouts and risk of serious harm for a demo force (issue 19).

Each person draws from a generator of their own, seeded from the force's seed and their number, so
adding these leaves the rest of the demo data exactly as before. A few breaches across the force (the
older ones with an outcome), a handful of people missing or wanted, circulated in the last months,
and a RoSH assessment for most MAPPA level 2 and 3 cases, its highest level their managing level.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from typing import Union

from somdesk.demo.devices import device_records
from somdesk.demo.identity import IdentityRecord, identity_records
from somdesk.demo.people import on_licence
from somdesk.demo.rm2000 import rm2000_records
from somdesk.domain.breaches import Breach, BreachAction, BreachKind, is_charged, latest_breach
from somdesk.domain.dates import add_days
from somdesk.domain.devices import Device
from somdesk.domain.meetings import PanelAction, PanelDecision
from somdesk.domain.model import Case, Nominal, RiskLevel, Visit, VisitOutcome
from somdesk.domain.rm2000 import Rm2000Assessment, Rm2000Instrument
from somdesk.domain.rosh import GROUPS, RoshAssessment, RoshSource
from somdesk.domain.whereabouts import Whereabouts, WhereaboutsStatus, last_seen_after, open_episode

__all__ = ["CaseRecord", "case_records", "with_case_records"]

CaseRecord = Union[  # noqa: UP007 (a runtime alias)
    Breach, Whereabouts, RoshAssessment, IdentityRecord, PanelDecision, PanelAction, Device, Rm2000Assessment
]

_DETAILS = {
    BreachKind.NOTIFICATION: (
        "Did not notify a change of address within 3 days",
        "Annual notification not made by its date",
        "Stayed 12 hours or more in a household with a child without notifying it",
        "Did not notify a new bank card",
    ),
    BreachKind.ORDER: (
        "SHPO: used a device not notified to police",
        "SHPO: deleted internet history",
        "SHPO: unsupervised contact with a child",
    ),
    BreachKind.LICENCE: (
        "Missed curfew at approved premises",
        "Entered the exclusion zone",
        "Failed to attend probation appointments",
    ),
    BreachKind.OTHER: ("Gave false details to a new employer",),
}
_OUTCOMES = ("charged", "convicted", "NFA", "caution", "recalled to prison", "warning given, NFA")
_FOUND_BY = ("SOM at home visit", "probation", "ANPR alert", "neighbourhood team", "device check at visit")


def case_records(
    nominals: Iterable[Nominal],
    seed: int,
    today: date,
    visits: Iterable[Visit] = (),
    rm2000: Rm2000Instrument | None = None,
) -> list[tuple[str, CaseRecord]]:
    """The demo's breaches, whereabouts episodes, RoSH assessments, and notified details, names and
    contacts (demo/identity.py), each with its person's id. `visits` (the force's) keep the episodes
    true to them: none open while a later visit saw the person, one found by the visit that saw them.
    With the force's RM2000 instrument, most panel cases' RM2000 assessments too (demo/rm2000.py)."""
    nominals = list(nominals)
    seen: defaultdict[str, list[date]] = defaultdict(list)
    for v in visits:
        if v.outcome is VisitOutcome.SEEN:
            seen[v.nominal_id].append(v.at.date())
    out: list[tuple[str, CaseRecord]] = []
    for n in nominals:
        rng = random.Random(f"{seed}:whole-case:{n.visor_ref}")
        start = n.registration.registered_on or n.registration.relevant_date
        out += [(n.id, b) for b in _breaches(rng, n, start, today)]
        episodes = _whereabouts(rng, n, start, today)
        reviews = random.Random(f"{seed}:whereabouts-review:{n.visor_ref}")  # leaves `rng` as it was
        out += [(n.id, w) for w in _kept_true(episodes, seen.get(n.id, ()), reviews, today)]
        if n.mappa.level >= 2 and rng.random() < 0.85:
            out.append((n.id, _rosh(rng, n, today)))
        out += [(n.id, r) for r in identity_records(n, seed, today)]  # a generator of their own
        out += [(n.id, d) for d in device_records(n, seed, today)]  # and another
    if rm2000 is not None:
        out += [(a.nominal_id, a) for a in rm2000_records(nominals, seed, today, rm2000)]
    return out


def with_case_records(cases: Iterable[Case], records: Iterable[tuple[str, CaseRecord]]) -> list[Case]:
    """The cases as the store would read them back with these records: the days breaches were found
    and the latest, and the open whereabouts episode (for figures made straight from the generator,
    with no store)."""
    found: defaultdict[str, list[tuple[date, BreachKind]]] = defaultdict(list)
    charged: defaultdict[str, list[date]] = defaultdict(list)
    episodes: defaultdict[str, list[Whereabouts]] = defaultdict(list)
    for nid, record in records:
        if isinstance(record, Breach):
            found[nid].append((record.found_on, record.kind))
            if is_charged(record.action, record.outcome):
                charged[nid].append(record.found_on)
        elif isinstance(record, Whereabouts):
            episodes[nid].append(record)
    return [
        c._replace(
            breaches_found=tuple(d for d, _ in found.get(c.nominal.id, ())),
            missing=open_episode(episodes.get(c.nominal.id, ())),
            latest_breach=latest_breach(found.get(c.nominal.id, ())),
            breaches_charged=tuple(sorted(charged.get(c.nominal.id, ()))),
        )
        for c in cases
    ]


def _day_between(rng: random.Random, first: date, last: date) -> date:
    return add_days(first, rng.randint(0, max(0, (last - first).days)))


def _breaches(rng: random.Random, n: Nominal, start: date, today: date) -> list[Breach]:
    if start >= today or rng.random() >= 0.07:
        return []
    kinds = [BreachKind.NOTIFICATION, BreachKind.NOTIFICATION, BreachKind.ORDER, BreachKind.OTHER]
    if on_licence(n, today):
        kinds += [BreachKind.LICENCE] * 3
    out = []
    for _ in range(1 if rng.random() < 0.8 else 2):
        found = _day_between(rng, max(start, add_days(today, -700)), today)
        kind = rng.choice(kinds)
        action = rng.choice(list(BreachAction))
        if kind is BreachKind.LICENCE and rng.random() < 0.6:
            action = BreachAction.RECALL_REQUEST
        outcome, outcome_on = "", None
        if (today - found).days > 30 and rng.random() < 0.7 and action is not BreachAction.NONE_YET:
            outcome = "recalled to prison" if action is BreachAction.RECALL_REQUEST else rng.choice(_OUTCOMES)
            outcome_on = _day_between(rng, add_days(found, 1), min(today, add_days(found, 120)))
        out.append(
            Breach(
                kind, found, rng.choice(_FOUND_BY), action, rng.choice(_DETAILS[kind]), outcome, outcome_on
            )
        )
    return out


def _reference(rng: random.Random, circulated: date) -> str:
    return f"PNC {circulated:%y}/{rng.randint(100000, 999999)}{rng.choice('ABCDEFGHJKLMNPQRSTUVWXYZ')}"


def _whereabouts(rng: random.Random, n: Nominal, start: date, today: date) -> list[Whereabouts]:
    """A handful missing or wanted now; a few more found after an earlier episode."""
    if n.registration.in_custody or start >= add_days(today, -10):
        return []
    x = rng.random()
    if x < 0.012:
        status = rng.choice(
            (
                WhereaboutsStatus.MISSING,
                WhereaboutsStatus.WANTED,
                WhereaboutsStatus.WANTED,
                WhereaboutsStatus.UNKNOWN,
            )
        )
        circulated = _day_between(rng, max(start, add_days(today, -150)), add_days(today, -2))
        note = {
            WhereaboutsStatus.MISSING: "Not at the notified address at two visits; belongings gone.",
            WhereaboutsStatus.WANTED: "Wanted for failing to notify (s.91); warrant issued.",
            WhereaboutsStatus.UNKNOWN: "No fixed abode; not seen at the usual places since circulation.",
        }[status]
        return [Whereabouts(status, circulated, _reference(rng, circulated), None, note)]
    if x < 0.03:
        circulated = _day_between(rng, max(start, add_days(today, -700)), add_days(today, -30))
        found = _day_between(rng, add_days(circulated, 1), min(add_days(circulated, 60), today))
        return [
            Whereabouts(
                rng.choice(list(WhereaboutsStatus)),
                circulated,
                _reference(rng, circulated),
                found,
                "Found and arrested; address verified.",
            )
        ]
    return []


_REVIEWERS = ("DS A. Hale", "DS M. Corran", "DI R. Fenwick")


def _kept_true(
    episodes: list[Whereabouts], seen: Sequence[date], rng: random.Random, today: date
) -> list[Whereabouts]:
    """Episodes as the rules hold them: one open is circulated after the last visit that saw the
    person (dropped if that was today), one found is found at the first visit that saw them; an open
    one mostly reviewed within the last week (the rest overdue, as some are)."""
    out = []
    for w in episodes:
        if (last := last_seen_after(w, seen)) is not None:
            if w.open:
                if last >= today:
                    continue
                w = replace(w, circulated_on=add_days(last, 1))
            else:
                w = replace(w, resolved_on=min(d for d in seen if d > w.circulated_on))
        if w.open and rng.random() < 0.75:
            reviewed = max(w.circulated_on, add_days(today, -rng.randint(0, 6)))
            note = rng.choice(("PNC and custody suites checked; no trace.", "Hospitals and family checked."))
            w = replace(w, last_reviewed_on=reviewed, reviewed_by=rng.choice(_REVIEWERS), review_note=note)
        out.append(w)
    return out


def _rosh(rng: random.Random, n: Nominal, today: date) -> RoshAssessment:
    """The managing level (high if none) to the group most at risk; lower levels to the rest."""
    top = n.risk_level or RiskLevel.HIGH
    most = rng.choice(("children", "children", "public", "known_adult"))
    levels = {
        name: top if name == most else RiskLevel(rng.randint(RiskLevel.LOW, max(RiskLevel.LOW, top - 1)))
        for name, _ in GROUPS
    }
    source = rng.choice((RoshSource.OASYS, RoshSource.OASYS, RoshSource.MAPPA, RoshSource.POLICE))
    assessed = add_days(today, -rng.randint(5, 300))
    return RoshAssessment(
        assessed,
        source,
        levels["children"],
        levels["known_adult"],
        levels["public"],
        levels["staff"],
        levels["self_harm"],
    )
