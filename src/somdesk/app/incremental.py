"""Figures after a saved change: only the cases it touched evaluated again (issue 26).

`compute_figures` evaluates every case; after one visit is saved that is 100,000 statuses rebuilt to
change one. Here the touched cases' old statuses and queue items leave, their new ones go in where the
full compute would have put them (the statuses in `lookup_order`, each queue by its total sort key),
and the caseload counts of their officers are counted again. Every other status and item is the same
Python object as before, so the window redraws only the rows that changed.

The rules stay in the domain: an item's place comes from the queue function's own sort key, the
counts from `caseload_updated`. A new day or a new policy changes every case: the caller computes the
whole again (`compute_figures`) instead.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from datetime import date
from typing import Any, TypeVar

from somdesk.app.compute import Figures, gc_paused, lookup_order
from somdesk.domain.caseload import caseload_updated, forecast
from somdesk.domain.model import Case, Officer, Team, Visit
from somdesk.domain.policy import Policy
from somdesk.domain.queues import QUEUES, QueueItem
from somdesk.domain.status import CaseStatus, evaluate_all

__all__ = ["OutOfStep", "Placed", "moved_alike", "update_figures", "updated_log", "visits_by_person"]

T = TypeVar("T")

# Beyond this many rows out and in, one merge of the whole list beats inserting them one by one.
_ONE_BY_ONE = 64


class OutOfStep(Exception):
    """The figures do not hold a row where they should: they were not made from the cases read now.
    The caller computes everything again."""


def _status_key(s: CaseStatus) -> tuple[str, str, date, str]:
    return lookup_order(s.case)


def _item_key(i: QueueItem) -> tuple[Any, ...]:
    return i.sort_key


class Placed:
    """How a list changed: the positions (ascending) its old rows left from, and the positions
    (ascending) the new rows took in the new list. A list kept beside it (the search texts beside the
    statuses) makes the same moves with `moved_alike`."""

    def __init__(self, gone: list[int], added: list[int]) -> None:
        self.gone = gone
        self.added = added


def _replaced(
    rows: list[T], gone: list[int], added: Sequence[T], key: Callable[[T], Any]
) -> tuple[list[T], Placed]:
    """A new list: `rows` without the rows at `gone`, with `added` in key order. `rows` is not changed
    (the window still shows it, and the controller frees it later)."""
    if len(gone) + len(added) <= _ONE_BY_ONE:
        out = list(rows)
        for pos in reversed(gone):
            del out[pos]
        for row in added:
            insort(out, row, key=key)
    else:
        leaving = set(gone)
        out = [r for n, r in enumerate(rows) if n not in leaving]
        out.extend(added)
        out.sort(key=key)  # two sorted runs: Timsort merges them in one pass
    return out, Placed(gone, sorted(bisect_left(out, key(row), key=key) for row in added))


def moved_alike(values: list[T], placed: Placed, new: Sequence[T]) -> list[T]:
    """`values`, kept in step with a list `placed` describes, moved the same way: a new list without
    the values at `placed.gone` and with `new` (in the order of `placed.added`) at their places."""
    out = list(values)
    for pos in reversed(placed.gone):
        del out[pos]
    for pos, value in zip(placed.added, new, strict=True):
        out.insert(pos, value)
    return out


def _positions(rows: Sequence[T], olds: Sequence[T], key: Callable[[T], Any]) -> list[int]:
    """Where each of `olds` sits in `rows` (a list sorted by `key`, keys all different)."""
    found = []
    for old in olds:
        k = key(old)
        pos = bisect_left(rows, k, key=key)
        if pos == len(rows) or key(rows[pos]) != k:
            raise OutOfStep(f"no row with key {k!r}")
        found.append(pos)
    return sorted(found)


def update_figures(
    previous: Figures,
    touched: Collection[str],
    cases: Sequence[Case],
    officers: Sequence[Officer],
    teams: Sequence[Team],
    today: date,
    policy: Policy,
) -> tuple[Figures, Placed]:
    """`previous` with the cases `touched` (nominal ids) evaluated again: `cases` are those of them
    the store holds now (re-read); a touched id without one has left (removed, erased, moved out of
    scope), and a case not in `previous` has come in. The same figures as `compute_figures` over every
    case, and how the statuses moved (for lists kept beside them).

    `previous` must be of the same day and policy (a new day or policy: compute everything again)."""
    if previous.today != today:
        raise OutOfStep("a new day: every case changes")
    with gc_paused():
        before = [previous.by_id[nid] for nid in touched if nid in previous.by_id]
        before.sort(key=_status_key)
        after = evaluate_all(sorted(cases, key=lookup_order), today, policy)
        gone = _positions(previous.statuses, before, _status_key)
        for pos, old in zip(gone, before, strict=True):
            if previous.statuses[pos] is not old:
                raise OutOfStep(f"{old.case.nominal.id} is not where it was")
        statuses, placed = _replaced(previous.statuses, gone, after, _status_key)
        queues = {}
        for name, queue in QUEUES.items():
            items = previous.queues[name]
            old_items = queue(before, today, policy)
            queues[name], _ = _replaced(
                items, _positions(items, old_items, _item_key), queue(after, today, policy), _item_key
            )
        rules = policy.caseload
        report = caseload_updated(previous.caseload, before, after, officers, teams, rules, today)
        same = (report.force.rsos, report.soms) == (previous.caseload.force.rsos, previous.caseload.soms)
        ahead = previous.forecast if same else forecast(report.force.rsos, report.soms, rules)
        # Handed on, not copied: a copy of 100,000 entries costs more than all the rest. `previous` is
        # being replaced; `dismantle` leaves alone what its successor holds.
        by_id = previous.by_id
        for s in before:
            del by_id[s.case.nominal.id]
        by_id.update((s.case.nominal.id, s) for s in after)
    return Figures(today, statuses, queues, report, ahead, by_id), placed


def _visit_at(v: Visit) -> Any:
    return v.at


def visits_by_person(log: Iterable[Visit]) -> dict[str, tuple[Visit, ...]]:
    """The log's visits by person: where an incremental refresh finds a touched person's visits in the
    log without scanning it (a year of a large force's visits is 200,000)."""
    by: dict[str, list[Visit]] = defaultdict(list)
    for v in log:
        by[v.nominal_id].append(v)
    return {nid: tuple(vs) for nid, vs in by.items()}


def updated_log(
    log: list[Visit],
    by_person: dict[str, tuple[Visit, ...]],
    touched: Collection[str],
    visits: Sequence[Visit],
    held: Collection[str],
) -> tuple[list[Visit], dict[str, tuple[Visit, ...]]]:
    """The workspace's visit log (oldest first) with the `touched` people's visits replaced by `visits`
    (read again), those of people still `held`: a new list, and `by_person` brought up to date (handed
    on to the new workspace, not copied: the one replaced gives it up)."""
    gone = []
    for nid in touched:
        for v in by_person.get(nid, ()):
            pos = bisect_left(log, v.at, key=_visit_at)
            while log[pos] is not v:  # several visits at the same time: this one among them
                pos += 1
            gone.append(pos)
    fresh = [v for v in visits if v.nominal_id in held]
    out, _ = _replaced(log, sorted(gone), fresh, _visit_at)
    index = by_person
    for nid in touched:
        index.pop(nid, None)
    for nid, vs in visits_by_person(fresh).items():
        index[nid] = vs
    return out, index
