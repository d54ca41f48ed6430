"""Band tables: the shape every scoring table in the instruments shares.

A table is an ordered list of bands, each with an inclusive upper bound except the last, which
takes everything above. `lookup(7)` returns the first band whose bound is at least 7.
Keeping the tables as data means a corrected table is a new instrument version, not a code change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Generic, TypeVar

from somdesk.domain.text import tr

__all__ = ["Band", "BandTable"]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Band(Generic[T]):
    upper: int | None  # inclusive; None for the last, open-ended band
    value: T


@dataclass(frozen=True, slots=True)
class BandTable(Generic[T]):
    bands: tuple[Band[T], ...]
    floor: int | None = None  # the least meaningful value (18 for an age), used only to describe bands

    def __post_init__(self) -> None:
        if not self.bands:
            raise ValueError("a band table needs at least one band")
        if self.bands[-1].upper is not None:
            raise ValueError("the last band must be open-ended (no upper bound)")
        uppers = [b.upper for b in self.bands[:-1]]
        if any(u is None for u in uppers):
            raise ValueError("only the last band may be open-ended")
        bounded = [u for u in uppers if u is not None]
        if any(later <= earlier for earlier, later in pairwise(bounded)):
            raise ValueError("band upper bounds must increase strictly")

    @classmethod
    def of(cls, pairs: Sequence[tuple[int | None, T]], floor: int | None = None) -> BandTable[T]:
        return cls(tuple(Band(upper, value) for upper, value in pairs), floor)

    def lookup(self, x: int) -> T:
        for band in self.bands:
            if band.upper is None or x <= band.upper:
                return band.value
        raise AssertionError("unreachable: the last band is open-ended")

    def describe(self, x: int) -> str:
        """The band `x` falls in, as a person reads it: "2", "3-4", "5+", "4 or fewer"."""
        lower = self.floor
        for band in self.bands:
            if band.upper is None or x <= band.upper:
                if band.upper is None:
                    return f"{lower}+" if lower is not None else tr("any")
                if lower is None:
                    return tr("{0} or fewer").format(band.upper)
                return str(lower) if lower == band.upper else f"{lower}-{band.upper}"
            lower = band.upper + 1
        raise AssertionError("unreachable: the last band is open-ended")

    def values(self) -> list[T]:
        return [b.value for b in self.bands]
