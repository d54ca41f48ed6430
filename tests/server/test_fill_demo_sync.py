"""`somdesk fill-demo` on a real profile connected to a real central store: everything it wrote syncs."""

from __future__ import annotations

import pytest

from somdesk.server.demo import seed_demo
from tests.conftest import TODAY

from .sync_helpers import LiveServer, server_count

pytestmark = pytest.mark.postgres


@pytest.mark.parametrize("user", ["som1", "sup1"])
def test_fill_demo_writes_only_what_the_central_store_takes(store, cli, user):
    """A SOM's filled profile holds their own synthetic caseload; a supervisor's, their teams' SOMs'.
    Ids, references, scope and audit entries are all ones the central store takes: nothing is refused,
    even with the central store's own demo force made from the same seed."""
    seed_demo(store, 60, 1, TODAY, soms=2)
    before = server_count(store, "table_name = 'nominals'")
    with LiveServer(store) as server:
        assert cli(user, "sync", "connect", server.url, "--username", user)[0] == 0
        assert cli(user, "sync", "now")[0] == 0  # the officers it may allocate to
        code, out, err = cli(user, "fill-demo", "--rsos", "25", "--seed", "1", "--today", TODAY.isoformat())
        assert (code, err) == (0, "") and "added 25 synthetic RSOs" in out
        code, out, err = cli(user, "sync", "now")
        assert code == 0 and "0 refused" in out, out + err
        code, out, _ = cli(user, "sync", "status")
    assert "refused:" not in out and "changes waiting to be sent: 0" in out
    assert server_count(store, "table_name = 'nominals'") == before + 25


def test_fill_demo_refuses_a_profile_not_yet_connected_and_writes_nothing(cli):
    code, _, err = cli("som1", "fill-demo", "--rsos", "5", "--today", TODAY.isoformat())
    assert code != 0 and "is not connected to a central store" in err and "nothing was written" in err
    assert err.count("\n") == 1
    code, out, _ = cli("som1", "sync", "status")
    assert "not connected" in out
