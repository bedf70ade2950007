"""Playwright journeys in Debian's Chromium against a live server, with axe-core checks.

Never downloads a browser: it launches /usr/bin/chromium. Outside CI a missing browser skips
these tests; with CI=true it fails them, so CI cannot pass without running them.
"""

import os
import shutil
from pathlib import Path

import pytest

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


@pytest.fixture
def new_page(browser, live_server, settings):
    """Opens pages in fresh browser contexts (separate cookies, like separate people)."""
    # E-mails go to the outbox the demo uses, so a journey can read them like a person would.
    settings.EMAIL_BACKEND = "citypeers.core.mail.OutboxBackend"
    contexts = []

    def open_page(locale: str = "en-GB"):
        context = browser.new_context(base_url=live_server.url, locale=locale)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


def assert_accessible(page) -> None:
    """axe-core, injected from its npm package, finds no WCAG 2.1 A or AA violation."""
    page.evaluate(AXE_SOURCE.read_text())
    violations = page.evaluate(
        "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}}))"
        ".violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => n.target)}))",
        WCAG_TAGS,
    )
    assert violations == [], f"{page.url}: {violations}"
