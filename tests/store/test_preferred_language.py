"""A person's preferred language for correspondence (DOMAIN.md §9): English, Welsh or not recorded. Saved
on the nominal it round-trips through the encrypted store, is audited and queued for the central store
like any field; a value that is not one of the two is refused in words before anything is written."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest

from somdesk.app.session import Identity, Role, Session
from somdesk.domain.model import Language
from somdesk.domain.records import NOMINALS
from somdesk.store.uow import InvalidValue
from tests.conftest import NOW, TODAY


def _session(opened, policy):
    return Session(opened, Identity("dc.test", Role.SOM), policy, lambda: TODAY, "test", lambda: NOW)


def _held(opened):
    with opened.reader() as reader:
        return (reader.counts(), reader.pending_changes(), len(list(reader.audit_rows())))


def test_a_new_record_has_no_language_until_one_is_recorded(opened):
    with opened.reader() as reader:
        languages = {c.nominal.preferred_language for c in reader.cases()}
    assert None in languages  # never guessed: most of the test force has not said


def test_welsh_is_stored_audited_and_queued_and_can_be_taken_back(opened, policy):
    session = _session(opened, policy)
    with opened.reader() as reader:
        nid = next(c.nominal.id for c in reader.cases() if c.nominal.preferred_language is None)
    before = session.record(nid, None).status.case.nominal
    after = replace(before, preferred_language=Language.WELSH)
    assert session.save_nominal(before, after, "preferred language") == ["preferred_language"]
    with opened.reader() as reader:
        held = reader.nominal(nid)
        payloads = [
            json.loads(p)
            for (p,) in reader.conn.exec_driver_sql(
                "SELECT payload FROM sync_outbox WHERE table_name = 'nominals' AND record_id = ?", (nid,)
            )
        ]
        audited = reader.conn.exec_driver_sql(
            "SELECT action, detail FROM audit_log WHERE table_name = 'nominals' AND record_id = ? "
            "ORDER BY seq",
            (nid,),
        ).fetchall()
        (stored,) = reader.conn.exec_driver_sql(
            "SELECT preferred_language FROM nominals WHERE id = ?", (nid,)
        ).fetchone()
    assert held.preferred_language is Language.WELSH and stored == "welsh"
    assert any(p.get("preferred_language") == "welsh" for p in payloads)
    assert tuple(audited[-1]) == ("alteration", "changed: Preferred language; preferred language")
    # The caseload's cases read it too (the raw path the queues use).
    with opened.reader() as reader:
        (case,) = reader.cases(ids=[nid])
    assert case.nominal.preferred_language is Language.WELSH

    # Recorded in error: back to not recorded, audited again.
    assert session.save_nominal(held, replace(held, preferred_language=None), "preferred language") == [
        "preferred_language"
    ]
    with opened.reader() as reader:
        assert reader.nominal(nid).preferred_language is None


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        ("klingon", "preferred_language must be one of english, welsh"),
        ("Welsh", "preferred_language must be one of english, welsh"),  # the stored value, not the label
        ("", "preferred_language must be one of english, welsh"),  # not recorded is empty, not ""
        ("welsh\x00", "preferred_language must not contain NUL characters"),
        ("\ud800", "preferred_language must be valid Unicode text (no lone surrogates)"),
        ("w" * 100_000, "preferred_language must be at most 10 characters"),
        (1, "preferred_language must be text"),
    ],
    ids=["unknown", "label", "empty", "nul", "surrogate", "huge", "number"],
)
def test_a_language_that_is_not_english_or_welsh_is_refused_before_anything_is_written(
    opened, policy, bad, words
):
    session = _session(opened, policy)
    with opened.reader() as reader:
        nid = reader.cases()[0].nominal.id
    before = _held(opened)
    with pytest.raises(InvalidValue, match=re.escape(words)):
        session.update_nominal(nid, {"preferred_language": bad})
    # And by the unit of work itself (the import, the command line, a pulled change go through it).
    with (
        pytest.raises(InvalidValue, match=re.escape(words)),
        opened.unit_of_work(justification_required=False) as uow,
    ):
        uow.update_nominal(nid, {"preferred_language": bad})
    assert _held(opened) == before
    assert NOMINALS.problem("preferred_language", bad).startswith("preferred_language ")


def test_the_two_languages_and_not_recorded_are_the_values_it_takes():
    assert [NOMINALS.problem("preferred_language", v) for v in ("english", "welsh", None)] == [""] * 3
