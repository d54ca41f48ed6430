"""What changed between two lists of rows, by object identity, and the steps that turn one shown list
into the other. Plain Python, no Qt: `TableModel.update_rows` applies the steps with Qt's signals.

A refresh after a saved change hands the window new lists in which every untouched row is the same
object as before, in the same relative order (a queue stays sorted; only the touched cases' rows go
and come). So the lists are walked side by side comparing identities in C (`map(is_not, ...)`), and
Python looks only at the few places where they differ: no per-row Python loop, no set of 100,000
`id()`s (addresses are multiples of 16, and a set of them probes badly).
"""

from __future__ import annotations

import operator
from bisect import bisect_left
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from operator import indexOf, is_not
from typing import Any, TypeVar

__all__ = [
    "Precedes",
    "RowChange",
    "ShownSteps",
    "find_change",
    "insert_sorted",
    "kept_objects",
    "position",
    "shown_steps",
]

T = TypeVar("T")
Precedes = Callable[[int, int], bool]  # whether row a comes before row b in a sorted list of rows
_FIRST_WINDOW = 8


@dataclass(frozen=True)
class RowChange:
    """How `new` differs from `old`: the other rows are the same objects in the same relative order."""

    removed: list[int]  # indices into the old list, ascending
    added: list[int]  # indices into the new list, ascending
    runs: list[tuple[int, int, int]]  # (old index, new index, length) of each run of kept rows
    old_count: int

    @property
    def moved(self) -> bool:
        """Whether any row came or went."""
        return bool(self.removed or self.added)

    @cached_property
    def old_to_new(self) -> list[int | None]:
        """Each old row's index in the new list; None for a removed row. Made a run at a time."""
        out: list[int | None] = []
        for x, y, length in self.runs:
            out.extend([None] * (x - len(out)))  # the rows removed before this run
            out.extend(range(y, y + length))
        out.extend([None] * (self.old_count - len(out)))  # the rows removed after the last run
        return out

    def remap(self, indices: Sequence[int], gone_at: Sequence[int]) -> list[int]:
        """Old row indices (a sort order, a filter's result) as new ones; `gone_at` are the positions
        in `indices` of the removed rows, taken out (found by the caller, who knows the order)."""
        out = list(map(self.old_to_new.__getitem__, indices))
        for at in sorted(gone_at, reverse=True):
            del out[at]
        return out  # type: ignore[return-value] # its Nones were the removed rows

    def splice(self, values: Sequence[T], added: Sequence[T]) -> list[T]:
        """A list aligned with the old rows made aligned with the new: the removed rows' values taken
        out, `added` (one per added row, in order) put in. Each step moves memory in C."""
        out = list(values)
        for i in reversed(self.removed):
            del out[i]
        for i, value in zip(self.added, added, strict=True):
            out.insert(i, value)
        return out


def find_change(old: Sequence[Any], new: Sequence[Any], limit: int) -> RowChange | None:
    """The change from `old` to `new`, or None when a reset is the better answer: more than `limit`
    rows came or went, or rows kept by both lists changed their relative order."""
    removed: list[int] = []
    added: list[int] = []
    runs: list[tuple[int, int, int]] = []
    x = y = 0
    while True:
        step = _same_run(old, new, x, y)
        if step:
            runs.append((x, y, step))
        x, y = x + step, y + step
        if x == len(old) or y == len(new):  # the rest of the other list went, or came
            removed.extend(range(x, len(old)))
            added.extend(range(y, len(new)))
            break
        found = _next_common(old, new, x, y)
        if found is None:
            return None
        i, j = found
        removed.extend(range(x, x + i))
        added.extend(range(y, y + j))
        if len(removed) + len(added) > limit:
            return None
        x, y = x + i, y + j
    if len(removed) + len(added) > limit:
        return None
    return RowChange(removed, added, runs, len(old))


def _same_run(old: Sequence[Any], new: Sequence[Any], x: int, y: int) -> int:
    """How many rows from old[x] and new[y] on are the same objects, compared in C."""
    a, b = iter(old), iter(new)
    a.__setstate__(x)  # type: ignore[attr-defined] # a list iterator starts where it is told
    b.__setstate__(y)  # type: ignore[attr-defined]
    try:
        return indexOf(map(is_not, a, b), True)  # stops at the first row that differs
    except ValueError:
        return min(len(old) - x, len(new) - y)


