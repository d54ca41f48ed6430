"""The sync client on its own: it will not talk to a central store in the clear over a network."""

from __future__ import annotations

import pytest

from somdesk.sync.client import CentralStore, MemoryTokens, SyncError

DEVICE = "11111111-1111-4111-8111-111111111111"


@pytest.mark.parametrize("url", ["http://central.example.police.uk", "http://10.0.0.5:8765", "ftp://x"])
def test_plain_http_to_another_host_is_refused_before_anything_is_sent(url):
    with pytest.raises(SyncError, match="https://"):
        CentralStore(url, DEVICE, MemoryTokens(), "profile")


@pytest.mark.parametrize(
    "url", ["https://central.example.police.uk", "http://127.0.0.1:8765", "http://localhost:1"]
)
def test_https_anywhere_and_http_only_on_this_computer(url):
    CentralStore(url, DEVICE, MemoryTokens(), "profile").close()
