"""The MAPPA case summary for one RSO (DOMAIN.md §6): everything a panel needs, properly marked.

Redacted content is never put into the story, so it cannot be in the file. Free text (offences, visit
concerns, reasons for short notice of travel, the risk management plan) is printed as written unless the
user changed it for this copy: `free_texts` lists it for them to check first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from somdesk.app.attachment_work import PrintedPhoto
from somdesk.app.session import RecordData
from somdesk.domain.arms import probation_oasys_due
from somdesk.domain.dates import age_on
from somdesk.domain.details import NameKind
from somdesk.domain.mappa import PLAN_HEADINGS, mappa_review_due
from somdesk.domain.meetings import EARLIER_NOTES, earlier_notes, open_actions
from somdesk.domain.model import ForeignTrip
from somdesk.domain.notification import (
    WHILE_IN_CUSTODY,
    describe_travel_notice,
    moved_words,
    notification_status,
    review_basis,
)
from somdesk.domain.policy import Policy
from somdesk.domain.rm2000 import applicability, score
from somdesk.domain.terms import sentence_words
from somdesk.domain.whereabouts import describe_review
from somdesk.reports.contacts_section import contact_free_texts, contacts_story
from somdesk.reports.details_section import details_story
from somdesk.reports.devices_section import device_free_texts, devices_story
from somdesk.reports.labels import label, language_text, text
from somdesk.reports.language import counted, domain_word, short_date, short_date_time, tr
from somdesk.reports.layout import (
    FONT,
    GREY,
    Options,
    facts,
    grid,
    para,
    redactions_listed,
    withheld,
    withheld_by,
)
from somdesk.reports.name_changes_section import name_changes_story
from somdesk.reports.orders_section import orders_story
from somdesk.reports.photo_section import photo_story

__all__ = ["SECTIONS", "FreeText", "case_summary_story", "free_texts"]

# The section headings every summary carries, in order (tests look for each).
SECTIONS = (
    "Identity",
    "MAPPA",
    "Offending",
    "Notification",
    "Risk assessment",
    "Visits",
    "Risk management plan",
    "Decisions and actions",
)
RECENT_VISITS = 10  # the visits a summary lists


@dataclass(frozen=True)
class FreeText:
    """One free text a document prints as written: `key` names it in Options.edits."""

    key: str
    case: str  # whose record it is in
    what: str  # where it prints, e.g. "Risk management plan: Supervision"
    text: str


def _key(data: RecordData, *parts: str) -> str:
    return "/".join((data.nominal_id, *parts))


def _record_free_texts(data: RecordData, redact: Sequence[str]) -> list[FreeText]:
    """In the order the summary prints them; empty ones are left out (nothing to check)."""
    n = data.status.case.nominal
    found: list[tuple[str, str, str]] = [
        (
            _key(data, "offence", str(i)),
            (tr("Index offence") if o.index else tr("Previous offence, {0}").format(_d(o.sentenced_on))),
            o.description,
        )
        for i, o in enumerate(n.occasions)
    ]
    if n.intelligence_on is not None:
        found.append(
            (_key(data, "intelligence"), tr("Intelligence that they may offend"), n.intelligence_note)
        )
    found += [
        (
            _key(data, "visit", str(i), "concerns"),
            tr("Visit on {0}: concerns").format(short_date_time(v.at)),
            v.concerns,
        )
        for i, v in enumerate(data.visits[:RECENT_VISITS])
    ]
    found += [
        (
            _key(data, "trip", str(i), "reason"),
            tr("Trip abroad on {0}: reason for short notice").format(_d(t.departs_on)),
            t.short_notice_reason,
        )
        for i, t in enumerate(_trips(data))
    ]
    for i, b in enumerate(data.breaches):
        found += [
            (
                _key(data, "breach", str(i), "details"),
                tr("Breach found {0}: details").format(_d(b.found_on)),
                b.details,
            ),
            (
                _key(data, "breach", str(i), "outcome"),
                tr("Breach found {0}: outcome").format(_d(b.found_on)),
                b.outcome,
            ),
        ]
    found += contact_free_texts(data.nominal_id, data.contacts)
    found += device_free_texts(data.nominal_id, data.devices)
    found += [
        (
            _key(data, "plan", key),
            tr("Risk management plan: {0}").format(text(heading)),
            getattr(data.plan, key),
        )
        for key, heading in PLAN_HEADINGS
        if not withheld_by(key, redact)
    ]
    notes = earlier_notes(data.plan.actions, data.decisions)
    found.append((_key(data, "plan", "actions"), text(EARLIER_NOTES), notes))
    return [FreeText(key, n.display_name, what, text) for key, what, text in found if text.strip()]


def free_texts(records: Sequence[RecordData], redact: Sequence[str]) -> list[FreeText]:
    """Every free text a case summary (one record) or panel pack (several) prints as written, in order."""
    if "free-text" in redact:
        return []  # all of it left out: nothing to check
    return [item for data in records for item in _record_free_texts(data, redact)]


def _trips(data: RecordData) -> list[ForeignTrip]:
    """The person's trips abroad as the record lists them: latest departure first."""
    return sorted(data.status.case.nominal.trips, key=lambda t: t.departs_on, reverse=True)


