"""The support log: configured once per program, and nothing personal in it (docs/SECURITY.md)."""

from __future__ import annotations

import logging
import stat
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from somdesk.app.logs import configure_logging, scrub
from somdesk.cli.main import main

NAME, STREET = "QUENFORD", "Flat 2, 14 Mill Lane"


def ours() -> list[logging.Handler]:
    return [h for h in logging.getLogger().handlers if getattr(h, "_somdesk_handler", False)]


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    """A log folder of the test's own; the handlers it gets are removed afterwards."""
    yield tmp_path / "logs"
    for handler in ours():
        logging.getLogger().removeHandler(handler)
        handler.close()


def written(folder: Path, program: str = "somdesk") -> str:
    for handler in ours():
        handler.flush()
    return (folder / f"{program}.log").read_text(encoding="utf-8")


def test_configured_twice_each_line_is_written_once(folder: Path):
    configure_logging("somdesk", to_stderr=True, folder=folder)
    configure_logging("somdesk", to_stderr=True, folder=folder)  # e.g. the command line, then the window
    kinds = sorted(type(h).__name__ for h in ours())
    assert kinds == ["_PrivateRotatingFile", "_Stderr"]
    logging.getLogger("somdesk.test").info("one line")
    assert written(folder).count("one line") == 1


def test_the_command_line_configures_once_however_often_main_runs(folder: Path, monkeypatch, capsys):
    monkeypatch.setenv("SOMDESK_LOG_DIR", str(folder))
    assert main(["policy", "check"]) == 0
    assert main(["policy", "check"]) == 0
    assert len(ours()) == 2
    log = written(folder)
    assert log.count("somdesk.cli") == 4 and "policy: exit status 0" in log


def test_file_is_0600_in_a_0700_folder_also_after_a_rollover(folder: Path):
    path = configure_logging("somdesk-server", to_stderr=False, folder=folder)
    assert path == folder / "somdesk-server.log"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    (handler,) = ours()
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    handler.doRollover()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE((folder / "somdesk-server.log.1").stat().st_mode) == 0o600


def test_a_folder_given_that_exists_keeps_its_mode_and_the_file_is_still_0600(tmp_path: Path, folder: Path):
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    path = configure_logging("somdesk-server", to_stderr=False, folder=shared)
    assert path is not None and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(shared.stat().st_mode) == 0o755  # e.g. /var/log: never made private by us


