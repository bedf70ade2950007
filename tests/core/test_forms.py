from django import forms


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
