"""The store commands: demo profile, records, audit, backup and restore, and their one-line errors."""

from __future__ import annotations

import os
import subprocess

import pytest

from somdesk.app.profiles import DEMO_PASSPHRASE
from somdesk.cli.main import main


@pytest.fixture
def profiles(tmp_path, monkeypatch):
    monkeypatch.setenv("SOMDESK_PROFILES", str(tmp_path / "profiles"))
    monkeypatch.delenv("SOMDESK_PASSPHRASE", raising=False)
    return tmp_path / "profiles"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_demo_profile_is_made_on_first_use_and_reused(profiles, capsys):
    code, out, _ = run(
        capsys, "queues", "visits", "--profile", "demo", "--format", "csv", "--today", "2026-11-23"
    )
    assert code == 0 and out.startswith("Rank,Name,ViSOR reference,Officer")
    assert (profiles / "demo" / "somdesk.db").exists()
    code, again, _ = run(
        capsys, "queues", "visits", "--profile", "demo", "--format", "csv", "--today", "2026-11-23"
    )
    assert code == 0 and again == out


def test_showing_a_record_needs_a_reason_and_is_logged(profiles, capsys):
    code, _, err = run(capsys, "rso", "SYN00000003", "--profile", "demo")
    assert code == 2 and "give a reason" in err and err.count("\n") == 1
    code, out, _ = run(capsys, "audit", "verify", "--profile", "demo")
    # 1500 people collected, and each photograph or document the demo force keeps with them.
    entries = int(out.split("audit log intact: ")[1].split(" entries")[0].replace(",", ""))
    assert code == 0 and entries > 1500
    code, out, _ = run(
        capsys,
        "rso",
        "SYN00000003",
        "--profile",
        "demo",
        "--reason",
        "home visit planning",
        "--today",
        "2026-11-23",
    )
    assert code == 0 and "ViSOR SYN00000003" in out and "RM2000/C:" in out
    assert "C table with points 1-4" in out  # the table the result was scored with, named
    assert "\nCivil orders\n" in out and "\nBreaches\n" in out  # the record's orders and breaches
    code, out, _ = run(capsys, "audit", "verify", "--profile", "demo")
    assert code == 0 and f"audit log intact: {entries + 1:,} entries" in out  # and 1 consultation


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["rso", "SYN-NOPE", "--profile", "demo", "--reason", "check"],
            "no RSO with ViSOR reference SYN-NOPE",
        ),
        (["queues", "arms", "--profile", "nobody"], "no profile at"),
        (["queues", "arms", "--profile", "../escape"], "is not a profile name"),
        (["fill-demo", "--profile", "demo", "--today", "23/11/2026"], "'23/11/2026' is not a date"),
        (["profile", "create", "p1", "--passphrase-only"], "does not allow passphrase-only profiles"),
    ],
)
def test_bad_input_gets_one_line(profiles, capsys, argv, message):
    code, _, err = run(capsys, *argv)
    assert code == 2 and message in err and err.count("\n") == 1


def test_a_missing_profile_and_a_missing_keychain_are_reported(profiles, capsys, monkeypatch):
    monkeypatch.setenv("SOMDESK_PASSPHRASE", "a good long passphrase")
    code, _, err = run(capsys, "queues", "arms", "--profile", "nobody")
    assert code == 2 and "no profile at" in err
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    code, _, err = run(capsys, "profile", "create", "p1")
    assert code == 2 and "no secure keychain" in err
    assert not (profiles / "p1" / "keys.json").exists()


def test_backup_and_restore_from_the_command_line(profiles, capsys, tmp_path, monkeypatch):
    backup = tmp_path / "demo.sdbk"
    assert run(capsys, "backup", str(backup), "--profile", "demo")[0] == 0
    read_fd, write_fd = os.pipe()
    os.write(write_fd, DEMO_PASSPHRASE.encode() + b"\n")
    os.close(write_fd)
    code, out, _ = run(capsys, "restore", str(backup), "--profile", "demo", "--passphrase-fd", str(read_fd))
    os.close(read_fd)
    assert code == 0 and "restored" in out
    monkeypatch.setenv("SOMDESK_PASSPHRASE", "not the demo passphrase")
    code, _, err = run(capsys, "restore", str(backup), "--profile", "demo")
    assert code == 2 and "wrong passphrase" in err


def test_changing_a_passphrase_from_file_descriptors(profiles, capsys, monkeypatch):
    assert run(capsys, "audit", "verify", "--profile", "demo")[0] == 0
    monkeypatch.setenv("SOMDESK_PASSPHRASE", DEMO_PASSPHRASE)
    monkeypatch.setenv("SOMDESK_NEW_PASSPHRASE", "short")
    code, _, err = run(capsys, "profile", "passphrase", "demo")
    assert code == 2 and "at least 8 characters" in err


