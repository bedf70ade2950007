"""House templates, a programme's own copy, and versions that never change once used."""

import pytest
from django.urls import reverse
from django.utils import translation

from citypeers.core.errors import FeedbackError
from citypeers.feedback.enums import KirkpatrickLevel, Moment, QuestionKind
from citypeers.feedback.models import SurveyTemplate
from citypeers.feedback.selectors.templates import templates_of_programme
from citypeers.feedback.services.templates import (
    QuestionDraft,
    house_templates_load,
    template_customise,
    template_version_save,
)
from citypeers.programmes.models import Role
from tests.factories import MembershipFactory, VisitFactory
from tests.feedback.factories import survey_of

pytestmark = pytest.mark.django_db


def _house(moment=Moment.END_OF_VISIT):
    house_templates_load()
    return SurveyTemplate.objects.get(programme=None, moment=moment)


def test_the_four_house_templates_load_once_in_english_and_french():
    assert house_templates_load() == 4
    assert house_templates_load() == 0
    end = _house()
    questions = list(end.versions.get().questions.all())
    assert [q.key for q in questions][:3] == ["satisfaction", "recommend", "sessions"]
    kinds = {q.kind for q in questions}
    assert {QuestionKind.SESSION_RATINGS, QuestionKind.BEFORE_AFTER, QuestionKind.CHOICE} <= kinds
    quote = next(q for q in questions if q.key == "quote")
    assert "city's name only" in quote.help_text
    with translation.override("fr"):
        assert end.title == "Fin de la visite"
        assert quote.text.startswith("Une phrase")
    follow_up = _house(Moment.FOLLOW_UP).versions.get().questions.get(key="organisation-change")
    assert follow_up.level == KirkpatrickLevel.RESULTS
    assert follow_up.choices[-1] == "A policy or budget change"
    pulse = _house(Moment.DAILY_PULSE).versions.get()
    assert pulse.questions.count() == 3


def test_the_load_command_says_how_many_it_added(capsys):
    from django.core.management import call_command

    call_command("load_surveys")
    assert "4 house templates added" in capsys.readouterr().out


def test_customising_copies_the_house_template_as_version_1(programme):
    house = _house()
    copy = template_customise(programme=programme, template=house, by=None)
    version = copy.versions.get()
    assert version.number == 1
    assert [q.key for q in version.questions.all()] == [
        q.key for q in house.versions.get().questions.all()
    ]
    with translation.override("fr"):
        assert copy.title == "Fin de la visite"
    rows = {row.moment: row for row in templates_of_programme(programme=programme)}
    assert rows[Moment.END_OF_VISIT].own and rows[Moment.END_OF_VISIT].template == copy
    assert not rows[Moment.HOST].own
    with pytest.raises(FeedbackError):
        template_customise(programme=programme, template=house, by=None)


def test_editing_makes_a_new_version_and_leaves_a_used_one_untouched(programme):
    copy = template_customise(programme=programme, template=_house(), by=None)
    first = copy.versions.get()
    survey = survey_of(VisitFactory(programme=programme))
    survey.version = first
    survey.save()
    kept = list(first.questions.values_list("pk", "key", "text__en", "text__fr"))
    satisfaction = first.questions.get(key="satisfaction")
    drafts = [
        QuestionDraft(
            text="How happy are you?",
            kind=QuestionKind.RATING,
            level=1,
            required=True,
            source=satisfaction.pk,
        ),
        QuestionDraft(
            text="Which city next?", kind=QuestionKind.CHOICE, level=1, choices=["Oulu", "Lyon"]
        ),
    ]
    second = template_version_save(
        template=copy, introduction="Hi", questions=drafts, change_note="Shorter", by=None
    )
    assert second.number == 2 and second.change_note == "Shorter"
    assert list(first.questions.values_list("pk", "key", "text__en", "text__fr")) == kept
    happy, city = second.questions.all()
    assert happy.key == "satisfaction" and happy.text == "How happy are you?"
    with translation.override("fr"):
        assert happy.text.startswith("Dans l'ensemble")  # the other language is kept
    assert city.key == "which-city-next" and city.choices == ["Oulu", "Lyon"]


