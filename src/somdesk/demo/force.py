"""Teams, officers and who holds how many RSOs."""

from __future__ import annotations

import math
import random
import uuid

from somdesk.demo.vocabulary import AREAS, GIVEN_FEMALE, GIVEN_MALE, SYLLABLES_A, SYLLABLES_B
from somdesk.domain.model import Officer, Team

__all__ = ["caseload_sizes", "make_force", "new_uuid", "surname"]


def new_uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def surname(rng: random.Random) -> str:
    return rng.choice(SYLLABLES_A) + rng.choice(SYLLABLES_B)


def caseload_sizes(rng: random.Random, rsos: int) -> list[int]:
    """How many RSOs each SOM holds: 50-100 each, about 75 on average (all of them when under 50)."""
    if rsos <= 100:
        return [rsos] if rsos else []
    soms = min(max(round(rsos / 75), math.ceil(rsos / 100)), rsos // 50)
    sizes = [rsos // soms + (1 if i < rsos % soms else 0) for i in range(soms)]
    for _ in range(3 * soms):  # move cases between random pairs, keeping both inside 50-100
        a, b = rng.randrange(soms), rng.randrange(soms)
        room = min(sizes[a] - 50, 100 - sizes[b])
        if a != b and room > 0:
            moved = rng.randint(0, room)
            sizes[a] -= moved
            sizes[b] += moved
    return sizes


def make_force(rng: random.Random, rsos: int) -> tuple[list[Team], list[Officer], list[Officer]]:
    """Teams of about seven SOMs and a supervisor; each SOM holds 50-100 RSOs (fewer in a tiny force)."""
    sizes = caseload_sizes(rng, rsos)
    soms_count = max(1, len(sizes))
    team_count = max(1, round(soms_count / 7))
    teams = [
        Team(
            f"team-{t + 1}",
            f"{AREAS[t % len(AREAS)]} MOSOVO team {t // len(AREAS) + 1}",
            AREAS[t % len(AREAS)],
        )
        for t in range(team_count)
    ]
    officers: list[Officer] = []
    for team in teams:
        officers.append(
            Officer(
                new_uuid(rng),
                f"DS {rng.choice(GIVEN_MALE + GIVEN_FEMALE)[0]}. {surname(rng)}",
                team.id,
                is_som=False,
            )
        )
    soms = [
        Officer(
            new_uuid(rng),
            f"DC {rng.choice(GIVEN_MALE + GIVEN_FEMALE)[0]}. {surname(rng)}",
            teams[i % team_count].id,
        )
        for i in range(soms_count)
    ]
    officers.extend(soms)
    allocation = [som for som, size in zip(soms, sizes, strict=False) for _ in range(size)]
    rng.shuffle(allocation)
    return teams, officers, allocation
