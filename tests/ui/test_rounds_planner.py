"""Plan rounds in the visit planner, on real widgets: plan a week on the worker, see its days, stops,
map, totals and what was not placed; pin, move (which re-plans with the pin), re-run with pins kept;
book the round (each visit's day and time, one audited change each); print the day sheets."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from datetime import time, timedelta

import pytest
from PySide6.QtCore import Qt

from somdesk.app.round_work import PlannedWeek, RoundRequest
from somdesk.demo.locations import base_of_area
from somdesk.domain.planner import week_of
from somdesk.domain.rounds import RoundPlan
from tests.conftest import TODAY
from tests.rounds_helpers import made_week
from tests.ui.test_printing import wire

MONDAY = week_of(TODAY)


class FakePlanner:
    """A plan made by hand for each request, keeping a pinned visit on its day as the optimiser does."""

    def __init__(self) -> None:
        self.requests: list[RoundRequest] = []

    def __call__(self, session, workspace, request: RoundRequest) -> PlannedWeek:
        self.requests.append(request)
        week = made_week(workspace.statuses, request.monday, request.pairs)
        days = list(week.plan.days)
        for nid, day in request.pins.items():  # move a pinned stop to its day, last
            for i, d in enumerate(days):
                kept = tuple(s for s in d.stops if s.nominal_id != nid)
                moved = [s for s in d.stops if s.nominal_id == nid]
                days[i] = d._replace(stops=kept)
                for j, target in enumerate(days):
                    if target.shift.day == day and moved:
                        stop = moved[0]._replace(number=len(target.stops) + 1, fixed=True)
                        days[j] = target._replace(stops=(*target.stops, stop))
        renumbered = tuple(
            d._replace(stops=tuple(s._replace(number=k) for k, s in enumerate(d.stops, 1))) for d in days
        )
        return replace(week, request=request, plan=RoundPlan(renumbered, week.plan.unplaced, "optimised"))


@pytest.fixture
def planned(som):
    planner = som.window.views["planner"]
    panel = planner.rounds
    fake = FakePlanner()
    som.rounds_work.planner = fake
    planner.tabs.setCurrentWidget(panel)
    panel.start.setText("ZZ1 1AA")  # the base (the demo policy names none)
    return som, panel, fake


def test_the_choices_default_to_the_som_a_partner_and_the_policy_s_days_and_hours(planned):
    som, panel, _ = planned
    own = som.workspace.identity.officer_id
    first, second = panel.pairs[0].officer_ids()
    assert first == own and second and second != own
    rules = som.workspace.policy.rounds
    assert [i for i, b in enumerate(panel.days) if b.isChecked()] == list(rules.working_days)
    assert panel.day_start.time().hour() == rules.day_start.hour and panel.monday == MONDAY
    assert panel.book_button.isEnabled() is False and panel.map.accessibleDescription().startswith(
        "Plan rounds"
    )


def test_choices_that_cannot_be_planned_are_said_and_nothing_runs(planned):
    _som, panel, fake = planned
    panel.pairs[0].second.setCurrentIndex(panel.pairs[0].first.currentIndex())
    panel.run()
    assert "same officer twice" in panel.message.text() and not fake.requests
    panel.pairs[0].second.setCurrentIndex(
        (panel.pairs[0].first.currentIndex() + 1) % panel.pairs[0].first.count()
    )
    panel.start.setText("  ")
    panel.run()
    assert "postcode where each day starts" in panel.message.text()
    panel.start.setText("zz1  1aa")
    for box in panel.days:
        box.setChecked(False)
    panel.run()
    assert "at least one day" in panel.message.text() and not fake.requests
    panel.days[0].setChecked(True)
    panel.evening.setCurrentIndex(3)  # Wednesday, not worked
    panel.run()
    assert "evening shift is on Wednesday" in panel.message.text() and not fake.requests
    panel.evening.setCurrentIndex(1)
    panel.run()
    assert fake.requests[-1].start == "ZZ1 1AA" and fake.requests[-1].evening_days == (MONDAY,)


def test_plan_shows_the_days_stops_map_totals_and_what_was_not_placed(planned):
    _som, panel, fake = planned
    panel.run()
    week = panel.week
    assert week is not None and fake.requests[0].monday == MONDAY
    assert panel.day_list.count() == 5 and "4 visits" in panel.day_list.item(0).text()
    rows = panel.stops_model.rows()
    assert [r.stop.number for r in rows] == [1, 2, 3, 4]
    first = rows[0]
    assert first.visit.label in panel.stops_model.data(panel.stops_model.index(0, 3))
    assert panel.stops_model.data(panel.stops_model.index(0, 1)) == f"{first.stop.arrive:%H:%M}"
    assert [s.number for s in panel.map.stops()] == [1, 2, 3, 4]
    assert panel.map.accessibleDescription().startswith("Monday 23 November, from Base (ZZ1 1AA); 1. ")
    totals = panel.totals_model.rows()
    assert [t.plan.visits for t in totals] == [7, 7, 7]
    assert panel.totals_model.data(panel.totals_model.index(1, 4)) == "0.50x"  # half the postcode order's
    assert [r.unplaced.reason.value[:11] for r in panel.unplaced_model.rows()] == [
        "no location",
        "no room in ",
    ]
    assert "7 visits placed in 5 days; 2 not placed" in panel.message.text()
    panel.day_list.setCurrentRow(1)
    assert panel.stops_model.rowCount() == 0 and "no visits placed" in panel.map.accessibleDescription()


def test_a_booked_time_the_plan_could_not_keep_is_said(planned):
    _som, panel, _fake = planned
    panel.run()
    week = panel.week
    assert week is not None
    first = week.plan.days[0].stops[0]
    early = time(7)  # before the shift: placed at its earliest instead
    visits = tuple(
        v._replace(planned=MONDAY, booked_at=early) if v.nominal_id == first.nominal_id else v
        for v in week.problem.visits
    )
    panel.show_week(replace(week, problem=replace(week.problem, visits=visits)))
    assert "1 visit could not keep the booked time" in panel.message.text()


def test_choosing_a_stop_in_the_list_marks_it_on_the_map_and_the_reverse(planned, qtbot):
    _som, panel, _ = planned
    panel.run()
    panel.stops.selectRow(2)
    third = panel.stops_model.rows()[2].nominal_id
    assert panel.map.chosen == third
    panel.map.setFocus()
    qtbot.keyClick(panel.map, Qt.Key.Key_Left)
    assert (
        panel.stops.current_row().stop.number == 2
        and panel.map.chosen == panel.stops.current_row().nominal_id
    )


def test_pin_unpin_move_and_re_run_keep_the_pins(planned):
    som, panel, fake = planned
    panel.run()
    panel.stops.selectRow(0)
    moving = panel.stops.current_row().nominal_id
    panel.pin_button.click()
    assert panel.pins == {moving: MONDAY} and panel.stops.current_row().nominal_id == moving
    assert panel.stops_model.data(panel.stops_model.index(0, 8)) == "Pinned Mon"
    panel.unpin_button.click()
    assert panel.pins == {}
    panel.stops.selectRow(0)
    panel.move_to.setCurrentIndex(2)  # Wednesday
    panel.move_button.click()  # pins it there and plans again
    assert fake.requests[-1].pins == {moving: MONDAY + timedelta(days=2)}
    assert moving not in [r.nominal_id for r in panel.stops_model.rows()]
    panel.day_list.setCurrentRow(2)
    assert (
        panel.stops_model.rows()[-1].nominal_id == moving and panel.stops_model.rows()[-1].pinned is not None
    )
    panel.plan_button.click()  # re-run: the pin goes with it
    assert len(fake.requests) == 3 and fake.requests[-1].pins == {moving: MONDAY + timedelta(days=2)}
    som.window.views["planner"].go_to(MONDAY + timedelta(days=7))  # another week: its own pins
    assert panel.pins == {} and panel.week is None


def test_booking_the_round_sets_each_visit_s_day_and_time_once(planned):
    som, panel, _ = planned
    panel.run()
    asked = []
    som.rounds_work.confirm = lambda question: asked.append(question) or True
    told = []
    som.rounds_work.tell = told.append
    week = panel.week
    already = week.plan.days[2].stops[0].nominal_id
    som.session.plan_visit(already, MONDAY + timedelta(days=4))  # booked on another device meanwhile
    panel.book_button.click()
    assert "Book 7 visits" in asked[0]
    first = week.plan.days[0].stops[0]
    with som.session.opened.reader() as reader:
        case = reader.case(first.nominal_id)
        other = reader.case(already)
    assert (case.planned_visit, case.planned_time) == (MONDAY, first.arrive)
    assert (other.planned_visit, other.planned_time) == (MONDAY + timedelta(days=4), None)
    assert "6 visits with their day and time. 1 left as they were." in panel.message.text()
    assert "booked meanwhile on another device (Fri 27 Nov)" in told[0]
    status = next(s for s in som.workspace.statuses if s.case.nominal.id == first.nominal_id)
    assert status.case.planned_visit == MONDAY  # the views refreshed with the booking


def test_booking_can_be_declined_and_writes_nothing(planned):
    som, panel, _ = planned
    panel.run()
    som.rounds_work.confirm = lambda question: False
    panel.book_button.click()
    first = panel.week.plan.days[0].stops[0].nominal_id
    with som.session.opened.reader() as reader:
        assert reader.case(first).planned_time is None


def test_day_sheets_print_from_the_planner(planned, tmp_path):
    som, panel, _ = planned
    answers = wire(som, tmp_path)
    panel.run()
    panel._print_days(every=True)
    assert answers.offered == ("addresses", "numbers")
    (path,) = answers.paths
    assert path.name == "day-sheets-2026-11-23.pdf"
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "Day sheet" in text and "Monday 23 November 2026" in text and "Wednesday 25 November 2026" in text
    assert "[withheld]" in text  # the answers leave addresses out


def test_a_failed_plan_is_said_and_the_button_comes_back(planned):
    som, panel, _ = planned

    def broken(session, workspace, request):
        raise ValueError("the start point ZZ1 1AA is not in the postcode file loaded")

    som.rounds_work.planner = broken
    panel.run()
    assert "not in the postcode file" in panel.message.text() and panel.plan_button.isEnabled()
    assert panel.running is False


def test_the_week_list_is_kept_beside_plan_rounds(planned):
    som, _panel, _ = planned
    planner = som.window.views["planner"]
    assert [planner.tabs.tabText(i) for i in range(planner.tabs.count())] == ["Week list", "Plan rounds"]
    assert planner.model.rowCount() > 0


def team_base(som) -> str:
    """The demo base of the SOM's own area ("ZZn 0AA"): where their team starts its rounds."""
    ws = som.workspace
    own = next(o for o in ws.officers if o.id == ws.identity.officer_id)
    area = next(t.area for t in ws.teams if t.id == own.team_id)
    return base_of_area(area, 0)[0]


