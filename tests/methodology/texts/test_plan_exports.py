"""A plan as files: iCalendar that calendar programs read (zones included, milestones as
all-day events), and CSV in date order."""

import csv
import dataclasses
import datetime
import io

import pytest
from icalendar import Calendar

from citypeers.methodology.selectors.plan_data import (
    FormatInfo,
    PlanRequest,
    PlanTemplate,
    StepInfo,
)
from citypeers.methodology.selectors.planning import make_plan
from citypeers.methodology.texts.plan_exports import plan_csv_response, plan_ics

CAFE = FormatInfo("world-cafe", "World café", "exchange", ("online",), 4, 48, 45, 90)
# A name a spreadsheet would run as a formula.
WRAP_UP = FormatInfo("wrap-up", "=Wrap-up", "reflection", ("online",), 4, 80, 15, 30)
TEMPLATE = PlanTemplate(
    mode="online",
    min_days=1,
    max_days=5,
    daily_minutes_max=120,
    session_start=datetime.time(10),
    steps=(
        StepInfo(
            4,
            "Call",
            "Close the call",
            "Coordinator",
            "start",
            -42,
            "Applications",
            ("Every application complete", "Reviewers told"),
        ),
        StepInfo(9, "Report", "Publish the report", "Rapporteur", "end", 14, "", ()),
    ),
    agenda={"first": ((CAFE, 60),), "middle": ((CAFE, 60),), "last": ((CAFE, 45), (WRAP_UP, 20))},
)
# Thursday 25 to Monday 29 March 2027: Brussels changes to summer time on the Sunday.
REQUEST = PlanRequest("online", datetime.date(2027, 3, 25), 5, 24, "Europe/Brussels")


@pytest.fixture
def plan():
    return make_plan(TEMPLATE, REQUEST, today=datetime.date(2026, 11, 25))


def events(calendar):
    return list(calendar.walk("VEVENT"))


def test_sessions_carry_the_hosts_zone_and_its_definition(plan):
    calendar = Calendar.from_ical(plan_ics(plan, title="Heritage visit"))
    sessions = [e for e in events(calendar) if "TZID" in e.get("dtstart").params]
    assert len(sessions) == 6
    assert {e.get("dtstart").params["TZID"] for e in sessions} == {"Europe/Brussels"}
    assert str(sessions[0].get("summary")) == "Heritage visit: World café"
    starts = [e.decoded("dtstart") for e in sessions]
    assert [s.utcoffset() for s in (starts[0], starts[-1])] == [
        datetime.timedelta(hours=1),
        datetime.timedelta(hours=2),
    ]
    assert sessions[0].decoded("dtend") - starts[0] == datetime.timedelta(minutes=60)
    [zone] = calendar.walk("VTIMEZONE")
    assert zone.get("TZID") == "Europe/Brussels"
    assert {part.name for part in zone.subcomponents} >= {"STANDARD", "DAYLIGHT"}
    assert b"BEGIN:VTIMEZONE" in plan_ics(plan, title="x")


def test_milestones_are_all_day_events_with_their_deliverable_and_checklist(plan):
    calendar = Calendar.from_ical(plan_ics(plan, title="Heritage visit"))
    milestones = [e for e in events(calendar) if "TZID" not in e.get("dtstart").params]
    close, report = milestones
    assert str(close.get("summary")) == "4. Close the call"
    assert close.decoded("dtstart") == datetime.date(2027, 2, 11)
    assert not isinstance(close.decoded("dtstart"), datetime.datetime)
    assert close.decoded("dtend") == datetime.date(2027, 2, 12)
    assert str(close.get("description")) == (
        "Applications\n- Every application complete\n- Reviewers told"
    )
    assert report.decoded("dtstart") == datetime.date(2027, 4, 12)
    assert str(report.get("description")) == ""


def test_exporting_the_same_plan_again_updates_rather_than_duplicates_events(plan):
    first = Calendar.from_ical(plan_ics(plan, title="Heritage visit"))
    again = Calendar.from_ical(plan_ics(plan, title="Heritage visit"))
    uids = [str(e.get("uid")) for e in events(first)]
    assert len(set(uids)) == len(uids) == 8
    assert uids == [str(e.get("uid")) for e in events(again)]
    later = dataclasses.replace(REQUEST, start=datetime.date(2027, 4, 5))
    other = make_plan(TEMPLATE, later, today=datetime.date(2026, 11, 25))
    other_uids = {str(e.get("uid")) for e in events(Calendar.from_ical(plan_ics(other, title="")))}
    assert not set(uids) & other_uids  # another plan: other events


def test_vobject_reads_the_calendar_too(plan):
    vobject = pytest.importorskip("vobject")
    calendar = vobject.readOne(plan_ics(plan, title="Heritage visit").decode())
    assert len(calendar.vevent_list) == 8
    assert calendar.vtimezone.tzid.value == "Europe/Brussels"


def test_the_csv_lists_milestones_and_sessions_by_date_and_time_under_headers(plan):
    response = plan_csv_response(plan, "csv")
    assert response["Content-Disposition"] == 'attachment; filename="citypeers-plan.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Kind", "Date", "Start", "End", "What", "Who", "Deliverable"]
    assert rows[1] == [
        "Milestone",
        "2027-02-11",
        "",
        "",
        "4. Close the call",
        "Coordinator",
        "Applications",
    ]
    assert rows[2] == ["Session", "2027-03-25", "10:00", "11:00", "World café", "", ""]
    last_day = [row for row in rows if row[1] == "2027-03-29"]
    assert [(row[2], row[4]) for row in last_day] == [
        ("10:00", "World café"),
        ("10:45", "'=Wrap-up"),
    ]
    assert rows[-1][:2] == ["Milestone", "2027-04-12"]
    assert len(rows) == 1 + 2 + 6


def test_a_title_with_line_breaks_stays_one_line_of_the_calendar(plan):
    """A topic typed with a line break (or stored before forms cleaned it) would end the
    calendar's name line, which icalendar refuses to write."""
    calendar = Calendar.from_ical(plan_ics(plan, title="Heritage\r\nvisit\u2028now"))
    assert str(calendar.get("x-wr-calname")) == "Heritage visit now"
    assert str(events(calendar)[-1].get("summary")).startswith("Heritage visit now: ")
