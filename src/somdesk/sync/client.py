"""Talking to the central store over HTTPS: sign-in, token refresh, push, pull, waiting for changes.

Each refusal becomes its own exception with the server's plain-language reason, so the window can say
what to do: sign in again, install the force's version, or (device revoked) wipe.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import threading
import uuid
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlsplit

import httpx

from somdesk import __version__
from somdesk.contract.sync import (
    FORKED_HEADER,
    MAX_HEADS,
    NEWS_PAGE,
    PROTOCOL,
    AuditEntry,
    AuditHead,
    CasesRequest,
    CheckRequest,
    CheckResponse,
    Login,
    Manifest,
    Me,
    Mutation,
    OwnAudit,
    PolicyText,
    PushRequest,
    PushResponse,
    ReceivedPage,
    Refresh,
    Tokens,
    received,
    woken,
)
from somdesk.store.keychain import guarded
from somdesk.store.migrate import head_revision

__all__ = [
    "AttachmentStatus",
    "CentralStore",
    "DeviceRevoked",
    "Forked",
    "KeyringTokens",
    "MemoryTokens",
    "Offline",
    "Refused",
    "ServerFault",
    "SignInCopied",
    "SignInNeeded",
    "SyncError",
    "TokenStore",
    "Unavailable",
    "VersionMismatch",
    "address_problem",
]


class SyncError(Exception):
    """The central store refused or could not be reached; the message says why."""


class Offline(SyncError):
    pass


class SignInNeeded(SyncError):
    pass


class SignInCopied(SignInNeeded):
    """A spent refresh token of this device came back: another copy of this profile (or of its
    sign-in) used it first. The central store ended the device's sign-ins."""


class DeviceRevoked(SyncError):
    pass


class VersionMismatch(SyncError):
    pass


