"""The application form: word limits, files, ranked visits, and eligibility by hand."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from citypeers.calls.forms.applications import ApplicationForm, EligibilityForm
from citypeers.calls.models import Question
from tests.calls.helpers import complete
from tests.samples import PDF, SVG_WITH_SCRIPT, WINDOWS_EXECUTABLE, office, upload

pytestmark = pytest.mark.django_db


def form(call, data, files=None, submitting=True):
    return ApplicationForm(data, files, call=call, submitting=submitting)


def test_a_standard_answer_over_300_words_is_refused_at_its_field(two_visit_call):
    bound = form(two_visit_call, complete(two_visit_call, challenge="word " * 301))
    assert bound.errors["challenge"] == ["301 words; at most 300, please."]
    assert form(two_visit_call, complete(two_visit_call, challenge="word " * 300)).is_valid()


def test_a_long_answer_over_its_questions_limit_is_refused_at_its_field(two_visit_call):
    question = Question.objects.create(
        call=two_visit_call, kind="long_text", label="Why?", word_limit=5
    )
    bound = form(two_visit_call, complete(two_visit_call, **{f"q_{question.pk}": "a b c d e f"}))
    assert bound.errors[f"q_{question.pk}"] == ["6 words; at most 5, please."]


def test_a_single_endless_word_is_refused_by_the_character_limit_at_its_field(two_visit_call):
    bound = form(two_visit_call, complete(two_visit_call, challenge="x" * 20_000))
    assert bound.errors["challenge"] == ["20,000 characters; at most 2,500, please."]
    assert bound.fields["motivation"].help_text == "At most 300 words (2,500 characters)."
    assert bound.fields["challenge"].help_text == (
        "A real question you would like peers to help you with. "
        "At most 300 words (2,500 characters)."
    )
    assert form(two_visit_call, complete(two_visit_call, challenge="x" * 2_500)).is_valid()


def test_a_questions_word_limit_comes_with_a_character_limit_in_its_hint(two_visit_call):
    question = Question.objects.create(
        call=two_visit_call, kind="long_text", label="Why?", help_text="Be brief.", word_limit=5
    )
    name = f"q_{question.pk}"
    bound = form(two_visit_call, complete(two_visit_call, **{name: "x" * 51}))
    assert bound.errors[name] == ["51 characters; at most 50, please."]
    assert bound.fields[name].help_text == "Be brief. At most 5 words (50 characters)."


def test_a_files_type_is_checked_whatever_the_case_of_its_extension(two_visit_call):
    question = Question.objects.create(
        call=two_visit_call, kind="file", label="CV", file_types="pdf, .DOCX", max_file_mb=1
    )
    name = f"q_{question.pk}"
    wrong = form(
        two_visit_call, complete(two_visit_call), {name: SimpleUploadedFile("cv.txt", b"x")}
    )
    assert wrong.errors[name] == ["Send a file of one of these types: docx, pdf."]
    right = form(two_visit_call, complete(two_visit_call), {name: upload("CV.Docx", office())})
    assert right.is_valid(), right.errors
    assert right.uploads() == {question: right.cleaned_data[name]}


@pytest.mark.parametrize(
    ("listed", "name", "content", "error"),
    [
        (
            "pdf",
            "cv.pdf",
            WINDOWS_EXECUTABLE,
            "The content of this file is not what its name says. "
            "Send a file of one of these types: pdf.",
        ),
        ("svg, pdf", "logo.svg", SVG_WITH_SCRIPT, "Send a file of one of these types: pdf."),
        (
            "pdf, docx",
            "cv.docx",
            PDF,
            "The content of this file is not what its name says. "
            "Send a file of one of these types: docx, pdf.",
        ),
    ],
)
def test_a_file_is_judged_by_its_content_and_refused_at_its_field(
    two_visit_call, listed, name, content, error
):
    question = Question.objects.create(
        call=two_visit_call, kind="file", label="CV", file_types=listed
    )
    bound = form(
        two_visit_call, complete(two_visit_call), {f"q_{question.pk}": upload(name, content)}
    )
    assert bound.errors == {f"q_{question.pk}": [error]}


def test_the_file_field_says_which_types_and_size_are_accepted(two_visit_call):
    question = Question.objects.create(
        call=two_visit_call, kind="file", label="CV", file_types="pdf, svg, docx", max_file_mb=3
    )
    field = form(two_visit_call, {}).fields[f"q_{question.pk}"]
    assert "Accepted: docx, pdf; at most 3 MB." in field.help_text
    assert field.widget.attrs["accept"] == ".docx,.pdf"


def test_a_draft_needs_nothing_but_each_visit_once(two_visit_call):
    first = two_visit_call.visits.first()
    assert form(two_visit_call, {"preference_2": first.pk}, submitting=False).is_valid()
    twice = form(
        two_visit_call, {"preference_1": first.pk, "preference_2": first.pk}, submitting=False
    )
    assert twice.errors["preference_2"] == ["You chose this visit already; choose each visit once."]


def test_a_submission_ranks_visits_from_the_first_choice(two_visit_call):
    second = two_visit_call.visits.order_by("starts_on").last()
    bound = form(two_visit_call, complete(two_visit_call, preference_1="", preference_2=second.pk))
    assert "preference_1" in bound.errors
    assert bound.errors["preference_2"] == [
        "Fill in your choices in order, starting with choice 1."
    ]


def test_answers_are_kept_as_json_can_hold_them(two_visit_call):
    number = Question.objects.create(call=two_visit_call, kind="number", label="Staff?")
    several = Question.objects.create(
        call=two_visit_call,
        kind="multiple_choice",
        label="Topics",
        choices=["Heritage", "Mobility"],
    )
    yes_no = Question.objects.create(call=two_visit_call, kind="yes_no", label="Online ok?")
    optional = Question.objects.create(
        call=two_visit_call, kind="short_text", label="Anything else?", required=False
    )
    data = complete(
        two_visit_call,
        **{f"q_{number.pk}": "12.5", f"q_{several.pk}": ["Mobility"], f"q_{yes_no.pk}": "yes"},
    )
    bound = form(two_visit_call, data)
    assert bound.is_valid(), bound.errors
    assert bound.answers() == {
        str(number.pk): "12.5",
        str(several.pk): ["Mobility"],
        str(yes_no.pk): "yes",
    }
    assert str(optional.pk) not in bound.answers()
    assert [v.title for v in bound.chosen_visits()] == ["Vantaa", "Kortrijk"]


def test_a_coordinators_help_text_stays_text(two_visit_call):
    Question.objects.create(call=two_visit_call, kind="short_text", label="Q", help_text="<b>x</b>")
    [question] = two_visit_call.questions.all()
    assert form(two_visit_call, None).fields[f"q_{question.pk}"].help_text == "&lt;b&gt;x&lt;/b&gt;"


@pytest.mark.parametrize("decision", ["eligible", "ineligible"])
def test_deciding_eligibility_by_hand_needs_a_reason(decision):
    refused = EligibilityForm({"decision": decision, "reason": "  "})
    assert refused.errors["reason"] == ["Say why the rules do not decide this one."]
    assert EligibilityForm({"decision": decision, "reason": "Partner city."}).is_valid()
    assert EligibilityForm({"decision": "rules", "reason": ""}).is_valid()
