"""The offender record: summary, registration, risk (RM2000 and ARMS), visits, travel, orders and
conditions, MAPPA and audit trail."""

from __future__ import annotations

from dataclasses import asdict, replace
from datetime import date
from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QStyle,
    QStyleOption,
    QVBoxLayout,
    QWidget,
)

from somdesk.app.gallery import Shown
from somdesk.app.session import RecordData, Workspace, visit_values
from somdesk.domain.arms import probation_oasys_due
from somdesk.domain.attachments import current_face
from somdesk.domain.attendance import is_authorised_exception, is_lone
from somdesk.domain.audit import kind_words
from somdesk.domain.contacts import child_with_access
from somdesk.domain.dates import age_on
from somdesk.domain.invariants import visit_plan_problems
from somdesk.domain.licences import licence_on
from somdesk.domain.model import RecordedVisit, RiskLevel, Visit, VisitPlan, visit_value_text
from somdesk.domain.notification import describe_travel_notice
from somdesk.domain.orders import orders_in_force
from somdesk.domain.policy import Policy
from somdesk.domain.records import (
    BREACHES,
    CIVIL_ORDERS,
    CONTACTS,
    DEVICES,
    LICENCES,
    NAME_CHANGE_NOTICES,
    NAMES,
    NOTIFIED_DETAILS,
    ORDER_TERMS,
    ROSH,
    TRIPS,
    WHEREABOUTS,
    field_label,
)
from somdesk.domain.rm2000 import Rm2000Assessment, combined_table
from somdesk.domain.roles import Capability
from somdesk.domain.warrants import case_warrant
from somdesk.domain.whereabouts import describe_open, describe_review
from somdesk.ui.columns import flags
from somdesk.ui.drafts import State, capture, restore
from somdesk.ui.i18n import QT_TR_NOOP, counted, day_text, tr
from somdesk.ui.models import Column, TableModel
from somdesk.ui.palette import colours
from somdesk.ui.record.case_tab import BreachesAndWhereaboutsTab
from somdesk.ui.record.chronology import ChronologyTab
from somdesk.ui.record.contacts import ContactsTab
from somdesk.ui.record.details import DetailsTab
from somdesk.ui.record.devices import DevicesTab
from somdesk.ui.record.identity import IdentityTab
from somdesk.ui.record.intelligence import IntelligenceFields, intelligence_text
from somdesk.ui.record.language import LanguageForm, language_text
from somdesk.ui.record.location import LocationSection
from somdesk.ui.record.mappa import MappaForm
from somdesk.ui.record.orders import OrdersTab
from somdesk.ui.record.photos import PhotosTab
from somdesk.ui.record.pre_visit import PreVisitList
from somdesk.ui.record.registration import RegistrationForm, describe_notification
from somdesk.ui.record.rm2000 import Rm2000Calculator
from somdesk.ui.record.travel import TravelTab
from somdesk.ui.record.variety import ALL_RECORDED, VarietyPanel
from somdesk.ui.record.warrant import WarrantSection
from somdesk.ui.targets import TargetSizeStyle
from somdesk.ui.views.base import View
from somdesk.ui.widgets import (
    ErrorLabel,
    FittingTabs,
    Heading,
    Label,
    ReadOnlyText,
    Subtitle,
    Table,
    WrappingRow,
    risk_badge,
    set_error,
)

__all__ = ["RecordView", "child_flag"]


def child_flag(data: RecordData, today: date) -> str:
    """ "Child with access in household" when a contact is a child under 18 the person has access to."""
    return tr("Child with access in household") if child_with_access(data.contacts, today) else ""


def _visit_columns() -> list[Column[RecordedVisit]]:
    return [
        Column(tr("When"), lambda v: day_text(v.at, "%d %b %Y %H:%M"), tooltip=lambda v: v.at.isoformat()),
        Column(tr("History"), _marker, tooltip=_history_text),
        Column(tr("Outcome"), lambda v: tr(v.outcome.label)),
        Column(tr("Type"), lambda v: tr("Announced") if v.announced else tr("Unannounced")),
        Column(tr("Address checked"), lambda v: tr("Yes") if v.address_checked else tr("No")),
        Column(tr("Officers"), lambda v: ", ".join(v.officers)),
        Column(
            tr("Attendance"),
            attendance_text,
            tooltip=lambda v: v.lone_reason,
            alert=lambda v: is_lone(v) and not is_authorised_exception(v),
        ),
        Column(
            tr("Concerns"),
            lambda v: v.concerns,
            tooltip=lambda v: v.concerns,
            alert=lambda v: bool(v.concerns),
        ),
        Column(tr("Notes"), lambda v: v.notes, tooltip=lambda v: v.notes),
    ]


def attendance_text(v: Visit) -> str:
    """Who attended, in words: a lone visit says so, with its authoriser or that it has none."""
    if not v.attendance_recorded:
        return tr("Not recorded (imported)")
    if not is_lone(v):
        return tr("Two officers")
    if is_authorised_exception(v):
        return tr("LONE visit, authorised by {0}").format(v.lone_authorised_by)
    return tr("LONE visit, WITHOUT authorisation")


def _marker(v: RecordedVisit) -> str:
    """Whether the visit was corrected or has notes, in words (the full history is below the table)."""
    notes = sum(a.kind == "note" for a in v.amendments)
    words = [tr("Corrected")] if v.corrected else []
    if notes:
        words.append(tr("{0} note(s)").format(notes))
    return ", ".join(words)


