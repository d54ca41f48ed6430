"""Risk Matrix 2000: the S (sexual), V (violence) and C (combined) scales (DOMAIN.md §2).

The tables come from a versioned `Rm2000Instrument` (policy data), so a corrected table is a new
version and old assessments keep theirs. An item that is not known stays unknown: the result is
then *provisional* and carries the range of categories the missing items could give. For any
priority decision the top of that range counts, so a provisional result is never treated as Low.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from somdesk.domain.bands import BandTable
from somdesk.domain.dates import age_on, nth_birthday
from somdesk.domain.model import Disposal, Nominal, Registration, RiskLevel, SentencingOccasion, Sex
from somdesk.domain.text import QT_TR_NOOP, tr
from somdesk.domain.words import counted

__all__ = [
    "AGGRAVATING_FACTORS",
    "COMBINED_TABLES",
    "LEGACY_COMBINED_TABLE",
    "Applicability",
    "CombinedTable",
    "Factor",
    "Item",
    "Rm2000Assessment",
    "Rm2000Inputs",
    "Rm2000Instrument",
    "Rm2000Result",
    "ScaleResult",
    "applicability",
    "combined_table",
    "commencement_of_risk",
    "inputs_from_record",
    "score",
]

# The four Step 2 aggravating factors (sourced): attribute name on Rm2000Inputs, wording.
AGGRAVATING_FACTORS: tuple[tuple[str, str], ...] = (
    ("male_victim", QT_TR_NOOP("any sexual offence against a male")),
    ("stranger_victim", QT_TR_NOOP("any sexual offence against a stranger")),
    ("non_contact", QT_TR_NOOP("any non-contact sexual offence")),
    ("never_married", QT_TR_NOOP("single (never married)")),
)


@dataclass(frozen=True, slots=True)
class CombinedTable:
    """One reading of the RM2000/C table: S and V categories to points, and the total to a category.

    Two readings are in circulation and neither is confirmed in the scoring guide (DOMAIN.md §2), so
    both ship (COMBINED_TABLES), the force policy names the one in force, and every assessment keeps
    the key of the one it was scored with.
    """

    key: str  # stored on every assessment scored with it: never change a shipped key
    name: str  # how a person reads it, on screen and in print
    points: tuple[tuple[RiskLevel, int], ...]
    categories: BandTable[RiskLevel]

    def points_for(self, level: RiskLevel) -> int:
        return dict(self.points)[level]


def _combined(
    key: str, name: str, points: tuple[int, int, int, int], uppers: tuple[int, int, int]
) -> CombinedTable:
    levels = (RiskLevel.LOW, RiskLevel.MEDIUM, RiskLevel.HIGH, RiskLevel.VERY_HIGH)
    bands = BandTable.of([*zip(uppers, levels[:3], strict=True), (None, levels[3])])
    return CombinedTable(key, name, tuple(zip(levels, points, strict=True)), bands)


# The instrument data for RM2000/C (DOMAIN.md §2), one owner: the policy names a key from here.
COMBINED_TABLES: tuple[CombinedTable, ...] = (
    _combined(
        "points-1-4",
        QT_TR_NOOP("C table with points 1-4 (2-3 Low, 4-5 Medium, 6-7 High, 8 Very High)"),
        (1, 2, 3, 4),
        (3, 5, 7),
    ),
    _combined(
        "points-0-3",
        QT_TR_NOOP("C table with points 0-3 (0 Low, 1-2 Medium, 3-4 High, 5-6 Very High)"),
        (0, 1, 2, 3),
        (0, 2, 4),
    ),
)
# The only table somdesk scored with before the choice existed: assessments stored then used it.
LEGACY_COMBINED_TABLE = COMBINED_TABLES[0].key


def combined_table(key: str) -> CombinedTable | None:
    return next((t for t in COMBINED_TABLES if t.key == key), None)


@dataclass(frozen=True, slots=True)
class Rm2000Instrument:
    version: str
    s_age: BandTable[int]
    s_sexual_appearances: BandTable[int]
    s_criminal_appearances: BandTable[int]
    s_categories: BandTable[RiskLevel]
    s_aggravating_raise: BandTable[int]  # number of aggravating factors -> levels raised
    v_age: BandTable[int]
    v_violent_appearances: BandTable[int]
    v_burglary_points: int
    v_categories: BandTable[RiskLevel]
    c_table: CombinedTable  # the reading of the C table in force (the policy names it)

    def scored_with(self, c_table_key: str) -> Rm2000Instrument:
        """This instrument with the C table an assessment was scored with (unknown key: unchanged)."""
        table = combined_table(c_table_key)
        return self if table is None or table == self.c_table else replace(self, c_table=table)


@dataclass(frozen=True, slots=True)
class Rm2000Inputs:
    """The scored items. None means not known."""

    age_at_commencement: int | None = None
    sexual_appearances: int | None = None
    criminal_appearances: int | None = None
    violent_appearances: int | None = None
    burglary: bool | None = None
    male_victim: bool | None = None
    stranger_victim: bool | None = None
    non_contact: bool | None = None
    never_married: bool | None = None


@dataclass(frozen=True, slots=True)
class Rm2000Assessment:
    """A completed RM2000 as recorded: the items entered and the categories they gave (None: unsettled)."""

    nominal_id: str
    completed_on: date
    assessor: str
    instrument_version: str
    inputs: Rm2000Inputs
    sexual: RiskLevel | None
    violent: RiskLevel | None
    combined: RiskLevel | None
    notes: str = ""
    # The key of the C table the categories were scored with (COMBINED_TABLES): kept when the
    # force's policy later names the other one.
    c_table: str = LEGACY_COMBINED_TABLE


@dataclass(frozen=True, slots=True)
class Item:
    """One scored item: what was entered, the band it fell in and the points it earned."""

    name: str
    value: int | bool | None
    band: str  # "18-24", "yes", "unknown"
    low_points: int  # equal to high_points when the item is known
    high_points: int

    @property
    def known(self) -> bool:
        return self.value is not None

    def explain(self) -> str:
        """In words, in the current language (the name and band stay English on the item)."""
        name = tr(self.name)
        if not self.known:
            return tr("{0}: unknown (would add {1}-{2} points)").format(
                name, self.low_points, self.high_points
            )
        shown = (
            (QT_TR_NOOP("yes") if self.value else QT_TR_NOOP("no"))
            if isinstance(self.value, bool)
            else str(self.value)
        )
        band = f" ({tr(self.band)})" if self.band and self.band != shown else ""
        return f"{name}: {tr(shown)}{band}: {_points(self.low_points)}"


@dataclass(frozen=True, slots=True)
class Factor:
    name: str
    present: bool | None


@dataclass(frozen=True, slots=True)
class ScaleResult:
    """One scale's category with everything that produced it."""

    scale: str  # "S", "V" or "C"
    lowest: RiskLevel
    highest: RiskLevel
    items: tuple[Item, ...]
    factors: tuple[Factor, ...] = ()
    steps: tuple[str, ...] = ()  # totals and raises, in the order they were applied
    inherited_unknown: tuple[str, ...] = ()  # for C: the unknown items of S and V

    @property
    def provisional(self) -> bool:
        return bool(self.unknown)

    @property
    def category(self) -> RiskLevel:
        """The category for any priority decision: the highest the unknown items allow."""
        return self.highest

    @property
    def unknown(self) -> tuple[str, ...]:
        own = tuple(i.name for i in self.items if not i.known)
        return own + tuple(f.name for f in self.factors if f.present is None) + self.inherited_unknown

    @property
    def summary(self) -> str:
        if not self.provisional:
            return tr(self.lowest.label)
        return tr("Provisional: {0}").format(_level_span(self.lowest, self.highest))

    def explain(self) -> list[str]:
        lines = [i.explain() for i in self.items]
        lines.extend(self.steps)
        lines.append(f"RM2000/{self.scale}: {self.summary}")
        if self.unknown:
            lines.append(tr("Unknown: {0}").format(", ".join(tr(name) for name in self.unknown)))
        return lines


