"""The warrant application pack (SOA 2003 s.96B): what a senior officer takes to a magistrate after
entry for a risk assessment has been sought and refused, or no one answered, on at least two occasions
(DOMAIN.md §4): the person and the home address to be entered, the dates, officers and outcomes of the
attempts since they were last seen, the risk summary, the s.96B(4) check (not in custody, in hospital
or abroad, as the record holds) and the decisions recorded. Printed through the audited disclosure
path like the case summary (reports/service.py)."""

from __future__ import annotations

from datetime import date

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from somdesk.app.session import RecordData
from somdesk.domain.dates import age_on
from somdesk.domain.model import language_words
from somdesk.domain.warrants import ATTEMPTS_FOR_WARRANT, warrant_status
from somdesk.domain.words import counted
from somdesk.reports.layout import FONT, GREY, Options, grid, para

__all__ = ["SECTIONS", "warrant_pack_story"]

SECTIONS = (
    "The person and the address",
    "Attempts at entry since last seen",
    "Risk summary",
    "Section 96B(4) check",
    "Decisions recorded",
)


def _d(day: date | None) -> str:
    return f"{day:%d %b %Y}" if day else "—"


def _facts(rows: list[tuple[str, str]]) -> Table:
    table = Table([[para(k, "cell_bold"), para(v)] for k, v in rows], colWidths=[45 * mm, 135 * mm])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), FONT),  # else Helvetica is referenced, not embedded
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#d0d4d9")),
                ("TEXTCOLOR", (0, 0), (0, -1), GREY),
            ]
        )
    )
    return table


def warrant_pack_story(data: RecordData, officer: str, today: date, options: Options) -> list[Flowable]:
    s = data.status
    case = s.case
    n = case.nominal
    w = warrant_status(n, case.attempts, case.warrant_decisions, today)
    a = n.address
    address = (
        f"{a.line1}, {a.town} {a.postcode}" if a else "No fixed abode recorded: no home address to enter"
    )
    story: list[Flowable] = [
        para("Warrant application pack: Sexual Offences Act 2003 s.96B", "title"),
        para(
            f"{n.display_name} · ViSOR {n.visor_ref} · PNC {n.pnc_id} · prepared {today:%d %b %Y}", "subtitle"
        ),
        para(
            "Entry to the home address for the purpose of assessing the risks the person poses has been "
            f"sought on at least {ATTEMPTS_FOR_WARRANT} occasions and refused, or no one answered "
            "(s.96B(2)(d)). This pack is drawn from the case record as it stands on the date above.",
            "body",
        ),
        para(SECTIONS[0], "h2"),
        _facts(
            [
                ("Name", n.display_name),
                ("Date of birth", f"{n.date_of_birth:%d %b %Y} (aged {age_on(n.date_of_birth, today)})"),
                ("ViSOR reference", n.visor_ref),
                ("PNC ID", n.pnc_id),
                ("Preferred language", language_words(n.preferred_language)),
                ("Home address", address),
                ("Managing officer", officer),
                ("Last seen at a visit", _d(case.last_seen_visit) if case.last_seen_visit else "Never seen"),
            ]
        ),
        para(SECTIONS[1], "h2"),
    ]
    if w.attempts:
        rows = [
            (
                f"{v.at:%a %d %b %Y %H:%M}",
                ", ".join(v.officers) or "not recorded",
                v.outcome.label,
                "Yes" if v.announced else "No",
                v.concerns or v.notes or "",
            )
            for v in w.attempts
        ]
        story.append(
            grid(("Date and time", "Officers", "Outcome", "Announced", "Notes"), rows, (30, 36, 26, 24, 64))
        )
        story.append(
            para(
                f"{counted(len(w.attempts), 'unsuccessful attempt')} since the person was last seen; "
                f"{counted(len(w.pending), 'attempt')} not yet covered by a decision.",
                "small",
            )
        )
    else:
        story.append(para("No unsuccessful attempt recorded since the person was last seen.", "body"))

    rosh = data.rosh[0] if data.rosh else None
    latest_arms = data.arms[0] if data.arms else None
    risk = (
        f"{s.risk.label}, since {_d(n.risk_level_since)}"
        if s.risk_assessed
        else f"{s.risk.label} (not yet assessed)"
    )
    story += [
        para(SECTIONS[2], "h2"),
        _facts(
            [
                ("Managing risk level", risk),
                (
                    "Risk of serious harm",
                    f"{rosh.headline().removeprefix('RoSH: ').capitalize()} ({rosh.source.label}, "
                    f"{_d(rosh.assessed_on)}): {rosh.detail()}"
                    if rosh
                    else "No RoSH assessment recorded",
                ),
                (
                    "Latest ARMS",
                    f"{_d(latest_arms.completed_on)}, priority {latest_arms.priority.label}"
                    if latest_arms
                    else "No ARMS assessment recorded",
                ),
                ("MAPPA", f"category {n.mappa.category}, level {n.mappa.level}"),
                ("Visits", s.visit.basis),
            ]
        ),
        para(SECTIONS[3], "h2"),
        para(
            w.bar
            or (
                "As the record holds on the date above, the person is not in custody or detained in "
                "hospital and no notified trip places them outside the United Kingdom."
            )
            + (f" Note: {w.note}." if w.note else ""),
            "body",
        ),
        para(SECTIONS[4], "h2"),
    ]
    if case.warrant_decisions:
        story.append(
            grid(
                ("Decided on", "Decision", "Decided by", "Reason", "Attempts"),
                [
                    (
                        _d(d.decided_on),
                        "Apply" if d.apply else "Not to apply",
                        d.decided_by,
                        d.reason,
                        str(len(d.attempts)),
                    )
                    for d in sorted(case.warrant_decisions, key=lambda d: (d.decided_on, d.id))
                ],
                (24, 20, 34, 80, 22),
            )
        )
    else:
        story.append(para("No warrant decision recorded yet.", "body"))
    return story
