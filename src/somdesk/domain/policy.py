"""The force policy: every rule DOMAIN.md marks uncertain [U] or ours [P], as typed settings.

`policy_from_mapping` validates a parsed TOML document. Each problem raises `PolicyError` with the
dotted key and what is wrong; unknown keys are refused too, since a misspelt key would otherwise
fall back to a default without anyone noticing. Reading the file lives outside the domain
(somdesk.domain.policy_text), which adds the file name and line.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import time
from typing import Any, TypeVar

from somdesk.domain.arms import ArmsFactor, ArmsInstrument, ArmsRules
from somdesk.domain.attachments import AttachmentLimits
from somdesk.domain.bands import BandTable
from somdesk.domain.device_checks import DeviceChecklists
from somdesk.domain.devices import OperatingSystem
from somdesk.domain.model import RiskLevel
from somdesk.domain.name_changes import COUNTED_FROM, NameChangeRules, NameChangeStep
from somdesk.domain.notification import NotificationRules
from somdesk.domain.rm2000 import COMBINED_TABLES, CombinedTable, Rm2000Instrument, combined_table
from somdesk.domain.rounds import RoundRules
from somdesk.domain.visit_variety import VarietyRules
from somdesk.domain.visits import VisitRules

__all__ = [
    "AGREEMENT_CHOICES",
    "DEFAULT_ROUND_RULES",
    "ROUTING_KINDS",
    "CaseloadRules",
    "MappaRules",
    "OversightRules",
    "Policy",
    "PolicyError",
    "RiskLevelRules",
    "SecurityRules",
    "SyncRules",
    "WhereaboutsRules",
    "policy_from_mapping",
]

T = TypeVar("T")


class PolicyError(ValueError):
    """A policy document that cannot be used: `key` is dotted (visits.interval_months.high)."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(f"{key}: {message}" if key else message)
        self.key = key
        self.message = message


@dataclass(frozen=True, slots=True)
class CaseloadRules:
    target_ratio: int  # RSOs per SOM
    target_load: float  # risk-weighted units per SOM
    load_weights: dict[RiskLevel, float]
    growth_rate: float  # a year, as a fraction (0.0829)
    forecast_years: int


@dataclass(frozen=True, slots=True)
class MappaRules:
    review_weeks: dict[int, int]  # level -> weeks between reviews


@dataclass(frozen=True, slots=True)
class SecurityRules:
    idle_lock_minutes: int
    passphrase_only_allowed: bool  # when no secure keychain exists
    justification_required: bool  # DPA 2018 s.62 consultation/disclosure justification
    # The central store flags (never refuses) audit entries whose device time is further than this
    # from what it can know: ahead of their arrival, or behind the device's previous entries.
    audit_clock_tolerance_minutes: int = 15


# When a change of managing risk level needs a supervisor's agreement as well as its reason.
AGREEMENT_CHOICES = ("never", "lowering", "always")


@dataclass(frozen=True, slots=True)
class RiskLevelRules:
    supervisor_agreement: str = "never"  # one of AGREEMENT_CHOICES; DOMAIN.md is silent, so off

    def needs_agreement(self, before: RiskLevel | None, after: RiskLevel) -> bool:
        """A supervisor must agree to this change (a first level, from none, counts as no lowering)."""
        if self.supervisor_agreement == "always":
            return before != after
        return self.supervisor_agreement == "lowering" and before is not None and after < before


@dataclass(frozen=True, slots=True)
class WhereaboutsRules:
    review_days: int = 7  # an open whereabouts episode is reviewed this often from circulation [P]


@dataclass(frozen=True, slots=True)
class OversightRules:
    """The oversight board and its forecasts (DOMAIN.md §8) [P]."""

    population: int | None = None  # the force area's population, for RSOs per 100,000; None: not set
    national_growth_rate: float = 0.025  # England and Wales, 2023-24 (68,357 to 70,052)
    creedon_growth_rate: float = 0.06  # the Creedon review (2023): 3-8% a year, about 6% on average
    lookback_months: int = 6  # lone and announced visits, and the ARMS completed a month, over this
    # The month the reporting year starts (MAPPA annual reports run 1 April to 31 March): the annual
    # figures count breaches found in the reporting year to date.
    year_starts_month: int = 4


