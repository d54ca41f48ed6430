"""The preferred language in the real window (DOMAIN.md §9): chosen on the record's Identity tab, saved
as a change of the offender record (audited), then shown where an officer looks before a visit or a
letter: the summary and the line under the name."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from somdesk.domain.model import Language


def identity_tab(controller):
    record = controller.window.record
    return next(
        record.tabs.widget(i) for i in range(record.tabs.count()) if record.tabs.tabText(i) == "Identity"
    )


def summary_text(controller) -> str:
    return "\n".join(w.text() for w in controller.window.record.findChildren(QLabel))


def test_welsh_chosen_on_the_identity_tab_is_saved_audited_and_shown(som):
    nid = next(s.case.nominal.id for s in som.workspace.statuses if s.case.nominal.preferred_language is None)
    som.open_record(nid)
    record = som.window.record
    assert "Preferred language</td><td>Not recorded" in summary_text(som)
    assert "language:" not in record.identifiers.text()

    form = record.language
    assert form.parent() is not None and form.isVisibleTo(identity_tab(som))
    items = [form.choice.itemText(i) for i in range(form.choice.count())]
    assert items == ["Not recorded", "English", "Welsh (Cymraeg)"]
    assert form.choice.accessibleName() == "Preferred language"
    assert not form.save_button.isEnabled()  # nothing changed yet
    form.choice.setCurrentIndex(form.choice.findData(Language.WELSH))
    assert form.save_button.isEnabled()
    form.save_button.click()

    assert som.window.statusBar().currentMessage().startswith("Preferred language saved")
    with som.session.opened.reader() as reader:
        assert reader.nominal(nid).preferred_language is Language.WELSH
        (detail,) = reader.conn.exec_driver_sql(
            "SELECT detail FROM audit_log WHERE table_name = 'nominals' AND record_id = ? "
            "ORDER BY seq DESC LIMIT 1",
            (nid,),
        ).fetchone()
    assert detail == "changed: Preferred language; preferred language"

    # The record, read again, shows it under the name and on the summary, and the form starts from it.
    record = som.window.record
    assert "language: Welsh (Cymraeg)" in record.identifiers.text()
    assert "Preferred language</td><td>Welsh (Cymraeg)" in summary_text(som)
    assert record.language.chosen() is Language.WELSH and not record.language.save_button.isEnabled()


def test_a_role_that_may_not_change_the_record_sees_the_language_but_cannot_change_it(qtbot):
    from datetime import date

    from somdesk.domain.model import Address, Disposal, Nominal, Registration, Sex
    from somdesk.ui.record.language import LanguageForm

    n = Nominal(
        "n1", "SYN1", "SYN/1", "ZELLQUIST", "Aldo", date(1979, 3, 14), Sex.MALE,
        Registration(date(2019, 5, 2), Disposal.CAUTION),
        Address("1 Quarry Lane", "Northmere", "ZZ1 4AB", "Northmere"),
        preferred_language=Language.ENGLISH,
    )  # fmt: skip
    form = LanguageForm(n, may_save=False)
    qtbot.addWidget(form)
    assert form.choice.currentText() == "English" and not form.choice.isEnabled()
    assert form.save_button.isHidden()
