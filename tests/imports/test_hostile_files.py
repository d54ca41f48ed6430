"""Hostile and broken import files: each is refused at the limit it passes, in one line that names the
limit, reading no more than the limit (memory measured with tracemalloc while the file is read)."""

from __future__ import annotations

import io
import os
import struct
import threading
import tracemalloc
import zipfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import openpyxl
import pytest
from openpyxl import Workbook

from somdesk.imports import reading
from somdesk.imports.reading import (
    MAX_CELL,
    MAX_COLUMNS,
    MAX_PARTS,
    MAX_ROWS,
    MAX_UNPACKED_BYTES,
    read_sheet,
)

MB = 1 << 20
SHEET = "xl/worksheets/sheet1.xml"


def refused(path: Path) -> tuple[str, int]:
    """The one-line message read_sheet refuses `path` with, and the most memory it held meanwhile."""
    tracemalloc.start()
    try:
        with pytest.raises(ValueError) as refusal:
            read_sheet(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    message = str(refusal.value)
    assert "\n" not in message and "Traceback" not in message
    assert "nothing was imported" in message
    return message, peak


def piped(tmp_path: Path, chunks: Callable[[], Iterator[bytes]]) -> tuple[Path, Callable[[], bool]]:
    """A named pipe fed by `chunks` (no size, nothing on disk); the callable says whether the writer was
    cut off by the reader closing (True) rather than running out of chunks."""
    path = tmp_path / "caseload.csv"
    os.mkfifo(path)
    cut_off: list[bool] = []

    def feed() -> None:
        with open(path, "wb") as pipe:
            try:
                for chunk in chunks():
                    pipe.write(chunk)
                cut_off.append(False)
            except BrokenPipeError:
                cut_off.append(True)
                return

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()

    def was_cut_off() -> bool:
        writer.join(timeout=60)
        return cut_off == [True]

    return path, was_cut_off


def workbook(path: Path, sheet: Iterator[bytes] | None = None) -> Path:
    """A real .xlsx from openpyxl, its first sheet's XML replaced by `sheet` (written in chunks)."""
    book = Workbook()
    book.active.append(["ViSOR ref", "PNC"])
    book.active.append(["IMP00000001", "IMP/0000001X"])
    made = io.BytesIO()
    book.save(made)
    with zipfile.ZipFile(made) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename == SHEET and sheet is not None:
                with target.open(SHEET, "w", force_zip64=True) as member:
                    for chunk in sheet:
                        member.write(chunk)
            else:
                target.writestr(info, source.read(info))
    return path


def sheet_xml(rows: Iterable[bytes], dimension: str = "A1:B2") -> Iterator[bytes]:
    yield (
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<dimension ref="' + dimension.encode() + b'"/><sheetData>'
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>ViSOR ref</t></is></c></row>'
    )
    yield from rows
    yield b"</sheetData></worksheet>"


def test_an_excel_zip_bomb_is_refused_by_its_unpacked_size_before_it_is_unpacked(tmp_path):
    def huge_cell() -> Iterator[bytes]:
        yield b'<row r="2"><c r="A2" t="inlineStr"><is><t>'
        for _ in range(MAX_UNPACKED_BYTES // MB + 1):
            yield b"a" * MB
        yield b"</t></is></c></row>"

    path = workbook(tmp_path / "bomb.xlsx", sheet_xml(huge_cell()))
    assert path.stat().st_size < MAX_UNPACKED_BYTES // 100  # small on disk, huge unpacked
    message, peak = refused(path)
    assert f"at most {MAX_UNPACKED_BYTES:,}" in message and "unpacks" in message
    assert peak < 20 * MB


def test_an_excel_part_that_unpacks_past_its_declared_size_is_cut_off_there(tmp_path):
    """The index says the sheet is small; its data unpacks to 50 MB. Nothing past the declared size is
    unpacked, and the lie is refused in one line."""
    cell = [b'<row r="2"><c r="A2" t="inlineStr"><is><t>', b"a" * (50 * MB), b"</t></is></c></row>"]
    path = workbook(tmp_path / "liar.xlsx", sheet_xml(cell))
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info, start = archive.getinfo(SHEET), archive.start_dir  # type: ignore[attr-defined]
    assert info.file_size > 50 * MB
    # Declare 2,000 bytes in the local header and in the central directory (zip64 extra fields too).
    local = info.header_offset
    names = len(info.filename.encode())
    extra_at = local + 30 + names
    entry = data.find(b"PK\x01\x02" + data[start + 4 : start + 8], start)
    while data[entry + 46 : entry + 46 + names] != info.filename.encode():
        entry = data.find(b"PK\x01\x02", entry + 4)
    for at in (local + 22, entry + 24):
        if struct.unpack_from("<I", data, at)[0] != 0xFFFFFFFF:
            struct.pack_into("<I", data, at, 2000)
    for block in (extra_at, entry + 46 + names):
        if struct.unpack_from("<H", data, block)[0] == 1:  # zip64: the real sizes are here
            struct.pack_into("<Q", data, block + 4, 2000)
    path.write_bytes(bytes(data))
    assert zipfile.ZipFile(path).getinfo(SHEET).file_size == 2000
    message, peak = refused(path)
    assert "not an Excel workbook that can be read" in message
    assert peak < 20 * MB


def test_an_xml_entity_bomb_in_a_workbook_is_refused_in_one_line(tmp_path):
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(
            b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
            for i in range(1, 10)
        )
        + b"]>"
    )
    rows = b'<row r="2"><c r="A2" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
    path = workbook(tmp_path / "laughs.xlsx", iter([laughs, *sheet_xml([rows])]))
    message, peak = refused(path)
    assert "not an Excel workbook that can be read" in message
    assert peak < 20 * MB


def test_openpyxl_reads_workbooks_through_defusedxml():
    """openpyxl uses defusedxml whenever it is installed: pyproject pins it so it always is."""
    assert openpyxl.DEFUSEDXML is True


def test_a_sheet_of_a_million_blank_rows_stops_at_the_row_limit(tmp_path):
    """A tiny file whose sheet reaches row 1,048,576 and claims 26 columns: Excel numbers every row in
    between, so reading stops at the limit rather than building a million padded rows."""
    last = b'<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    path = workbook(tmp_path / "tall.xlsx", sheet_xml([last], dimension="A1:Z1048576"))
    assert path.stat().st_size < 20_000
    message, peak = refused(path)
    assert f"more than {MAX_ROWS:,} rows" in message
    assert peak < 20 * MB


def test_a_csv_with_ten_times_the_row_limit_stops_reading_at_the_limit(tmp_path):
    line = b"IMP00000001,IMP/0000001X,Zellquist,Aldo,14/03/1979,M,1 Quarry Lane,Northmere\n"
    rows = 10 * MAX_ROWS
    whole = len(line) * rows

    def chunks() -> Iterator[bytes]:
        yield b"ViSOR ref,PNC,Surname,Forenames,DOB,Sex,Address,Town\n"
        for _ in range(rows // 1000):
            yield line * 1000

    path, was_cut_off = piped(tmp_path, chunks)
    message, peak = refused(path)
    assert f"more than {MAX_ROWS:,} rows" in message
    assert was_cut_off()  # the reader closed the pipe long before the writer ran out
    assert peak < whole * 0.8  # the 200,000 rows kept cost ~7x their CSV bytes; the rest is never held


def test_a_csv_cell_of_50_mb_is_refused_without_holding_it(tmp_path):
    def chunks() -> Iterator[bytes]:
        yield b"ViSOR ref,Notes\nIMP00000001,"
        for _ in range(50):
            yield b"a" * MB
        yield b"\n"

    path, was_cut_off = piped(tmp_path, chunks)
    message, peak = refused(path)
    assert f"at most {MAX_CELL:,}" in message
    assert was_cut_off()
    assert peak < 10 * MB


def test_a_quoted_csv_cell_across_many_lines_is_refused_at_the_cell_limit(tmp_path):
    path = tmp_path / "quoted.csv"
    path.write_bytes(b'ViSOR ref,Notes\nIMP00000001,"' + b"a" * 100 + b"\n" * 1 + (b"b" * 99 + b"\n") * 2000)
    message, _ = refused(path)
    assert f"at most {MAX_CELL:,} characters" in message


def test_a_csv_cell_past_the_cell_limit_is_kept_short_and_named_for_the_import(tmp_path):
    """The file is read (the import lists it with every other problem); only its start is held."""
    path = tmp_path / "long.csv"
    path.write_text("ViSOR ref,Notes\nIMP00000001," + "a" * (MAX_CELL + 1) + "\n", encoding="utf-8")
    sheet = read_sheet(path)
    assert sheet.oversized == {0: {1: MAX_CELL + 1}}
    assert sheet.rows[0] == ["IMP00000001", "a" * 60]


def test_a_heading_past_the_cell_limit_refuses_the_file_naming_its_column(tmp_path):
    path = tmp_path / "long-heading.csv"
    path.write_text("ViSOR ref," + "a" * (MAX_CELL + 1) + "\nIMP00000001,x\n", encoding="utf-8")
    message, _ = refused(path)
    assert f"row 1, column 2 holds {MAX_CELL + 1:,} characters" in message
    assert f"a cell may hold at most {MAX_CELL:,}" in message


def test_a_csv_wider_than_the_column_limit_is_refused(tmp_path):
    path = tmp_path / "wide.csv"
    path.write_text(",".join(f"c{i}" for i in range(MAX_COLUMNS + 1)) + "\n", encoding="utf-8")
    message, _ = refused(path)
    assert f"at most {MAX_COLUMNS:,}" in message and "columns" in message


def test_endless_input_stops_at_a_limit(tmp_path):
    """/dev/zero: no size, no end, no line break."""
    message, peak = refused(Path("/dev/zero"))
    assert "a line longer than" in message
    assert peak < 20 * MB


def test_a_file_larger_than_the_limit_is_refused_by_its_size(tmp_path):
    path = tmp_path / "sparse.csv"
    with path.open("wb") as f:
        f.truncate(reading.MAX_FILE_BYTES + 1)  # sparse: nothing on disk
    message, peak = refused(path)
    assert f"at most {reading.MAX_FILE_BYTES:,} bytes" in message
    assert peak < MB


def test_endless_lines_stop_at_the_file_size_limit(tmp_path, monkeypatch):
    """Short lines for ever (a pipe has no size to check first): the bytes are counted as read."""
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 2 * MB)

    def chunks() -> Iterator[bytes]:
        yield b"ViSOR ref\n"
        while True:
            yield (b" " * 1023 + b"\n") * 64  # blank lines: no rows, so only the byte count stops them

    path, was_cut_off = piped(tmp_path, chunks)
    message, _ = refused(path)
    assert f"larger than {2 * MB:,} bytes" in message
    assert was_cut_off()


@pytest.mark.parametrize("name", ["caseload.csv", "caseload.xlsx"])
def test_a_folder_where_the_file_should_be_is_named_as_one(tmp_path, name):
    folder = tmp_path / name
    folder.mkdir()
    message, _ = refused(folder)
    assert "a folder, not a file" in message


def test_a_pipe_that_is_not_utf8_is_refused_not_waited_on(tmp_path):
    """Another encoding is found by reading again: a pipe cannot be, so it is refused in one line rather
    than waiting for ever for a writer that has gone."""

    def chunks() -> Iterator[bytes]:
        yield "ViSOR ref,Surname\nIMP00000001,Zellquist\u00e9\n".encode("cp1252")

    path, _ = piped(tmp_path, chunks)
    message, _ = refused(path)
    assert "not UTF-8 text" in message


def test_an_excel_file_of_a_great_many_parts_is_refused_by_its_end_record(tmp_path):
    """Millions of tiny parts cost memory before any is unpacked: the count is read from the end record."""
    path = workbook(tmp_path / "parts.xlsx")
    with zipfile.ZipFile(path, "a") as archive:
        for i in range(MAX_PARTS + 1):
            archive.writestr(f"xl/media/p{i}.bin", b"")
    message, _ = refused(path)
    assert f"at most {MAX_PARTS:,}" in message and "parts" in message