@dataclass(frozen=True, slots=True)
class SyncRules:
    """How long the central store keeps what only sync needs ([sync]) [P]."""

    # Stored mutation results (a replay answered, not applied twice) and departures (a case leaving a
    # device's scope) are kept this long, then purged. A device whose cursor is older than the oldest
    # purged departure resyncs in full (prioritised), so nothing is missed, only re-downloaded.
    retention_days: int = 90


# What a policy written before rounds existed (issue 23) plans with: the shipped file's [rounds].
DEFAULT_ROUND_RULES = RoundRules(
    road_factor=1.3,
    speed_kmh={"urban": 25.0, "rural": 50.0},
    area_types={},
    default_area_type="urban",
    visit_minutes={RiskLevel.VERY_HIGH: 60, RiskLevel.HIGH: 50, RiskLevel.MEDIUM: 40, RiskLevel.LOW: 30},
    day_start=time(9),
    day_end=time(17),
    evening_start=time(17),
    evening_end=time(21),
    working_days=(0, 1, 2, 3, 4),
    routing_url="",
)

ROUTING_KINDS = ("osrm", "valhalla")
_WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True, slots=True)
class Policy:
    name: str
    version: int
    unassessed_risk: RiskLevel  # how an RSO with no risk level yet is treated for priority
    visits: VisitRules
    arms: ArmsRules
    notifications: NotificationRules
    caseload: CaseloadRules
    mappa: MappaRules
    security: SecurityRules
    marking: str  # protective marking on every printed page
    rm2000: Rm2000Instrument
    arms_instrument: ArmsInstrument
    risk_level: RiskLevelRules = RiskLevelRules()
    whereabouts: WhereaboutsRules = WhereaboutsRules()
    name_changes: NameChangeRules = field(default_factory=NameChangeRules)
    oversight: OversightRules = OversightRules()
    device_checks: DeviceChecklists = field(default_factory=DeviceChecklists)
    pre_visit_checks: tuple[str, ...] = ()  # [pre_visit_checks] items, in order
    attachments: AttachmentLimits = field(default_factory=AttachmentLimits)
    rounds: RoundRules = field(default_factory=lambda: DEFAULT_ROUND_RULES)
    sync: SyncRules = SyncRules()


class _Table:
    """A walk over one TOML table that remembers where it is and which keys it used."""

    def __init__(self, data: Mapping[str, Any], path: str) -> None:
        self.data = data
        self.path = path
        self.used: set[str] = set()

    def key(self, name: str) -> str:
        return f"{self.path}.{name}" if self.path else name

    def raw(self, name: str) -> Any:
        self.used.add(name)
        if name not in self.data:
            near = difflib.get_close_matches(name, [k for k in self.data if k not in self.used], n=1)
            raise PolicyError(
                self.key(name), f"missing (is '{near[0]}' a misspelling?)" if near else "missing"
            )
        return self.data[name]

    def table(self, name: str) -> _Table:
        value = self.raw(name)
        if not isinstance(value, Mapping):
            raise PolicyError(self.key(name), f"must be a table, got {_show(value)}")
        return _Table(value, self.key(name))

    def tables(self, name: str) -> list[_Table]:
        value = self.raw(name)
        if not isinstance(value, list) or not value or not all(isinstance(v, Mapping) for v in value):
            raise PolicyError(self.key(name), f"must be a non-empty array of tables, got {_show(value)}")
        return [_Table(v, f"{self.key(name)}[{i}]") for i, v in enumerate(value)]

    def integer(self, name: str, low: int, high: int) -> int:
        value = self.raw(name)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise PolicyError(
                self.key(name), f"must be a whole number from {low} to {high}, got {_show(value)}"
            )
        return value

    def number(self, name: str, low: float, high: float) -> float:
        value = self.raw(name)
        if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
            raise PolicyError(
                self.key(name), f"must be a number from {low:g} to {high:g}, got {_show(value)}"
            )
        return float(value)

    def boolean(self, name: str) -> bool:
        value = self.raw(name)
        if not isinstance(value, bool):
            raise PolicyError(self.key(name), f"must be true or false, got {_show(value)}")
        return value

    def text(self, name: str, max_length: int = 200) -> str:
        value = self.raw(name)
        if not isinstance(value, str) or not value.strip() or len(value) > max_length:
            raise PolicyError(
                self.key(name), f"must be text of 1 to {max_length} characters, got {_show(value)}"
            )
        return value

    def risk_level(self, name: str) -> RiskLevel:
        value = self.text(name)
        try:
            return RiskLevel.from_key(value)
        except KeyError:
            raise PolicyError(self.key(name), f"must be one of {_RISK_KEYS}, got {_show(value)}") from None

    def by_risk(self, name: str, read: Callable[[_Table, str], T]) -> dict[RiskLevel, T]:
        sub = self.table(name)
        result = {level: read(sub, level.key) for level in RiskLevel}
        sub.done()
        return result

    def done(self) -> None:
        unknown = sorted(set(self.data) - self.used)
        if unknown:
            raise PolicyError(self.key(unknown[0]), "unknown setting (misspelt, or not used by this version)")


