"""The embeddable widget as a city's own site shows it: framed from another origin, in the
city's colours, accessible; the rest of citypeers refuses to be framed there."""

import datetime
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import AXE_SOURCE, PHONE_WIDTH, WCAG_TAGS, assert_accessible
from tests.factories import PlaceFactory, ProgrammeFactory, VisitFactory, VisitPlanFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def announced_visit(title: str, programme, days_ahead: int = 14):
    start = timezone.localdate() + datetime.timedelta(days=days_ahead)
    visit = VisitFactory(
        title=title,
        programme=programme,
        starts_on=start,
        ends_on=start + datetime.timedelta(days=1),
        host_place=PlaceFactory(name="Tartu", country="EE"),
    )
    VisitPlanFactory(visit=visit, agenda_published=True)
    return visit


@pytest.fixture
def city_site(page, live_server):
    """Opens a page of another origin, the city's own site, that frames the given addresses: a
    small server of its own on 127.0.0.1, while citypeers answers as `localhost`."""
    served = {}

    class CityPage(BaseHTTPRequestHandler):
        def do_GET(self):
            body = served["html"].encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), CityPage)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    assert "//localhost:" in live_server.url

    def open_site(frames: dict[str, str]) -> None:
        iframes = "".join(
            f'<iframe id="{name}" title="{name}" src="{live_server.url}{path}" height="400">'
            "</iframe>"
            for name, path in frames.items()
        )
        served["html"] = (
            '<!DOCTYPE html><html lang="en"><head><title>City of Tartu</title></head>'
            f"<body><main><h1>Visit Tartu</h1>{iframes}</main></body></html>"
        )
        page.goto(f"http://127.0.0.1:{server.server_port}/")

    yield open_site
    server.shutdown()
    server.server_close()


def test_a_city_site_frames_the_widget_in_its_colours_but_not_other_pages(page, city_site):
    programme = ProgrammeFactory(slug="heritage-peers")
    announced_visit("Tartu heritage visit", programme)
    colours = "accent=ffd700&background=1b1b3a"
    city_site(
        {
            "widget": f"/en/widgets/visits/?programme=heritage-peers&{colours}",
            "library": "/en/library/",
        }
    )
    widget = page.frame_locator("#widget")
    expect(widget.get_by_role("heading", name="Upcoming visits")).to_be_visible()
    link = widget.get_by_role("link", name="Tartu heritage visit (opens in a new tab)")
    expect(link).to_be_visible()
    expect(link).to_have_attribute("target", "_blank")
    # The city's dark background; the text turns white on it, the links keep the gold accent.
    body = widget.locator("body")
    expect(body).to_have_css("background-color", "rgb(27, 27, 58)")
    expect(body).to_have_css("color", "rgb(255, 255, 255)")
    expect(link).to_have_css("color", "rgb(255, 215, 0)")
    # The library refuses to be framed: its frame never shows the library.
    library = page.frame(url=lambda url: "/en/library/" in url)
    assert library is None or "Library of good practices" not in library.content()


def assert_widget_accessible(page) -> None:
    """axe-core finds no WCAG 2.1 A or AA violation and the widget fits 320 px (the site's
    `assert_accessible` also measures the site header, which a widget has not)."""
    page.evaluate(AXE_SOURCE.read_text())
    violations = page.evaluate(
        "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}}))"
        ".violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => n.target)}))",
        WCAG_TAGS,
    )
    assert violations == [], f"{page.url}: {violations}"
    page.set_viewport_size({"width": PHONE_WIDTH, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH


def test_the_widget_page_and_the_builder_are_accessible(page, live_server):
    programme = ProgrammeFactory(slug="heritage-peers", name="Heritage Peers")
    announced_visit("Tartu heritage visit", programme)
    page.goto("/en/widgets/visits/?accent=ffff66&background=ffffff")  # a pale accent
    expect(page.get_by_role("main")).to_be_visible()
    assert_widget_accessible(page)
    page.goto("/en/widgets/calls/")
    expect(page.get_by_text("No call is open at the moment.")).to_be_visible()
    assert_widget_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 800})

    page.goto("/en/widgets/")
    assert_accessible(page)
    page.get_by_label("What to show").select_option("visits")
    page.get_by_label("Programme").select_option("heritage-peers")
    page.get_by_label("How many at most").fill("3")
    page.get_by_role("button", name="Show the preview and the snippets").click()
    preview = page.frame_locator("iframe.widget-preview")
    expect(
        preview.get_by_role("link", name="Tartu heritage visit (opens in a new tab)")
    ).to_be_visible()
    code = page.get_by_label("A frame showing the widget (copy into your page)")
    expect(code).to_have_attribute("readonly", "")
    assert "programme=heritage-peers&amp;limit=3" in code.input_value()
    assert (
        "Tartu heritage visit"
        in page.get_by_label(
            "Plain HTML, a list of links without script (copy into your page)"
        ).input_value()
    )
    assert_accessible(page)
