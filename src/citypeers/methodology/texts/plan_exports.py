"""A plan as iCalendar (milestones and sessions, with TZID), CSV and PDF."""

import datetime
import hashlib

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from citypeers.core.http import export_response
from citypeers.core.text import one_line
from citypeers.methodology.selectors.plan_data import Plan


def _uid(*parts) -> str:
    digest = hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:24]
    return f"{digest}@citypeers"


def plan_ics(plan: Plan, *, title: str) -> bytes:
    # icalendar leaves line breaks in X- properties as they are, which ends the line there.
    title = one_line(title)
    calendar = Calendar()
    calendar.add("prodid", "-//citypeers//visit planner//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", title)
    stamp = datetime.datetime.now(datetime.UTC)
    for milestone in plan.milestones:
        event = Event()
        event.add("uid", _uid("milestone", plan.request, milestone.step.title, milestone.date))
        event.add("dtstamp", stamp)
        event.add("summary", f"{milestone.step.phase}. {milestone.step.title}")
        event.add("dtstart", milestone.date)  # an all-day date
        event.add("dtend", milestone.date + datetime.timedelta(days=1))
        lines = [milestone.step.deliverable, *(f"- {item}" for item in milestone.step.checklist)]
        event.add("description", "\n".join(line for line in lines if line))
        calendar.add_component(event)
    for day in plan.days:
        for number, session in enumerate(day.sessions):
            event = Event()
            event.add("uid", _uid("session", plan.request, day.number, number))
            event.add("dtstamp", stamp)
            event.add("summary", f"{title}: {session.format.name}")
            # Aware datetimes in the host's zone: icalendar writes TZID and the VTIMEZONE.
            event.add("dtstart", session.starts)
            event.add("dtend", session.ends)
            calendar.add_component(event)
    # Only the years the plan spans, not the zone's whole history.
    first = min(m.date for m in plan.milestones) if plan.milestones else plan.request.start
    calendar.add_missing_timezones(
        first_date=first.replace(month=1, day=1),
        last_date=plan.end.replace(year=plan.end.year + 2, month=1, day=1),
    )
    return calendar.to_ical()


def plan_csv_response(plan: Plan, export_format: str):
    headers = [_("Kind"), _("Date"), _("Start"), _("End"), _("What"), _("Who"), _("Deliverable")]
    rows = [
        (
            _("Milestone"),
            m.date.isoformat(),
            "",
            "",
            f"{m.step.phase}. {m.step.title}",
            m.step.role,
            m.step.deliverable,
        )
        for m in plan.milestones
    ]
    rows += [
        (
            _("Session"),
            day.date.isoformat(),
            session.starts.strftime("%H:%M"),
            session.ends.strftime("%H:%M"),
            session.format.name,
            "",
            "",
        )
        for day in plan.days
        for session in day.sessions
    ]
    rows.sort(key=lambda row: (row[1], row[2]))
    return export_response(
        headers=headers, rows=rows, filename="citypeers-plan", export_format=export_format
    )


def plan_pdf(context: dict, base_url: str) -> bytes:
    from weasyprint import HTML  # heavy import, only when a PDF is really made

    html = render_to_string("methodology/plan_pdf.html", context)
    return HTML(string=html, base_url=base_url).write_pdf()
