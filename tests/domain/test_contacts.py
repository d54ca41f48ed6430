"""Household and contacts (issue 19, DOMAIN.md §7): a person's household and contacts and their
online identities, each kind held to its own rules; a child under 18 with access is a flag."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from somdesk.domain.contacts import Contact, ContactKind, Presence, Relationship, child_with_access
from somdesk.domain.invariants import contact_problems

TODAY = date(2026, 11, 23)
# A partner's daughter, 9, who lives at the address: residence in a household with a child under 18 is
# a notified detail (SI 2012/1876); the person has unsupervised access.
STEPCHILD = Contact(
    ContactKind.PERSON,
    date(2026, 10, 1),
    "Maisie Corran",
    Relationship.CHILD,
    Presence.LIVES,
    date_of_birth=date(2017, 4, 12),
    has_access=True,
    childrens_services="Saltmarsh CSC, duty social worker",
)
PARTNER = Contact(ContactKind.PERSON, date(2026, 10, 1), "Jade Corran", Relationship.PARTNER, Presence.LIVES)
EMAIL = Contact(ContactKind.EMAIL, date(2026, 10, 1), identity="t.hale@example.org")
GAMER = Contact(ContactKind.USER_NAME, date(2026, 10, 1), identity="reedwarbler", platform="Steam")


def fields(contact, today=TODAY):
    return {p.field: p.message for p in contact_problems(contact, today)}


def test_each_kind_recorded_as_it_should_be_keeps_the_rules():
    for contact in (STEPCHILD, PARTNER, EMAIL, GAMER):
        assert fields(contact) == {}, contact
    employer = Contact(
        ContactKind.PERSON, TODAY, "Northmere Plant Hire", Relationship.EMPLOYER, employment="Yard hand, days"
    )
    assert fields(employer) == {}


def test_a_person_needs_a_name_and_a_relationship():
    assert fields(replace(PARTNER, name=" ", relationship=None)) == {
        "name": "name the person",
        "relationship": "choose the relationship",
    }


def test_a_child_needs_a_date_of_birth_or_an_age_and_whether_there_is_access():
    bare = replace(STEPCHILD, date_of_birth=None, has_access=None)
    assert set(fields(bare)) == {"date_of_birth", "has_access"}
    assert fields(replace(bare, age=9, has_access=False)) == {}
    assert "not both" in fields(replace(STEPCHILD, age=9))["age"]
    assert (
        fields(replace(STEPCHILD, date_of_birth=date(2026, 12, 1)))["date_of_birth"]
        == "cannot be in the future"
    )
    assert (
        "after the day recorded"
        in fields(replace(STEPCHILD, date_of_birth=date(2026, 10, 5)))["date_of_birth"]
    )


def test_online_identities_are_their_own_kind():
    assert "not an e-mail address" in fields(replace(EMAIL, identity="t.hale at example"))["identity"]
    assert fields(replace(EMAIL, identity="")) == {"identity": "type the e-mail address"}
    assert fields(replace(GAMER, platform="")) == {"platform": "say where the user name is used"}
    # A person's fields on an identity, an identity on a person: each named.
    assert set(fields(replace(EMAIL, relationship=Relationship.OTHER, name="Tom"))) == {
        "relationship",
        "name",
    }
    assert set(fields(replace(PARTNER, identity="jade@example.org"))) == {"identity"}
    assert fields(replace(GAMER, recorded_on=date(2026, 11, 24))) == {
        "recorded_on": "cannot be in the future"
    }


def test_a_child_under_18_with_access_is_flagged_until_their_18th_birthday():
    assert child_with_access([PARTNER, STEPCHILD, EMAIL], TODAY) == [STEPCHILD]
    assert child_with_access([replace(STEPCHILD, has_access=False)], TODAY) == []
    assert child_with_access([STEPCHILD], date(2035, 4, 11)) == [STEPCHILD]  # the day before 18
    assert child_with_access([STEPCHILD], date(2035, 4, 12)) == []
    # An age given when recorded grows with the years since.
    aged = replace(STEPCHILD, date_of_birth=None, age=17, recorded_on=date(2026, 1, 10))
    assert aged.age_on(date(2027, 1, 9)) == 17 and aged.age_on(date(2027, 1, 10)) == 18
    assert child_with_access([aged], date(2027, 1, 10)) == []


def test_a_whole_card_number_in_a_contact_name_is_refused_at_the_name():
    problems = fields(replace(PARTNER, name="Jade Corran 4929 1234 5678 9012"))
    assert list(problems) == ["name"] and "13 or more digits" in problems["name"]


def test_the_caseload_flags_a_child_with_access_until_they_turn_18():
    from somdesk.app.policy import default_policy
    from somdesk.domain.status import evaluate
    from somdesk.ui.columns import flags
    from tests.domain.test_queues import case

    policy, c = default_policy(), case("hale")
    with_child = evaluate(c._replace(access_contacts=(STEPCHILD,)), TODAY, policy)
    assert with_child.child_with_access and "Child with access" in flags(with_child)
    assert "Child with access" not in flags(evaluate(c, TODAY, policy))
    # Maisie turns 18 on 12 Apr 2035: from then on, no flag.
    grown = evaluate(c._replace(access_contacts=(STEPCHILD,)), date(2035, 4, 12), policy)
    assert not grown.child_with_access and "Child with access" not in flags(grown)
    # A partner the person lives with is not a child.
    assert not evaluate(
        c._replace(access_contacts=(replace(PARTNER, has_access=True),)), TODAY, policy
    ).child_with_access


def test_a_disclosure_scheme_decision_is_dated_and_a_disclosure_names_its_recipient():
    from somdesk.domain.contacts import DisclosureDecision, describe_decision

    told = replace(
        PARTNER,
        disclosure=DisclosureDecision.DISCLOSED,
        disclosure_on=date(2026, 11, 12),
        disclosure_to="Jade Corran",
    )
    assert contact_problems(told, TODAY) == []
    assert describe_decision(told) == "Disclosed to Jade Corran on 12 Nov 2026"
    refused = replace(told, disclosure=DisclosureDecision.NOT_DISCLOSED, disclosure_to="")
    assert (
        contact_problems(refused, TODAY) == [] and describe_decision(refused) == "Not disclosed (12 Nov 2026)"
    )

    def fields(contact):
        return {p.field: p.message for p in contact_problems(contact, TODAY)}

    assert fields(replace(told, disclosure_to=" ")) == {"disclosure_to": "say to whom it was disclosed"}
    assert fields(replace(told, disclosure_on=None)) == {"disclosure_on": "give the date of the decision"}
    assert fields(replace(told, disclosure_on=date(2026, 11, 24))) == {
        "disclosure_on": "cannot be in the future"
    }
    assert fields(replace(told, disclosure=None)) == {"disclosure": "say whether it was disclosed"}
    assert fields(replace(refused, disclosure_to="Jade Corran")) == {
        "disclosure_to": "nothing was disclosed: clear it"
    }
    assert "disclosure" in fields(replace(EMAIL, disclosure=DisclosureDecision.DISCLOSED))