def test_the_house_template_is_not_edited_directly():
    with pytest.raises(FeedbackError):
        template_version_save(
            template=_house(),
            introduction="",
            questions=[QuestionDraft(text="Q", kind="text", level=1)],
            change_note="x",
            by=None,
        )


def _coordinator(client, programme):
    client.force_login(MembershipFactory(programme=programme, role=Role.COORDINATOR).user)


def test_the_page_lists_the_four_moments_and_customise_leads_to_the_editor(client, programme):
    house = _house()
    _coordinator(client, programme)
    page = client.get(reverse("feedback:templates", args=[programme.slug]))
    text = page.content.decode()
    assert "End of each day" in text and "Six-month follow-up" in text
    assert text.count("The house template") == 4
    response = client.post(reverse("feedback:template_customise", args=[programme.slug, house.pk]))
    copy = SurveyTemplate.objects.get(programme=programme)
    assert response.url == reverse("feedback:template_edit", args=[programme.slug, copy.pk])


def _edit_data(client, url):
    """The editor's form as a browser would post it back, unchanged."""
    page = client.get(url)
    form = page.context["questions"]
    data = {f"form-{k}": v for k, v in form.management_form.initial.items()}
    for i, row in enumerate(form.initial):
        for name, value in row.items():
            if name == "required":
                if value:
                    data[f"form-{i}-required"] = "on"
            else:
                data[f"form-{i}-{name}"] = value
    data["introduction"] = page.context["form"].initial["introduction"]
    return data


def test_moving_removing_and_adding_questions_without_javascript(client, programme):
    copy = template_customise(programme=programme, template=_house(), by=None)
    _coordinator(client, programme)
    url = reverse("feedback:template_edit", args=[programme.slug, copy.pk])
    data = _edit_data(client, url)
    moved = client.post(url, data | {"action": "down:0", "change_note": "typed"})
    rows = moved.context["questions"].initial
    assert [row["text"] for row in rows[:2]] == [
        "Would you recommend such a visit to a colleague?",
        "Overall, how satisfied are you with the visit?",
    ]
    assert moved.context["form"].initial["change_note"] == "typed"
    assert not moved.context["questions"].is_bound  # no errors shown for an unsaved move
    data = _edit_data(client, url)
    removed = client.post(url, data | {"action": "remove:0"})
    assert len(removed.context["questions"].initial) == len(rows) - 1
    added = client.post(url, data | {"action": "add"})
    assert len(added.context["questions"].initial) == len(rows) + 1
    assert copy.versions.count() == 1  # nothing saved yet


def test_saving_the_editor_makes_version_2_and_lists_it(client, programme):
    copy = template_customise(programme=programme, template=_house(), by=None)
    _coordinator(client, programme)
    url = reverse("feedback:template_edit", args=[programme.slug, copy.pk])
    data = _edit_data(client, url)
    data["form-0-text"] = "How satisfied are you, overall?"
    response = client.post(url, data | {"action": "save", "change_note": "Plainer first question"})
    assert response.status_code == 302
    page = client.get(response.url)
    assert "Plainer first question" in page.content.decode()
    newest = copy.versions.order_by("-number").first()
    assert newest.number == 2
    assert newest.questions.get(key="satisfaction").text == "How satisfied are you, overall?"


def test_a_choice_question_without_choices_is_refused_at_the_field_with_input_kept(
    client, programme
):
    copy = template_customise(programme=programme, template=_house(), by=None)
    _coordinator(client, programme)
    url = reverse("feedback:template_edit", args=[programme.slug, copy.pk])
    data = _edit_data(client, url)
    data["form-1-choices"] = "Only one"
    response = client.post(url, data | {"action": "save", "change_note": "Fewer choices"})
    assert response.status_code == 200
    assert "Give at least two choices" in response.content.decode()
    assert 'value="Fewer choices"' in response.content.decode()
    assert copy.versions.count() == 1
