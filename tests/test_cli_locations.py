"""`somdesk locations`: a dry run prints each bad row as row, column, value and reason with a count and
writes nothing; an import loads; status says from which file and how many of the caseload have no point."""

from __future__ import annotations

from pathlib import Path

import pytest

from somdesk.cli.main import main

DATA = Path(__file__).parent / "data"


@pytest.fixture
def profiles(tmp_path, monkeypatch):
    monkeypatch.setenv("SOMDESK_PROFILES", str(tmp_path / "profiles"))
    return tmp_path / "profiles"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_dry_run_lists_bad_rows_with_a_count_writes_nothing_and_fails(profiles, capsys, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text('ZZ1 1AA,10,401200,281300\nZZ1 1AB,10,"=HYPERLINK(""x"")",5\nnope,10,1,2\n', newline="")
    code, out, _ = run(capsys, "locations", "import", str(bad), "--profile", "demo", "--dry-run")
    assert code == 1
    assert "row 2, column Eastings: value '=HYPERLINK(\"x\")': not a number" in out
    assert "row 3, column Postcode: value 'nope': not a UK postcode (like AB1 2CD)" in out
    assert "2 bad rows" in out and "dry run: nothing written" in out
    _, status, _ = run(capsys, "locations", "status", "--profile", "demo")
    assert "synthetic ZZ postcodes" in status  # the demo's own, still


def test_an_import_then_status_names_the_file_and_the_caseload_without_a_point(profiles, capsys):
    code, out, _ = run(capsys, "locations", "import", str(DATA / "onspd_zz.csv"), "--profile", "demo")
    assert code == 0 and "loaded 8 postcodes" in out and "1 of them terminated" in out
    code, out, _ = run(capsys, "locations", "status", "--profile", "demo")
    assert code == 0 and "8 postcodes (1 terminated) from onspd_zz.csv (ONS Postcode Directory)" in out
    assert "without a point" in out


def test_a_folder_is_refused_in_one_line(profiles, capsys, tmp_path):
    code, _, err = run(capsys, "locations", "import", str(tmp_path), "--profile", "demo")
    assert code == 2 and err.strip().endswith("the postcode locations already loaded are unchanged")


def test_progress_goes_to_stderr_and_an_import_without_a_file_is_refused(profiles, capsys):
    code, out, err = run(
        capsys,
        "locations",
        "import",
        str(DATA / "codepoint_zz.csv"),
        "--profile",
        "demo",
        "--dry-run",
        "--progress",
    )
    assert code == 0 and "reading: 100%, 9 rows" in err and "reading" not in out
    code, _, err = run(capsys, "locations", "import", "--profile", "demo")
    assert code == 2 and "needs the centroid file" in err


def test_a_dry_run_says_when_the_import_would_be_refused_and_how_repeats_are_listed(
    profiles, capsys, tmp_path
):
    header_only = tmp_path / "onspd-header.csv"
    header_only.write_text("pcd,pcds,oseast1m,osnrth1m,doterm\n", newline="")
    _, out, _ = run(capsys, "locations", "import", str(header_only), "--profile", "demo", "--dry-run")
    assert "importing this file would be refused" in out
    repeats = tmp_path / "repeats.csv"
    repeats.write_text("".join(f"ZZ1 0AA,10,{401000 + i},281300\n" for i in range(4)), newline="")
    _, out, _ = run(capsys, "locations", "import", str(repeats), "--profile", "demo", "--dry-run")
    assert "3 bad rows" in out and "listed at its first repeat" in out
