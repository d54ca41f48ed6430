"""The bulk reads of failed entry since last seen (store/warrants.py all_attempts, and the cases' read,
which asks only for the people whose latest failed visit is not before the day last seen) give what the
domain's rule gives from each person's whole visit history, for every person held and for one."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from somdesk.demo import generate
from somdesk.domain.model import RecordedVisit, Visit, VisitOutcome
from somdesk.domain.warrants import attempts_since_seen, last_seen_at
from somdesk.store.warrants import all_attempts, attempts_for
from tests.conftest import TODAY


def test_attempts_read_in_bulk_are_the_rule_over_every_visit(profile, keychain):
    from tests.store.conftest import PASSPHRASE, clock

    force = generate(400, seed=3, today=TODAY)
    opened = profile.create(PASSPHRASE, "dc.test", keychain, clock=clock)
    # The same day as a seen visit, before and after it; and a person never seen.
    first, second, never = (n.id for n in force.nominals[:3])
    extra = [
        Visit(first, datetime(2026, 11, 20, 9), VisitOutcome.NOT_SEEN),
        Visit(first, datetime(2026, 11, 20, 10), VisitOutcome.SEEN),
        Visit(first, datetime(2026, 11, 20, 11), VisitOutcome.REFUSED_ENTRY),
        Visit(second, datetime(2026, 11, 21, 9), VisitOutcome.NOT_SEEN),
    ]
    held = [v for v in force.visits if v.nominal_id != never] + extra
    held += [Visit(never, datetime(2026, 11, 1, 9), VisitOutcome.NOT_SEEN)]
    cases = [c._replace(last_seen_visit=None) if c.nominal.id == never else c for c in force.cases]
    with opened.unit_of_work() as uow:
        uow.import_force(force.teams, force.officers, cases, held, force.arms, "test force")
    by: dict[str, list[RecordedVisit]] = defaultdict(list)
    with opened.reader() as reader:
        for i, v in enumerate(held):
            by[v.nominal_id].append(RecordedVisit(v.nominal_id, v.at, v.outcome, id=f"{i:08d}"))
        expected = {n: tuple(a.at for a in attempts_since_seen(vs, last_seen_at(vs))) for n, vs in by.items()}
        expected = {n: t for n, t in expected.items() if t}
        found = {n: tuple(a.at for a in t) for n, t in all_attempts(reader.conn).items()}
        assert found == expected and {first, second, never} <= found.keys()
        in_cases = {c.nominal.id: tuple(a.at for a in c.attempts) for c in reader.cases() if c.attempts}
        assert in_cases == expected
        assert [a.at.hour for a in attempts_for(reader.conn, first)] == [11]
    opened.lock()