def test_an_existing_profile_without_a_passphrase_source_says_how_to_give_one(profiles, capsys):
    from somdesk.store.profile import Profile

    Profile(profiles / "travel").create("a good long passphrase", "u", None, passphrase_only=True).lock()
    code, _, err = run(capsys, "queues", "arms", "--profile", "travel")
    assert code == 2 and "no passphrase: set SOMDESK_PASSPHRASE, pass --passphrase-fd" in err


def test_report_commands_write_documents_and_refuse_bad_input_in_one_line(
    profiles, capsys, tmp_path, monkeypatch
):
    out = tmp_path / "summary.pdf"
    common = ["--profile", "demo", "--today", "2026-11-23"]
    code, _, err = run(capsys, "report", "case-summary", "-o", str(out), *common, "--visor", "SYN00000002")
    assert code == 2 and "--recipient" in err and err.count("\n") == 1
    code, _, err = run(
        capsys,
        "report",
        "case-summary",
        "-o",
        str(out),
        *common,
        "--recipient",
        "Panel",
        "--reason",
        "x",
        "--visor",
        "SYN00000002",
        "--redact",
        "postcodes",
    )
    assert code == 2 and "unknown redaction: postcodes" in err and not out.exists()
    monkeypatch.setenv("SOMDESK_PDF_PASSWORD", "panel-password-1")
    code, said, _ = run(
        capsys,
        "report",
        "case-summary",
        "-o",
        str(out),
        *common,
        "--recipient",
        "Level 2 panel",
        "--reason",
        "panel on 1 Dec",
        "--visor",
        "SYN00000002",
        "--watermark",
    )
    assert code == 0 and "logged as a disclosure to Level 2 panel" in said
    assert out.read_bytes().startswith(b"%PDF") and b"/Encrypt" in out.read_bytes()
    monkeypatch.delenv("SOMDESK_PDF_PASSWORD")
    csv_out = tmp_path / "team.csv"
    code, _, _ = run(
        capsys,
        "report",
        "csv",
        "team",
        "-o",
        str(csv_out),
        *common,
        "--recipient",
        "Analyst",
        "--reason",
        "r",
    )
    assert code == 0 and csv_out.read_text().startswith("Team,SOMs,RSOs")
    annual = tmp_path / "annual.csv"
    who = ["--recipient", "FOI officer", "--reason", "FOI 2026/123"]
    code, _, _ = run(capsys, "report", "csv", "annual-report", "-o", str(annual), *common, *who)
    assert code == 0 and annual.read_text().startswith("Figure,Value\n")
    assert '"RSOs per 100,000 population"' in annual.read_text()
    board = tmp_path / "board.pdf"
    code, said, _ = run(capsys, "report", "board", "-o", str(board), *common, *who)
    assert code == 0 and board.read_bytes().startswith(b"%PDF") and "FOI officer" in said
    code, _, err = run(
        capsys,
        "report",
        "visit-plan",
        "-o",
        str(tmp_path / "p.pdf"),
        *common,
        "--recipient",
        "A",
        "--reason",
        "r",
        "--officer",
        "Nobody Here",
    )
    assert code == 2 and "no officer named 'Nobody Here'" in err


def test_a_case_summary_says_its_free_text_is_printed_as_written_or_leaves_it_all_out(
    profiles, capsys, tmp_path
):
    out = tmp_path / "summary.pdf"
    common = ["--profile", "demo", "--today", "2026-11-23", "--recipient", "Probation", "--reason", "r"]
    args = ["report", "case-summary", "-o", str(out), *common, "--visor", "SYN00000002"]
    code, said, _ = run(capsys, *args)
    assert code == 0 and "printed as written" in said and "--redact free-text" in said
    code, said, _ = run(capsys, *args, "--redact", "free-text")
    assert code == 0 and "printed as written" not in said
    printed = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "[left out of this copy]" in printed and "free text left out" in printed