def test_a_real_week_is_planned_on_the_worker_from_the_demo_s_locations_and_booked(som):
    panel = som.window.views["planner"].rounds
    panel.start.setText(team_base(som))
    panel.run()
    week = panel.week
    assert week is not None, panel.message.text()
    assert week.plan.how == "optimised" and week.before.how == "postcode order"
    assert week.plan.visits > 0 and week.located > 0
    placed = [s.nominal_id for d in week.plan.days for s in d.stops]
    assert len(placed) == len(set(placed)) and set(placed) <= set(week.visits)
    ids = {u.nominal_id for u in week.plan.unplaced} | set(placed)
    assert ids == set(week.visits)  # every visit either placed or said why not
    busy = next(i for i, d in enumerate(week.plan.days) if d.stops)
    panel.day_list.setCurrentRow(busy)
    assert [s.number for s in panel.map.stops()] == list(range(1, len(week.plan.days[busy].stops) + 1))
    som.rounds_work.confirm = lambda question: True
    panel.book_button.click()
    first = week.plan.days[busy].stops[0]
    with som.session.opened.reader() as reader:
        case = reader.case(first.nominal_id)
    at = first.arrive.replace(second=0)  # booked to the minute shown
    assert (case.planned_visit, case.planned_time) == (week.plan.days[busy].shift.day, at)
    panel.book_button.click()  # booked again as it is: nothing is "booked meanwhile"
    assert "left as they were" not in panel.message.text()
    # Planned again (pins kept): every booked visit keeps its day and its time, to the minute booked.
    booked = {
        s.nominal_id: (d.shift.day, s.arrive.strftime("%H:%M")) for d in week.plan.days for s in d.stops
    }
    panel.plan_button.click()
    again = panel.week
    assert again is not None and again is not week, panel.message.text()
    kept = {s.nominal_id: (d.shift.day, s.arrive.strftime("%H:%M")) for d in again.plan.days for s in d.stops}
    assert kept == booked