@dataclass(frozen=True, slots=True)
class Applicability:
    applies: bool
    reason: str  # why not, or what could not be confirmed
    confirmed: bool = True  # False when a qualifying offence after 16 could not be confirmed


@dataclass(frozen=True, slots=True)
class Rm2000Result:
    instrument_version: str
    c_table: CombinedTable
    assessed_on: date
    applicability: Applicability
    s: ScaleResult | None
    v: ScaleResult | None
    c: ScaleResult | None

    @property
    def applicable(self) -> bool:
        return self.applicability.applies

    @property
    def provisional(self) -> bool:
        return any(r is not None and r.provisional for r in (self.s, self.v, self.c)) or (
            self.applicable and not self.applicability.confirmed
        )

    def explain(self) -> list[str]:
        if not self.applicable:
            return [tr("RM2000 not applicable: {0}").format(self.applicability.reason)]
        lines: list[str] = []
        if not self.applicability.confirmed:
            lines.append(tr("Provisional: {0}").format(self.applicability.reason))
        for result in (self.s, self.v, self.c):
            if result is not None:
                lines.extend(result.explain())
        lines.append(tr("Scored with the {0}").format(tr(self.c_table.name)))
        return lines


def applicability(
    sex: Sex, date_of_birth: date, assessed_on: date, occasions: Sequence[SentencingOccasion]
) -> Applicability:
    """RM2000 applies to males aged 18+ convicted of a sexual offence committed at 16 or over."""
    if sex is not Sex.MALE:
        return Applicability(False, tr("RM2000 is validated for males only"))
    age = age_on(date_of_birth, assessed_on)
    if age < 18:
        return Applicability(False, tr("aged {0} on the assessment date; RM2000 applies from 18").format(age))
    sexual = [o for o in occasions if o.sexual]
    if not sexual:
        return Applicability(False, tr("no conviction for a sexual offence is recorded"))
    sixteenth = nth_birthday(date_of_birth, 16)
    if any(o.offence_on is not None and o.offence_on >= sixteenth for o in sexual):
        return Applicability(True, "")
    if any(o.offence_on is None for o in sexual):
        return Applicability(
            True, tr("no sexual offence date confirms an offence at 16 or over"), confirmed=False
        )
    return Applicability(False, tr("every sexual offence was committed before age 16"))