_RISK_KEYS = ", ".join(level.key for level in RiskLevel)


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _band_table(
    t: _Table, name: str, read_value: Callable[[_Table, str], T], value_key: str, floor: int | None = None
) -> BandTable[T]:
    pairs: list[tuple[int | None, T]] = []
    rows = t.tables(name)
    for i, row in enumerate(rows):
        last = i == len(rows) - 1
        if last and "max" in row.data:
            raise PolicyError(row.key("max"), "the last band takes everything above: leave out max")
        upper = None if last else row.integer("max", 0, 1000)
        if pairs and upper is not None and pairs[-1][0] is not None and upper <= pairs[-1][0]:
            raise PolicyError(row.key("max"), f"must be above the previous band's max ({pairs[-1][0]})")
        pairs.append((upper, read_value(row, value_key)))
        row.done()
    return BandTable.of(pairs, floor)


def _points(row: _Table, key: str) -> int:
    return row.integer(key, 0, 20)


def _category(row: _Table, key: str) -> RiskLevel:
    return row.risk_level(key)


def _rm2000(t: _Table) -> Rm2000Instrument:
    s, v, c = t.table("s"), t.table("v"), t.table("c")
    instrument = Rm2000Instrument(
        version=t.text("version"),
        s_age=_band_table(s, "age", _points, "points", floor=18),
        s_sexual_appearances=_band_table(s, "sexual_appearances", _points, "points", floor=1),
        s_criminal_appearances=_band_table(s, "criminal_appearances", _points, "points", floor=1),
        s_categories=_band_table(s, "categories", _category, "category", floor=0),
        s_aggravating_raise=_band_table(
            s, "aggravating_raise", lambda r, k: r.integer(k, 0, 3), "levels", floor=0
        ),
        v_age=_band_table(v, "age", _points, "points", floor=18),
        v_violent_appearances=_band_table(v, "violent_appearances", _points, "points", floor=0),
        v_burglary_points=v.integer("burglary_points", 0, 20),
        v_categories=_band_table(v, "categories", _category, "category", floor=0),
        c_table=_c_table(c),
    )
    for sub in (s, v, c):
        sub.done()
    t.done()
    return instrument


_C_KEYS = ", ".join(t.key for t in COMBINED_TABLES)


