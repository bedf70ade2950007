"""Playwright journeys in Debian's Chromium against a live server, with axe-core checks.

Never downloads a browser: it launches /usr/bin/chromium. Outside CI a missing browser skips
these tests; with CI=true it fails them, so CI cannot pass without running them.
"""

import os
import shutil
from pathlib import Path

import pytest

from tests.us_dates import us_dates

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
AXE_SOURCE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# between browser steps are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _missing_tools() -> list[str]:
    missing = [] if shutil.which(CHROMIUM) else [CHROMIUM]
    return missing + ([] if AXE_SOURCE.is_file() else [str(AXE_SOURCE)])


@pytest.fixture(scope="session")
def browser():
    if missing := _missing_tools():
        message = f"browser tests need {', '.join(missing)}: run `make test`"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


# What the browser shows as a page: a document, or an htmx partial swapped into one.
HTML_RESOURCES = {"document", "fetch", "xhr"}


class PageOpener:
    """Opens pages in fresh browser contexts, and reads every HTML answer they receive.

    Each HTML answer is read as it arrives (Chromium forgets a document's body once the page
    has moved on), so the suite can check at each test's end what every page showed.
    """

    def __init__(self, browser, base_url: str):
        self.browser, self.base_url = browser, base_url
        self.contexts = []
        self.html = []  # (address, language, text) of each HTML answer, in order

    def __call__(self, locale: str = "en-GB"):
        context = self.browser.new_context(base_url=self.base_url, locale=locale)
        context.set_default_timeout(15_000)
        context.on("requestfinished", self._read)
        self.contexts.append(context)
        return context.new_page()

    def _read(self, request) -> None:
        if request.resource_type not in HTML_RESOURCES:
            return
        response = request.response()
        if response is None or 300 <= response.status < 400:  # a redirect has no body
            return
        if response.headers.get("content-type", "").startswith("text/html"):
            language = response.headers.get("content-language", "")
            self.html.append((response.url, language, response.text()))

    def us_dates(self) -> list[str]:
        """Each address whose answer writes a date the American way, with what it wrote."""
        return [
            f"{url}: {found}"
            for url, language, text in self.html
            if (found := us_dates(text, language=language))
        ]

    def close(self) -> None:
        for context in self.contexts:
            context.close()


@pytest.fixture
def new_page(browser, live_server, settings):
    """Opens pages in fresh browser contexts (separate cookies, like separate people)."""
    # E-mails go to the outbox the demo uses, so a journey can read them like a person would.
    settings.EMAIL_BACKEND = "citypeers.core.mail.OutboxBackend"
    opener = PageOpener(browser, live_server.url)
    yield opener
    opener.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """A journey that passed also fails if any page it was shown wrote a US-style date."""
    result = yield
    opener = item.funcargs.get("new_page")
    if isinstance(opener, PageOpener) and (found := opener.us_dates()):
        pytest.fail("US-style dates shown:\n" + "\n".join(found), pytrace=False)
    return result


@pytest.fixture
def page(new_page):
    return new_page()


PHONE_WIDTH = 320
PHONE_HEIGHT = 640


def assert_accessible(page) -> None:
    """axe-core finds no WCAG 2.1 A or AA violation, and the page fits a 320 px phone.

    At 320 px wide (WCAG 1.4.10 Reflow) the page itself must not scroll sideways (wide tables
    scroll inside their own `.table-wrap` box) and the header takes at most a third of the
    screen. The viewport is restored afterwards, so the journey goes on as it was.
    """
    page.evaluate(AXE_SOURCE.read_text())
    violations = page.evaluate(
        "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}}))"
        ".violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => n.target)}))",
        WCAG_TAGS,
    )
    assert violations == [], f"{page.url}: {violations}"
    assert_fits_phone(page)


def assert_fits_phone(page) -> None:
    """At 320 px the page is no wider than the screen (naming what sticks out if it is)."""
    viewport = page.viewport_size
    page.set_viewport_size({"width": PHONE_WIDTH, "height": PHONE_HEIGHT})
    try:
        width = page.evaluate("document.documentElement.scrollWidth")
        culprits = []
        if width > PHONE_WIDTH:
            culprits = page.evaluate(
                """(limit) => {
                  const wide = [...document.querySelectorAll('body *')].filter(e =>
                    !e.closest('.table-wrap, .visually-hidden, .skip-link')
                    && (e.getBoundingClientRect().right > limit + 0.5
                        || (e.scrollWidth > e.clientWidth + 1
                            && getComputedStyle(e).overflowX === 'visible')));
                  return wide.filter(e => !wide.some(o => o !== e && e.contains(o))).slice(0, 8)
                    .map(e => `${e.tagName.toLowerCase()}.${e.className}: `
                      + (e.textContent || '').trim().slice(0, 40));
                }""",
                PHONE_WIDTH,
            )
        header = page.evaluate("document.querySelector('.site-header').offsetHeight")
    finally:
        page.set_viewport_size(viewport)
    assert width <= PHONE_WIDTH, f"{page.url} is {width} px wide at {PHONE_WIDTH} px: {culprits}"
    assert header <= PHONE_HEIGHT / 3, f"{page.url}: the header takes {header} of {PHONE_HEIGHT} px"
