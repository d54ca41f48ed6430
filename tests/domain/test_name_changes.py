"""Name-change notices: the steps and their deadlines come from the force policy (DOMAIN.md §5 end:
the Crime and Policing Bill's final form is not known), a notice keeps its steps by name so it reads
the same under the next policy, and the next step due is said in words."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from somdesk.app.policy import default_policy
from somdesk.domain.chronology import chronology
from somdesk.domain.invariants import name_change_problems
from somdesk.domain.model import Address, Case, Disposal, Nominal, Registration, Sex
from somdesk.domain.name_changes import (
    Decision,
    NameChangeNotice,
    NameChangeRules,
    NameChangeStep,
    completed,
    deadlines,
    in_words,
    next_step,
    notice_from_values,
    notice_values,
    overdue,
)
from somdesk.domain.queues import notification_queue
from somdesk.domain.status import evaluate
from tests.conftest import TODAY

DECISION, NOTIFIED, CHECKED = "Police decision", "New name notified", "Documents checked"
# As the shipped policy reads the Act and the Bill: a decision within 14 days of the notice, the new
# name notified within 3 days of the change (s.84(1)(a)), documents checked within 14 days after.
RULES = NameChangeRules(
    (
        NameChangeStep(DECISION, 14, "notice", decision=True),
        NameChangeStep(NOTIFIED, 3, "change"),
        NameChangeStep(CHECKED, 14, "previous"),
    )
)
NOTICE = NameChangeNotice("Daniel Ashworth", date(2026, 11, 16), date(2026, 12, 20))


def test_the_decision_is_due_the_policys_days_from_the_notice():
    nxt = next_step(NOTICE, RULES)
    assert nxt is not None and (nxt.step.name, nxt.deadline) == (DECISION, date(2026, 11, 30))
    assert in_words(NOTICE, RULES, date(2026, 11, 27)) == "Police decision due 30 Nov 2026 (in 3 days)"
    assert not overdue(NOTICE, RULES, date(2026, 11, 30))
    assert overdue(NOTICE, RULES, date(2026, 12, 1))
    assert in_words(NOTICE, RULES, date(2026, 12, 2)) == "Police decision due 30 Nov 2026 (2 days overdue)"


def test_the_new_name_is_due_3_days_after_the_change_however_early_the_decision():
    allowed = NameChangeNotice(
        "Daniel Ashworth", date(2026, 11, 16), date(2026, 12, 20), {DECISION: date(2026, 11, 18)},
        Decision.ALLOWED,
    )  # fmt: skip
    nxt = next_step(allowed, RULES)
    assert nxt is not None and (nxt.step.name, nxt.deadline) == (NOTIFIED, date(2026, 12, 23))
    no_date = NameChangeNotice("Daniel Ashworth", date(2026, 11, 16), None, allowed.steps, Decision.ALLOWED)
    assert next_step(no_date, RULES).deadline is None  # type: ignore[union-attr]
    assert not overdue(no_date, RULES, date(2030, 1, 1))
    assert "3 days after the change (no change date given)" in in_words(no_date, RULES, date(2026, 12, 1))


def test_a_step_counted_from_the_previous_one_runs_from_the_day_that_was_done():
    notified = NameChangeNotice(
        "Daniel Ashworth", date(2026, 11, 16), date(2026, 12, 20),
        {DECISION: date(2026, 11, 18), NOTIFIED: date(2026, 12, 21)}, Decision.ALLOWED,
    )  # fmt: skip
    nxt = next_step(notified, RULES)
    assert nxt is not None and (nxt.step.name, nxt.deadline) == (CHECKED, date(2027, 1, 4))
    done = NameChangeNotice(
        *("Daniel Ashworth", date(2026, 11, 16), date(2026, 12, 20)),
        {**notified.steps, CHECKED: date(2026, 12, 30)}, Decision.ALLOWED,
    )  # fmt: skip
    assert completed(done, RULES) and next_step(done, RULES) is None
    assert in_words(done, RULES, date(2027, 1, 1)) == "Complete: allowed"


def test_a_prohibited_change_is_complete_at_the_decision():
    prohibited = NameChangeNotice(
        "Daniel Ashworth", date(2026, 11, 16), date(2026, 12, 20), {DECISION: date(2026, 11, 20)},
        Decision.PROHIBITED, "would hide him from the victim's family",
    )  # fmt: skip
    assert completed(prohibited, RULES) and not overdue(prohibited, RULES, date(2027, 6, 1))
    assert in_words(prohibited, RULES, date(2026, 11, 23)) == "Complete: prohibited"


def test_a_policy_with_other_steps_gives_other_deadlines_and_keeps_steps_it_no_longer_has():
    # A reading of the Bill with notice at least 28 days ahead and nothing to check afterwards.
    bill = NameChangeRules(
        (
            NameChangeStep("Decision before the change", 7, "notice", decision=True),
            NameChangeStep("Changed", 0, "change"),
        )
    )
    old = NameChangeNotice(
        "Daniel Ashworth",
        date(2026, 11, 16),
        date(2026, 12, 20),
        {DECISION: date(2026, 11, 18)},
        Decision.ALLOWED,
    )
    nxt = next_step(old, bill)
    assert nxt is not None and (nxt.step.name, nxt.deadline) == (
        "Decision before the change",
        date(2026, 11, 23),
    )
    # The step done under the old policy is still held, and comes back if the old policy does.
    values = notice_values(old)
    assert notice_from_values(values).steps == {DECISION: date(2026, 11, 18)}
    assert next_step(notice_from_values(values), RULES).step.name == NOTIFIED  # type: ignore[union-attr]


def test_a_notice_breaking_its_rules_names_the_field():
    bad = NameChangeNotice(
        " ", date(2026, 11, 24), None, {NOTIFIED: date(2026, 11, 1)}, Decision.PROHIBITED, ""
    )
    problems = {(p.field, p.label): p.message for p in name_change_problems(bad, date(2026, 11, 23), RULES)}
    assert problems[("intended_name", "Intended name")].startswith("give the name")
    assert problems[("received_on", "Notice received on")] == "cannot be in the future"
    assert problems[("decision_reason", "Reason for the decision")] == "give the reason for prohibiting"
    assert problems[("steps", DECISION)] == "give the date of the decision"
    early = NameChangeNotice("D A", date(2026, 11, 16), None, {DECISION: date(2026, 11, 15)})
    found = {(p.field, p.label): p.message for p in name_change_problems(early, date(2026, 11, 23), RULES)}
    assert found == {
        ("steps", DECISION): "cannot be before the notice was received",
        ("decision", "Decision"): f"say what was decided ({DECISION} is done)",
    }
    assert name_change_problems(NOTICE, date(2026, 11, 23), RULES) == []


# -- the notifications queue


def _case(*notices: NameChangeNotice) -> Case:
    reg = Registration(date(2024, 1, 1), Disposal.OTHER, registered_on=date(2024, 1, 2),
                       last_notification=date(2026, 6, 1))  # fmt: skip
    nominal = Nominal(
        "n1", "SYN1", "SYN/1", "Quenford", "Liam", date(1970, 1, 1), Sex.MALE, reg,
        Address("4 Pipit Court", "Ravensholt", "ZZ5 4GH", "Ravensholt"),
    )  # fmt: skip
    return Case(nominal, name_changes=notices)


def _queued(policy, *notices):
    items = notification_queue([evaluate(_case(*notices), TODAY, policy)], TODAY, policy)
    return [i for i in items if i.kind == "Name-change notice"]


def test_an_open_notice_joins_the_notifications_queue_with_its_next_steps_deadline():
    rules = RULES
    policy = replace(default_policy(), name_changes=rules)
    # Received 2 Nov: the decision was due 16 Nov, a week before TODAY (23 Nov).
    (item,) = _queued(policy, NameChangeNotice("Daniel Ashworth", date(2026, 11, 2), date(2026, 12, 20)))
    assert (item.due, item.days_left, item.overdue) == (date(2026, 11, 16), -7, True)
    assert "to Daniel Ashworth: Police decision due 16 Nov 2026 (14 days from the notice)" in item.reason
    # Decided and waiting for the change (20 Dec, due 23 Dec: not yet within the due-soon window).
    allowed = NameChangeNotice(
        "Daniel Ashworth", date(2026, 11, 2), date(2026, 12, 20), {DECISION: date(2026, 11, 10)},
        Decision.ALLOWED,
    )  # fmt: skip
    assert (
        _queued(replace(policy, notifications=replace(policy.notifications, due_soon_days=14)), allowed) == []
    )
    (soon,) = _queued(replace(policy, notifications=replace(policy.notifications, due_soon_days=30)), allowed)
    assert soon.due == date(2026, 12, 23) and "3 days of the change" in soon.reason
    # Complete (prohibited at the decision), or waiting for a change date not given: not queued.
    prohibited = replace(allowed, decision=Decision.PROHIBITED, decision_reason="victim's family")
    assert _queued(policy, prohibited, replace(allowed, change_on=None)) == []


def test_every_steps_deadline_is_known_once_what_it_counts_from_is():
    decided = NameChangeNotice("Daniel Ashworth", date(2026, 11, 16), None, {DECISION: date(2026, 11, 18)})
    assert [d for _, d in deadlines(decided, RULES)] == [date(2026, 11, 30), None, None]
    changed = replace(
        decided, change_on=date(2026, 12, 20), steps={**decided.steps, NOTIFIED: date(2026, 12, 22)}
    )
    assert [d for _, d in deadlines(changed, RULES)] == [
        date(2026, 11, 30),
        date(2026, 12, 23),
        date(2027, 1, 5),
    ]


def test_the_chronology_has_the_notice_and_each_step_with_the_decision():
    notice = NameChangeNotice(
        "Daniel Ashworth", date(2026, 11, 16), date(2026, 12, 20), {DECISION: date(2026, 11, 20)},
        Decision.PROHIBITED, "would hide him from the victim's family",
    )  # fmt: skip
    events = [e for e in chronology(_case().nominal, name_changes=[notice], decision_step=DECISION)
              if e.source == "Name-change notices"]  # fmt: skip
    assert [(e.on, e.words, e.free_text) for e in events] == [
        (date(2026, 11, 16), "Name-change notice: to Daniel Ashworth on 20 Dec 2026", False),
        (
            date(2026, 11, 20),
            "Name-change notice (Daniel Ashworth): Police decision: prohibited (would hide him from the "
            "victim's family)",
            True,
        ),
    ]


# The reviewer's notice: received 28 Oct, changed 2 Nov; the new name notified 10 Nov (due by 5 Nov:
# 3 days from the change, s.84(1)(a): late, an s.91 matter); documents checked 1 Nov, before both.
REVIEWED = NameChangeNotice(
    "Kieran Newname",
    date(2026, 10, 28),
    date(2026, 11, 2),
    {DECISION: date(2026, 10, 30), NOTIFIED: date(2026, 11, 10), CHECKED: date(2026, 11, 1)},
    Decision.ALLOWED,
)


def test_a_step_before_what_it_is_counted_from_is_refused_at_the_step():
    problems = name_change_problems(REVIEWED, TODAY, RULES)
    assert [(p.field, p.label, p.message) for p in problems] == [
        ("steps", CHECKED, "cannot be before New name notified on 10 Nov 2026")
    ]
    early = replace(
        REVIEWED, steps={**REVIEWED.steps, NOTIFIED: date(2026, 11, 1), CHECKED: date(2026, 11, 3)}
    )
    ((p),) = name_change_problems(early, TODAY, RULES)
    assert (p.label, p.message, p.involves) == (
        NOTIFIED, "cannot be before the change of name on 2 Nov 2026", ("change_on",)
    )  # fmt: skip
    # Without the policy's steps (the central store) the order is not judged.
    assert name_change_problems(REVIEWED, TODAY) == []


def test_a_step_done_after_its_deadline_is_kept_and_marked_late():
    notice = replace(REVIEWED, steps={**REVIEWED.steps, CHECKED: date(2026, 11, 12)})
    assert name_change_problems(notice, TODAY, RULES) == []  # kept: a late step is a fact
    from somdesk.domain.name_changes import late_steps, late_words

    assert late_steps(notice, RULES) == [(NOTIFIED, date(2026, 11, 5))]
    assert late_words(notice, RULES) == "New name notified late: due by 5 Nov 2026"
    assert in_words(notice, RULES, TODAY) == "Complete: allowed; New name notified late: due by 5 Nov 2026"
    on_time = replace(notice, steps={**notice.steps, NOTIFIED: date(2026, 11, 5)})
    assert late_steps(on_time, RULES) == [] and in_words(on_time, RULES, TODAY) == "Complete: allowed"
    events = chronology(
        _case().nominal, name_changes=[notice], decision_step=DECISION, name_change_rules=RULES
    )
    (step,) = [e for e in events if NOTIFIED in e.words]
    assert step.words == "Name-change notice (Kieran Newname): New name notified (late: due by 5 Nov 2026)"