def test_an_unwritable_log_folder_does_not_stop_the_program(tmp_path: Path, folder: Path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    assert configure_logging("somdesk", to_stderr=True, folder=blocker / "logs") is None
    assert "no log file" in capsys.readouterr().err


def test_sqlalchemy_records_lose_their_parameters(folder: Path):
    """As with echo=True on an engine made without hide_parameters: the filter still keeps values out."""
    configure_logging("somdesk", to_stderr=False, folder=folder)
    engine = create_engine("sqlite://")
    sa_log = logging.getLogger("sqlalchemy.engine.Engine")
    sa_log.setLevel(logging.INFO)
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE t (name TEXT, street TEXT)"))
            conn.execute(text("INSERT INTO t VALUES (:n, :s)"), {"n": NAME, "s": STREET})
    finally:
        sa_log.setLevel(logging.WARNING)
    log = written(folder)
    assert "INSERT INTO t VALUES (?, ?)" in log  # the statement, for support
    assert NAME not in log and "Mill Lane" not in log


def test_an_sql_parameter_dump_in_an_exception_is_scrubbed(folder: Path):
    configure_logging("somdesk", to_stderr=False, folder=folder)
    try:
        try:
            raise KeyError(NAME)
        except KeyError as e:
            raise RuntimeError(
                "(sqlite3.IntegrityError) UNIQUE constraint failed: nominals.visor_ref\n"
                "[SQL: INSERT INTO nominals (surname, address) VALUES (?, ?)]\n"
                f"[parameters: ('{NAME}', '{STREET}')]"
            ) from e
    except RuntimeError:
        logging.getLogger("somdesk.test").exception("write failed")
    log = written(folder)
    assert "UNIQUE constraint failed: nominals.visor_ref" in log and "[parameters hidden]" in log
    assert "Traceback (most recent call last)" in log and "test_logs.py" in log
    assert "direct cause" in log and "KeyError" in log  # the chain, without its messages
    assert NAME not in log and "Mill Lane" not in log


def test_postgresql_detail_quoted_values_and_folders_are_scrubbed():
    assert scrub("DETAIL:  Key (unique_key)=(SYN00000042) already exists.") == "DETAIL: (hidden)"
    assert scrub(f"KeyError: '{NAME}, Liam'") == "KeyError: '…'"
    assert NAME not in scrub(f"/home/dc/.local/share/somdesk/profiles/{NAME} Liam/profile.db: damaged")
    url = "http://127.0.0.1:8765/v1/push can't connect"
    assert scrub(url) == url


def test_the_windows_crash_hook_logs_the_traceback_without_the_message(folder: Path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from somdesk.ui.app import install_exception_hook

    configure_logging("somdesk", to_stderr=False, folder=folder)
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: None)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_exception_hook()
    try:
        raise KeyError(f"{NAME}, Liam")
    except KeyError:
        sys.excepthook(*sys.exc_info())
    log = written(folder)
    assert "ERROR somdesk " in log and "unexpected error" in log and "KeyError: '…'" in log
    assert NAME not in log


def test_the_central_store_logs_a_refused_push_by_device_and_count(tmp_path: Path, folder: Path):
    from fastapi.testclient import TestClient

    from somdesk.contract.sync import PROTOCOL
    from somdesk.server.app import create_app
    from somdesk.server.demo import DEMO_PASSWORD, seed_demo
    from somdesk.server.store import ServerStore
    from somdesk.store.migrate import head_revision
    from tests.conftest import TODAY

    configure_logging("somdesk-server", to_stderr=False, folder=folder)
    store = ServerStore(f"sqlite:///{tmp_path / 'central.db'}")  # the demo's database: quick, no server
    store.migrate()
    seed_demo(store, 40, 3, TODAY, soms=1)
    client, device = TestClient(create_app(store)), str(uuid.uuid4())
    token = client.post(
        "/v1/login",
        json={"username": "som1", "password": DEMO_PASSWORD, "device_id": device, "device_name": "test",
              "protocol": PROTOCOL},
    ).json()["access_token"]  # fmt: skip
    refused = {"id": str(uuid.uuid4()), "table": "nominals", "record_id": str(uuid.uuid4()),
               "operation": "update", "base_version": 1, "fields": {"surname": NAME}}  # fmt: skip
    answer = client.post(
        "/v1/push",
        json={"protocol": PROTOCOL, "schema_revision": head_revision(), "mutations": [refused]},
        headers={"Authorization": f"Bearer {token}"},
    )
    store.engine.dispose()
    assert answer.json()["results"][0]["status"] == "rejected"
    log = written(folder, "somdesk-server")
    assert f"push from device {device}: 1 of 1 changes refused" in log
    assert NAME not in log


def test_a_database_refusal_quoting_a_value_reaches_neither_stderr_nor_the_log(
    folder, tmp_path, monkeypatch, capsys
):
    """A real SQLCipher IntegrityError raised under the command line's top-level handler: the user reads
    one plain line, the support log keeps the traceback, and the row's value is in neither."""
    from somdesk.cli import main as cli
    from somdesk.store.profile import Profile

    monkeypatch.setenv("SOMDESK_LOG_DIR", str(folder))
    value = "ZZQUENFORD-7731"
    opened = Profile(tmp_path / "p").create("correct horse battery", "dc", None, passphrase_only=True)
    insert = "INSERT INTO somdesk_meta (key, value) VALUES (?, ?)"

    def clash(_args: object) -> int:
        for _ in range(2):
            with opened.engine.begin() as conn:
                conn.exec_driver_sql(insert, (value, value))
        return 0

    monkeypatch.setitem(cli._COMMANDS, "audit", clash)
    try:
        assert main(["audit", "verify", "--profile", "p", "--profiles", str(tmp_path)]) == 2
    finally:
        opened.lock()
    err = capsys.readouterr().err
    log = written(folder)
    assert "IntegrityError" in log and "support log" in err and err.count("\n") == 1
    assert value not in err and value not in log
