"""Finding, opening and creating profiles for the command line and the window.

Passphrases come from the user (a prompt), or for scripts and tests from an environment variable or
an inherited file descriptor; never from a command-line argument, which other users can see.
"""

from __future__ import annotations

import getpass
import os
import sys
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from somdesk.app.attachment_work import AttachmentDetails, keep_attachment
from somdesk.app.compute import gc_paused
from somdesk.app.locations import DEMO_FORMAT
from somdesk.app.policy import default_policy
from somdesk.app.session import Identity, Role
from somdesk.demo import DemoData, generate
from somdesk.demo.locations import demo_centroids
from somdesk.demo.meetings import panel_meetings
from somdesk.demo.photos import demo_attachments
from somdesk.demo.plans import risk_plans
from somdesk.demo.whole_case import CaseRecord, case_records
from somdesk.domain.mappa import RiskPlan
from somdesk.domain.model import ArmsAssessment, Case, Visit
from somdesk.store.ids import new_id
from somdesk.store.locations import PostcodeSource
from somdesk.store.profile import OpenProfile, Profile, default_profiles_folder
from somdesk.store.uow import UnitOfWork

__all__ = [
    "DEMO_PASSPHRASE",
    "DEMO_PROFILE",
    "PassphraseSource",
    "demo_identity",
    "open_demo_profile",
    "profile_at",
]

DEMO_PROFILE = "demo"
# The demo profile holds only synthetic people, so its passphrase can be public; it still runs through
# the same encryption as a real profile.
DEMO_PASSPHRASE = "somdesk-demo-synthetic-data"
DEMO_RSOS = 1500
DEMO_SEED = 2026


def profile_at(name: str, folder: Path | None = None) -> Profile:
    if not name or "/" in name or "\\" in name or name.startswith("."):
        raise ValueError(f"'{name}' is not a profile name (letters, digits, dashes; no slashes)")
    return Profile((folder or default_profiles_folder()) / name)


@dataclass(frozen=True)
class PassphraseSource:
    """Where a secret comes from: `fd` an open file descriptor (given with `fd_option`), else the
    variable `env`, else a prompt. `what` names the secret in messages; a `new` one typed at a prompt
    is asked for twice."""

    env: str
    fd: int | None = None
    prompt: str = "Passphrase: "
    fd_option: str = "--passphrase-fd"
    what: str = "passphrase"
    new: bool = False

    def read(self) -> str:
        if self.fd is not None:
            try:
                with os.fdopen(self.fd, "r", encoding="utf-8", closefd=False) as f:
                    value = f.readline().rstrip("\r\n")
            except OSError as e:
                raise ValueError(
                    f"cannot read the {self.what} from file descriptor {self.fd} ({self.fd_option}): "
                    f"{e.strerror}"
                ) from None
            if not value:
                raise ValueError(f"file descriptor {self.fd} ({self.fd_option}) gave an empty {self.what}")
            return value
        from_env = os.environ.get(self.env)
        if from_env:
            return from_env
        if sys.stdin is not None and sys.stdin.isatty():
            return self._prompt()
        raise ValueError(f"no {self.what}: set {self.env}, pass {self.fd_option} N, or run in a terminal")

    def _prompt(self) -> str:
        value = getpass.getpass(self.prompt)
        if self.new and getpass.getpass("Type it again: ") != value:
            raise ValueError(f"the two {self.what}s typed differ: nothing was changed")
        return value


def open_demo_profile(
    today: date, folder: Path | None = None, rsos: int = DEMO_RSOS, seed: int = DEMO_SEED
) -> OpenProfile:
    """The demo profile, made and filled with a synthetic force on first use (about a second)."""
    profile = profile_at(DEMO_PROFILE, folder)
    if profile.exists():
        return profile.unlock(DEMO_PASSPHRASE, "demo", None)
    opened = profile.create(DEMO_PASSPHRASE, "demo", None, passphrase_only=True, demo=True)
    fill_with_demo_data(opened, rsos, seed, today)
    return opened


def demo_identity(opened: OpenProfile, role: Role) -> Identity:
    """Who the demo user is: a SOM holds the first SOM's caseload; a supervisor sees every team."""
    with opened.reader() as reader:
        officers = reader.officers()
    if role is Role.SOM:
        som = next((o for o in officers if o.is_som), None)
        if som is not None:
            return Identity(som.name, role, som.id)
    if role is Role.SUPERVISOR:
        lead = next((o for o in officers if not o.is_som), None)
        if lead is not None:
            return Identity(lead.name, role, lead.id)
    return Identity({Role.PANEL_CHAIR: "Demo panel chair"}.get(role, "Demo user"), role)


