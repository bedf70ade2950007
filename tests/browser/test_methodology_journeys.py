import datetime
import re

import pytest
from docx import Document
from playwright.sync_api import expect

from citypeers.methodology.services.loader import load_methodology
from citypeers.programmes.models import Role, Visit
from tests.browser.conftest import PHONE_HEIGHT, PHONE_WIDTH, assert_accessible
from tests.browser.test_catalogue_journeys import sign_in
from tests.factories import MembershipFactory, PlaceFactory, ProgrammeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


# A field shows its whole content: nothing hidden to scroll to inside it.
SHOWS_ALL = "e => e.scrollHeight <= e.clientHeight + 1 && e.scrollWidth <= e.clientWidth + 1"


def a_monday_ahead(weeks: int) -> datetime.date:
    later = datetime.date.today() + datetime.timedelta(weeks=weeks)
    return later + datetime.timedelta(days=(7 - later.weekday()) % 7)


def create_visit_from_plan(page, *, programme: str, title: str, host: str, template: str):
    """From a plan on the planner page to the new visit's workspace, checking each page."""
    page.get_by_role("link", name="Turn this plan into a visit").click()
    expect(page.get_by_text(f"{template} (version 1)", exact=False)).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Programme").select_option(label=programme)
    page.get_by_label("Title of the visit").fill(title)
    page.get_by_label("Host place").fill(host)
    page.get_by_role("button", name="Create the visit").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(title)
    expect(page.get_by_text(f"Planned with {template}, version 1.")).to_be_visible()
    assert_accessible(page)


def test_a_visitor_reads_the_guide_filters_formats_and_downloads_the_pdf(page):
    load_methodology()
    page.goto("/en/methodology/")
    expect(page.get_by_role("heading", level=1)).to_have_text("The peer-learning methodology")
    assert_accessible(page)
    page.get_by_role("link", name="17 activity formats").click()
    page.get_by_label("Mode").select_option("onsite")
    page.get_by_label("People taking part").fill("10")
    page.get_by_label("Minutes available").fill("60")
    page.get_by_role("button", name="Show formats").click()
    expect(page).to_have_url(re.compile(r"mode=onsite.*group_size=10.*duration=60"))
    expect(page.get_by_role("link", name="Site visit")).to_be_visible()
    expect(page.get_by_role("link", name="Virtual tour")).to_have_count(0)  # not onsite
    expect(page.get_by_role("link", name="World café")).to_have_count(0)  # from 12 people
    assert_accessible(page)
    page.get_by_role("link", name="Site visit").click()
    expect(page.get_by_role("heading", name="Steps")).to_be_visible()
    assert_accessible(page)
    page.goto("/en/methodology/")
    page.get_by_role("link", name="What earlier programmes taught").click()
    chapter = page.get_by_role("heading", level=2, name="What earlier programmes taught")
    expect(chapter).to_be_in_viewport()
    # The PDF itself is read in tests/methodology/texts/test_pdf.py; here, that the page offers it.
    link = page.get_by_role("link", name="The whole guide as PDF")
    assert link.get_attribute("href") == "/en/methodology/guide.pdf"


def test_a_visitor_plans_an_online_visit_from_portugal_to_finland_and_applies_the_fix(page):
    load_methodology()
    page.goto("/en/planner/")
    assert_accessible(page)
    viewport = page.viewport_size
    page.get_by_role("group", name="Template").get_by_label("Online peer-learning visit").check()
    page.get_by_label("First day of the visit").fill(a_monday_ahead(30).isoformat())
    page.get_by_label("Days", exact=True).fill("4")
    page.get_by_label("Participants", exact=True).fill("24")
    page.get_by_label("Host's time zone").select_option("Europe/Brussels")
    countries = page.get_by_label("Participants' countries")
    countries.fill("Portugal, Spain, France, Poland, Finland, Germany, Italy")
    for width in (1280, PHONE_WIDTH):  # the whole list shows, on a desktop and on a phone
        page.set_viewport_size({"width": width, "height": PHONE_HEIGHT})
        assert countries.evaluate(SHOWS_ALL), width
    page.set_viewport_size(viewport)
    page.get_by_label("Daily start, host's time").fill("09:00")
    page.get_by_role("button", name="Plan").click()
    warning = page.locator(".warning-time_zones")
    expect(warning).to_contain_text(
        "outside 09:00 to 18:00 local time for participants from Portugal"
    )
    expect(warning).to_contain_text("Start at 10:00 (Europe/Brussels)")
    assert_accessible(page)
    warning.get_by_role("link", name="Apply this fix").click()
    expect(page).to_have_url(re.compile(r"time=10%3A00"))
    expect(page.locator(".warning-time_zones")).to_have_count(0)
    expect(page.get_by_role("heading", name="Draft agenda")).to_be_visible()
    expect(page.locator(".agenda li").first).to_contain_text("10:00")
    assert_accessible(page)


