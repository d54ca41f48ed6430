"""Pre-visit checks (issue 21, DOMAIN.md §4): before a home visit the officer checks the intelligence
systems and the person's open-source and social media presence, from a checklist the force policy keeps
([pre_visit_checks] items). Each check is time-stamped and signed, made for a planned visit's day or for
the person generally; the items done are kept in their words, so it reads the same after the policy
changes."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from somdesk.domain.device_checks import ids_from_document

__all__ = ["PreVisitCheck", "pre_visit_from_values", "pre_visit_values"]


@dataclass(frozen=True, slots=True)
class PreVisitCheck:
    checked_at: datetime
    checked_by: str
    items: tuple[str, ...]  # the policy's items done, in their words
    visit_on: date | None = None  # the planned visit's day; None: a check for the person generally
    notes: str = ""
    id: str = field(default="", compare=False)


def pre_visit_values(c: PreVisitCheck) -> dict[str, Any]:
    return {
        "checked_at": c.checked_at,
        "checked_by": c.checked_by,
        "items": json.dumps(list(c.items)),
        "visit_on": c.visit_on,
        "notes": c.notes,
    }


def pre_visit_from_values(r: Mapping[str, Any], id: str = "") -> PreVisitCheck:
    at, on = r["checked_at"], r.get("visit_on")
    return PreVisitCheck(
        at if isinstance(at, datetime) else datetime.fromisoformat(str(at)),
        r.get("checked_by") or "",
        ids_from_document(json.loads(r.get("items") or "[]")),
        None if not on else on if isinstance(on, date) else date.fromisoformat(str(on)),
        r.get("notes") or "",
        id=id,
    )