def _history_text(v: RecordedVisit) -> str:
    """Each correction (its reason, what it changed from and to) and note, dated and signed."""
    lines = []
    for a, changes in v.history(visit_values(v)):
        when = day_text(a.at.astimezone(), "%d %b %Y %H:%M")
        if a.kind == "note":
            lines.append(tr("{0}, {1}: note: {2}").format(when, a.by, a.text))
            continue
        lines.append(tr("{0}, {1}: corrected: {2}").format(when, a.by, a.text))
        lines += [
            "    "
            + tr("{0}: {1} → {2}").format(
                tr(field_label("visits", name)), visit_value_text(name, old), visit_value_text(name, new)
            )
            for name, old, new in changes
        ]
    return "\n".join(lines)


def _history_columns(policy: Policy) -> list[Column[Any]]:
    current = {policy.rm2000.version, policy.arms_instrument.version}

    def as_now(a: Any) -> bool:
        table = not isinstance(a, Rm2000Assessment) or a.c_table == policy.rm2000.c_table.key
        return a.instrument_version in current and table

    def scoring(a: Any) -> str:
        if isinstance(a, Rm2000Assessment):
            return tr("Scored with the tables {0}, {1}").format(a.instrument_version, _table_name(a.c_table))
        return tr("Scored with the tables {0}").format(a.instrument_version)

    def what(a: Any) -> str:
        return "RM2000" if isinstance(a, Rm2000Assessment) else "ARMS"

    def result(a: Any) -> str:
        if isinstance(a, Rm2000Assessment):

            def label(level: RiskLevel | None) -> str:
                return tr(level.label) if level is not None else tr("unsettled")

            return tr("S {0} · V {1} · C {2}").format(label(a.sexual), label(a.violent), label(a.combined))
        return tr("Priority {0}").format(tr(a.priority.label))

    return [
        Column(tr("Date"), lambda a: a.completed_on),
        Column(tr("Instrument"), what),
        Column(tr("Result"), result, tooltip=_details),
        Column(tr("Assessor"), lambda a: a.assessor),
        Column(
            tr("Scoring"),
            lambda a: tr("as now") if as_now(a) else tr("other tables"),
            tooltip=scoring,
        ),
        Column(tr("Notes"), lambda a: a.notes, tooltip=lambda a: a.notes),
    ]


def _table_name(key: str) -> str:
    table = combined_table(key)
    return tr(table.name) if table is not None else key


def _details(a: Any) -> str:
    """The tooltip of a history row: every item or rating as recorded."""
    if isinstance(a, Rm2000Assessment):
        return "\n".join(
            f"{k.replace('_', ' ')}: {'unknown' if v is None else v}" for k, v in asdict(a.inputs).items()
        )
    return "\n".join(f"{factor.replace('_', ' ')}: {rating}" for factor, rating in a.ratings)


def _audit_columns() -> list[Column[dict[str, Any]]]:
    return [
        Column(tr("When"), lambda r: day_text(r["at"], "%d %b %Y %H:%M:%S")),
        Column(tr("Who"), lambda r: r["user"]),
        Column(tr("What"), lambda r: tr(r["event"])),
        Column(tr("Kind (s.62)"), lambda r: kind_words(r["action"])),
        Column(tr("Justification"), lambda r: r["justification"]),
        Column(tr("Recipient"), lambda r: r["recipient"]),
        Column(tr("Detail"), lambda r: r["detail"], tooltip=lambda r: r["detail"]),
    ]


# What the record's sync state means to the user (the words, not a colour alone).
def sync_states() -> dict[str, tuple[str, str]]:
    return {
        "synced": (tr("✓ Synced"), tr("The central store holds everything you see here.")),
        "pending": (
            tr("⟳ Changes waiting to sync"),
            tr("Saved on this computer; sent to the central store when connected."),
        ),
        "conflict": (
            tr("⚠ Sync conflict"),
            tr("A field was changed elsewhere too: resolve it from the status bar."),
        ),
        "rejected": (
            tr("⚠ Change refused"),
            tr("The central store refused a change to this record: see the status bar."),
        ),
    }


FACE_PX = 96  # the header photograph's height
WHEREABOUTS_SHARE = 0.4  # of the record's width, at most, for the whereabouts line beside the identifiers
TAB_SPACE = 14  # the room either side of a record tab's name, both together (the style's is wider)


class _TightTabs(TargetSizeStyle):
    """The record's tab bar a little tighter than the style's own, so its fifteen tabs fit a 1280-pixel
    window without scroll buttons; the tabs otherwise drawn by the style as everywhere else (a proxy
    style given to one widget does not wrap the application's: the minimum target size is inherited)."""

    def pixelMetric(
        self, metric: QStyle.PixelMetric, option: QStyleOption | None = None, widget: QWidget | None = None
    ) -> int:
        if metric is QStyle.PixelMetric.PM_TabBarTabHSpace:
            return min(TAB_SPACE, super().pixelMetric(metric, option, widget))
        return super().pixelMetric(metric, option, widget)