class Refused(SyncError):
    """The central store answered a request with a refusal (4xx): `status` says which. `received`: for an
    attachment's upload refused at the wrong offset (409) or with the wrong hash (422), the bytes the
    central store holds, from which the upload resumes."""

    def __init__(self, message: str, status: int = 400, received: int | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.received = received


class ServerFault(Offline):
    """The central store failed while answering (5xx): tried again later, like being offline."""


class Unavailable(ServerFault):
    """No instance could answer just now (502, 503, 504: a load balancer with none up, an instance that
    died mid-request, a busy database). Never the fault of what was sent: a change is not set aside
    for it, only sent again later."""


class Forked(Refused):
    """Another copy of this profile has synced as this device: the two audit logs have forked, and
    whatever this copy sends is refused. Sync stops here rather than try again for ever."""


class TokenStore(Protocol):
    def load(self, key: str) -> str | None: ...
    def save(self, key: str, token: str) -> None: ...
    def forget(self, key: str) -> None: ...


class KeyringTokens:
    """Refresh tokens in the OS keychain (Secret Service, Keychain, Credential Manager)."""

    SERVICE = "somdesk-sync"

    def load(self, key: str) -> str | None:
        import keyring

        return guarded(lambda: keyring.get_password(self.SERVICE, key))

    def save(self, key: str, token: str) -> None:
        import keyring

        guarded(lambda: keyring.set_password(self.SERVICE, key, token))

    def forget(self, key: str) -> None:
        import keyring
        from keyring.errors import PasswordDeleteError

        def delete() -> None:
            with contextlib.suppress(PasswordDeleteError):  # already gone
                keyring.delete_password(self.SERVICE, key)

        guarded(delete)


class MemoryTokens:
    """For one process only (the command line's one-off sync, tests of sync itself)."""

    def __init__(self) -> None:
        self._tokens: dict[str, str] = {}

    def load(self, key: str) -> str | None:
        return self._tokens.get(key)

    def save(self, key: str, token: str) -> None:
        self._tokens[key] = token

    def forget(self, key: str) -> None:
        self._tokens.pop(key, None)


def _received(response: httpx.Response) -> int | None:
    """The `received` an attachment upload's refusal carries, if any."""
    try:
        value = response.json().get("received")
    except (ValueError, AttributeError):
        return None
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _reason(response: httpx.Response) -> str:
    try:
        detail = response.json().get("detail")
    except (ValueError, AttributeError):
        detail = None
    if isinstance(detail, str):
        return detail
    if isinstance(detail, list) and detail:
        first = detail[0]
        where = ".".join(map(str, first.get("loc", [])))
        return f"the central store refused the request: {where}: {first.get('msg')}"
    return f"the central store answered {response.status_code}"


# What the network said, in words: (what to look for in the error's text, what to tell the user).
_NETWORK_WORDS = (
    ("certificate", "this computer does not trust the central store's certificate: ask your administrator"),
    (
        "wrong_version_number",
        "the address answers without https: check the address (http:// is only for this computer)",
    ),
    (
        "refused",
        "nothing answers at that address: check the address and port, and that the central store is running",
    ),
    ("resolve", "that computer name was not found: check the address, and your network or VPN"),
    (
        "name or service not known",
        "that computer name was not found: check the address, and your network or VPN",
    ),
    ("getaddrinfo", "that computer name was not found: check the address, and your network or VPN"),
)


def unreachable(url: str, error: httpx.TransportError) -> str:
    """Why the central store at `url` could not be reached, in words a user can act on."""
    if isinstance(error, httpx.TimeoutException):
        return f"the central store at {url} did not answer in time: check your network or VPN"
    text = str(error).lower()
    why = next((words for needle, words in _NETWORK_WORDS if needle in text), "check your network or VPN")
    return f"cannot reach the central store at {url}: {why}"


def address_problem(url: str) -> str | None:
    """What is wrong with `url` as a central store address, in one line, or None. The one rule for every
    way an address comes in (the command line, the window's Connect dialog, the address kept in a
    profile): https:// to a computer name, plain http:// only to this computer (127.0.0.0/8, ::1,
    localhost), never a user name or password inside it (it would be stored and sent in clear), no query,
    fragment, spaces or control characters."""
    if any(ch.isspace() or not ch.isprintable() for ch in url):
        return "the address holds a space or control character: type it again"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (a port that is not a number raises here)
    except ValueError as e:
        return f"that is not a web address ({e})"
    if parts.scheme not in ("https", "http") or not parts.hostname:
        return "give the address starting https:// and a computer name, e.g. https://somdesk.force.example"
    if "@" in parts.netloc:
        return "the address must not hold a user name or password (give them in their own boxes)"
    if parts.query or parts.fragment or url.endswith(("?", "#")):
        return "the address must not end in a ?query or #fragment: give the central store's address alone"
    if parts.scheme == "http" and not _this_computer(parts.hostname):
        return "plain http:// is only for this computer: give the address starting https://"
    return None


def _this_computer(host: str) -> bool:
    """Loopback by parsing, never by prefix (http://127.0.0.1.evil.example is another computer)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check_address(url: str) -> None:
    problem = address_problem(url)
    if problem:
        raise SyncError(f"that is not a central store address: {problem}; nothing was sent")


class CentralStore:
    def __init__(
        self,
        url: str,
        device_id: str,
        tokens: TokenStore,
        token_key: str,
        timeout: float = 30.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        _check_address(url)
        self.url = url.rstrip("/")
        self.device_id = device_id
        self._tokens = tokens
        self._token_key = token_key
        self._access: str | None = None
        self._copied = ""  # why the sign-in ended, when a spent refresh token gave a copy away
        self._refreshing = threading.Lock()  # the sync worker and the listener share one sign-in
        self._http = httpx.Client(
            base_url=self.url,
            timeout=timeout,
            transport=transport,
            headers={"User-Agent": f"somdesk/{__version__}"},
        )
        self.schema = head_revision()

    def close(self) -> None:
        self._http.close()

    # -- sign-in

    def login(
        self,
        username: str,
        password: str,
        device_name: str | None = None,
        key_mode: str | None = None,
        unsent: list[AuditHead] | None = None,
    ) -> None:
        """Sign in; `key_mode` ("keychain" or "passphrase") says how the profile's key is protected,
        which the central store checks against the force policy. `unsent`: the first of the device's
        audit entries not yet sent, which the central store must not hold differently (Forked)."""
        body: Login = {
            "username": username, "password": password, "device_id": self.device_id,
            "device_name": (device_name or socket.gethostname())[:100] or "device", "protocol": PROTOCOL,
        }  # fmt: skip
        if key_mode in ("keychain", "passphrase"):
            body["key_mode"] = "keychain" if key_mode == "keychain" else "passphrase"
        if unsent:
            body["audit"] = unsent[:MAX_HEADS]
        self._keep(self._send("POST", "/v1/login", json=body).json())

    def _keep(self, tokens: Tokens) -> None:
        self._access = tokens["access_token"]
        self._tokens.save(self._token_key, tokens["refresh_token"])
        self._copied = ""

    def _refresh(self) -> None:
        refresh = self._tokens.load(self._token_key)
        if refresh is None:
            # the sync worker and the listener both ask: each hears why the sign-in ended
            raise SignInCopied(self._copied) if self._copied else SignInNeeded("sign in to the central store")
        try:
            body: Refresh = {"refresh_token": refresh, "device_id": self.device_id}
            answer = self._send("POST", "/v1/refresh", json=body)
        except SignInNeeded as e:
            self._tokens.forget(self._token_key)
            if isinstance(e, SignInCopied):
                self._copied = str(e)
            raise
        self._keep(answer.json())

    # -- requests

    def _send(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        try:
            answer = self._http.request(method, path, **kwargs)
        except httpx.TransportError as e:
            raise Offline(unreachable(self.url, e)) from None
        if answer.status_code < 400:
            return answer
        reason = _reason(answer)
        if answer.status_code == 404 and reason in ("Not Found", "the central store answered 404"):
            # no such page: something else answers at this address
            raise Refused(
                f"{self.url} is not a somdesk central store's address: check it with your force", 404
            )
        if answer.status_code == 401:
            copied = answer.headers.get(FORKED_HEADER) == "token-reused"
            raise (SignInCopied if copied else SignInNeeded)(reason)
        if answer.status_code == 410:
            raise DeviceRevoked(reason)
        if answer.status_code == 426:
            raise VersionMismatch(reason)
        if answer.status_code == 409 and answer.headers.get(FORKED_HEADER) == "audit-forked":
            raise Forked(reason)
        if answer.status_code in (502, 503, 504):
            if answer.headers.get("Retry-After") and not reason.startswith("the central store answered"):
                raise Unavailable(reason)  # the central store's own words (busy signing others in)
            raise Unavailable(
                f"the central store cannot answer just now ({answer.status_code}); will try again"
            )
        if answer.status_code >= 500:
            raise ServerFault(f"the central store had a problem ({answer.status_code}); will try again")
        raise Refused(reason, answer.status_code, _received(answer))

    def _fresh_access(self, stale: str | None) -> str:
        """An access token newer than `stale`: refreshed once, however many threads ask at once (a
        refresh token is spent when used)."""
        with self._refreshing:
            if self._access is None or self._access == stale:
                self._refresh()
            assert self._access is not None
            return self._access

    def _authorised(
        self, method: str, path: str, headers: dict[str, str] | None = None, **kwargs: Any
    ) -> httpx.Response:
        token = self._access or self._fresh_access(None)
        try:
            return self._send(method, path, headers={**(headers or {}), "Authorization": f"Bearer {token}"},
                              **kwargs)  # fmt: skip
        except SignInNeeded:
            token = self._fresh_access(token)  # the access token expired: one refresh, one retry
            return self._send(method, path, headers={**(headers or {}), "Authorization": f"Bearer {token}"},
                              **kwargs)  # fmt: skip

    def push(self, mutations: list[Mutation], audit: list[AuditEntry]) -> PushResponse:
        body: PushRequest = {
            "protocol": PROTOCOL, "schema_revision": self.schema, "mutations": mutations, "audit": audit,
        }  # fmt: skip
        answer: PushResponse = self._authorised("POST", "/v1/push", json=body).json()
        return answer

    def check(self, mutations: list[Mutation]) -> CheckResponse:
        """What a push of `mutations` would be answered, change by change, with nothing written there
        (a dry run: no audit entries needed)."""
        body: CheckRequest = {"protocol": PROTOCOL, "schema_revision": self.schema, "mutations": mutations}
        answer: CheckResponse = self._authorised("POST", "/v1/sync/check", json=body).json()
        return answer

    def pull(self, cursor: int, limit: int) -> ReceivedPage:
        """One page, its records left as text for the store's writer to read."""
        params = {"protocol": PROTOCOL, "schema_revision": self.schema, "cursor": cursor, "limit": limit}
        return received(self._authorised("GET", "/v1/pull", params=params).text)

    def manifest(self) -> Manifest:
        """The offender records the account holds now, highest priority first."""
        params = {"protocol": PROTOCOL, "schema_revision": self.schema}
        found: Manifest = self._authorised("GET", "/v1/pull/manifest", params=params).json()
        return found

    def cases(self, ids: list[str], loose: bool) -> ReceivedPage:
        """A page of every record of these offenders (and, `loose`, of teams, officers and meetings)."""
        body: CasesRequest = {
            "protocol": PROTOCOL, "schema_revision": self.schema, "ids": ids, "loose": loose,
        }  # fmt: skip
        return received(self._authorised("POST", "/v1/pull/cases", json=body).text)

    def wait(self, after: int, timeout: float) -> int:
        """Long poll for news after `after` alone: the latest change number."""
        return self.news(after, timeout, page=0)[0]

    def news(self, after: int, timeout: float, page: int = NEWS_PAGE) -> tuple[int, ReceivedPage | None]:
        """Long poll for news after `after`: the latest change number, and the first page after `after`
        (up to `page` records) when there is news: the device writes it with no pull of its own."""
        params = {"after": after, "timeout": timeout, "page": page, "protocol": PROTOCOL,
                  "schema_revision": self.schema}  # fmt: skip
        return woken(self._authorised("GET", "/v1/wait", params=params, timeout=timeout + 10).text)

    def own_audit(self, after: int, limit: int) -> OwnAudit:
        """This device's audit entries on the central store after sequence number `after`, and its head."""
        found: OwnAudit = self._authorised(
            "GET", "/v1/audit/own", params={"after": after, "limit": limit}
        ).json()
        return found

    def policy(self) -> tuple[str, str]:
        body: PolicyText = self._authorised("GET", "/v1/policy").json()
        return str(body["text"]), str(body["hash"])

    def me(self) -> Me:
        found: Me = self._authorised("GET", "/v1/me").json()
        return found

    # -- the bytes of photographs and documents (their records go by push and pull)

    def attachment_status(self, attachment_id: str) -> AttachmentStatus:
        """How much of an attachment the central store holds, and whether its thumbnail is there."""
        found = self._authorised("GET", f"/v1/attachments/{_id(attachment_id)}/status").json()
        return AttachmentStatus(
            received=int(found["received"]),
            complete=bool(found["complete"]),
            thumbnail=bool(found["thumbnail"]),
        )

    def upload_chunk(self, attachment_id: str, offset: int, data: bytes) -> tuple[int, bool]:
        """Append `data` at `offset` (the bytes the central store holds so far). Returns (received,
        complete). Refused with `received` set: resume from there (409), or from 0 after a hash that did
        not match (422)."""
        answer = self._authorised(
            "PUT",
            f"/v1/attachments/{_id(attachment_id)}/content",
            params={"offset": offset},
            content=data,
            headers={"Content-Type": OCTETS},
        ).json()
        return int(answer["received"]), bool(answer["complete"])

    def put_thumbnail(self, attachment_id: str, jpeg: bytes) -> None:
        self._authorised(
            "PUT",
            f"/v1/attachments/{_id(attachment_id)}/thumbnail",
            content=jpeg,
            headers={"Content-Type": OCTETS},
        )

    def get_thumbnail(self, attachment_id: str) -> bytes:
        """The thumbnail's bytes (as sent: the caller checks them). Refused 404 when there is none yet."""
        return self._authorised("GET", f"/v1/attachments/{_id(attachment_id)}/thumbnail").content

    def get_content(self, attachment_id: str, offset: int, length: int) -> bytes:
        """`length` bytes from `offset` of a complete attachment (fewer at its end)."""
        params = {"offset": offset, "length": length}
        return self._authorised("GET", f"/v1/attachments/{_id(attachment_id)}/content", params=params).content


OCTETS = "application/octet-stream"


@dataclass(frozen=True, slots=True)
class AttachmentStatus:
    received: int
    complete: bool
    thumbnail: bool


def _id(attachment_id: str) -> str:
    """An id goes into a path only as the uuid it is (never a slash or dot-dot from a bad record)."""
    try:
        return str(uuid.UUID(attachment_id))
    except ValueError:
        raise SyncError(f"not an attachment id: {attachment_id[:40]!r}") from None