def inputs_from_record(nominal: Nominal, commencement: date | None) -> Rm2000Inputs:
    """Count the items from the recorded sentencing occasions.

    Each occasion counts once however many offences were sentenced on it; cautions are recorded as
    occasions too. `commencement` is the date of release from custody or of the community sentence;
    None (for example, still in custody) leaves the age item unknown.
    """
    occasions = nominal.occasions
    sexual = [o for o in occasions if o.sexual]
    # Offences sentenced together count once: an appearance is a sentencing date, however many
    # records were entered for it.
    return Rm2000Inputs(
        age_at_commencement=age_on(nominal.date_of_birth, commencement) if commencement else None,
        sexual_appearances=len({o.sentenced_on for o in sexual}) if sexual else None,
        criminal_appearances=len({o.sentenced_on for o in occasions}) if occasions else None,
        violent_appearances=len({o.sentenced_on for o in occasions if o.violent}) if occasions else None,
        burglary=any(o.burglary for o in occasions) if occasions else None,
        male_victim=_any_of(o.male_victim for o in sexual),
        stranger_victim=_any_of(o.stranger_victim for o in sexual),
        non_contact=_any_of(o.non_contact for o in sexual),
        never_married=nominal.never_married,
    )


def commencement_of_risk(registration: Registration) -> date | None:
    """Release from custody, or the date of a non-custodial sentence; None while still in custody."""
    if registration.in_custody:
        return None
    if registration.released_on is not None:
        return registration.released_on
    custodial = (Disposal.IMPRISONMENT, Disposal.LIFE_OR_IPP, Disposal.HOSPITAL, Disposal.HOSPITAL_RESTRICTED)
    return None if registration.disposal in custodial else registration.relevant_date


def score(
    instrument: Rm2000Instrument, inputs: Rm2000Inputs, assessed_on: date, applies: Applicability
) -> Rm2000Result:
    if not applies.applies:
        return Rm2000Result(instrument.version, instrument.c_table, assessed_on, applies, None, None, None)
    s = _score_s(instrument, inputs)
    v = _score_v(instrument, inputs)
    c = _score_c(instrument.c_table, s, v)
    return Rm2000Result(instrument.version, instrument.c_table, assessed_on, applies, s, v, c)