def test_a_coordinator_turns_a_plan_into_a_visit_and_later_edits_keep_its_version(page):
    load_methodology()
    programme = ProgrammeFactory(name="Heritage in Action")
    coordinator = MembershipFactory(programme=programme, role=Role.COORDINATOR).user
    PlaceFactory(name="Tampere", country="FI", population=250_000)
    sign_in(page, coordinator)
    start = a_monday_ahead(30).isoformat()
    page.goto(
        f"/en/planner/?mode=online&start={start}&days=4&participants=24"
        "&host_tz=Europe/Helsinki&topic=Heritage+walks"
    )
    assert_accessible(page)
    create_visit_from_plan(
        page,
        programme="Heritage in Action",
        title="Heritage walks in Tampere",
        host="Tampere (FI)",
        template="Online peer-learning visit",
    )
    assert_accessible(page)
    page.get_by_role("button", name=re.compile("^Mark done")).first.click()
    expect(page.get_by_role("status").first).to_contain_text("is done")
    expect(page.locator(".task-done")).to_have_count(1)

    page.goto("/en/methodology/formats/world-cafe/edit/")
    assert_accessible(page)
    name = page.get_by_role("group", name="Name", exact=True)
    name.get_by_label("English").fill("World café, in small tables")
    name.get_by_text(re.compile("other languages")).click()
    name.get_by_label("Deutsch").fill("Weltcafé, an kleinen Tischen")
    page.get_by_role("button", name="Save the format").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("World café, in small tables")
    assert_accessible(page)
    page.goto("/de/methodology/formats/world-cafe/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Weltcafé, an kleinen Tischen")

    page.goto("/en/methodology/templates/online/edit/")
    assert_accessible(page)
    page.get_by_label("Language to edit").select_option("de")
    page.get_by_role("button", name="Edit", exact=True).click()
    expect(page).to_have_url(re.compile(r"\?language=de$"))
    expect(page.locator("#id_steps-0-title")).to_have_attribute("lang", "de")
    expect(page.locator(".step-text-reference [lang=en]").first).to_be_visible()
    assert_accessible(page)
    page.get_by_label("What changed, in a sentence").fill("The call closes a week earlier.")
    page.locator("#id_steps-0-offset_days").fill("-210")
    page.get_by_role("button", name="Save as a new version").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("What changed")
    expect(page.get_by_text("-210").first).to_be_visible()
    assert_accessible(page)

    visit = Visit.objects.get(title="Heritage walks in Tampere")
    assert visit.plan.template_version.number == 1
    page.goto(f"/en/programmes/{programme.slug}/visits/{visit.slug}/workspace/")
    expect(page.get_by_text("Planned with Online peer-learning visit, version 1.")).to_be_visible()
    assert_accessible(page)


def test_a_visitor_goes_from_a_card_to_its_worksheet_and_downloads_it_to_fill_in(page):
    load_methodology()
    page.goto("/fr/methodology/formats/transfer-lab/")
    worksheets = page.get_by_role("region", name="Fiches de travail")
    # Each link names the worksheet and the file type, for a screen reader's list of links.
    link = worksheets.get_by_role(
        "link", name=re.compile(r"^Document Word \(DOCX\) ?, Fiche de transfert : comprendre")
    )
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "citypeers-transfer-sheet-fr.docx"
    document = Document(download.value.path())
    assert document.paragraphs[0].text == "Fiche de transfert : comprendre, adapter, réutiliser"
    assert_accessible(page)
    worksheets.get_by_role("link", name="Fiche de transfert : comprendre").first.click()
    expect(page).to_have_url(re.compile(r"/fr/methodology/worksheets/#transfer-sheet$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Fiches de travail")
    expect(page.get_by_role("heading", level=2)).to_have_count(10)
    assert_accessible(page)