def _breaches(data: RecordData, options: Options) -> list[Flowable]:
    """The breaches, latest found first, with the action and outcome; details and outcome are free
    text, printed as this copy prints them."""
    out: list[Flowable] = [para(tr("Breaches"), "h3")]
    if not data.breaches:
        return [*out, para(tr("No breaches recorded."), "body")]
    rows = []
    for i, b in enumerate(data.breaches):
        details = options.written(_key(data, "breach", str(i), "details"), b.details)
        outcome = options.written(_key(data, "breach", str(i), "outcome"), b.outcome)
        rows.append(
            [
                _d(b.found_on),
                f"{label(b.kind)}: {details}" if details else label(b.kind),
                b.found_by,
                label(b.action),
                (f"{outcome} ({_d(b.outcome_on)})" if b.outcome_on else outcome)
                if outcome
                else tr("none yet"),
            ]
        )
    header = [tr("Found"), tr("What was breached"), tr("Found by"), tr("Action"), tr("Outcome")]
    return [*out, grid(header, rows, [22, 62, 30, 26, 40])]


def _whereabouts(data: RecordData, today: date, review_days: int) -> list[Flowable]:
    """Whereabouts unknown, missing or wanted: every episode, latest circulated first, an open one
    with its days elapsed and its review (when the next falls, or since when it is overdue)."""
    out: list[Flowable] = [para(tr("Missing and wanted"), "h3")]
    if not data.whereabouts:
        return [*out, para(tr("Never recorded missing or wanted."), "body")]
    rows = [
        [
            label(w.status),
            _d(w.circulated_on),
            w.reference,
            _d(w.resolved_on)
            if w.resolved_on
            else tr("open ({0})").format(counted(w.days(today), tr("{0} day"), tr("{0} days"))),
            describe_review(w, today, review_days) if w.open else "",
        ]
        for w in data.whereabouts
    ]
    alerts = {i for i, w in enumerate(data.whereabouts) if w.open}
    return [
        *out,
        grid(
            [tr("Status"), tr("Circulated"), tr("Reference"), tr("Found or resolved"), tr("Review")],
            rows,
            [32, 24, 36, 30, 58],
            alerts,
        ),
    ]


def _aliases(data: RecordData, today: date) -> list[str]:
    """The names the person is known by besides their own, as the panel reads them at a glance: the
    record's aliases and every other name recorded that is still in use (the whole history is below)."""
    names = list(data.status.case.nominal.aliases)
    for recorded in data.names:
        in_use = recorded.to_on is None or recorded.to_on >= today
        if in_use and recorded.kind is not NameKind.PREVIOUS and recorded.name not in names:
            names.append(recorded.name)
    return names


def _capital(words: str) -> str:
    return words[:1].upper() + words[1:]


def _d(value: date | None) -> str:
    return short_date(value) if value else "—"


