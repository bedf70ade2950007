"""A visit in Brussels whose agenda crosses the change to summer time (28 March 2027), with a
participant in Lisbon (a role on the visit) and one in Helsinki (a place from the calls)."""

import datetime
import zoneinfo
from dataclasses import dataclass

import icalendar
import vobject

from citypeers.calls.enums import Outcome
from citypeers.programmes.models import Role
from citypeers.visits.models import AgendaSession
from tests.factories import (
    ActivityFormatFactory,
    AgendaSessionFactory,
    CallFactory,
    MembershipFactory,
    UserFactory,
    VisitFactory,
    VisitPlanFactory,
    sent_application,
)

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
LISBON = zoneinfo.ZoneInfo("Europe/Lisbon")
HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")


@dataclass
class Scene:
    visit: object
    before_change: AgendaSession  # Friday 26 March 2027, 10:00 in Brussels (09:00 UTC)
    after_change: AgendaSession  # Monday 29 March 2027, 10:00 in Brussels (08:00 UTC)
    lisbon: object
    helsinki: object


def brussels(day: int, hour: int = 10) -> datetime.datetime:
    return datetime.datetime(2027, 3, day, hour, tzinfo=BRUSSELS)


def build_scene(programme, *, published: bool = True) -> Scene:
    visit = VisitFactory(programme=programme, title="Heritage walks")
    VisitPlanFactory(visit=visit, time_zone="Europe/Brussels", agenda_published=published)
    walk = ActivityFormatFactory(name_en="Site visit")
    talk = ActivityFormatFactory(name_en="Peer review")
    before = AgendaSessionFactory(visit=visit, day=1, starts_at=brussels(26), format=walk)
    after = AgendaSessionFactory(visit=visit, day=4, starts_at=brussels(29), format=talk)
    lisbon = UserFactory(
        display_name="Inês", time_zone="Europe/Lisbon", languages=["pt", "en"], language="en"
    )
    MembershipFactory(programme=programme, visit=visit, role=Role.PARTICIPANT, user=lisbon)
    helsinki = UserFactory(display_name="Aino", time_zone="Europe/Helsinki", languages=["fr"])
    application = sent_application(CallFactory(programme=programme, visits=[visit]), helsinki)
    application.outcome, application.outcome_visit = Outcome.CONFIRMED, visit
    application.save()
    return Scene(visit, before, after, lisbon, helsinki)


def events_read_by_both(data: bytes):
    """The VEVENTs as (icalendar's, vobject's), in the file's order."""
    return (
        icalendar.Calendar.from_ical(data).walk("VEVENT"),
        vobject.readOne(data.decode()).contents.get("vevent", []),
    )
