"""Printing and exporting from the window: every document asks who it is for and why (a disclosure),
where to save it, then renders, logs and writes it on the database worker."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QProcess, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMainWindow, QMessageBox

from somdesk.app.board import Board
from somdesk.app.round_work import PlannedWeek
from somdesk.app.session import RecordData, Session
from somdesk.domain.chronology import EventKind
from somdesk.domain.meetings import Meeting, agencies_of, owned_by
from somdesk.reports.action_list import CaseAction, action_list_free_texts
from somdesk.reports.case_summary import FreeText, free_texts
from somdesk.reports.chronology import chronology_free_texts
from somdesk.reports.disclose import Disclosure, Printed, Target, log_printed
from somdesk.reports.layout import Options
from somdesk.reports.minutes import minutes_free_texts
from somdesk.reports.pack_history import meeting_free_texts
from somdesk.reports.service import Reports
from somdesk.ui import language as window_language
from somdesk.ui.dialogs.disclose import LEAVE_OUT_ALL, WITH_PHOTOS, DiscloseDialog, DisclosureAnswers
from somdesk.ui.dialogs.free_text import FreeTextDialog
from somdesk.ui.i18n import QT_TR_NOOP, tr
from somdesk.ui.ops import Changes, query_op, write_op
from somdesk.ui.print_pdf import PrintPreview
from somdesk.ui.services import Services

__all__ = ["Printing", "open_saved"]

# What renders a document: reports, the disclosure, options, the file, and the records read for it.
Job = Callable[[Reports, Disclosure, Options, Target, Sequence[RecordData]], int]


def open_saved(path: Path, window: QMainWindow) -> None:
    """Open a saved document in the system's viewer; when nothing can open it, say so in the window
    with where the file is, instead of nothing happening."""

    def failed() -> None:
        text = tr(
            "{0} was saved, but no program on this computer opened it (is a PDF viewer installed?).\n\n"
            "It is at {1}\n\nOpen it from there to preview and print it."
        ).format(path.name, path)
        window.statusBar().showMessage(tr("Saved {0}, but no program opened it").format(path), 30_000)
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Could not open the document"), text, parent=window)
        box.setTextInteractionFlags(box.textInteractionFlags() | Qt.TextInteractionFlag.TextSelectableByMouse)
        box.open()  # window-modal, without stopping the window's event loop

    if sys.platform in ("win32", "darwin"):
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            failed()
        return
    # Elsewhere Qt reports success as soon as xdg-open starts, even when it then finds no viewer:
    # run it ourselves and look at how it ends.
    process = QProcess(window)
    not_started = QProcess.ProcessError.FailedToStart
    process.errorOccurred.connect(lambda error: failed() if error == not_started else None)
    process.finished.connect(lambda code, _status: failed() if code != 0 else None)
    process.finished.connect(process.deleteLater)
    process.start("xdg-open", [str(path)])


def _included(answers: DisclosureAnswers) -> list[str]:
    include = answers.get("include", [])
    return [str(r) for r in include] if isinstance(include, list) else []


def _language(answers: DisclosureAnswers) -> str:
    """The document's language as chosen (English when the answers name none: a data file)."""
    chosen = answers.get("language", "en")
    return chosen if isinstance(chosen, str) else "en"


def _left_out(answers: DisclosureAnswers) -> list[str]:
    redact = answers["redact"]
    return [str(r) for r in redact] if isinstance(redact, list) else []


