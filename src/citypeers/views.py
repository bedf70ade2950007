"""The project's own pages, above every app: the home page gathers what the apps offer, and a
person's home (`/me/`) gathers what each app asks of them."""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

from citypeers.calls.selectors.personal import (
    calls_to_review,
    calls_to_steer,
    places_to_answer,
    visits_confirmed_for,
    visits_given_to,
)
from citypeers.core.page_cache import public_page
from citypeers.feedback.selectors.plans import plan_prompts
from citypeers.news.selectors import news_published, shown_in
from citypeers.people.selectors import affiliations_to_decide, pending_affiliation
from citypeers.programmes.models import Programme, Role
from citypeers.programmes.selectors import memberships_of, programmes_list
from citypeers.visits.enums import TEAM_ROLES
from citypeers.visits.selectors.breakouts import MyGroup, my_breakout_groups_by_visit
from citypeers.visits.selectors.mine import tasks_due_for, visits_with_a_role
from citypeers.visits.selectors.rooms import calendar_rooms


@public_page(for_signed_in=True)
def home(request: HttpRequest) -> HttpResponse:
    context = {
        "programmes": programmes_list()[:3],
        "news": shown_in(news_published()[:3], get_language()),
    }
    return render(request, "home.html", context)


@dataclass
class ProgrammePart:
    """Everything else a person has in one programme: their roles and their visits."""

    programme: Programme
    memberships: list = field(default_factory=list)
    visits: list = field(default_factory=list)

    @property
    def coordinates(self) -> bool:
        """The person coordinates the programme (its impact page is linked for them)."""
        return any(m.role == Role.COORDINATOR and m.visit_id is None for m in self.memberships)


def _is_over(visit, today: datetime.date) -> bool:
    return visit.ends_on is not None and visit.ends_on < today


def _by_programme(memberships, visits) -> list[ProgrammePart]:
    parts: dict[int, ProgrammePart] = {}
    for membership in memberships:
        part = parts.setdefault(membership.programme_id, ProgrammePart(membership.programme))
        part.memberships.append(membership)
    for visit in visits:
        parts.setdefault(visit.programme_id, ProgrammePart(visit.programme)).visits.append(visit)
    return sorted(parts.values(), key=lambda part: part.programme.starts_on, reverse=True)


@dataclass
class ComingVisit:
    """A visit coming up, with the person's breakout groups in it; a session's "Join" link
    rides on its first group, when the person may join its room."""

    visit: object
    groups: list[tuple[MyGroup, str]] = field(default_factory=list)


def _coming(visits, user, today: datetime.date) -> list[ComingVisit]:
    coming = [visit for visit in visits if not _is_over(visit, today)]
    groups = my_breakout_groups_by_visit(coming, user)
    sessions = {g.session.pk: g.session for mine in groups.values() for g in mine}
    rooms = calendar_rooms(user, list(sessions.values()))
    lines = []
    for visit in coming:
        seen, mine = set(), []
        for group in groups.get(visit.pk, []):
            first = group.session.pk not in seen
            seen.add(group.session.pk)
            mine.append((group, rooms.get(group.session.pk, ("", ""))[1] if first else ""))
        lines.append(ComingVisit(visit, mine))
    return lines


@login_required
def me(request: HttpRequest) -> HttpResponse:
    """A person's home, built from their roles: what needs them now (calls waiting for a
    coordinator's step, reviews to score, places to answer, tasks due this week or overdue,
    action plans to write or follow up,
    visits coming up, with one's breakout groups and rooms), then the rest by programme."""
    user, today = request.user, timezone.localdate()
    memberships = list(memberships_of(user=user))
    visits = visits_with_a_role(user, also=visits_given_to(user))
    tasks = tasks_due_for(user, today=today)
    roles = {membership.role for membership in memberships}
    taking_part = {m.visit_id for m in memberships if m.role == Role.PARTICIPANT and m.visit_id}
    taking_part |= set(visits_confirmed_for(user).values_list("pk", flat=True))
    plans = plan_prompts(user, visits=[v for v in visits if v.pk in taking_part], today=today)
    context = {
        "coordinates": Role.COORDINATOR in roles,
        "reviews": Role.REVIEWER in roles,
        "in_a_team": bool(roles & TEAM_ROLES),
        "to_steer": list(calls_to_steer(user)) if Role.COORDINATOR in roles else [],
        "to_review": list(calls_to_review(user)),
        "to_answer": list(places_to_answer(user)),
        "overdue": [task for task in tasks if task.due_on < today],
        "this_week": [task for task in tasks if task.due_on >= today],
        "plans": plans,
        "coming": _coming(visits, user, today),
        "by_programme": _by_programme(memberships, visits),
        "today": today,
        "affiliation": pending_affiliation(user=user),
        "affiliations_to_decide": affiliations_to_decide(user=user).count(),
    }
    return render(request, "me.html", context)


# Pages that are personal, for staff, or forms are of no use to a search engine.
ROBOTS_DISALLOWED = ("/admin/", "/api/v1/docs/", "/*/accounts/", "/*/me/", "/*/staff/")


def robots_txt(request: HttpRequest) -> HttpResponse:
    """Where crawlers need not go, and the sitemap that lists every public page."""
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOWED)]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