def _c_table(c: _Table) -> CombinedTable:
    """The RM2000/C table in force: named by its key among the shipped tables (instrument data)."""
    if "table" in c.data:
        key = c.text("table", 40)
        table = combined_table(key)
        if table is None:
            raise PolicyError(c.key("table"), f"must be one of {_C_KEYS}, got {_show(key)}")
        return table
    # A policy written before the choice existed spells the table out: accepted when it is one of
    # the shipped tables, so an older file (or one a central store holds) keeps working.
    if "points" not in c.data and "categories" not in c.data:
        c.raw("table")  # says which key is missing
    points = c.by_risk("points", lambda tb, k: tb.integer(k, 0, 20))
    categories = _band_table(c, "categories", _category, "category")
    for table in COMBINED_TABLES:
        if dict(table.points) == points and table.categories.bands == categories.bands:
            return table
    raise PolicyError(
        c.key("points"),
        f"these points and categories are neither RM2000/C table somdesk ships; name one with "
        f"table = one of {_C_KEYS}",
    )


def _arms_instrument(t: _Table) -> ArmsInstrument:
    version = t.text("version")
    ratings: list[tuple[str, str]] = []
    for row in t.tables("ratings"):
        ratings.append((row.text("key", 40), row.text("label", 80)))
        row.done()
    if len(ratings) < 2:
        raise PolicyError(t.key("ratings"), "needs at least two ratings, least present first")
    factors: list[ArmsFactor] = []
    for row in t.tables("factors"):
        kind = row.text("kind", 20)
        if kind not in ("risk", "protective"):
            raise PolicyError(row.key("kind"), f"must be 'risk' or 'protective', got {_show(kind)}")
        factors.append(ArmsFactor(row.text("key", 40), row.text("name", 80), kind))
        row.done()
    for what, keys in (("rating", [k for k, _ in ratings]), ("factor", [f.key for f in factors])):
        dupes = sorted({k for k in keys if keys.count(k) > 1})
        if dupes:
            raise PolicyError(t.key(what + "s"), f"{what} key '{dupes[0]}' appears twice")
    t.done()
    return ArmsInstrument(version, tuple(factors), tuple(ratings))


def _risk_level(root: _Table) -> RiskLevelRules:
    # Added after version 1 of the file: a force's older file (or the policy its central store
    # holds) has no [risk_level] table, and keeps working with the default (no agreement needed).
    if "risk_level" not in root.data:
        return RiskLevelRules()
    t = root.table("risk_level")
    agreement = t.text("supervisor_agreement", 20)
    if agreement not in AGREEMENT_CHOICES:
        raise PolicyError(
            t.key("supervisor_agreement"),
            f"must be one of {', '.join(AGREEMENT_CHOICES)}, got {_show(agreement)}",
        )
    t.done()
    return RiskLevelRules(agreement)


def _whereabouts(root: _Table) -> WhereaboutsRules:
    # Added after version 1 of the file: an older file keeps the default cadence.
    if "whereabouts" not in root.data:
        return WhereaboutsRules()
    t = root.table("whereabouts")
    rules = WhereaboutsRules(t.integer("review_days", 1, 365))
    t.done()
    return rules


def _name_changes(root: _Table) -> NameChangeRules:
    # Added after version 1 of the file: an older file keeps the default steps.
    if "name_changes" not in root.data:
        return NameChangeRules()
    t = root.table("name_changes")
    steps: list[NameChangeStep] = []
    for row in t.tables("steps"):
        name = row.text("name", 100).strip()
        days = row.integer("days", 0, 365)
        counted_from = row.text("from", 20) if "from" in row.data else "previous"
        if counted_from not in COUNTED_FROM:
            raise PolicyError(
                row.key("from"), f"must be one of {', '.join(COUNTED_FROM)}, got {_show(counted_from)}"
            )
        decision = row.boolean("decision") if "decision" in row.data else False
        if any(s.name == name for s in steps):
            raise PolicyError(row.key("name"), f"step '{name}' appears twice")
        if decision and any(s.decision for s in steps):
            raise PolicyError(row.key("decision"), "only one step records the police decision")
        steps.append(NameChangeStep(name, days, counted_from, decision))
        row.done()
    t.done()
    return NameChangeRules(tuple(steps))


