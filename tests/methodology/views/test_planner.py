"""The planner's page: its defaults, wrong values shown at their fields, its exports."""

import csv
import datetime
import html
import io
import re

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from pypdf import PdfReader

from tests.factories import TemplateVersionFactory

pytestmark = pytest.mark.django_db
PLAN = {
    "mode": "online",
    "start": "2027-03-22",
    "days": "5",
    "participants": "24",
    "host_tz": "Europe/Brussels",
    "countries": "Portugal, FI",
    "time": "10:00",
}


def test_without_parameters_the_planner_shows_a_plan_from_the_defaults(client, methodology):
    page = client.get(reverse("planner:plan")).text
    assert "Draft agenda" in page and "Timeline and checklist" in page


def test_every_wrong_value_is_shown_at_its_field(client, methodology):
    wrong = {"start": "soon", "days": "40", "host_tz": "CET", "countries": "Atlantis"}
    response = client.get(reverse("planner:plan"), wrong)
    for field in ("start", "days", "host_tz", "countries"):
        assert f'href="#id_{field}"' in response.text
    assert "Not a country this platform knows: Atlantis." in response.text
    assert "Draft agenda" not in response.text


def test_days_outside_the_templates_range_are_refused(client, methodology):
    response = client.get(reverse("planner:plan"), PLAN | {"days": "9"})
    assert "This kind of visit runs 3 to 5 days." in response.text


def test_the_plan_as_icalendar_has_milestones_and_sessions_with_their_zone(client, methodology):
    response = client.get(reverse("planner:plan"), PLAN | {"export": "ics"})
    calendar = Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    sessions = [e for e in events if e.get("dtstart").params.get("TZID")]
    assert {e.get("dtstart").params["TZID"] for e in sessions} == {"Europe/Brussels"}
    assert sessions[0].decoded("dtstart").hour == 10
    milestones = [e for e in events if not e.get("dtstart").params.get("TZID")]
    assert any("Close the call for participants" in str(e.get("summary")) for e in milestones)
    assert [tz.get("TZID") for tz in calendar.walk("VTIMEZONE")] == ["Europe/Brussels"]


def test_the_plan_as_csv_lists_milestones_and_sessions_in_date_order(client, methodology):
    response = client.get(reverse("planner:plan"), PLAN | {"export": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    kinds = {row[0] for row in rows[1:]}
    assert kinds == {"Milestone", "Session"}
    dates = [row[1] for row in rows[1:]]
    assert dates == sorted(dates)


def test_the_plan_as_pdf(client, methodology):
    response = client.get(reverse("planner:plan"), PLAN | {"export": "pdf"})
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.dictionaries(
        st.sampled_from(
            [
                "mode",
                "start",
                "days",
                "participants",
                "host_tz",
                "countries",
                "topic",
                "time",
                "minutes",
                "export",
            ]
        ),
        st.text(max_size=40) | st.sampled_from(["0", "-1", "99999", "2027-02-30", "25:99", "ics"]),
    )
)
def test_no_parameter_can_break_the_planner(client, methodology, params):
    params = {key: value.replace("\x00", "") for key, value in params.items()}
    response = client.get(reverse("planner:plan"), params)
    assert response.status_code == 200


def test_only_modes_with_a_template_can_be_planned(client):
    TemplateVersionFactory()  # an online template only
    response = client.get(reverse("planner:plan"), {"mode": "onsite"})
    assert response.status_code == 200
    assert 'href="#id_template"' in response.text
    assert 'value="onsite"' not in response.text


def fix_links(page: str, code: str) -> dict[str, str]:
    """The page's warnings of a kind, each message with the address that applies its fix."""
    pattern = rf'<li class="warning warning-{code} [^"]*">.*?<strong>(.*?)</strong>(.*?)</li>'
    return {
        message: html.unescape(link[0])
        for message, rest in re.findall(pattern, page, flags=re.DOTALL)
        if (link := re.findall(r'<a href="([^"]+)">Apply this fix</a>', rest))
    }


@pytest.mark.parametrize(
    ("code", "wrong"),
    [
        ("time_zones", {"time": "09:00", "countries": "PT, FI"}),
        ("group_size", {"participants": "6"}),
        ("daily_limit", {"minutes": "150", "days": "4"}),
        ("weekend", {"start": "2027-03-20"}),
        ("past", {"start": "2026-01-05"}),
    ],
)
def test_applying_a_warnings_fix_gives_a_plan_without_that_warning(
    client, methodology, code, wrong
):
    url = reverse("planner:plan")
    page = client.get(url, PLAN | wrong | {"topic": "Heritage & food"}).text
    [(message, link), *_others] = fix_links(page, code).items()
    fixed = client.get(url + link)
    assert fixed.status_code == 200
    assert html.unescape(message) not in html.unescape(fixed.text)
    assert "Heritage &amp; food" in fixed.text  # the rest of the plan is kept


def test_a_fix_link_leads_to_the_page_not_to_another_download(client, methodology):
    response = client.get(reverse("planner:plan"), PLAN | {"participants": "6", "export": "x"})
    links = fix_links(response.text, "group_size").values()
    assert links and all("export" not in link for link in links)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("days", "0"),
        ("days", "10000"),
        ("participants", "-1"),
        ("host_tz", "Nowhere/Atlantis"),
        ("start", "not-a-date"),
        ("countries", "ZZ"),
    ],
)
def test_an_absurd_parameter_is_shown_at_its_field_not_as_an_error_page(
    client, methodology, field, value
):
    for export in ("", "ics", "csv", "pdf"):
        response = client.get(reverse("planner:plan"), PLAN | {field: value, "export": export})
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/html")
        assert f'href="#id_{field}"' in response.text


