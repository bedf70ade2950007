import importlib
from pathlib import Path

import pytest
from django import forms
from django.utils.html import format_html

import citypeers
from citypeers.core.forms import Form, SafeInputMixin
from citypeers.programmes.models import Theme
from tests.factories import ThemeFactory


class VisitDatesForm(forms.Form):
    participants = forms.IntegerField()
    starts_on = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    at = forms.TimeField(widget=forms.TimeInput(attrs={"type": "time"}))
    title = forms.CharField(help_text="As the host calls it.")


def test_a_value_a_number_or_date_field_cannot_hold_is_not_echoed_back():
    html = str(
        VisitDatesForm(
            {"participants": "12abc", "starts_on": "next tuesday", "at": "noon", "title": "x"}
        )
    )
    assert "12abc" not in html
    assert "next tuesday" not in html
    assert 'value="noon"' not in html
    assert 'value="x"' in html


def test_valid_numbers_dates_and_times_are_kept_when_another_field_fails():
    form = VisitDatesForm(
        {"participants": "-12", "starts_on": "2026-05-04", "at": "09:30", "title": ""}
    )
    html = str(form)
    assert 'value="-12"' in html
    assert 'value="2026-05-04"' in html
    assert 'value="09:30"' in html


def test_errors_are_summarised_at_the_top_linked_to_their_field():
    html = str(VisitDatesForm({"participants": "abc", "title": "x"}))
    assert "There is a problem" in html
    assert 'href="#id_participants"' in html
    assert 'aria-invalid="true"' in html
    assert html.index("There is a problem") < html.index('name="participants"')


def test_hints_are_tied_to_their_field_for_screen_readers():
    html = str(VisitDatesForm())
    assert "As the host calls it." in html
    assert 'aria-describedby="id_title_helptext"' in html
    assert "There is a problem" not in html


def test_a_hint_written_by_a_person_is_shown_as_text_and_the_platforms_own_markup_kept():
    class SurveyForm(Form):
        answer = forms.CharField(help_text='<a href="https://evil.example">Log in again</a>')
        other = forms.CharField(help_text=format_html("<strong>{}</strong>", "Required"))

    html = str(SurveyForm())
    assert '<a href="https://evil.example">' not in html
    assert "&lt;a href=&quot;https://evil.example&quot;&gt;Log in again&lt;/a&gt;" in html
    assert "<strong>Required</strong>" in html


class NoteForm(Form):
    title = forms.CharField(max_length=50)
    note = forms.CharField(widget=forms.Textarea, required=False)
    on = forms.DateField(required=False)
    count = forms.IntegerField(required=False)


def test_a_one_line_field_loses_its_line_breaks_and_control_characters():
    form = NoteForm({"title": "Call\r\nBcc: x@example.org\x00\x07\u2028end"})
    assert form.is_valid()
    assert form.cleaned_data["title"] == "Call Bcc: x@example.org end"


def test_a_text_area_keeps_its_line_breaks_but_not_other_control_characters():
    form = NoteForm({"title": "T", "note": "one\r\ntwo\x00\x1b[31m\tthree"})
    assert form.is_valid()
    assert form.cleaned_data["note"] == "one\r\ntwo[31m\tthree"


def test_a_one_line_field_of_only_control_characters_is_required_like_an_empty_one():
    form = NoteForm({"title": "\r\n\x07"})
    assert form.errors["title"] == ["This field is required."]


def test_letters_of_every_script_emoji_and_direction_marks_are_kept():
    title = "\u200fمدينة 🏛️ Łódź"
    form = NoteForm({"title": title})
    assert form.is_valid()
    assert form.cleaned_data["title"] == title


@pytest.mark.parametrize("typed", ["0001-01-01", "9999-12-31", "1999-12-31", "2101-01-01"])
def test_a_date_outside_2000_to_2100_is_refused_at_its_field(typed):
    form = NoteForm({"title": "T", "on": typed})
    assert form.errors["on"] == ["Give a date between 2000 and 2100."]


def test_a_whole_number_beyond_what_a_database_column_holds_is_refused_at_its_field():
    form = NoteForm({"title": "T", "count": str(2**31)})
    assert list(form.errors) == ["count"]
    assert NoteForm({"title": "T", "count": "2026", "on": "2100-12-31"}).is_valid()


class ThemesForm(Form):
    theme = forms.ModelChoiceField(queryset=Theme.objects.all())
    themes = forms.ModelMultipleChoiceField(queryset=Theme.objects.all())


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["99999999999999999999", "-99999999999999999999"])
def test_a_row_chosen_by_a_number_too_large_for_the_database_is_refused_at_its_field(typed):
    theme = ThemeFactory()
    form = ThemesForm({"theme": typed, "themes": [str(theme.pk), typed]})
    assert set(form.errors) == {"theme", "themes"}
    assert "Select a valid choice" in form.errors["theme"][0]
    assert ThemesForm({"theme": theme.pk, "themes": [theme.pk]}).is_valid()


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_every_form_of_the_platform_cleans_what_people_type():
    """A form that does not inherit core.forms.Form or ModelForm would let line breaks into
    titles and year 1 into dates; allauth's forms and formsets' own forms are not ours."""
    package = Path(citypeers.__file__).parent
    for module in sorted(package.rglob("*.py")):
        relative = module.relative_to(package.parent).with_suffix("")
        if "forms" in relative.parts or relative.name == "forms":
            importlib.import_module(".".join(relative.parts))
    ours = [
        form
        for form in _subclasses(forms.BaseForm)
        if form.__module__.startswith("citypeers.") and not form.__module__.endswith("tests")
    ]
    assert len(ours) > 20
    unsafe = sorted(form.__qualname__ for form in ours if not issubclass(form, SafeInputMixin))
    assert unsafe == []