def _oversight(root: _Table) -> OversightRules:
    # Added after version 1 of the file: an older file keeps the defaults (no population).
    if "oversight" not in root.data:
        return OversightRules()
    t = root.table("oversight")
    d = OversightRules()
    rules = OversightRules(
        population=t.integer("population", 1, 100_000_000) if "population" in t.data else None,
        national_growth_rate=t.number("national_growth_rate", -0.5, 1.0)
        if "national_growth_rate" in t.data
        else d.national_growth_rate,
        creedon_growth_rate=t.number("creedon_growth_rate", -0.5, 1.0)
        if "creedon_growth_rate" in t.data
        else d.creedon_growth_rate,
        lookback_months=t.integer("lookback_months", 1, 36)
        if "lookback_months" in t.data
        else d.lookback_months,
        year_starts_month=t.integer("year_starts_month", 1, 12)
        if "year_starts_month" in t.data
        else d.year_starts_month,
    )
    t.done()
    return rules


def _device_checks(root: _Table) -> DeviceChecklists:
    # Added with device checks (issue 21): an older file has no checklists.
    if "device_checks" not in root.data:
        return DeviceChecklists()
    t = root.table("device_checks")
    systems = {s.value: s for s in OperatingSystem}
    by_system: dict[OperatingSystem, tuple[str, ...]] = {}
    for key in t.data:
        if key not in systems:
            raise PolicyError(
                t.key(key), f"not an operating system: use one of {', '.join(systems)}, got {_show(key)}"
            )
        items = t.raw(key)
        if (
            not isinstance(items, list)
            or not items
            or not all(isinstance(i, str) and i.strip() and len(i) <= 300 for i in items)
        ):
            raise PolicyError(
                t.key(key),
                f"must be a non-empty list of checks (text of 1 to 300 characters), got {_show(items)}",
            )
        if len(set(items)) != len(items):
            raise PolicyError(t.key(key), "lists a check twice")
        by_system[systems[key]] = tuple(i.strip() for i in items)
    t.done()
    return DeviceChecklists(by_system)


def _pre_visit_checks(root: _Table) -> tuple[str, ...]:
    # Added with pre-visit checks (issue 21): an older file has none.
    if "pre_visit_checks" not in root.data:
        return ()
    t = root.table("pre_visit_checks")
    items = t.raw("items")
    if not isinstance(items, list) or not items or not all(isinstance(i, str) and i.strip() for i in items):
        raise PolicyError(t.key("items"), f"must be a non-empty list of checks, got {_show(items)}")
    if any(len(i) > 300 for i in items) or len(set(items)) != len(items):
        raise PolicyError(t.key("items"), "each check at most 300 characters, and listed once")
    t.done()
    return tuple(i.strip() for i in items)