def _score_s(inst: Rm2000Instrument, x: Rm2000Inputs) -> ScaleResult:
    items = (
        _count_item(QT_TR_NOOP("Age at commencement of risk"), x.age_at_commencement, inst.s_age),
        _count_item(QT_TR_NOOP("Sexual appearances"), x.sexual_appearances, inst.s_sexual_appearances),
        _count_item(QT_TR_NOOP("Criminal appearances"), x.criminal_appearances, inst.s_criminal_appearances),
    )
    low_total = sum(i.low_points for i in items)
    high_total = sum(i.high_points for i in items)
    base_low = inst.s_categories.lookup(low_total)
    base_high = inst.s_categories.lookup(high_total)

    factors = tuple(Factor(name, getattr(x, attr)) for attr, name in AGGRAVATING_FACTORS)
    present = [f.name for f in factors if f.present]
    unknown = sum(1 for f in factors if f.present is None)
    raise_low = inst.s_aggravating_raise.lookup(len(present))
    raise_high = inst.s_aggravating_raise.lookup(len(present) + unknown)

    steps = [
        tr("Step 1 total {0}: {1}").format(_span(low_total, high_total), _level_span(base_low, base_high))
    ]
    listed = ", ".join(tr(name) for name in present) if present else tr("none")
    step2 = (
        tr("Step 2 aggravating factors present: {0} ({1} of {2}, {3} unknown)").format(
            listed, len(present), len(factors), unknown
        )
        if unknown
        else tr("Step 2 aggravating factors present: {0} ({1} of {2})").format(
            listed, len(present), len(factors)
        )
    )
    levels = _span(raise_low, raise_high)
    step2 += (tr(": raise {0} level") if raise_high == 1 else tr(": raise {0} levels")).format(levels)
    steps.append(step2)
    lowest = _raise(base_low, raise_low)
    highest = _raise(base_high, raise_high)
    if raise_high and base_high + raise_high > RiskLevel.VERY_HIGH:
        steps.append(tr("Never above Very High"))
    return ScaleResult("S", lowest, highest, items, factors, tuple(steps))


def _score_v(inst: Rm2000Instrument, x: Rm2000Inputs) -> ScaleResult:
    burglary_points = inst.v_burglary_points
    burglary = Item(
        QT_TR_NOOP("Burglary conviction"),
        x.burglary,
        "unknown" if x.burglary is None else ("yes" if x.burglary else "no"),
        burglary_points if x.burglary else 0,
        0 if x.burglary is False else burglary_points,
    )
    items = (
        _count_item(QT_TR_NOOP("Age at commencement of risk"), x.age_at_commencement, inst.v_age),
        _count_item(
            QT_TR_NOOP("Violent (non-sexual) appearances"), x.violent_appearances, inst.v_violent_appearances
        ),
        burglary,
    )
    low_total = sum(i.low_points for i in items)
    high_total = sum(i.high_points for i in items)
    lowest = inst.v_categories.lookup(low_total)
    highest = inst.v_categories.lookup(high_total)
    steps = (tr("Total {0}: {1}").format(_span(low_total, high_total), _level_span(lowest, highest)),)
    return ScaleResult("V", lowest, highest, items, (), steps)


def _score_c(table: CombinedTable, s: ScaleResult, v: ScaleResult) -> ScaleResult:
    low_total = table.points_for(s.lowest) + table.points_for(v.lowest)
    high_total = table.points_for(s.highest) + table.points_for(v.highest)
    lowest = table.categories.lookup(low_total)
    highest = table.categories.lookup(high_total)
    steps = (
        tr("RM2000/S {0} and RM2000/V {1} give {2} points: {3}").format(
            _level_span(s.lowest, s.highest),
            _level_span(v.lowest, v.highest),
            _span(low_total, high_total),
            _level_span(lowest, highest),
        ),
    )
    # C has no items of its own: it is provisional exactly when S or V is.
    inherited = tuple(dict.fromkeys(s.unknown + v.unknown))
    return ScaleResult("C", lowest, highest, (), (), steps, inherited)


def _count_item(name: str, value: int | None, table: BandTable[int]) -> Item:
    if value is None:
        points = table.values()
        return Item(name, None, "unknown", min(points), max(points))
    if value < 0:
        raise ValueError(f"{name} cannot be negative: {value}")
    p = table.lookup(value)
    return Item(name, value, table.describe(value), p, p)


def _raise(level: RiskLevel, levels: int) -> RiskLevel:
    return RiskLevel(min(int(level) + levels, int(RiskLevel.VERY_HIGH)))


def _any_of(values: Iterable[bool | None]) -> bool | None:
    """True if any is True; False only if all are known False; otherwise unknown."""
    seen_unknown = False
    seen_any = False
    for v in values:
        seen_any = True
        if v:
            return True
        if v is None:
            seen_unknown = True
    if not seen_any or seen_unknown:
        return None
    return False


def _span(low: int, high: int) -> str:
    return str(low) if low == high else f"{low}-{high}"


def _level_span(low: RiskLevel, high: RiskLevel) -> str:
    return tr(low.label) if low == high else tr("{0} to {1}").format(tr(low.label), tr(high.label))


def _points(n: int) -> str:
    return counted(n, tr("point"))