def test_a_start_point_not_in_the_postcode_file_is_said(som):
    panel = som.window.views["planner"].rounds
    panel.start.setText("AB1 2CD")
    panel.run()
    assert panel.week is None and "AB1 2CD is not in the postcode file" in panel.message.text()


@pytest.mark.parametrize("typed", ["<b>ZZ1</b>", "=HYPERLINK(1)", "ZZ1\x000AA", "\u202eZZ1 0AA"])
def test_a_hostile_start_point_is_refused_in_plain_words(som, typed):
    panel = som.window.views["planner"].rounds
    panel.start.setText(typed)
    panel.run()
    assert panel.week is None and "is not in the postcode file" in panel.message.text()
    assert panel.message.textFormat() == Qt.TextFormat.PlainText and panel.plan_button.isEnabled()


def test_a_stop_asked_for_as_an_unannounced_evening_visit_goes_in_the_evening_slot(som):
    from somdesk.domain.rounds import VisitWindow

    panel = som.window.views["planner"].rounds
    panel.start.setText(team_base(som))
    panel.run()
    week = panel.week
    assert week is not None, panel.message.text()
    busy = next(i for i, d in enumerate(week.plan.days) if d.stops)
    panel.day_list.setCurrentRow(busy)
    panel.stops.selectRow(0)
    chosen = panel.stops.current_row().nominal_id
    panel.evening_button.click()
    assert panel.evening_button.isChecked() and "Choose an evening shift too" in panel.message.text()
    evening_day = week.plan.days[busy].shift.day
    panel.evening.setCurrentIndex(panel.evening.findData(evening_day))
    panel.run()
    again = panel.week
    assert again is not None and chosen in again.request.evening_requests
    (visit,) = [v for v in again.problem.visits if v.nominal_id == chosen]
    assert visit.window is VisitWindow.EVENING
    where = {s.nominal_id: (d, s) for d in again.plan.days for s in d.stops}
    reasons = {u.nominal_id: u.reason for u in again.plan.unplaced}
    assert chosen in where or chosen in reasons
    if chosen in where:
        day, stop = where[chosen]
        rules = som.workspace.policy.rounds
        assert day.shift.day == evening_day
        assert rules.evening_start <= stop.arrive <= rules.evening_end
    # Pressed again on the same stop: no longer asked for in the evening.
    panel.evening_requests.discard(chosen)  # (the stop may now be on another day's list)
    assert panel.request().evening_requests == frozenset()


def test_choices_refused_after_a_plan_leave_nothing_bookable(som):
    from PySide6.QtCore import QTime

    panel = som.window.views["planner"].rounds
    panel.start.setText(team_base(som))
    panel.run()
    assert panel.week is not None and panel.book_button.isEnabled()
    panel.day_end.setTime(QTime(7, 0))  # the day would end before it starts
    panel.run()
    assert "The day must end after it starts" in panel.message.text()
    assert panel.week is None and not panel.book_button.isEnabled()


def test_the_record_shows_a_booked_visit_s_time(som):
    from PySide6.QtWidgets import QLabel

    from somdesk.domain.round_booking import Booking

    status = next(s for s in som.workspace.statuses if s.case.nominal.address is not None)
    nid = status.case.nominal.id
    day = som.workspace.today + timedelta(days=2)
    was = (status.case.planned_visit, status.case.planned_time)
    som.session.book_round([Booking(nid, day, time(10, 40), was)])
    som.refresh()
    som.open_record(nid)
    summary = " ".join(label.text() for label in som.window.record.tabs.widget(0).findChildren(QLabel))
    assert f"{day:%a %d %b %Y} at 10:40" in summary
