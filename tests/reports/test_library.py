import pytest
from django.urls import reverse

from citypeers.library.models import ReportCard
from citypeers.reports.services.reports import report_unpublish
from tests.factories import ThemeFactory
from tests.reports.conftest import move_to

pytestmark = pytest.mark.django_db


def _search(client, **query):
    return client.get(reverse("library:search"), query).text


def test_the_library_finds_a_published_report_by_its_words(client, published):
    page = _search(client, q="market hall")
    assert "Quays that work" in page and "1 visit report found" in page
    assert (
        reverse("reports:report", args=[published.visit.programme.slug, published.visit.slug])
        in page
    )


def test_words_match_their_beginnings_and_every_word_counts(client, published):
    assert "Quays that work" in _search(client, q="mark")
    assert "Quays that work" not in _search(client, q="market elephants")


def test_a_draft_is_not_in_the_library(client, report):
    assert "Quays that work" not in _search(client, q="market")
    assert not ReportCard.objects.exists()


def test_a_report_in_check_or_final_is_not_in_the_library(client, report, rapporteur, coordinator):
    move_to(report, "final", rapporteur=rapporteur, coordinator=coordinator)
    assert "Quays that work" not in _search(client)


def test_an_unpublished_report_leaves_the_library(client, published, coordinator):
    report_unpublish(report=published, by=coordinator)
    assert "Quays that work" not in _search(client, q="market")


def test_reports_have_their_own_type_and_follow_the_filters(client, published):
    theme = ThemeFactory()
    published.visit.themes.add(theme)
    published.save()  # the card is written as the report is saved
    assert "Quays that work" in _search(client, type="report")
    assert "Quays that work" in _search(client, theme=theme.slug)
    assert "Quays that work" not in _search(client, theme=ThemeFactory().slug)
    country = published.visit.host_place.country.code
    assert "Quays that work" in _search(client, country=country)
    assert "Quays that work" not in _search(client, country="FR" if country != "FR" else "DE")
    assert "Quays that work" not in _search(client, type="policy")
