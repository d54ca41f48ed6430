"""The demo's Risk Matrix 2000 assessments (issue 20): most MAPPA level 2 and 3 cases RM2000 applies to
have one, scored from their recorded sentencing occasions with the force's instrument, so the pack's "No
Risk Matrix 2000 assessment recorded" flags the few that have none. Each person draws from a generator
of their own, so adding these leaves the rest of the demo as it was."""

from __future__ import annotations

import random
from collections.abc import Iterable
from datetime import date

from somdesk.domain.dates import add_days
from somdesk.domain.mappa import panel_case
from somdesk.domain.model import Nominal, RiskLevel
from somdesk.domain.rm2000 import (
    Rm2000Assessment,
    Rm2000Instrument,
    applicability,
    commencement_of_risk,
    inputs_from_record,
    score,
)

__all__ = ["WITHOUT_EVERY", "rm2000_records"]

WITHOUT_EVERY = 6  # one panel case in this many (in ViSOR order) has none: flagged in the pack
_ASSESSORS = ("DC Sam Synthwell", "DS Jo Fictor", "PC Alex Madeup", "DC Chris Notreal")


def rm2000_records(
    nominals: Iterable[Nominal], seed: int, today: date, instrument: Rm2000Instrument
) -> list[Rm2000Assessment]:
    """An assessment for most level 2 and 3 cases RM2000 applies to, completed in the last two years."""
    out: list[Rm2000Assessment] = []
    panel = sorted((n for n in nominals if panel_case(n.mappa)), key=lambda n: n.visor_ref)
    for i, n in enumerate(panel):
        if i % WITHOUT_EVERY == WITHOUT_EVERY - 1:
            continue
        rng = random.Random(f"{seed}:rm2000:{n.visor_ref}")
        completed = add_days(today, -rng.randint(20, 700))
        fits = applicability(n.sex, n.date_of_birth, completed, n.occasions)
        if not fits.applies:
            continue
        inputs = inputs_from_record(n, commencement_of_risk(n.registration))
        result = score(instrument, inputs, completed, fits)

        def settled(scale: str, result: object = result) -> RiskLevel | None:
            r = getattr(result, scale)
            return r.lowest if r is not None and r.lowest == r.highest else None

        out.append(
            Rm2000Assessment(
                n.id,
                completed,
                rng.choice(_ASSESSORS),
                instrument.version,
                inputs,
                settled("s"),
                settled("v"),
                settled("c"),
                "",
                instrument.c_table.key,
            )
        )
    return out