class RecordView(View):
    back = Signal()
    save_nominal = Signal(object, object, str)  # before, after, reason
    save_plan = Signal(str, object)  # nominal id, RiskPlan
    save_rm2000 = Signal(object, bool)
    record_visit = Signal(object)  # CaseStatus
    correct_visit = Signal(object, object)  # CaseStatus, RecordedVisit
    annotate_visit = Signal(object, object)  # CaseStatus, RecordedVisit
    plan_visit = Signal(object)
    decide_warrant = Signal(object)  # CaseStatus: record a s.96B warrant decision
    record_trip = Signal(object)  # CaseStatus
    edit_trip = Signal(object, object)  # CaseStatus, ForeignTrip
    edit_order = Signal(object, object)  # CaseStatus, CivilOrder (None: record one)
    edit_term = Signal(object, object, object)  # CaseStatus, CivilOrder, OrderTerm (None: add one)
    edit_licence = Signal(object, object)  # CaseStatus, Licence (None: record one)
    record_breach = Signal(object)  # CaseStatus
    edit_breach = Signal(object, object)  # CaseStatus, Breach
    record_whereabouts = Signal(object, object)  # CaseStatus, the person's episodes
    edit_whereabouts = Signal(object, object, object)  # CaseStatus, the person's episodes, Whereabouts
    review_whereabouts = Signal(object, object)  # CaseStatus, the open Whereabouts to record a review of
    record_rosh = Signal(object)  # CaseStatus
    edit_detail = Signal(object, object)  # CaseStatus, NotifiedDetail (None: record one)
    edit_name = Signal(object, object)  # CaseStatus, RecordedName (None: record one)
    edit_name_change = Signal(object, object)  # CaseStatus, NameChangeNotice (None: record one)
    record_arms = Signal(object)  # CaseStatus
    edit_contact = Signal(object, object)  # CaseStatus, Contact (None: record one)
    edit_device = Signal(object, object)  # CaseStatus, Device (None: record one)
    edit_device_check = Signal(object, object)  # CaseStatus, DeviceCheck (None: record one)
    record_pre_visit = Signal(object)  # CaseStatus
    remove_record = Signal(object, object, object, str)  # CaseStatus, RecordType, the row, its words
    print_summary = Signal(str)  # nominal id
    print_warrant_pack = Signal(str)  # nominal id
    print_chronology = Signal(str, object)  # nominal id, the kinds of event (None: every kind)
    photos_made = Signal(object, object)  # CaseStatus, PhotosTab: wired and filled by AttachmentActions
    set_point = Signal(object)  # CaseStatus: set the address's point by hand
    clear_point = Signal(object)  # CaseStatus: clear the point set by hand

    def __init__(self) -> None:
        super().__init__()
        self.data: RecordData | None = None
        self.registration: RegistrationForm | None = None
        self.photos: PhotosTab | None = None
        self.attachments: list[Shown] = []  # the record's photographs and documents, as last read
        self.mappa: MappaForm | None = None
        self.language: LanguageForm | None = None  # the Identity tab's preferred language
        self.location: LocationSection | None = None
        self.heading = Heading(tr("Offender record"))
        self.identifiers = Subtitle()
        # An open whereabouts episode, in red with the days elapsed; hidden otherwise.
        self.whereabouts = Label()
        # On more lines rather than widen the page, and never taking the identifiers' room (Welsh at
        # 200%: "Yn cael ei geisio ers 20 Medi 2026 (64 diwrnod)"): at most WHEREABOUTS_SHARE of the width.
        self.whereabouts.setWordWrap(True)
        self.whereabouts.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        self.whereabouts.setStyleSheet(f"color: {colours().alert}; font-weight: bold;")
        self.whereabouts.setAccessibleName(tr("Whereabouts"))
        self.whereabouts.setVisible(False)
        self.badge = Label()
        self.rosh = Label()  # the latest RoSH beside the managing risk level
        self.rosh.setAccessibleName(tr("Risk of serious harm"))
        self.sync_state = Label()
        self.sync_state.setAccessibleName(tr("Sync state of this record"))
        self.back_button = QPushButton(tr("◀ Back"))
        self.back_button.setToolTip(tr("Back to the list (Esc)"))
        self.back_button.clicked.connect(self.back.emit)
        # The current face photograph, so the officer knows who they are looking at (words if none).
        self.face = Label(picture=tr("Current face photograph"))
        self.face.setFixedSize(FACE_PX * 3 // 4, FACE_PX)
        self.face.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.face.setStyleSheet(f"border: 1px solid {colours().border}; color: {colours().muted};")
        self.face.setWordWrap(True)
        self.tabs = FittingTabs()
        self.tabs.setAccessibleName(tr("Record sections"))
        self._tab_style = _TightTabs()  # kept: a widget does not own the style it is given
        self._tab_style.setParent(self)
        self.tabs.tabBar().setStyle(self._tab_style)
        top = WrappingRow()  # the button and badges under the name where the text is too large for one line
        top.add_group(self.back_button, (self.heading, 1), stretch=1)
        self.print_button = QPushButton(tr("Print case summary…"))
        self.print_button.clicked.connect(self._print)
        # The button and each badge move down alone where the line is full (Welsh at 200%: "RoSH: uchel i
        # blant" and "Risg: Uchel · MAPPA lefel 2" side by side are wider than the page).
        for item in (self.print_button, self.sync_state, self.rosh, self.badge):
            top.add_group(item)
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        header.addWidget(self.face)
        lines = QVBoxLayout()
        lines.addWidget(top)
        # The whereabouts line sits beside the sub-heading, so showing it never makes the page taller
        # (at 1280x800 a line more pushed the status bar off the window).
        under = QHBoxLayout()
        under.addWidget(self.identifiers, 1)
        under.addWidget(self.whereabouts)
        lines.addLayout(under)
        header.addLayout(lines, 1)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)

    def nav_label(self, workspace: Workspace | None) -> str:
        return tr("Offender record")

    def show_workspace(self, workspace: Workspace) -> None:
        self.workspace = workspace

    def clear(self) -> None:
        self.data = None
        self.registration = self.mappa = None  # edits are dropped on lock: nothing personal stays
        self.language = None
        self.photos, self.attachments = None, []
        self.face.clear()
        self.tabs.clear()
        self.heading.setText(tr("Offender record"))
        self.identifiers.clear()
        self.whereabouts.clear()
        self.whereabouts.setVisible(False)
        self.badge.clear()
        self.badge.setStyleSheet("")
        self.rosh.clear()
        self.sync_state.clear()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.whereabouts.setMaximumWidth(max(1, int(event.size().width() * WHEREABOUTS_SHARE)))
        super().resizeEvent(event)

    def has_unsaved(self) -> bool:
        """The registration or MAPPA tab, or the Identity tab's preferred language, holds edits that are
        not saved."""
        if self.data is None:
            return False
        n = self.data.status.case.nominal
        return bool(
            (self.registration is not None and self.registration.unsaved(n.registration))
            or (self.mappa is not None and self.mappa.unsaved(n.mappa, self.data.plan))
            or self._language_unsaved()
        )

    def _language_unsaved(self) -> bool:
        return self.language is not None and self.language.unsaved()

    def unsaved_forms(self) -> dict[str, State]:
        """The forms holding edits not saved, as typed (kept as a draft when the window locks)."""
        if self.data is None:
            return {}
        n = self.data.status.case.nominal
        forms: dict[str, State] = {}
        if self.registration is not None and self.registration.unsaved(n.registration):
            forms["registration"] = capture(self.registration)
        if self.mappa is not None and self.mappa.unsaved(n.mappa, self.data.plan):
            forms["mappa"] = capture(self.mappa)
        if self.language is not None and self.language.unsaved():
            forms["language"] = capture(self.language)
        return forms

    def restore_forms(self, forms: dict[str, State]) -> None:
        """Put a draft's edits back into the forms of the record just opened."""
        forms_now: tuple[tuple[str, QWidget | None], ...] = (
            ("registration", self.registration),
            ("mappa", self.mappa),
            ("language", self.language),
        )
        for name, form in forms_now:
            if form is not None and name in forms:
                restore(form, forms[name])

    @property
    def nominal_id(self) -> str | None:
        return self.data.nominal_id if self.data is not None else None

    def show_record(self, data: RecordData, workspace: Workspace) -> None:
        same = self.data is not None and self.data.nominal_id == data.nominal_id
        keep_tab = self.tabs.currentIndex() if same else 0
        self.data = data
        s, today, policy = data.status, workspace.today, workspace.policy
        n = s.case.nominal
        identity = workspace.identity
        may_record = identity.role.may(Capability.RECORD)
        self.heading.setText(n.display_name)
        officer = workspace.officer_names.get(n.officer_id or "", tr("Unallocated"))
        self.identifiers.setText(
            tr("ViSOR {0} · PNC {1} · born {2:%d %b %Y} (aged {3}) · {4} · officer {5}").format(
                n.visor_ref, n.pnc_id, n.date_of_birth, age_on(n.date_of_birth, today), n.sex.words, officer
            )
            # Before a visit or a letter: the language they wish to correspond in, when recorded.
            + (
                tr(" · language: {0}").format(language_text(n.preferred_language))
                if n.preferred_language is not None
                else ""
            )
        )
        risk_badge(self.badge, s.risk, s.risk_assessed, n.mappa.level)
        rosh = data.rosh[0] if data.rosh else None
        self.rosh.setText(rosh.headline() if rosh else "")
        self.rosh.setToolTip(
            tr("{0} on {1:%d %b %Y}: {2}").format(tr(rosh.source.label), rosh.assessed_on, rosh.detail())
            if rosh
            else ""
        )
        self.rosh.setStyleSheet(
            f"color: {colours().alert}; font-weight: bold;" if rosh and rosh.highest >= RiskLevel.HIGH else ""
        )
        missing = s.case.missing
        self.whereabouts.setText(describe_open(missing, today) if missing is not None else "")
        self.whereabouts.setVisible(missing is not None)
        self._show_state(data.sync_state)
        # A reload (another tab saved, or a change arrived by sync) keeps a form the user has edited
        # and not saved; the others are filled afresh from the store.
        old_registration = self.registration if same else None
        old_mappa = self.mappa if same else None
        old_language = self.language.chosen() if same and self.language and self.language.unsaved() else None
        self.tabs.clear()
        self.tabs.addTab(self._summary(data, workspace), tr("Summary"))

        if (
            old_registration is not None
            and old_registration.edited()
            and old_registration.unsaved(n.registration)
        ):
            registration = old_registration
            registration.rebase(n)
        else:
            registration = RegistrationForm(s.case, today, policy, may_record)
            registration.save.connect(
                lambda before, after: self.save_nominal.emit(before, after, QT_TR_NOOP("registration"))
            )
        self.registration = registration
        self.tabs.addTab(registration, tr("Registration"))

        self.tabs.addTab(self._risk(data, workspace), tr("Risk"))
        self._tab(self._visits(data, workspace), tr("Visits"), counted(len(data.visits), tr("visit")))
        travel = TravelTab(n.trips, policy, may_record)
        travel.record_trip.connect(lambda: self.record_trip.emit(s))
        travel.edit_trip.connect(lambda trip: self.edit_trip.emit(s, trip))
        self.travel = travel
        travel.remove_row.connect(lambda row, words: self.remove_record.emit(s, TRIPS, row, words))
        self._tab(travel, tr("Travel"), counted(len(n.trips), tr("trip")) + tr(" abroad"))
        orders = OrdersTab(n.orders, today, may_record, n.licences)
        before: object = getattr(self, "orders", None)
        if same and isinstance(before, OrdersTab):
            orders.kept_from(before)
        orders.licence_panel.record_licence.connect(lambda: self.edit_licence.emit(s, None))
        orders.licence_panel.edit_licence.connect(lambda lic: self.edit_licence.emit(s, lic))
        orders.record_order.connect(lambda: self.edit_order.emit(s, None))
        orders.edit_order.connect(lambda order: self.edit_order.emit(s, order))
        orders.add_term.connect(lambda order: self.edit_term.emit(s, order, None))
        orders.edit_term.connect(lambda order, term: self.edit_term.emit(s, order, term))
        self.orders = orders
        orders.remove_order.connect(lambda row, words: self.remove_record.emit(s, CIVIL_ORDERS, row, words))
        orders.remove_term.connect(lambda row, words: self.remove_record.emit(s, ORDER_TERMS, row, words))
        orders.licence_panel.remove_licence.connect(
            lambda row, words: self.remove_record.emit(s, LICENCES, row, words)
        )
        whole = tr("Orders and conditions: {0}, {1}").format(
            counted(len(n.orders), tr("civil order")), counted(len(n.licences), tr("licence"))
        )
        self._tab(orders, tr("Orders"), whole)
        case_tab = BreachesAndWhereaboutsTab(data, today, may_record, policy.whereabouts.review_days)
        case_tab.review_whereabouts.connect(lambda w: self.review_whereabouts.emit(s, w))
        case_tab.record_whereabouts.connect(lambda: self.record_whereabouts.emit(s, data.whereabouts))
        case_tab.edit_whereabouts.connect(lambda w: self.edit_whereabouts.emit(s, data.whereabouts, w))
        case_tab.record_rosh.connect(lambda: self.record_rosh.emit(s))
        case_tab.record_breach.connect(lambda: self.record_breach.emit(s))
        case_tab.edit_breach.connect(lambda breach: self.edit_breach.emit(s, breach))
        self.case_tab = case_tab
        case_tab.rosh.remove_rosh.connect(lambda row, words: self.remove_record.emit(s, ROSH, row, words))
        case_tab.breaches.remove_row.connect(
            lambda row, words: self.remove_record.emit(s, BREACHES, row, words)
        )
        case_tab.whereabouts.remove_row.connect(
            lambda row, words: self.remove_record.emit(s, WHEREABOUTS, row, words)
        )
        self._tab(case_tab, tr("Breaches"), case_tab.title)
        details = DetailsTab(data.details, today, may_record)
        details.record_detail.connect(lambda: self.edit_detail.emit(s, None))
        details.edit_detail.connect(lambda d: self.edit_detail.emit(s, d))
        self.details = details
        details.remove_row.connect(
            lambda row, words: self.remove_record.emit(s, NOTIFIED_DETAILS, row, words)
        )
        whole = tr("Notified personal details: {0}").format(counted(len(data.details), tr("detail")))
        self._tab(details, tr("Details"), whole)
        names_tab = IdentityTab(
            data.names, n.aliases, may_record, data.name_changes, policy.name_changes, today
        )
        names_tab.record_name.connect(lambda: self.edit_name.emit(s, None))
        names_tab.edit_name.connect(lambda name: self.edit_name.emit(s, name))
        names_tab.notices.record_notice.connect(lambda: self.edit_name_change.emit(s, None))
        names_tab.notices.edit_notice.connect(lambda notice: self.edit_name_change.emit(s, notice))
        self.identity_tab = names_tab
        names_tab.remove_row.connect(lambda row, words: self.remove_record.emit(s, NAMES, row, words))
        names_tab.notices.remove_row.connect(
            lambda row, words: self.remove_record.emit(s, NAME_CHANGE_NOTICES, row, words)
        )
        whole = tr("Identity and names: {0}, {1}").format(
            counted(len(data.names) + len(n.aliases), tr("name")),
            counted(len(data.name_changes), tr("name-change notice")),
        )
        language = LanguageForm(n, may_record)
        if old_language is not None:  # chosen and not saved before the reload: still chosen
            language.choice.setCurrentIndex(language.choice.findData(old_language))
        language.save.connect(
            lambda before, after: self.save_nominal.emit(before, after, QT_TR_NOOP("preferred language"))
        )
        names_tab.rows.insertWidget(0, language)
        self.language = language
        self._tab(names_tab, tr("Identity"), whole)

        if old_mappa is not None and old_mappa.edited() and old_mappa.unsaved(n.mappa, data.plan):
            mappa = old_mappa
            mappa.rebase(n, data.plan, data.decisions, data.actions)
        else:
            may_decide = identity.role.may(Capability.RECORD_PANEL_DECISIONS)
            mappa = MappaForm(
                n, data.plan, today, policy, may_record, may_decide, data.decisions, data.actions
            )
            mappa.save.connect(self._save_mappa)
        self.mappa = mappa
        self.tabs.addTab(mappa, tr("MAPPA"))

        contacts = ContactsTab(data.contacts, today, may_record)
        contacts.record_contact.connect(lambda: self.edit_contact.emit(s, None))
        contacts.edit_contact.connect(lambda contact: self.edit_contact.emit(s, contact))
        self.contacts = contacts
        contacts.remove_row.connect(lambda row, words: self.remove_record.emit(s, CONTACTS, row, words))
        whole = tr("Household and contacts: {0}").format(counted(len(data.contacts), tr("contact")))
        self._tab(contacts, tr("Household"), whole)

        devices = DevicesTab(data.devices, may_record, data.device_checks)
        devices.checks.record_check.connect(lambda: self.edit_device_check.emit(s, None))
        devices.checks.edit_check.connect(lambda check: self.edit_device_check.emit(s, check))
        pre_visit = PreVisitList(data.pre_visit_checks, len(policy.pre_visit_checks), may_record)
        pre_visit.record_check.connect(lambda: self.record_pre_visit.emit(s))
        devices.rows.addWidget(pre_visit, 1)
        devices.pre_visit = pre_visit
        devices.record_device.connect(lambda: self.edit_device.emit(s, None))
        devices.edit_device.connect(lambda device: self.edit_device.emit(s, device))
        self.devices = devices
        devices.remove_row.connect(lambda row, words: self.remove_record.emit(s, DEVICES, row, words))
        in_use = sum(d.in_use for d in data.devices)
        whole = tr("Devices: {0} in use, {1} in all; device checks; pre-visit checks").format(
            in_use, len(data.devices)
        )
        self._tab(devices, tr("Devices"), whole)

        photos = PhotosTab(may_record)
        self.photos = photos
        if not same:
            self.attachments = []
        self._tab(photos, tr("Photos"), "")
        self.show_attachments(n.id, self.attachments)

        chronology = ChronologyTab(data.chronology())
        chronology.print_chronology.connect(lambda kinds: self.print_chronology.emit(n.id, kinds))
        self.chronology = chronology
        self.tabs.addTab(chronology, tr("Chronology"))

        audit = Table(TableModel(_audit_columns(), data.audit), tr("Audit trail"), max_width=260)
        self.tabs.addTab(audit, tr("Audit trail"))
        self.tabs.setCurrentIndex(keep_tab)
        self.photos_made.emit(s, photos)  # filled when read (AttachmentActions)

    def show_sync_state(self, nominal_id: str, state: str) -> None:
        """The header's sync state read again apart from the record (after photographs are added)."""
        if nominal_id == self.nominal_id:
            self._show_state(state)

    def _show_state(self, state: str) -> None:
        text, tip = sync_states().get(state, ("", ""))
        self.sync_state.setText(text)
        self.sync_state.setToolTip(tip)

    def show_attachments(
        self, nominal_id: str, items: list[Shown], decoded: dict[str, QImage] | None = None
    ) -> None:
        """The person's photographs and documents, read apart from the record: the Photos tab, its
        count, and the current face in the header."""
        if nominal_id != self.nominal_id or self.photos is None:
            return
        self.attachments = items
        self.photos.show_items(items, decoded)
        photos = sum(s.attachment.is_photo for s in items)
        index = self.tabs.indexOf(self.photos)
        self.tabs.setTabToolTip(
            index,
            tr("Photographs and documents: {0}, {1}").format(
                counted(photos, tr("photograph")), counted(len(items) - photos, tr("document"))
            ),
        )
        face = current_face([s.attachment for s in items])
        thumbnail = next(
            (s.thumbnail for s in items if face is not None and s.attachment.id == face.id), None
        )
        pixmap = QPixmap()
        if thumbnail is not None and pixmap.loadFromData(thumbnail):
            self.face.setFixedWidth(FACE_PX * 3 // 4)
            self.face.setPixmap(
                pixmap.scaled(
                    self.face.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            self.face.setToolTip(
                tr("Face photograph taken {0:%d %b %Y}").format(face.taken_on) if face else ""
            )
        else:
            words = tr("No photograph")
            self.face.setText(words)
            # Each word whole on its line: Welsh's "ffotograff" at 200% is wider than a photograph.
            longest = max(self.face.fontMetrics().horizontalAdvance(word) for word in words.split())
            self.face.setFixedWidth(max(FACE_PX * 3 // 4, longest + 12))
            self.face.setToolTip(tr("No face photograph on this record yet: add one on the Photos tab"))

    # -- tabs

    def _tab(self, widget: QWidget, label: str, whole: str) -> None:
        """Short tab names with no counts, the whole and the count in the tooltip: thirteen tabs fit
        a 1280-pixel window without scrolling."""
        self.tabs.setTabToolTip(self.tabs.addTab(widget, label), whole)

    def _summary(self, data: RecordData, ws: Workspace) -> QWidget:
        s = data.status
        n = s.case.nominal
        a = n.address
        where = f"{a.line1}, {a.town} {a.postcode} ({a.area})" if a else tr("No fixed abode")
        rm = data.rm2000[0] if data.rm2000 else None
        arms = data.arms[0] if data.arms else None
        rows = [
            (tr("Address"), where),
            (tr("Preferred language"), language_text(n.preferred_language)),
            (
                tr("Risk level"),
                tr(s.risk.label) + ("" if s.risk_assessed else tr(" (not assessed: policy level)")),
            ),
            (tr("Flags"), ", ".join(f for f in (flags(s), child_flag(data, ws.today)) if f) or tr("None")),
            (
                tr("Next visit"),
                f"{day_text(s.visit.due, '%a %d %b %Y')} — {s.visit.basis}" if s.visit.due else s.visit.basis,
            ),
            (
                tr("Last seen"),
                day_text(s.case.last_seen_visit, "%d %b %Y") if s.case.last_seen_visit else tr("Never"),
            ),
            (
                tr("Planned visit"),
                (
                    day_text(s.case.planned_visit, "%a %d %b %Y")
                    + (
                        tr(" at {0:%H:%M}").format(s.case.planned_time)
                        if s.case.planned_time is not None
                        else ""
                    )
                )
                if s.case.planned_visit
                else "—",
            ),
            (
                tr("ARMS"),
                tr("due {0:%d %b %Y} — {1}").format(s.arms.due, s.arms.trigger)
                if s.arms.due
                else s.arms.trigger,
            ),
            *(
                [(tr("OASys (probation) due"), tr("{0:%d %b %Y} — 15 days after release").format(oasys))]
                if (oasys := probation_oasys_due(n)) is not None
                else []
            ),
            (
                tr("Latest ARMS"),
                tr("{0:%d %b %Y}, priority {1}").format(arms.completed_on, tr(arms.priority.label))
                if arms
                else tr("None"),
            ),
            (
                tr("Latest RM2000"),
                tr("{0:%d %b %Y}: combined {1} ({2})").format(
                    rm.completed_on,
                    tr(rm.combined.label) if rm.combined else tr("unsettled"),
                    _table_name(rm.c_table),
                )
                if rm
                else tr("None recorded"),
            ),
            (
                tr("MAPPA"),
                tr("Category {0}, level {1}, lead {2}").format(
                    n.mappa.category, n.mappa.level, n.mappa.lead_agency
                ),
            ),
            (
                tr("Risk of serious harm"),
                tr("{0} ({1}, {2:%d %b %Y})").format(
                    data.rosh[0].headline().removeprefix("RoSH: "),
                    tr(data.rosh[0].source.label),
                    data.rosh[0].assessed_on,
                )
                if data.rosh
                else tr("None recorded"),
            ),
            (
                tr("Whereabouts"),
                f"{describe_open(s.case.missing, ws.today)}; "
                f"{describe_review(s.case.missing, ws.today, ws.policy.whereabouts.review_days)}"
                if s.case.missing is not None
                else tr("Known"),
            ),
            (
                tr("Breaches"),
                tr("{0}, latest found {1:%d %b %Y}").format(
                    counted(len(data.breaches), tr("breach"), tr("breaches")), data.breaches[0].found_on
                )
                if data.breaches
                else tr("None recorded"),
            ),
            *(
                [
                    (
                        tr("Intelligence that they may offend"),
                        intelligence_text(n.intelligence_on, n.intelligence_note),
                    )
                ]
                if n.intelligence_on is not None
                else []
            ),
            (tr("Index offence"), next((o.description for o in n.occasions if o.index), "—")),
            *(
                (
                    tr("Foreign travel"),
                    tr("{0:%d %b %Y} {1}: {2}").format(
                        t.departs_on, t.destination, describe_travel_notice(t, ws.policy.notifications)
                    ),
                )
                for t in sorted(n.trips, key=lambda t: t.departs_on, reverse=True)
            ),
            *(
                (
                    tr("Civil order"),
                    tr("{0}, made {1:%d %b %Y}, {2}").format(tr(o.kind.label), o.made_on, o.end_text),
                )
                for o in sorted(orders_in_force(n.orders, ws.today), key=lambda o: o.made_on, reverse=True)
            ),
            *(
                (
                    tr("On licence"),
                    tr("to {0:%d %b %Y}").format(lic.ends_on) if lic.ends_on else tr("for life"),
                )
                for lic in [licence_on(n.licences, ws.today)]
                if lic is not None
            ),
        ]

        def table(rows: list[tuple[str, str]]) -> str:
            return (
                "<table cellpadding='4'>"
                + "".join(
                    f"<tr><td style='color:{colours().muted}'>{escape(k)}</td><td>{escape(v)}</td></tr>"
                    for k, v in rows
                )
                + "</table>"
            )

        # The address section: the address, then where rounds place it (and who may set it by hand).
        address = Label(table(rows[:1]))
        address.setWordWrap(True)  # a long address on more lines, not wider than the page (Welsh at 200%)
        address.setAccessibleName(tr("Address"))
        may = ws.identity.role.may(Capability.RECORD)
        self.location = LocationSection(data.location, data.hand_point, may)
        self.location.set_requested.connect(lambda: self.set_point.emit(s))
        self.location.clear_requested.connect(lambda: self.clear_point.emit(s))
        notification = describe_notification(n, ws.today, ws.policy).replace("\n", "<br>")
        label = Label(table(rows[1:]) + "<h3>" + tr("Notification") + f"</h3><p>{notification}</p>")
        label.setWordWrap(True)
        label.setAccessibleName(tr("Summary"))
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.addWidget(address)
        layout.addWidget(self.location)
        layout.addWidget(label)
        layout.addStretch(1)
        return box

    def _risk(self, data: RecordData, ws: Workspace) -> QWidget:
        s = data.status
        may = ws.identity.role.may(Capability.RECORD)
        latest = data.rm2000[0] if data.rm2000 else None  # newest first
        calc = Rm2000Calculator(s.case.nominal, ws.identity.name, ws.today, ws.policy, may, latest)
        calc.save.connect(self.save_rm2000.emit)
        history: list[Any] = sorted([*data.rm2000, *data.arms], key=lambda a: a.completed_on, reverse=True)
        table = Table(TableModel(_history_columns(ws.policy), history), tr("Risk history"))
        arms_button = QPushButton(tr("Record ARMS…"))
        arms_button.setVisible(may)
        arms_button.clicked.connect(lambda: self.record_arms.emit(s))
        box = QWidget()
        layout = QVBoxLayout(box)
        title = QLabel("<b>" + tr("Risk Matrix 2000 calculator") + "</b>")
        title.setToolTip(tr("The force's scoring tables: {0}").format(ws.policy.rm2000.version))
        layout.addWidget(title)
        layout.addWidget(calc, 3)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("<b>" + tr("Risk history (RM2000 and ARMS)") + "</b>"), 1)
        bar.addWidget(arms_button)
        layout.addLayout(bar)
        layout.addWidget(table, 2)
        self.calculator = calc
        return box

    def _visits(self, data: RecordData, ws: Workspace) -> QWidget:
        s = data.status
        n = s.case.nominal
        may = ws.identity.role.may(Capability.RECORD)
        table = Table(TableModel(_visit_columns(), data.visits), tr("Visits"), max_width=240)
        record = QPushButton(tr("Record visit…"))
        plan = QPushButton(tr("Plan visit…"))
        correct = QPushButton(tr("Correct…"))
        correct.setToolTip(tr("Correct the selected visit: the visit as first recorded is kept"))
        annotate = QPushButton(tr("Add note…"))
        annotate.setToolTip(tr("Add a dated, signed note to the selected visit"))
        for button in (record, plan, correct, annotate):
            button.setVisible(may)
        record.clicked.connect(lambda: self.record_visit.emit(s))
        plan.clicked.connect(lambda: self.plan_visit.emit(s))
        history = ReadOnlyText()  # a note is shown as typed, never as markup, and wraps however long
        history.setAccessibleName(tr("Corrections and notes of the selected visit"))

        def chosen() -> RecordedVisit | None:
            rows = table.selected_rows()
            return rows[0] if len(rows) == 1 else None

        def selected() -> None:
            visit = chosen()
            for button in (correct, annotate):
                button.setEnabled(visit is not None)
            history.setText(_history_text(visit) if visit is not None else "")

        def emit(signal: Any) -> None:
            if (visit := chosen()) is not None:
                signal.emit(s, visit)

        correct.clicked.connect(lambda: emit(self.correct_visit))
        annotate.clicked.connect(lambda: emit(self.annotate_visit))
        table.selectionModel().selectionChanged.connect(selected)
        selected()
        self.visits_table, self.visit_history = table, history
        self.correct_button, self.note_button = correct, annotate
        due = Label(
            tr("Next visit due: {0} — {1}").format(
                day_text(s.visit.due, "%a %d %b %Y") if s.visit.due else "—", s.visit.basis
            )
        )
        due.setWordWrap(True)
        due.setAccessibleName(tr("Next visit due"))

        interval = QSpinBox()
        interval.setRange(0, 60)
        interval.setSpecialValueText(tr("Policy default"))
        interval.setSuffix(tr(" months"))
        interval.setValue(n.visit_plan.interval_months or 0)
        interval.setAccessibleName(tr("Visit interval"))
        rationale = QLineEdit(n.visit_plan.rationale)
        rationale.setAccessibleName(tr("Rationale"))
        reactive = QCheckBox(tr("Reactive management (no routine visits)"))
        reactive.setChecked(n.visit_plan.reactive)
        save = QPushButton(tr("Save visit plan"))
        save.setVisible(may)
        if not may:
            interval.setReadOnly(True)
            rationale.setReadOnly(True)
            reactive.setEnabled(False)
        message = ErrorLabel()
        intelligence = IntelligenceFields(s.case, ws.today, ws.policy.visits, reactive, may)
        self.intelligence = intelligence

        def save_plan() -> None:
            plan = VisitPlan(interval.value() or None, rationale.text().strip(), reactive.isChecked())
            try:
                after = replace(n, visit_plan=plan, **intelligence.values())
            except ValueError as e:  # a date that does not read, named
                message.setText(str(e))
                return
            problems = visit_plan_problems(plan)  # the domain's rule, as every other path applies it
            problems += intelligence.problems(after)
            widgets = {"plan_rationale": rationale, "plan_interval_months": interval}
            for name, widget in widgets.items():
                set_error(widget, next((tr(p.message) for p in problems if p.field == name), None))
            if problems:
                message.setText(
                    "\n".join(tr("{0}: {1}").format(tr(p.label), tr(p.message)) for p in problems)
                )
                return
            message.clear()
            self.save_nominal.emit(n, after, QT_TR_NOOP("visit plan"))

        save.clicked.connect(save_plan)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a field under its label if need be
        form.addRow(tr("Visit every:"), interval)
        form.addRow(tr("Rationale:"), rationale)
        form.addRow("", reactive)
        intelligence.add_to(form)
        form.addRow(message, save)
        # Buttons under the words they go with where one line is too narrow (text at 200%).
        bar = WrappingRow()
        bar.add_group(due, stretch=1)
        bar.add_group(plan, record)
        edits = WrappingRow()
        edits.add_group(history, stretch=1)
        edits.add_group(correct, annotate)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.addWidget(bar)
        # Failed entry and s.96B: attempts since last seen, a warrant decision due, decisions recorded.
        warrant = WarrantSection(
            case_warrant(s.case, ws.today),
            list(s.case.warrant_decisions),
            ws.identity.role.may(Capability.DECIDE_WARRANT),
        )
        warrant.decide.connect(lambda: self.decide_warrant.emit(s))
        warrant.print_pack.connect(lambda: self.print_warrant_pack.emit(n.id))
        self.warrant = warrant
        layout.addWidget(warrant)
        # Announced and varied: this person's visits, and their officer's lately (Workspace.visit_log).
        self.visit_variety = VarietyPanel()
        officer = ws.officer_names.get(n.officer_id or "", "")
        rules = ws.policy.visits.variety
        self.visit_variety.show_for(data.visits, officer, ws.visit_log, rules, ALL_RECORDED)
        layout.addWidget(self.visit_variety)
        layout.addWidget(table, 1)
        layout.addWidget(edits)
        layout.addWidget(QLabel("<b>" + tr("Visit plan") + "</b>"))
        layout.addLayout(form)
        return box

    def _print(self) -> None:
        if self.nominal_id is not None:
            self.print_summary.emit(self.nominal_id)

    def _save_mappa(self, before: Any, after: Any, plan: Any) -> None:
        # The plan first: it is judged with the level it was written under (a SOM's plan for a level 1
        # case they refer to a panel in the same Save is theirs; from then on the panel's).
        if self.data is not None and plan != self.data.plan:
            self.save_plan.emit(before.id, plan)
        self.save_nominal.emit(before, after, QT_TR_NOOP("MAPPA"))