def test_import_is_a_dry_run_until_commit_and_lists_problems(profiles, capsys, tmp_path):
    run(capsys, "queues", "visits", "--profile", "demo", "--today", "2026-11-23")  # make the demo profile
    path = tmp_path / "caseload.csv"
    path.write_text(
        "ViSOR ref;PNC;Surname;Forenames;DOB;Sex;Address;Conviction date;Disposal\n"
        "IMP1;IMP/1A;Quarrel;Abe;01/02/1970;M;1 Mill Lane;01/01/2020;Community order\n"
        "IMP2;IMP/2A;Quarrel;Ben;31/02/1970;M;no fixed abode;01/01/2020;Community order\n",
        encoding="cp1252",
    )
    code, out, _ = run(capsys, "import", str(path), "--profile", "demo", "--commit", "--today", "2026-11-23")
    assert (
        code == 1
        and "row 3, DOB '31/02/1970': not a real date (February has no 31st" in out
        and "nothing was imported" in out
    )
    path.write_text(path.read_text(encoding="cp1252").replace("31/02/1970", "28/02/1970"), encoding="cp1252")
    code, out, _ = run(capsys, "import", str(path), "--profile", "demo", "--today", "2026-11-23")
    assert code == 0 and "dry run: all 2 rows can be imported" in out
    code, out, _ = run(capsys, "import", str(path), "--profile", "demo", "--commit", "--today", "2026-11-23")
    assert code == 0 and "imported 2 RSOs" in out
    code, _, err = run(capsys, "import", str(path), "--profile", "demo", "--map", "dob=Birthday")
    assert code == 2 and "--map 'dob=Birthday'" in err


def test_a_warrant_pack_from_the_command_line_is_logged_as_a_disclosure(profiles, capsys, tmp_path):
    from somdesk.store.profile import Profile

    out = tmp_path / "warrant.pdf"
    common = ["--profile", "demo", "--today", "2026-11-23", "--reason", "s.96B application"]
    args = ["report", "warrant-pack", "-o", str(out), *common, "--recipient", "Magistrates' court"]
    code, _, err = run(capsys, *args)
    assert code == 2 and "warrant-pack: give exactly one --visor reference" in err and not out.exists()
    code, said, _ = run(capsys, *args, "--visor", "SYN00000002")
    assert code == 0 and "logged as a disclosure to Magistrates' court" in said
    printed = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "Warrant application pack" in printed and "SYN00000002" in printed
    with (
        Profile(profiles / "demo").unlock(DEMO_PASSPHRASE, "check", None) as opened,
        opened.reader() as reader,
    ):
        (logged,) = [r for r in reader.audit_rows() if r.action == "disclosure"]
    assert "Magistrates' court" in str(logged)


def test_a_today_before_the_earliest_record_is_refused_once_the_profile_is_open(
    profiles, capsys, monkeypatch
):
    """A wrong clock's 1900 would print a board of nil figures for a force of 1,500: a day before any
    RSO on the profile was registered is refused, naming --today (the clock rule widened to reach it)."""
    import somdesk.domain.dates as dates

    monkeypatch.setattr(dates, "FAR_FROM_CLOCK_YEARS", 200)
    for argv in (
        ["queues", "visits", "--profile", "demo", "--today", "1900-01-01"],
        ["report", "csv", "arms", "-o", str(profiles.parent / "a.csv"), "--profile", "demo", "--today",
         "1900-01-01", "--recipient", "Analyst", "--reason", "audit"],
    ):  # fmt: skip
        code, out, err = run(capsys, *argv)
        assert code == 2 and out == "" and err.count("\n") == 1, err
        assert "--today: 1900-01-01 is before the earliest record on the profile" in err
    assert not (profiles.parent / "a.csv").exists()


def test_the_printed_board_is_figures_only_unless_its_case_lists_are_asked_for(profiles, capsys):
    who = ("--profile", "demo", "--recipient", "PCC", "--reason", "strategic board", "--today", "2026-11-23")
    out = profiles.parent / "board.pdf"
    code, _, err = run(capsys, "report", "board", "-o", str(out), *who)
    assert code == 0 and out.exists(), err
    code, _, err = run(capsys, "report", "csv", "arms", "-o", f"{out}.csv", "--with-case-lists", *who)
    assert code == 2 and "--with-case-lists: only the printed board" in err and err.count("\n") == 1
    code, _, err = run(capsys, "report", "board", "-o", str(out), "--with-case-lists", *who)
    assert code == 0, err


def test_filling_the_demo_profile_again_says_why_not_and_changes_nothing(profiles, capsys):
    """It stopped on a duplicate team id, as "a problem it did not expect"."""
    code, out, _ = run(capsys, "caseload", "--profile", "demo", "--format", "csv", "--today", "2026-11-23")
    assert code == 0
    code, _, err = run(capsys, "fill-demo", "--profile", "demo", "--rsos", "50")
    assert code == 2 and err.count("\n") == 1
    assert "profile demo already holds the demo force" in err and "did not expect" not in err
    code, again, _ = run(capsys, "caseload", "--profile", "demo", "--format", "csv", "--today", "2026-11-23")
    assert code == 0 and again == out
