"""Screenshots of every main view at 1280x800 from the demo profile, for docs/screenshots/.

Run on a real X server: xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections import Counter
from datetime import date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from somdesk.app.policy import default_policy
from somdesk.app.session import Role
from somdesk.domain.name_changes import NameChangeNotice
from somdesk.ui.controller import Controller
from somdesk.ui.dialogs.reallocate import ReallocateDialog
from somdesk.ui.dialogs.visit import VisitDialog
from somdesk.ui.ops import DbWorker
from somdesk.ui.record.name_change_dialog import NameChangeDialog
from somdesk.ui.views.decision_dialog import DecisionDialog
from somdesk.ui.views.meeting_dialog import MeetingDialog
from somdesk.ui.views.meetings import MeetingsView
from somdesk.ui.views.panel import PanelView

TODAY = date(2026, 11, 23)
NOTICE = NameChangeNotice("Mark TALLOWFIELD", date(2026, 11, 16), date(2026, 12, 20))


def save(app: QApplication, widget: QWidget, path: Path) -> None:
    for _ in range(3):
        app.processEvents()
    widget.grab().save(str(path))
    print(path)


def controller(role: Role, folder: Path) -> Controller:
    c = Controller(
        default_policy(),
        folder,
        today=lambda: TODAY,
        worker=DbWorker(inline=True),  # each step finishes before the picture is taken
        demo_role=role,
        ask_reason=lambda name, last: "Case management",
    )
    c.window.resize(1280, 800)
    c.show_start()
    return c


def prepare_meeting(panel: PanelView) -> None:
    """The panel list as a chair leaves it before printing: one panel (the busiest area at level 2), the
    cases due by a meeting four weeks on, all of them chosen."""
    panel.meeting.set_value(TODAY + timedelta(weeks=4))
    panel.set_filter("level", 2)
    areas = Counter(s.case.nominal.area for s, _ in panel.model.rows())
    if areas:
        panel.set_filter("area", areas.most_common(1)[0][0])
    panel.due_only.setChecked(True)
    panel.select_all_shown()


def devices_shots(app: QApplication, c: Controller, out: Path) -> None:
    """The Devices tab of an online offender (devices and a device check with concerns), and the check
    dialog with the Android checklist."""
    from somdesk.domain.device_checks import CheckResult, DeviceCheck, device_terms
    from somdesk.domain.devices import OperatingSystem
    from somdesk.domain.model import VisitOutcome

    SEEN = VisitOutcome.SEEN
    from somdesk.ui.record.device_check_dialog import DeviceCheckDialog

    assert c.session is not None and c.workspace is not None
    session, window = c.session, c.window
    with session.opened.reader() as reader:
        nid, phone, terms, visit = next(
            (s.case.nominal.id, phone, terms, visits[0])
            for s in c.workspace.statuses
            if (terms := device_terms(reader.orders_for(s.case.nominal.id), TODAY))
            and (visits := [v for v in reader.visits_for(s.case.nominal.id) if v.outcome is SEEN])
            and (phone := next((d for d in reader.devices_for(s.case.nominal.id)
                                if d.in_use and d.system is OperatingSystem.ANDROID), None))
        )  # fmt: skip
    findings = "Chrome history cleared since the last visit; a second browser (Firefox Focus) installed"
    check = DeviceCheck(visit.id, visit.at.date(), CheckResult.CONCERNS, (phone.id,), (terms[0][1].id,),
                        findings, "DC Demo")  # fmt: skip
    session.save_device_check(nid, check)
    c.open_record(nid)
    tabs = window.record.tabs
    tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.tabText(i) == "Devices"))
    save(app, window, out / "record-devices.png")
    data = window.record.data
    assert data is not None
    dialog = DeviceCheckDialog(
        data.status.case.nominal.display_name, TODAY, "DC Demo", data.visits, data.devices, terms,
        session.policy.device_checks, None, window,
    )  # fmt: skip
    for i in range(dialog.devices.count()):
        if dialog.devices.item(i).data(Qt.ItemDataRole.UserRole) == phone.id:
            dialog.devices.item(i).setCheckState(Qt.CheckState.Checked)
    for i in range(2):
        dialog.checklist.item(i).setCheckState(Qt.CheckState.Checked)
    dialog.verdict.setCurrentIndex(dialog.verdict.findData(CheckResult.CONCERNS))
    dialog.findings.setPlainText(findings)
    dialog.open_breach.setChecked(True)
    dialog.show()
    save(app, dialog, out / "record-device-check-dialog.png")
    dialog.close()


def photos_shots(app: QApplication, c: Controller, out: Path) -> None:
    """The Photos tab of a case with photographs (two faces, a tattoo, a vehicle, the home) in the strip
    and documents (an order, a letter, a photographed licence) in the list; the demo has none of its own,
    so they are made with tests/media_files (drawn faces: no real person) and added through the session."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests import media_files

    from somdesk.app.attachment_work import AttachmentDetails
    from somdesk.app.media import prepare
    from somdesk.domain.attachments import AttachmentCategory as Category

    assert c.session is not None and c.workspace is not None
    session = c.session
    status = max(c.workspace.statuses, key=lambda s: len(s.case.nominal.orders))
    nid, officer = status.case.nominal.id, "DC Demo"
    photo, van = media_files.jpeg_with_gps, "Blue Transit van"
    files = [
        ("face-2024.jpg", media_files.face_photo(11), Category.FACE, 700, "At notification, 2024"),
        ("face.jpg", media_files.face_photo(11, (620, 820)), Category.FACE, 9, "Beard grown"),
        ("tattoo.png", media_files.png_image(900, 700), Category.MARKS, 120, "Tattoo, left forearm"),
        ("van.jpg", photo(1600, 1200, orientation=1), Category.VEHICLE, 40, van),
        ("home.jpg", photo(1400, 1050, orientation=1), Category.HOME, 60, "Front of the house"),
        ("SHPO.pdf", media_files.pdf_document(3), Category.ORDER, 300, "SHPO, Northmere"),
        ("letter.pdf", media_files.pdf_document(1), Category.LETTER, 20, "Hostel letter"),
        ("licence.jpg", media_files.png_image(1200, 1600), Category.LICENCE, 200, "Licence, photographed"),
    ]  # fmt: skip
    for name, data, category, days_ago, caption in files:
        details = AttachmentDetails(category, TODAY - timedelta(days=days_ago), officer, caption)
        session.add_attachment(nid, prepare(name, data, session.policy.attachments), details)
    c.open_record(nid)
    tabs = c.window.record.tabs
    tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.tabText(i) == "Photos"))
    photos = c.window.record.photos
    assert photos is not None
    photos.strip.setCurrentIndex(photos.strip_model.index(0, 0))
    save(app, c.window, out / "record-photos.png")
    photos.documents.selectRow(0)
    photos.documents.setFocus()
    save(app, c.window, out / "record-documents.png")


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv)
    if "--photos" in sys.argv:  # only the Photos tab's pictures (quicker while working on it)
        with tempfile.TemporaryDirectory() as profiles:
            c = controller(Role.SOM, Path(profiles))
            c.open_demo()
            photos_shots(app, c, out)
            c.shutdown()
        return 0
    with tempfile.TemporaryDirectory() as profiles:  # a fresh demo profile, not the user's
        folder = Path(profiles)
        c = controller(Role.SUPERVISOR, folder)
        window = c.window
        save(app, window, out / "unlock.png")
        c.open_demo()
        for key in window.views:
            window.show_view(key)
            if isinstance(view := window.views[key], PanelView):
                prepare_meeting(view)
            save(app, window, out / f"{key}.png")
        window.show_view("caseload")
        statuses = c.workspace.statuses if c.workspace else []
        # A panel case with an order in force, a licence and a breach or episode: every tab has content.
        case = max(
            (s for s in statuses if s.case.nominal.mappa.level >= 2),
            key=lambda s: (
                bool(s.case.nominal.orders),
                bool(s.case.nominal.licences),
                bool(s.case.breaches_found),
            ),
        )
        # A name-change notice waiting for the police decision (the demo force has none of its own).
        assert c.session is not None
        c.session.save_name_change(case.case.nominal.id, NOTICE)
        c.open_record(case.case.nominal.id)
        shots = {
            "Summary": "record-summary",
            "Registration": "record-registration",
            "Risk": "record-risk",
            "Visits": "record-visits",
            "Orders": "record-orders",
            "Breaches": "record-breaches",
            "Details": "record-details",
            "Identity": "record-identity",
            "MAPPA": "record-mappa",
            "Household": "record-contacts",
            "Chronology": "record-chronology",
        }
        tabs = window.record.tabs
        for index in range(tabs.count()):
            name = shots.get(tabs.tabText(index).split(" (")[0])
            if name:
                tabs.setCurrentIndex(index)
                save(app, window, out / f"{name}.png")
        notice = window.record.identity_tab.notices.table.table_model.rows()[0]
        rules = default_policy().name_changes
        dialog = NameChangeDialog(case.case.nominal.display_name, TODAY, rules, notice, window)
        dialog.show()
        save(app, dialog, out / "record-name-change-dialog.png")
        dialog.close()
        traveller = next(s for s in statuses if s.case.nominal.trips)
        c.open_record(traveller.case.nominal.id)
        tabs = window.record.tabs
        tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.tabText(i).startswith("Travel")))
        save(app, window, out / "record-travel.png")
        devices_shots(app, c, out)
        photos_shots(app, c, out)
        c.open_record(case.case.nominal.id)
        at = datetime.combine(TODAY, time(14, 30))
        log = c.workspace.visit_log if c.workspace else []
        user = (
            c.workspace.officer_names.get(case.case.nominal.officer_id or "") if c.workspace else ""
        ) or "DC Demo"
        visit = VisitDialog(case, user, lambda: at, default_policy(), window, log=log)
        visit.show()  # one officer named: the lone visit's exception is asked for
        save(app, visit, out / "record-visit-dialog.png")
        visit.second_officer.setText("PC Avery")  # two officers: the exception goes
        save(app, visit, out / "record-visit-dialog-two-officers.png")
        visit.close()
        tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.tabText(i).startswith("Visits")))
        save(app, window, out / "record-visits.png")
        som = next(o for o in c.workspace.officers if o.is_som) if c.workspace else None
        dialog: QDialog = ReallocateDialog(c.workspace, som.id if som else "", window)  # type: ignore[arg-type]
        dialog.show()
        dialog.cases.selectRow(0)
        dialog.cases.selectRow(1)
        save(app, dialog, out / "reallocate-dialog.png")
        dialog.close()
        sample = folder / "caseload-export.csv"
        som_name = som.name if som else ""
        sample.write_text(
            "ViSOR ref;PNC;Surname;Forenames;DOB;Sex;Address;Postcode;Area;Conviction date;Disposal;"
            "Term months;Risk;Officer\n"
            f"IMP00000001;IMP/0000001A;Quarrel;Abe;01/02/1970;M;3 Mill Lane;ZZ1 2AB;Northmere;01/01/2020;"
            f"Community order;;Medium;{som_name}\n"
            f"IMP00000002;IMP/0000002A;Quarrel;Ben;31/02/1971;M;5 Mill Lane;ZZ1 2AB;Northmere;01/01/2020;"
            f"Imprisonment;;High;{som_name}\n",
            encoding="cp1252",
        )
        importer = c.import_dialog()
        importer.load(sample)
        importer.check_button.click()
        importer.show()
        save(app, importer, out / "import-dialog.png")
        importer.close()
        c.lock()
        save(app, window, out / "locked.png")
        c.shutdown()
        som = controller(Role.SOM, folder)  # the same demo force, seen by one of its SOMs
        som.open_demo()
        for key in ("caseload", "planner"):
            som.window.show_view(key)
            save(app, som.window, out / f"som-{key}.png")
        rounds_shots(app, som, out)
        som.shutdown()
        chair_screens(app, folder, out)
    return 0