def _attachments(root: _Table) -> AttachmentLimits:
    # Added with photographs and documents (issue 22): an older file keeps the defaults.
    if "attachments" not in root.data:
        return AttachmentLimits()
    t = root.table("attachments")
    d = AttachmentLimits()
    mib = 1024 * 1024

    def read(name: str, low: int, high: int, default: int) -> int:
        return t.integer(name, low, high) if name in t.data else default

    limits = AttachmentLimits(
        max_bytes=read("max_file_mb", 1, 200, d.max_bytes // mib) * mib,
        max_pixels=read("max_megapixels", 1, 200, d.max_pixels // 1_000_000) * 1_000_000,
        thumbnail_px=read("thumbnail_px", 64, 1024, d.thumbnail_px),
        full_cache_bytes=read("full_cache_mb", 10, 100_000, d.full_cache_bytes // mib) * mib,
        chunk_bytes=read("chunk_kb", 16, 4096, d.chunk_bytes // 1024) * 1024,
    )
    t.done()
    return limits


def _sync(root: _Table) -> SyncRules:
    # Added with bounded tables (issue 25): an older file keeps the default.
    if "sync" not in root.data:
        return SyncRules()
    t = root.table("sync")
    rules = SyncRules(
        retention_days=t.integer("retention_days", 14, 3650) if "retention_days" in t.data else 90
    )
    t.done()
    return rules


def _clock(t: _Table, name: str, default: time) -> time:
    if name not in t.data:
        return default  # optional, so force policies written before it still load
    text = t.text(name, 5)
    hours, _, minutes = text.partition(":")
    if len(text) == 5 and hours.isdigit() and minutes.isdigit() and int(hours) < 24 and int(minutes) < 60:
        return time(int(hours), int(minutes))
    raise PolicyError(t.key(name), f"must be a time of day as HH:MM, got {_show(text)}")


def _variety(v: _Table) -> VarietyRules:
    """Parts of the day (morning until afternoon_from, evening from evening_from) and how many latest
    visits are checked for variety."""
    rules = VarietyRules(
        _clock(v, "afternoon_from", time(12)),
        _clock(v, "evening_from", time(17)),
        v.integer("variety_last", 2, 20) if "variety_last" in v.data else 4,
    )
    if rules.evening_from <= rules.afternoon_from:
        raise PolicyError(v.key("evening_from"), "must be later than afternoon_from")
    return rules


def _required_clock(t: _Table, name: str) -> time:
    t.raw(name)  # says it is missing
    return _clock(t, name, time(0))


_BASE_POSTCODE = re.compile(r"[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}")


def _round_bases(t: _Table) -> dict[str, str]:
    """[rounds] bases: policing area -> the postcode its teams start from, written as a postcode."""
    if "bases" not in t.data:
        return {}
    table = t.table("bases")
    out = {}
    for area in table.data:
        postcode = " ".join(table.text(area, 10).upper().split())
        if not _BASE_POSTCODE.fullmatch(postcode):
            raise PolicyError(table.key(area), f"must be a postcode such as ZZ1 0AA, got {_show(postcode)}")
        out[area] = postcode
    table.done()
    return out


# Public map tile services a force must not name in `[rounds] tile_url` (the tiles asked for show where
# officers look). Not a complete list: the admin guide says only the force's own server may be named.
PUBLIC_TILE_HOSTS = (
    "openstreetmap.org",
    "openstreetmap.fr",
    "opentopomap.org",
    "google.com",
    "googleapis.com",
    "mapbox.com",
    "arcgisonline.com",
    "arcgis.com",
    "stadiamaps.com",
    "thunderforest.com",
    "cartocdn.com",
    "basemaps.cartocdn",
    "here.com",
    "maptiler.com",
    "bing.com",
    "virtualearth.net",
    "os.uk",
)


def _server_address(t: _Table, key: str, holding: tuple[str, ...] = ()) -> str:
    """An http(s) address of the force's own server on one line ("" when left out or empty), holding
    each of `holding` (a tile address's {z}, {x} and {y})."""
    url = t.raw(key) if key in t.data else ""
    if (
        not isinstance(url, str)
        or len(url) > 300
        or any(ord(c) < 33 or c == "\x7f" for c in url)
        or (url and not url.startswith(("http://", "https://")))
        or (url and not all(part in url for part in holding))
    ):
        wanted = " holding " + ", ".join(holding[:-1]) + " and " + holding[-1] if holding else ""
        raise PolicyError(
            t.key(key), f"must be empty or an http:// or https:// address{wanted}, got {_show(url)}"
        )
    return url


def _host(url: str) -> str:
    """The host an address names, in lower case ("" for none)."""
    rest = url.split("://", 1)[-1] if url else ""
    return rest.split("/", 1)[0].split("@")[-1].split(":", 1)[0].lower()


def _rounds(root: _Table) -> RoundRules:
    # Added with rounds (issue 23): an older file plans with the shipped defaults.
    if "rounds" not in root.data:
        return DEFAULT_ROUND_RULES
    t = root.table("rounds")
    road_factor = t.number("road_factor", 1.0, 3.0)
    speeds = t.table("speed_kmh")
    if not speeds.data:
        raise PolicyError(t.key("speed_kmh"), "must name at least one area type and its speed")
    speed_kmh: dict[str, float] = {}
    for kind in speeds.data:
        if not isinstance(kind, str) or not kind.strip() or len(kind) > 40:
            raise PolicyError(speeds.key(str(kind)), "an area type is a name of 1 to 40 characters")
        speed_kmh[kind] = speeds.number(kind, 1, 130)
    speeds.done()
    default_type = t.text("default_area_type", 40)
    if default_type not in speed_kmh:
        raise PolicyError(
            t.key("default_area_type"),
            f"must be an area type given a speed in speed_kmh ({', '.join(speed_kmh)}), "
            f"got {_show(default_type)}",
        )
    areas = t.table("area_types")
    area_types: dict[str, str] = {}
    for area in areas.data:
        kind = areas.text(area, 40)
        if kind not in speed_kmh:
            raise PolicyError(
                areas.key(area),
                f"must be an area type given a speed in speed_kmh ({', '.join(speed_kmh)}), "
                f"got {_show(kind)}",
            )
        area_types[area] = kind
    areas.done()
    visit_minutes = t.by_risk("visit_minutes", lambda tb, k: tb.integer(k, 5, 480))
    day_start, day_end = _required_clock(t, "day_start"), _required_clock(t, "day_end")
    if day_end <= day_start:
        raise PolicyError(t.key("day_end"), f"must be later than day_start ({day_start:%H:%M})")
    evening_start = _required_clock(t, "evening_start")
    evening_end = _required_clock(t, "evening_end")
    if evening_end <= evening_start:
        raise PolicyError(t.key("evening_end"), f"must be later than evening_start ({evening_start:%H:%M})")
    if evening_start < day_start:
        raise PolicyError(t.key("evening_start"), f"must not be earlier than day_start ({day_start:%H:%M})")
    days = t.raw("working_days")
    if (
        not isinstance(days, list)
        or not days
        or not all(isinstance(d, str) and d in _WEEKDAY_KEYS for d in days)
        or len(set(days)) != len(days)
    ):
        raise PolicyError(
            t.key("working_days"),
            f"must list weekdays once each, from {', '.join(_WEEKDAY_KEYS)}, got {_show(days)}",
        )
    url = _server_address(t, "routing_url")
    kind = t.text("routing_kind", 20) if "routing_kind" in t.data else "osrm"
    if kind not in ROUTING_KINDS:
        raise PolicyError(
            t.key("routing_kind"), f"must be one of {', '.join(ROUTING_KINDS)}, got {_show(kind)}"
        )
    timeout = t.number("routing_timeout_seconds", 0.1, 60) if "routing_timeout_seconds" in t.data else 3.0
    bases = _round_bases(t)
    boundaries = t.raw("boundaries") if "boundaries" in t.data else ""
    if (
        not isinstance(boundaries, str)
        or len(boundaries) > 300
        or any(ord(c) < 32 or ord(c) == 127 for c in boundaries)  # one line, no control characters
    ):
        raise PolicyError(
            t.key("boundaries"),
            f"must be empty or a file name on one line of at most 300 characters, got {_show(boundaries)}",
        )
    tiles = _server_address(t, "tile_url", holding=("{z}", "{x}", "{y}"))
    if _host(tiles) and any(_host(tiles) == h or _host(tiles).endswith("." + h) for h in PUBLIC_TILE_HOSTS):
        raise PolicyError(
            t.key("tile_url"),
            f"names a public tile service ({_show(tiles)}): only the force's own server may be named, as "
            "the tiles asked for show where officers are looking",
        )
    t.done()
    return RoundRules(
        road_factor=road_factor,
        speed_kmh=speed_kmh,
        area_types=area_types,
        default_area_type=default_type,
        visit_minutes=visit_minutes,
        day_start=day_start,
        day_end=day_end,
        evening_start=evening_start,
        evening_end=evening_end,
        working_days=tuple(sorted(_WEEKDAY_KEYS.index(d) for d in days)),
        routing_url=url,
        routing_kind=kind,
        routing_timeout_seconds=timeout,
        bases=bases,
        boundaries=boundaries,
        tile_url=tiles,
    )


def policy_from_mapping(data: Mapping[str, Any]) -> Policy:
    root = _Table(data, "")
    meta = root.table("policy")
    name, version = meta.text("name"), meta.integer("version", 1, 1_000_000)
    unassessed = meta.risk_level("unassessed_risk")
    meta.done()

    v = root.table("visits")
    visits = VisitRules(
        interval_months=v.by_risk("interval_months", lambda tb, k: tb.integer(k, 1, 60)),
        first_visit_days=v.integer("first_visit_days", 1, 365),
        due_soon_days=v.integer("due_soon_days", 0, 90),
        reactive_enabled=v.boolean("reactive_enabled"),
        reactive_low_years=v.integer("reactive_low_years", 1, 20),
        # Optional, so force policies written before it still load with the default.
        breach_recent_days=v.integer("breach_recent_days", 0, 3650) if "breach_recent_days" in v.data else 90,
        not_seen_margin_days=(
            v.integer("not_seen_margin_days", 0, 365) if "not_seen_margin_days" in v.data else 28
        ),
        lone_exceptions=v.boolean("lone_exceptions") if "lone_exceptions" in v.data else True,
        variety=_variety(v),
    )
    v.done()

    a = root.table("arms")
    arms = ArmsRules(
        deadline_weeks=a.integer("deadline_weeks", 1, 52),
        review_months=a.integer("review_months", 1, 60),
        change_review_weeks=a.integer("change_review_weeks", 1, 52),
        new_registrations=a.boolean("new_registrations"),
        due_soon_days=a.integer("due_soon_days", 0, 90),
    )
    arms_instrument = _arms_instrument(a.table("instrument"))
    a.done()

    n = root.table("notifications")
    notifications = NotificationRules(
        due_soon_days=n.integer("due_soon_days", 0, 90),
        review_window_days=n.integer("review_window_days", 0, 730),
        further_review_years=n.integer("further_review_years", 1, 30),
        short_notice_hours=n.integer("short_notice_hours", 0, 168),
        discharge_halved_under_18=n.boolean("discharge_halved_under_18"),
        # Optional, so force policies written before it still load with the reading of the Act.
        dto_counts_half=n.boolean("dto_counts_half") if "dto_counts_half" in n.data else True,
    )
    n.done()

    c = root.table("caseload")
    caseload = CaseloadRules(
        target_ratio=c.integer("target_ratio", 1, 500),
        target_load=c.number("target_load", 1, 5000),
        load_weights=c.by_risk("load_weights", lambda tb, k: tb.number(k, 0, 100)),
        growth_rate=c.number("growth_rate", -0.5, 1.0),
        forecast_years=c.integer("forecast_years", 1, 25),
    )
    c.done()

    m = root.table("mappa")
    weeks = m.table("review_weeks")
    mappa = MappaRules({2: weeks.integer("level_2", 1, 104), 3: weeks.integer("level_3", 1, 104)})
    weeks.done()
    m.done()

    sec = root.table("security")
    security = SecurityRules(
        idle_lock_minutes=sec.integer("idle_lock_minutes", 1, 240),
        passphrase_only_allowed=sec.boolean("passphrase_only_allowed"),
        justification_required=sec.boolean("justification_required"),
        # Optional, so force policies written before it still load.
        audit_clock_tolerance_minutes=sec.integer("audit_clock_tolerance_minutes", 1, 1440)
        if "audit_clock_tolerance_minutes" in sec.data
        else 15,
    )
    sec.done()

    marking_table = root.table("marking")
    marking = marking_table.text("text", 60)
    marking_table.done()

    rm2000 = _rm2000(root.table("rm2000"))
    risk_level = _risk_level(root)
    whereabouts = _whereabouts(root)
    name_changes = _name_changes(root)
    oversight = _oversight(root)
    device_checks = _device_checks(root)
    pre_visit_checks = _pre_visit_checks(root)
    attachments = _attachments(root)
    rounds = _rounds(root)
    sync = _sync(root)
    root.done()
    return Policy(
        name,
        version,
        unassessed,
        visits,
        arms,
        notifications,
        caseload,
        mappa,
        security,
        marking,
        rm2000,
        arms_instrument,
        risk_level,
        whereabouts,
        name_changes,
        oversight,
        device_checks,
        pre_visit_checks,
        attachments,
        rounds,
        sync,
    )
