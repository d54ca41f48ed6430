"""Every document and export, for the window and the command line alike: read, render, then log the
disclosure and write the file together (see disclose.py). No Qt."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from somdesk.app.board import Board
from somdesk.app.compute import compute_figures
from somdesk.app.round_work import PlannedWeek
from somdesk.app.session import RecordData, Session, Workspace
from somdesk.domain.chronology import EventKind
from somdesk.domain.meetings import Meeting, owned_by
from somdesk.domain.planner import RoundStop, visit_round
from somdesk.domain.queues import officers_items
from somdesk.domain.roles import Capability
from somdesk.domain.status import CaseStatus, evaluate
from somdesk.domain.text import language as words_language
from somdesk.reports.action_list import CaseAction, action_list_story
from somdesk.reports.board import (
    ANNUAL_COLUMNS,
    OVERDUE_COLUMNS,
    annual_rows,
    board_story,
    overdue_rows,
    printed_cases,
)
from somdesk.reports.board import HEADINGS as BOARD_HEADINGS
from somdesk.reports.calendar import visits_calendar
from somdesk.reports.case_summary import case_summary_story
from somdesk.reports.chronology import chronology_story
from somdesk.reports.day_sheet import day_sheet_story
from somdesk.reports.disclose import Disclosure, Target, disclose_and_write
from somdesk.reports.documents import caseload_story, visit_plan_story
from somdesk.reports.language import domain_word, long_date, short_date, tr
from somdesk.reports.layout import Options, render, render_paged
from somdesk.reports.minutes import minutes_story
from somdesk.reports.output import render as render_rows
from somdesk.reports.pack_history import pack_history
from somdesk.reports.panel_pack import PanelHistory, panel_name, panel_pack_story
from somdesk.reports.record_tables import (
    BREACH_COLUMNS,
    ORDER_COLUMNS,
    RECORD_EXPORTS,
    RECORD_HEADINGS,
    breach_rows,
    in_scope,
    order_rows,
)
from somdesk.reports.tables import CASELOAD_VIEWS, HEADINGS, QUEUE_COLUMNS, caseload_rows, queue_rows
from somdesk.reports.warrant_pack import warrant_pack_story

__all__ = ["BOARD_EXPORTS", "Reports"]

BOARD_EXPORTS = ("annual-report", "overdue")


class Reports:
    def __init__(self, session: Session, workspace: Workspace | None = None) -> None:
        """`workspace`: the one the window already shows, so an export is what the user sees and the
        whole caseload is not computed again; without it (command line) each document computes it."""
        self.session = session
        self._workspace = workspace
        # The language the domain wrote its words in for what is handed here or read outside a render
        # (the workspace, records, a board: the window's language). A document in another language has
        # them written again in its own (`_in_document_language`).
        self._written_in = words_language()

    def workspace(self) -> Workspace:
        return self._workspace if self._workspace is not None else self.session.workspace()

    def _rewritten(self) -> bool:
        """Inside a render: the document's language is not the one the held words were written in."""
        return words_language() != self._written_in

    def _record_here(self, data: RecordData) -> RecordData:
        """The record with its status (why a visit is due, a period's reason…) in the document's
        language."""
        if not self._rewritten():
            return data
        today = data.today or self.session.today()  # the day it was read
        return replace(data, status=evaluate(data.status.case, today, self.session.policy))

    def _records_here(self, records: Sequence[RecordData]) -> list[RecordData]:
        return [self._record_here(r) for r in records]

    def _workspace_here(self, ws: Workspace) -> Workspace:
        """The workspace with every status and figure in the document's language (computed again only when
        the document's language is not the window's)."""
        if not self._rewritten():
            return ws
        cases = [s.case for s in ws.statuses]
        return replace(ws, figures=compute_figures(cases, ws.officers, ws.teams, ws.today, ws.policy))

    def _statuses_here(self, statuses: Sequence[CaseStatus], today: date) -> list[CaseStatus]:
        if not self._rewritten():
            return list(statuses)
        return [evaluate(s.case, today, self.session.policy) for s in statuses]

    def _stops_here(self, stops: Sequence[RoundStop], ws: Workspace, monday: date) -> list[RoundStop]:
        """A round's stops as worked out from the window's statuses, with their reasons in the document's
        language."""
        if not self._rewritten():
            return list(stops)
        ids = {s.nominal_id for s in stops}
        held = [s for s in ws.statuses if s.case.nominal.id in ids]
        again = {s.nominal_id: s for s in visit_round(self._statuses_here(held, ws.today), monday, ws.today)}
        return [again.get(s.nominal_id, s) for s in stops]

    def _board_here(self, board: Board, ws: Workspace) -> Board:
        return board if not self._rewritten() else self.session.board(self._workspace_here(ws))

    def options(
        self,
        watermark: bool = False,
        password: str | None = None,
        redact: Sequence[str] = (),
        edits: Mapping[str, str | None] | None = None,
        include: Sequence[str] = (),
        language: str = "en",
    ) -> Options:
        """`edits`: free texts changed or left out for this copy (see case_summary.free_texts);
        `language`: the document's ("en", "cy"), chosen when it is printed."""
        now = self.session.opened.clock().astimezone().replace(tzinfo=None)
        return Options(
            self.session.policy.marking,
            self.session.user,
            now,
            watermark,
            password or None,
            frozenset(redact),
            dict(edits or {}),
            frozenset(include),
            language,
        )

    def read(self, nominal_ids: Sequence[str], disclosure: Disclosure) -> list[RecordData]:
        """The records a document prints, each read logged as a consultation with the disclosure's reason
        (read once, so the user can check their free text before the document is made from them)."""
        disclosure.check(self.session.policy.security.justification_required)
        return [self.session.record(nid, disclosure.justification) for nid in nominal_ids]

    def case_summary(
        self,
        nominal_id: str,
        disclosure: Disclosure,
        options: Options,
        target: Target,
        records: Sequence[RecordData] = (),
    ) -> int:
        """`records`: the record already read (`read`); without it, it is read here."""
        session = self.session
        (data,) = records or self.read([nominal_id], disclosure)
        names = session.workspace_officers()
        officer_id = data.status.case.nominal.officer_id or ""
        today = session.today()

        photo = None if options.leaves_out("photographs") else session.face_photo(nominal_id)

        def content() -> bytes:
            officer = names.get(officer_id, tr("Unallocated"))
            here = self._record_here(data)
            story = case_summary_story(here, officer, today, session.policy, options, photo)
            return render(story, tr("MAPPA case summary"), options)

        return disclose_and_write(
            session,
            disclosure,
            [nominal_id],
            content,
            target,
            left_out=options.redact,
            language=options.language,
        )

    def warrant_pack(
        self,
        nominal_id: str,
        disclosure: Disclosure,
        options: Options,
        target: Target,
        records: Sequence[RecordData] = (),
    ) -> int:
        """The s.96B warrant application pack (reports/warrant_pack.py), logged as a disclosure."""
        session = self.session
        (data,) = records or self.read([nominal_id], disclosure)
        names = session.workspace_officers()
        officer_id = data.status.case.nominal.officer_id or ""
        today = session.today()

        def content() -> bytes:
            here = self._record_here(data)
            story = warrant_pack_story(here, names.get(officer_id, tr("Unallocated")), today, options)
            return render(story, tr("Warrant application pack (s.96B)"), options)

        # Nothing is left out of a pack for the court (the address is what the warrant is for): the
        # disclosure says so whatever redaction the options carry.
        return disclose_and_write(
            session, disclosure, [nominal_id], content, target, language=options.language
        )

    def chronology(
        self,
        nominal_id: str,
        disclosure: Disclosure,
        options: Options,
        target: Target,
        records: Sequence[RecordData] = (),
        kinds: Sequence[EventKind] | None = None,
    ) -> int:
        """The person's chronology (`kinds` of event only, when given), logged as a disclosure."""
        session = self.session
        (data,) = records or self.read([nominal_id], disclosure)
        today = session.today()

        def content() -> bytes:
            here = self._record_here(data)
            return render(chronology_story(here, today, options, kinds), tr("Chronology"), options)

        return disclose_and_write(
            session,
            disclosure,
            [nominal_id],
            content,
            target,
            left_out=options.redact,
            language=options.language,
        )

    def panel_pack(
        self,
        nominal_ids: Sequence[str],
        meeting: Meeting,
        disclosure: Disclosure,
        options: Options,
        target: Target,
        records: Sequence[RecordData] = (),
        history: Mapping[str, PanelHistory] | None = None,
    ) -> int:
        """`records`: the cases already read (`read`), in the order heard; without them they are read
        here. `history`: the panel's earlier decisions and actions per case (nominal id); without it,
        each case's stored decisions of meetings held before this one and the actions they set."""
        if not nominal_ids:
            raise ValueError("choose at least one case for the panel pack")
        session = self.session
        records = records or self.read(nominal_ids, disclosure)
        history = history if history is not None else pack_history(records, meeting)
        names, today = session.workspace_officers(), session.today()

        photos = {} if options.leaves_out("photographs") else {n: session.face_photo(n) for n in nominal_ids}

        def content() -> bytes:
            here = self._records_here(records)
            story = panel_pack_story(here, names, meeting, today, session.policy, options, history, photos)
            title = tr("{panel} pack, {date}").format(
                panel=panel_name(meeting), date=short_date(meeting.held_on)
            )
            return render_paged(story, title, options)

        return disclose_and_write(
            session,
            disclosure,
            nominal_ids,
            content,
            target,
            left_out=options.redact,
            language=options.language,
        )

    def meeting_pack(
        self,
        meeting: Meeting,
        disclosure: Disclosure,
        options: Options,
        target: Target,
        records: Sequence[RecordData] = (),
    ) -> int:
        """The pack of a stored meeting, as the window's Print pack… and `somdesk report panel-pack`
        print it: its cases in the order heard, its cover as stored, and each case's earlier meetings'
        decisions and actions read from the case's record."""
        return self.panel_pack(list(meeting.cases), meeting, disclosure, options, target, records)

    def caseload_report(self, disclosure: Disclosure, options: Options, target: Target) -> int:
        ws = self.workspace()

        def content() -> bytes:
            return render(caseload_story(self._workspace_here(ws), options), tr("Caseload report"), options)

        # Figures about officers and teams, no one's record: one entry for the report as a whole.
        whole = ("reports", "caseload")
        return disclose_and_write(
            self.session, disclosure, [], content, target, whole, language=options.language
        )

    def board(self) -> Board:
        return self.session.board(self.workspace())

    def board_report(
        self, disclosure: Disclosure, options: Options, target: Target, board: Board | None = None
    ) -> int:
        """The printed oversight board; `board` the one the window shows (else computed). Figures only
        unless the options include "case-lists"; which it is, is recorded with the disclosure."""
        board = board if board is not None else self.board()
        ws = self.workspace()
        lists = options.includes("case-lists")

        def content() -> bytes:
            here = self._board_here(board, ws)
            return render(board_story(here, domain_word(ws.title), lists), tr("Oversight board"), options)

        # The cases it lists by ViSOR reference (none, figures only), and the board as a whole.
        ids = printed_cases(board, lists)
        kind = f"{disclosure.kind}, {'with case lists' if lists else 'figures only'}"
        disclosure = replace(disclosure, kind=kind)
        whole = ("reports", "board")
        return disclose_and_write(
            self.session, disclosure, ids, content, target, whole, language=options.language
        )

    def board_csv(self, what: str, disclosure: Disclosure, target: Target, board: Board | None = None) -> int:
        """The board's MAPPA annual-report and FOI figures ("annual-report": figures, no one's record)
        or every case's days overdue ("overdue": one disclosure entry per case) as CSV."""
        if what not in BOARD_EXPORTS:
            raise ValueError(f"csv: unknown board export {what!r}: use one of {', '.join(BOARD_EXPORTS)}")
        board = board if board is not None else self.board()
        headings = {**HEADINGS, **BOARD_HEADINGS}
        if what == "annual-report":
            text = render_rows(annual_rows(board), ANNUAL_COLUMNS, "csv", headings)
            ids: list[str] = []
            record: tuple[str, str] | None = ("reports", "annual-report")
        else:
            rows = overdue_rows(board, self.workspace().officer_names)
            text = render_rows(rows, OVERDUE_COLUMNS, "csv", headings)
            ids, record = [r.nominal_id for r in board.oversight.cases], None
        return disclose_and_write(self.session, disclosure, ids, lambda: text.encode("utf-8"), target, record)

    def visit_plan(
        self, officer_id: str | None, monday: date, disclosure: Disclosure, options: Options, target: Target
    ) -> int:
        ws = self.workspace()
        stops = visit_round(ws.statuses, monday, ws.today, officer_id)

        def content() -> bytes:
            officer = ws.officer_names.get(officer_id or "", tr("All officers"))
            here = self._stops_here(stops, ws, monday)
            return render(visit_plan_story(here, officer, monday, options), tr("Visit plan"), options)

        ids = [s.nominal_id for s in stops]
        return disclose_and_write(self.session, disclosure, ids, content, target, language=options.language)

    def day_sheets(
        self,
        week: PlannedWeek,
        days: Sequence[int],
        disclosure: Disclosure,
        options: Options,
        target: Target,
        records: Sequence[RecordData] = (),
    ) -> int:
        """A round's day sheets (reports/day_sheet.py) for `days` (indices into the plan's days), logged
        as a disclosure of every person on them. `records`: their whole records, read for the orders'
        terms and the devices (read here when not given)."""
        placed = [s.nominal_id for i in days for s in week.plan.days[i].stops]
        ws = self.workspace()
        held = [s for s in ws.statuses if s.case.nominal.id in set(placed)]
        if not records:  # a case that left the caseload since planning prints as not read
            records = [self.session.record(s.case.nominal.id, None) for s in held]

        def content() -> bytes:
            # Why each visit is due, in the document's language (the statuses evaluated again if need be).
            here = self._statuses_here(held, ws.today)
            reasons = {s.nominal_id: s.reason for s in visit_round(here, week.request.monday, ws.today)}
            story = day_sheet_story(week, days, self._records_here(records), reasons, options)
            return render(story, tr("Day sheet"), options)

        return disclose_and_write(
            self.session,
            disclosure,
            placed,
            content,
            target,
            left_out=options.redact,
            language=options.language,
        )

    def calendar(
        self, officer_id: str | None, monday: date, disclosure: Disclosure, options: Options, target: Target
    ) -> int:
        ws = self.workspace()
        stops = [s for s in visit_round(ws.statuses, monday, ws.today, officer_id) if s.planned is not None]

        def content() -> bytes:
            return visits_calendar(
                self._stops_here(stops, ws, monday),
                ws.officer_names.get(officer_id or "", tr("All officers")),
                options.marking,
                options.printed_at,
                options.leaves_out("addresses"),
                self.session.policy.rounds.visit_minutes,
            )

        ids = [s.nominal_id for s in stops]
        return disclose_and_write(self.session, disclosure, ids, content, target, language=options.language)

    def csv(self, what: str, disclosure: Disclosure, target: Target, officer_id: str | None = None) -> int:
        """A queue (arms, visits, notifications) or caseload figures (team, officer, forecast) as CSV;
        a queue only `officer_id`'s items, numbered as a list of their own, when one is given; or case
        records (orders in force, breaches this year or all: see `records_csv`)."""
        ws = self.workspace()
        if what in RECORD_EXPORTS:
            return self.records_csv(what, disclosure, target, officer_id)
        if what in ws.queues:
            items = ws.queues[what] if officer_id is None else officers_items(ws.queues[what], officer_id)
            rows = queue_rows(items, ws.officer_names)
            text = render_rows(rows, [*QUEUE_COLUMNS, "place"], "csv", HEADINGS)
            ids = [i.nominal_id for i in items]  # for the disclosure log, not the file
            record: tuple[str, str] | None = None
        else:
            if what not in CASELOAD_VIEWS:
                known = [*ws.queues, *CASELOAD_VIEWS, *RECORD_EXPORTS]
                raise ValueError(f"csv: unknown export {what!r}: use one of {', '.join(known)}")
            rows, columns = caseload_rows(ws.figures, ws.team_names, what)
            text = render_rows(rows, columns, "csv", HEADINGS)
            ids, record = [], ("reports", f"caseload-{what}")
        return disclose_and_write(self.session, disclosure, ids, lambda: text.encode("utf-8"), target, record)

    def records_csv(
        self, what: str, disclosure: Disclosure, target: Target, officer_id: str | None = None
    ) -> int:
        """The civil orders in force today ("orders") or the breaches found this year ("breaches") or
        ever ("breaches-all") as CSV, one disclosure entry per person in the file. A SOM's export holds
        only their own cases, whatever `officer_id` says; anyone else's, `officer_id`'s when given."""
        if what not in RECORD_EXPORTS:
            raise ValueError(f"csv: unknown export {what!r}: use one of {', '.join(RECORD_EXPORTS)}")
        ws = self.workspace()
        identity = self.session.identity
        if identity.role.may(Capability.HOLD_OWN_CASELOAD):
            officer_id = identity.officer_id
        statuses = in_scope(ws.statuses, officer_id)
        headings = {**HEADINGS, **RECORD_HEADINGS}
        with self.session.opened.reader() as reader:
            if what == "orders":
                rows = order_rows(statuses, ws.officer_names, reader.terms_per_order(), ws.today)
                columns = ORDER_COLUMNS
            else:
                year = ws.today.year if what == "breaches" else None
                rows = breach_rows(statuses, ws.officer_names, reader.all_breaches(), year)
                columns = BREACH_COLUMNS
        text = render_rows(rows, columns, "csv", headings)
        by_ref = {s.case.nominal.visor_ref: s.case.nominal.id for s in statuses}
        ids = list(dict.fromkeys(by_ref[r["visor_ref"]] for r in rows))  # for the log, not the file
        return disclose_and_write(self.session, disclosure, ids, lambda: text.encode("utf-8"), target)

    def minutes(
        self,
        meeting: Meeting,
        disclosure: Disclosure,
        options: Options,
        target: Target,
        records: Sequence[RecordData] = (),
    ) -> int:
        """The meeting's minutes: its cases (`records`, already read, or read here) in the order heard,
        logged as a disclosure of each case and of the meeting."""
        session = self.session
        audit = session.meeting_audit(meeting.id)
        records = records or self.read(meeting.cases, disclosure)
        today = session.today()

        def content() -> bytes:
            story = minutes_story(records, meeting, audit, today, options)
            title = tr("{panel} minutes, {date}").format(
                panel=panel_name(meeting), date=short_date(meeting.held_on)
            )
            return render(story, title, options)

        ids = [r.nominal_id for r in records]
        whole = ("meetings", meeting.id)
        return disclose_and_write(session, disclosure, ids, content, target, whole, language=options.language)

    def action_rows(self, meeting: Meeting | None, agency: str | None = None) -> list[CaseAction]:
        """The open actions an action list holds: of `meeting` (its cases' actions set at it), or,
        without one, every open action of the panel cases held here; only `agency`'s when given."""
        with self.session.opened.reader() as reader:
            held = reader.panel().open_actions()
        if meeting is not None:
            held = {n: [a for a in acts if a.meeting_id == meeting.id] for n, acts in held.items()}
            held = {n: acts for n, acts in held.items() if acts and n in meeting.cases}
        names = {s.case.nominal.id: s.case.nominal for s in self.workspace().statuses}
        return [
            CaseAction(
                f"{names[n].display_name} ({names[n].visor_ref})" if n in names else "A case not held here",
                n,
                a,
            )
            for n, acts in held.items()
            for a in acts
            if owned_by(a, agency)
        ]

    def action_list(
        self,
        meeting: Meeting | None,
        disclosure: Disclosure,
        options: Options,
        target: Target,
        agency: str | None = None,
    ) -> int:
        """The open actions by agency (action_rows): every agency's, or only `agency`'s, for a copy
        disclosed to that agency. Logged as a disclosure of each case listed."""
        session = self.session
        today = session.today()
        rows = self.action_rows(meeting, agency)
        named = rows[0].action.agency.strip() if rows and agency else (agency or "").strip()  # as recorded

        def content() -> bytes:
            if meeting is not None:
                subtitle = tr("{panel}: actions set at the meeting of {date}").format(
                    panel=panel_name(meeting), date=long_date(meeting.held_on)
                )
            else:
                subtitle = tr("Every open action of the panel's cases")
            title = tr("MAPPA actions for {0}").format(named) if agency else tr("MAPPA actions by agency")
            story = action_list_story(rows, title, subtitle, today, options)
            return render(story, title, options)

        ids = list(dict.fromkeys(r.nominal_id for r in rows))
        whole = ("meetings", meeting.id) if meeting is not None else ("reports", "panel-actions")
        return disclose_and_write(session, disclosure, ids, content, target, whole, language=options.language)
