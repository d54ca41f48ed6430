"""The postcode-centroid import on a real encrypted profile: a dry run writes nothing, an import replaces
the previous file's rows whole, and a cancelled, refused or failed one leaves them as they were; hostile
files end in a problem list or one line, never a traceback or a hang. Points set by hand are records
held with the person: queued for sync, audited, and used only while the address keeps its postcode."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from somdesk.app.locations import (
    BATCH,
    MAX_LINE,
    CentroidFileError,
    ImportCancelled,
    import_centroids,
)
from somdesk.app.policy import default_policy
from somdesk.app.session import Identity, NotPermitted, Role, Session
from somdesk.domain.invariants import BrokenRules
from somdesk.domain.locations import Located
from somdesk.domain.records import HAND_POINTS
from somdesk.domain.rounds import GridPoint
from somdesk.store.errors import NotFound
from tests.conftest import TODAY
from tests.store.conftest import clock, fingerprint

DATA = Path(__file__).parent.parent / "data"
NOW = clock()


def code_point(rows: list[tuple[str, int, int]]) -> str:
    return "".join(f'"{p}",10,{e},{n},"E92000001","","","","",""\r\n' for p, e, n in rows)


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    return path


def load(opened, path: Path, commit: bool = True, **kw):
    return import_centroids(opened.postcodes(), path, commit=commit, loaded_by="dc.test", now=NOW, **kw)


def held(opened) -> dict[str, GridPoint]:
    found = opened.postcodes().points_of(
        [f"ZZ{d} {s}{a}{b}" for d in (1, 2) for s in range(10) for a in "AB" for b in "ABDEFG"]
    )
    return {k: v[0] for k, v in found.items()}


def test_an_import_replaces_the_previous_file_s_rows_and_says_where_they_came_from(opened, tmp_path):
    load(opened, DATA / "codepoint_zz.csv")
    assert held(opened)["ZZ1 1AA"] == GridPoint(401200, 281300) and opened.postcodes().count() == 8
    second = write(tmp_path, "second.csv", code_point([("ZZ2 1AA", 1, 2)]))
    report = load(opened, second)
    assert report.imported and report.points == 1
    assert held(opened) == {"ZZ2 1AA": GridPoint(1, 2)}
    source = opened.postcodes().source()
    assert (source.file_name, source.format, source.points, source.loaded_by) == (
        "second.csv",
        "Code-Point Open",
        1,
        "dc.test",
    )


def test_a_dry_run_lists_what_it_would_load_and_writes_nothing(opened, profile, tmp_path):
    load(opened, DATA / "codepoint_zz.csv")
    before = fingerprint(profile.folder)
    report = load(opened, DATA / "onspd_zz.csv", commit=False)
    assert (report.points, report.terminated, report.skipped, report.imported) == (8, 1, 1, False)
    assert fingerprint(profile.folder) == before
    assert opened.postcodes().source().file_name == "codepoint_zz.csv"


def big_file(tmp_path: Path, rows: int) -> Path:
    letters = "ABDEFGHJLNPQRSTUWXYZ"
    codes = (f"ZZ{d} {s}{a}{b}" for d in range(1, 99) for s in range(10) for a in letters for b in letters)
    body = code_point([(next(codes), 400_000 + i % 1000, 300_000 + i % 777) for i in range(rows)])
    return write(tmp_path, "big.csv", body)


def test_a_cancelled_import_leaves_the_old_rows_and_the_profile_usable(opened, tmp_path):
    load(opened, DATA / "codepoint_zz.csv")
    with pytest.raises(ImportCancelled, match="unchanged"):
        load(opened, big_file(tmp_path, BATCH * 2 + 5), cancelled=lambda: True)
    assert opened.postcodes().count() == 8 and opened.postcodes().source().file_name == "codepoint_zz.csv"
    report = load(opened, DATA / "onspd_zz.csv")  # the staging table went with the cancelled import
    assert report.imported and opened.postcodes().count() == 8


def test_progress_reports_each_batch_then_the_replacement(opened, tmp_path):
    seen = []
    report = load(opened, big_file(tmp_path, BATCH * 2 + 5), progress=seen.append)
    assert report.points == BATCH * 2 + 5 == opened.postcodes().count()
    assert [p.stage for p in seen] == ["reading", "reading", "reading", "replacing"]
    assert [p.rows for p in seen[:3]] == [BATCH, BATCH * 2, BATCH * 2 + 5]
    assert seen[-1].bytes_read == seen[-1].size == (tmp_path / "big.csv").stat().st_size


def test_a_failure_while_replacing_rolls_back_to_the_old_rows(opened, tmp_path):
    load(opened, DATA / "codepoint_zz.csv")
    # The database refuses one row half-way through the replacement (as a full disk would).
    with opened.engine.begin() as conn:
        conn.exec_driver_sql(
            "CREATE TRIGGER refuse BEFORE INSERT ON postcode_points WHEN NEW.postcode = 'ZZ2 1AB' "
            "BEGIN SELECT RAISE(ABORT, 'disk full'); END"
        )
    new = write(tmp_path, "new.csv", code_point([("ZZ2 1AA", 1, 2), ("ZZ2 1AB", 3, 4)]))
    with pytest.raises(Exception, match="disk full"):
        load(opened, new)
    assert opened.postcodes().count() == 8 and opened.postcodes().source().file_name == "codepoint_zz.csv"


def test_a_postcode_read_again_with_other_coordinates_is_a_problem_and_the_first_is_kept(opened, tmp_path):
    path = write(
        tmp_path,
        "dupes.csv",
        code_point([("ZZ1 1AA", 5, 6), ("ZZ1 1AB", 7, 8), ("zz11aa", 5, 6), ("ZZ1 1AA", 9, 9)]),
    )
    report = load(opened, path)
    assert [str(p) for p in report.problems] == [
        "row 4, column Postcode: value 'ZZ1 1AA': duplicate postcode with different coordinates (9, 9); "
        "row 1's (5, 6) are kept"
    ]
    assert report.problem_count == 1 and held(opened)["ZZ1 1AA"] == GridPoint(5, 6)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\n\r\n  \n", "empty"),
        (os.urandom(1) + bytes(range(256)) * 40, "neither"),
        (b"postcode,easting,northing\nZZ1 1AA,1,2\n", "neither"),
        (b"\x00" * 5000, "neither"),
    ],
)
def test_a_file_that_is_no_centroid_file_is_refused_in_one_line_and_changes_nothing(
    opened, tmp_path, content, message
):
    load(opened, DATA / "codepoint_zz.csv")
    with pytest.raises(CentroidFileError, match=message) as e:
        load(opened, write(tmp_path, "x.csv", content))
    assert "unchanged" in str(e.value) and "\n" not in str(e.value)
    assert opened.postcodes().count() == 8


def test_a_folder_a_fifo_or_a_missing_file_is_refused_before_anything_waits(opened, tmp_path):
    with pytest.raises(CentroidFileError, match="folder"):
        load(opened, tmp_path)
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    with pytest.raises(CentroidFileError, match="not a regular file"):
        load(opened, fifo)  # no writer: opening it plainly would wait for ever
    with pytest.raises(CentroidFileError, match="no such file"):
        load(opened, tmp_path / "nope.csv")


def test_hostile_rows_are_each_named_and_the_good_ones_load(opened, tmp_path):
    good = '"ZZ1 1AA",10,401200,281300,"E92000001","","","","",""\r\n'
    body = (
        "\ufeff"
        + good  # a byte order mark before the first row
        + '"ZZ1 1AB",10,"=HYPERLINK(""http://evil"")",2,"","","","","",""\r\n'
        + '"ZZ1\x001AD",10,1,2\r\n'
        + "ZZ1 1AE,10,"
        + ",".join(["7"] * 200)
        + "\n"  # 200 columns: the first four are read
        + "ZZ1 1AF,10,"
        + "9" * (10 * 1024 * 1024)
        + ",5\n"  # a row of 10 MB: one problem, never held whole
        + "ZZ1 1AG,10,nan,inf\n"
    )
    path = write(tmp_path, "hostile.csv", body.encode("utf-8") + b'"ZZ1 1A\xff",10,1,2\n' + b"ZZ1 2AA,10,3,4")
    report = load(opened, path)
    assert [str(p) for p in report.problems] == [
        "row 2, column Eastings: value '=HYPERLINK(\"http://evil\")': not a number",
        "row 3, column Postcode: value 'ZZ1\\u00001AD': not a UK postcode (like AB1 2CD)",
        f"row 5: value '': row longer than {MAX_LINE:,} characters",
        "row 6, column Eastings: value 'nan': not a finite number (NaN or infinity)",
        "row 7, column Postcode: value 'ZZ1 1A\\udcff': not a UK postcode (like AB1 2CD)",
    ]
    assert held(opened) == {
        "ZZ1 1AA": GridPoint(401200, 281300),
        "ZZ1 1AE": GridPoint(7, 7),
        "ZZ1 2AA": GridPoint(3, 4),
    }


def test_a_file_with_only_bad_rows_is_not_loaded(opened, tmp_path):
    load(opened, DATA / "codepoint_zz.csv")
    with pytest.raises(CentroidFileError, match="no postcode with coordinates"):
        load(opened, write(tmp_path, "bad.csv", "ZZ1 1AA,10,x,y\n"))
    assert opened.postcodes().count() == 8


# -- a person's point


@pytest.fixture
def session(opened, force):
    som = next(o for o in force.officers if o.is_som)
    s = Session(opened, Identity(som.name, Role.SOM, som.id), default_policy(), lambda: TODAY)
    yield s


def someone(session, force) -> str:
    mine = {s.case.nominal.id for s in session.workspace().statuses}
    return next(n.id for n in force.nominals if n.id in mine and n.address and n.address.postcode)


def test_a_point_set_by_hand_comes_first_then_the_postcode_file_then_none(session, force, tmp_path):
    nid = someone(session, force)
    postcode = next(n.address.postcode for n in force.nominals if n.id == nid)
    assert session.points([nid]) == {}
    session.import_postcodes(write(tmp_path, "f.csv", code_point([(postcode, 1000, 2000)])), commit=True)
    assert session.points([nid]) == {nid: Located(GridPoint(1000, 2000), "postcode file")}
    assert session.point_of_postcode(postcode.lower().replace(" ", "")) == GridPoint(1000, 2000)
    assert session.point_of_postcode("not one") is None
    session.set_point(nid, GridPoint(3000, 4000))
    assert session.points([nid, "no such id"]) == {nid: Located(GridPoint(3000, 4000), "set by hand")}
    session.set_point(nid, None)
    assert session.points([nid]) == {nid: Located(GridPoint(1000, 2000), "postcode file")}
    assert session.hand_point(nid) is None


def test_a_point_set_by_hand_is_a_synced_audited_record_and_a_second_setting_changes_it(session, force):
    nid = someone(session, force)
    with session.opened.reader() as r:
        pending = r.pending_changes()
    session.set_point(nid, GridPoint(3000, 4000))
    session.set_point(nid, GridPoint(3001, 4001))
    with session.opened.reader() as r:
        rows = [row for row in r.held_rows(HAND_POINTS, nominal_id=nid)]
        audit = [a for a in r.audit_rows() if a.table_name == "hand_points"]
        assert r.pending_changes() == pending + 2
    assert [(row["easting"], row["northing"], row["set_by"], row["deleted"]) for row in rows] == [
        (3001, 4001, session.user, False)
    ]
    assert [a.action for a in audit] == ["collection", "alteration"]


def test_a_point_set_by_hand_stops_applying_when_the_postcode_changes(session, force):
    nid = someone(session, force)
    postcode = next(n.address.postcode for n in force.nominals if n.id == nid)
    session.set_point(nid, GridPoint(3000, 4000))
    session.update_nominal(nid, {"postcode": "ZZ9 9ZZ"}, "moved")
    assert session.points([nid]) == {}
    hand = session.hand_point(nid)
    assert not hand.applies and "no longer applies" in hand.note and "ZZ9 9ZZ" in hand.note
    session.update_nominal(nid, {"postcode": postcode.lower()}, "moved back")  # the same postcode, typed so
    assert session.points([nid]) == {nid: Located(GridPoint(3000, 4000), "set by hand")}


def test_a_point_off_the_grid_is_refused_at_its_field_and_nothing_is_written(session, force):
    nid = someone(session, force)
    for point, field in ((GridPoint(-1, 5), "easting"), (GridPoint(5, 1_300_001), "northing")):
        with pytest.raises(BrokenRules) as e:
            session.set_point(nid, point)
        assert e.value.problems[0].field == field
    with pytest.raises(NotFound):
        session.set_point("no-such-person", GridPoint(1, 1))
    assert session.hand_point(nid) is None


def test_only_a_role_that_records_sets_a_point_and_only_one_that_plans_visits_loads_a_file(opened, force):
    admin = Session(opened, Identity("Admin", Role.ADMIN), default_policy(), lambda: TODAY)
    nid = force.nominals[0].id
    with pytest.raises(NotPermitted):
        admin.set_point(nid, GridPoint(1, 1))
    with pytest.raises(NotPermitted):
        admin.import_postcodes(DATA / "codepoint_zz.csv", commit=False)


def test_a_file_name_with_a_stray_byte_or_a_line_break_is_kept_and_said_safely(opened, tmp_path):
    name = os.fsdecode(b"codepo\xff\n") + "\u202e.csv"  # the byte as a lone surrogate (surrogateescape)
    path = tmp_path / name
    path.write_bytes((DATA / "codepoint_zz.csv").read_bytes())
    report = load(opened, path)
    assert report.imported and opened.postcodes().source().file_name == report.file_name
    assert (
        "\n" not in report.file_name and "\udcff" not in report.file_name and "\u202e" not in report.file_name
    )
    with pytest.raises(CentroidFileError) as e:
        load(opened, tmp_path / name.replace("codepo", "gone"))
    assert "\\udcff" in str(e.value) and "\\u000a" in str(e.value) and "\n" not in str(e.value)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.one_of(
            st.binary(max_size=200),
            st.sampled_from(
                [b'"ZZ1 1AA",10,401200,281300\r\n', b"\xef\xbb\xbf", b"\x00", b"\xff\xfe", b",,,,\n", b'"\n']
            ),
        ),
        max_size=12,
    )
)
def test_any_bytes_end_in_a_report_or_one_line_refusal_and_a_dry_run_writes_nothing(opened, tmp_path, parts):
    path = tmp_path / "fuzz.csv"
    path.write_bytes(b"".join(parts))
    try:
        report = load(opened, path, commit=False)
    except CentroidFileError as e:
        assert "\n" not in str(e) and "unchanged" in str(e)
    else:
        assert report.problem_count >= len(report.problems)
        assert all("\n" not in str(p) and "\udcff" not in str(p) for p in report.problems)
    assert opened.postcodes().source() is None


def test_lookups_of_more_postcodes_than_one_query_takes_find_every_one(opened, tmp_path):
    path = big_file(tmp_path, 1_300)
    load(opened, path)
    codes = [line.split(",")[0].strip('"') for line in path.read_text().splitlines()]
    found = opened.postcodes().points_of([*codes, "ZZ9 9ZZ"])
    assert len(found) == 1_300 and "ZZ9 9ZZ" not in found
    assert found[codes[1_250]] == (GridPoint(400_000 + 1_250 % 1000, 300_000 + 1_250 % 777), False)