def rounds_shots(app: QApplication, c: Controller, out: Path) -> None:
    """Plan rounds: the week planned for the SOM and a partner from their team's base, the busiest day
    chosen with its map zoomed to the stops; and that day's sheet, rendered from the PDF."""
    from somdesk.reports.disclose import Disclosure
    from somdesk.reports.service import Reports
    from somdesk.ui.views.planner import PlannerView

    planner = c.window.views["planner"]
    assert isinstance(planner, PlannerView) and c.session is not None
    c.window.show_view("planner")
    panel = planner.rounds
    planner.tabs.setCurrentWidget(panel)
    panel.run()
    week = panel.week
    assert week is not None, panel.message.text()
    busiest = max(range(len(week.plan.days)), key=lambda i: len(week.plan.days[i].stops))
    panel.day_list.setCurrentRow(busiest)
    panel.zoom.setChecked(True)
    panel.stops.selectRow(1)
    save(app, c.window, out / "rounds-map.png")
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "sheet.pdf"
        reports = Reports(c.session, c.workspace)
        disclosure = Disclosure("DC Demo", "the day's visits", "day sheet")
        reports.day_sheets(week, [busiest], disclosure, reports.options(), pdf)
        subprocess.run(
            ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", str(pdf), str(Path(folder) / "page")],
            check=True,
        )
        page = next(Path(folder).glob("page*.png"))
        (out / "rounds-day-sheet.png").write_bytes(page.read_bytes())
        print(out / "rounds-day-sheet.png")


