"""What each table shows: columns over domain rows (CaseStatus, QueueItem, TeamLoad). No Qt widgets."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date

from somdesk.domain.caseload import OfficerLoad, TeamLoad
from somdesk.domain.model import RiskLevel
from somdesk.domain.queues import QueueItem, place_in, timing
from somdesk.domain.status import CaseStatus
from somdesk.domain.visits import VisitState
from somdesk.domain.words import first_upper
from somdesk.ui.i18n import day, tr
from somdesk.ui.models import Column, position_column

__all__ = ["caseload_columns", "flags", "officer_columns", "queue_columns", "team_columns"]


def flags(s: CaseStatus) -> str:
    """Short warnings for a caseload row, most urgent first: missing or wanted before all."""
    out = []
    missing = s.case.missing
    if missing is not None:
        out.append(tr(missing.status.label))  # "Missing", "Wanted", "Whereabouts unknown"
    if s.arms.breached:
        out.append(tr("ARMS deadline missed"))
    elif s.arms.overdue:
        out.append(tr("ARMS overdue"))
    if s.visit.overdue:
        out.append(tr("Visit overdue"))
    if s.notification.overdue:
        out.append(tr("Notification overdue"))
    if s.notification.initial_deadline is not None:
        out.append(tr("Awaiting initial notification"))
    if s.child_with_access:
        out.append(tr("Child with access"))
    if s.order_ending is not None:
        out.append(tr("Order ending"))
    if s.panel_overdue:
        out.append(tr("Panel action overdue"))
    n = s.case.nominal
    if n.registration.in_custody:
        out.append(tr("In custody"))
    if s.visit.state is VisitState.REACTIVE:
        out.append(tr("Reactive management"))
    if n.no_fixed_abode:
        out.append(tr("No fixed abode"))
    return ", ".join(out)


def _risk_text(s: CaseStatus) -> str:
    return tr(s.risk.label) if s.risk_assessed else tr("{0} (not assessed)").format(tr(s.risk.label))


_NO_VISIT_DUE = {
    VisitState.REACTIVE: "Reactive: none routine",
    VisitState.IN_CUSTODY: "In custody",
    VisitState.ENDED: "Requirement ended",
}


def _visit_due(s: CaseStatus) -> object:
    return s.visit.due if s.visit.due is not None else tr(_NO_VISIT_DUE[s.visit.state])


def _next_notification(s: CaseStatus) -> object:
    """The notification owed next, as the queue lists it; in custody, the initial deadline as it stands."""
    n = s.notification
    return n.owed or n.initial_deadline or n.next_due


def _notification_timing(s: CaseStatus) -> str:
    """ "17 days overdue", as the notifications queue says it."""
    n = s.notification
    if n.days_left is not None:
        return timing(n.days_left)
    shown = _next_notification(s)
    return day(shown) if isinstance(shown, date) else ""


def caseload_columns(officers: Mapping[str, str]) -> list[Column[CaseStatus]]:
    def risk(s: CaseStatus) -> RiskLevel:
        return s.risk

    return [
        # Name, date of birth and ViSOR reference first: two people of the same name are told apart
        # at a glance, without scrolling sideways.
        Column(tr("Name"), lambda s: s.case.nominal.display_name),
        Column(tr("Born"), lambda s: s.case.nominal.date_of_birth),
        Column(tr("ViSOR ref"), lambda s: s.case.nominal.visor_ref),
        Column(tr("Risk"), _risk_text, risk=risk),
        Column(tr("MAPPA"), lambda s: tr("Level {0}").format(s.case.nominal.mappa.level)),
        Column(
            tr("Flags"),
            flags,
            alert=lambda s: s.visit.overdue or s.arms.overdue or s.notification.overdue,
        ),
        Column(
            tr("Next visit due"), _visit_due, tooltip=lambda s: s.visit.basis, alert=lambda s: s.visit.overdue
        ),
        Column(
            tr("ARMS due"),
            lambda s: s.arms.due,
            tooltip=lambda s: s.arms.trigger,
            alert=lambda s: s.arms.overdue,
        ),
        Column(
            tr("Next notification"),
            _next_notification,
            tooltip=_notification_timing,
            alert=lambda s: s.notification.overdue,  # the queue's rule, from the one status
        ),
        Column(tr("Last seen"), lambda s: s.case.last_seen_visit),
        Column(tr("Area"), lambda s: s.case.nominal.area),
        Column(tr("Officer"), lambda s: officers.get(s.case.nominal.officer_id or "", tr("Unallocated"))),
        Column(tr("PNC ID"), lambda s: s.case.nominal.pnc_id),
    ]


def queue_columns(queue: str, shown: Callable[[], Sequence[QueueItem]]) -> list[Column[QueueItem]]:
    """The queues' columns; the Not seen queue adds the days since last seen and the attempts made.
    `shown` gives the list the view shows, in queue order: "#" is an item's position in it."""

    def place(i: QueueItem) -> str:
        return place_in(shown(), i)

    def risk(i: QueueItem) -> RiskLevel:
        return i.risk

    own: list[Column[QueueItem]] = []
    if queue == "not_seen":
        own = [
            Column(tr("Days since seen"), lambda i: i.days_since),
            Column(tr("Attempts"), lambda i: i.attempts),
        ]
    return [
        # Numbered by place in the list shown (the queue's order), which a refresh keeps right.
        position_column("#", tooltip=place),
        Column(tr("Name"), lambda i: i.name),
        Column(tr("Risk"), lambda i: tr(i.risk.label), risk=risk),
        Column(tr("Tier"), lambda i: i.tier, tooltip=lambda i: f"{first_upper(i.tier_label)}\n\n{place(i)}"),
        Column(tr("What"), lambda i: i.kind),
        Column(tr("Due"), lambda i: i.due, alert=lambda i: i.overdue),
        Column(tr("When"), lambda i: i.when, alert=lambda i: i.overdue),
        Column(tr("Area"), lambda i: i.area),
        *own,
        Column(tr("Why it is here"), lambda i: i.reason, tooltip=lambda i: f"{i.reason}\n\n{place(i)}"),
    ]


