"""An application in words: answers of every kind, and history without what a blind review hides."""

import pytest

from citypeers.calls.models import Question
from citypeers.calls.selectors.applications import application_history
from citypeers.calls.texts.application import answer_rows, history_rows
from citypeers.core.audit import log_action
from tests.factories import CallFactory, OrganisationFactory, UserFactory, sent_application

pytestmark = pytest.mark.django_db


def test_choices_yes_no_and_languages_read_as_words():
    call = CallFactory()
    several = Question.objects.create(call=call, kind="multiple_choice", label="Formats")
    yes_no = Question.objects.create(call=call, kind="yes_no", label="Can you travel?")
    application = sent_application(call, UserFactory(), languages=["fr", "en"])
    application.answers = {str(several.pk): ["World café", "Fishbowl"], str(yes_no.pk): False}
    rows = {row.label: row.text for row in answer_rows(application, [several, yes_no])}
    assert rows["Formats"] == "World café, Fishbowl"
    assert rows["Can you travel?"] == "No"
    assert "French" in rows["Languages they can take part in"]


def test_a_blind_history_names_no_organisation_nor_who_acted():
    application = sent_application(CallFactory(), UserFactory())
    coordinator = UserFactory(display_name="Cora Coordinator")
    log_action(
        application,
        "application.affiliation_changed",
        changes={"organisation": f"{OrganisationFactory(name='Old Org')} → New Org"},
    )
    log_action(
        application,
        "application.eligibility",
        by=coordinator,
        changes={"decision": "eligible", "reason": "Partner city."},
    )
    entries = application_history(application)
    blind = " ".join(
        e.text + e.who for e in history_rows(entries, application, blind=True, names=False)
    )
    assert "Old Org" not in blind and "New Org" not in blind and "Cora" not in blind
    assert "Eligibility decided by hand: eligible. Why: Partner city." in blind
    named = history_rows(entries, application, blind=False, names=True)
    assert "Old Org → New Org" in named[1].text and named[2].who == "Cora Coordinator"


def test_a_selection_decided_by_hand_reads_with_its_reason():
    application = sent_application(CallFactory(), UserFactory())
    log_action(application, "selection.exclude", changes={"visit": "", "reason": "Twice sent."})
    events = history_rows(application_history(application), application, blind=False, names=True)
    assert events[-1].text == "Left out of the selection by hand. Why: Twice sent."
