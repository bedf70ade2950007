"""The public page of a visit, and "My visits"."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from citypeers.programmes.models import Visit
from citypeers.visits.enums import ResourceVisibility
from citypeers.visits.permissions import resource_reach
from citypeers.visits.selectors.breakouts import my_breakout_groups
from citypeers.visits.selectors.links import visit_links
from citypeers.visits.selectors.mine import my_visits
from citypeers.visits.selectors.pages import plan_of, published_sessions, visit_for_page
from citypeers.visits.selectors.resources import with_resources
from citypeers.visits.selectors.rooms import join_addresses
from citypeers.visits.texts.event import event_json, visit_event


def visit_page(request: HttpRequest, programme: str, visit: str) -> HttpResponse:
    try:
        obj = visit_for_page(programme, visit)
    except Visit.DoesNotExist:
        raise Http404 from None
    plan = plan_of(obj)
    reach = resource_reach(request.user, obj)
    sessions = with_resources(published_sessions(obj), reach=reach)
    join = join_addresses(obj, request.user, sessions)
    my_groups = my_breakout_groups(obj, request.user)
    context = {
        "visit": obj,
        "plan": plan,
        "agenda": [
            (session, join.get(session.pk), [g for g in my_groups if g.session.pk == session.pk])
            for session in sessions
        ],
        "event_json": event_json(visit_event(obj, sessions=sessions)),
        "can_run": request.user.has_perm("visits.run_visit", obj),
        "sees_every_resource": reach == ResourceVisibility.TEAM,
        "may_see_roster": request.user.has_perm("visits.view_roster", obj),
        "may_answer": request.user.has_perm("visits.answer_questionnaire", obj),
        "may_see_pack": request.user.has_perm("visits.view_pack", obj),
        "may_see_recommendations": request.user.has_perm("visits.view_recommendations", obj),
        "viewer_zone": getattr(request.user, "time_zone", None),
        "today": timezone.localdate(),
        "my_groups": my_groups,
        "links": visit_links(obj, request.user),
    }
    return render(request, "visits/visit.html", context)


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """My visits: those the person runs, with their status, and those they take part in."""
    today = timezone.localdate()
    mine = my_visits(request.user, today=today)
    entries = mine.upcoming + mine.past
    context = {
        "mine": mine,
        "today": today,
        "may_plan": {
            entry.visit.pk
            for entry in entries
            if entry.status and request.user.has_perm("visits.plan_visit", entry.visit)
        },
        "may_create": not entries and request.user.has_perm("visits.create_visit"),
    }
    return render(request, "visits/dashboard.html", context)