def team_columns(target_load: float | None = None) -> list[Column[TeamLoad]]:
    return [
        Column(tr("Team"), lambda t: t.team.name),
        Column(tr("SOMs"), lambda t: t.soms),
        Column(tr("RSOs"), lambda t: t.load.rsos),
        Column(tr("Very high"), lambda t: t.load.by_risk[RiskLevel.VERY_HIGH]),
        Column(tr("High"), lambda t: t.load.by_risk[RiskLevel.HIGH]),
        Column(tr("Medium"), lambda t: t.load.by_risk[RiskLevel.MEDIUM]),
        Column(tr("Low"), lambda t: t.load.by_risk[RiskLevel.LOW]),
        Column(
            tr("RSOs per SOM"),
            lambda t: t.rsos_per_som,
            alert=lambda t: t.ratio_to_target is not None and t.ratio_to_target > 1,
        ),
        Column(
            tr("Load per SOM"),
            lambda t: t.load_per_som,
            alert=lambda t: target_load is not None and (t.load_per_som or 0) > target_load,
        ),
        Column(tr("Visits overdue"), lambda t: t.load.overdue_visits),
        Column(tr("ARMS backlog"), lambda t: t.load.arms_backlog),
        Column(tr("ARMS deadlines missed"), lambda t: t.load.arms_breached),
        Column(
            tr("Notifications overdue"),
            lambda t: t.load.overdue_notifications,
            alert=lambda t: t.load.overdue_notifications > 0,
        ),
        Column(tr("Breaches this year"), lambda t: t.load.breaches_this_year),
        Column(tr("Missing or wanted"), lambda t: t.load.missing + t.load.wanted),
    ]


def officer_columns(teams: Mapping[str, str]) -> list[Column[OfficerLoad]]:
    return [
        Column(tr("Officer"), lambda o: o.officer.name),
        Column(tr("Team"), lambda o: teams.get(o.officer.team_id, "")),
        Column(tr("RSOs"), lambda o: o.load.rsos, alert=lambda o: o.ratio_to_target > 1),
        Column(
            tr("% of target"), lambda o: round(100 * o.ratio_to_target), alert=lambda o: o.ratio_to_target > 1
        ),
        Column(tr("Load"), lambda o: o.load.weighted, alert=lambda o: o.load_to_target > 1),
        Column(
            tr("Load % of target"),
            lambda o: round(100 * o.load_to_target),
            alert=lambda o: o.load_to_target > 1,
        ),
        Column(tr("Very high"), lambda o: o.load.by_risk[RiskLevel.VERY_HIGH]),
        Column(tr("High"), lambda o: o.load.by_risk[RiskLevel.HIGH]),
        Column(tr("Visits overdue"), lambda o: o.load.overdue_visits),
        Column(tr("ARMS backlog"), lambda o: o.load.arms_backlog),
        Column(
            tr("ARMS deadlines missed"),
            lambda o: o.load.arms_breached,
            alert=lambda o: o.load.arms_breached > 0,
        ),
        Column(
            tr("Notifications overdue"),
            lambda o: o.load.overdue_notifications,
            alert=lambda o: o.load.overdue_notifications > 0,
        ),
        Column(tr("Breaches this year"), lambda o: o.load.breaches_this_year),
        Column(
            tr("Missing or wanted"),
            lambda o: o.load.missing + o.load.wanted,
            alert=lambda o: o.load.missing + o.load.wanted > 0,
        ),
    ]