def _next_common(old: Sequence[Any], new: Sequence[Any], x: int, y: int) -> tuple[int, int] | None:
    """How many rows from old[x] went and from new[y] came before the next row both hold, looked for
    in windows that double; (rows left in old, rows left in new) when none is left; None when the
    first shared row seen from each side differs (the kept rows changed order)."""
    width = _FIRST_WINDOW
    while True:
        olds, news = old[x : x + width], new[y : y + width]
        old_ids = {id(r): i for i, r in reversed(list(enumerate(olds)))}  # the first of each
        j = next((j for j, r in enumerate(news) if id(r) in old_ids), None)
        if j is not None:
            new_ids = {id(r) for r in news}
            i = next(i for i, r in enumerate(olds) if id(r) in new_ids)
            return (i, j) if olds[i] is news[j] else None
        if x + width >= len(old) and y + width >= len(new):
            return len(old) - x, len(new) - y
        width *= 2


def position(shown: Sequence[int], row: int, precedes: Precedes) -> int | None:
    """Where `row` is in `shown` (sorted by `precedes`), by bisection; None if it is not there."""
    at = _bisect(shown, row, precedes)
    return at if at < len(shown) and shown[at] == row else None


def insert_sorted(order: list[int], row: int, precedes: Precedes) -> None:
    """Put `row` into `order` where `precedes` places it, by bisection."""
    order.insert(_bisect(order, row, precedes), row)


def _bisect(order: Sequence[int], row: int, precedes: Precedes) -> int:
    lo, hi = 0, len(order)
    while lo < hi:
        mid = (lo + hi) // 2
        if precedes(order[mid], row):
            lo = mid + 1
        else:
            hi = mid
    return lo


@dataclass(frozen=True)
class ShownSteps:
    """From the old shown list to the new, in the order they must be applied.

    `removals`: (first, last) runs of old positions to take out, from the bottom up; then
    `replacements`: (position now, position in the new list) of rows replaced where they stand (a row
    that went and a row that came between the same two kept rows); then `insertions`: (first, last)
    runs of positions in the new shown list, from the top down, to be filled from it.
    """

    removals: list[tuple[int, int]]
    replacements: list[tuple[int, int]]
    insertions: list[tuple[int, int]]


def shown_steps(removed: Sequence[int], inserted: Sequence[int]) -> ShownSteps:
    """The steps, given the old positions of the rows that went (ascending) and the new positions of
    the rows that came (ascending). Between two kept rows, a row that went and one that came pair up
    as a replacement, so a one-row change in place is a change of data, not a removal and insertion."""
    gone: dict[int, list[int]] = {}  # the kept rows before a position name its gap
    for rank, p in enumerate(removed):
        gone.setdefault(p - rank, []).append(p)
    came: dict[int, list[int]] = {}
    for rank, q in enumerate(inserted):
        came.setdefault(q - rank, []).append(q)
    paired_old: set[int] = set()
    paired_new: list[int] = []
    for gap, olds in gone.items():
        news = came.get(gap, [])
        n = min(len(olds), len(news))
        paired_old.update(olds[:n])
        paired_new += news[:n]
    paired_new.sort()
    to_remove = [p for p in removed if p not in paired_old]
    paired = set(paired_new)
    to_insert = [q for q in inserted if q not in paired]
    # Once the unpaired rows are out, a paired row sits where it will stay, less the rows yet to come
    # before it (the same count either way: the gaps before it are what they will be).
    replacements = [(q - bisect_left(to_insert, q), q) for q in paired_new]
    return ShownSteps(_runs(to_remove)[::-1], replacements, _runs(to_insert))


def _runs(ascending: Sequence[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for p in ascending:
        if runs and runs[-1][1] == p - 1:
            runs[-1] = (runs[-1][0], p)
        else:
            runs.append((p, p))
    return runs


def kept_objects(
    old: Iterable[T],
    new: Iterable[T],
    key: Callable[[T], Hashable],
    same: Callable[[T, T], bool] = operator.eq,
) -> list[T]:
    """`new`, each row that is `same` as the old row of its key given as that old object. A list
    rebuilt from a new workspace (a week's round, the panel's cases, the officers' loads) so keeps the
    rows that did not change, and a table updates only the others. One pass; for lists of hundreds,
    not the 100,000 rows of a caseload."""
    by_key = {key(r): r for r in old}
    return [o if (o := by_key.get(key(r))) is not None and same(o, r) else r for r in new]
