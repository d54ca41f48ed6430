"""CSV exports of case records (issue 19): civil orders in force, breaches this year or all, and the
missing and wanted queue; in scope, logged as disclosures, formula-like text made inert."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import pytest

from somdesk.app.profiles import demo_identity, open_demo_profile
from somdesk.app.session import Identity, Role, Session
from somdesk.cli.main import main
from somdesk.domain.breaches import Breach, BreachAction, BreachKind
from somdesk.domain.orders import in_force
from somdesk.reports.disclose import Disclosure
from somdesk.reports.service import Reports
from tests.conftest import TODAY

ORDER_HEADINGS = [
    "Name", "ViSOR reference", "Officer", "Order", "Court", "Made on", "Last day in force", "Next review",
    "Terms",
]  # fmt: skip
BREACH_HEADINGS = [
    "Name", "ViSOR reference", "Officer", "What was breached", "Details", "Found on", "Found by", "Action",
    "Outcome", "Outcome on",
]  # fmt: skip


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("profiles")


@pytest.fixture
def session(folder, policy):
    opened = open_demo_profile(TODAY, folder, rsos=300, seed=8)
    s = Session(opened, demo_identity(opened, Role.SUPERVISOR), policy, lambda: TODAY, "demo")
    yield s
    s.lock()


def read(path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


def disclosed(session) -> list:
    with session.opened.reader() as reader:
        return [r for r in reader.audit_rows() if r.action == "disclosure"]


def test_orders_in_force_one_row_per_order_with_its_terms_counted(session, tmp_path):
    ws = session.workspace()
    target = tmp_path / "orders.csv"
    before = len(disclosed(session))
    Reports(session).csv("orders", Disclosure("MAPPA coordinator", "annual report", "csv"), target)
    header, *rows = read(target)
    assert header == ORDER_HEADINGS
    in_force_now = [(s, o) for s in ws.statuses for o in s.case.nominal.orders if in_force(o, TODAY)]
    ended = [o for s in ws.statuses for o in s.case.nominal.orders if not in_force(o, TODAY)]
    assert len(rows) == len(in_force_now) > 0 and ended  # the demo has ended orders: they are left out
    # One order read back against the person's record, its terms counted.
    status, order = next((s, o) for s, o in in_force_now if o.ends_on is not None)
    with session.opened.reader() as reader:
        terms = next(o.terms for o in reader.orders_for(status.case.nominal.id) if o.id == order.id)
    mine = [r for r in rows if r[1] == status.case.nominal.visor_ref and r[5] == order.made_on.isoformat()]
    assert mine == [
        [
            status.case.nominal.display_name,
            status.case.nominal.visor_ref,
            ws.officer_names[status.case.nominal.officer_id or ""],
            order.kind.label,
            order.court,
            order.made_on.isoformat(),
            order.ends_on.isoformat(),
            order.next_review.isoformat() if order.next_review else "",
            str(len(terms)),
        ]
    ]
    open_ended = [r for r in rows if not r[6][:1].isdigit()]
    assert open_ended and {r[6] for r in open_ended} <= {"until further order", "not recorded"}
    # One disclosure entry per person in the file, with the recipient.
    logged = disclosed(session)[before:]
    assert {r.record_id for r in logged} == {s.case.nominal.id for s, _ in in_force_now}


def test_breaches_this_year_by_default_all_on_request(session, tmp_path):
    reports = Reports(session)
    this_year, every = tmp_path / "b.csv", tmp_path / "all.csv"
    reports.csv("breaches", Disclosure("Inspector", "PEEL", "csv"), this_year)
    reports.csv("breaches-all", Disclosure("Inspector", "PEEL", "csv"), every)
    header, *rows = read(this_year)
    _, *all_rows = read(every)
    assert header == BREACH_HEADINGS
    assert rows and all(r[5].startswith(str(TODAY.year)) for r in rows)
    assert len(all_rows) > len(rows) and any(not r[5].startswith(str(TODAY.year)) for r in all_rows)
    assert [r[5] for r in all_rows] == sorted((r[5] for r in all_rows), reverse=True)  # latest first
    # A breach read back against the record.
    ws = session.workspace()
    status = next(s for s in ws.statuses if s.case.breaches_found)
    with session.opened.reader() as reader:
        breach = reader.breaches_for(status.case.nominal.id)[0]
    row = next(r for r in all_rows if r[1] == status.case.nominal.visor_ref and r[5] == str(breach.found_on))
    assert row[3:] == [
        breach.kind.label,
        breach.details,
        breach.found_on.isoformat(),
        breach.found_by,
        breach.action.label,
        breach.outcome,
        breach.outcome_on.isoformat() if breach.outcome_on else "",
    ]


def test_a_som_exports_only_their_own_cases_whatever_they_ask(session, policy, tmp_path):
    ws = session.workspace()
    soms = [o for o in ws.officers if o.is_som]
    som, other = soms[0], soms[1]
    officer = Session(session.opened, Identity(som.name, Role.SOM, som.id), policy, lambda: TODAY)
    theirs = {s.case.nominal.visor_ref for s in ws.statuses if s.case.nominal.officer_id == som.id}
    for what in ("orders", "breaches-all"):
        target = tmp_path / f"{what}.csv"
        Reports(officer).csv(what, Disclosure("Team", "r", "csv"), target, other.id)  # asks for another's
        _, *rows = read(target)
        assert rows and {r[1] for r in rows} <= theirs and {r[2] for r in rows} == {som.name}
    # A supervisor's covers every team's cases; one officer's when asked.
    every = tmp_path / "every.csv"
    Reports(session).csv("orders", Disclosure("Team", "r", "csv"), every)
    assert {r[2] for r in read(every)[1:]} > {som.name}
    one = tmp_path / "one.csv"
    Reports(session).csv("orders", Disclosure("Team", "r", "csv"), one, other.id)
    assert {r[2] for r in read(one)[1:]} == {other.name}


def test_a_formula_like_value_is_text_in_the_export(session, policy, tmp_path):
    ws = session.workspace()
    status = next(s for s in ws.statuses if s.case.nominal.officer_id)
    som = next(o for o in ws.officers if o.id == status.case.nominal.officer_id)
    officer = Session(session.opened, Identity(som.name, Role.SOM, som.id), policy, lambda: TODAY)
    found = TODAY - timedelta(days=1)
    officer.save_breach(
        status.case.nominal.id,
        Breach(BreachKind.OTHER, found, '=HYPERLINK("http://x.invalid")', BreachAction.WARNING, "+1 visit"),
    )
    target = tmp_path / "b.csv"
    Reports(officer).csv("breaches", Disclosure("Team", "r", "csv"), target)
    row = next(r for r in read(target)[1:] if r[1] == status.case.nominal.visor_ref and r[5] == str(found))
    assert row[4] == "'+1 visit" and row[6] == '\'=HYPERLINK("http://x.invalid")'


def test_the_missing_and_wanted_queue_exports_like_the_others(session, tmp_path):
    ws = session.workspace()
    target = tmp_path / "missing.csv"
    Reports(session).csv("missing", Disclosure("Intelligence unit", "weekly review", "csv"), target)
    header, *rows = read(target)
    assert header[:3] == ["Rank", "Name", "ViSOR reference"] and len(rows) == len(ws.queues["missing"]) > 0
    assert rows[0][1] == ws.queues["missing"][0].name


def test_an_unknown_export_names_every_one_there_is(session, tmp_path):
    with pytest.raises(ValueError, match=r"unknown export 'order'.*orders, breaches, breaches-all"):
        Reports(session).csv("order", Disclosure("Team", "r", "csv"), tmp_path / "x.csv")
    assert not (tmp_path / "x.csv").exists()


def test_the_command_line_lists_and_writes_the_record_exports(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SOMDESK_PROFILES", str(tmp_path / "profiles"))
    monkeypatch.delenv("SOMDESK_PASSPHRASE", raising=False)
    with pytest.raises(SystemExit):
        main(["report", "--help"])
    said = " ".join(capsys.readouterr().out.split())
    assert all(w in said for w in ("missing", "orders (civil orders in force)", "breaches-all"))
    out = tmp_path / "breaches.csv"
    common = ["--profile", "demo", "--today", TODAY.isoformat(), "--recipient", "Inspector", "--reason", "r"]
    assert main(["report", "csv", "breaches", "-o", str(out), *common]) == 0
    assert "logged as a disclosure to Inspector" in capsys.readouterr().out
    header, *rows = read(out)
    assert header == BREACH_HEADINGS and rows
    assert all(date.fromisoformat(r[5]).year == TODAY.year for r in rows)
