import datetime

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from citypeers.core.dates import format_date, format_datetime, format_number, format_time
from tests.us_dates import us_dates

MOMENT = datetime.datetime(2026, 12, 6, 0, 15, tzinfo=datetime.UTC)


def test_english_dates_run_day_month_year():
    with translation.override("en"):
        assert format_date(datetime.date(2021, 3, 22)) == "22 March 2021"
        assert format_date(datetime.date(2027, 2, 8), "short") == "8 Feb 2027"
        assert format_date(datetime.date(2027, 2, 8), "weekday") == "Monday 8 February 2027"


def test_french_abbreviated_months_are_lower_case_with_a_full_stop():
    with translation.override("fr"):
        assert format_date(datetime.date(2026, 12, 6), "short") == "6 déc. 2026"
        assert format_date(datetime.date(2021, 4, 20), "short") == "20 avr. 2021"
        assert format_date(datetime.date(2021, 4, 20)) == "20 avril 2021"


def test_a_time_names_its_zone():
    with translation.override("en"), timezone.override("UTC"):
        assert format_datetime(MOMENT, "Europe/Paris") == "6 December 2026, 01:15 (Europe/Paris)"
        assert format_datetime(MOMENT, style="short") == "6 Dec 2026, 00:15 (UTC)"
        assert format_time(MOMENT, "Europe/Helsinki") == "02:15 (Europe/Helsinki)"
    with translation.override("fr"):
        assert (
            format_datetime(MOMENT, "Europe/Paris", "short") == "6 déc. 2026, 01:15 (Europe/Paris)"
        )


def test_numbers_take_the_languages_separators():
    with translation.override("en"):
        assert format_number(12500) == "12,500"
    with translation.override("fr"):
        assert format_number(12500) == "12\u202f500"
        assert format_number(2.5, 1) == "2,5"


def test_django_named_formats_are_european_too():
    """Templates still using Django's named formats get the European ones."""
    template = Template(
        '{{ day|date:"DATE_FORMAT" }} {{ day|date:"SHORT_DATE_FORMAT" }} '
        '{{ moment|date:"SHORT_DATETIME_FORMAT" }}'
    )
    for language in ("en", "fr"):
        with translation.override(language):
            shown = template.render(Context({"day": MOMENT.date(), "moment": MOMENT}))
            assert us_dates(shown, language=language) == [], shown


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Closes 6 Dec 2026, 01:15 (Europe/Paris)"),
        ("fr", "Closes 6 déc. 2026, 01:15 (Europe/Paris)"),
    ],
)
def test_template_filters_use_the_helper(language, expected):
    template = Template('{% load dates %}Closes {{ moment|datetime_short:"Europe/Paris" }}')
    with translation.override(language):
        assert template.render(Context({"moment": MOMENT})) == expected


def test_the_scan_finds_american_and_capitalised_dates():
    american = "Jan. 1, 2021 to Dec. 31, 2021; 03/22/2021; 8:51 p.m."
    assert len(us_dates(american, language="en")) == 4
    assert us_dates("20 Avr 2021; 6 Jan 2027; 1 Décembre", language="fr") == [
        "20 Avr",
        "6 Jan",
        "1 Déc",
    ]
    assert us_dates("6 déc. 2026; 20 avril 2021", language="fr") == []


def test_the_scan_reads_english_short_months_as_english():
    """ "6 Jan 2027" is English written the European way; only in French would it be wrong."""
    assert us_dates("8 Feb 2027, 14:30 (UTC); 6 Jan 2027; 3 Sep", language="en") == []
