"""The command lines as a new user meets them: every failure is one line of plain words (never a Python
class name or a traceback), and a failed `profile create` leaves nothing behind."""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from somdesk.app.policy import default_policy_text
from somdesk.cli import server
from somdesk.cli.main import main

PASSPHRASE = "a good long passphrase"
# A class name (ConnectError, OperationalError), a module path to one, or a traceback.
CLASS_NAME = re.compile(r"\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\b|keyring\.backends|\bsqlalchemy\b|Traceback")


def plain_line(err: str) -> str:
    assert err.count("\n") == 1, err
    assert not CLASS_NAME.search(err), err
    return err


@pytest.fixture
def profiles(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("SOMDESK_PROFILES", str(tmp_path / "profiles"))
    monkeypatch.setenv("SOMDESK_PASSPHRASE", PASSPHRASE)
    for name in ("SOMDESK_NEW_PASSPHRASE", "SOMDESK_PASSWORD", "SOMDESK_SERVER_DB", "SOMDESK_NEW_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path / "profiles"


@pytest.fixture
def lenient_policy(tmp_path) -> Path:
    """A force policy that allows passphrase-only profiles: this machine has no keychain."""
    path = tmp_path / "policy.toml"
    text = default_policy_text().replace("passphrase_only_allowed = false", "passphrase_only_allowed = true")
    path.write_text(text, encoding="utf-8")
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_server(capsys, *argv: str) -> tuple[int, str, str]:
    code = server.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


class NotSomdesk(BaseHTTPRequestHandler):
    """Something else listening where the user thinks the central store is."""

    def do_POST(self) -> None:
        self.send_error(404)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def other_server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), NotSomdesk)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_without_a_keychain_create_says_so_in_words_and_leaves_nothing(profiles, capsys, monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    code, _, err = run(capsys, "profile", "create", "dc-smith")
    assert code == 2 and "no secure keychain" in plain_line(err)
    assert not (profiles / "dc-smith").exists()


def test_a_create_that_fails_or_is_interrupted_leaves_nothing_and_frees_the_name(
    profiles, capsys, monkeypatch, lenient_policy
):
    import somdesk.store.profile as store_profile

    real = store_profile.migrate.upgrade

    def interrupted(engine, **kwargs):
        raise KeyboardInterrupt

    create = ("--policy", str(lenient_policy), "profile", "create", "dc-smith", "--passphrase-only")
    monkeypatch.setattr(store_profile.migrate, "upgrade", interrupted)
    code, _, err = run(capsys, *create)
    assert code == 130 and "interrupted" in plain_line(err)
    assert not (profiles / "dc-smith").exists()
    monkeypatch.setattr(store_profile.migrate, "upgrade", real)
    (profiles / "dc-smith").mkdir(parents=True)
    (profiles / "dc-smith" / ".lock").touch()  # what a failed create of an earlier version left
    code, out, _ = run(capsys, *create)
    assert code == 0 and "created profile dc-smith" in out
    assert run(capsys, "profile", "list")[1].split() == ["dc-smith"]


def test_connecting_to_a_central_store_that_is_not_there_says_what_to_check(
    profiles, capsys, monkeypatch, lenient_policy, other_server
):
    create = ("--policy", str(lenient_policy), "profile", "create", "p1", "--passphrase-only")
    assert run(capsys, *create)[0] == 0
    monkeypatch.setenv("SOMDESK_PASSWORD", "somdesk-demo-password")
    cases = {
        "http://127.0.0.1:1": "nothing answers at that address",
        f"https://{other_server}": "answers without https",
        f"http://{other_server}": "is not a somdesk central store's address",
        "https:": "is not a central store address",
        "somdesk.force.example": "is not a central store address",
    }
    for url, words in cases.items():
        code, _, err = run(capsys, "sync", "connect", url, "--username", "som1", "--profile", "p1")
        assert code == 2 and words in plain_line(err), url


def test_the_central_store_command_says_what_is_wrong_with_its_database_and_files(
    capsys, tmp_path, monkeypatch
):
    monkeypatch.delenv("SOMDESK_SERVER_DB", raising=False)
    fresh = f"sqlite:///{tmp_path / 'store.db'}"
    junk = tmp_path / "junk.pem"
    junk.write_text("not a certificate\n", encoding="utf-8")
    monkeypatch.setenv("SOMDESK_NEW_PASSWORD", "a long enough password")
    pg = "postgresql+psycopg://somdesk:pw@127.0.0.1:1/somdesk"
    add = ["users", "add", "dc.x", "--name", "X", "--role", "som"]
    tls = ["run", "--host", "0.0.0.0", "--certfile", str(junk), "--keyfile", str(junk)]
    migrate_first = "run `somdesk-server migrate` first"
    cases = [
        (["--database-url", "nonsense", "migrate"], "database URL is not one somdesk-server can use"),
        (["--database-url", pg, "migrate"], "no database answers at 127.0.0.1:1"),
        (["--database-url", f"sqlite:///{tmp_path / 'no' / 'folder.db'}", "migrate"], "cannot be opened"),
        (["--database-url", fresh, *add], migrate_first),
        (["--database-url", fresh, "devices", "revoke", "x"], migrate_first),
        (
            ["--database-url", fresh, "policy", "set", str(tmp_path / "force.toml")],
            "force.toml: no such file",
        ),
        (["--database-url", fresh, *tls], "not a PEM certificate"),
    ]
    for argv, words in cases:
        code, _, err = run_server(capsys, *argv)
        assert code == 2 and words in plain_line(err), argv


def test_an_unexpected_failure_points_at_the_support_log_without_a_class_name(profiles, capsys, monkeypatch):
    import somdesk.cli.main as cli

    def broken(args):
        raise RuntimeError("an internal invariant broke")

    monkeypatch.setitem(cli._COMMANDS, "caseload", broken)
    code, _, err = run(capsys, "caseload", "--rsos", "10")
    assert code == 2 and "support log" in plain_line(err) and "RuntimeError" not in err


def test_options_and_variables_for_secrets_work_as_documented_and_are_named_rightly(
    profiles, capsys, monkeypatch, lenient_policy
):
    monkeypatch.delenv("SOMDESK_PASSPHRASE")
    monkeypatch.setenv("SOMDESK_NEW_PASSPHRASE", "the new profile's passphrase")
    create = ("profile", "create", "p1", "--passphrase-only", "--policy", str(lenient_policy))
    assert run(capsys, *create)[0] == 0
    monkeypatch.setenv("SOMDESK_PASSPHRASE", "the new profile's passphrase")  # it opens with that one
    assert run(capsys, "sync", "status", "--profile", "p1")[0] == 0
    code, _, err = run(
        capsys, "sync", "connect", "http://127.0.0.1:1", "--username", "som1", "--profile", "p1"
    )
    assert code == 2 and "no central store password: set SOMDESK_PASSWORD, pass --password-fd N" in err
    read_fd, write_fd = os.pipe()
    os.write(write_fd, b"somdesk-demo-password\n")
    os.close(write_fd)
    connect = ("sync", "connect", "http://127.0.0.1:1", "--username", "som1", "--profile", "p1")
    code, _, err = run(capsys, *connect, "--password-fd", str(read_fd))
    os.close(read_fd)
    assert code == 2 and "nothing answers at that address" in err  # the password was read: it tried
    monkeypatch.delenv("SOMDESK_NEW_PASSPHRASE")
    monkeypatch.delenv("SOMDESK_PASSPHRASE")
    code, _, err = run(
        capsys, "profile", "create", "p2", "--passphrase-only", "--policy", str(lenient_policy)
    )
    assert code == 2 and "no passphrase for the new profile: set SOMDESK_NEW_PASSPHRASE" in err
    assert "--new-passphrase-fd N" in err and not (profiles / "p2").exists()


def test_a_careless_file_or_folder_is_named_in_words(profiles, capsys, tmp_path):
    not_excel = tmp_path / "caseload.xlsx"
    not_excel.write_bytes(b"\x00\x01 not a workbook")
    a_file = tmp_path / "a-file"
    a_file.write_text("x", encoding="utf-8")
    who = ("--recipient", "Analyst", "--reason", "audit")
    cases = [
        (["import", str(not_excel), "--profile", "demo"], "caseload.xlsx: not an Excel workbook"),
        (["report", "csv", "arms", "-o", str(tmp_path / "x" / "a.csv"), "--profile", "demo", *who], "folder"),
        (["backup", str(a_file / "demo.sdbk"), "--profile", "demo"], "it is a file, not a folder"),
    ]  # fmt: skip
    for argv, words in cases:
        code, _, err = run(capsys, *argv)
        assert code == 2 and words in plain_line(err), argv
        assert ".partial" not in err and ".backup-" not in err