def fill_with_demo_data(opened: OpenProfile, rsos: int, seed: int, today: date) -> int:
    """A synthetic force in `opened`. The demo profile never syncs: it takes the whole force, teams and
    officers too. Any other profile sends what it holds to the central store, which takes no team or
    officer from a device, no case outside the user's scope and no ViSOR reference another team holds:
    so it takes only RSOs, allocated to the signed-in user (a supervisor: their teams' SOMs), with ids
    and references of this profile's own; a profile not yet connected takes nothing (ValueError)."""
    if opened.demo:
        with opened.reader() as reader:
            if reader.teams():  # its teams and officers would be added twice
                raise ValueError(
                    f"profile {opened.profile.name} already holds the demo force: a demo profile is filled "
                    "once, when it is made (fill-demo adds synthetic RSOs to a profile connected to a "
                    "central store)"
                )
    data = generate(rsos, seed, today)
    plans = risk_plans(data.nominals, seed, today)
    records = case_records(data.nominals, seed, today, data.visits, default_policy().rm2000)
    teams, officers, cases, visits, arms = data.teams, data.officers, data.cases, data.visits, data.arms
    # The panel's meetings, decisions and actions: a chair's records, in the demo profile only (a
    # connected profile's central store takes them from a chair alone).
    held, decided = panel_meetings(data.nominals, seed, today) if opened.demo else ([], [])
    if not opened.demo:
        teams, officers = [], []
        cases, visits, arms, plans, records = _as_this_profiles(opened, data, plans, records)
    with gc_paused(), opened.unit_of_work() as uow:
        count = uow.import_force(
            teams,
            officers,
            cases,
            visits,
            arms,
            f"demo generator (seed {seed})",
            plans,
            [*records, *decided],
            held,
        )
        if opened.demo:  # a connected profile would upload them all: photographs in the demo profile only
            _add_demo_photos(uow, data, seed, today)
    if opened.demo:  # a real profile loads the force's own file (ZZ is no real area: nothing would clash)
        load_demo_centroids(opened, seed)
    return count


def load_demo_centroids(opened: OpenProfile, seed: int) -> int:
    """The demo force's synthetic postcode points (demo/locations.py) in place of any loaded."""
    rows = list(demo_centroids(seed))
    name = f"synthetic ZZ postcodes (seed {seed})"
    source = PostcodeSource(name, DEMO_FORMAT, opened.clock(), "demo generator", len(rows), 0, 0)
    opened.postcodes().load_all(rows, source)
    return len(rows)


def _add_demo_photos(uow: UnitOfWork, data: DemoData, seed: int, today: date) -> None:
    """Drawn faces for most of the demo SOM's caseload (demo_identity's: the first SOM by name) and
    some others, a few drawings and orders."""
    som = min((o for o in data.officers if o.is_som), key=lambda o: o.name, default=None)
    names = {o.id: o.name for o in data.officers}
    for item in demo_attachments(data.nominals, names, som.id if som else None, seed, today):
        details = AttachmentDetails(item.category, item.taken_on, item.taken_by, item.caption)
        keep_attachment(uow, item.nominal_id, item.file, details)


def _as_this_profiles(
    opened: OpenProfile, data: DemoData, plans: dict[str, RiskPlan], records: list[tuple[str, CaseRecord]]
) -> tuple[list[Case], list[Visit], list[ArmsAssessment], dict[str, RiskPlan], list[tuple[str, CaseRecord]]]:
    from somdesk.app.session import import_allocation, profile_identity
    from somdesk.sync.device import linked_store

    remote = linked_store(opened)
    if remote is None:
        raise ValueError(
            f"profile {opened.profile.name} is not connected to a central store: connect it first "
            "(somdesk sync connect), so that the synthetic RSOs are allocated to you and the central store "
            "takes them, or use the demo profile; nothing was written"
        )
    remote.close()
    identity = profile_identity(opened)
    with opened.reader() as reader:
        allowed, _, default = import_allocation(identity, reader.officers())
    to = [default] if default else [o.id for o in allowed if o.is_som]
    if not to:
        raise ValueError(
            f"profile {opened.profile.name}: no SOM you may allocate cases to yet; sync first, then fill it; "
            "nothing was written"
        )
    # Fresh ids (the generator's repeat with the seed) and references marked with this profile, so two
    # profiles filled alike, or the central store's own demo force, never hold the same one.
    tag = opened.profile_id.replace("-", "")[:6].upper()
    ids = {n.id: new_id() for n in data.nominals}
    nominals = {
        n.id: replace(
            n,
            id=ids[n.id],
            visor_ref=f"SYN{tag}{i + 1:06d}",
            pnc_id=f"SYN/{tag}{i + 1:06d}",
            officer_id=to[i % len(to)],
        )
        for i, n in enumerate(data.nominals)
    }
    cases = [case._replace(nominal=nominals[case.nominal.id]) for case in data.cases]
    visits = [replace(v, nominal_id=ids[v.nominal_id]) for v in data.visits]
    arms = [replace(a, nominal_id=ids[a.nominal_id]) for a in data.arms]
    moved = [(ids[nid], record) for nid, record in records]
    return cases, visits, arms, {ids[k]: plan for k, plan in plans.items()}, moved
