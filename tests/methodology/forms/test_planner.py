"""The planner's parameters: absurd or hostile values get a message at their field, names or
codes for countries, defaults for what is left out."""

import datetime

import pytest
from django.utils import translation

from citypeers.methodology.forms.planner import PlannerForm, default_start
from citypeers.methodology.models import TemplateVersion, VisitTemplate

DEFAULTS = {
    "template": "online",
    "start": "2027-03-22",
    "days": 4,
    "participants": 24,
    "host_tz": "Europe/Brussels",
}


def version(slug: str, mode: str, days: tuple[int, int], summary: str = "For trying out."):
    template = VisitTemplate(slug=slug, mode=mode, name=slug.title(), summary=summary)
    low, high = days
    return TemplateVersion(
        template=template, min_days=low, max_days=high, default_days=low, default_participants=3
    )


VERSIONS = {
    "onsite": version("onsite", "onsite", (2, 3)),
    "online": version("online", "online", (3, 5)),
    "clinic": version("clinic", "online", (1, 1), "One question, <b>90</b> minutes. Then more."),
}


def form(**data):
    return PlannerForm(data, defaults=DEFAULTS, versions=VERSIONS)


def test_left_out_or_empty_values_take_the_defaults():
    planner = form(start="", countries="")
    assert planner.is_valid(), planner.errors
    request = planner.plan_request()
    assert (request.start, request.days, request.countries) == (datetime.date(2027, 3, 22), 4, ())
    assert request.time is None and request.minutes is None


def test_the_hosts_country_defaults_to_the_country_of_its_time_zone():
    def host_country(**data):
        planner = form(**data)
        assert planner.is_valid(), planner.errors
        return planner.plan_request().host_country

    assert host_country() == "BE"
    assert host_country(host_tz="Europe/Lisbon") == "PT"
    assert host_country(host_tz="UTC") == ""
    assert host_country(host_country="LU") == "LU"
    assert not form(host_country="Atlantis").is_valid()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("days", "0", "greater than or equal to 1"),
        ("days", "10000", "less than or equal to 10"),
        ("days", "2", "This kind of visit runs 3 to 5 days."),
        ("participants", "-1", "greater than or equal to 2"),
        ("participants", "lots", "Enter a whole number."),
        ("host_tz", "Mars/Olympus", "Not a time zone name like Europe/Paris."),
        ("host_tz", "../../etc/passwd", "Not a time zone name like Europe/Paris."),
        ("start", "not-a-date", "Enter a valid date."),
        ("start", "2027-02-30", "Enter a valid date."),
        ("countries", "ZZ", "Not a country this platform knows: ZZ."),
        ("time", "25:99", "Enter a valid time."),
        ("minutes", "5", "greater than or equal to 15"),
        ("template", "hybrid", "Select a valid choice."),  # no hybrid template
    ],
)
def test_a_wrong_value_is_refused_at_its_field(field, value, message):
    planner = form(**{field: value})
    assert not planner.is_valid()
    assert list(planner.errors) == [field]
    assert message in planner.errors[field][0]


def test_days_are_checked_against_the_chosen_templates_range():
    assert form(template="onsite", days="3").is_valid()
    assert not form(template="onsite", days="4").is_valid()
    clinic = form(template="clinic", days="2")
    assert clinic.errors["days"] == ["This kind of visit runs 1 day."]


def test_the_chosen_template_gives_the_plans_mode_and_version():
    planner = form(template="clinic", days="1")
    assert planner.is_valid(), planner.errors
    assert planner.version is VERSIONS["clinic"]
    assert planner.cleaned_data["mode"] == planner.plan_request().mode == "online"


def test_countries_by_code_or_name_in_any_case_each_once():
    planner = form(countries="pt, Finland,FI, , portugal")
    assert planner.is_valid(), planner.errors
    assert planner.cleaned_data["countries"] == ["PT", "FI"]


def test_countries_by_their_name_in_the_readers_language():
    with translation.override("fr"):
        planner = form(countries="Finlande, Allemagne")
        assert planner.is_valid(), planner.errors
    assert planner.cleaned_data["countries"] == ["FI", "DE"]


def test_every_unknown_country_is_named_and_the_known_ones_kept_in_the_field():
    planner = form(countries="Portugal, Atlantis, Utopia")
    assert not planner.is_valid()
    assert planner.errors["countries"] == ["Not a country this platform knows: Atlantis, Utopia."]
    assert ">\nPortugal, Atlantis, Utopia</textarea>" in str(planner["countries"])


def test_countries_are_a_text_area_that_also_takes_one_country_a_line():
    planner = form(countries="Portugal\r\nFinland, Poland\nES")
    assert planner.is_valid(), planner.errors
    assert planner.cleaned_data["countries"] == ["PT", "FI", "PL", "ES"]
    assert str(planner["countries"]).startswith("<textarea")


def test_any_time_zone_name_typed_into_the_address_is_accepted():
    planner = form(host_tz="America/Argentina/Ushuaia")
    assert planner.is_valid(), planner.errors
    assert planner.plan_request().host_tz == "America/Argentina/Ushuaia"


def test_each_template_is_offered_with_its_mode_days_people_and_purpose():
    choices = dict(form().fields["template"].choices)
    assert list(choices) == ["onsite", "online", "clinic"]
    assert choices["clinic"] == (
        '<span class="choice-name">Clinic</span> <span class="choice-hint">Online, 1 day, '
        "about 3 participants. One question, &lt;b&gt;90&lt;/b&gt; minutes.</span>"
    )
    assert "Onsite, 2 to 3 days, about 3 participants." in choices["onsite"]


@pytest.mark.parametrize(
    ("today", "start"),
    [
        (datetime.date(2026, 11, 25), datetime.date(2027, 2, 22)),  # a Wednesday
        (datetime.date(2026, 11, 30), datetime.date(2027, 2, 22)),  # a Monday: that Monday
    ],
)
def test_the_default_start_is_a_monday_about_three_months_ahead(today, start):
    assert default_start(today) == start
    assert start.weekday() == 0