def _facts(rows: list[tuple[str, str]]) -> Table:
    table = facts(rows, [45, 135])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), FONT),  # else Helvetica is referenced, not embedded
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#d0d4d9")),
                ("TEXTCOLOR", (0, 0), (0, -1), GREY),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def case_summary_story(
    data: RecordData,
    officer: str,
    today: date,
    policy: Policy,
    options: Options,
    photo: PrintedPhoto | None = None,
) -> list[Flowable]:
    """`photo`: the current face photograph (Session.face_photo); None prints that none is held."""
    s = data.status
    n = s.case.nominal
    reg = n.registration
    no_addresses, no_victims = options.leaves_out("addresses"), options.leaves_out("victims")
    story: list[Flowable] = [
        para(tr("MAPPA case summary"), "title"),
        para(
            tr("{name} · ViSOR {visor} · PNC {pnc} · prepared {today}").format(
                name=n.display_name, visor=n.visor_ref, pnc=n.pnc_id, today=short_date(today)
            ),
            "subtitle",
        ),
    ]
    if options.redact:
        left_out = redactions_listed(options.redact)
        story.append(para(tr("Redacted copy: {0} left out of this document.").format(left_out), "small"))
    edited = sum(1 for key in options.edits if key.startswith(_key(data, "")))
    if edited:
        story.append(
            para(tr("{0} free-text entries were left out or changed for this copy.").format(edited), "small")
        )

    a = n.address
    address = (
        withheld() if no_addresses else (f"{a.line1}, {a.town} {a.postcode}" if a else tr("No fixed abode"))
    )
    story += [
        para(tr("Identity"), "h2"),
        *photo_story(photo, options),
        _facts(
            [
                (tr("Name"), n.display_name),
                (tr("Aliases"), ", ".join(_aliases(data, today)) or tr("None recorded")),
                (
                    tr("Date of birth"),
                    tr("{date} (aged {age})").format(
                        date=short_date(n.date_of_birth), age=age_on(n.date_of_birth, today)
                    ),
                ),
                (tr("ViSOR reference"), n.visor_ref),
                (tr("PNC ID"), n.pnc_id),
                (tr("Preferred language"), language_text(n.preferred_language)),
                (tr("Address"), address),
                (tr("Managing officer"), officer),
            ]
        ),
    ]

    m = n.mappa
    review = mappa_review_due(m, policy.mappa.review_weeks)
    story += [
        para(tr("MAPPA"), "h2"),
        _facts(
            [
                (
                    tr("Category and level"),
                    tr("Category {category}, level {level}").format(category=m.category, level=m.level),
                ),
                (tr("Lead agency"), m.lead_agency),
                (tr("Last meeting"), _d(m.last_meeting)),
                (tr("Next review"), _d(review) if review else tr("To be set by the panel")),
            ]
        ),
    ]

    index_at = next((i for i, o in enumerate(n.occasions) if o.index), None)
    index = n.occasions[index_at] if index_at is not None else None
    previous = [(i, o) for i, o in enumerate(n.occasions) if i != index_at]
    sentence = sentence_words(reg)
    story += [
        para(tr("Offending"), "h2"),
        _facts(
            [
                (
                    tr("Index offence"),
                    options.written(_key(data, "offence", str(index_at)), index.description)
                    if index
                    else tr("Not recorded"),
                ),
                (tr("Sentenced"), f"{_d(index.sentenced_on if index else reg.relevant_date)}: {sentence}"),
                (tr("Relevant date"), _d(reg.relevant_date)),
                (
                    tr("Released"),
                    _d(reg.released_on) if reg.released_on else (tr("In custody") if reg.in_custody else "—"),
                ),
            ]
        ),
        para(tr("Previous related offences"), "h3"),
    ]
    if previous:
        header = [tr("Sentenced"), tr("Offence"), tr("Sexual"), tr("Violent")] + (
            [] if no_victims else [tr("Victim")]
        )
        widths = [25, 95, 18, 18] + ([] if no_victims else [24])
        rows = []
        for i, o in previous:
            row = [
                _d(o.sentenced_on),
                options.written(_key(data, "offence", str(i)), o.description),
                tr("Yes") if o.sexual else tr("No"),
                tr("Yes") if o.violent else tr("No"),
            ]
            if not no_victims:
                victim = [
                    w
                    for w, flag in ((tr("male"), o.male_victim), (tr("stranger"), o.stranger_victim))
                    if flag
                ]
                row.append(", ".join(victim) or "—")
            rows.append(row)
        story.append(grid(header, rows, widths))
    else:
        story.append(para(tr("None recorded."), "body"))

    ns = notification_status(n, today, policy.notifications)
    indefinite_review: list[tuple[str, str]] = []
    if ns.review_barred_by is not None:
        indefinite_review.append((tr("Indefinite requirement review"), ns.review_barred_text))
    if ns.review_qualifying is not None:
        basis = review_basis(reg, policy.notifications.further_review_years)
        when = _d(ns.review_qualifying) + (f" ({basis})" if basis else "")
        indefinite_review.append((tr("Indefinite requirement reviewable from"), when))
    story += [
        para(tr("Notification"), "h2"),
        _facts(
            [
                *(
                    [(tr("Counted term"), f"{ns.counted_term.term}: {ns.counted_term.reason}")]
                    if ns.counted_term
                    else []
                ),
                (tr("Notification period"), f"{ns.period.label}: {ns.period.reason}"),
                (
                    tr("Last day of the notification period"),
                    tr("None: indefinite")
                    if ns.period.indefinite
                    else (_d(ns.last_day) if ns.last_day else tr("None while the order has effect"))
                    + (f" ({ns.held_by_order_text})" if ns.held_by_order_text else ""),
                ),
                (
                    tr("Initial notification"),
                    _d(reg.registered_on)
                    if reg.registered_on
                    else tr("Due by {0}").format(_d(ns.initial_deadline))
                    if ns.initial_deadline
                    else _capital(text(WHILE_IN_CUSTODY))
                    if ns.in_custody
                    else "—",
                ),
                (tr("Latest notification"), _d(reg.last_notification)),
                *indefinite_review,
                (
                    tr("Next notification due"),
                    tr("None: the requirement ends first")
                    if ns.ends_before_next
                    else tr("None: the requirement has ended")
                    if ns.ended
                    else _capital(text(WHILE_IN_CUSTODY))
                    if ns.in_custody
                    else _d(ns.next_due)
                    + (tr(" (weekly: no fixed abode)") if ns.weekly else "")
                    + (f" ({moved_words(ns)})" if ns.moved_by_absence else ""),
                ),
            ]
        ),
    ]

    trips = _trips(data)
    story.append(para(tr("Foreign travel"), "h3"))
    if trips:
        # The notice in the record's words; a reason for short notice is free text, printed as this
        # copy prints it (as written, changed, or left out).
        printed = [
            replace(
                t,
                short_notice_reason=options.written(
                    _key(data, "trip", str(i), "reason"), t.short_notice_reason
                ),
            )
            for i, t in enumerate(trips)
        ]
        story.append(
            grid(
                [tr("Departs"), tr("Destination"), tr("Returns"), tr("Notice")],
                [
                    [
                        _d(t.departs_on),
                        t.destination,
                        _d(t.returns_on) if t.returns_on else tr("not known"),
                        describe_travel_notice(t, policy.notifications),
                    ]
                    for t in printed
                ],
                [24, 38, 24, 94],
            )
        )
    else:
        story.append(para(tr("No trips abroad recorded."), "body"))

    story += orders_story(n, today, no_addresses)
    story += details_story(data.details, data.names, n.aliases, today, options)
    story += name_changes_story(data.name_changes, policy.name_changes, today)
    story += _breaches(data, options)
    story += _whereabouts(data, today, policy.whereabouts.review_days)
    story += contacts_story(data.nominal_id, data.contacts, today, options)
    story += devices_story(data.nominal_id, data.devices, options)

    story.append(para(tr("Risk assessment"), "h2"))
    risk = label(s.risk) + (
        "" if s.risk_assessed else tr(" (not yet assessed: treated at the policy's level)")
    )
    rosh = data.rosh[0] if data.rosh else None
    story.append(
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
            ]
        )
    )
    if data.rm2000:
        rm = data.rm2000[0]
        # Explained with the tables it was scored with, not the ones the policy names today.
        instrument = policy.rm2000.scored_with(rm.c_table)
        result = score(
            instrument,
            rm.inputs,
            rm.completed_on,
            applicability(n.sex, n.date_of_birth, rm.completed_on, n.occasions),
        )

        def level(value: object) -> str:
            return label(value) if hasattr(value, "label") else tr("not settled")

        story += [
            para(
                tr("Risk Matrix 2000, {date}, by {assessor} ({version}, {table})").format(
                    date=_d(rm.completed_on),
                    assessor=rm.assessor,
                    version=rm.instrument_version,
                    table=domain_word(instrument.c_table.name),
                ),
                "h3",
            ),
            _facts(
                [
                    (tr("Sexual (S)"), level(rm.sexual)),
                    (tr("Violent (V)"), level(rm.violent)),
                    (tr("Combined (C)"), level(rm.combined)),
                ]
            ),
            para(tr("How the categories were reached: {0}").format(" · ".join(result.explain())), "small"),
        ]
    else:
        story.append(para(tr("No Risk Matrix 2000 assessment is recorded."), "body"))
    if data.arms:
        arms = data.arms[0]
        names = {f.key: f.name for f in policy.arms_instrument.factors}
        labels = dict(policy.arms_instrument.ratings)
        story += [
            para(
                tr("ARMS, {date}, by {assessor}: priority {priority}").format(
                    date=_d(arms.completed_on), assessor=arms.assessor, priority=label(arms.priority)
                ),
                "h3",
            ),
            grid(
                [tr("Factor"), tr("Rating")],
                [[names.get(k, k), labels.get(v, v)] for k, v in arms.ratings],
                [110, 70],
            ),
        ]
    else:
        story.append(para(tr("No ARMS assessment is recorded."), "body"))
    story.append(
        para(
            tr("ARMS status: {status}; next due {due}.").format(status=s.arms.trigger, due=_d(s.arms.due)),
            "body",
        )
    )
    if (oasys := probation_oasys_due(n)) is not None:
        story.append(para(tr("OASys (probation) due {0}: 15 days after release.").format(_d(oasys)), "body"))

    story += [
        para(tr("Visits"), "h2"),
        para(tr("Next visit due {due}: {basis}.").format(due=_d(s.visit.due), basis=s.visit.basis), "body"),
        Spacer(1, 2 * mm),
    ]
    if n.intelligence_on is not None:
        note = options.written(_key(data, "intelligence"), n.intelligence_note)
        said = tr("Intelligence that they may offend recorded {0}").format(_d(n.intelligence_on))
        story.insert(-1, para(f"{said}: {note}." if note else f"{said}.", "body"))
    recent = data.visits[:RECENT_VISITS]
    if recent:
        story.append(
            grid(
                [tr("Date"), tr("Outcome"), tr("Type"), tr("Address checked"), tr("Concerns")],
                [
                    [
                        short_date_time(v.at),
                        label(v.outcome),
                        tr("Announced") if v.announced else tr("Unannounced"),
                        tr("Yes") if v.address_checked else tr("No"),
                        options.written(_key(data, "visit", str(i), "concerns"), v.concerns) or "—",
                    ]
                    for i, v in enumerate(recent)
                ],
                [30, 32, 25, 25, 68],
            )
        )
        if len(data.visits) > len(recent):
            story.append(
                para(
                    tr("The {shown} most recent of {all} visits.").format(
                        shown=len(recent), all=len(data.visits)
                    ),
                    "small",
                )
            )
    else:
        story.append(para(tr("No visits recorded."), "body"))

    story.append(para(tr("Risk management plan"), "h2"))
    for key, heading in PLAN_HEADINGS:
        written = options.plan_written(_key(data, "plan", key), key, getattr(data.plan, key))
        story.append(KeepTogether([para(text(heading), "h3"), para(written or tr("Not recorded."), "body")]))

    # One block, so the review date never lands alone on a page of its own. The panel's recorded
    # decisions and actions are the record; the plan's old free text shows only before there are any.
    notes = earlier_notes(data.plan.actions, data.decisions)
    if data.decisions:
        latest = max((d.held_on for d in data.decisions if d.held_on), default=None)
        recorded: list[Flowable] = [
            para(
                (
                    tr(
                        "Recorded by the panel: {decisions}, the latest at the meeting of {latest}; "
                        "{actions}."
                    )
                    if latest
                    else tr("Recorded by the panel: {decisions}; {actions}.")
                ).format(
                    decisions=counted(len(data.decisions), tr("{0} decision"), tr("{0} decisions")),
                    latest=_d(latest),
                    actions=counted(
                        len(open_actions(data.actions)), tr("{0} open action"), tr("{0} open actions")
                    ),
                ),
                "body",
            )
        ]
    elif notes:
        recorded = [
            para(text(EARLIER_NOTES), "h3"),
            para(options.written(_key(data, "plan", "actions"), notes), "body"),
        ]
    else:
        recorded = [para(tr("None recorded."), "body")]
    story.append(
        KeepTogether(
            [
                para(tr("Decisions and actions"), "h2"),
                *recorded,
                Spacer(1, 2 * mm),
                _facts([(tr("Next review"), _d(review) if review else tr("To be set by the panel"))]),
            ]
        )
    )
    return story
