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


# Each one reads as "this computer" or "https" to a prefix test, or would carry a secret in the address.
HOSTILE = [
    "http://127.0.0.1.evil.example",  # a computer name that starts like loopback
    "http://localhost@evil.example",  # user info: the host is evil.example
    "http://localhost.evil.example:8765",
    "https://som1:secret@central.example.police.uk",  # a password kept in the profile and sent
    "https://som1@central.example.police.uk",
    "https://central.example.police.uk/?next=http://x",
    "https://central.example.police.uk/#frag",
    "https://central.example.police.uk\x00.evil.example",
    "https://central.example.police.uk\n",
    "https://central example.police.uk",
    "https://central.example.police.uk:port",
    "https://",
]


@pytest.mark.parametrize("url", HOSTILE)
def test_an_address_that_only_looks_local_or_hides_a_secret_is_refused_in_one_line(url):
    from somdesk.sync.client import address_problem

    problem = address_problem(url)
    assert problem and "\n" not in problem
    with pytest.raises(SyncError, match="not a central store address"):
        CentralStore(url, DEVICE, MemoryTokens(), "profile")


@pytest.mark.parametrize("url", ["http://127.0.0.2:8765", "http://[::1]:8765", "https://10.0.0.5/somdesk"])
def test_any_loopback_address_and_https_with_a_path_are_accepted(url):
    CentralStore(url, DEVICE, MemoryTokens(), "profile").close()
