"""Text that came from elsewhere reaches the administrator's terminal escaped: a device's name, a team's
name and area sent from a supervisor's laptop, a display name, the force policy. No value can move the
cursor, clear the screen, retitle the window or reverse what follows."""

from __future__ import annotations

import json
import uuid

import pytest
from sqlalchemy import text

from somdesk.cli.server import main as server_main
from somdesk.cli.untrusted import shown
from somdesk.server.app import PROTOCOL

from . import test_authorisation as matrix

template, store, world = matrix.template, matrix.store, matrix.world
pytestmark = pytest.mark.postgres

HOSTILE = "\x1b]0;owned\x07\x1b[2J\x1b[1A\r\u202ekcalb\u200b\x9b31m"
RAW = ("\x1b", "\x07", "\r", "\u202e", "\u200b", "\x9b")


def test_every_admin_listing_escapes_what_came_from_elsewhere(store, world, capsys):
    client, _, force = world
    answer = client.post(
        "/v1/login",
        json={"username": "som1", "password": matrix.DEMO_PASSWORD, "device_id": str(uuid.uuid4()),
              "device_name": f"laptop {HOSTILE}", "protocol": PROTOCOL},
    )  # fmt: skip
    assert answer.status_code == 200, answer.text
    with store.engine.begin() as conn:  # as a supervisor's laptop would have sent it
        row = conn.execute(text("SELECT data FROM records WHERE id = :i"), {"i": force.team}).scalar_one()
        team = {**json.loads(row), "name": f"Team {HOSTILE}", "area": f"North {HOSTILE}"}
        conn.execute(
            text("UPDATE records SET data = :d WHERE id = :i"), {"d": json.dumps(team), "i": force.team}
        )
    store.add_user("ds.hostile", f"DS {HOSTILE}", "supervisor", "correct horse battery staple")
    store.set_policy(f"# {HOSTILE}\n")
    url = store.engine.url.render_as_string(hide_password=False)
    for command in (["devices", "list"], ["teams", "list"], ["users", "list"], ["policy", "show"]):
        capsys.readouterr()
        server_main(["--database-url", url, *command])
        out, err = capsys.readouterr()
        assert not any(ch in out + err for ch in RAW), (command, out + err)
        assert "\\x1b]0;owned\\x07\\x1b[2J" in out, (command, out)


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("North \x1b[2J", "North \\x1b[2J"),
        ("a\u202eb", "a\\u202eb"),
        ("line\nbreak\ttab", "line\\x0abreak\\x09tab"),
        ("Zoë Ødegård 北", "Zoë Ødegård 北"),  # letters of any language are shown as they are
        ("\ud800", "\\ud800"),
        (None, ""),
    ],
)
def test_shown_escapes_controls_and_keeps_letters(text, printed):
    assert shown(text) == printed
