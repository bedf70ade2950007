"""The embeddable widgets (`library.views.widgets`): what they list, their parameters, their
headers (framable there and nowhere else), the HTML fragments and the builder."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    CallFactory,
    PlaceFactory,
    ProgrammeFactory,
    ThemeFactory,
    VisitFactory,
    VisitPlanFactory,
)

pytestmark = pytest.mark.django_db

WIDGETS = ["library:widget_visits", "library:widget_calls"]


def announced_visit(days_ahead=10, **fields):
    start = timezone.localdate() + datetime.timedelta(days=days_ahead)
    visit = VisitFactory(starts_on=start, ends_on=start + datetime.timedelta(days=2), **fields)
    VisitPlanFactory(visit=visit, agenda_published=True)
    return visit


def page(client, name, query=""):
    response = client.get(reverse(name) + query)
    assert response.status_code == 200
    return response.content.decode()


def test_the_visits_widget_lists_upcoming_announced_visits_soonest_first(client):
    announced_visit(20, title="Later visit")
    announced_visit(5, title="Sooner visit")
    announced_visit(-10, title="Past visit")
    VisitPlanFactory(visit=VisitFactory(title="Agenda unpublished", starts_on=timezone.localdate()))
    html = page(client, "library:widget_visits")
    assert html.index("Sooner visit") < html.index("Later visit")
    assert "Past visit" not in html
    assert "Agenda unpublished" not in html


def test_a_visit_under_way_is_still_listed(client):
    announced_visit(-1, title="Under way")
    assert "Under way" in page(client, "library:widget_visits")


def test_the_visits_widget_narrows_by_programme_theme_country_and_limit(client):
    programme = ProgrammeFactory(slug="heritage-peers")
    theme = ThemeFactory(slug="reuse")
    in_finland = announced_visit(
        3, title="Tampere visit", programme=programme, host_place=PlaceFactory(country="FI")
    )
    in_finland.themes.add(theme)
    announced_visit(4, title="Elsewhere visit", host_place=PlaceFactory(country="PT"))
    for query in ("?programme=heritage-peers", "?theme=reuse", "?country=fi"):
        html = page(client, "library:widget_visits", query)
        assert "Tampere visit" in html and "Elsewhere visit" not in html, query
    assert "Elsewhere visit" not in page(client, "library:widget_visits", "?limit=1")


def test_the_calls_widget_lists_open_public_calls_only(client):
    now = timezone.now()
    CallFactory(title="Call for Tartu", eligible_countries=["FI", "EE"])
    CallFactory(title="Draft call", published_at=None)
    CallFactory(title="Upcoming call", opens_at=now + datetime.timedelta(days=3))
    CallFactory(
        title="Closed call",
        opens_at=now - datetime.timedelta(days=9),
        closes_at=now - datetime.timedelta(days=1),
    )
    html = page(client, "library:widget_calls")
    assert "Call for Tartu" in html
    assert "Draft call" not in html and "Upcoming call" not in html and "Closed call" not in html
    assert "Deadline:" in html
    assert "Call for Tartu" in page(client, "library:widget_calls", "?country=EE")
    assert "Call for Tartu" not in page(client, "library:widget_calls", "?country=PT")


def test_the_calls_widget_narrows_by_the_programmes_theme(client):
    theme = ThemeFactory(slug="reuse")
    programme = ProgrammeFactory()
    programme.themes.add(theme)
    CallFactory(title="Reuse call", programme=programme)
    CallFactory(title="Other call")
    html = page(client, "library:widget_calls", "?theme=reuse")
    assert "Reuse call" in html and "Other call" not in html


def test_an_empty_widget_says_so(client):
    assert "No visit is announced at the moment." in page(client, "library:widget_visits")
    assert "No call is open at the moment." in page(client, "library:widget_calls")


def test_links_open_the_full_page_in_a_new_tab_and_say_so(client):
    visit = announced_visit(title="Linked visit")
    html = page(client, "library:widget_visits")
    url = "http://testserver" + reverse(
        "visits:visit", kwargs={"programme": visit.programme.slug, "visit": visit.slug}
    )
    assert f'<a href="{url}" target="_blank" rel="noopener">Linked visit' in html
    assert "(opens in a new tab)" in html


@pytest.mark.parametrize("name", WIDGETS)
def test_the_widget_is_a_page_of_its_own_with_its_colour_stylesheet(client, name):
    html = page(client, name, "?accent=%23aa0000&background=102030&limit=abc")
    assert '<html lang="en">' in html
    assert "<main>" in html and "<h1>" in html
    assert 'class="nav-list"' not in html  # no site chrome
    theme = reverse("library:widget_theme") + "?accent=aa0000&amp;background=102030"
    assert f'<link rel="stylesheet" href="{theme}">' in html
    assert "style=" not in html


@pytest.mark.parametrize("name", WIDGETS)
def test_only_the_widget_pages_may_be_framed_elsewhere(client, name):
    response = client.get(reverse(name))
    assert "X-Frame-Options" not in response
    assert "frame-ancestors *" in response["Content-Security-Policy"]
    assert "style-src 'self'" in response["Content-Security-Policy"]  # the rest stays strict


def test_the_sites_allowed_to_frame_come_from_the_settings(client, settings):
    settings.WIDGET_FRAME_ANCESTORS = ["https://www.tartu.ee", "https://*.eurocities.eu"]
    policy = client.get(reverse("library:widget_visits"))["Content-Security-Policy"]
    assert "frame-ancestors https://www.tartu.ee https://*.eurocities.eu" in policy


@pytest.mark.parametrize(
    "name",
    ["core:home", "library:search", "library:widgets", "calls:list", "library:widget_theme"],
)
def test_every_other_page_still_refuses_to_be_framed(client, name):
    response = client.get(reverse(name))
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_the_colour_stylesheet_is_css_cached_and_makes_text_readable(client):
    response = client.get(reverse("library:widget_theme") + "?accent=ffff66&background=ffffff")
    assert response["Content-Type"].startswith("text/css")
    assert "max-age=604800" in response["Cache-Control"]
    css = response.content.decode()
    assert ".cp-widget main a,.cp-widget footer a{color:#000000}" in css  # pale accent
    bad = client.get(reverse("library:widget_theme") + "?accent=%7D%3Cx&background=nope")
    assert bad.status_code == 200 and "}<x" not in bad.content.decode()


@pytest.mark.parametrize("name", ["library:widget_visits_html", "library:widget_calls_html"])
def test_the_html_fragments_are_plain_links_readable_from_any_origin(client, name):
    announced_visit(title="Fragment visit")
    CallFactory(title="Fragment call")
    response = client.get(reverse(name))
    assert response["Access-Control-Allow-Origin"] == "*"
    html = response.content.decode()
    assert html.startswith('<section class="citypeers-widget" lang="en"')
    assert "<script" not in html and "style=" not in html and "<html" not in html
    assert ("Fragment visit" in html) == (name == "library:widget_visits_html")
    assert ("Fragment call" in html) == (name == "library:widget_calls_html")


def test_other_pages_send_no_cors_header(client):
    assert "Access-Control-Allow-Origin" not in client.get(reverse("library:widget_visits"))


def test_the_builder_previews_the_widget_and_gives_both_snippets(client):
    ProgrammeFactory(slug="heritage-peers", name="Heritage Peers")
    query = "?kind=calls&programme=heritage-peers&theme=&country=&limit=3"
    html = page(client, "library:widgets", query + "&accent=%23aa0000&background=%23ffffff")
    widget = "http://testserver" + reverse("library:widget_calls")
    src = f"{widget}?programme=heritage-peers&amp;limit=3&amp;accent=aa0000"
    assert f'<iframe class="widget-preview" src="{src}"' in html
    # The iframe code, escaped in its read-only text area, ready to copy.
    escaped = src.replace("&amp;", "&amp;amp;")
    assert f'<textarea id="iframe-code" readonly rows="4">&lt;iframe src=&quot;{escaped}' in html
    assert "title=&quot;Open calls&quot; style=&quot;width: 100%; border: 0;&quot;" in html
    assert "&lt;section class=&quot;citypeers-widget&quot;" in html
    assert "No call is open at the moment." in html


def test_the_builder_shows_errors_at_the_field_and_keeps_what_was_typed(client):
    html = page(client, "library:widgets", "?kind=visits&limit=99&accent=red&background=%23ffffff")
    assert "There is a problem" in html
    assert "Give a colour as # and six hexadecimal digits." in html
    assert 'value="99"' in html
    # The preview falls back to the defaults.
    assert f'src="http://testserver{reverse("library:widget_visits")}"' in html


def test_the_widget_takes_no_post(client):
    assert client.post(reverse("library:widget_visits")).status_code == 405


@pytest.mark.parametrize("count", [1, 3])
def test_the_widgets_read_in_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, count
):
    theme = ThemeFactory(slug="reuse")
    for _ in range(count):
        announced_visit().themes.add(theme)
        CallFactory().visits.add(announced_visit())
    for name, most in [
        ("library:widget_visits", 6),
        ("library:widget_calls", 8),
        ("library:widget_visits_html", 6),
        ("library:widget_calls_html", 8),
    ]:
        with django_assert_max_num_queries(most):
            assert client.get(reverse(name) + "?theme=reuse").status_code == 200


def test_the_builder_is_not_marked_as_the_library_in_the_navigation(client):
    builder = client.get(reverse("library:widgets")).content.decode()
    library = client.get(reverse("library:search")).content.decode()
    current = 'href="/en/library/" aria-current="page"'
    assert current in library
    assert current not in builder