class Printing:
    """The print and export actions; `ask_disclosure`, `ask_free_text` and `ask_path` can be replaced
    (tests)."""

    def __init__(self, services: Services, record_shown: Callable[[], str | None]) -> None:
        self.services = services
        self.record_shown = record_shown  # the record on screen, whose audit trail a print changes
        self.ask_disclosure: Callable[
            [str, bool, bool, Sequence[str], Sequence[str]], DisclosureAnswers | None
        ] = self._ask_disclosure
        self.ask_free_text: Callable[[list[FreeText]], dict[str, str | None] | None] = self._ask_free_text
        self.ask_path: Callable[[str, bool], Path | None] = self._ask_path
        self.ask_agency: Callable[[list[str]], str | None] = self._ask_agency
        self.show_preview: Callable[[str, bytes, str | None, Callable[[int], None]], None] = (
            self._show_preview
        )
        self.recipients: list[str] = []  # offered again in this session
        # The language a document is offered in first: the window's (the user's choice).
        self.document_language: Callable[[], str] = window_language.current

    def _ask_free_text(self, items: list[FreeText]) -> dict[str, str | None] | None:
        """The free texts changed or left out for this copy; None cancels the print."""
        dialog = FreeTextDialog(items, self.services.window)
        return dialog.edits() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _ask_disclosure(
        self, title: str, pdf: bool, free_text: bool, can_leave_out: Sequence[str], can_include: Sequence[str]
    ) -> DisclosureAnswers | None:
        session = self.services.current.session
        assert session is not None, "no profile is open"
        policy = session.policy
        dialog = DiscloseDialog(
            title,
            policy.marking,
            pdf,
            self.recipients,
            policy.security.justification_required,
            self.services.window,
            free_text,
            can_leave_out,
            can_include,
            language=self.document_language(),
        )
        return dialog.answers() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _ask_agency(self, agencies: list[str]) -> str | None:
        """The agency an action list is for ("" every agency); None cancels."""
        every = tr("Every agency")
        chosen, ok = QInputDialog.getItem(
            self.services.window,
            tr("Action list…"),
            tr("Which agency's actions? A copy for one agency holds only its actions."),
            [every, *agencies],
            0,
            False,
        )
        if not ok:
            return None
        return "" if chosen == every else chosen

    def _ask_path(self, suggested: str, pdf: bool) -> Path | None:
        kind = tr("PDF documents (*.pdf)") if suggested.endswith(".pdf") else tr("All files (*)")
        name, _ = QFileDialog.getSaveFileName(
            self.services.window, tr("Save as"), str(Path.home() / suggested), kind
        )
        return Path(name) if name else None

    def produce(
        self,
        title: str,
        suggested: str,
        job: Job,
        cases: Sequence[str] = (),
        texts: Callable[[Sequence[RecordData], Sequence[str]], list[FreeText]] = free_texts,
        can_leave_out: Sequence[str] = LEAVE_OUT_ALL,
        offered: Callable[[Sequence[str]], list[FreeText]] | None = None,
        can_include: Sequence[str] = (),
    ) -> None:
        """Ask who it is for and why; read the `cases` it prints and let the user check their free text
        (or, printing no case record, the free text `offered` gives for the redactions chosen); ask
        where to save it; then render, log and write it on the worker."""
        if self.services.current.session is None:
            return
        pdf = suggested.endswith(".pdf")
        answers = self.ask_disclosure(  # `title` in English, as the audit log keeps what was disclosed
            tr(title), pdf, bool(cases) or offered is not None, can_leave_out, can_include
        )
        if answers is None:
            return
        recipient = str(answers["recipient"])
        disclosure = Disclosure(recipient, str(answers["justification"]), title.rstrip("…").lower())
        heading = tr(title).rstrip("…")  # the print preview's title, in the window's language
        if not cases:
            items = offered(_left_out(answers)) if offered is not None else []
            edits = self.ask_free_text(items) if items else {}
            if edits is not None:
                self._save(suggested, job, answers, disclosure, [], edits, heading)
            return

        def check(records: list[RecordData]) -> None:
            items = texts(records, _left_out(answers))
            edits = self.ask_free_text(items) if items else {}
            if edits is not None:
                self._save(suggested, job, answers, disclosure, records, edits, heading)

        # Reading them is logged as a consultation: a write, which the open record's audit trail shows.
        read = lambda session: Reports(session).read(cases, disclosure)  # noqa: E731
        write_op(self.services.ctx, read, Changes(record=self.record_shown()), check)

    def _save(
        self,
        suggested: str,
        job: Job,
        answers: DisclosureAnswers,
        disclosure: Disclosure,
        records: Sequence[RecordData],
        edits: dict[str, str | None],
        heading: str,
    ) -> None:
        if answers.get("print"):
            self._print(suggested, job, answers, disclosure, records, edits, heading)
            return
        path = self.ask_path(suggested, suggested.endswith(".pdf"))
        if path is None:
            return
        recipient = disclosure.recipient
        if recipient not in self.recipients:
            self.recipients.insert(0, recipient)
        workspace = self.services.current.workspace  # what the window shows; read-only on the worker

        def run(session: Session) -> int:
            reports = Reports(session, workspace)
            return job(reports, disclosure, self._options(reports, answers, edits), path, records)

        def done(size: int) -> None:
            self.services.window.statusBar().showMessage(
                tr("Saved {0} ({1:,} bytes); logged as a disclosure to {2}").format(
                    path.name, size, recipient
                ),
                15_000,
            )
            if answers["open"]:
                open_saved(path, self.services.window)

        write_op(self.services.ctx, run, Changes(record=self.record_shown()), done)

    def _options(self, reports: Reports, answers: DisclosureAnswers, edits: dict[str, str | None]) -> Options:
        password = answers["password"]
        return reports.options(
            bool(answers["watermark"]),
            password if isinstance(password, str) else None,
            _left_out(answers),
            edits,
            _included(answers),
            _language(answers),
        )

    def _print(
        self,
        suggested: str,
        job: Job,
        answers: DisclosureAnswers,
        disclosure: Disclosure,
        records: Sequence[RecordData],
        edits: dict[str, str | None],
        heading: str,
    ) -> None:
        """Render in memory on the worker; preview (titled `heading`); once the user has chosen a printer,
        pressed Print and the printer has taken the pages, log the disclosure on the worker (nothing logged
        if cancelled, if there is no printer, or if the printer refused the pages)."""
        recipient = disclosure.recipient
        if recipient not in self.recipients:
            self.recipients.insert(0, recipient)
        workspace = self.services.current.workspace
        printed = Printed(suggested)
        password = answers["password"] if isinstance(answers["password"], str) else None

        def render(session: Session) -> int:
            reports = Reports(session, workspace)
            return job(reports, disclosure, self._options(reports, answers, edits), printed, records)

        def sent(pages: int) -> None:
            """The pages have gone to the printer: log the disclosure (not before: a print that did not
            happen discloses nothing)."""

            def logged(_: object) -> None:
                self.services.window.statusBar().showMessage(
                    tr("Sent {0} pages of {1} to the printer; logged as a disclosure to {2}").format(
                        pages, suggested.removesuffix(".pdf"), recipient
                    ),
                    15_000,
                )

            write_op(
                self.services.ctx,
                lambda s: log_printed(s, printed),
                Changes(record=self.record_shown()),
                logged,
            )

        def rendered(_: int) -> None:
            self.show_preview(heading, printed.data, password, sent)

        query_op(self.services.ctx, render, rendered)

    def _show_preview(
        self, title: str, data: bytes, password: str | None, sent: Callable[[int], None]
    ) -> None:
        PrintPreview(title, data, password, sent, self.services.window).open()

    def case_summary(self, nominal_id: str) -> None:
        self.produce(
            QT_TR_NOOP("Print case summary…"),
            "case-summary.pdf",
            lambda r, d, o, p, records: r.case_summary(nominal_id, d, o, p, records),
            [nominal_id],
            can_leave_out=WITH_PHOTOS,
        )

    def warrant_pack(self, nominal_id: str) -> None:
        """The s.96B warrant application pack (reports/warrant_pack.py), logged as a disclosure."""
        self.produce(
            QT_TR_NOOP("Print warrant application pack…"),
            "warrant-pack.pdf",
            lambda r, d, o, p, records: r.warrant_pack(nominal_id, d, o, p, records),
            [nominal_id],
            lambda _records, _redact: [],  # for the court: nothing is left out, so nothing to check
            (),
        )

    def chronology(self, nominal_id: str, kinds: list[EventKind] | None) -> None:
        self.produce(
            QT_TR_NOOP("Print chronology…"),
            "chronology.pdf",
            lambda r, d, o, p, records: r.chronology(nominal_id, d, o, p, records, kinds),
            [nominal_id],
            lambda records, redact: chronology_free_texts(records, redact, kinds),
        )

    def panel_pack(self, nominal_ids: list[str], meeting: Meeting) -> None:
        self.produce(
            QT_TR_NOOP("Print panel pack…"),
            f"panel-pack-{meeting.held_on.isoformat()}.pdf",
            lambda r, d, o, p, records: r.panel_pack(nominal_ids, meeting, d, o, p, records),
            nominal_ids,
            lambda records, redact: meeting_free_texts(records, redact, meeting),
            can_leave_out=WITH_PHOTOS,
        )

    def meeting_pack(self, meeting: Meeting) -> None:
        """The pack for a stored meeting: its cases in the order heard, with the earlier meetings'
        decisions and actions read from each case's record; an audited disclosure like any print."""
        cases = list(meeting.cases)
        self.produce(
            QT_TR_NOOP("Print panel pack…"),
            f"panel-pack-{meeting.held_on.isoformat()}.pdf",
            lambda r, d, o, p, records: r.meeting_pack(meeting, d, o, p, records),
            cases,
            lambda records, redact: meeting_free_texts(records, redact, meeting),
            can_leave_out=WITH_PHOTOS,
        )

    def minutes(self, meeting: Meeting) -> None:
        """The meeting's minutes; the free texts they print (rationales, plan changes, actions, the
        chair's summary) are checked first, as the disclosure dialog says."""
        workspace = self.services.current.workspace
        audit = workspace.meeting_audits.get(meeting.id) if workspace is not None else None
        self.produce(
            QT_TR_NOOP("Print minutes…"),
            f"minutes-{meeting.held_on.isoformat()}.pdf",
            lambda r, d, o, p, records: r.minutes(meeting, d, o, p, records),
            list(meeting.cases),
            lambda records, redact: minutes_free_texts(records, redact, meeting, audit),
        )

    def action_list(self, meeting: Meeting | None) -> None:
        """The open actions by agency: `meeting`'s, or (None) every open action held; for one agency
        (asked first: its copy holds only its actions) or every one. The actions' words are checked
        before printing, as the minutes' are."""
        if self.services.current.session is None:
            return
        when = meeting.held_on.isoformat() if meeting is not None else "all"

        def chosen(rows: list[CaseAction]) -> None:
            agency = self.ask_agency(agencies_of(r.action for r in rows))
            if agency is None:
                return
            mine = [r for r in rows if owned_by(r.action, agency or None)]
            suffix = f"-{agency.lower().replace(' ', '-')}" if agency else ""
            self.produce(
                QT_TR_NOOP("Action list…"),
                f"actions-by-agency-{when}{suffix}.pdf",
                lambda r, d, o, p, _: r.action_list(meeting, d, o, p, agency or None),
                offered=lambda redact: action_list_free_texts(mine, redact),
            )

        workspace = self.services.current.workspace
        query_op(self.services.ctx, lambda s: Reports(s, workspace).action_rows(meeting), chosen)

    def caseload_report(self) -> None:
        self.produce(
            QT_TR_NOOP("Print caseload report…"),
            "caseload-report.pdf",
            lambda r, d, o, p, _: r.caseload_report(d, o, p),
        )

    def board(self, board: Board) -> None:
        """The printed oversight board, as the window shows it."""
        self.produce(
            QT_TR_NOOP("Print oversight board…"),
            f"oversight-board-{board.today.isoformat()}.pdf",
            lambda r, d, o, p, _: r.board_report(d, o, p, board),
            can_include=("case-lists",),
        )

    def board_csv(self, what: str, board: Board) -> None:
        """The board's annual-report figures or every case's days overdue, as CSV."""
        self.produce(
            QT_TR_NOOP("Export CSV…"),
            f"{what}-{board.today.isoformat()}.csv",
            lambda r, d, o, p, _: r.board_csv(what, d, p, board),
            can_leave_out=(),
        )

    def visit_plan(self, officer_id: str | None, monday: date) -> None:
        self.produce(
            QT_TR_NOOP("Print visit plan…"),
            f"visit-plan-{monday.isoformat()}.pdf",
            lambda r, d, o, p, _: r.visit_plan(officer_id, monday, d, o, p),
        )

    def day_sheets(self, week: PlannedWeek, days: Sequence[int]) -> None:
        """A round's day sheets for `days` (indices into the plan's days): the pair's own papers, so the
        orders' terms print as the court made them; addresses and device numbers may be left out."""
        placed = [s.nominal_id for i in days for s in week.plan.days[i].stops]
        first = week.plan.days[days[0]].shift.day if days else week.request.monday
        name = (
            f"day-sheet-{first.isoformat()}.pdf" if len(days) == 1 else f"day-sheets-{first.isoformat()}.pdf"
        )
        self.produce(
            QT_TR_NOOP("Print day sheets…"),
            name,
            lambda r, d, o, p, records: r.day_sheets(week, days, d, o, p, records),
            placed,
            lambda _records, _redact: [],
            ("addresses", "numbers"),
        )

    def calendar(self, officer_id: str | None, monday: date) -> None:
        self.produce(
            QT_TR_NOOP("Export calendar…"),
            f"visits-{monday.isoformat()}.ics",
            lambda r, d, o, p, _: r.calendar(officer_id, monday, d, o, p),
            can_leave_out=("addresses",),  # a visit's location; no victims or numbers in a calendar
        )

    def csv(self, what: str, officer_id: str | None = None) -> None:
        """A table as CSV; `officer_id` keeps a queue to that officer's items, as the view shows them."""
        # No export holds an address, a victim's details or a bank or document number: nothing to leave out.
        self.produce(
            QT_TR_NOOP("Export CSV…"),
            f"{what}.csv",
            lambda r, d, o, p, _: r.csv(what, d, p, officer_id),
            can_leave_out=(),
        )
