"""The decision e-mails: the standard texts per outcome and language, the call's own texts,
placeholders filled from the published facts, previews from a run.

The rendered mails are snapshots: a change of wording shows as a failing diff; after checking
it, refresh them with UPDATE_SNAPSHOTS=1."""

import datetime
import os
from pathlib import Path

import pytest
from django.core import mail
from django.utils import translation

from citypeers.calls.enums import Outcome
from citypeers.calls.models import SelectionRun
from citypeers.calls.tasks import notify_outcome
from citypeers.calls.texts.decision_mail import (
    Facts,
    facts_of,
    fill,
    outcome_message,
    run_samples,
    standard_text,
    unknown_placeholders,
)
from citypeers.programmes.models import Programme
from tests.factories import UserFactory, sent_application

SNAPSHOTS = Path(__file__).parent.parent / "snapshots"
RESPOND_BY = datetime.date(2027, 3, 1)


def assert_matches_snapshot(text: str, name: str) -> None:
    snapshot = SNAPSHOTS / name
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        SNAPSHOTS.mkdir(exist_ok=True)
        snapshot.write_text(text)
    assert snapshot.is_file(), f"no snapshot {name}: run with UPDATE_SNAPSHOTS=1 and review it"
    assert text == snapshot.read_text()


def with_outcome(call, outcome, *, language="en", **person):
    """Zoë's application to `call`, published with `outcome` on its visit."""
    vantaa = call.visits.get()
    person = {"display_name": "Zoë O'Brien", "email": "zoe@example.org"} | person
    application = sent_application(
        call, UserFactory(languages=[language], **person), preferences=[vantaa]
    )
    application.outcome = outcome
    if outcome != Outcome.NOT_SELECTED:
        application.outcome_visit = vantaa
    if outcome == Outcome.SELECTED:
        application.respond_by = RESPOND_BY
        application.outcome_why = {"code": "selected", "preference": 1, "visit": str(vantaa.pk)}
    if outcome == Outcome.WAITLISTED:
        application.waiting_position = 2
    if outcome != Outcome.SELECTED:
        full = {"preference": 1, "visit": str(vantaa.pk), "code": "full", "capacity": 1}
        application.outcome_why = {"code": "not_selected", "preferences": [full]}
    application.save()
    return application


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("outcome", [Outcome.SELECTED, Outcome.WAITLISTED, Outcome.NOT_SELECTED])
def test_the_decision_email_of_each_outcome_in_each_language(call, outcome, language):
    call.title = 'Heritage & "Cities" 2027'
    call.save()
    # Named, not numbered: the questionnaire's address in the mail is the same in any run.
    Programme.objects.filter(pk=call.programme_id).update(slug="heritage-2027")
    application = with_outcome(call, outcome, language=language)
    notify_outcome.call(application_id=application.pk, outcome=outcome)
    [message] = mail.outbox
    text = f"To: {', '.join(message.to)}\nSubject: {message.subject}\n\n{message.body}"
    assert_matches_snapshot(text, f"outcome.{outcome}.{language}.txt")
    assert "&amp;" not in text and "&#x27;" not in text and "&quot;" not in text


def test_there_is_no_decision_email_for_an_answer():
    for outcome in (Outcome.SELECTED, Outcome.WAITLISTED, Outcome.NOT_SELECTED):
        assert "{name}" in standard_text(outcome)
    with pytest.raises(ValueError, match="no decision e-mail"):
        standard_text(Outcome.CONFIRMED)


def test_the_standard_text_is_in_the_readers_language():
    with translation.override("fr"):
        french = standard_text(Outcome.SELECTED)
    assert french.startswith("Bonjour {name},") and "{respond_by}" in french


@pytest.mark.parametrize(
    ("text", "unknown"),
    [
        ("Dear {name}, see you in {visit} ({preference}, {position}, {respond_by})", []),
        ("{call}: {reason}", []),
        ("Dear {nom}", ["{nom}"]),
        ("Hi { name }", ["{ name }"]),
        ("Hi {{name}}", ["{}"]),
        ("Hi {name", ["{"]),
        ("Hi name}", ["}"]),
        ("{visti} and {visti} and {x}", ["{visti}", "{x}"]),
    ],
)
def test_every_brace_that_is_not_a_placeholder_is_named(text, unknown):
    assert unknown_placeholders(text) == unknown


