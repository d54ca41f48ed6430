"""The warrant application pack (SOA 2003 s.96B): what a senior officer takes to a magistrate after
entry for a risk assessment has been sought and refused, or no one answered, on at least two occasions
(DOMAIN.md §4): the person and the home address to be entered, the dates, officers and outcomes of the
attempts since they were last seen, the risk summary, the s.96B(4) check (not in custody, in hospital
or abroad, as the record holds) and the decisions recorded. Printed through the audited disclosure
path like the case summary (reports/service.py)."""

from __future__ import annotations

from datetime import date

from reportlab.lib import colors
from reportlab.platypus import Flowable, Table, TableStyle

from somdesk.app.session import RecordData
from somdesk.domain.dates import age_on
from somdesk.domain.warrants import ATTEMPTS_FOR_WARRANT, warrant_status
from somdesk.reports.labels import label, language_text
from somdesk.reports.language import counted, short_date, short_weekday_date_time, tr
from somdesk.reports.layout import FONT, GREY, Options, facts, grid, para

__all__ = ["SECTIONS", "warrant_pack_story"]

SECTIONS = (
    "The person and the address",
    "Attempts at entry since last seen",
    "Risk summary",
    "Section 96B(4) check",
    "Decisions recorded",
)


def _d(day: date | None) -> str:
    return short_date(day) if day else "—"


def _facts(rows: list[tuple[str, str]]) -> Table:
    table = facts(rows, [45, 135])
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
        f"{a.line1}, {a.town} {a.postcode}" if a else tr("No fixed abode recorded: no home address to enter")
    )
    story: list[Flowable] = [
        para(tr("Warrant application pack: Sexual Offences Act 2003 s.96B"), "title"),
        para(
            tr("{name} · ViSOR {visor} · PNC {pnc} · prepared {today}").format(
                name=n.display_name, visor=n.visor_ref, pnc=n.pnc_id, today=short_date(today)
            ),
            "subtitle",
        ),
        para(
            tr(
                "Entry to the home address for the purpose of assessing the risks the person poses has been "
                "sought on at least {0} occasions and refused, or no one answered "
                "(s.96B(2)(d)). This pack is drawn from the case record as it stands on the date above."
            ).format(ATTEMPTS_FOR_WARRANT),
            "body",
        ),
        para(tr("The person and the address"), "h2"),
        _facts(
            [
                (tr("Name"), n.display_name),
                (
                    tr("Date of birth"),
                    tr("{date} (aged {age})").format(
                        date=short_date(n.date_of_birth), age=age_on(n.date_of_birth, today)
                    ),
                ),
                (tr("ViSOR reference"), n.visor_ref),
                (tr("PNC ID"), n.pnc_id),
                (tr("Preferred language"), language_text(n.preferred_language)),
                (tr("Home address"), address),
                (tr("Managing officer"), officer),
                (
                    tr("Last seen at a visit"),
                    _d(case.last_seen_visit) if case.last_seen_visit else tr("Never seen"),
                ),
            ]
        ),
        para(tr("Attempts at entry since last seen"), "h2"),
    ]
    if w.attempts:
        rows = [
            (
                short_weekday_date_time(v.at),
                ", ".join(v.officers) or tr("not recorded"),
                label(v.outcome),
                tr("Yes") if v.announced else tr("No"),
                v.concerns or v.notes or "",
            )
            for v in w.attempts
        ]
        story.append(
            grid(
                (tr("Date and time"), tr("Officers"), tr("Outcome"), tr("Announced"), tr("Notes")),
                rows,
                (30, 36, 26, 24, 64),
            )
        )
        story.append(
            para(
                tr(
                    "{attempts} since the person was last seen; {pending} not yet covered by a decision."
                ).format(
                    attempts=counted(
                        len(w.attempts), tr("{0} unsuccessful attempt"), tr("{0} unsuccessful attempts")
                    ),
                    pending=counted(len(w.pending), tr("{0} attempt"), tr("{0} attempts")),
                ),
                "small",
            )
        )
    else:
        story.append(para(tr("No unsuccessful attempt recorded since the person was last seen."), "body"))

    rosh = data.rosh[0] if data.rosh else None
    latest_arms = data.arms[0] if data.arms else None
    risk = (
        tr("{risk}, since {since}").format(risk=label(s.risk), since=_d(n.risk_level_since))
        if s.risk_assessed
        else tr("{0} (not yet assessed)").format(label(s.risk))
    )
    story += [
        para(tr("Risk summary"), "h2"),
        _facts(
            [
                (tr("Managing risk level"), risk),
                (
                    tr("Risk of serious harm"),
                    f"{rosh.headline().removeprefix('RoSH: ').capitalize()} ({label(rosh.source)}, "
                    f"{_d(rosh.assessed_on)}): {rosh.detail()}"
                    if rosh
                    else tr("No RoSH assessment recorded"),
                ),
                (
                    tr("Latest ARMS"),
                    tr("{date}, priority {priority}").format(
                        date=_d(latest_arms.completed_on), priority=label(latest_arms.priority)
                    )
                    if latest_arms
                    else tr("No ARMS assessment recorded"),
                ),
                (
                    tr("MAPPA"),
                    tr("category {category}, level {level}").format(
                        category=n.mappa.category, level=n.mappa.level
                    ),
                ),
                (tr("Visits"), s.visit.basis),
            ]
        ),
        para(tr("Section 96B(4) check"), "h2"),
        para(
            w.bar
            or tr(
                "As the record holds on the date above, the person is not in custody or detained in "
                "hospital and no notified trip places them outside the United Kingdom."
            )
            + (tr(" Note: {0}.").format(w.note) if w.note else ""),
            "body",
        ),
        para(tr("Decisions recorded"), "h2"),
    ]
    if case.warrant_decisions:
        story.append(
            grid(
                (tr("Decided on"), tr("Decision"), tr("Decided by"), tr("Reason"), tr("Attempts")),
                [
                    (
                        _d(d.decided_on),
                        tr("Apply") if d.apply else tr("Not to apply"),
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
        story.append(para(tr("No warrant decision recorded yet."), "body"))
    return story