def test_without_any_template_the_planner_says_there_is_nothing_to_plan_with(client):
    page = client.get(reverse("planner:plan"), PLAN).text
    assert "The methodology has no visit template yet" in page
    assert "Draft agenda" not in page


def test_a_topic_with_a_line_break_gives_a_calendar(client, methodology):
    response = client.get(
        reverse("planner:plan"), PLAN | {"topic": "Heritage\r\nvisit", "export": "ics"}
    )
    calendar = Calendar.from_ical(response.content)
    assert str(calendar.get("x-wr-calname")) == "Heritage visit"


def agenda_days(page: str) -> list[tuple[str, list[str]]]:
    """Each day of the draft agenda: its heading's text and its sessions' text."""
    days = re.findall(r"<h3>(Day \d+.*?)</h3>.*?<ol class=\"agenda\">(.*?)</ol>", page, re.DOTALL)

    def text(fragment: str) -> str:
        return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()

    return [
        (text(heading), [text(item) for item in re.findall(r"<li>(.*?)</li>", items)])
        for heading, items in days
    ]


def test_the_agenda_keeps_to_the_minutes_asked_as_its_warning_and_exports_do(client, methodology):
    asked = PLAN | {"days": "4", "minutes": "180"}
    page = client.get(reverse("planner:plan"), asked).text
    days = agenda_days(page)
    # Day 1's formats fill 155 minutes at their longest, with a 10-minute break: 165.
    assert [heading[-9:] for heading, _ in days] == [
        "(165 min)",
        "(180 min)",
        "(180 min)",
        "(180 min)",
    ]
    assert "Shorter than the 180 min asked: its formats fill 165 minutes at their longest." in page
    assert all(sessions[0].startswith("10:00") for _, sessions in days)
    assert [sessions[-1].split(" · ")[0][-5:] for _, sessions in days] == [
        "12:45",
        "13:00",
        "13:00",
        "13:00",
    ]
    assert page.count('class="agenda-pause"') == 4  # one break a day, shown
    assert "Sessions of 180 minutes a day are more than the 120 minutes" in page
    response = client.get(reverse("planner:plan"), asked | {"export": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    last_end = {}
    for _kind, date, _start, end, *_rest in (row for row in rows[1:] if row[0] == "Session"):
        last_end[date] = max(last_end.get(date, ""), end)
    assert last_end == {
        "2027-03-22": "12:45",
        "2027-03-23": "13:00",
        "2027-03-24": "13:00",
        "2027-03-25": "13:00",
    }
    pdf = client.get(reverse("planner:plan"), asked | {"export": "pdf"}).content
    text = " ".join(sheet.extract_text() for sheet in PdfReader(io.BytesIO(pdf)).pages)
    assert text.count("(180 min)") == 3 and "Break" in text


def test_no_two_days_of_the_online_visit_are_alike_and_solutions_come_the_day_before_last(
    client, methodology
):
    page = client.get(reverse("planner:plan"), PLAN | {"days": "5"}).text
    days = [[item.split(" · ")[1] for item in day] for _, day in agenda_days(page)]
    assert len(days) == 5 and len({tuple(day) for day in days}) == 5
    assert "Peer review clinic" in days[1] and "Fishbowl" in days[2]
    assert "Solution workshop" in days[3] and days[4][:2] == ["Transfer lab", "Action planning"]


def a_plan_starting_in(days: int) -> dict:
    return PLAN | {"start": (datetime.date.today() + datetime.timedelta(days=days)).isoformat()}


def test_minor_notes_are_folded_below_the_things_to_fix(client, methodology):
    # The first milestone, 200 days before the start, is past; some others fall on weekends.
    page = client.get(reverse("planner:plan"), a_plan_starting_in(190) | {"days": "4"}).text
    section = page[page.index('id="warnings-heading"') : page.index('id="agenda-heading"')]
    things, folded = section.split('<details class="minor-notes">')
    assert 'class="warning warning-past severity-blocking"' in things
    assert "Submit the good practice" not in folded  # past: no weekend to move it from
    minor = folded.count("severity-minor")
    assert folded.count('class="warning warning-weekend severity-minor"') > 0
    assert minor > 0 and folded.count('<li class="warning') == minor
    assert f"<summary>{minor} minor notes</summary>" in folded
    shown = things.count('<li class="warning')
    assert f"{shown} thing{'s' if shown > 1 else ''} to fix</h2>" in things
    [link] = re.findall(r'<a href="([^"]+)">Apply this fix</a>', things.split("</li>")[0])
    fixed = client.get(reverse("planner:plan") + html.unescape(link)).text
    assert "warning-past" not in fixed


def test_a_single_past_milestone_is_told_in_the_singular(client, methodology):
    page = client.get(reverse("planner:plan"), a_plan_starting_in(190)).text
    assert "1 milestone is already past: “Submit the good practice” on" in html.unescape(page)


def test_the_countries_field_shows_its_whole_list(client, methodology):
    many = "Portugal, Spain, France, Poland, Finland, Germany, Italy, Estonia"
    page = client.get(reverse("planner:plan"), PLAN | {"countries": many}).text
    assert re.search(rf'<textarea name="countries"[^>]*>\s*{many}</textarea>', page)


def test_the_planner_offers_every_template_with_its_purpose(client, methodology):
    page = client.get(reverse("planner:plan")).text
    for slug in ("online", "onsite", "hybrid", "bilateral-study-visit", "online-clinic"):
        assert f'name="template" value="{slug}"' in page
    assert "Expert mission</span>" in page
    assert "Choose an expert mission when a city has a precise question" in page
    assert "Onsite, 1 to 3 days, about 2 participants." in page


def test_the_chosen_template_plans_with_its_own_days_and_people(client, methodology):
    page = client.get(reverse("planner:plan"), {"template": "bilateral-study-visit"}).text
    assert re.search(r'value="bilateral-study-visit"[^>]* checked>', page)
    assert "Bilateral study visit, from " in page and "for 3 participants" in page
    assert len(re.findall(r"<h3>Day \d", page)) == 2
    assert "Call for participants" not in page.split('id="timeline-heading"')[1]
    refused = client.get(reverse("planner:plan"), {"template": "online-clinic", "days": "3"})
    assert "This kind of visit runs 1 day." in refused.text


def test_an_old_address_with_only_a_mode_plans_with_the_modes_main_template(client, methodology):
    # The bilateral study visit was loaded first, but the onsite visit is the main onsite one.
    page = client.get(reverse("planner:plan"), {"mode": "onsite", "days": "3"}).text
    assert "Onsite peer-learning visit, from " in page
    assert len(re.findall(r"<h3>Day \d", page)) == 3


def test_a_visit_on_easter_monday_is_flagged_and_its_fix_avoids_every_holiday(client, methodology):
    easter = PLAN | {"start": "2027-03-29", "days": "4", "host_tz": "Europe/Brussels"}
    page = client.get(reverse("planner:plan"), easter).text
    assert "Public holidays are checked for Belgium, the host's country" in page
    warnings = page.index('id="warnings-heading"')  # up to the minor notes, folded below
    things = page[warnings : page.index("<details", warnings)]
    assert "Day 1 of the visit, Monday 29 March 2027, is Easter Monday" in things
    [link] = re.findall(
        r"is Easter Monday.*?<a href=\"([^\"]+)\">Apply this fix</a>", things, re.DOTALL
    )
    fixed = client.get(reverse("planner:plan") + html.unescape(link)).text
    assert "start=2027-03-30" in html.unescape(link)
    assert "a public holiday in Belgium" not in fixed
    luxembourg = client.get(reverse("planner:plan"), easter | {"host_country": "LU"}).text
    assert "a public holiday in Luxembourg" in luxembourg


def test_a_host_country_in_lower_case_is_understood_and_the_holiday_note_fits_the_plan(
    client, methodology
):
    easter = PLAN | {"start": "2027-03-29", "days": "4", "host_tz": "Europe/Brussels"}
    page = client.get(reverse("planner:plan"), easter | {"host_country": "lu"}).text
    assert "a public holiday in Luxembourg" in page  # "lu" is Luxembourg, not an error
    alone = client.get(reverse("planner:plan"), easter | {"countries": ""}).text
    assert "name the participants' countries to check theirs too" in alone
    with_countries = client.get(reverse("planner:plan"), easter | {"countries": "PT, FI"}).text
    assert "and for the participants' countries" in with_countries
