"""Hypothesis strategies for whole cases: any mix of dates, risk, custody and history around TODAY."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from somdesk.domain.model import (
    Address,
    Case,
    Disposal,
    ForeignTrip,
    Nominal,
    Registration,
    RiskLevel,
    Sex,
    Term,
    VisitPlan,
)

TODAY = date(2026, 11, 23)


def near(days_back: int, days_ahead: int = 0) -> st.SearchStrategy[date]:
    return st.integers(-days_back, days_ahead).map(lambda d: TODAY + timedelta(days=d))


def maybe(strategy: st.SearchStrategy) -> st.SearchStrategy:
    return st.one_of(st.none(), strategy)


@st.composite
def cases(draw: st.DrawFn, index: int | None = None) -> Case:
    nid = f"n{draw(st.integers(0, 10**9)):010d}" if index is None else f"n{index:06d}"
    disposal = draw(st.sampled_from(list(Disposal)))
    relevant = draw(near(20 * 365))
    reg = Registration(
        relevant_date=relevant,
        disposal=disposal,
        term=Term(draw(st.integers(0, 60)), draw(st.integers(0, 30)))
        if disposal is Disposal.IMPRISONMENT
        else None,
        discharge_months=draw(st.integers(6, 36)) if disposal is Disposal.CONDITIONAL_DISCHARGE else None,
        registered_on=draw(maybe(near(20 * 365))),
        last_notification=draw(maybe(near(500))),
        in_custody=draw(st.booleans()),
        released_on=draw(maybe(near(400))),
    )
    nominal = Nominal(
        id=nid,
        visor_ref="SYN" + nid,
        pnc_id="SYN/" + nid,
        family_name="Tarnby",
        given_names="Sean",
        date_of_birth=draw(near(80 * 365, -14 * 365)),
        sex=draw(st.sampled_from(list(Sex))),
        registration=reg,
        address=draw(st.sampled_from([None, Address("3 Mallow Road", "Northmere", "ZZ1 3EF", "Northmere")])),
        officer_id=draw(st.sampled_from([None, "o1", "o2", "o3"])),
        risk_level=draw(maybe(st.sampled_from(list(RiskLevel)))),
        risk_level_since=draw(maybe(near(10 * 365))),
        visit_plan=VisitPlan(draw(maybe(st.integers(1, 24))), "", draw(st.booleans())),
        trips=tuple(
            ForeignTrip(d, "France", n, returns_on=None if away is None else d + timedelta(days=away))
            for d, n, away in draw(
                st.lists(st.tuples(near(5, 40), maybe(near(40)), maybe(st.integers(0, 60))), max_size=2)
            )
        ),
    )
    return Case(
        nominal,
        last_seen_visit=draw(maybe(near(3 * 365))),
        last_arms=draw(maybe(near(3 * 365))),
        arms_review_requested_on=draw(maybe(near(200))),
    )


def case_lists(max_size: int = 40) -> st.SearchStrategy[list[Case]]:
    return st.integers(0, max_size).flatmap(
        lambda n: st.tuples(*[cases(index=i) for i in range(n)]).map(list)
    )
