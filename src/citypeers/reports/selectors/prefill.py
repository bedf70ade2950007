"""A new report's first version, drafted from what the platform knows of the visit: its agenda,
who came (countries and city sizes, counted), the host's practice, the recommendations and the
host's answers, the resources, the end-of-visit survey's figures. The rapporteur rewrites it;
nothing here is invented.

Written in the active language: the service calls it inside the report's language."""

from collections import Counter
from zoneinfo import ZoneInfo

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from citypeers.places.models import SizeClass
from citypeers.programmes.models import Visit
from citypeers.reports.enums import SECTION_KEYS
from citypeers.reports.selectors.survey_figures import survey_figures_text
from citypeers.visits.enums import ResourceVisibility
from citypeers.visits.models import SessionResource
from citypeers.visits.selectors.feeds import visit_zone
from citypeers.visits.selectors.pages import plan_of
from citypeers.visits.selectors.recommendations import recommendations_of
from citypeers.visits.selectors.roster import roster_of


def _practice(visit: Visit):
    plan = plan_of(visit)
    return plan.practice if plan is not None else None


def agenda_text(visit: Visit) -> str:
    """The sessions by day, each with its format, time and length, in the visit's zone."""
    zone = ZoneInfo(visit_zone(visit))
    sessions = (
        visit.sessions.filter(cancelled_at=None).select_related("format").order_by("starts_at")
    )
    lines, day = [], None
    for session in sessions:
        if session.day != day:
            day = session.day
            when = date_format(session.starts_at.astimezone(zone).date(), "DATE_FORMAT")
            lines.append(f"\n**{_('Day %(day)s') % {'day': day}}** ({when})\n")
        start = session.starts_at.astimezone(zone).strftime("%H:%M")
        line = f"- {start} · {session.shown_title}"
        if session.title and session.title != session.format.name:
            line += f" ({session.format.name})"
        line += " · " + ngettext("%(n)s minute", "%(n)s minutes", session.minutes) % {
            "n": session.minutes
        }
        if session.objective:
            line += f": {session.objective.strip()}"
        lines.append(line)
    return "\n".join(lines).strip()


def participants_text(visit: Visit) -> str:
    """How many participants came, from which countries and what size of city, counted."""
    people = [person for person in roster_of(visit) if person.is_participant]
    if not people:
        return ""
    countries = Counter(person.country.name for person in people if person.country)
    sizes = Counter()
    for person in people:
        place = person.organisation.place if person.organisation else None
        if place is not None and place.size_class is not None:
            sizes[place.size_class] += 1
    lines = [
        ngettext(
            "%(count)s participant took part.", "%(count)s participants took part.", len(people)
        )
        % {"count": len(people)}
    ]
    if countries:
        lines.append("\n" + _("By country:") + "\n")
        lines += [f"- {name}: {count}" for name, count in sorted(countries.items())]
    if sizes:
        lines.append("\n" + _("By size of city:") + "\n")
        lines += [f"- {size.label}: {sizes[size]}" for size in SizeClass if size in sizes]
    return "\n".join(lines)


def practice_text(visit: Visit) -> str:
    practice = _practice(visit)
    if practice is None:
        return ""
    parts = [f"**{practice.title}**", practice.tagline, practice.summary, practice.results]
    return "\n\n".join(part.strip() for part in parts if part and part.strip())


def context_text(visit: Visit) -> str:
    place = visit.host_place
    line = _("The visit was hosted by %(place)s") % {"place": place.name}
    if place.country:
        line += f" ({place.country.name})"
    if place.population:
        line += ", " + _("population %(population)s") % {
            "population": number_format(place.population, force_grouping=True)
        }
    parts = [line + "."]
    practice = _practice(visit)
    if practice is not None and practice.context.strip():
        parts.append(practice.context.strip())
    return "\n\n".join(parts)


def recommendations_text(visit: Visit) -> str:
    lines = []
    for number, item in enumerate(recommendations_of(visit), start=1):
        lines.append(f"{number}. {item.text.strip()}")
        answer = item.get_status_display()
        if item.answer:
            answer += f": {item.answer.strip()}"
        lines.append("   " + _("The host's answer: %(answer)s") % {"answer": answer})
    return "\n".join(lines)


def resources_text(visit: Visit) -> str:
    """The sessions' public resources with their licence (a report is read by everyone once
    published), then the practice's sources."""
    lines: dict[str, str] = {}
    public = SessionResource.objects.filter(
        session__visit=visit,
        session__cancelled_at=None,
        visibility=ResourceVisibility.PUBLIC,
    ).order_by("session__starts_at", "position", "pk")
    for resource in public:
        licence = resource.get_licence_display()
        lines.setdefault(resource.url, f"- [{resource.title}](<{resource.url}>) ({licence})")
    practice = _practice(visit)
    if practice is not None:
        for link in (line.strip() for line in practice.links.splitlines()):
            if link:
                lines.setdefault(link, f"- <{link}>")
    return "\n".join(lines.values())


def prefilled_sections(visit: Visit) -> dict[str, str]:
    """Every section's starting text (empty where the platform knows nothing to say)."""
    practice = _practice(visit)
    discussed = [agenda_text(visit), participants_text(visit), survey_figures_text(visit)]
    sections = {
        "practice": practice_text(visit),
        "context": context_text(visit),
        "discussed": "\n\n".join(part for part in discussed if part),
        "transfer": practice.transferability.strip() if practice is not None else "",
        "recommendations": recommendations_text(visit),
        "takeaways": practice.lessons.strip() if practice is not None else "",
        "resources": resources_text(visit),
    }
    return {key: sections.get(key, "") for key in SECTION_KEYS}
