"""The meeting audit the MAPPA guidance asks the chair to keep (issue 20): its rules, each naming its
field, and the oversight figures of the meetings held in a period."""

from __future__ import annotations

from datetime import date

from somdesk.domain.meeting_audit import MeetingAudit, audit_problems, figures_words, meeting_figures
from somdesk.domain.meetings import Meeting

HELD = date(2026, 11, 10)
MEETING = Meeting(
    "North",
    2,
    HELD,
    invited=("Police", "Probation", "Children's services"),
    attending=("Police", "Probation"),
)
TODAY = date(2026, 11, 30)


def audit(on=HELD, **kw) -> MeetingAudit:
    values = {"quorate": True, "confidentiality_read": True, "victim_issues": True, "diversity": True,
              "summary": "All three cases heard; two stay at level 2."}  # fmt: skip
    return MeetingAudit(on, **{**values, **kw})


def fields(problems):
    return [p.field for p in problems]


def test_a_full_audit_of_a_meeting_held_keeps_every_rule():
    assert audit_problems(audit(absent_without_apology=("Children's services",)), MEETING, TODAY) == []


def test_an_audit_needs_the_chairs_summary():
    problems = audit_problems(audit(summary="  "), MEETING, TODAY)
    assert fields(problems) == ["audit_summary"]
    assert "summary" in problems[0].message


def test_no_audit_of_a_meeting_not_yet_held_nor_dated_before_it_or_in_the_future():
    planned = Meeting("North", 2, date(2026, 12, 10))
    assert fields(audit_problems(audit(on=TODAY), planned, TODAY)) == ["audit_on"]
    assert fields(audit_problems(audit(on=date(2026, 11, 9)), MEETING, TODAY)) == ["audit_on"]
    assert fields(audit_problems(audit(on=date(2026, 12, 1)), MEETING, TODAY)) == ["audit_on"]


def test_only_an_agency_invited_and_not_attending_is_absent_without_apology():
    not_invited = audit_problems(audit(absent_without_apology=("Housing",)), MEETING, TODAY)
    assert fields(not_invited) == ["audit_absent"] and "Housing was not invited" in not_invited[0].message
    attended = audit_problems(audit(absent_without_apology=("probation",)), MEETING, TODAY)
    assert fields(attended) == ["audit_absent"] and "attended" in attended[0].message


def test_every_standard_met_only_with_all_answers_yes_and_nobody_absent_without_apology():
    assert audit().all_met
    assert not audit(confidentiality_read=False).all_met
    assert not audit(quorate=False).all_met
    assert not audit(absent_without_apology=("Children's services",)).all_met


def test_the_figures_count_the_meetings_held_in_the_period_and_their_audits():
    def meeting(day):
        return Meeting("North", 2, day)

    held = [
        (meeting(date(2026, 10, 1)), audit(on=date(2026, 10, 1))),
        (meeting(date(2026, 10, 15)), audit(on=date(2026, 10, 16), confidentiality_read=False)),
        (meeting(date(2026, 11, 5)), audit(absent_without_apology=("Housing",), victim_issues=False)),
        (meeting(date(2026, 11, 12)), None),  # held, not audited
        (meeting(date(2026, 9, 30)), audit(on=date(2026, 9, 30))),  # before the period
        (meeting(date(2026, 12, 10)), None),  # planned, after the period
    ]
    figures = meeting_figures(held, date(2026, 10, 1), date(2026, 11, 30))
    assert (figures.held, figures.audited, figures.all_met) == (4, 3, 1)
    assert figures.confidentiality_read == 2
    assert figures.victim_issues == 2
    assert figures.absent_without_apology == 1
    assert figures.not_audited == (date(2026, 11, 12),)


def test_the_figures_in_words_name_the_meetings_not_audited():
    held = [(Meeting("North", 2, date(2026, 3, 4)), audit(on=date(2026, 3, 4))), (MEETING, None)]
    words = figures_words(meeting_figures(held, date(2026, 1, 1), TODAY))
    assert words.startswith(
        "1 of 2 meetings held since 1 Jan 2026 audited: the confidentiality statement read at 1"
    )
    assert words.endswith("Not audited: 10 Nov 2026.")
    assert (
        figures_words(meeting_figures([], date(2026, 1, 1), TODAY))
        == "No MAPPA meeting held since 1 Jan 2026."
    )


def test_many_meetings_not_audited_are_counted_with_the_oldest_named():
    held = [(Meeting("North", 2, date(2026, m, 3)), None) for m in range(3, 8)]
    words = figures_words(meeting_figures(held, date(2026, 1, 1), TODAY))
    assert (
        words
        == "0 of 5 meetings held since 1 Jan 2026 audited. 5 meetings not audited, the oldest of 3 Mar 2026."
    )