def chair_screens(app: QApplication, folder: Path, out: Path) -> None:
    """The panel chair's meeting screens: a meeting's page (its agenda), Edit meeting…, Record decision…"""
    chair = controller(Role.PANEL_CHAIR, folder)
    chair.open_demo()
    window, ws = chair.window, chair.workspace
    assert ws is not None
    window.show_view("meetings")
    view = window.views["meetings"]
    assert isinstance(view, MeetingsView)
    busiest = max(range(view.model.rowCount()), key=lambda i: len(view.model.row(i).cases))
    view.table.selectRow(busiest)
    save(app, window, out / "chair-meeting-page.png")
    meeting = view.model.row(busiest)
    decided = [i.nominal_id for i in view.agenda_model.rows() if i.decision is not None]
    dialog: QDialog = MeetingDialog(
        ws.statuses, ws.today, ws.policy.mappa.review_weeks, meeting, window, decided
    )
    dialog.show()
    save(app, dialog, out / "chair-meeting-dialog.png")
    dialog.close()
    item = view.agenda_model.row(0)
    days = {m.id: m.held_on for m in ws.meetings}
    dialog = DecisionDialog(meeting, item, ws.today, ws.policy.mappa.review_weeks, days, window)
    dialog.show()
    save(app, dialog, out / "chair-decision-dialog.png")
    dialog.close()
    chair.shutdown()


if __name__ == "__main__":
    sys.exit(main())
