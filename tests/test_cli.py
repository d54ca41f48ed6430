"""The command line: output formats, bad input gets one line and a non-zero exit, no display is explained."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys

import pytest

from somdesk.cli.main import main


def test_queue_as_json_carries_reason_and_place(capsys):
    assert (
        main(
            ["queues", "visits", "--rsos", "200", "--seed", "4", "--today", "2026-11-23", "--format", "json"]
        )
        == 0
    )
    items = json.loads(capsys.readouterr().out)
    assert items and [i["rank"] for i in items] == list(range(1, len(items) + 1))
    assert all(i["why"] and i["place"].startswith(f"#{i['rank']}:") for i in items)


def test_the_missing_and_wanted_queue_of_a_synthetic_force_is_overdue_reviews_then_longest_open_first(capsys):
    args = ["queues", "missing", "--rsos", "1500", "--seed", "1", "--today", "2026-11-30", "--format", "json"]
    assert main(args) == 0
    items = json.loads(capsys.readouterr().out)
    assert items and {i["kind"] for i in items} <= {"Missing", "Wanted", "Whereabouts unknown"}
    late = [i for i in items if "review overdue since" in i["why"]]
    rest = items[len(late) :]
    assert late and rest and items[: len(late)] == late  # overdue reviews first...
    assert [i["due"] for i in late] == sorted(i["due"] for i in late)  # ...the most overdue first
    assert all("tier 1, review overdue" in i["place"] for i in late)
    assert all(" since " in i["why"] and ("next review" in i["why"] or "due today" in i["why"]) for i in rest)
    days = [int(re.search(r"\((\d+) days?\)", i["why"])[1]) for i in rest]
    assert days == sorted(days, reverse=True)  # then the longest open first


def test_caseload_as_csv_adds_up(capsys):
    assert (
        main(["caseload", "--by", "officer", "--rsos", "500", "--format", "csv", "--today", "2026-11-23"])
        == 0
    )
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert sum(int(r["RSOs"]) for r in rows) <= 500
    assert all(
        int(r["Very high"]) + int(r["High"]) + int(r["Medium"]) + int(r["Low"]) == int(r["RSOs"])
        for r in rows
    )


def test_forecast_table(capsys):
    assert main(["caseload", "--by", "forecast", "--rsos", "1000", "--today", "2026-11-23"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["Year", "RSOs", "SOMs", "needed", "Shortfall"] and len(out) == 2 + 6


@pytest.mark.parametrize(
    "argv",
    [
        ["queues", "arms"],
        ["caseload"],
        ["rso", "SYN00000001", "--profile", "demo"],
        ["fill-demo", "--profile", "demo"],
        ["report", "csv", "arms", "-o", "a.csv"],
        ["import", "caseload.csv", "--profile", "demo"],
    ],
)
@pytest.mark.parametrize("day", ["1900-01-01", "2099-01-01"])
def test_a_today_far_from_the_clock_is_refused_by_every_command(argv, day, capsys):
    """A wrong clock or a slip (--today 1900-01-01) printed nonsense (0 breaches, 1,500 RSOs): one rule,
    for every command, before anything is opened or computed."""
    assert main([*argv, "--today", day]) == 2
    err = capsys.readouterr().err
    assert f"argument --today: {day} is more than 5 years from this computer's clock" in err
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["queues", "arms", "--today", "2026-02-30"],
            "'2026-02-30' is not a real date (February has no 30th",
        ),
        (["queues", "arms", "--rsos", "many"], "'many' is not a whole number"),
        (["queues", "everything"], "invalid choice: 'everything'"),
        (
            ["caseload", "--policy", "/nonexistent/force.toml"],
            "bad policy file: /nonexistent/force.toml: no such file",
        ),
    ],
)
def test_bad_input_exits_2_with_one_line(argv, message, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_policy_check_names_the_line_of_a_bad_setting(tmp_path, capsys):
    from somdesk.app.policy import default_policy_text

    bad = tmp_path / "force.toml"
    bad.write_text(default_policy_text().replace("review_months = 12", "review_months = 0"), encoding="utf-8")
    assert main(["policy", "check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:" in err and "arms.review_months: must be a whole number from 1 to 60, got 0" in err
    assert main(["policy", "check"]) == 0
    assert "with the C table with points 1-4" in capsys.readouterr().out


def test_without_a_display_the_app_explains_what_to_do():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run(
        [sys.executable, "-m", "somdesk.cli.main", "--demo"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 3
    assert "no display found" in done.stderr and "xvfb-run -a somdesk --demo" in done.stderr
    assert "Traceback" not in done.stderr


def test_server_refuses_plain_http_and_an_unmigrated_database(capsys, tmp_path):
    from somdesk.cli.server import main as server_main

    url = f"sqlite:///{tmp_path / 'central.db'}"
    assert server_main(["--database-url", url, "run", "--host", "0.0.0.0"]) == 2
    assert "refusing plain HTTP on 0.0.0.0" in capsys.readouterr().err
    assert server_main(["--database-url", url, "run"]) == 2
    assert "run `somdesk-server migrate` first" in capsys.readouterr().err
    assert server_main(["--database-url", url, "migrate"]) == 0  # SQLite: the demo server
    assert "revision s0009_scoped_news" in capsys.readouterr().out


def test_server_admin_commands_on_the_demo_store(capsys, tmp_path, monkeypatch):
    from datetime import date

    from somdesk.cli.server import main as server_main
    from somdesk.server.demo import seed_demo
    from somdesk.server.store import ServerStore

    url = f"sqlite:///{tmp_path / 'central.db'}"
    store = ServerStore(url)
    store.migrate()
    seed_demo(store, 120, 4, date(2026, 11, 23), soms=1)
    capsys.readouterr()
    assert server_main(["--database-url", url, "teams", "list"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed and all("officers" in line and "area" in line for line in listed)
    team_id = listed[0].split()[0]
    monkeypatch.setenv("SOMDESK_NEW_PASSWORD", "a good long password")
    add = ["users", "add", "ds.new", "--name", "DS New", "--role", "supervisor", "--teams", team_id]
    assert server_main(["--database-url", url, *add]) == 0
    assert server_main(["--database-url", url, "users", "list"]) == 0
    assert "ds.new" in capsys.readouterr().out
    assert server_main(["--database-url", url, "users", "scope"]) == 2
    assert "needs the username" in capsys.readouterr().err
    assert server_main(["--database-url", url, "audit", "verify"]) == 0
    assert "audit log intact: 0 entries" in capsys.readouterr().out
    assert server_main(["--database-url", url, "devices", "list"]) == 0


def _role_choices(parser) -> list[list[str]]:
    """The choices of every --role option in a parser and its subcommands."""
    import argparse

    found = []
    for action in parser._actions:
        if "--role" in action.option_strings:
            found.append(list(action.choices))
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found += _role_choices(sub)
    return found


def test_both_command_lines_take_their_roles_from_the_one_role_enum():
    from somdesk.cli.main import _parser as client_parser
    from somdesk.cli.server import _parser as server_parser
    from somdesk.domain.roles import Role

    # The central store keeps accounts of every role; the desktop client opens a casework role's view
    # (an administrator works on the central store).
    assert _role_choices(server_parser()) == [["som", "supervisor", "panel_chair", "admin"]]
    assert _role_choices(server_parser()) == [[r.value for r in Role]]
    assert _role_choices(client_parser()) == [[r.value for r in Role if r is not Role.ADMIN]]
