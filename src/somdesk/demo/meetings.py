"""The demo's MAPPA meetings (issue 20): for each level 2 and 3 case with an address, the panel of its
area and level met on the case's last meeting date; the decision kept its level and set its next review
(as the case records them), with one to three actions, some done, some open and past due. Deterministic
from the seed, each panel from a generator of its own."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, time

from somdesk.demo.force import new_uuid
from somdesk.domain.dates import add_days
from somdesk.domain.meetings import ActionStatus, Meeting, PanelAction, PanelDecision
from somdesk.domain.model import Nominal

__all__ = ["panel_meetings"]

_AGENCIES = ("Police", "Probation", "Children's services", "Adult social care", "Housing", "Health")
_ACTIONS = (
    ("Police", "Joint home visit with the offender manager"),
    ("Probation", "Refer for the Horizon programme"),
    ("Children's services", "Strategy discussion about the children at the new address"),
    ("Housing", "Confirm the tenancy and who else lives there"),
    ("Police", "Check the devices named in the order"),
    ("Health", "Share the outcome of the mental health assessment"),
)
_OWNERS = ("Sam Synthwell", "Jo Fictor", "Alex Madeup", "Chris Notreal", "Pat Imagin")
_SUPERVISION = "Weekly reporting kept; home visits at least monthly, some unannounced."
_RATIONALE = (
    "Level {0} kept: the risk of serious harm is unchanged and the plan still needs the agencies together."
)
_VICTIM = "Victim liaison told of the exclusion zone; school informed through the safeguarding lead."


def panel_meetings(
    nominals: Iterable[Nominal], seed: int, today: date
) -> tuple[list[Meeting], list[tuple[str, PanelDecision | PanelAction]]]:
    """The meetings, and each case's decision and actions with its person's id."""
    panels: defaultdict[tuple[str, int, date], list[Nominal]] = defaultdict(list)
    for n in nominals:
        if n.mappa.level >= 2 and n.address is not None and n.mappa.last_meeting is not None:
            panels[(n.address.area, n.mappa.level, n.mappa.last_meeting)].append(n)
    meetings: list[Meeting] = []
    records: list[tuple[str, PanelDecision | PanelAction]] = []
    for (area, level, held_on), heard in sorted(panels.items()):
        rng = random.Random(f"{seed}:meeting:{area}:{level}:{held_on.isoformat()}")
        heard.sort(key=lambda n: n.visor_ref)
        invited = ("Police", "Probation", *rng.sample(_AGENCIES[2:], 2))
        attending = tuple(a for a in invited if a in ("Police", "Probation") or rng.random() < 0.7)
        venue = f"{area} police station, conference room"
        meeting = Meeting(
            area, level, held_on, time(10 if level == 2 else 14, 0), venue,
            f"DI {rng.choice(_OWNERS)}", invited, attending, tuple(n.id for n in heard), id=new_uuid(rng),
        )  # fmt: skip
        meetings.append(meeting)
        for n in heard:
            review = n.mappa.next_review
            if review is None or review <= held_on:  # a review the panel set after its meeting
                review = add_days(held_on, 56 if level == 3 else 112)
            decision = PanelDecision(
                meeting.id, level, _RATIONALE.format(level), review, supervision=_SUPERVISION,
                victim_safety=_VICTIM if rng.random() < 0.5 else "", held_on=held_on, id=new_uuid(rng),
            )  # fmt: skip
            records.append((n.id, decision))
            for agency, what in rng.sample(_ACTIONS, rng.randint(1, 3)):
                due = add_days(held_on, rng.choice((14, 28, 42)))
                done = due < today and rng.random() < 0.85  # most done by now; a few left overdue
                status = ActionStatus.DONE if done else ActionStatus.OPEN
                action = PanelAction(
                    meeting.id, what, agency, rng.choice(_OWNERS), due, status,
                    min(due, today) if done else None, id=new_uuid(rng),
                )  # fmt: skip
                records.append((n.id, action))
    return meetings, records
