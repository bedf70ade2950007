"""The planner's page: its defaults, wrong values shown at their fields, its exports."""

import csv
import io

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

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
    assert 'href="#id_mode"' in response.text
    assert '<option value="onsite"' not in response.text