def test_only_the_listed_placeholders_are_filled():
    facts = Facts(name="Aino", call="Call 2027", visit="Vantaa", position="3")
    text = "{name}, {visit}, {position}, {__class__}, {call.__init__}, {nothing}"
    assert fill(text, facts) == "Aino, Vantaa, 3, {__class__}, {call.__init__}, {nothing}"


@pytest.mark.django_db
def test_the_facts_of_a_published_outcome(call):
    application = with_outcome(call, Outcome.SELECTED)
    facts = facts_of(application)
    assert facts == Facts(
        name="Zoë O'Brien",
        call=call.title,
        visit="Vantaa",
        preference="1",
        position="",
        respond_by="1 March 2027",
        reason="selected for preference 1 (Vantaa)",
    )
    waiting = with_outcome(call, Outcome.WAITLISTED, display_name="", email="w@example.org")
    facts = facts_of(waiting)
    assert (facts.name, facts.position, facts.respond_by) == ("w@example.org", "2", "")


@pytest.mark.django_db
def test_the_calls_own_text_replaces_the_standard_one_for_its_outcome_only(call):
    call.outcome_messages = {"waitlisted": "{name}: number {position} for {visit}."}
    call.save()
    waiting = with_outcome(call, Outcome.WAITLISTED)
    assert outcome_message(waiting) == "Zoë O'Brien: number 2 for Vantaa."
    other = with_outcome(call, Outcome.NOT_SELECTED, email="other@example.org")
    assert outcome_message(other).startswith("Dear Zoë O'Brien,\n\nThank you for applying")


@pytest.mark.django_db
def test_previews_without_a_run_use_an_example_person(call):
    samples = run_samples(call, None, RESPOND_BY)
    assert set(samples) == {Outcome.SELECTED, Outcome.WAITLISTED, Outcome.NOT_SELECTED}
    selected = samples[Outcome.SELECTED]
    assert (selected.name, selected.visit, selected.preference, selected.position) == (
        "Alex Example",
        "Vantaa",
        "1",
        "1",
    )
    assert selected.respond_by == "1 March 2027"
    # An example reason worded as the selection words one, not a description of a reason.
    assert selected.reason == "selected for preference 1 (Vantaa)"
    assert samples[Outcome.WAITLISTED].reason == (
        "no place yet: preference 1 (Vantaa): all 2 places went to applicants with higher or "
        "equal scores"
    )
    assert samples[Outcome.NOT_SELECTED].reason.startswith("not selected: preference 1 (Vantaa)")


@pytest.mark.django_db
def test_previews_from_a_run_show_its_first_person_of_each_outcome(call):
    vantaa = str(call.visits.get().pk)
    aino = sent_application(call, UserFactory(display_name="Aino"))
    bram = sent_application(call, UserFactory(display_name="Bram"))
    full = {"preference": 1, "visit": vantaa, "code": "full", "capacity": 1}
    run = SelectionRun.objects.create(
        call=call,
        number=1,
        status="done",
        instance={"applicants": [{"id": str(a.pk), "preferences": [vantaa]} for a in (aino, bram)]},
        result={
            "decisions": {
                str(aino.pk): {
                    "visit": vantaa,
                    "preference": 1,
                    "why": {"code": "selected", "preference": 1, "visit": vantaa},
                },
                str(bram.pk): {"why": {"code": "not_selected", "preferences": [full]}},
            },
            "waiting_lists": {vantaa: [str(bram.pk)]},
        },
    )
    samples = run_samples(call, run, RESPOND_BY)
    assert samples[Outcome.SELECTED].name == "Aino"
    assert samples[Outcome.SELECTED].reason == "selected for preference 1 (Vantaa)"
    waiting = samples[Outcome.WAITLISTED]
    assert (waiting.name, waiting.visit, waiting.position) == ("Bram", "Vantaa", "1")
    assert waiting.reason.startswith("no place yet: preference 1 (Vantaa)")
    assert samples[Outcome.NOT_SELECTED].name == "Alex Example"  # nobody in the run
