"""The central store address kept in a profile is checked each time it is used, not only when typed: a
file edited on disk (a password or plain http to another computer) sends nothing."""

from __future__ import annotations

import pytest

from somdesk.sync.client import SyncError
from somdesk.sync.device import SERVER_URL, linked_store, local_sync


@pytest.mark.parametrize(
    "stored", ["http://127.0.0.1.evil.example", "http://localhost@evil.example", "https://u:pw@x.example"]
)
def test_a_tampered_stored_address_is_refused_before_anything_is_sent(opened, stored):
    local_sync(opened).set(SERVER_URL, stored)
    with pytest.raises(SyncError, match="not a central store address"):
        linked_store(opened)
