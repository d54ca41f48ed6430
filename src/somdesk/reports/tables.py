"""Queue and caseload figures as plain rows (dicts), for the command line and for CSV export."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict
from typing import Any

from somdesk.app.compute import Figures
from somdesk.domain.caseload import Load
from somdesk.domain.model import RiskLevel
from somdesk.domain.queues import QueueItem

__all__ = ["CASELOAD_VIEWS", "HEADINGS", "QUEUE_COLUMNS", "caseload_rows", "queue_rows"]

# A case is known by its ViSOR reference, the one people can look up; the record id stays inside somdesk.
QUEUE_COLUMNS = ["rank", "name", "visor_ref", "officer", "area", "risk", "kind", "due", "when", "why"]
# Each column's heading in a CSV file or a printed table (JSON keeps the keys, for programs).
HEADINGS = {
    "rank": "Rank",
    "name": "Name",
    "visor_ref": "ViSOR reference",
    "officer": "Officer",
    "area": "Area",
    "risk": "Risk",
    "kind": "What is due",
    "due": "Due date",
    "when": "When",
    "why": "Why",
    "place": "Place in the queue",
    "team": "Team",
    "soms": "SOMs",
    "rsos": "RSOs",
    "very_high": "Very high",
    "high": "High",
    "medium": "Medium",
    "low": "Low",
    "load": "Risk-weighted load",
    "ratio_to_target": "RSOs to target",
    "load_to_target": "Load to target",
    "rsos_per_som": "RSOs per SOM",
    "load_per_som": "Load per SOM",
    "overdue_visits": "Overdue visits",
    "arms_backlog": "ARMS backlog",
    "arms_breached": "ARMS deadlines missed",
    "year": "Year",
    "soms_needed": "SOMs needed",
    "shortfall": "Shortfall",
}
CASELOAD_VIEWS = ("team", "officer", "forecast")


def queue_rows(items: Sequence[QueueItem], officers: Mapping[str, str]) -> list[dict[str, Any]]:
    return [
        {
            "rank": rank,
            "name": i.name,
            "visor_ref": i.visor_ref,
            "officer": officers.get(i.officer_id or "", ""),
            "area": i.area,
            "risk": i.risk.label,
            "kind": i.kind,
            "due": i.due,
            "when": i.when,
            "why": i.reason,
            "place": i.place(rank),
        }
        for rank, i in enumerate(items, start=1)
    ]


def _by_risk(load: Load) -> dict[str, int]:
    return {level.key: load.by_risk[level] for level in reversed(RiskLevel)}


def caseload_rows(
    figures: Figures, teams: Mapping[str, str], by: str
) -> tuple[list[dict[str, Any]], list[str]]:
    """Rows and columns per team, per officer (SOMs) or for the forecast."""
    report = figures.caseload
    rows: list[dict[str, Any]]
    if by == "forecast":
        return [asdict(r) for r in figures.forecast], ["year", "rsos", "soms_needed", "shortfall"]
    if by == "officer":
        rows = [
            {
                "officer": o.officer.name,
                "team": teams.get(o.officer.team_id, ""),
                "rsos": o.load.rsos,
                **_by_risk(o.load),
                "load": o.load.weighted,
                "ratio_to_target": o.ratio_to_target,
                "load_to_target": o.load_to_target,
                "overdue_visits": o.load.overdue_visits,
                "arms_backlog": o.load.arms_backlog,
                "arms_breached": o.load.arms_breached,
            }
            for o in report.officers
            if o.officer.is_som
        ]
        return rows, list(rows[0]) if rows else ["officer"]
    if by != "team":
        raise ValueError(f"caseload by {by!r}: use one of {', '.join(CASELOAD_VIEWS)}")
    rows = [
        {
            "team": t.team.name,
            "soms": t.soms,
            "rsos": t.load.rsos,
            **_by_risk(t.load),
            "rsos_per_som": t.rsos_per_som,
            "load_per_som": t.load_per_som,
            "overdue_visits": t.load.overdue_visits,
            "arms_backlog": t.load.arms_backlog,
            "arms_breached": t.load.arms_breached,
        }
        for t in report.teams
    ]
    return rows, list(rows[0]) if rows else ["team"]
